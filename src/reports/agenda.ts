// The agenda (invitation) model: today's data of the meeting (reports/model.ts), each item's start time from the
// meeting's start and the durations before it, and — while they are still a draft — the previous meeting's
// minutes as an appendix. Approved minutes are never an appendix: the agenda only puts drafts up for approval.
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { getMeeting, type Meeting } from "../meetings/index.js";
import { buildReport, type ReportModel } from "./model.js";
import { startTimes } from "./startTimes.js";

export { startTimes };

/** Everything the agenda of `meeting` shows; `forgottenLabel` names erased people. */
export function agendaModel(db: Db, meeting: Meeting, lang: Lang, forgottenLabel: string): ReportModel {
  const model = buildReport(db, meeting, lang, forgottenLabel);
  const starts = startTimes(meeting.time, model.items);
  const items = model.items.map((item, index) => ({ ...item, start: starts[index] ?? null }));
  const previous = model.awaitingApproval ? getMeeting(db, model.awaitingApproval.id) : undefined;
  const draft = previous && previous.minutes === "draft" ? buildReport(db, previous, lang, forgottenLabel) : undefined;
  return { ...model, items, ...(draft ? { appendix: draft } : {}) };
}
