// The organizing part of `plattform status`: conversations to follow up and commitments coming due or overdue.
import type { Context } from "../core/context.js";
import { formatDate, shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { heading, say } from "../core/output.js";
import { followUpsDue, type FollowUp } from "../conversations/index.js";
import { DUE_SOON_DAYS, type Commitment } from "./model.js";
import { listCommitments } from "./store.js";

/** How far ahead the dashboard looks for follow-ups of conversations. */
export const FOLLOW_UP_DAYS = 14;

/** How many follow-ups the dashboard lists by name. */
const SHOWN = 10;

export interface OrganizingStatus {
  /** conversations whose follow-up date is within FOLLOW_UP_DAYS or past, not yet followed up */
  followUpsDue: Array<FollowUp & { overdue: boolean }>;
  commitments: {
    /** open, due from today to DUE_SOON_DAYS ahead */
    dueSoon: Commitment[];
    /** open, due before today */
    overdue: Commitment[];
  };
}

export function organizingStatus(db: Db, day: string, forgottenLabel: string): OrganizingStatus {
  const name = (n: string | null, id: number) => n ?? `${forgottenLabel} #${id}`;
  return {
    followUpsDue: followUpsDue(db, shiftDate(day, FOLLOW_UP_DAYS, "d")).map((f) => ({
      ...f,
      holder: name(f.holder, f.holderId),
      with: f.with.map((w) => w ?? forgottenLabel),
      overdue: f.followUp < day,
    })),
    commitments: {
      dueSoon: listCommitments(db, { dueUntil: shiftDate(day, DUE_SOON_DAYS, "d") }).filter((c) => c.due! >= day),
      overdue: listCommitments(db, { overdueOn: day }),
    },
  };
}

/** The dashboard lines: counts in the details, then the items themselves. */
export function organizingDetails(ctx: Context, s: OrganizingStatus): Array<[string, string]> {
  return [
    [ctx.t("status.followUps"), ctx.t("status.followUpsValue", { due: s.followUpsDue.length, overdue: s.followUpsDue.filter((f) => f.overdue).length, days: FOLLOW_UP_DAYS })],
    [ctx.t("status.commitments"), ctx.t("status.commitmentsValue", { due: s.commitments.dueSoon.length, overdue: s.commitments.overdue.length, days: DUE_SOON_DAYS })],
  ];
}

export function printOrganizingStatus(ctx: Context, s: OrganizingStatus): void {
  if (s.followUpsDue.length > 0) {
    heading(ctx, ctx.t("status.followUpsHeading"));
    // The most urgent ones; the dashboard stays short (--json has them all).
    for (const f of s.followUpsDue.slice(0, SHOWN))
      say(`  • ${formatDate(f.followUp, ctx.lang)}${f.overdue ? ` (${ctx.t("commitments.overdue")})` : ""}: ${f.holder} → ${f.with.join(", ")}${f.nextStep ? ` — ${f.nextStep}` : ""}`);
    if (s.followUpsDue.length > SHOWN) say(`  ${ctx.t("status.more", { count: s.followUpsDue.length - SHOWN })}`);
  }
  const items = [...s.commitments.overdue.map((c) => [c, true] as const), ...s.commitments.dueSoon.map((c) => [c, false] as const)];
  if (items.length > 0) {
    heading(ctx, ctx.t("status.commitmentsHeading"));
    for (const [c, overdue] of items)
      say(`  • #${c.id} ${formatDate(c.due, ctx.lang)}${overdue ? ` (${ctx.t("commitments.overdue")})` : ""}: ${c.from} — ${c.ask}`);
  }
}
