// The one plain report model behind the agenda (invitation) and the minutes (Protokoll). It is built from the
// stores of the meetings and tasks areas; the renderers in render/ take it as it is and never query.
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import type { ItemType, Meeting, MeetingKind, QuorumResult } from "../meetings/index.js";
import { attendanceSummary } from "../meetings/index.js";
import { approvedAt, followingMeeting, getMeeting, listAmendments, listItems, notesOfMeeting, previousMeeting } from "../meetings/index.js";
import { readSettings } from "../platform/index.js";
import { listTasks, type Task } from "../tasks/index.js";
import { minutesEntries, type ElectionEntry } from "../elections/index.js";
import { decisionsOf, type DecisionEntry } from "../votes/index.js";

export type { DecisionEntry, ElectionEntry };
import { assemblyEntry, type AssemblyEntry } from "./assembly.js";
import { withCampaignReports } from "../campaigns/index.js";
import type { CampaignReport } from "../campaigns/index.js";

/** A meeting as a report mentions it: enough to name it (kind, title, date, time, place). */
export interface MeetingRef {
  id: number;
  kind: MeetingKind;
  title: string | null;
  date: string;
  time: string | null;
  end: string | null;
  place: string | null;
}

export interface ReportItem {
  position: number;
  title: string;
  type: ItemType;
  presenter: string | null;
  /** planned minutes */
  duration: number | null;
  /** the agenda only: "HH:MM" from the meeting's start and the durations before (null when not known) */
  start?: string | null;
  notes: string[];
  /** the campaigns item (see campaigns/model.ts isCampaignsItem): the latest update of each active campaign */
  campaigns?: CampaignReport[];
}

export interface ReportTask {
  id: number;
  title: string;
  owner: string;
  ownerKind: "person" | "group";
  due: string | null;
  /** the agenda item's position, when the task comes from one */
  item: number | null;
  status: "open" | "done";
  done: string | null;
}

export interface PresentGroup {
  group: string;
  /** (not in minutes frozen before it was added) */
  groupId?: number;
  people: string[];
  /** false for a group that was not a member on the meeting's date (it joined later or had left) */
  member: boolean;
}

/** Minutes that a meeting approved: whose, and whether as distributed or as corrected. */
export interface MinutesApproval {
  meeting: MeetingRef;
  /** null: approved as distributed; otherwise the corrections made at approval */
  corrections: string | null;
  /** present (true) only when the approving meeting was not quorate (`meetings approve --without-quorum`) */
  withoutQuorum?: true;
}

export interface ReportModel {
  lang: Lang;
  platform: string;
  meeting: MeetingRef & {
    team: string | null;
    chair: string | null;
    secretary: string | null;
    invited: string | null;
    status: Meeting["status"];
    minutes: Meeting["minutes"];
  };
  /** The state of these minutes: a draft, or approved at a later meeting (as distributed or corrected). */
  approval: { at: MeetingRef; corrections: string | null; withoutQuorum?: true } | null;
  items: ReportItem[];
  attendance: {
    entitled: number;
    present: PresentGroup[];
    excused: string[];
    absent: string[];
    guests: string[];
    excusedPeople: string[];
  };
  quorum: QuorumResult;
  /** Minutes of earlier meetings approved at this one. */
  approvals: MinutesApproval[];
  /** The previous meeting of the same kind whose minutes still await approval (the agenda puts them up). */
  awaitingApproval: MeetingRef | null;
  /** Tasks recorded at this meeting. */
  tasks: ReportTask[];
  /** Open tasks (from anywhere) due on or before the meeting's date: the agenda's reminder list. */
  dueTasks: ReportTask[];
  decisions: DecisionEntry[];
  elections: ElectionEntry[];
  next: MeetingRef | null;
  amendments: Array<{ date: string; author: string; text: string }>;
  /** an assembly's turnout per group and the asks made there (also any meeting where commitments were given) */
  assembly?: AssemblyEntry | null;
  /** the agenda only: the previous meeting's minutes while they are a draft (reports/agenda.ts) */
  appendix?: ReportModel;
  /** approved minutes: the SHA-256 of the model as frozen at approval (reports/frozen.ts) */
  fingerprint?: string;
}

export function meetingRef(m: Meeting): MeetingRef {
  return { id: m.id, kind: m.kind, title: m.title, date: m.date, time: m.time, end: m.end, place: m.place };
}

function reportTask(t: Task): ReportTask {
  return { id: t.id, title: t.title, owner: t.owner, ownerKind: t.ownerKind, due: t.due, item: t.item, status: t.status, done: t.done };
}

/** Reads everything the agenda and the minutes of `meeting` show. `forgottenLabel` names erased people. */
export function buildReport(db: Db, meeting: Meeting, lang: Lang, forgottenLabel: string): ReportModel {
  const settings = readSettings(db);
  const notes = notesOfMeeting(db, meeting.id);
  const items = listItems(db, meeting.id).map((i) => ({
    position: i.position,
    title: i.title,
    type: i.type,
    presenter: i.presenter,
    duration: i.duration,
    notes: notes.filter((n) => n.itemId === i.id).map((n) => n.text),
  }));
  const summary = attendanceSummary(db, meeting, forgottenLabel);
  const approver = meeting.minutes === "approved" && meeting.approvedBy !== null ? getMeeting(db, meeting.approvedBy) : undefined;
  const previous = previousMeeting(db, meeting);
  const next = followingMeeting(db, meeting);
  return {
    lang,
    platform: settings.name,
    meeting: {
      ...meetingRef(meeting),
      team: meeting.team,
      chair: meeting.chair,
      secretary: meeting.secretary,
      invited: meeting.invited,
      status: meeting.status,
      minutes: meeting.minutes,
    },
    approval: approver ? { at: meetingRef(approver), corrections: meeting.approvalNote, ...(meeting.approvedWithoutQuorum ? { withoutQuorum: true as const } : {}) } : null,
    items: withCampaignReports(db, meeting.date, items),
    attendance: {
      entitled: summary.entitled,
      present: summary.present.map((p) => ({ group: p.group, groupId: p.groupId, people: p.people, member: p.entitled })),
      excused: summary.excused,
      absent: summary.absent,
      guests: summary.guests,
      excusedPeople: summary.excusedPeople,
    },
    quorum: summary.quorum,
    approvals: approvedAt(db, meeting.id).map((m) => ({ meeting: meetingRef(m), corrections: m.approvalNote, ...(m.approvedWithoutQuorum ? { withoutQuorum: true as const } : {}) })),
    awaitingApproval: previous && previous.minutes === "draft" ? meetingRef(previous) : null,
    tasks: listTasks(db, { meetingId: meeting.id }, forgottenLabel).map(reportTask),
    dueTasks: listTasks(db, { status: "open", dueUntil: meeting.date }, forgottenLabel).map(reportTask),
    // Hooks for the votes and elections areas: they add their entries here, the renderers already show them.
    decisions: decisionsOf(db, meeting.id, forgottenLabel),
    elections: minutesEntries(db, meeting.id, forgottenLabel),
    assembly: assemblyEntry(db, meeting),
    next: next ? meetingRef(next) : null,
    amendments: listAmendments(db, meeting.id).map((a) => ({ date: a.date, author: a.author, text: a.text })),
  };
}
