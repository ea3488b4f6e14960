import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { heading, printDetails, printJson, printJsonLines, printTableTwice, printTable, say } from "../core/output.js";
import { peopleOfGroup } from "../people/index.js";
import { GROUP_SHEET, type Group, type GroupKind } from "./model.js";
import { addGroup, editGroupInput, groupFields, leaveGroup, resolveGroup, type GroupInput } from "./service.js";
import { getGroup, iterateGroups } from "./store.js";

function inputFrom(opts: Partial<Opts<typeof def.edit>>): GroupInput {
  return { name: opts.name, short: opts.short, kind: opts.kind, joined: opts.joined, email: opts.email, phone: opts.phone, notes: opts.notes, iban: opts.iban };
}

export function kindLabel(ctx: Context, kind: string): string {
  return ctx.t(`kind.${kind as GroupKind}`);
}

export async function add(ctx: Context, [name]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  const fields = groupFields({ ...inputFrom(opts), name }, day);
  const id = ctx.write((audit) => addGroup(ctx.db, audit, fields));
  const group = getGroup(ctx.db, id, day)!;
  if (ctx.json) printJson(group);
  else say(ctx.t("groups.added", { name: group.name, id }));
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const groups = () => iterateGroups(ctx.db, day, { all: opts.all === true });
  // Streamed, like people list: a list of any length is never held whole.
  if (ctx.json) return printJsonLines(groups());
  const head = ["#", ctx.t("label.name"), ctx.t("label.short"), ctx.t("label.kind"), ctx.t("label.joined"), ctx.t("label.status")];
  const printed = printTableTwice(ctx, head, function* () {
    for (const g of groups()) yield [String(g.id), g.name, g.short ?? "", kindLabel(ctx, g.kind), formatDate(g.joined, ctx.lang), statusLabel(ctx, g)];
  }, [{ priority: 9 }, { priority: 10 }, { priority: 5 }, { priority: 4 }, { priority: 3 }, { priority: 6 }]);
  if (printed === 0) say(ctx.t("groups.none"));
}

function statusLabel(ctx: Context, group: Group): string {
  if (group.status === "left") return ctx.t("groups.status.leftOn", { date: formatDate(group.left, ctx.lang) });
  if (group.left) return ctx.t("groups.status.leaving", { date: formatDate(group.left, ctx.lang) });
  return ctx.t("groups.status.active");
}

export async function show(ctx: Context, [ref]: Args<typeof def.show>): Promise<void> {
  const day = today();
  const group = resolveGroup(ctx.db, ref!, day);
  const people = peopleOfGroup(ctx.db, group.id).map((p) => ({
    id: p.personId,
    name: p.name,
    role: p.role,
    since: p.since,
    until: p.until,
    current: p.since <= day && (p.until === null || p.until > day),
  }));
  if (ctx.json) return printJson({ ...group, people });
  printDetails(ctx, [
    [ctx.t("label.name"), `${group.name} (#${group.id})`],
    [ctx.t("label.short"), group.short],
    [ctx.t("label.kind"), kindLabel(ctx, group.kind)],
    [ctx.t("label.joined"), formatDate(group.joined, ctx.lang)],
    [ctx.t("label.status"), statusLabel(ctx, group)],
    [ctx.t("label.email"), group.email],
    [ctx.t("label.phone"), group.phone],
    [ctx.t("label.notes"), group.notes],
  ]);
  heading(ctx, ctx.t("groups.people"));
  if (people.length === 0) return say(ctx.t("groups.noPeople"));
  printTable(
    ctx,
    ["#", ctx.t("label.name"), ctx.t("label.role"), ctx.t("label.since"), ctx.t("label.until")],
    people.map((p) => [p.id, p.name ?? ctx.t("people.forgottenName"), ctx.t(`role.${p.role}`), formatDate(p.since, ctx.lang), formatDate(p.until, ctx.lang)]),
  );
}

export async function edit(ctx: Context, [ref]: Args<typeof def.edit>, opts: Opts<typeof def.edit>): Promise<void> {
  const input = inputFrom(opts);
  if (Object.values(input).every((v) => v === undefined)) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const day = today();
  const group = resolveGroup(ctx.db, ref!, day);
  const changes = ctx.write((audit) => editGroupInput(ctx.db, audit, group.id, input, day));
  const updated = getGroup(ctx.db, group.id, day)!;
  if (ctx.json) return printJson(updated);
  say(Object.keys(changes).length === 0 ? ctx.t("groups.unchanged", { name: updated.name }) : ctx.t("groups.edited", { name: updated.name, fields: Object.keys(changes).join(", ") }));
}

export async function leave(ctx: Context, [ref]: Args<typeof def.leave>, opts: Opts<typeof def.leave>): Promise<void> {
  const day = today();
  const date = typeof opts.date === "string" ? parseDate(opts.date, "date", day) : day;
  const group = resolveGroup(ctx.db, ref!, day);
  const updated = ctx.write((audit) => leaveGroup(ctx.db, audit, group, date, day));
  if (ctx.json) return printJson(updated);
  say(ctx.t("groups.left", { name: updated.name, date: formatDate(date, ctx.lang) }));
}

export async function importCsv(ctx: Context, [file]: Args<typeof def.importCsv>, opts: Opts<typeof def.importCsv>): Promise<void> {
  const [{ importCommand }, { importGroups }] = await Promise.all([import("../core/transfer.js"), import("./csvImport.js")]);
  await importCommand(ctx, file!, opts, GROUP_SHEET, (audit, rows, report) => importGroups(ctx.db, audit, rows, today(), report));
}

export async function exportGroups(ctx: Context, _args: Args<typeof def.exportGroups>, opts: Opts<typeof def.exportGroups>): Promise<void> {
  const { exportCommand } = await import("../core/transfer.js");
  const groups = () => iterateGroups(ctx.db, today(), { all: true });
  await exportCommand(ctx, opts, GROUP_SHEET, groups, groups as () => Iterable<Record<string, unknown>>, ctx.t("groups.sheet"));
}
