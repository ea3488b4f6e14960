// `plattform fundraising …` (alias `funds`): options in, the area's functions, a table or JSON out.
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type { ExportOptions } from "../core/transfer.js";
import type * as def from "./commands.js";
import { formatDate, shiftDate, today } from "../core/dates.js";
import { CliError, UsageError } from "../core/errors.js";
import { formatMoney } from "../core/money.js";
import { heading, note, printDetails, printJson, printTable, say } from "../core/output.js";
import { readSettings } from "../platform/index.js";
import type { BankReport } from "./bankImport.js";
import { parseWithin, type Application, type Income } from "./model.js";
import { buildFundraisingReport, duesStatus, listDeadlines } from "./report.js";
import { coverageText, fundraisingDocument } from "./reportDocument.js";
import {
  addApplication,
  addContact,
  addFunder,
  addIncome,
  addReportingDeadline,
  assessDues,
  cancelIncome,
  changeStage,
  checkClosedYears,
  closeYear as closeYearOfBooks,
  editFunder,
  editIncome,
  markReportingDone,
  membersDuringYear,
  nonNegativeMoney,
  parseIncomeKind,
  parseStage,
  parseYear,
  resolveApplication,
  resolveFunder,
  resolveReportingDeadline,
  resolveSource,
  setBudget,
} from "./service.js";
import { resolveGroup } from "../groups/index.js";
import { io } from "../core/io.js";
import {
  getApplication,
  getFunder,
  getIncome,
  listApplications,
  listFunders,
  listIncome,
  listReportingDeadlines,
  stageHistory,
  budgetLines,
  deleteBankRule,
  insertBankRule,
  listBankRules,
  incomeTotal,
} from "./store.js";
import { cleanText } from "../core/validate.js";

const thisYear = () => Number(today().slice(0, 4));
const yearOption = (opts: { readonly year?: string | undefined }) => (opts.year === undefined ? thisYear() : parseYear(opts.year, "--year"));

/** Opens the data file first, so that even an error about the arguments is in the platform's language. */
function open(ctx: Context): void {
  void ctx.db;
}

function money(ctx: Context, cents: number | null): string {
  return cents === null ? "–" : formatMoney(cents, ctx.lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Funders

export async function fundersAdd(ctx: Context, [name]: Args<typeof def.fundersAdd>, opts: Opts<typeof def.fundersAdd>): Promise<void> {
  open(ctx);
  const id = ctx.write((audit) =>
    addFunder(ctx.db, audit, {
      name: name!,
      kind: opts.kind,
      website: opts.website,
      notes: opts.notes,
      contact: opts.contact,
      role: opts.role,
      email: opts.email,
      phone: opts.phone,
      iban: opts.iban,
    }),
  );
  const funder = getFunder(ctx.db, id)!;
  if (ctx.json) return printJson(funder);
  say(ctx.t("funds.funderAdded", { name: funder.name, id }));
}

export async function fundersEdit(ctx: Context, [ref]: Args<typeof def.fundersEdit>, opts: Opts<typeof def.fundersEdit>): Promise<void> {
  open(ctx);
  const input = { name: opts.name, kind: opts.kind, website: opts.website, notes: opts.notes, iban: opts.iban };
  if (Object.values(input).every((v) => v === undefined)) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const funder = resolveFunder(ctx.db, ref!);
  const changes = ctx.write((audit) => editFunder(ctx.db, audit, funder, input));
  const updated = getFunder(ctx.db, funder.id)!;
  if (ctx.json) return printJson(updated);
  const fields = Object.keys(changes).join(", ");
  say(fields === "" ? ctx.t("funds.funderUnchanged", { name: updated.name }) : ctx.t("funds.funderEdited", { name: updated.name, fields }));
}

export async function fundersContact(ctx: Context, [ref, name]: Args<typeof def.fundersContact>, opts: Opts<typeof def.fundersContact>): Promise<void> {
  open(ctx);
  const funder = resolveFunder(ctx.db, ref!);
  ctx.write((audit) => addContact(ctx.db, audit, funder.id, { name: name!, role: opts.role, email: opts.email, phone: opts.phone }));
  const updated = getFunder(ctx.db, funder.id)!;
  if (ctx.json) return printJson(updated);
  say(ctx.t("funds.contactAdded", { name: name!.trim(), funder: funder.name }));
}

export async function fundersList(ctx: Context): Promise<void> {
  open(ctx);
  const funders = listFunders(ctx.db);
  if (ctx.json) return printJson(funders);
  if (funders.length === 0) return say(ctx.t("funds.noFunders"));
  const apps = listApplications(ctx.db);
  printTable(
    ctx,
    ["#", ctx.t("label.name"), ctx.t("label.kind"), ctx.t("funds.col.contact"), ctx.t("funds.col.applications")],
    funders.map((f) => [
      f.id,
      f.name,
      ctx.t(`funds.funderKind.${f.kind}`),
      f.contacts[0] ? [f.contacts[0].name, f.contacts[0].email].filter(Boolean).join(", ") : "",
      apps.filter((a) => a.funderId === f.id).length,
    ]),
  );
}

export async function fundersShow(ctx: Context, [ref]: Args<typeof def.fundersShow>): Promise<void> {
  open(ctx);
  const funder = resolveFunder(ctx.db, ref!);
  const applications = listApplications(ctx.db, { funderId: funder.id });
  const income = listIncome(ctx.db, { funderId: funder.id }, ctx.t("people.forgottenName"));
  const received = income.reduce((sum, i) => sum + i.amount, 0);
  if (ctx.json) return printJson({ ...funder, applications, received });
  printDetails(ctx, [
    [ctx.t("label.name"), funder.name],
    [ctx.t("label.kind"), ctx.t(`funds.funderKind.${funder.kind}`)],
    [ctx.t("funds.col.website"), funder.website],
    [ctx.t("label.notes"), funder.notes],
    [ctx.t("funds.col.received"), money(ctx, received)],
  ]);
  if (funder.contacts.length > 0) {
    heading(ctx, ctx.t("funds.contacts"));
    printTable(
      ctx,
      [ctx.t("label.name"), ctx.t("label.role"), ctx.t("label.email"), ctx.t("label.phone")],
      funder.contacts.map((c) => [c.name, c.role, c.email, c.phone]),
    );
  }
  if (applications.length > 0) {
    heading(ctx, ctx.t("funds.section.applications"));
    applicationTable(ctx, applications);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

function applicationObject(ctx: Context, app: Application) {
  return {
    ...app,
    history: stageHistory(ctx.db, app.id),
    reportingDeadlines: listReportingDeadlines(ctx.db, { applicationId: app.id }),
    instalments: listIncome(ctx.db, { applicationId: app.id }, ctx.t("people.forgottenName")),
  };
}

function applicationTable(ctx: Context, apps: Application[]): void {
  printTable(
    ctx,
    ["#", ctx.t("funds.col.application"), ctx.t("funds.col.funder"), ctx.t("funds.col.requested"), ctx.t("funds.col.probability"), ctx.t("funds.col.deadline"), ctx.t("funds.col.stage"), ctx.t("funds.col.awarded")],
    apps.map((a) => [
      a.id,
      a.title,
      a.funder,
      money(ctx, a.amount),
      `${a.probability} %`,
      formatDate(a.deadline, ctx.lang),
      `${ctx.t(`funds.stage.${a.stage}`)} (${formatDate(a.stageSince, ctx.lang)})`,
      a.awarded === null ? "" : money(ctx, a.awarded),
    ]),
  );
}

export async function apply(ctx: Context, [funderRef, title]: Args<typeof def.apply>, opts: Opts<typeof def.apply>): Promise<void> {
  open(ctx);
  const day = today();
  const funder = resolveFunder(ctx.db, funderRef!);
  const id = ctx.write((audit) =>
    addApplication(
      ctx.db,
      audit,
      {
        funder,
        title: title!,
        amount: opts.amount ?? "",
        deadline: opts.deadline,
        decision: opts.decision,
        probability: opts.probability,
        purpose: opts.purpose,
        restricted: opts.restricted === true,
        stage: opts.stage,
        date: opts.date,
      },
      day,
    ),
  );
  const app = getApplication(ctx.db, id)!;
  if (ctx.json) return printJson(applicationObject(ctx, app));
  say(ctx.t("funds.applicationAdded", { id, title: app.title, funder: app.funder, amount: money(ctx, app.amount), stage: ctx.t(`funds.stage.${app.stage}`) }));
}

export async function applicationsList(ctx: Context, _args: Args<typeof def.applicationsList>, opts: Opts<typeof def.applicationsList>): Promise<void> {
  open(ctx);
  const stage = opts.stage === undefined ? undefined : parseStage(opts.stage);
  const funder = opts.funder === undefined ? undefined : resolveFunder(ctx.db, opts.funder);
  const apps = listApplications(ctx.db, { stage, funderId: funder?.id });
  if (ctx.json) return printJson(apps);
  if (apps.length === 0) return say(ctx.t("funds.noApplications"));
  applicationTable(ctx, apps);
}

export async function applicationsShow(ctx: Context, [ref]: Args<typeof def.applicationsShow>): Promise<void> {
  open(ctx);
  const app = applicationObject(ctx, resolveApplication(ctx.db, ref!));
  if (ctx.json) return printJson(app);
  heading(ctx, `#${app.id} ${app.title}`);
  printDetails(ctx, [
    [ctx.t("funds.col.funder"), app.funder],
    [ctx.t("funds.col.requested"), money(ctx, app.amount)],
    [ctx.t("funds.col.probability"), `${app.probability} %`],
    [ctx.t("funds.col.deadline"), formatDate(app.deadline, ctx.lang)],
    [ctx.t("funds.col.decision"), formatDate(app.decisionExpected, ctx.lang)],
    [ctx.t("funds.col.purpose"), app.purpose],
    [ctx.t("funds.col.restricted"), app.restricted ? ctx.t("funds.yes") : ctx.t("funds.no")],
    [ctx.t("funds.col.stage"), `${ctx.t(`funds.stage.${app.stage}`)} (${formatDate(app.stageSince, ctx.lang)})`],
    [ctx.t("funds.col.awarded"), app.awarded === null ? null : money(ctx, app.awarded)],
    [ctx.t("funds.col.period"), app.period ? `${formatDate(app.period.from, ctx.lang) || "…"} – ${formatDate(app.period.until, ctx.lang) || "…"}` : null],
    [ctx.t("funds.col.received"), app.stage === "approved" ? money(ctx, app.received) : null],
  ]);
  heading(ctx, ctx.t("funds.history"));
  printTable(
    ctx,
    [ctx.t("funds.col.date"), ctx.t("funds.col.stage"), ctx.t("label.notes")],
    app.history.map((h) => [formatDate(h.date, ctx.lang), `${ctx.t(`funds.stage.${h.stage}`)}${h.reopened ? ` (${ctx.t("funds.reopened")})` : ""}`, h.note]),
  );
  if (app.reportingDeadlines.length > 0) {
    heading(ctx, ctx.t("funds.reportingDeadlines"));
    printTable(
      ctx,
      ["#", ctx.t("label.kind"), ctx.t("label.due"), ctx.t("funds.col.submitted")],
      app.reportingDeadlines.map((d) => [d.id, ctx.t(`funds.reportKind.${d.kind}`), formatDate(d.due, ctx.lang), formatDate(d.submitted, ctx.lang)]),
    );
  }
  if (app.instalments.length > 0) {
    heading(ctx, ctx.t("funds.instalments"));
    printTable(ctx, ["#", ctx.t("funds.col.date"), ctx.t("funds.col.amount")], app.instalments.map((i) => [i.id, formatDate(i.date, ctx.lang), money(ctx, i.amount)]));
  }
}

export async function stage(ctx: Context, [ref, to]: Args<typeof def.stage>, opts: Opts<typeof def.stage>): Promise<void> {
  open(ctx);
  const app = resolveApplication(ctx.db, ref!);
  ctx.write((audit) =>
    changeStage(
      ctx.db,
      audit,
      app,
      { stage: to!, date: opts.date, reopen: opts.reopen === true, awarded: opts.awarded, from: opts.from, until: opts.until, note: opts.note },
      today(),
    ),
  );
  const after = getApplication(ctx.db, app.id)!;
  if (ctx.json) return printJson(applicationObject(ctx, after));
  say(ctx.t("funds.stageChanged", { id: app.id, title: app.title, from: ctx.t(`funds.stage.${app.stage}`), to: ctx.t(`funds.stage.${after.stage}`), date: formatDate(after.stageSince, ctx.lang) }));
  if (after.stage === "approved") say(ctx.t("funds.awarded", { amount: money(ctx, after.awarded) }));
}

export async function applicationsExport(ctx: Context, _args: Args<typeof def.applicationsExport>, opts: Opts<typeof def.applicationsExport>): Promise<void> {
  open(ctx);
  const apps = listApplications(ctx.db);
  const rows = () =>
    apps.map((a) => ({
      id: a.id,
      funder: a.funder,
      title: a.title,
      amount: a.amount,
      probability: a.probability,
      deadline: a.deadline,
      decision: a.decisionExpected,
      stage: a.stage,
      since: a.stageSince,
      awarded: a.awarded,
      restricted: a.restricted ? "yes" : "no",
      purpose: a.purpose,
      received: a.received,
    }));
  await exportTable(ctx, opts, () => apps, rows, "applications");
}

/** An export through src/core/transfer.ts (loaded here: the fundraising report and lists need none of it). */
async function exportTable(ctx: Context, opts: ExportOptions, objects: () => unknown[], rows: () => Array<Record<string, unknown>>, which: keyof typeof import("./sheets.js").SHEETS): Promise<void> {
  const [{ exportCommand }, { SHEETS }] = await Promise.all([import("../core/transfer.js"), import("./sheets.js")]);
  await exportCommand(ctx, opts, SHEETS[which], objects, rows, ctx.t(`funds.sheet.${which}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting deadlines

export async function reportDueAdd(ctx: Context, [ref, kind, date]: Args<typeof def.reportDueAdd>): Promise<void> {
  open(ctx);
  const app = resolveApplication(ctx.db, ref!);
  const id = ctx.write((audit) => addReportingDeadline(ctx.db, audit, app, kind!, date!, today()));
  const deadline = listReportingDeadlines(ctx.db, { applicationId: app.id }).find((d) => d.id === id)!;
  if (ctx.json) return printJson(deadline);
  say(ctx.t("funds.reportDueAdded", { id, kind: ctx.t(`funds.reportKind.${deadline.kind}`), date: formatDate(deadline.due, ctx.lang), title: app.title }));
}

export async function reportDueDone(ctx: Context, [ref]: Args<typeof def.reportDueDone>, opts: Opts<typeof def.reportDueDone>): Promise<void> {
  open(ctx);
  const { parseDate } = await import("../core/dates.js");
  const day = today();
  const date = opts.date === undefined ? day : parseDate(opts.date, "--date", day);
  const deadline = resolveReportingDeadline(ctx.db, ref!);
  ctx.write((audit) => markReportingDone(ctx.db, audit, deadline, date));
  const after = resolveReportingDeadline(ctx.db, String(deadline.id));
  if (ctx.json) return printJson(after);
  say(ctx.t("funds.reportDueDone", { id: after.id, kind: ctx.t(`funds.reportKind.${after.kind}`), date: formatDate(date, ctx.lang) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Income

export async function incomeAdd(ctx: Context, [amount]: Args<typeof def.incomeAdd>, opts: Opts<typeof def.incomeAdd>): Promise<void> {
  open(ctx);
  const day = today();
  const source = opts.from === undefined ? undefined : resolveSource(ctx.db, opts.from, day);
  const application = opts.application === undefined ? undefined : resolveApplication(ctx.db, opts.application);
  const id = ctx.write((audit) =>
    addIncome(
      ctx.db,
      audit,
      { amount: amount!, date: opts.date, kind: opts.kind, source, application, fund: opts.fund, year: opts.year, note: opts.note, reopen: opts.reopen },
      day,
    ),
  );
  const income = getIncome(ctx.db, id, ctx.t("people.forgottenName"))!;
  if (ctx.json) return printJson(income);
  say(ctx.t("funds.incomeAdded", { id, amount: money(ctx, income.amount), kind: ctx.t(`funds.incomeKind.${income.kind}`), date: formatDate(income.date, ctx.lang), source: income.source?.name ?? "–" }));
}

/** An income by its number (`7`, `#7`); whether it exists is checked inside the write. */
/** `7` or `#7` as 7; anything else undefined. */
function numberRef(ref: string): number | undefined {
  const trimmed = ref.trim();
  return /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : undefined;
}

function incomeNumber(ref: string): number {
  const id = numberRef(ref);
  if (id === undefined) throw new CliError("error.funds.unknownIncome", { ref }, 1, "error.funds.unknownIncome.hint");
  return id;
}

/** One income in a line, for the before and after of a correction. */
function incomeLine(ctx: Context, i: Income): string {
  const extras = [i.fund, i.application === null ? null : `${ctx.t("funds.col.application")} #${i.application}`, i.note].filter((x) => x !== null);
  const line = ctx.t("funds.incomeLine", { id: i.id, amount: money(ctx, i.amount), kind: incomeKindText(ctx, i), date: formatDate(i.date, ctx.lang), source: i.source?.name ?? "–" });
  const cancelled = i.cancelled === null ? "" : ` — ${cancelMark(ctx, i.cancelled)}`;
  return `${line}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}${cancelled}`;
}

const cancelMark = (ctx: Context, c: NonNullable<Income["cancelled"]>) => ctx.t("funds.cancelledMark", { date: formatDate(c.date, ctx.lang), reason: c.reason });

export async function incomeEdit(ctx: Context, [ref]: Args<typeof def.incomeEdit>, opts: Opts<typeof def.incomeEdit>): Promise<void> {
  open(ctx);
  const day = today();
  const id = incomeNumber(ref!);
  const { reopen, ...fields } = opts;
  if (Object.values(fields).every((v) => v === undefined)) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  // names are resolved first, as income add does; the income itself and every rule are read inside the write
  const source = opts.from === undefined ? undefined : opts.from.trim() === "" ? null : resolveSource(ctx.db, opts.from, day);
  const application = opts.application === undefined ? undefined : opts.application.trim() === "" ? null : resolveApplication(ctx.db, opts.application);
  const result = ctx.write((audit) =>
    editIncome(ctx.db, audit, id, { amount: opts.amount, date: opts.date, kind: opts.kind, source, application, fund: opts.fund, year: opts.year, note: opts.note, reopen }, day, ctx.t("people.forgottenName")),
  );
  if (ctx.json) return printJson({ before: result.before, after: result.after, changes: result.changes });
  if (Object.keys(result.changes).length === 0) return say(ctx.t("funds.incomeUnchanged", { id }));
  say(ctx.t("funds.incomeEdited", { id }));
  say(ctx.t("funds.before", { line: incomeLine(ctx, result.before) }));
  say(ctx.t("funds.after", { line: incomeLine(ctx, result.after) }));
}

export async function incomeCancel(ctx: Context, [ref]: Args<typeof def.incomeCancel>, opts: Opts<typeof def.incomeCancel>): Promise<void> {
  open(ctx);
  const id = incomeNumber(ref!);
  const result = ctx.write((audit) => cancelIncome(ctx.db, audit, id, { reason: opts.reason, reopen: opts.reopen }, ctx.actor, today(), ctx.t("people.forgottenName")));
  if (ctx.json) return printJson({ before: result.before, after: result.after });
  say(ctx.t("funds.incomeCancelledDone", { id, amount: money(ctx, result.before.amount) }));
  say(ctx.t("funds.before", { line: incomeLine(ctx, result.before) }));
  say(ctx.t("funds.after", { line: incomeLine(ctx, result.after) }));
}

export async function closeYear(ctx: Context, [rawYear]: Args<typeof def.closeYear>): Promise<void> {
  open(ctx);
  const year = parseYear(rawYear!);
  const range = { from: `${year}-01-01`, until: `${year}-12-31` };
  const summary = ctx.write((audit) => {
    closeYearOfBooks(ctx.db, audit, year, ctx.actor, today());
    return { count: listIncome(ctx.db, range, "").length, total: incomeTotal(ctx.db, range) };
  });
  if (ctx.json) return printJson({ year, closed: true, income: summary });
  say(ctx.t("funds.yearClosedDone", { year, count: summary.count, total: money(ctx, summary.total) }));
}

function incomeFilter(ctx: Context, opts: { readonly year?: string | undefined; readonly kind?: string | undefined; readonly from?: string | undefined; readonly all?: boolean | undefined; readonly unclassified?: boolean | undefined }) {
  const day = today();
  const year = opts.year === undefined ? undefined : parseYear(opts.year, "--year");
  const kind = opts.kind === undefined ? undefined : parseIncomeKind(opts.kind);
  const source = opts.from === undefined ? undefined : resolveSource(ctx.db, opts.from, day);
  return {
    from: year === undefined ? undefined : `${year}-01-01`,
    until: year === undefined ? undefined : `${year}-12-31`,
    kind,
    funderId: source?.kind === "funder" ? source.funder.id : undefined,
    groupId: source?.kind === "group" ? source.group.id : undefined,
    personId: source?.kind === "person" ? source.person.id : undefined,
    unclassified: opts.unclassified === true,
    includeCancelled: opts.all === true,
  };
}

/**
 * The income by date. Cancelled income is left out unless --all, which shows it marked; it never counts in the
 * total, and a line says how many were left out.
 */
export async function incomeList(ctx: Context, _args: Args<typeof def.incomeList>, opts: Opts<typeof def.incomeList>): Promise<void> {
  open(ctx);
  const income = listIncome(ctx.db, incomeFilter(ctx, opts), ctx.t("people.forgottenName"));
  if (ctx.json) return printJson(income);
  const counted = income.filter((i) => i.cancelled === null);
  const hidden = opts.all === true ? 0 : listIncome(ctx.db, { ...incomeFilter(ctx, opts), includeCancelled: true }, "").length - income.length;
  if (income.length > 0) {
    const marked = income.some((i) => i.cancelled !== null);
    printTable(
      ctx,
      ["#", ctx.t("funds.col.date"), ctx.t("funds.col.amount"), ctx.t("funds.col.kind"), ctx.t("funds.col.source"), ctx.t("funds.col.fund"), ctx.t("funds.col.application"), ...(marked ? [ctx.t("funds.col.cancelled")] : [])],
      income.map((i) => [
        i.id,
        formatDate(i.date, ctx.lang),
        money(ctx, i.amount),
        incomeKindText(ctx, i),
        i.source?.name ?? "",
        i.fund ?? ctx.t("funds.col.general"),
        i.application === null ? "" : `#${i.application}`,
        ...(marked ? [i.cancelled === null ? "" : cancelMark(ctx, i.cancelled)] : []),
      ]),
    );
    say(ctx.t("funds.incomeTotal", { count: counted.length, total: money(ctx, counted.reduce((s, i) => s + i.amount, 0)) }));
  } else say(ctx.t("funds.noIncome"));
  if (hidden > 0) note(ctx.t("funds.cancelledHidden", { count: hidden }));
}

function incomeKindText(ctx: Context, i: Income): string {
  const kind = ctx.t(`funds.incomeKind.${i.kind}`);
  return i.duesYear !== null ? `${kind} ${i.duesYear}` : kind;
}

export async function incomeExport(ctx: Context, _args: Args<typeof def.incomeExport>, opts: Opts<typeof def.incomeExport>): Promise<void> {
  open(ctx);
  const income = listIncome(ctx.db, incomeFilter(ctx, opts), ctx.t("people.forgottenName"));
  const rows = () =>
    income.map((i) => ({
      id: i.id,
      date: i.date,
      amount: i.amount,
      kind: i.kind,
      source: i.source?.name ?? null,
      source_kind: i.source?.kind ?? null,
      fund: i.fund,
      application: i.application,
      dues_year: i.duesYear,
      note: i.note,
    }));
  await exportTable(ctx, opts, () => income, rows, "income");
}

// ---------------------------------------------------------------------------------------------------------------
// Dues and budget

export async function duesSet(ctx: Context, [rawYear, target, rawAmount]: Args<typeof def.duesSet>, opts: Opts<typeof def.duesSet>): Promise<void> {
  open(ctx);
  const day = today();
  const year = parseYear(rawYear!);
  const all = opts.all === true;
  if (all && rawAmount !== undefined) throw new UsageError("error.funds.duesAllWithGroup");
  if (!all && rawAmount === undefined) throw new UsageError("error.funds.duesAmountMissing");
  const amount = nonNegativeMoney(all ? target! : rawAmount!, "amount");
  const named = all ? undefined : resolveGroup(ctx.db, target!, day);
  const groups = ctx.write((audit) => {
    // --all: the members of the year as they are inside the write (a group added or leaving meanwhile counts)
    const assessed = named ? [named] : membersDuringYear(ctx.db, year, day);
    if (assessed.length === 0) throw new CliError("error.funds.noGroupsInYear", { year });
    assessDues(ctx.db, audit, year, assessed, amount);
    return assessed;
  });
  if (ctx.json) return printJson(groups.map((g) => ({ year, group: g.name, amount })));
  say(ctx.t(all ? "funds.duesSetAll" : "funds.duesSet", { year, count: groups.length, group: groups[0]!.name, amount: money(ctx, amount) }));
}

export async function duesStatusCommand(ctx: Context, _args: Args<typeof def.duesStatusCommand>, opts: Opts<typeof def.duesStatusCommand>): Promise<void> {
  open(ctx);
  const year = yearOption(opts);
  const lines = duesStatus(ctx.db, year);
  if (ctx.json) return printJson(lines);
  if (lines.length === 0) return say(ctx.t("funds.noDues", { year }));
  const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + pick(l), 0);
  printTable(
    ctx,
    [ctx.t("label.group"), ctx.t("funds.col.assessed"), ctx.t("funds.col.paid"), ctx.t("funds.col.outstanding")],
    [
      ...lines.map((l) => [l.group, money(ctx, l.assessed), money(ctx, l.paid), l.outstanding > 0 ? money(ctx, l.outstanding) : "–"]),
      [ctx.t("funds.col.total"), money(ctx, sum((l) => l.assessed)), money(ctx, sum((l) => l.paid)), money(ctx, sum((l) => l.outstanding))],
    ],
  );
}

export async function duesExport(ctx: Context, _args: Args<typeof def.duesExport>, opts: Opts<typeof def.duesExport>): Promise<void> {
  open(ctx);
  const year = yearOption(opts);
  const lines = duesStatus(ctx.db, year);
  await exportTable(ctx, opts, () => lines, () => lines.map((l) => ({ year, ...l })), "dues");
}

export async function budgetSet(ctx: Context, [rawYear, line, rawAmount]: Args<typeof def.budgetSet>): Promise<void> {
  open(ctx);
  const year = parseYear(rawYear!);
  const amount = nonNegativeMoney(rawAmount!, "amount");
  ctx.write((audit) => setBudget(ctx.db, audit, year, line!, amount));
  const saved = budgetLines(ctx.db, year).find((l) => l.line.toLocaleLowerCase() === line!.trim().toLocaleLowerCase());
  if (ctx.json) return printJson({ year, line: saved?.line ?? line, amount });
  say(ctx.t("funds.budgetSet", { year, line: saved?.line ?? line!, amount: money(ctx, amount) }));
}

function reportLabels(ctx: Context) {
  return { forgotten: ctx.t("people.forgottenName"), noSource: ctx.t("funds.noSource") };
}

export async function budgetShow(ctx: Context, _args: Args<typeof def.budgetShow>, opts: Opts<typeof def.budgetShow>): Promise<void> {
  open(ctx);
  const year = yearOption(opts);
  const r = buildFundraisingReport(ctx.db, year, today(), reportLabels(ctx));
  const grants = r.grants.list.map((g) => ({ id: g.id, title: g.title, funder: g.funder, received: g.receivedInYear, expected: g.expectedInYear, secured: g.securedInYear }));
  if (ctx.json) return printJson({ year, ...r.budget, coveredUntil: r.coveredUntil, grants });
  heading(ctx, ctx.t("funds.budgetTitle", { year }));
  if (r.budget.lines.length === 0) say(ctx.t("funds.noBudget", { year }));
  else
    printTable(ctx, [ctx.t("funds.col.line"), ctx.t("funds.col.amount")], [
      ...r.budget.lines.map((l) => [l.line, money(ctx, l.amount)]),
      [ctx.t("funds.col.total"), money(ctx, r.budget.total)],
    ]);
  heading(ctx, ctx.t("funds.budgetComparison"));
  printTable(ctx, ["", ctx.t("funds.col.amount"), ctx.t("funds.col.ofBudget")], [
    [ctx.t("funds.budget.received"), money(ctx, r.budget.received), share(r.budget.received, r.budget.total)],
    [ctx.t("funds.budget.approved"), money(ctx, r.budget.approved), share(r.budget.approved, r.budget.total)],
    [ctx.t("funds.budget.secured"), money(ctx, r.budget.secured), share(r.budget.secured, r.budget.total)],
    [ctx.t("funds.budget.duesOutstanding"), money(ctx, r.budget.duesOutstanding), share(r.budget.duesOutstanding, r.budget.total)],
    [ctx.t("funds.budget.pipeline"), money(ctx, r.budget.pipeline), share(r.budget.pipeline, r.budget.total)],
    [ctx.t("funds.budget.expected"), money(ctx, r.budget.expected), share(r.budget.expected, r.budget.total)],
    [ctx.t("funds.budget.gap"), money(ctx, r.budget.gap), share(r.budget.gap, r.budget.total)],
  ]);
  if (grants.length > 0) {
    heading(ctx, ctx.t("funds.budgetByGrant", { year }));
    printTable(ctx, ["#", ctx.t("funds.col.application"), ctx.t("funds.col.funder"), ctx.t("funds.col.receivedInYear"), ctx.t("funds.col.expectedInYear"), ctx.t("funds.col.securedInYear")], [
      ...grants.map((g) => [g.id, g.title, g.funder, money(ctx, g.received), money(ctx, g.expected), money(ctx, g.secured)]),
      ["", ctx.t("funds.col.total"), "", money(ctx, r.grants.receivedInYear), money(ctx, r.grants.expectedInYear), money(ctx, r.grants.securedInYear)],
    ]);
  }
  say(coverageText(r, ctx.lang));
}

/** A whole percentage for reading only (integer arithmetic, rounded half up). */
function share(part: number, total: number): string {
  if (total <= 0) return "";
  return `${Math.floor((part * 100 + Math.floor(total / 2)) / total)} %`;
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

export async function report(ctx: Context, _args: Args<typeof def.report>, opts: Opts<typeof def.report>): Promise<void> {
  open(ctx);
  const year = yearOption(opts);
  const r = buildFundraisingReport(ctx.db, year, today(), reportLabels(ctx));
  const doc = fundraisingDocument(r, ctx.lang, readSettings(ctx.db).name);
  const { emitReport } = await import("../reports/index.js");
  await emitReport(ctx, opts, doc, r, "fundraising");
  // The chart goes with the terminal table: on a terminal unless --no-chart, in a pipe with --chart.
  const table = !ctx.json && opts.format === undefined && opts.out === undefined;
  if (table && (opts.chart === true || (io().stdout.isTTY === true && opts.chart !== false))) {
    const { incomeChart } = await import("./chart.js");
    heading(ctx, ctx.t("funds.chart.title", { year }));
    io().stdout.write(`${await incomeChart(r.income.byMonth, r.budget.monthly, ctx.lang, ctx.color)}\n`);
  }
}

export async function deadlines(ctx: Context, _args: Args<typeof def.deadlines>, opts: Opts<typeof def.deadlines>): Promise<void> {
  open(ctx);
  const day = today();
  const raw = opts.within ?? "60d";
  const within = parseWithin(raw);
  if (!within) throw new CliError("error.funds.invalidWithin", { value: raw }, 1, "error.funds.invalidWithin.hint");
  const list = listDeadlines(ctx.db, day, shiftDate(day, within.amount, within.unit));
  if (ctx.json) return printJson(list);
  if (list.length === 0) return say(ctx.t("funds.noDeadlines", { within: raw }));
  printTable(
    ctx,
    [ctx.t("funds.col.date"), ctx.t("label.kind"), "#", ctx.t("funds.col.application"), ctx.t("funds.col.funder"), ctx.t("label.status")],
    list.map((d) => [
      formatDate(d.date, ctx.lang),
      d.kind === "application" ? ctx.t("funds.deadline.application") : ctx.t(`funds.reportKind.${d.kind}`),
      d.id === null ? `#${d.application}` : `#${d.application} / ${d.id}`,
      d.title,
      d.funder,
      d.overdue ? ctx.t("funds.overdue", { days: -d.days }) : d.days === 0 ? ctx.t("funds.dueToday") : ctx.t("funds.inDays", { days: d.days }),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Bank import

class DryRun extends Error {
  constructor(readonly report: BankReport) {
    super("dry run");
  }
}

export async function importBank(ctx: Context, [file]: Args<typeof def.importBank>, opts: Opts<typeof def.importBank>): Promise<void> {
  open(ctx);
  const day = today();
  const kind = opts.kind === undefined ? undefined : parseIncomeKind(opts.kind);
  // The readers are loaded only for an import: the everyday fundraising commands need none of them.
  const [{ importBookings, readBankFile }, { parseEncoding }, { counted, progress }] = await Promise.all([
    import("./bankImport.js"),
    import("../core/textFile.js"),
    import("../core/progress.js"),
  ]);
  const statement = await readBankFile(file!, {
    profile: opts.profile,
    dateColumn: opts.dateColumn,
    amountColumn: opts.amountColumn,
    textColumn: opts.textColumn,
    delimiter: opts.delimiter,
    encoding: opts.encoding === undefined ? undefined : parseEncoding(opts.encoding),
  });
  const dryRun = opts.dryRun === true;
  let result: BankReport;
  const line = progress(ctx, (count) => ctx.t("import.progress", { count }));
  try {
    result = ctx.write((audit) => {
      const r = importBookings(ctx.db, audit, { ...statement, bookings: counted(statement.bookings, line) }, kind, day);
      const added = r.lines.filter((l) => l.action === "add").map((l) => l.date);
      checkClosedYears(ctx.db, audit, added, opts.reopen === true, { income: null, action: "import" });
      if (dryRun) throw new DryRun(r); // the same work, then everything rolled back
      return r;
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
    result = error.report;
  } finally {
    line.done();
  }
  if (ctx.json) return printJson({ dryRun, ...result });
  const { ENCODING_LABELS } = await import("../core/textFile.js");
  say([ctx.t("funds.bank.format", { format: result.format }), result.encoding === "utf-8" ? "" : ctx.t("file.readAs", { encoding: ENCODING_LABELS[result.encoding] })].filter((s) => s !== "").join(" "));
  const shown = result.lines.filter((l) => l.action !== "unchanged");
  if (opts.verbose === true && shown.length > 0)
    printTable(
      ctx,
      [ctx.t("label.line"), ctx.t("funds.col.date"), ctx.t("funds.col.amount"), ctx.t("funds.col.text"), ctx.t("label.kind"), ctx.t("funds.col.source"), ctx.t("label.action")],
      shown.map((l) => [
        l.line,
        formatDate(l.date, ctx.lang),
        money(ctx, l.amount),
        [l.payer, l.purpose].filter((t) => t !== "").join(" · ").slice(0, 60),
        l.kind === null ? "" : ctx.t(`funds.incomeKind.${l.kind}`),
        l.source ?? "",
        ctx.t(`funds.bank.${l.action}`),
      ]),
    );
  say(ctx.t(dryRun ? "funds.bank.summaryDry" : "funds.bank.summary", { added: result.added, unchanged: result.unchanged, skipped: result.skipped, total: money(ctx, result.total) }));
  if (result.unclassified > 0) note(ctx.t("funds.bank.unclassifiedHint", { n: result.unclassified }));
}


export async function rulesAdd(ctx: Context, [words]: Args<typeof def.rulesAdd>, opts: Opts<typeof def.rulesAdd>): Promise<void> {
  open(ctx);
  const pattern = cleanText(words, "words", { required: true, max: 200 })!;
  if (opts.kind === undefined) throw new UsageError("error.funds.ruleKindRequired");
  const kind = parseIncomeKind(opts.kind);
  const source = opts.from === undefined ? undefined : resolveSource(ctx.db, opts.from, today());
  if (source?.kind === "person") throw new CliError("error.funds.ruleSourcePerson", { name: opts.from! });
  const groupId = source?.kind === "group" ? source.group.id : null;
  const funderId = source?.kind === "funder" ? source.funder.id : null;
  if (kind === "dues" && groupId === null) throw new CliError("error.funds.duesNeedGroup", {}, 1, "error.funds.duesNeedGroup.hint");
  const id = ctx.write((audit) => {
    const ruleId = insertBankRule(ctx.db, { pattern, kind, groupId, funderId });
    audit({ entity: "bank_rule", id: ruleId, action: "add", changes: { pattern, kind, groupId, funderId } });
    return ruleId;
  });
  const rule = listBankRules(ctx.db).find((r) => r.id === id)!;
  if (ctx.json) return printJson(rule);
  say(ctx.t("funds.ruleAdded", { id, words: pattern, kind: ctx.t(`funds.incomeKind.${kind}`), source: rule.group?.name ?? rule.funder?.name ?? "–" }));
}

export async function rulesList(ctx: Context): Promise<void> {
  open(ctx);
  const rules = listBankRules(ctx.db);
  if (ctx.json) return printJson(rules);
  if (rules.length === 0) return say(ctx.t("funds.noRules"));
  printTable(
    ctx,
    ["#", ctx.t("funds.col.words"), ctx.t("funds.col.kind"), ctx.t("funds.col.source")],
    rules.map((r) => [r.id, r.pattern, ctx.t(`funds.incomeKind.${r.kind}`), r.group?.name ?? r.funder?.name ?? ""]),
  );
}

export async function rulesRemove(ctx: Context, [ref]: Args<typeof def.rulesRemove>): Promise<void> {
  open(ctx);
  const id = numberRef(ref!) ?? -1;
  ctx.write((audit) => {
    const removed = deleteBankRule(ctx.db, id);
    if (!removed) throw new CliError("error.funds.noSuchRule", { id: ref! }, 1, "error.funds.noSuchRule.hint");
    audit({ entity: "bank_rule", id, action: "remove", changes: removed });
  });
  if (ctx.json) return printJson({ removed: id });
  say(ctx.t("funds.ruleRemoved", { id }));
}

export async function incomeReview(ctx: Context): Promise<void> {
  open(ctx);
  if (ctx.options.input === false || !ctx.canPrompt) throw new CliError("error.funds.reviewNeedsTerminal", {}, 1, "error.funds.reviewNeedsTerminal.hint");
  const [{ loadPrompter }, { reviewIncome }] = await Promise.all([import("../core/prompts.js"), import("./review.js")]);
  await reviewIncome(ctx, await loadPrompter(ctx), say, today());
}
