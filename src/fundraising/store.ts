// Fundraising's SQL, and the only place with it. Parameterised statements only.
import type { NameCandidate } from "../core/nameMatch.js";
import type { Db } from "../core/db.js";
import { nameKey } from "../core/validate.js";
import type {
  Application,
  Funder,
  FunderContact,
  FunderKind,
  Income,
  IncomeKind,
  ReportingDeadline,
  ReportingKind,
  Stage,
  StageChange,
} from "./model.js";

const now = () => new Date().toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Funders

interface FunderRow {
  id: number;
  name: string;
  kind: FunderKind;
  website: string | null;
  notes: string | null;
  iban: string | null;
}

function contactsOf(db: Db, funderId: number): FunderContact[] {
  return db.prepare("SELECT id, name, role, email, phone FROM funder_contacts WHERE funder_id = ? ORDER BY id").all(funderId) as FunderContact[];
}

function toFunder(db: Db, row: FunderRow): Funder {
  return { ...row, contacts: contactsOf(db, row.id) };
}

export interface FunderFields {
  name: string;
  kind: FunderKind;
  website: string | null;
  notes: string | null;
}

export function insertFunder(db: Db, f: FunderFields): number {
  return Number(
    db
      .prepare("INSERT INTO funders (name, name_key, kind, website, notes, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(f.name, nameKey(f.name), f.kind, f.website, f.notes, now()),
  );
}

export function updateFunder(db: Db, id: number, f: FunderFields): void {
  db.prepare("UPDATE funders SET name = ?, name_key = ?, kind = ?, website = ?, notes = ? WHERE id = ?").run(f.name, nameKey(f.name), f.kind, f.website, f.notes, id);
}

export function insertContact(db: Db, funderId: number, c: Omit<FunderContact, "id">): number {
  return Number(
    db
      .prepare("INSERT INTO funder_contacts (funder_id, name, role, email, phone) VALUES (?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(funderId, c.name, c.role, c.email, c.phone),
  );
}

export function getFunder(db: Db, id: number): Funder | undefined {
  const row = db.prepare("SELECT id, name, kind, website, notes, iban FROM funders WHERE id = ?").get(id) as FunderRow | undefined;
  return row && toFunder(db, row);
}

export function listFunders(db: Db): Funder[] {
  return (db.prepare("SELECT id, name, kind, website, notes, iban FROM funders ORDER BY name_key").all() as FunderRow[]).map((r) => toFunder(db, r));
}

/** Funders a user may mean by `ref`: the id or the name (in any case). */
export function findFunders(db: Db, ref: string): Funder[] {
  const trimmed = ref.trim();
  const id = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  return (
    db.prepare("SELECT id, name, kind, website, notes, iban FROM funders WHERE id = ? OR name_key = ? ORDER BY id").all(id, nameKey(trimmed)) as FunderRow[]
  ).map((r) => toFunder(db, r));
}

/** Every funder's id and name: what a name that matched nothing exactly is compared with. */
export function funderNames(db: Db): NameCandidate[] {
  return db.prepare("SELECT id, name FROM funders ORDER BY id").all() as NameCandidate[];
}

/** A funder's bank account, by which its payments are recognised ("" in `iban` removes it). */
export function setFunderIban(db: Db, id: number, iban: string | null): void {
  db.prepare("UPDATE funders SET iban = ? WHERE id = ?").run(iban, id);
}

export function funderByIban(db: Db, iban: string): { id: number; name: string } | undefined {
  return db.prepare("SELECT id, name FROM funders WHERE iban = ?").get(iban) as { id: number; name: string } | undefined;
}

export function funderIdByName(db: Db, name: string): number | undefined {
  return db.prepare("SELECT id FROM funders WHERE name_key = ?").pluck().get(nameKey(name)) as number | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

interface ApplicationRow {
  id: number;
  funder_id: number;
  funder: string;
  title: string;
  amount_requested: number;
  deadline: string | null;
  decision_expected: string | null;
  probability: number;
  purpose: string | null;
  restricted: number;
  stage: Stage;
  stage_since: string;
  amount_awarded: number | null;
  period_start: string | null;
  period_end: string | null;
  received: number;
}

const SELECT_APPLICATION = `
  SELECT a.id, a.funder_id, f.name AS funder, a.title, a.amount_requested, a.deadline, a.decision_expected,
         a.probability, a.purpose, a.restricted, a.stage, a.stage_since, a.amount_awarded, a.period_start,
         a.period_end,
         (SELECT coalesce(sum(i.amount), 0) FROM income i WHERE i.application_id = a.id AND i.cancelled_on IS NULL) AS received
    FROM applications a JOIN funders f ON f.id = a.funder_id`;

function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    funder: row.funder,
    funderId: row.funder_id,
    title: row.title,
    amount: row.amount_requested,
    deadline: row.deadline,
    decisionExpected: row.decision_expected,
    probability: row.probability,
    purpose: row.purpose,
    restricted: row.restricted === 1,
    stage: row.stage,
    stageSince: row.stage_since,
    awarded: row.amount_awarded,
    period: row.period_start === null && row.period_end === null ? null : { from: row.period_start, until: row.period_end },
    received: row.received,
  };
}

export interface NewApplication {
  funderId: number;
  title: string;
  amount: number;
  deadline: string | null;
  decisionExpected: string | null;
  probability: number;
  purpose: string | null;
  restricted: boolean;
  stage: Stage;
  date: string;
}

export function insertApplication(db: Db, a: NewApplication): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO applications (funder_id, title, amount_requested, deadline, decision_expected, probability, purpose,
                                   restricted, stage, stage_since, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck().get(a.funderId, a.title, a.amount, a.deadline, a.decisionExpected, a.probability, a.purpose, a.restricted ? 1 : 0, a.stage, a.date, now()),
  );
  insertStageChange(db, id, { stage: a.stage, date: a.date, reopened: false, note: null });
  return id;
}

export function insertStageChange(db: Db, applicationId: number, change: StageChange): void {
  db.prepare("INSERT INTO application_stages (application_id, stage, changed_on, reopened, note, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(
    applicationId,
    change.stage,
    change.date,
    change.reopened ? 1 : 0,
    change.note,
    now(),
  );
}

export interface StageUpdate {
  stage: Stage;
  date: string;
  awarded: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export function updateStage(db: Db, id: number, u: StageUpdate): void {
  db.prepare("UPDATE applications SET stage = ?, stage_since = ?, amount_awarded = ?, period_start = ?, period_end = ? WHERE id = ?").run(
    u.stage,
    u.date,
    u.awarded,
    u.periodStart,
    u.periodEnd,
    id,
  );
}

export function getApplication(db: Db, id: number): Application | undefined {
  const row = db.prepare(`${SELECT_APPLICATION} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
  return row && toApplication(row);
}

export interface ApplicationFilter {
  stage?: Stage;
  funderId?: number;
}

export function listApplications(db: Db, filter: ApplicationFilter = {}): Application[] {
  const rows = db
    .prepare(
      `${SELECT_APPLICATION}
        WHERE (@stage IS NULL OR a.stage = @stage) AND (@funder IS NULL OR a.funder_id = @funder)
        ORDER BY a.deadline IS NULL, a.deadline, a.id`,
    )
    .all({ stage: filter.stage ?? null, funder: filter.funderId ?? null }) as ApplicationRow[];
  return rows.map(toApplication);
}

/** Applications in the given stages, in deadline order (as listApplications). */
export function applicationsInStages(db: Db, stages: readonly Stage[]): Application[] {
  const rows = db
    .prepare(`${SELECT_APPLICATION} WHERE a.stage IN (${stages.map(() => "?").join(", ")}) ORDER BY a.deadline IS NULL, a.deadline, a.id`)
    .all(...stages) as ApplicationRow[];
  return rows.map(toApplication);
}

/** An approved grant with what the budget years need: its approval date, latest instalment and a year's instalments. */
export interface GrantOfYear extends Application {
  approvedOn: string;
  lastReceived: string | null;
  /** cents received as its instalments within the range asked for */
  receivedInRange: number;
}

/**
 * The approved applications that can have money in the range (a year): their funding period (its end, else its
 * start) reaches `from` or later, they have no period, or an instalment came on or after `from` — read without
 * the grants of earlier years.
 */
export function approvedForRange(db: Db, range: { from: string; until: string }): GrantOfYear[] {
  const rows = db
    .prepare(
      `SELECT x.*,
              coalesce((SELECT s.changed_on FROM application_stages s WHERE s.application_id = x.id AND s.stage = 'approved' ORDER BY s.id DESC LIMIT 1), x.stage_since) AS approved_on,
              (SELECT max(i.received_on) FROM income i WHERE i.application_id = x.id) AS last_received,
              (SELECT coalesce(sum(i.amount), 0) FROM income i WHERE i.application_id = x.id AND i.received_on >= @from AND i.received_on <= @until) AS received_in_range
         FROM (${SELECT_APPLICATION}
                WHERE a.stage = 'approved'
                  AND (coalesce(a.period_end, a.period_start) IS NULL OR coalesce(a.period_end, a.period_start) >= @from
                       OR EXISTS (SELECT 1 FROM income j WHERE j.application_id = a.id AND j.received_on >= @from))) x
        ORDER BY x.deadline IS NULL, x.deadline, x.id`,
    )
    .all(range) as Array<ApplicationRow & { approved_on: string; last_received: string | null; received_in_range: number }>;
  return rows.map((r) => ({ ...toApplication(r), approvedOn: r.approved_on, lastReceived: r.last_received, receivedInRange: r.received_in_range }));
}

export function stageHistory(db: Db, applicationId: number): StageChange[] {
  const rows = db
    .prepare("SELECT stage, changed_on, reopened, note FROM application_stages WHERE application_id = ? ORDER BY id")
    .all(applicationId) as Array<{ stage: Stage; changed_on: string; reopened: number; note: string | null }>;
  return rows.map((r) => ({ stage: r.stage, date: r.changed_on, reopened: r.reopened === 1, note: r.note }));
}

/** The date an application was last approved (its latest change to `approved`). */
export function approvedOn(db: Db, applicationId: number): string | undefined {
  return db
    .prepare("SELECT changed_on FROM application_stages WHERE application_id = ? AND stage = 'approved' ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(applicationId) as string | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting deadlines

interface DeadlineRow {
  id: number;
  application_id: number;
  kind: ReportingKind;
  due_on: string;
  submitted_on: string | null;
}

const toDeadline = (r: DeadlineRow): ReportingDeadline => ({
  id: r.id,
  application: r.application_id,
  kind: r.kind,
  due: r.due_on,
  submitted: r.submitted_on,
});

export function insertReportingDeadline(db: Db, applicationId: number, kind: ReportingKind, due: string): number {
  return Number(
    db
      .prepare("INSERT INTO reporting_deadlines (application_id, kind, due_on, created_at) VALUES (?, ?, ?, ?) RETURNING id")
      .pluck().get(applicationId, kind, due, now()),
  );
}

export function getReportingDeadline(db: Db, id: number): ReportingDeadline | undefined {
  const row = db.prepare("SELECT id, application_id, kind, due_on, submitted_on FROM reporting_deadlines WHERE id = ?").get(id) as DeadlineRow | undefined;
  return row && toDeadline(row);
}

export function markReportSubmitted(db: Db, id: number, date: string): void {
  db.prepare("UPDATE reporting_deadlines SET submitted_on = ? WHERE id = ?").run(date, id);
}

export function listReportingDeadlines(db: Db, filter: { applicationId?: number; open?: boolean } = {}): ReportingDeadline[] {
  const rows = db
    .prepare(
      `SELECT id, application_id, kind, due_on, submitted_on FROM reporting_deadlines
        WHERE (@application IS NULL OR application_id = @application) AND (@open = 0 OR submitted_on IS NULL)
        ORDER BY due_on, id`,
    )
    .all({ application: filter.applicationId ?? null, open: filter.open ? 1 : 0 }) as DeadlineRow[];
  return rows.map(toDeadline);
}

// ---------------------------------------------------------------------------------------------------------------
// Income

interface IncomeRow {
  id: number;
  received_on: string;
  amount: number;
  kind: IncomeKind;
  funder_id: number | null;
  funder: string | null;
  group_id: number | null;
  group_name: string | null;
  person_id: number | null;
  person: string | null;
  source_text: string | null;
  application_id: number | null;
  fund: string | null;
  dues_year: number | null;
  note: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  cancelled_by: string | null;
}

const SELECT_INCOME = `
  SELECT i.id, i.received_on, i.amount, i.kind, i.funder_id, f.name AS funder, i.group_id, g.name AS group_name,
         i.person_id, p.name AS person, i.source_text, i.application_id, i.fund, i.dues_year, i.note,
         i.cancelled_on, i.cancel_reason, i.cancelled_by
    FROM income i
    LEFT JOIN funders f ON f.id = i.funder_id
    LEFT JOIN groups g ON g.id = i.group_id
    LEFT JOIN people p ON p.id = i.person_id`;

function toIncome(r: IncomeRow, forgottenLabel: string): Income {
  const source: Income["source"] =
    r.funder_id !== null
      ? { kind: "funder", id: r.funder_id, name: r.funder! }
      : r.group_id !== null
        ? { kind: "group", id: r.group_id, name: r.group_name! }
        : r.person_id !== null
          ? { kind: "person", id: r.person_id, name: r.person ?? `${forgottenLabel} #${r.person_id}` }
          : r.source_text !== null
            ? { kind: "text", id: null, name: r.source_text }
            : null;
  return {
    id: r.id,
    date: r.received_on,
    amount: r.amount,
    kind: r.kind,
    source,
    application: r.application_id,
    fund: r.fund,
    duesYear: r.dues_year,
    note: r.note,
    cancelled: r.cancelled_on === null ? null : { date: r.cancelled_on, reason: r.cancel_reason!, by: r.cancelled_by! },
  };
}

export interface NewIncome {
  date: string;
  amount: number;
  kind: IncomeKind;
  funderId: number | null;
  groupId: number | null;
  personId: number | null;
  sourceText: string | null;
  applicationId: number | null;
  fund: string | null;
  duesYear: number | null;
  note: string | null;
  importKey: string | null;
  /** bank import: the payer's IBAN */
  payerIban?: string | null;
}

export function insertIncome(db: Db, i: NewIncome): number {
  return Number(
    db
      .prepare(
        `INSERT INTO income (received_on, amount, kind, funder_id, group_id, person_id, source_text, application_id, fund,
                             dues_year, note, import_key, payer_iban, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck().get(i.date, i.amount, i.kind, i.funderId, i.groupId, i.personId, i.sourceText, i.applicationId, i.fund, i.duesYear, i.note, i.importKey, i.payerIban ?? null, now()),
  );
}

/** The IBAN a bank booking came from, if the statement had one. */
export function payerIbanOf(db: Db, incomeId: number): string | null {
  return (db.prepare("SELECT payer_iban FROM income WHERE id = ?").pluck().get(incomeId) as string | null | undefined) ?? null;
}

/** A funder's approved grants not yet paid in full: a transfer from its IBAN is an instalment of the one. */
export function openGrantsOf(db: Db, funderId: number): number[] {
  return db
    .prepare(
      `SELECT a.id FROM applications a
        WHERE a.funder_id = ? AND a.stage = 'approved'
          AND coalesce(a.amount_awarded, a.amount_requested) > coalesce((SELECT sum(amount) FROM income WHERE application_id = a.id), 0)
        ORDER BY a.id`,
    )
    .pluck()
    .all(funderId) as number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Rules that classify bank bookings by their purpose

export interface BankRule {
  id: number;
  pattern: string;
  /** the pattern's words, all of which the booking's payer or purpose must contain */
  words: string[];
  kind: IncomeKind;
  group: { id: number; name: string } | null;
  funder: { id: number; name: string } | null;
}

export function listBankRules(db: Db): BankRule[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.pattern, r.kind, r.group_id AS "groupId", g.name AS "groupName", r.funder_id AS "funderId", f.name AS "funderName"
         FROM bank_rules r LEFT JOIN groups g ON g.id = r.group_id LEFT JOIN funders f ON f.id = r.funder_id ORDER BY r.id`,
    )
    .all() as Array<{ id: number; pattern: string; kind: IncomeKind; groupId: number | null; groupName: string | null; funderId: number | null; funderName: string | null }>;
  return rows.map((r) => ({
    id: r.id,
    pattern: r.pattern,
    words: r.pattern.split(/\s+/).filter((w) => w !== ""),
    kind: r.kind,
    group: r.groupId === null ? null : { id: r.groupId, name: r.groupName! },
    funder: r.funderId === null ? null : { id: r.funderId, name: r.funderName! },
  }));
}

export function insertBankRule(db: Db, rule: { pattern: string; kind: IncomeKind; groupId: number | null; funderId: number | null }): number {
  return Number(
    db.prepare("INSERT INTO bank_rules (pattern, kind, group_id, funder_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id").pluck().get(rule.pattern, rule.kind, rule.groupId, rule.funderId, now()),
  );
}

/** Removes a rule; what it was, or undefined when there was none. */
export function deleteBankRule(db: Db, id: number): { pattern: string; kind: IncomeKind } | undefined {
  return db.prepare("DELETE FROM bank_rules WHERE id = ? RETURNING pattern, kind").get(id) as { pattern: string; kind: IncomeKind } | undefined;
}

/**
 * `people forget`: the payer text of the person's own payments goes (the bank's spelling of a name may differ
 * from theirs), and their name, e-mail and phone are blanked out of every other payer text and note. Amounts,
 * dates and the import keys stay, so the books still add up and a re-import still finds its rows.
 */
export function eraseFromIncome(db: Db, personId: number, pattern: RegExp, placeholder: string): void {
  db.prepare("UPDATE income SET source_text = NULL, payer_iban = NULL WHERE person_id = ? AND (source_text IS NOT NULL OR payer_iban IS NOT NULL)").run(personId);
  const rows = db.prepare("SELECT id, source_text AS text, note FROM income WHERE source_text IS NOT NULL OR note IS NOT NULL").all() as Array<{
    id: number;
    text: string | null;
    note: string | null;
  }>;
  // A payment whose payer text named them was theirs: its IBAN goes with the name.
  const update = db.prepare("UPDATE income SET source_text = ?, note = ?, payer_iban = CASE WHEN ? THEN NULL ELSE payer_iban END WHERE id = ?");
  for (const row of rows) {
    const text = row.text?.replace(pattern, placeholder) ?? null;
    const note = row.note?.replace(pattern, placeholder) ?? null;
    if (text !== row.text || note !== row.note) update.run(text, note, text !== row.text ? 1 : 0, row.id);
  }
}

/** The fields `income edit` may change (the payer's bank text, the import key and the note's history stay). */
export type IncomeChange = Omit<NewIncome, "sourceText" | "importKey">;

export function updateIncome(db: Db, id: number, i: IncomeChange): void {
  db.prepare(
    `UPDATE income SET received_on = ?, amount = ?, kind = ?, funder_id = ?, group_id = ?, person_id = ?, application_id = ?, fund = ?,
                       dues_year = ?, note = ?
      WHERE id = ?`,
  ).run(i.date, i.amount, i.kind, i.funderId, i.groupId, i.personId, i.applicationId, i.fund, i.duesYear, i.note, id);
}

export function markIncomeCancelled(db: Db, id: number, c: { date: string; reason: string; by: string }): void {
  db.prepare("UPDATE income SET cancelled_on = ?, cancel_reason = ?, cancelled_by = ? WHERE id = ?").run(c.date, c.reason, c.by, id);
}

export function importKeyTaken(db: Db, key: string): boolean {
  return db.prepare("SELECT 1 FROM income WHERE import_key = ?").get(key) !== undefined;
}

export function getIncome(db: Db, id: number, forgottenLabel: string): Income | undefined {
  const row = db.prepare(`${SELECT_INCOME} WHERE i.id = ?`).get(id) as IncomeRow | undefined;
  return row && toIncome(row, forgottenLabel);
}

export interface IncomeFilter {
  from?: string; // received on or after
  until?: string; // received on or before
  kind?: IncomeKind;
  funderId?: number;
  groupId?: number;
  personId?: number;
  applicationId?: number;
  /** only bank bookings nothing classified: kind other, no source */
  unclassified?: boolean;
  /** cancelled income too (it counts in no total, so only a list that marks it asks for it) */
  includeCancelled?: boolean;
}

export function listIncome(db: Db, filter: IncomeFilter, forgottenLabel: string): Income[] {
  const rows = db
    .prepare(
      `${SELECT_INCOME}
        WHERE (@from IS NULL OR i.received_on >= @from) AND (@until IS NULL OR i.received_on <= @until)
          AND (@kind IS NULL OR i.kind = @kind)
          AND (@funder IS NULL OR i.funder_id = @funder) AND (@group IS NULL OR i.group_id = @group)
          AND (@person IS NULL OR i.person_id = @person) AND (@application IS NULL OR i.application_id = @application)
          AND (@unclassified = 0 OR (i.kind = 'other' AND i.funder_id IS NULL AND i.group_id IS NULL AND i.person_id IS NULL))
          AND (@cancelled = 1 OR i.cancelled_on IS NULL)
        ORDER BY i.received_on, i.id`,
    )
    .all({
      from: filter.from ?? null,
      until: filter.until ?? null,
      kind: filter.kind ?? null,
      funder: filter.funderId ?? null,
      group: filter.groupId ?? null,
      person: filter.personId ?? null,
      application: filter.applicationId ?? null,
      unclassified: filter.unclassified === true ? 1 : 0,
      cancelled: filter.includeCancelled ? 1 : 0,
    }) as IncomeRow[];
  return rows.map((r) => toIncome(r, forgottenLabel));
}

/** The sum of the income received between two days (inclusive), in cents; cancelled income does not count. */
export function incomeTotal(db: Db, range: { from: string; until: string }): number {
  return db
    .prepare("SELECT coalesce(sum(amount), 0) FROM income WHERE received_on >= ? AND received_on <= ? AND cancelled_on IS NULL")
    .pluck()
    .get(range.from, range.until) as number;
}

// ---------------------------------------------------------------------------------------------------------------
// Closed years: the books of a year are done; its income changes only with --reopen.

export function closedYear(db: Db, year: number): { year: number; closedOn: string; closedBy: string } | undefined {
  return db.prepare(`SELECT year, closed_on AS "closedOn", closed_by AS "closedBy" FROM closed_years WHERE year = ?`).get(year) as
    | { year: number; closedOn: string; closedBy: string }
    | undefined;
}

export function insertClosedYear(db: Db, year: number, closedOn: string, closedBy: string): void {
  db.prepare("INSERT INTO closed_years (year, closed_on, closed_by, created_at) VALUES (?, ?, ?, ?)").run(year, closedOn, closedBy, now());
}

// ---------------------------------------------------------------------------------------------------------------
// Dues and budget

/** Sets (or replaces) a group's dues for a year; returns the previous amount, if any. */
export function setDues(db: Db, year: number, groupId: number, amount: number): number | undefined {
  const before = db.prepare("SELECT amount FROM dues_assessments WHERE year = ? AND group_id = ?").pluck().get(year, groupId) as number | undefined;
  db.prepare(
    "INSERT INTO dues_assessments (year, group_id, amount) VALUES (?, ?, ?) ON CONFLICT (year, group_id) DO UPDATE SET amount = excluded.amount",
  ).run(year, groupId, amount);
  return before;
}

/** Per group: the dues assessed for the year and the dues payments for that year (either may be zero). */
export function duesOfYear(db: Db, year: number): Array<{ groupId: number; group: string; assessed: number; paid: number }> {
  return db
    .prepare(
      `SELECT g.id AS "groupId", g.name AS "group",
              coalesce((SELECT d.amount FROM dues_assessments d WHERE d.year = @year AND d.group_id = g.id), 0) AS assessed,
              coalesce((SELECT sum(i.amount) FROM income i WHERE i.kind = 'dues' AND i.dues_year = @year AND i.group_id = g.id AND i.cancelled_on IS NULL), 0) AS paid
         FROM groups g
        WHERE g.id IN (SELECT group_id FROM dues_assessments WHERE year = @year)
           OR g.id IN (SELECT group_id FROM income WHERE kind = 'dues' AND dues_year = @year AND group_id IS NOT NULL AND cancelled_on IS NULL)
        ORDER BY g.name`,
    )
    .all({ year }) as Array<{ groupId: number; group: string; assessed: number; paid: number }>;
}

/** Sets (or replaces) a budget line; returns the previous amount, if any. */
export function setBudgetLine(db: Db, year: number, line: string, amount: number): number | undefined {
  const key = nameKey(line);
  const before = db.prepare("SELECT amount FROM budget_lines WHERE year = ? AND line_key = ?").pluck().get(year, key) as number | undefined;
  db.prepare(
    "INSERT INTO budget_lines (year, line, line_key, amount) VALUES (?, ?, ?, ?) ON CONFLICT (year, line_key) DO UPDATE SET line = excluded.line, amount = excluded.amount",
  ).run(year, line, key, amount);
  return before;
}

export function budgetLines(db: Db, year: number): Array<{ line: string; amount: number }> {
  return db.prepare("SELECT line, amount FROM budget_lines WHERE year = ? ORDER BY id").all(year) as Array<{ line: string; amount: number }>;
}

// The invariants `check` reads (fundraising/contributes.ts).

export function incomeWithBadAmount(db: Db): Array<{ id: number; amount: unknown }> {
  return db.prepare("SELECT id, amount FROM income WHERE typeof(amount) <> 'integer' OR amount <= 0 ORDER BY id").all() as Array<{ id: number; amount: unknown }>;
}

export function duesWithoutGroup(db: Db): number[] {
  return db.prepare("SELECT id FROM income WHERE kind = 'dues' AND group_id IS NULL ORDER BY id").pluck().all() as number[];
}

export function overpaidGrants(db: Db): Array<{ application: number; awarded: number; received: number }> {
  return db
    .prepare(
      `SELECT a.id AS application, a.amount_awarded AS awarded, sum(i.amount) AS received
         FROM applications a JOIN income i ON i.application_id = a.id AND i.cancelled_on IS NULL
        WHERE a.amount_awarded IS NOT NULL
        GROUP BY a.id HAVING sum(i.amount) > a.amount_awarded ORDER BY a.id`,
    )
    .all() as Array<{ application: number; awarded: number; received: number }>;
}

/** Rows of dues_assessments or budget_lines with a negative or non-integer amount. */
export function negativeAmounts(db: Db, table: "dues_assessments" | "budget_lines"): number[] {
  return db.prepare(`SELECT id FROM "${table}" WHERE typeof(amount) <> 'integer' OR amount < 0 ORDER BY id`).pluck().all() as number[];
}
