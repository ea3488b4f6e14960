import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { CliError, UsageError } from "../core/errors.js";
import { printJson, printTable, say } from "../core/output.js";
import { meetingLabel, resolveMeeting } from "../meetings/index.js";
import { addTask, completeTask, editTask, removeTask, reopenTask, resolveOwner, resolveTask, type TaskFields } from "./service.js";
import { getTask, listTasks, type Task } from "./store.js";
import { taskColumns, taskHeader, taskRows } from "./view.js";

export async function add(ctx: Context, [title]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  const due = opts.due !== undefined ? parseDate(opts.due, "--due", day) : null;
  const owner = resolveOwner(ctx.db, opts.owner ?? "", day);
  const meeting = opts.meeting !== undefined ? resolveMeeting(ctx.db, opts.meeting, day) : undefined;
  const id = ctx.write((audit) => addTask(ctx.db, audit, { title: title!, owner, due, meeting, item: opts.item }));
  const task = getTask(ctx.db, id, ctx.t("people.forgottenName"))!;
  if (ctx.json) return printJson(task);
  const params = { id, title: task.title, owner: task.owner, due: task.due ? formatDate(task.due, ctx.lang) : "–" };
  // A task recorded at a meeting goes into its minutes: the confirmation names the meeting.
  if (meeting) {
    const label = meetingLabel(ctx, meeting);
    say(ctx.t("tasks.addedAt", { ...params, where: task.item === null ? label : ctx.t("tasks.atItem", { label, item: task.item }) }));
  }
  else say(ctx.t("tasks.added", params));
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const tasks = filteredTasks(ctx, opts, day);
  if (ctx.json) return printJson(tasks);
  if (tasks.length === 0) return say(ctx.t("tasks.none"));
  printTable(ctx, taskHeader(ctx), taskRows(ctx, tasks, day), taskColumns);
}

/** The tasks that --open, --overdue, --owner and --meeting choose (tasks list, tasks export). */
function filteredTasks(ctx: Context, opts: Opts<typeof def.list>, day: string): Task[] {
  if (opts.open === true && opts.overdue === true) throw new UsageError("error.openOrOverdue");
  const owner = opts.owner !== undefined ? resolveOwner(ctx.db, opts.owner, day) : undefined;
  const meeting = opts.meeting !== undefined ? resolveMeeting(ctx.db, opts.meeting, day) : undefined;
  return listTasks(
    ctx.db,
    {
      status: opts.open === true || opts.overdue === true ? "open" : undefined,
      dueBefore: opts.overdue === true ? day : undefined,
      ownerPersonId: owner?.kind === "person" ? owner.person.id : undefined,
      ownerGroupId: owner?.kind === "group" ? owner.group.id : undefined,
      meetingId: meeting?.id,
    },
    ctx.t("people.forgottenName"),
  );
}

export async function exportTasks(ctx: Context, _args: Args<typeof def.exportTasks>, opts: Opts<typeof def.exportTasks>): Promise<void> {
  const tasks = filteredTasks(ctx, opts, today());
  const [{ exportCommand }, { TASK_SHEET }] = await Promise.all([import("../core/transfer.js"), import("./sheet.js")]);
  const rows = () => tasks.map((t) => ({ id: t.id, title: t.title, owner: t.owner, owner_kind: t.ownerKind, due: t.due, meeting: t.meeting, item: t.item, status: t.status, done: t.done }));
  await exportCommand(ctx, opts, TASK_SHEET, () => tasks, rows, ctx.t("tasks.sheet"));
}

export async function done(ctx: Context, [ref]: Args<typeof def.done>, opts: Opts<typeof def.done>): Promise<void> {
  const day = today();
  const date = opts.date !== undefined ? parseDate(opts.date, "--date", day) : day;
  const task = resolveTask(ctx.db, ref!, ctx.t("people.forgottenName"));
  ctx.write((audit) => completeTask(ctx.db, audit, task, date));
  if (ctx.json) return printJson(getTask(ctx.db, task.id, ctx.t("people.forgottenName")));
  say(ctx.t("tasks.done", { id: task.id, title: task.title }));
}

function taskFields(ctx: Context, f: TaskFields): string {
  return ctx.t("tasks.fields", { title: f.title, owner: f.owner, due: f.due ? formatDate(f.due, ctx.lang) : "–" });
}

export async function edit(ctx: Context, [ref]: Args<typeof def.edit>, opts: Opts<typeof def.edit>): Promise<void> {
  const day = today();
  if (opts.title === undefined && opts.owner === undefined && opts.due === undefined)
    throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const forgotten = ctx.t("people.forgottenName");
  const task = resolveTask(ctx.db, ref!, forgotten);
  const owner = opts.owner !== undefined ? resolveOwner(ctx.db, opts.owner, day) : undefined;
  const due = opts.due === undefined ? undefined : opts.due.trim() === "" ? null : parseDate(opts.due, "--due", day);
  const change = ctx.write((audit) => editTask(ctx.db, audit, task, { title: opts.title, owner, due }, forgotten));
  if (ctx.json) return printJson(getTask(ctx.db, task.id, forgotten));
  say(ctx.t("tasks.edited", { id: task.id, before: taskFields(ctx, change.before), after: taskFields(ctx, change.after) }));
}

export async function reopen(ctx: Context, [ref]: Args<typeof def.reopen>): Promise<void> {
  const forgotten = ctx.t("people.forgottenName");
  const task = resolveTask(ctx.db, ref!, forgotten);
  const { done: date } = ctx.write((audit) => reopenTask(ctx.db, audit, task));
  if (ctx.json) return printJson(getTask(ctx.db, task.id, forgotten));
  say(ctx.t("tasks.reopened", { id: task.id, title: task.title, date: date ? formatDate(date, ctx.lang) : "" }));
}

export async function remove(ctx: Context, [ref]: Args<typeof def.remove>): Promise<void> {
  const forgotten = ctx.t("people.forgottenName");
  const task = resolveTask(ctx.db, ref!, forgotten);
  const removed = ctx.write((audit) => removeTask(ctx.db, audit, task, forgotten));
  if (ctx.json) return printJson({ ...removed, removed: true });
  say(ctx.t("tasks.removed", { id: task.id, before: taskFields(ctx, removed) }));
}
