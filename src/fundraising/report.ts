// The fundraising report's data for a year, and the deadlines: built once from the store, then printed as a
// table, JSON, Markdown or HTML, and used by `status` and the annual report.
import { compareIso, shiftDate } from "../core/dates.js";
import { compareNames } from "../core/validate.js";
import type { Db } from "../core/db.js";
import {
  INCOME_KINDS,
  OPEN_STAGES,
  coveredUntil,
  daysBetween,
  duesLine,
  expectedByYear,
  expectedValue,
  grantInYear,
  monthlyBudget,
  outstandingAward,
  sumCents,
  type Application,
  type DuesLine,
  type Income,
  type IncomeKind,
  type OpenStage,
  type ReportingKind,
} from "./model.js";
import { applicationsInStages, approvedForRange, budgetLines, duesOfYear, getApplication, incomeTotal, listIncome, listReportingDeadlines } from "./store.js";

export interface StageSummary {
  count: number;
  /** cents requested */
  requested: number;
  /** cents: Σ requested × probability / 100, rounded half up once for the stage */
  expectedValue: number;
}

export interface GrantSummary {
  id: number;
  title: string;
  funder: string;
  awarded: number;
  received: number;
  /** awarded − received (all years) */
  outstanding: number;
  restricted: boolean;
  period: { from: string | null; until: string | null } | null;
  /** cents of its instalments received in the report's year */
  receivedInYear: number;
  /** cents of the rest of the award this year counts on (model.ts expectedByYear) */
  expectedInYear: number;
  /** receivedInYear + expectedInYear: what the grant secures for the year */
  securedInYear: number;
}

export interface FundraisingReport {
  year: number;
  /** the day the pipeline and the open grants are taken on */
  asOf: string;
  income: {
    total: number;
    byKind: Record<IncomeKind, number>;
    bySource: Array<{ source: string; kind: "funder" | "group" | "person" | "text" | "none"; total: number }>;
    /** cents received per month, January first */
    byMonth: number[];
  };
  funds: { restricted: number; general: number; byFund: Array<{ fund: string; total: number }> };
  pipeline: { expectedValue: number; requested: number; count: number; byStage: Record<OpenStage, StageSummary> };
  grants: { awarded: number; received: number; outstanding: number; receivedInYear: number; expectedInYear: number; securedInYear: number; list: GrantSummary[] };
  dues: { assessed: number; paid: number; outstanding: number };
  budget: {
    total: number;
    lines: Array<{ line: string; amount: number }>;
    /** the total spread over the months (remainder cents to the first months) */
    monthly: number[];
    /** received in the year */
    received: number;
    /** approved and not yet received: the grants' shares of the year (model.ts expectedByYear) */
    approved: number;
    /** received + approved: what coverage counts */
    secured: number;
    /** dues assessed for the year and not yet paid */
    duesOutstanding: number;
    /** the pipeline's expected value */
    pipeline: number;
    /** secured + dues outstanding + pipeline */
    expected: number;
    /** total − secured: still to be raised (negative: more than the budget is secured) */
    gap: number;
  };
  coveredUntil: string | null;
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, until: `${year}-12-31` });

function sourceOf(i: Income, noneLabel: string): { source: string; kind: FundraisingReport["income"]["bySource"][number]["kind"] } {
  if (!i.source) return { source: noneLabel, kind: "none" };
  return { source: i.source.name, kind: i.source.kind };
}

/** Dues per group for a year: assessed, paid (payments marked for that year), outstanding. */
export function duesStatus(db: Db, year: number): DuesLine[] {
  return duesOfYear(db, year).map((d) => duesLine(d.group, d.assessed, d.paid));
}

/**
 * The approved grants with money in `year`: received in it, or a share of their rest (expectedByYear), or a
 * funding period that touches it (so a grant paid in full still shows in the years it funds).
 */
function grantsOfYear(db: Db, year: number): GrantSummary[] {
  return approvedForRange(db, yearRange(year)).flatMap((a) => {
    const expected = expectedByYear({ awarded: a.awarded ?? 0, received: a.received, lastReceived: a.lastReceived, period: a.period, approvedOn: a.approvedOn }).find((y) => y.year === year)?.amount ?? 0;
    if (a.receivedInRange === 0 && expected === 0 && !grantInYear(year, a.period, a.approvedOn)) return [];
    return [
      {
        id: a.id,
        title: a.title,
        funder: a.funder,
        awarded: a.awarded ?? 0,
        received: a.received,
        outstanding: outstandingAward(a.awarded, a.received),
        restricted: a.restricted,
        period: a.period,
        receivedInYear: a.receivedInRange,
        expectedInYear: expected,
        securedInYear: sumCents([a.receivedInRange, expected]),
      },
    ];
  });
}

export function buildFundraisingReport(db: Db, year: number, asOf: string, labels: { forgotten: string; noSource: string }): FundraisingReport {
  const income = listIncome(db, yearRange(year), labels.forgotten);
  const byKind = Object.fromEntries(INCOME_KINDS.map((k) => [k, sumCents(income.filter((i) => i.kind === k).map((i) => i.amount))])) as Record<
    IncomeKind,
    number
  >;
  const sources = new Map<string, { source: string; kind: FundraisingReport["income"]["bySource"][number]["kind"]; total: number }>();
  for (const i of income) {
    const s = sourceOf(i, labels.noSource);
    const key = `${s.kind}:${i.source?.id ?? s.source}`;
    const entry = sources.get(key) ?? { ...s, total: 0 };
    entry.total = sumCents([entry.total, i.amount]);
    sources.set(key, entry);
  }
  const bySource = [...sources.values()].sort((a, b) => b.total - a.total || compareNames(a.source, b.source));
  const byMonth = Array.from({ length: 12 }, (_, m) => sumCents(income.filter((i) => Number(i.date.slice(5, 7)) === m + 1).map((i) => i.amount)));

  const funds = new Map<string, number>();
  for (const i of income) if (i.fund !== null) funds.set(i.fund, sumCents([funds.get(i.fund) ?? 0, i.amount]));
  const restricted = sumCents(funds.values());
  const total = sumCents(income.map((i) => i.amount));

  // Only the applications that can count this year: the open ones, and approved ones whose period reaches it.
  const open = applicationsInStages(db, OPEN_STAGES);
  const byStage = Object.fromEntries(
    OPEN_STAGES.map((stage) => {
      const rows = open.filter((a) => a.stage === stage);
      return [stage, { count: rows.length, requested: sumCents(rows.map((a) => a.amount)), expectedValue: expectedValue(rows) }];
    }),
  ) as Record<OpenStage, StageSummary>;

  const grants = grantsOfYear(db, year);
  const approvedOpen = sumCents(grants.map((g) => g.expectedInYear));

  const dues = duesStatus(db, year);
  const duesOutstanding = sumCents(dues.map((d) => d.outstanding));
  const lines = budgetLines(db, year);
  const budgetTotal = sumCents(lines.map((l) => l.amount));
  const pipelineValue = expectedValue(open);
  const secured = sumCents([total, approvedOpen]);

  return {
    year,
    asOf,
    income: { total, byKind, bySource, byMonth },
    funds: {
      restricted,
      general: total - restricted,
      byFund: [...funds.entries()].map(([fund, t]) => ({ fund, total: t })).sort((a, b) => b.total - a.total || compareNames(a.fund, b.fund)),
    },
    pipeline: { expectedValue: pipelineValue, requested: sumCents(open.map((a) => a.amount)), count: open.length, byStage },
    grants: {
      awarded: sumCents(grants.map((g) => g.awarded)),
      received: sumCents(grants.map((g) => g.received)),
      outstanding: sumCents(grants.map((g) => g.outstanding)),
      receivedInYear: sumCents(grants.map((g) => g.receivedInYear)),
      expectedInYear: approvedOpen,
      securedInYear: sumCents(grants.map((g) => g.securedInYear)),
      list: grants,
    },
    dues: { assessed: sumCents(dues.map((d) => d.assessed)), paid: sumCents(dues.map((d) => d.paid)), outstanding: duesOutstanding },
    budget: {
      total: budgetTotal,
      lines,
      monthly: monthlyBudget(budgetTotal),
      received: total,
      approved: approvedOpen,
      secured,
      duesOutstanding,
      pipeline: pipelineValue,
      expected: sumCents([secured, duesOutstanding, pipelineValue]),
      gap: budgetTotal - secured,
    },
    coveredUntil: coveredUntil(year, budgetTotal, secured),
  };
}

export interface Deadline {
  date: string;
  kind: "application" | ReportingKind;
  application: number;
  title: string;
  funder: string;
  /** the reporting deadline's number (for `report-due done`); null for an application's deadline */
  id: number | null;
  overdue: boolean;
  /** days from today; negative when overdue */
  days: number;
}

/**
 * Deadlines up to `until` (inclusive), in date order: those of applications still being prepared (idea,
 * drafting) and the reporting deadlines not yet met. Overdue ones are always included.
 */
export function listDeadlines(db: Db, today: string, until: string): Deadline[] {
  const out: Deadline[] = [];
  for (const a of applicationsInStages(db, ["idea", "drafting"])) {
    if (a.deadline !== null && a.deadline <= until)
      out.push({ date: a.deadline, kind: "application", application: a.id, title: a.title, funder: a.funder, id: null, overdue: a.deadline < today, days: daysBetween(today, a.deadline) });
  }
  const byId = new Map<number, Application>();
  for (const d of listReportingDeadlines(db, { open: true })) {
    const a = byId.get(d.application) ?? getApplication(db, d.application)!;
    byId.set(a.id, a);
    if (d.due <= until)
      out.push({ date: d.due, kind: d.kind, application: a.id, title: a.title, funder: a.funder, id: d.id, overdue: d.due < today, days: daysBetween(today, d.due) });
  }
  return out.sort((x, y) => compareIso(x.date, y.date) || x.application - y.application || (x.id ?? 0) - (y.id ?? 0));
}

export interface FundraisingStatus {
  /** deadlines from today up to 30 days ahead */
  deadlines: Deadline[];
  /** reporting deadlines past and not yet met */
  overdueReports: Deadline[];
  year: number;
  coveredUntil: string | null;
  /** the year's budget total, cents */
  budget: number;
}

/** The dashboard's fundraising section. */
export function fundraisingStatus(db: Db, today: string): FundraisingStatus {
  const all = listDeadlines(db, today, shiftDate(today, 30, "d"));
  const year = Number(today.slice(0, 4));
  // The figures of the year's report that "covered until" needs, summed in SQL: the report itself reads every
  // income row of the year (1,000 on the benchmark's platform), which cost status 10–15 ms.
  const received = sumCents([incomeTotal(db, yearRange(year))]);
  const secured = sumCents([received, ...grantsOfYear(db, year).map((g) => g.expectedInYear)]);
  const budget = sumCents(budgetLines(db, year).map((l) => l.amount));
  return {
    deadlines: all.filter((d) => !d.overdue),
    overdueReports: all.filter((d) => d.overdue && d.kind !== "application"),
    year,
    coveredUntil: coveredUntil(year, budget, secured),
    budget,
  };
}
