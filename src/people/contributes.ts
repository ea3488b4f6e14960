import type { Contribution, StatusPart } from "../core/contributes.js";
import { heading, say } from "../core/output.js";
import { countPeople, groupsWithoutRepresentative } from "./store.js";

const peopleCounts: StatusPart<{ total: number; forgotten: number }> = {
  key: "people",
  rank: 60,
  build: (ctx) => countPeople(ctx.db),
  details: (ctx, counts) => [[20, ctx.t("status.people"), ctx.t("status.peopleValue", counts)]],
};

/** The dashboard's last lines: which active groups have no representative. */
const unrepresented: StatusPart<string[]> = {
  key: "groupsWithoutRepresentative",
  rank: 70,
  build: (ctx, day) => groupsWithoutRepresentative(ctx.db, day),
  after: {
    rank: 60,
    print(ctx, names, report) {
      if ((report.groups as { active: number }).active === 0) return say(`\n${ctx.t("status.empty")}`);
      if (names.length === 0) return say(`\n${ctx.t("status.allRepresented")}`);
      heading(ctx, ctx.t("status.noRepresentative"));
      for (const name of names) say(`  • ${name}`);
    },
  },
};

export const people: Contribution = { area: "people", text: {
    people: { name: "area", name_key: "area", email: "area", phone: "area", notes: "scrub", created_at: "none", forgotten_at: "none" },
    group_roles: { role: "none", since: "none", until: "none" },
  }, status: [peopleCounts as StatusPart, unrepresented as StatusPart] };
