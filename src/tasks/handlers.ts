import type { Context } from "../core/context.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { printJson, printTable, say } from "../core/output.js";
import { resolveMeeting } from "../meetings/service.js";
import { addTask, completeTask, resolveOwner, resolveTask } from "./service.js";
import { getTask, listTasks, type Task } from "./store.js";

type Options = Record<string, string | boolean | undefined>;
const text = (opts: Options, key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);

export async function add(ctx: Context, [title]: string[], opts: Options): Promise<void> {
  const day = today();
  const due = text(opts, "due") !== undefined ? parseDate(text(opts, "due")!, "--due", day) : null;
  const owner = resolveOwner(ctx.db, text(opts, "owner") ?? "", day);
  const meeting = text(opts, "meeting") !== undefined ? resolveMeeting(ctx.db, text(opts, "meeting")!, day) : undefined;
  const id = ctx.write((audit) => addTask(ctx.db, audit, { title: title!, owner, due, meeting, item: text(opts, "item") }));
  const task = getTask(ctx.db, id, ctx.t("people.forgottenName"))!;
  if (ctx.json) return printJson(task);
  say(ctx.t("tasks.added", { id, title: task.title, owner: task.owner, due: task.due ? formatDate(task.due, ctx.lang) : "–" }));
}

export function taskRows(ctx: Context, tasks: Task[], day: string): unknown[][] {
  return tasks.map((t) => [
    t.id,
    t.title,
    t.owner,
    formatDate(t.due, ctx.lang),
    t.status === "done" ? ctx.t("tasks.status.done", { date: formatDate(t.done, ctx.lang) }) : t.due && t.due < day ? ctx.t("tasks.status.overdue") : ctx.t("tasks.status.open"),
  ]);
}

export function taskHeader(ctx: Context): string[] {
  return ["#", ctx.t("label.task"), ctx.t("label.owner"), ctx.t("label.due"), ctx.t("label.status")];
}

export async function list(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const day = today();
  if (opts.open === true && opts.overdue === true) throw new UsageError("error.openOrOverdue");
  const owner = text(opts, "owner") !== undefined ? resolveOwner(ctx.db, text(opts, "owner")!, day) : undefined;
  const meeting = text(opts, "meeting") !== undefined ? resolveMeeting(ctx.db, text(opts, "meeting")!, day) : undefined;
  const tasks = listTasks(
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
  if (ctx.json) return printJson(tasks);
  if (tasks.length === 0) return say(ctx.t("tasks.none"));
  printTable(ctx, taskHeader(ctx), taskRows(ctx, tasks, day));
}

export async function done(ctx: Context, [ref]: string[], opts: Options): Promise<void> {
  const day = today();
  const date = text(opts, "date") !== undefined ? parseDate(text(opts, "date")!, "--date", day) : day;
  const task = resolveTask(ctx.db, ref!, ctx.t("people.forgottenName"));
  ctx.write((audit) => completeTask(ctx.db, audit, task, date));
  if (ctx.json) return printJson(getTask(ctx.db, task.id, ctx.t("people.forgottenName")));
  say(ctx.t("tasks.done", { id: task.id, title: task.title }));
}
