import type { Contribution, StatusPart } from "../core/contributes.js";
import { formatDate, shiftDate } from "../core/dates.js";
import { heading, say } from "../core/output.js";
import { DUE_SOON_DAYS, type Commitment } from "./model.js";
import { listCommitments } from "./store.js";

/** Open commitments due from today to DUE_SOON_DAYS ahead, and those due before today. */
const due: StatusPart<{ dueSoon: Commitment[]; overdue: Commitment[] }> = {
  key: "commitments",
  rank: 130,
  build: (ctx, day) => ({
    dueSoon: listCommitments(ctx.db, { dueUntil: shiftDate(day, DUE_SOON_DAYS, "d") }).filter((c) => c.due! >= day),
    overdue: listCommitments(ctx.db, { overdueOn: day }),
  }),
  details: (ctx, c) => [[90, ctx.t("status.commitments"), ctx.t("status.commitmentsValue", { due: c.dueSoon.length, overdue: c.overdue.length, days: DUE_SOON_DAYS })]],
  after: {
    rank: 40,
    print(ctx, c) {
      const items = [...c.overdue.map((x) => [x, true] as const), ...c.dueSoon.map((x) => [x, false] as const)];
      if (items.length === 0) return;
      heading(ctx, ctx.t("status.commitmentsHeading"));
      for (const [x, overdue] of items)
        say(`  • #${x.id} ${formatDate(x.due, ctx.lang)}${overdue ? ` (${ctx.t("commitments.overdue")})` : ""}: ${x.from} — ${x.ask}`);
    },
  },
};

export const commitments: Contribution = { area: "commitments", text: {
    commitments: { ask: "scrub", answer: "scrub", given_on: "none", due_on: "none", status: "none", status_on: "none", created_at: "none" },
    commitment_updates: { on_date: "none", status: "none", note: "scrub", created_at: "none" },
    decision_makers: { name: "none", name_key: "none", office: "none", body: "none", created_at: "none" },
  }, status: [due as StatusPart] };
