// The public face of meetings: other areas import only this file (scripts/check-boundaries.mjs).
export { meetingLabel } from "./view.js";
export { MEETING_KINDS, parseTemplate } from "./model.js";
export type { AgendaItem, ItemType, Meeting, MeetingKind, QuorumResult } from "./model.js";
export type { ApprovalRules } from "./service.js";
export { addItem, addMeeting, addNote, amend, approve, attend, attendanceSummary, closeMeeting, currentMeeting, ensureEditable, ensureTakenPlace, excuse, itemAt, meetingFields, minutesHash, moveItem, resolveMeeting, templateText } from "./service.js";
export { allFrozenMinutes, approvedAhead, approvedAt, brokenAmendment, deleteAttendance, draftMinutes, followingMeeting, frozenMinutes, getMeeting, lastMeeting, listAmendments, listAttendance, listItems, listMeetings, nextMeeting, notesOfMeeting, previousMeeting, recordedAhead, saveFrozenMinutes, sealAmendments } from "./store.js";
export type { AttendanceRow, FrozenMinutes } from "./store.js";
