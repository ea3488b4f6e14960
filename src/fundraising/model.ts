// Fundraising: the types, and the pure rules and sums (no I/O). Money is integer cents everywhere; where a
// division cannot be avoided (expected value, the monthly budget) the rounding is stated and done once.

export const FUNDER_KINDS = ["foundation", "church", "company", "private", "public", "other"] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const STAGES = ["idea", "drafting", "submitted", "approved", "rejected", "withdrawn"] as const;
export type Stage = (typeof STAGES)[number];
/** The pipeline: applications still open. */
export const OPEN_STAGES = ["idea", "drafting", "submitted"] as const satisfies readonly Stage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

export const INCOME_KINDS = ["grant", "donation", "dues", "other"] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const REPORT_KINDS = ["interim", "final", "proof-of-use"] as const;
export type ReportingKind = (typeof REPORT_KINDS)[number];

/** The probability an application gets when none is given, in percent. */
export const DEFAULT_PROBABILITY = 50;

export interface FunderContact {
  id: number;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface Funder {
  id: number;
  name: string;
  kind: FunderKind;
  website: string | null;
  notes: string | null;
  /** the funder's bank account: its transfers are recognised by it */
  iban: string | null;
  contacts: FunderContact[];
}

export interface StageChange {
  stage: Stage;
  date: string;
  reopened: boolean;
  note: string | null;
}

export interface ReportingDeadline {
  id: number;
  application: number;
  kind: ReportingKind;
  due: string;
  submitted: string | null;
}

export interface Application {
  id: number;
  funder: string;
  funderId: number;
  title: string;
  /** cents */
  amount: number;
  deadline: string | null;
  decisionExpected: string | null;
  probability: number;
  purpose: string | null;
  restricted: boolean;
  stage: Stage;
  stageSince: string;
  /** cents, once approved */
  awarded: number | null;
  period: { from: string | null; until: string | null } | null;
  /** cents received so far as instalments of this grant */
  received: number;
}

export interface Income {
  id: number;
  date: string;
  /** cents */
  amount: number;
  kind: IncomeKind;
  source: { kind: "funder" | "group" | "person" | "text"; id: number | null; name: string } | null;
  application: number | null;
  /** the restricted purpose; null for general money */
  fund: string | null;
  duesYear: number | null;
  note: string | null;
  /** a cancellation (Storno): the row stays, and counts in no total */
  cancelled: { date: string; reason: string; by: string } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Stages

/**
 * Which change of stage is allowed. `normal` changes follow the life of an application; a closed one
 * (rejected, withdrawn) or an approval entered by mistake can be taken up again only with --reopen, so that
 * a typo never silently revives it.
 */
export const TRANSITIONS: Record<Stage, { normal: readonly Stage[]; reopen: readonly Stage[] }> = {
  idea: { normal: ["drafting", "submitted", "withdrawn"], reopen: [] },
  drafting: { normal: ["idea", "submitted", "withdrawn"], reopen: [] },
  submitted: { normal: ["drafting", "approved", "rejected", "withdrawn"], reopen: [] },
  approved: { normal: [], reopen: ["submitted"] },
  rejected: { normal: [], reopen: ["idea", "drafting", "submitted"] },
  withdrawn: { normal: [], reopen: ["idea", "drafting", "submitted"] },
};

export type TransitionCheck = { ok: true; reopened: boolean } | { ok: false; reason: "same" | "needsReopen" | "notAllowed" };

export function checkTransition(from: Stage, to: Stage, reopen: boolean): TransitionCheck {
  if (from === to) return { ok: false, reason: "same" };
  const rule = TRANSITIONS[from];
  if (rule.normal.includes(to)) return { ok: true, reopened: false };
  if (rule.reopen.includes(to)) return reopen ? { ok: true, reopened: true } : { ok: false, reason: "needsReopen" };
  return { ok: false, reason: "notAllowed" };
}

export function isOpen(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly Stage[]).includes(stage);
}

// ---------------------------------------------------------------------------------------------------------------
// Sums

/** Integer sum of cents; throws rather than lose a cent past 2^53. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not a whole number of cents: ${v}`);
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError("sum of cents out of range");
  }
  return total;
}

/**
 * The expected value of applications: Σ amount × probability / 100, in cents. The products are summed exactly
 * (BigInt) and divided once, rounding half up, so the total never drifts by the rounding of each row.
 */
export function expectedValue(rows: Iterable<{ amount: number; probability: number }>): number {
  let sum = 0n;
  for (const { amount, probability } of rows) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`invalid amount: ${amount}`);
    if (!Number.isInteger(probability) || probability < 0 || probability > 100) throw new RangeError(`invalid probability: ${probability}`);
    sum += BigInt(amount) * BigInt(probability);
  }
  return Number((sum + 50n) / 100n);
}

/**
 * The annual budget spread evenly over twelve months, in cents: each month gets ⌊total / 12⌋, and the
 * remainder (0–11 cents) goes one cent each to the first months, so the months add up to the total exactly.
 */
export function monthlyBudget(total: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`invalid budget: ${total}`);
  const base = Math.floor(total / 12);
  const rest = total - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * The last month (1–12) whose budget, counted from January, is covered by `available` cents; 0 when not even
 * January is, and null when there is no budget. Coverage is cumulative: January's share first, then February's …
 */
export function coveredMonths(budgetTotal: number, available: number): number | null {
  if (budgetTotal <= 0) return null;
  let cumulative = 0;
  let covered = 0;
  for (const share of monthlyBudget(budgetTotal)) {
    cumulative += share;
    if (cumulative > available) break;
    covered++;
  }
  return covered;
}

/** "YYYY-MM" of the coverage month, or null when the budget is not covered even for January (or there is none). */
export function coveredUntil(year: number, budgetTotal: number, available: number): string | null {
  const months = coveredMonths(budgetTotal, available);
  return months === null || months === 0 ? null : `${year}-${String(months).padStart(2, "0")}`;
}

/** What an approved grant still owes: the amount awarded less the instalments received, never below zero. */
export function outstandingAward(awarded: number | null, received: number): number {
  return awarded === null ? 0 : Math.max(0, awarded - received);
}

/** Whether a funding period (or, without one, the approval date) touches the year. */
export function grantInYear(year: number, period: { from: string | null; until: string | null } | null, approvedOn: string): boolean {
  const from = period?.from ?? period?.until ?? approvedOn;
  const until = period?.until ?? period?.from ?? approvedOn;
  return Number(from.slice(0, 4)) <= year && Number(until.slice(0, 4)) >= year;
}

// ---------------------------------------------------------------------------------------------------------------
// Grants over budget years

/** Days of each calendar year from `from` to `until` (both YYYY-MM-DD, inclusive; `until` not before `from`). */
export function daysPerYear(from: string, until: string): Array<{ year: number; days: number }> {
  const out: Array<{ year: number; days: number }> = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    const start = from > `${year}-01-01` ? from : `${year}-01-01`;
    const end = until < `${year}-12-31` ? until : `${year}-12-31`;
    out.push({ year, days: daysBetween(start, end) + 1 });
  }
  return out;
}

/**
 * `amount` cents spread over the days from `from` to `until` (inclusive), per calendar year, adding up to
 * `amount` exactly. Each year gets its exact share (amount × its days / all days) rounded down to the cent;
 * the cents left over (fewer than the years) go one each to the years whose shares lost the most by rounding
 * down, the earlier year first where two lost the same (largest remainder).
 */
export function spreadByDays(amount: number, from: string, until: string): Array<{ year: number; amount: number }> {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`invalid amount: ${amount}`);
  if (until < from) throw new RangeError(`period ends before it starts: ${from} – ${until}`);
  const years = daysPerYear(from, until);
  const total = BigInt(years.reduce((sum, y) => sum + y.days, 0));
  const parts = years.map((y) => {
    const exact = BigInt(amount) * BigInt(y.days);
    return { year: y.year, amount: Number(exact / total), lost: exact % total };
  });
  let left = amount - parts.reduce((sum, p) => sum + p.amount, 0);
  const order = [...parts].sort((a, b) => (a.lost === b.lost ? a.year - b.year : a.lost > b.lost ? -1 : 1));
  for (const p of order) {
    if (left === 0) break;
    p.amount++;
    left--;
  }
  return parts.map(({ year, amount: cents }) => ({ year, amount: cents }));
}

/** An approved grant as the budget years see it. */
export interface GrantMoney {
  /** cents awarded */
  awarded: number;
  /** cents received so far as its instalments */
  received: number;
  /** the date of its latest instalment, null when none came yet */
  lastReceived: string | null;
  period: { from: string | null; until: string | null } | null;
  /** the date of its approval */
  approvedOn: string;
}

/**
 * What an approved grant has still to pay, per year (cents; years with nothing left out). Its instalments are
 * money of the year they came in and are not part of this. The rest of the award (awarded − received, never
 * below zero) is spread by days (spreadByDays) over what remains of the funding period after the latest
 * instalment: from the later of the period's start and the day after that instalment, to the period's end.
 * When nothing of the period remains, the rest counts in the year of the latest instalment. A grant without a
 * funding period counts in one year: that of its one date (start or end) where only one is known, else of its
 * approval. So the instalments received plus these shares are the award, to the cent, and no year counts
 * money another year counts too.
 */
export function expectedByYear(g: GrantMoney): Array<{ year: number; amount: number }> {
  const rest = outstandingAward(g.awarded, g.received);
  if (rest === 0) return [];
  const start = g.period?.from ?? g.period?.until ?? g.approvedOn;
  const end = g.period?.until ?? g.period?.from ?? g.approvedOn;
  const after = g.lastReceived === null ? start : shiftIsoDay(g.lastReceived, 1);
  const from = after > start ? after : start;
  if (from > end) return [{ year: Number(g.lastReceived!.slice(0, 4)), amount: rest }];
  return spreadByDays(rest, from, end).filter((y) => y.amount > 0);
}

/** The ISO day `days` after `date` (UTC calendar arithmetic). */
function shiftIsoDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface DuesLine {
  group: string;
  assessed: number;
  paid: number;
  outstanding: number;
}

/** Outstanding dues: assessed less paid, never below zero (an overpayment is not carried as a debt). */
export function duesLine(group: string, assessed: number, paid: number): DuesLine {
  return { group, assessed, paid, outstanding: Math.max(0, assessed - paid) };
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines and the bank import

/** `--within 60d`: a span as days, weeks, months or years (a bare number is days). */
export function parseWithin(raw: string): { amount: number; unit: "d" | "w" | "m" | "y" } | null {
  const m = /^\+?(\d{1,4})\s*([dwmy]?)$/i.exec(raw.trim());
  if (!m) return null;
  return { amount: Number(m[1]), unit: ((m[2] ?? "").toLowerCase() || "d") as "d" | "w" | "m" | "y" };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The stable key of a bank row: its normalised date, amount and text, plus how many identical rows came
 * before it in the same file — so two equal transfers on one day stay two, and a second import of the file
 * finds every key taken.
 */
export function bankRowKey(date: string, amount: number, text: string, occurrence: number, hash: (s: string) => string): string {
  const normalised = text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return `bank:${hash(`${date}\u001f${amount}\u001f${normalised}`)}:${occurrence}`;
}
