// The task table, here and in meetings show.
import type { Context } from "../core/context.js";
import { formatDate } from "../core/dates.js";
import type { Column } from "../core/output.js";
import type { Task } from "./store.js";

export function taskHeader(ctx: Context): string[] {
  return ["#", ctx.t("label.task"), ctx.t("label.owner"), ctx.t("label.due"), ctx.t("label.status")];
}

/** On a narrow terminal the due date and state outlast the owner. */
export const taskColumns: Column[] = [{ priority: 9 }, { priority: 10 }, { priority: 6 }, { priority: 8 }, { priority: 7 }];

export function taskRows(ctx: Context, tasks: Task[], day: string): unknown[][] {
  return tasks.map((t) => [
    t.id,
    t.title,
    t.owner,
    formatDate(t.due, ctx.lang),
    t.status === "done" ? ctx.t("tasks.status.done", { date: formatDate(t.done, ctx.lang) }) : t.due && t.due < day ? ctx.t("tasks.status.overdue") : ctx.t("tasks.status.open"),
  ]);
}
