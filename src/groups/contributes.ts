import type { Contribution, StatusPart } from "../core/contributes.js";
import { countGroups } from "./store.js";

const groupCounts: StatusPart<{ active: number; left: number }> = {
  key: "groups",
  rank: 50,
  build: (ctx, day) => countGroups(ctx.db, day),
  details: (ctx, counts) => [[10, ctx.t("status.groups"), ctx.t("status.groupsValue", counts)]],
};

export const groups: Contribution = { area: "groups", text: {
    groups: { name: "none", name_key: "none", short: "none", short_key: "none", kind: "none", joined_on: "none", left_on: "none", email: "scrub", phone: "scrub", notes: "scrub", created_at: "none", iban: "none" },
  }, status: [groupCounts as StatusPart] };
