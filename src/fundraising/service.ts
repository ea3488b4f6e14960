// Fundraising's rules: what may be entered and how it changes. Writes happen inside the command's ctx.write.
import type { AuditEntry } from "../core/context.js";
import { changedFields } from "../core/changes.js";
import { parseDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { CliError, UsageError, term, dateParam } from "../core/errors.js";
import { parseIban } from "../core/iban.js";
import { parseMoney } from "../core/money.js";
import { ambiguousName, resolveByFolding } from "../core/nameMatch.js";
import { cleanEmail, cleanNotes, cleanPhone, cleanText, oneOf } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { findGroups, listGroups } from "../groups/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import { findPeople } from "../people/index.js";
import {
  checkTransition,
  DEFAULT_PROBABILITY,
  FUNDER_KINDS,
  INCOME_KINDS,
  OPEN_STAGES,
  REPORT_KINDS,
  STAGES,
  TRANSITIONS,
  type Application,
  type Funder,
  type Income,
  type IncomeKind,
  type ReportingDeadline,
  type ReportingKind,
  type Stage,
} from "./model.js";
import {
  closedYear,
  findFunders,
  funderNames,
  getFunder,
  funderByIban,
  funderIdByName,
  getApplication,
  getIncome,
  insertClosedYear,
  markIncomeCancelled,
  updateIncome,
  type IncomeChange,
  getReportingDeadline,
  insertApplication,
  insertContact,
  insertFunder,
  setFunderIban,
  insertIncome,
  insertReportingDeadline,
  insertStageChange,
  listApplications,
  markReportSubmitted,
  setBudgetLine,
  setDues,
  updateFunder,
  updateStage,
} from "./store.js";

export type Audit = (entry: AuditEntry) => void;

// ---------------------------------------------------------------------------------------------------------------
// Values

/**
 * A money amount above zero, in cents; `12,345,67` and the like are refused by parseMoney, and so is `12,345`
 * (twelve euros or twelve thousand?) in either language: typed amounts are never guessed.
 */
export function positiveMoney(raw: string, field: string): number {
  const cents = parseMoney(raw, field, { ambiguous: "refuse" });
  if (cents <= 0) throw new CliError("error.funds.notPositive", { field, value: raw });
  return cents;
}

export function nonNegativeMoney(raw: string, field: string): number {
  const cents = parseMoney(raw, field, { ambiguous: "refuse" });
  if (cents < 0) throw new CliError("error.funds.negative", { field, value: raw });
  return cents;
}

export function parseYear(raw: string, field = "year"): number {
  const value = raw.trim();
  if (!/^\d{4}$/.test(value) || Number(value) < 1900 || Number(value) > 2999) throw new CliError("error.funds.invalidYear", { field, value: raw });
  return Number(value);
}

export function parseProbability(raw: string): number {
  const value = raw.trim().replace(/\s*%$/, "");
  if (!/^\d{1,3}$/.test(value) || Number(value) > 100) throw new CliError("error.funds.invalidProbability", { value: raw });
  return Number(value);
}

export function parseStage(raw: string): Stage {
  return oneOf(raw, STAGES, "stage", "funds.stage.");
}

export function parseIncomeKind(raw: string, field = "--kind"): IncomeKind {
  return oneOf(raw, INCOME_KINDS, field, "funds.incomeKind.");
}

// ---------------------------------------------------------------------------------------------------------------
// Funders

export interface FunderInput {
  name: string;
  kind?: string;
  website?: string;
  notes?: string;
  contact?: string;
  role?: string;
  email?: string;
  phone?: string;
  iban?: string;
}

export function resolveFunder(db: Db, ref: string): Funder {
  let found = findFunders(db, ref);
  if (found.length === 0) found = findFunders(db, `#${resolveByFolding(funderNames(db), ref, "error.funds.unknownFunder", "error.funds.unknownFunder.hint")}`);
  if (found.length === 1) return found[0]!;
  throw ambiguousName(ref, found);
}

export function addFunder(db: Db, audit: Audit, input: FunderInput): number {
  const name = cleanText(input.name, "name", { required: true })!;
  if (input.kind === undefined) throw new UsageError("error.funds.kindRequired");
  const kind = oneOf(input.kind, FUNDER_KINDS, "--kind", "funds.funderKind.");
  if (funderIdByName(db, name) !== undefined) throw new CliError("error.funds.funderExists", { name }, 1, "error.funds.funderExists.hint");
  const fields = { name, kind, website: cleanText(input.website, "website", { max: 300 }), notes: cleanNotes(input.notes) };
  const iban = input.iban === undefined ? null : parseIban(input.iban);
  ensureIbanFree(db, iban);
  const id = insertFunder(db, fields);
  if (iban !== null) setFunderIban(db, id, iban);
  audit({ entity: "funder", id, action: "add", changes: { ...fields, iban } });
  if (input.contact !== undefined) addContact(db, audit, id, { name: input.contact, role: input.role, email: input.email, phone: input.phone });
  else if (input.email !== undefined || input.phone !== undefined || input.role !== undefined)
    throw new CliError("error.funds.contactDetailsWithoutName", {}, 1, "error.funds.contactDetailsWithoutName.hint");
  return id;
}

export interface FunderEdit {
  name?: string;
  kind?: string;
  website?: string;
  notes?: string;
  iban?: string;
}

/** An IBAN belongs to one funder (checked inside the write's transaction). */
function ensureIbanFree(db: Db, iban: string | null, funderId?: number): void {
  const owner = iban === null ? undefined : funderByIban(db, iban);
  if (owner && owner.id !== funderId) throw new CliError("error.ibanTaken", { iban: iban!, owner: owner.name });
}

/**
 * Changes a funder's name, kind, website or notes; an empty `--website ""` or `--notes ""` clears them. Returns
 * what changed, as [before, after]; nothing changed means nothing written.
 */
export function editFunder(db: Db, audit: Audit, named: Funder, input: FunderEdit): Record<string, [unknown, unknown]> {
  // read again inside the write: a field this edit leaves alone keeps what a concurrent edit gave it
  const funder = getFunder(db, named.id)!;
  const fields = {
    name: input.name === undefined ? funder.name : cleanText(input.name, "name", { required: true })!,
    kind: input.kind === undefined ? funder.kind : oneOf(input.kind, FUNDER_KINDS, "--kind", "funds.funderKind."),
    website: input.website === undefined ? funder.website : cleanText(input.website, "website", { max: 300 }),
    notes: input.notes === undefined ? funder.notes : cleanNotes(input.notes),
  };
  const holder = funderIdByName(db, fields.name);
  if (holder !== undefined && holder !== funder.id) throw new CliError("error.funds.funderRenameExists", { name: fields.name }, 1, "error.funds.funderRenameExists.hint");
  const iban = input.iban === undefined ? funder.iban : parseIban(input.iban);
  ensureIbanFree(db, iban, funder.id);
  const changes = changedFields(funder, { ...fields, iban });
  if (Object.keys(changes).length === 0) return changes;
  updateFunder(db, funder.id, fields);
  setFunderIban(db, funder.id, iban);
  audit({ entity: "funder", id: funder.id, action: "edit", changes });
  return changes;
}

export function addContact(db: Db, audit: Audit, funderId: number, input: { name: string; role?: string; email?: string; phone?: string }): number {
  const contact = {
    name: cleanText(input.name, "contact", { required: true })!,
    role: cleanText(input.role, "role"),
    email: cleanEmail(input.email),
    phone: cleanPhone(input.phone),
  };
  const id = insertContact(db, funderId, contact);
  audit({ entity: "funder", id: funderId, action: "contact", changes: contact });
  return id;
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

/** An application by its number (`7`, `#7`) or, when it is unique, its title. */
export function resolveApplication(db: Db, ref: string): Application {
  const trimmed = ref.trim();
  if (/^#?\d+$/.test(trimmed)) {
    const app = getApplication(db, Number(trimmed.replace("#", "")));
    if (app) return app;
  } else {
    const key = trimmed.toLocaleLowerCase();
    const found = listApplications(db).filter((a) => a.title.toLocaleLowerCase() === key);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new CliError("error.ambiguous", { ref, candidates: found.map((a) => `#${a.id} ${a.title}`).join(", ") });
  }
  throw new CliError("error.funds.unknownApplication", { ref }, 1, "error.funds.unknownApplication.hint");
}

export interface ApplicationInput {
  funder: Funder;
  title: string;
  amount: string;
  deadline?: string;
  decision?: string;
  probability?: string;
  purpose?: string;
  restricted?: boolean;
  stage?: string;
  date?: string;
}

export function addApplication(db: Db, audit: Audit, input: ApplicationInput, today: string): number {
  const title = cleanText(input.title, "title", { required: true, max: 300 })!;
  const amount = positiveMoney(input.amount, "--amount");
  const stage = input.stage === undefined ? "idea" : oneOf(input.stage, OPEN_STAGES, "--stage", "funds.stage.");
  const fields = {
    funderId: input.funder.id,
    title,
    amount,
    deadline: input.deadline === undefined ? null : parseDate(input.deadline, "--deadline", today),
    decisionExpected: input.decision === undefined ? null : parseDate(input.decision, "--decision", today),
    probability: input.probability === undefined ? DEFAULT_PROBABILITY : parseProbability(input.probability),
    purpose: cleanText(input.purpose, "--purpose", { max: 500 }),
    restricted: input.restricted === true,
    stage,
    date: input.date === undefined ? today : parseDate(input.date, "--date", today),
  };
  if (fields.restricted && fields.purpose === null) throw new CliError("error.funds.restrictedNeedsPurpose", {}, 1, "error.funds.restrictedNeedsPurpose.hint");
  const id = insertApplication(db, fields);
  audit({ entity: "application", id, action: "add", changes: fields });
  return id;
}

export interface StageInput {
  stage: string;
  date?: string;
  reopen?: boolean;
  awarded?: string;
  from?: string;
  until?: string;
  note?: string;
}

export function changeStage(db: Db, audit: Audit, named: Application, input: StageInput, today: string): void {
  // the stage, its date and the instalments as they are inside the write, not as they were when the name was resolved
  const app = getApplication(db, named.id)!;
  const to = parseStage(input.stage);
  const date = input.date === undefined ? today : parseDate(input.date, "--date", today);
  const check = checkTransition(app.stage, to, input.reopen === true);
  if (!check.ok) {
    // the stages as words of the message's language; --stage values stay as typed in the hint's list
    const params = { id: app.id, from: term(`funds.stage.${app.stage}`), to: term(`funds.stage.${to}`), allowed: [...TRANSITIONS[app.stage].normal].join(", ") || "–" };
    if (check.reason === "same") throw new CliError("error.funds.sameStage", params);
    if (check.reason === "needsReopen") throw new CliError("error.funds.needsReopen", params, 1, "error.funds.needsReopen.hint");
    throw new CliError("error.funds.stageNotAllowed", params, 1, "error.funds.stageNotAllowed.hint");
  }
  if (date < app.stageSince) throw new CliError("error.funds.stageDateBefore", { date: dateParam(date), since: dateParam(app.stageSince) });
  const approving = to === "approved";
  if (!approving && (input.awarded !== undefined || input.from !== undefined || input.until !== undefined))
    throw new CliError("error.funds.awardOnlyOnApproval", {}, 1, "error.funds.awardOnlyOnApproval.hint");
  if (app.stage === "approved" && app.received > 0) throw new CliError("error.funds.hasInstalments", { id: app.id });
  const awarded = approving ? (input.awarded === undefined ? app.amount : nonNegativeMoney(input.awarded, "--awarded")) : null;
  const periodStart = approving && input.from !== undefined ? parseDate(input.from, "--from", today) : null;
  const periodEnd = approving && input.until !== undefined ? parseDate(input.until, "--until", today) : null;
  if (periodStart !== null && periodEnd !== null && periodEnd < periodStart)
    throw new CliError("error.funds.periodEndsBeforeStart", { from: dateParam(periodStart), until: dateParam(periodEnd) });
  const note = cleanText(input.note, "--note", { max: 500 });
  updateStage(db, app.id, { stage: to, date, awarded, periodStart, periodEnd });
  insertStageChange(db, app.id, { stage: to, date, reopened: check.reopened, note });
  audit({ entity: "application", id: app.id, action: "stage", changes: { stage: [app.stage, to], date, reopened: check.reopened, awarded, periodStart, periodEnd, note } });
}

export function addReportingDeadline(db: Db, audit: Audit, named: Application, rawKind: string, rawDate: string, today: string): number {
  const app = getApplication(db, named.id)!; // its stage as it is inside the write
  const kind = oneOf(rawKind, REPORT_KINDS, "kind") as ReportingKind;
  const due = parseDate(rawDate, "date", today);
  if (app.stage !== "approved") throw new CliError("error.funds.notApproved", { id: app.id, stage: term(`funds.stage.${app.stage}`) });
  const id = insertReportingDeadline(db, app.id, kind, due);
  audit({ entity: "reporting_deadline", id, action: "add", changes: { application: app.id, kind, due } });
  return id;
}

export function resolveReportingDeadline(db: Db, ref: string): ReportingDeadline {
  const trimmed = ref.trim();
  const deadline = /^#?\d+$/.test(trimmed) ? getReportingDeadline(db, Number(trimmed.replace("#", ""))) : undefined;
  if (!deadline) throw new CliError("error.funds.unknownReportingDeadline", { ref }, 1, "error.funds.unknownReportingDeadline.hint");
  return deadline;
}

export function markReportingDone(db: Db, audit: Audit, named: ReportingDeadline, date: string): void {
  const deadline = getReportingDeadline(db, named.id)!; // met or not, as it is inside the write
  if (deadline.submitted !== null) throw new CliError("error.funds.reportSubmitted", { id: deadline.id, date: dateParam(deadline.submitted) });
  markReportSubmitted(db, deadline.id, date);
  audit({ entity: "reporting_deadline", id: deadline.id, action: "submitted", changes: { date } });
}

// ---------------------------------------------------------------------------------------------------------------
// Income

export type Source = { kind: "funder"; funder: Funder } | { kind: "group"; group: Group } | { kind: "person"; person: Person };

/**
 * Who the money came from: a funder, a member group or a person. `funder:`, `group:` and `person:` say which
 * where a name or an id could be more than one of them.
 */
export function resolveSource(db: Db, ref: string, today: string): Source {
  const prefixed = /^(funder|geldgeber|group|gruppe|person):\s*(.+)$/i.exec(ref.trim());
  if (prefixed) {
    const which = prefixed[1]!.toLowerCase();
    const inner = prefixed[2]!;
    if (which === "funder" || which === "geldgeber") return { kind: "funder", funder: resolveFunder(db, inner) };
    if (which === "person") {
      const person = resolvePerson(db, inner, today);
      if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
      return { kind: "person", person };
    }
    return { kind: "group", group: resolveGroup(db, inner, today) };
  }
  const funders = findFunders(db, ref);
  const groups = findGroups(db, ref, today);
  const people = findPeople(db, ref, today).filter((p) => !p.forgotten);
  const total = funders.length + groups.length + people.length;
  if (total === 1)
    return funders[0]
      ? { kind: "funder", funder: funders[0] }
      : groups[0]
        ? { kind: "group", group: groups[0] }
        : { kind: "person", person: people[0]! };
  if (total === 0) throw new CliError("error.funds.unknownSource", { ref }, 1, "error.funds.unknownSource.hint");
  const candidates = [
    ...funders.map((f) => `funder:${f.id} ${f.name}`),
    ...groups.map((g) => `group:${g.id} ${g.name}`),
    ...people.map((p) => `person:${p.id} ${p.name}`),
  ].join(", ");
  throw new CliError("error.funds.ambiguousSource", { ref, candidates }, 1, "error.funds.ambiguousSource.hint");
}

export interface IncomeInput {
  amount: string;
  date?: string;
  kind?: string;
  source?: Source;
  application?: Application;
  fund?: string;
  year?: string;
  note?: string;
  /** allows income dated in a closed year (audited as a reopening) */
  reopen?: boolean;
}

export function addIncome(db: Db, audit: Audit, input: IncomeInput, today: string): number {
  const amount = positiveMoney(input.amount, "amount");
  const date = input.date === undefined ? today : parseDate(input.date, "--date", today);
  // the application's stage as it is inside the write (it must be approved when the instalment comes)
  const app = input.application && getApplication(db, input.application.id)!;
  if (input.kind === undefined && !app) throw new UsageError("error.funds.incomeKindRequired");
  const kind = input.kind === undefined ? "grant" : parseIncomeKind(input.kind);
  const fund = cleanText(input.fund, "--fund", { max: 200 }) ?? (app?.restricted ? (app.purpose ?? app.title) : null);
  const fields = checkedIncome(
    { amount, date, kind, source: input.source ? refOf(input.source) : null, application: app ?? null, fund, year: input.year, duesYear: null, note: cleanText(input.note, "--note", { max: 500 }) },
    true,
  );
  const row = { ...fields, sourceText: null, importKey: null };
  const id = insertIncome(db, row);
  audit({ entity: "income", id, action: "add", changes: row });
  checkClosedYears(db, audit, [date], input.reopen === true, { income: id, action: "add" });
  return id;
}

/** Who paid, by id: what the income table keeps of a Source (null: nobody named, or only a bank text). */
type SourceRef = { kind: "funder" | "group" | "person"; id: number } | null;

function refOf(source: Source): NonNullable<SourceRef> {
  if (source.kind === "funder") return { kind: "funder", id: source.funder.id };
  return source.kind === "group" ? { kind: "group", id: source.group.id } : { kind: "person", id: source.person.id };
}

interface IncomeValues {
  amount: number;
  date: string;
  kind: IncomeKind;
  source: SourceRef;
  application: Application | null;
  fund: string | null;
  /** --year as typed */
  year: string | undefined;
  /** the dues year the row has so far (edit), kept when neither --year nor the kind changes it */
  duesYear: number | null;
  note: string | null;
}

/**
 * The rules of an income row, for add and edit alike: the table's CHECKs as messages. An instalment is a grant
 * from its application's funder (who becomes the source when none is given), and the application must be
 * approved when it is attached; dues come from a member group, for a year; --year belongs to dues only.
 */
function checkedIncome(v: IncomeValues, attaching: boolean): IncomeChange {
  let source = v.source;
  const app = v.application;
  if (app) {
    if (v.kind !== "grant") throw new CliError("error.funds.instalmentIsGrant", { kind: v.kind, id: app.id }, 1, "error.funds.instalmentIsGrant.hint");
    if (attaching && app.stage !== "approved") throw new CliError("error.funds.notApproved", { id: app.id, stage: term(`funds.stage.${app.stage}`) });
    if (source && !(source.kind === "funder" && source.id === app.funderId)) throw new CliError("error.funds.instalmentFromOtherSource", { id: app.id, funder: app.funder });
    source = source ?? { kind: "funder", id: app.funderId };
  }
  if (v.kind === "dues" && source?.kind !== "group") throw new CliError("error.funds.duesNeedGroup", {}, 1, "error.funds.duesNeedGroup.hint");
  if (v.year !== undefined && v.kind !== "dues") throw new CliError("error.funds.yearOnlyForDues");
  const duesYear = v.kind !== "dues" ? null : v.year !== undefined ? parseYear(v.year, "--year") : (v.duesYear ?? Number(v.date.slice(0, 4)));
  return columnsOf({ date: v.date, amount: v.amount, kind: v.kind, source, applicationId: app?.id ?? null, fund: v.fund, duesYear, note: v.note });
}

/** An income's fields as the table keeps them: the source in its three columns, at most one of them set. */
function columnsOf(v: Omit<IncomeChange, "funderId" | "groupId" | "personId"> & { source: SourceRef }): IncomeChange {
  const { source, ...rest } = v;
  return {
    ...rest,
    funderId: source?.kind === "funder" ? source.id : null,
    groupId: source?.kind === "group" ? source.id : null,
    personId: source?.kind === "person" ? source.id : null,
  };
}

/**
 * The books of a closed year are done: income dated in it is added, edited or cancelled only with --reopen, and
 * then the audit log shows the year reopened for that one change (the year stays closed).
 */
export function checkClosedYears(db: Db, audit: Audit, dates: readonly string[], reopen: boolean, change: { income: number | null; action: string }): void {
  for (const year of [...new Set(dates.map((d) => Number(d.slice(0, 4))))].sort()) {
    const closed = closedYear(db, year);
    if (!closed) continue;
    if (!reopen) throw new CliError("error.funds.yearClosed", { year, date: dateParam(closed.closedOn) }, 1, "error.funds.yearClosed.hint");
    audit({ entity: "closed_year", id: year, action: "reopen", changes: change });
  }
}

/** An income by its number (`7`, `#7`), read inside the write that changes it. */
function incomeToChange(db: Db, id: number, forgottenLabel: string): Income {
  const income = getIncome(db, id, forgottenLabel);
  if (!income) throw new CliError("error.funds.unknownIncome", { ref: id }, 1, "error.funds.unknownIncome.hint");
  if (income.cancelled) throw new CliError("error.funds.incomeCancelled", { id, date: dateParam(income.cancelled.date) });
  return income;
}

function sourceRefOf(i: Income): SourceRef {
  return i.source === null || i.source.kind === "text" ? null : { kind: i.source.kind, id: i.source.id! };
}

/** The fields of an Income as the table keeps them: what an edit compares. */
function storedFields(i: Income): IncomeChange {
  return columnsOf({ date: i.date, amount: i.amount, kind: i.kind, source: sourceRefOf(i), applicationId: i.application, fund: i.fund, duesYear: i.duesYear, note: i.note });
}

export interface IncomeEdit {
  amount?: string;
  date?: string;
  kind?: string;
  /** null: no source any more (`--from ""`) */
  source?: Source | null;
  /** null: no longer an instalment (`--application ""`) */
  application?: Application | null;
  fund?: string;
  year?: string;
  note?: string;
  reopen?: boolean;
}

/**
 * Changes the given fields of an income; the rest stays. Read and checked inside the write: the income must exist
 * and not be cancelled, and its year (old and new date) must not be closed unless --reopen. Returns the income
 * before and after and what changed as [before, after]; nothing changed means nothing written.
 */
export function editIncome(db: Db, audit: Audit, id: number, input: IncomeEdit, today: string, forgottenLabel: string) {
  const before = incomeToChange(db, id, forgottenLabel);
  // an application named again is read here, in the transaction, for its stage and funder
  const attaching = input.application !== undefined && input.application !== null;
  const appId = input.application === undefined ? before.application : (input.application?.id ?? null);
  const app = appId === null ? null : getApplication(db, appId)!;
  const newlyRestricted = attaching && app!.restricted && app!.id !== before.application;
  const fields = checkedIncome(
    {
      amount: input.amount === undefined ? before.amount : positiveMoney(input.amount, "--amount"),
      date: input.date === undefined ? before.date : parseDate(input.date, "--date", today),
      kind: input.kind === undefined ? before.kind : parseIncomeKind(input.kind),
      // another application brings its funder as the source unless --from names one
      source: input.source !== undefined ? input.source && refOf(input.source) : attaching ? null : sourceRefOf(before),
      application: app,
      fund: input.fund !== undefined ? cleanText(input.fund, "--fund", { max: 200 }) : newlyRestricted ? (app!.purpose ?? app!.title) : before.fund,
      year: input.year,
      duesYear: before.duesYear,
      note: input.note === undefined ? before.note : cleanText(input.note, "--note", { max: 500 }),
    },
    attaching && app!.id !== before.application,
  );
  const changes = changedFields(storedFields(before), fields);
  if (Object.keys(changes).length === 0) return { before, after: before, changes };
  checkClosedYears(db, audit, [before.date, fields.date], input.reopen === true, { income: id, action: "edit" });
  updateIncome(db, id, fields);
  audit({ entity: "income", id, action: "edit", changes });
  return { before, after: getIncome(db, id, forgottenLabel)!, changes };
}

/**
 * Cancels an income (Storno): the row stays, marked with today, the reason and who cancelled it, and counts in
 * no total from now on. Checked inside the write like an edit.
 */
export function cancelIncome(db: Db, audit: Audit, id: number, input: { reason?: string; reopen?: boolean }, actor: string, today: string, forgottenLabel: string) {
  const before = incomeToChange(db, id, forgottenLabel);
  const reason = cleanText(input.reason, "--reason", { required: true, max: 500 })!;
  checkClosedYears(db, audit, [before.date], input.reopen === true, { income: id, action: "cancel" });
  markIncomeCancelled(db, id, { date: today, reason, by: actor });
  audit({ entity: "income", id, action: "cancel", changes: { cancelled: [null, today], reason: [null, reason], by: [null, actor], amount: before.amount, date: before.date } });
  return { before, after: getIncome(db, id, forgottenLabel)! };
}

/** Closes a year that is over: from now on its income changes only with --reopen. */
export function closeYear(db: Db, audit: Audit, year: number, actor: string, today: string): void {
  if (year >= Number(today.slice(0, 4))) throw new CliError("error.funds.yearNotOver", { year }, 1, "error.funds.yearNotOver.hint");
  const closed = closedYear(db, year);
  if (closed) throw new CliError("error.funds.yearAlreadyClosed", { year, date: dateParam(closed.closedOn), by: closed.closedBy });
  insertClosedYear(db, year, today, actor);
  audit({ entity: "closed_year", id: year, action: "close", changes: { year, closedOn: today, closedBy: actor } });
}

// ---------------------------------------------------------------------------------------------------------------
// Dues and budget

/** The groups that are members on at least one day of the year: they owe dues for it. */
export function membersDuringYear(db: Db, year: number, today: string): Group[] {
  return listGroups(db, today, { all: true }).filter((g) => g.joined <= `${year}-12-31` && (g.left === null || g.left > `${year}-01-01`));
}

export function assessDues(db: Db, audit: Audit, year: number, groups: Group[], amount: number): number {
  for (const group of groups) {
    const before = setDues(db, year, group.id, amount);
    audit({ entity: "dues", id: group.id, action: "set", changes: { year, group: group.name, amount: [before ?? null, amount] } });
  }
  return groups.length;
}

export function setBudget(db: Db, audit: Audit, year: number, rawLine: string, amount: number): void {
  const line = cleanText(rawLine, "line", { required: true, max: 200 })!;
  const before = setBudgetLine(db, year, line, amount);
  audit({ entity: "budget", id: year, action: "set", changes: { line, amount: [before ?? null, amount] } });
}

