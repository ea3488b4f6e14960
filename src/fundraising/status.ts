// The fundraising part of `plattform status`: deadlines in the next 30 days, overdue reports, budget coverage.
import type { Context } from "../core/context.js";
import { formatDate } from "../core/dates.js";
import { heading, say } from "../core/output.js";
import type { Deadline, FundraisingStatus } from "./report.js";
import { monthLabel } from "./reportDocument.js";

import { fundraisingStatus } from "./report.js";
import type { StatusPart } from "../core/contributes.js";

function kindText(ctx: Context, d: Deadline): string {
  return d.kind === "application" ? ctx.t("funds.deadline.application") : ctx.t(`funds.reportKind.${d.kind}`);
}

/** The coverage line among the dashboard's details. */
function fundraisingDetails(ctx: Context, s: FundraisingStatus): Array<[string, string]> {
  const text =
    s.budget === 0
      ? null
      : s.coveredUntil === null
        ? ctx.t("funds.coverage.none", { year: s.year })
        : ctx.t(s.coveredUntil.endsWith("-12") ? "funds.coverage.full" : "funds.coverage.until", { month: monthLabel(s.coveredUntil, ctx.lang) });
  return text === null ? [] : [[ctx.t("status.funds.coverage"), text]];
}

function printFundraisingStatus(ctx: Context, s: FundraisingStatus): void {
  const line = (d: Deadline) =>
    ctx.t("status.funds.deadlineLine", { date: formatDate(d.date, ctx.lang), kind: kindText(ctx, d), title: d.title, funder: d.funder });
  if (s.overdueReports.length > 0) {
    heading(ctx, ctx.t("status.funds.overdueReports"));
    for (const d of s.overdueReports) say(`  • ${line(d)} (${ctx.t("funds.overdue", { days: -d.days })})`);
  }
  if (s.deadlines.length > 0) {
    heading(ctx, ctx.t("status.funds.deadlines"));
    for (const d of s.deadlines) say(`  • ${line(d)}`);
  }
}

/** Fundraising deadlines in the next 30 days, overdue reporting deadlines, this year's budget coverage. */
export const fundraisingStatusPart: StatusPart<FundraisingStatus> = {
  key: "fundraising",
  rank: 140,
  build: (ctx, day) => fundraisingStatus(ctx.db, day),
  details: (ctx, s) => fundraisingDetails(ctx, s).map(([label, value]) => [100, label, value]),
  after: { rank: 50, print: printFundraisingStatus },
};
