// The agenda (invitation) model: today's data of the meeting (reports/model.ts), each item's start time from the
// meeting's start and the durations before it, and — while they are still a draft — the previous meeting's
// minutes as an appendix. Approved minutes are never an appendix: the agenda only puts drafts up for approval.
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { getMeeting, type Meeting } from "../meetings/index.js";
import { buildReport, type ReportItem, type ReportModel } from "./model.js";

/**
 * "HH:MM" of each item's start: the first at `start`, each next one after the durations before it. An item
 * without a duration leaves the start of every later item unknown (null); no start time, no start times. Past
 * midnight the clock wraps (an evening meeting that overruns is still read as a time of day).
 */
export function startTimes(start: string | null, items: ReadonlyArray<Pick<ReportItem, "duration">>): Array<string | null> {
  const match = start === null ? null : /^(\d{1,2}):(\d{2})$/.exec(start);
  let minutes: number | null = match ? Number(match[1]) * 60 + Number(match[2]) : null;
  return items.map((item) => {
    const at = minutes === null ? null : `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    minutes = minutes === null || item.duration === null ? null : minutes + item.duration;
    return at;
  });
}

/** Everything the agenda of `meeting` shows; `forgottenLabel` names erased people. */
export function agendaModel(db: Db, meeting: Meeting, lang: Lang, forgottenLabel: string): ReportModel {
  const model = buildReport(db, meeting, lang, forgottenLabel);
  const starts = startTimes(meeting.time, model.items);
  const items = model.items.map((item, index) => ({ ...item, start: starts[index] ?? null }));
  const previous = model.awaitingApproval ? getMeeting(db, model.awaitingApproval.id) : undefined;
  const draft = previous && previous.minutes === "draft" ? buildReport(db, previous, lang, forgottenLabel) : undefined;
  return { ...model, items, ...(draft ? { appendix: draft } : {}) };
}
