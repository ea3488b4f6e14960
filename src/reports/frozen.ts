// Approved minutes are frozen: at approval the complete minutes model is stored, and every later rendering of
// those minutes (md, html, pdf, json, the annual report) comes from it. Only amendments are added, as amendments.
import type { Db } from "../core/db.js";
import { sha256 } from "../core/hash.js";
import type { Lang } from "../core/i18n.js";
import type { Meeting } from "../meetings/index.js";
import { allFrozenMinutes, frozenMinutes, getMeeting, listAmendments, listMeetings, saveFrozenMinutes, sealAmendments } from "../meetings/index.js";
import { buildReport, type ReportModel } from "./model.js";
import { agendaModel } from "./agenda.js";

/** Stores the minutes of an approved meeting as they render now; returns their fingerprint. Inside the approval. */
export function freezeMinutes(db: Db, meetingId: number, lang: Lang, forgottenLabel: string): string {
  const meeting = getMeeting(db, meetingId)!;
  const model: ReportModel = { ...buildReport(db, meeting, lang, forgottenLabel), amendments: [] };
  return saveFrozenMinutes(db, meetingId, JSON.stringify(model));
}

/** The migration to schema 10: the approved minutes of an existing file, frozen as they render at that moment. */
export function freezeApprovedMinutes(db: Db, lang: Lang, forgottenLabel: string): void {
  const frozen = new Set(allFrozenMinutes(db).map((f) => f.meetingId));
  for (const meeting of listMeetings(db, {})) {
    if (meeting.minutes !== "approved" || frozen.has(meeting.id)) continue;
    freezeMinutes(db, meeting.id, lang, forgottenLabel);
    sealAmendments(db, meeting.id);
  }
}

/**
 * The model the minutes of `meeting` are rendered from: for approved minutes the frozen one (in the language
 * asked for, with the amendments made since and the fingerprint of what was approved), else today's data.
 */
export function minutesModel(db: Db, meeting: Meeting, lang: Lang, forgottenLabel: string): ReportModel {
  const frozen = meeting.minutes === "approved" ? frozenMinutes(db, meeting.id) : undefined;
  if (!frozen) return buildReport(db, meeting, lang, forgottenLabel);
  const model = JSON.parse(frozen.model) as ReportModel;
  return {
    ...model,
    lang,
    amendments: listAmendments(db, meeting.id).map((a) => ({ date: a.date, author: a.author, text: a.text })),
    // Of what is printed, not what was stored: an edited snapshot then prints a fingerprint that `check` refutes.
    fingerprint: sha256(frozen.model),
  };
}

/** The model of an agenda (always today's data) or of minutes (frozen once approved). */
export function reportModel(db: Db, meeting: Meeting, kind: "agenda" | "minutes", lang: Lang, forgottenLabel: string): ReportModel {
  return kind === "minutes" ? minutesModel(db, meeting, lang, forgottenLabel) : agendaModel(db, meeting, lang, forgottenLabel);
}

/** Approved minutes as they were approved (without amendments); undefined while the minutes are not approved. */
export function approvedModel(db: Db, meetingId: number): ReportModel | undefined {
  const frozen = frozenMinutes(db, meetingId);
  return frozen ? (JSON.parse(frozen.model) as ReportModel) : undefined;
}
