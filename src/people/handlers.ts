import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { CliError, UsageError } from "../core/errors.js";
import { heading, printDetails, printJson, printJsonLines, printTable, printTableTwice, say } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import { PEOPLE_SHEET, type Person } from "./model.js";
import { addPerson, editPersonInput, linkPerson, parseRole, personFields, resolvePerson, unlinkPerson, type PersonInput } from "./service.js";
import { getPerson, iteratePeople, rolesOfPerson } from "./store.js";
import { trainingsOfPerson } from "../assemblies/index.js";

function inputFrom(opts: Partial<Opts<typeof def.edit>>): PersonInput {
  return { name: opts.name, email: opts.email, phone: opts.phone, notes: opts.notes };
}

function nameOf(ctx: Context, person: Pick<Person, "id" | "name">): string {
  return person.name ?? `${ctx.t("people.forgottenName")} #${person.id}`;
}

function rolesText(ctx: Context, person: Person): string {
  return person.groups.map((g) => `${g.group} (${ctx.t(`role.${g.role}`)})`).join(", ");
}

export async function add(ctx: Context, [name]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  const fields = personFields({ ...inputFrom(opts), name });
  const groupRef = opts.group;
  const roleText = opts.role;
  if (roleText !== undefined && groupRef === undefined) throw new UsageError("error.roleWithoutGroup", {}, "error.roleWithoutGroup.hint");
  const role = roleText !== undefined ? parseRole(roleText) : "member";
  const since = opts.since !== undefined ? parseDate(opts.since, "since", day) : day;
  const group = groupRef !== undefined ? resolveGroup(ctx.db, groupRef, day) : undefined;
  const id = ctx.write((audit) => {
    const personId = addPerson(ctx.db, audit, fields);
    if (group) linkPerson(ctx.db, audit, getPerson(ctx.db, personId, day)!, group, role, since);
    return personId;
  });
  const person = getPerson(ctx.db, id, day)!;
  if (ctx.json) return printJson(person);
  say(ctx.t("people.added", { name: nameOf(ctx, person), id }) + (group ? ` — ${rolesText(ctx, person)}` : ""));
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const groupRef = opts.group;
  const group = groupRef !== undefined ? resolveGroup(ctx.db, groupRef, day) : undefined;
  const role = opts.role !== undefined ? parseRole(opts.role) : undefined;
  const filter = { groupId: group?.id, role, includeForgotten: opts.all === true };
  if (opts.format === "emails") {
    if (ctx.json) throw new UsageError("error.exportJsonFormat", { format: "emails" });
    return (await import("./emails.js")).printEmails(ctx, iteratePeople(ctx.db, day, filter));
  }
  // Streamed: a platform may have hundreds of thousands of people.
  if (ctx.json) return printJsonLines(iteratePeople(ctx.db, day, filter));
  const head = ["#", ctx.t("label.name"), ctx.t("label.groups"), ctx.t("label.email"), ctx.t("label.phone")];
  const printed = printTableTwice(ctx, head, function* () {
    for (const p of iteratePeople(ctx.db, day, filter)) yield [String(p.id), nameOf(ctx, p), rolesText(ctx, p), p.email ?? "", p.phone ?? ""];
  }, [{ priority: 9 }, { priority: 10 }, { priority: 6 }, { priority: 7, wrap: false }, { priority: 5, wrap: false }]);
  if (printed === 0) say(ctx.t("people.none"));
}

export async function show(ctx: Context, [ref]: Args<typeof def.show>): Promise<void> {
  const day = today();
  const person = resolvePerson(ctx.db, ref!, day);
  const history = rolesOfPerson(ctx.db, person.id);
  const trainings = trainingsOfPerson(ctx.db, person.id, day);
  if (ctx.json) return printJson({ ...person, roles: history.map(({ group, role, since, until }) => ({ group, role, since, until })), trainings });
  printDetails(ctx, [
    [ctx.t("label.name"), `${nameOf(ctx, person)} (#${person.id})`],
    [ctx.t("label.email"), person.email],
    [ctx.t("label.phone"), person.phone],
    [ctx.t("label.notes"), person.notes],
  ]);
  heading(ctx, ctx.t("people.roles"));
  if (history.length === 0) say(ctx.t("people.noRoles"));
  else
    printTable(
      ctx,
      [ctx.t("label.group"), ctx.t("label.role"), ctx.t("label.since"), ctx.t("label.until")],
      history.map((r) => [r.group, ctx.t(`role.${r.role}`), formatDate(r.since, ctx.lang), formatDate(r.until, ctx.lang)]),
    );
  if (trainings.length > 0) {
    heading(ctx, ctx.t("people.trainings"));
    printTable(
      ctx,
      ["#", ctx.t("label.date"), ctx.t("label.title"), ctx.t("label.place")],
      trainings.map((t) => [t.meeting, formatDate(t.date, ctx.lang), t.title ?? ctx.t("meetingKind.training"), t.place]),
    );
  }
}

export async function edit(ctx: Context, [ref]: Args<typeof def.edit>, opts: Opts<typeof def.edit>): Promise<void> {
  const input = inputFrom(opts);
  if (Object.values(input).every((v) => v === undefined)) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const day = today();
  const person = resolvePerson(ctx.db, ref!, day);
  const changes = ctx.write((audit) => editPersonInput(ctx.db, audit, person.id, input, day));
  const updated = getPerson(ctx.db, person.id, day)!;
  if (ctx.json) return printJson(updated);
  say(Object.keys(changes).length === 0 ? ctx.t("people.unchanged", { name: nameOf(ctx, updated) }) : ctx.t("people.edited", { name: nameOf(ctx, updated), fields: Object.keys(changes).join(", ") }));
}

export async function link(ctx: Context, [personRef, groupRef]: Args<typeof def.link>, opts: Opts<typeof def.link>): Promise<void> {
  const day = today();
  const role = opts.role !== undefined ? parseRole(opts.role) : "member";
  const since = opts.since !== undefined ? parseDate(opts.since, "since", day) : day;
  const person = resolvePerson(ctx.db, personRef!, day);
  const group = resolveGroup(ctx.db, groupRef!, day);
  ctx.write((audit) => linkPerson(ctx.db, audit, person, group, role, since));
  const updated = getPerson(ctx.db, person.id, day)!;
  if (ctx.json) return printJson(updated);
  say(ctx.t("people.linked", { name: nameOf(ctx, person), group: group.name, role: ctx.t(`role.${role}`), date: formatDate(since, ctx.lang) }));
}

export async function unlink(ctx: Context, [personRef, groupRef]: Args<typeof def.unlink>, opts: Opts<typeof def.unlink>): Promise<void> {
  const day = today();
  const role = opts.role !== undefined ? parseRole(opts.role) : undefined;
  const until = opts.until !== undefined ? parseDate(opts.until, "until", day) : day;
  const person = resolvePerson(ctx.db, personRef!, day);
  const group = resolveGroup(ctx.db, groupRef!, day);
  ctx.write((audit) => unlinkPerson(ctx.db, audit, person, group, role, until));
  const updated = getPerson(ctx.db, person.id, day)!;
  if (ctx.json) return printJson(updated);
  say(ctx.t("people.unlinked", { name: nameOf(ctx, person), group: group.name, date: formatDate(until, ctx.lang) }));
}

export async function importCsv(ctx: Context, [file]: Args<typeof def.importCsv>, opts: Opts<typeof def.importCsv>): Promise<void> {
  const [{ importCommand }, { importPeople }] = await Promise.all([import("../core/transfer.js"), import("./service.js")]);
  await importCommand(ctx, file!, opts, PEOPLE_SHEET, (audit, rows, report) => importPeople(ctx.db, audit, rows, today(), report));
}

export async function exportPeople(ctx: Context, [personRef]: Args<typeof def.exportPeople>, opts: Opts<typeof def.exportPeople>): Promise<void> {
  // With a person: everything stored about them (DSGVO Art. 15), see src/maintenance.
  if (personRef !== undefined) return (await import("../maintenance/handlers.js")).exportPerson(ctx, personRef, opts);
  if (opts.format === "vcf") {
    if (ctx.json) throw new UsageError("error.exportJsonFormat", { format: "vcf" });
    return (await import("./emails.js")).exportVcf(ctx, iteratePeople(ctx.db, today()), opts.out);
  }
  const { exportCommand } = await import("../core/transfer.js");
  const day = today();
  // One CSV row per current role, in the import's columns, so that an export imports back unchanged.
  await exportCommand(
    ctx,
    opts,
    PEOPLE_SHEET,
    () => iteratePeople(ctx.db, day),
    function* () {
      for (const p of iteratePeople(ctx.db, day)) {
        const base = { name: p.name, email: p.email, phone: p.phone, notes: p.notes };
        if (p.groups.length === 0) yield base;
        for (const g of p.groups) yield { ...base, group: g.group, role: g.role, since: g.since };
      }
    },
    ctx.t("people.sheet"),
  );
}
