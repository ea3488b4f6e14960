// How a meeting is named in other lists (tasks, teams).
import type { Context } from "../core/context.js";
import { formatDate } from "../core/dates.js";
import type { Meeting } from "./model.js";

export function meetingLabel(ctx: Context, m: Meeting): string {
  return `${m.title ?? ctx.t(`meetingKind.${m.kind}`)} ${formatDate(m.date, ctx.lang)}${m.time ? ` ${m.time}` : ""}`;
}
