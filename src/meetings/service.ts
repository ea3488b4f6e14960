import { changedFields } from "../core/changes.js";
import { minutesHash } from "./minutesHash.js";
import type { AuditEntry } from "../core/context.js";
import { isIsoDate, parseDate, parseTime } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam, term } from "../core/errors.js";
import { cleanText, oneOf } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { isMemberOn, membersOn } from "../groups/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import { rolesOfPerson } from "../people/index.js";
import { readSetting, readSettings } from "../platform/index.js";
import { resolveTeam } from "../teams/index.js";
import {
  evaluateQuorum,
  ITEM_TYPES,
  MEETING_KINDS,
  parseQuorumRule,
  parseTemplate,
  STANDARD_TEMPLATE,
  type AgendaItem,
  type ItemType,
  type Meeting,
  type QuorumResult,
  type TemplateItem,
} from "./model.js";
import {
  approveMinutes,
  deleteAttendance,
  deleteItem,
  getMeeting,
  insertAmendment,
  insertAttendance,
  insertItem,
  insertMeeting,
  insertNote,
  itemRecords,
  lastMeeting,
  listAttendance,
  listItems,
  deleteNote,
  groupVotedAt,
  meetingsOn,
  notesOfMeeting,
  renameItem as storeItemTitle,
  updateAttendanceGroup,
  updateNote,
  nextMeeting,
  setItemPosition,
  setMeetingState,
  updateMeeting,
  type AttendanceRow,
  type MeetingFields,
} from "./store.js";
import { compareNames } from "../core/validate.js";

type Audit = (entry: AuditEntry) => void;

export interface MeetingInput {
  kind?: string;
  title?: string;
  date?: string;
  time?: string;
  end?: string;
  place?: string;
  team?: string;
  chair?: string;
  secretary?: string;
  invited?: string;
}

/** Validates typed meeting details on top of `base` (for an edit). */
export function meetingFields(db: Db, input: MeetingInput, today: string, base?: MeetingFields): MeetingFields {
  const kind = input.kind !== undefined ? oneOf(input.kind, MEETING_KINDS, "kind") : base?.kind;
  if (!kind) throw new CliError("error.required", { field: "kind" });
  const date = input.date !== undefined ? parseDate(input.date, "--date", today) : base?.date;
  if (!date) throw new CliError("error.required", { field: "--date" });
  const text = (value: string | undefined, field: string, fallback: string | null | undefined) =>
    value !== undefined ? cleanText(value, field) : (fallback ?? null);
  const time = input.time !== undefined ? parseTime(input.time, "--time") : (base?.time ?? null);
  const end = input.end !== undefined ? parseTime(input.end, "--end") : (base?.end ?? null);
  if (time && end && end <= time) throw new CliError("error.endBeforeStart", { time, end });
  const person = (ref: string | undefined, fallback: number | null | undefined) =>
    ref !== undefined ? (ref.trim() === "" ? null : resolvePerson(db, ref, today).id) : (fallback ?? null);
  // --team names a team of the teams table (an unknown one is an error); "" takes it off the meeting.
  const team = input.team === undefined ? null : input.team.trim() === "" ? { name: null, id: null } : resolveTeam(db, input.team);
  return {
    kind,
    date,
    time,
    end,
    title: text(input.title, "--title", base?.title),
    place: text(input.place, "--place", base?.place),
    team: team ? team.name : (base?.team ?? null),
    teamId: team ? team.id : (base?.teamId ?? null),
    chairId: person(input.chair, base?.chairId),
    secretaryId: person(input.secretary, base?.secretaryId),
    invited: input.invited !== undefined ? parseDate(input.invited, "--invited", today) : (base?.invited ?? null),
  };
}

export function fieldsOf(meeting: Meeting): MeetingFields {
  const { kind, title, date, time, end, place, team, teamId, chairId, secretaryId, invited } = meeting;
  return { kind, title, date, time, end, place, team, teamId, chairId, secretaryId, invited };
}

/** A meeting by id, `next`, `last`, or a date on which exactly one meeting takes place. */
export function resolveMeeting(db: Db, ref: string, today: string): Meeting {
  const value = ref.trim().toLowerCase();
  let found: Meeting | undefined;
  if (value === "next" || value === "nächste") found = nextMeeting(db, today);
  else if (value === "last" || value === "letzte") found = lastMeeting(db, today);
  else if (/^#?\d+$/.test(value)) found = getMeeting(db, Number(value.replace("#", "")));
  else {
    let date: string | undefined;
    try {
      date = parseDate(ref, "meeting", today);
    } catch {
      date = undefined;
    }
    if (date && isIsoDate(date)) {
      const onDate = meetingsOn(db, date);
      if (onDate.length > 1)
        throw new CliError("error.ambiguous", { ref, candidates: onDate.map((m) => `#${m.id} ${m.kind}${m.title ? ` ${m.title}` : ""}`).join(", ") });
      found = onDate[0];
    }
  }
  if (!found) throw new CliError("error.unknownMeeting", { ref }, 1, "error.unknownMeeting.hint");
  return found;
}

/**
 * The meeting as the file holds it now. A write checks its rules on this copy, inside its transaction: the one a
 * command resolved before the transaction began may be stale (another process may have closed the meeting or
 * approved its minutes while this one waited for the lock).
 */
export function currentMeeting(db: Db, meeting: Meeting): Meeting {
  const now = getMeeting(db, meeting.id);
  if (!now) throw new CliError("error.unknownMeeting", { ref: `#${meeting.id}` }, 1, "error.unknownMeeting.hint");
  return now;
}

/** Approved minutes are locked: any change is refused, a correction is an amendment. */
export function ensureEditable(meeting: Meeting): void {
  if (meeting.minutes === "approved") throw new CliError("error.minutesLocked", { id: meeting.id }, 1, "error.minutesLocked.hint");
}

/**
 * What happens at a meeting (who was there, votes, ballots, its close) is recorded on or after its day, never for
 * one still ahead. Excuses may come in advance.
 */
export function ensureTakenPlace(meeting: Meeting, today: string): void {
  if (meeting.date > today) throw new CliError("error.meetingNotYet", { id: meeting.id, date: dateParam(meeting.date) }, 1, "error.meetingNotYet.hint");
}

function ensureNotCancelled(meeting: Meeting): void {
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
}

export function templateText(db: Db, name: string, lang: "de" | "en"): string {
  const stored = readSetting(db, `template.${name}`);
  if (stored !== undefined) return stored;
  if (name === "standard") return STANDARD_TEMPLATE[lang];
  throw new CliError("error.unknownTemplate", { name });
}

export function addMeeting(db: Db, audit: Audit, fields: MeetingFields, template: TemplateItem[] = []): number {
  const id = insertMeeting(db, fields);
  audit({ entity: "meeting", id, action: "add", changes: fields });
  template.forEach((item, index) =>
    insertItem(db, id, { position: index + 1, title: item.title, type: item.type, presenterId: null, duration: item.duration }),
  );
  return id;
}

export function editMeeting(db: Db, audit: Audit, meeting: Meeting, fields: MeetingFields): void {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const before = fieldsOf(meeting);
  const changes = changedFields(before, fields);
  if (Object.keys(changes).length === 0) return;
  updateMeeting(db, meeting.id, fields);
  audit({ entity: "meeting", id: meeting.id, action: "edit", changes });
}

export function cancelMeeting(db: Db, audit: Audit, meeting: Meeting): void {
  meeting = currentMeeting(db, meeting);
  if (meeting.status !== "planned") throw new CliError("error.cannotCancel", { id: meeting.id, status: term(`meetingStatus.${meeting.status}`) });
  setMeetingState(db, meeting.id, "cancelled", "none");
  audit({ entity: "meeting", id: meeting.id, action: "cancel" });
}

// ---- agenda

export interface ItemInput {
  title: string;
  type?: string;
  presenter?: string;
  duration?: string;
}

export function addItem(db: Db, audit: Audit, meeting: Meeting, input: ItemInput, today: string): AgendaItem {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  ensureNotCancelled(meeting);
  const title = cleanText(input.title, "title", { required: true })!;
  const type: ItemType = input.type !== undefined ? oneOf(input.type, ITEM_TYPES, "--type") : "discussion";
  const presenterId = input.presenter !== undefined ? resolvePerson(db, input.presenter, today).id : null;
  let duration: number | null = null;
  if (input.duration !== undefined) {
    if (!/^\d{1,3}$/.test(input.duration.trim()) || Number(input.duration) < 1)
      throw new CliError("error.invalidDuration", { value: input.duration });
    duration = Number(input.duration);
  }
  const position = listItems(db, meeting.id).length + 1;
  const id = insertItem(db, meeting.id, { position, title, type, presenterId, duration });
  audit({ entity: "agenda_item", id, action: "add", changes: { meeting: meeting.id, position, title, type, presenterId, duration } });
  return listItems(db, meeting.id).find((i) => i.id === id)!;
}

export function itemAt(db: Db, meeting: Meeting, position: string | number): AgendaItem {
  const items = listItems(db, meeting.id);
  const n = typeof position === "number" ? position : /^\d{1,4}$/.test(position.trim()) ? Number(position) : NaN;
  const item = items.find((i) => i.position === n);
  if (!item) throw new CliError("error.unknownItem", { position: String(position), count: items.length });
  return item;
}

/** Moves an item to a new position; the others close up around it. */
export function moveItem(db: Db, audit: Audit, meeting: Meeting, from: string, to: string): void {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const item = itemAt(db, meeting, from);
  const items = listItems(db, meeting.id);
  const target = /^\d{1,4}$/.test(to.trim()) ? Number(to) : NaN;
  if (!(target >= 1 && target <= items.length)) throw new CliError("error.unknownItem", { position: to, count: items.length });
  const order = items.filter((i) => i.id !== item.id);
  order.splice(target - 1, 0, item);
  order.forEach((i, index) => setItemPosition(db, i.id, index + 1));
  audit({ entity: "agenda_item", id: item.id, action: "move", changes: { position: [item.position, target] } });
}

export function removeItem(db: Db, audit: Audit, meeting: Meeting, position: string): void {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const item = itemAt(db, meeting, position);
  const records = itemRecords(db, item.id);
  if (records.notes + records.tasks + records.votes + records.elections > 0) throw new CliError("error.itemHasRecords", { position: item.position, ...records });
  deleteItem(db, item.id);
  listItems(db, meeting.id).forEach((i, index) => setItemPosition(db, i.id, index + 1));
  audit({ entity: "agenda_item", id: item.id, action: "remove", changes: { title: item.title, position: item.position } });
}

export function addNote(db: Db, audit: Audit, meeting: Meeting, position: string, text: string): number {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  ensureNotCancelled(meeting);
  const item = itemAt(db, meeting, position);
  const clean = cleanText(text, "text", { required: true, max: 5000 })!;
  const id = insertNote(db, item.id, clean);
  audit({ entity: "item_note", id, action: "add", changes: { meeting: meeting.id, item: item.position, text: clean } });
  return id;
}

/** Renames an agenda item while the minutes are a draft; returns the title before and after. */
export function renameItem(db: Db, audit: Audit, meeting: Meeting, position: string, title: string): { position: number; before: string; after: string } {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const item = itemAt(db, meeting, position);
  const clean = cleanText(title, "title", { required: true })!;
  if (clean !== item.title) {
    storeItemTitle(db, item.id, clean);
    audit({ entity: "agenda_item", id: item.id, action: "rename", changes: { meeting: meeting.id, title: [item.title, clean] } });
  }
  return { position: item.position, before: item.title, after: clean };
}

export interface NoteChange {
  id: number;
  position: number;
  before: string;
  after: string | null;
}

/** A note of this meeting, by the number `meetings show` gives it. */
function noteOf(db: Db, meeting: Meeting, ref: string): { id: number; position: number; text: string } {
  const id = /^#?\d{1,9}$/.test(ref.trim()) ? Number(ref.trim().replace("#", "")) : NaN;
  const note = notesOfMeeting(db, meeting.id).find((n) => n.id === id);
  if (!note) throw new CliError("error.unknownNote", { ref, id: meeting.id }, 1, "error.unknownNote.hint");
  return { id: note.id, position: listItems(db, meeting.id).find((i) => i.id === note.itemId)!.position, text: note.text };
}

/** Corrects a note while the minutes are a draft (text = null removes it); returns it before and after. */
export function changeNote(db: Db, audit: Audit, meeting: Meeting, ref: string, text: string | null): NoteChange {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const note = noteOf(db, meeting, ref);
  if (text === null) {
    deleteNote(db, note.id);
    audit({ entity: "item_note", id: note.id, action: "remove", changes: { meeting: meeting.id, item: note.position, text: note.text } });
    return { id: note.id, position: note.position, before: note.text, after: null };
  }
  const clean = cleanText(text, "text", { required: true, max: 5000 })!;
  if (clean !== note.text) {
    updateNote(db, note.id, clean);
    audit({ entity: "item_note", id: note.id, action: "edit", changes: { meeting: meeting.id, item: note.position, text: [note.text, clean] } });
  }
  return { id: note.id, position: note.position, before: note.text, after: clean };
}

// ---- attendance

/** What `resolve` finds, or undefined where it finds nothing by that name (error `unknown`); other errors stand. */
function unlessUnknown<T>(resolve: () => T, unknown: "error.unknownGroup" | "error.unknownPerson"): T | undefined {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof CliError) || error.key !== unknown) throw error;
    return undefined;
  }
}

/** A group of the list, or undefined for a name that is none. */
const knownGroup = (db: Db, ref: string, today: string): Group | undefined => unlessUnknown(() => resolveGroup(db, ref, today), "error.unknownGroup");

/** A person of the list, or undefined for a name that is none (a guest's); an ambiguous name is still an error. */
const knownPerson = (db: Db, ref: string, today: string): Person | undefined => unlessUnknown(() => resolvePerson(db, ref, today), "error.unknownPerson");

/** The group a person attends for: --for, or their one current group; several groups need --for. */
function groupForAttendance(db: Db, person: Person, forRef: string | undefined, meeting: Meeting, today: string): Group {
  if (forRef !== undefined) return resolveGroup(db, forRef, today);
  const all = rolesOfPerson(db, person.id);
  const heldOn = (date: string) => all.filter((r) => r.since <= date && (r.until === null || r.until > date));
  // The roles on the meeting's date; failing that, today's: a person often gets entered only after the meeting.
  const roles = heldOn(meeting.date).length > 0 ? heldOn(meeting.date) : heldOn(today);
  const groupIds = [...new Set(roles.map((r) => r.groupId))];
  if (groupIds.length === 1) return resolveGroup(db, String(groupIds[0]), today);
  if (groupIds.length === 0) throw new CliError("error.attendWithoutGroup", { person: person.name ?? `#${person.id}` }, 1, "error.attendWithoutGroup.hint");
  throw new CliError("error.attendWhichGroup", { person: person.name ?? `#${person.id}`, groups: [...new Set(roles.map((r) => r.group))].join(", ") }, 1, "error.attendWhichGroup.hint");
}

export function attend(db: Db, audit: Audit, meeting: Meeting, refs: string[], options: { for?: string; guest?: boolean }, today: string): number {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  ensureNotCancelled(meeting);
  ensureTakenPlace(meeting, today);
  const existing = listAttendance(db, meeting.id);
  let added = 0;
  for (const ref of refs) {
    if (options.guest) {
      const person = knownPerson(db, ref, today);
      const guestName = person ? null : cleanText(ref, "guest", { required: true });
      if (existing.some((a) => a.status !== "excused" && (person ? a.personId === person.id : a.guestName === guestName)))
        throw new CliError("error.alreadyPresent", { name: ref });
      const id = insertAttendance(db, meeting.id, "guest", person?.id ?? null, null, guestName);
      existing.push({ id, status: "guest", personId: person?.id ?? null, person: person?.name ?? null, groupId: null, group: null, guestName });
      audit({ entity: "attendance", id, action: "guest", changes: { meeting: meeting.id, person: person?.id ?? null, guest: guestName } });
    } else {
      const person = resolvePerson(db, ref, today);
      const group = groupForAttendance(db, person, options.for, meeting, today);
      // Only a member group on the meeting's day (from the day it joined, until the day it left) can be present.
      if (!isMemberOn(group, meeting.date))
        throw new CliError("error.groupNotMemberOn", { group: group.name, id: meeting.id, date: dateParam(meeting.date) }, 1, "error.groupNotMemberOn.hint");
      // Someone who represents several groups is present once for each of them.
      if (existing.some((a) => a.status === "present" && a.personId === person.id && a.groupId === group.id))
        throw new CliError("error.alreadyPresent", { name: person.name ?? ref });
      // Present after all: an earlier excuse for this person no longer holds.
      for (const a of existing) if (a.status === "excused" && a.personId === person.id && a.groupId === null) deleteAttendance(db, a.id);
      const id = insertAttendance(db, meeting.id, "present", person.id, group.id, null);
      // The same person named twice in one command is caught like a second command would be.
      existing.push({ id, status: "present", personId: person.id, person: person.name, groupId: group.id, group: group.name, guestName: null });
      audit({ entity: "attendance", id, action: "present", changes: { meeting: meeting.id, person: person.id, group: group.id } });
    }
    added++;
  }
  return added;
}

export interface AttendanceChange {
  person: string;
  /** how the person was recorded before and after: "present" for a group, "guest", "excused"; null: not recorded */
  before: { status: AttendanceRow["status"]; group: string | null };
  after: { status: AttendanceRow["status"]; group: string | null } | null;
}

/** A presence whose removal would leave a group that voted at the meeting with nobody present is refused. */
function ensureNotLastVoter(db: Db, meeting: Meeting, rows: AttendanceRow[], row: AttendanceRow): void {
  if (row.status !== "present" || row.groupId === null) return;
  const others = rows.filter((r) => r.id !== row.id && r.status === "present" && r.groupId === row.groupId);
  if (others.length === 0 && groupVotedAt(db, meeting.id, row.groupId))
    throw new CliError("error.attendanceCarriesVote", { group: row.group ?? `#${row.groupId}`, id: meeting.id }, 1, "error.attendanceCarriesVote.hint");
}

/**
 * Takes back what was recorded for a person at a meeting (present, guest or excused) while the minutes are a draft:
 * a presence for one group if they were present for several (`forRef`), else everything recorded for them.
 */
export function unattend(db: Db, audit: Audit, meeting: Meeting, ref: string, forRef: string | undefined, today: string): AttendanceChange[] {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const rows = listAttendance(db, meeting.id);
  const person = knownPerson(db, ref, today);
  const guestName = ref.trim().toLowerCase();
  let mine = rows.filter((r) => (person ? r.personId === person.id : r.personId === null && r.guestName?.toLowerCase() === guestName));
  let name = person?.name ?? ref;
  if (!person && mine.length === 0) {
    // Not a person nor a guest: a group's excuse taken back (`meetings excuse` takes a group too).
    const group = knownGroup(db, ref, today);
    if (group) {
      mine = rows.filter((r) => r.status === "excused" && r.personId === null && r.groupId === group.id);
      name = group.name;
    }
  }
  if (mine.length === 0) throw new CliError("error.notRecorded", { name, id: meeting.id }, 1, "error.notRecorded.hint");
  if (forRef !== undefined) {
    const group = resolveGroup(db, forRef, today);
    mine = mine.filter((r) => r.groupId === group.id && r.status === "present");
    if (mine.length === 0) throw new CliError("error.notPresentFor", { name, group: group.name, id: meeting.id });
  } else if (mine.filter((r) => r.status === "present").length > 1)
    throw new CliError("error.unattendWhichGroup", { name, groups: mine.map((r) => r.group).join(", ") }, 1, "error.unattendWhichGroup.hint");
  for (const row of mine) ensureNotLastVoter(db, meeting, rows, row);
  return mine.map((row) => {
    deleteAttendance(db, row.id);
    audit({ entity: "attendance", id: row.id, action: "withdraw", changes: { meeting: meeting.id, status: row.status, person: row.personId, group: row.groupId, guest: row.guestName } });
    return { person: name, before: { status: row.status, group: row.group }, after: null };
  });
}

/**
 * A person recorded present for the wrong group: their presence moves to `forRef` (a group they could attend for)
 * while the minutes are a draft. Someone present for several groups has one presence taken back first (unattend).
 */
export function moveAttendance(db: Db, audit: Audit, meeting: Meeting, ref: string, forRef: string, today: string): AttendanceChange {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  const rows = listAttendance(db, meeting.id);
  const person = resolvePerson(db, ref, today);
  const name = person.name ?? ref;
  const target = resolveGroup(db, forRef, today);
  const present = rows.filter((r) => r.status === "present" && r.personId === person.id);
  if (present.length === 0) throw new CliError("error.notRecorded", { name, id: meeting.id }, 1, "error.notRecorded.hint");
  if (present.length > 1) throw new CliError("error.moveWhichGroup", { name, groups: present.map((r) => r.group).join(", ") }, 1, "error.moveWhichGroup.hint");
  const row = present[0]!;
  if (row.groupId === target.id) throw new CliError("error.alreadyPresentFor", { name, group: target.name });
  if (rows.some((r) => r.status === "present" && r.personId === person.id && r.groupId === target.id))
    throw new CliError("error.alreadyPresentFor", { name, group: target.name });
  if (!isMemberOn(target, meeting.date))
    throw new CliError("error.groupNotMemberOn", { group: target.name, id: meeting.id, date: dateParam(meeting.date) }, 1, "error.groupNotMemberOn.hint");
  ensureNotLastVoter(db, meeting, rows, row);
  updateAttendanceGroup(db, row.id, target.id);
  audit({ entity: "attendance", id: row.id, action: "move", changes: { meeting: meeting.id, person: person.id, group: [row.groupId, target.id] } });
  return { person: name, before: { status: "present", group: row.group }, after: { status: "present", group: target.name } };
}

/** Excuses a group (or a person): the minutes list it as excused rather than absent. */
export function excuse(db: Db, audit: Audit, meeting: Meeting, ref: string, today: string): { kind: "group" | "person"; name: string } {
  meeting = currentMeeting(db, meeting);
  ensureEditable(meeting);
  ensureNotCancelled(meeting);
  const existing = listAttendance(db, meeting.id);
  const group = knownGroup(db, ref, today);
  if (group) {
    if (existing.some((a) => a.status === "present" && a.groupId === group.id)) throw new CliError("error.groupPresent", { name: group.name });
    if (existing.some((a) => a.status === "excused" && a.groupId === group.id)) throw new CliError("error.alreadyExcused", { name: group.name });
    const id = insertAttendance(db, meeting.id, "excused", null, group.id, null);
    audit({ entity: "attendance", id, action: "excuse", changes: { meeting: meeting.id, group: group.id } });
    return { kind: "group", name: group.name };
  }
  const person = resolvePerson(db, ref, today);
  if (existing.some((a) => a.personId === person.id)) throw new CliError("error.alreadyExcused", { name: person.name ?? ref });
  const id = insertAttendance(db, meeting.id, "excused", person.id, null, null);
  audit({ entity: "attendance", id, action: "excuse", changes: { meeting: meeting.id, person: person.id } });
  return { kind: "person", name: person.name ?? ref };
}

export interface AttendanceSummary {
  entitled: number;
  present: Array<{ group: string; groupId: number; people: string[]; entitled: boolean }>;
  excused: string[];
  absent: string[];
  guests: string[];
  excusedPeople: string[];
  quorum: QuorumResult;
}

/** Who was there, measured against the member groups on the meeting's date, and whether there was a quorum. */
export function attendanceSummary(db: Db, meeting: Meeting, forgottenLabel: string): AttendanceSummary {
  const members = membersOn(db, meeting.date);
  const memberIds = new Set(members.map((g) => g.id));
  const rows = listAttendance(db, meeting.id);
  const nameOf = (personId: number | null, person: string | null) => person ?? `${forgottenLabel} #${personId}`;
  const presentByGroup = new Map<number, { group: string; groupId: number; people: string[]; entitled: boolean }>();
  for (const row of rows.filter((r) => r.status === "present" && r.groupId !== null)) {
    const entry = presentByGroup.get(row.groupId!) ?? { group: row.group!, groupId: row.groupId!, people: [], entitled: memberIds.has(row.groupId!) };
    entry.people.push(nameOf(row.personId, row.person));
    presentByGroup.set(row.groupId!, entry);
  }
  const present = [...presentByGroup.values()].sort((a, b) => compareNames(a.group, b.group));
  const excusedIds = new Set(rows.filter((r) => r.status === "excused" && r.groupId !== null && r.personId === null).map((r) => r.groupId!));
  const excused = members.filter((g) => excusedIds.has(g.id) && !presentByGroup.has(g.id)).map((g) => g.name);
  const absent = members.filter((g) => !excusedIds.has(g.id) && !presentByGroup.has(g.id)).map((g) => g.name);
  const presentEntitled = present.filter((p) => p.entitled).length;
  const settings = readSettings(db);
  return {
    entitled: members.length,
    present,
    excused,
    absent,
    guests: rows.filter((r) => r.status === "guest").map((r) => r.guestName ?? nameOf(r.personId, r.person)),
    excusedPeople: rows.filter((r) => r.status === "excused" && r.personId !== null).map((r) => nameOf(r.personId, r.person)),
    quorum: evaluateQuorum(parseQuorumRule(settings.quorum), members.length, presentEntitled),
  };
}

// ---- lifecycle of the minutes

export function closeMeeting(db: Db, audit: Audit, meeting: Meeting): void {
  meeting = currentMeeting(db, meeting);
  if (meeting.status !== "planned") throw new CliError("error.cannotClose", { id: meeting.id, status: term(`meetingStatus.${meeting.status}`) });
  setMeetingState(db, meeting.id, "held", "draft");
  audit({ entity: "meeting", id: meeting.id, action: "close" });
}

export interface ApprovalRules {
  today: string;
  withoutQuorum?: boolean;
  /** stores the minutes as approved and returns their fingerprint (reports/frozen.ts, which this area cannot import) */
  freeze: (db: Db, meetingId: number) => string;
}

/**
 * Approves draft minutes at a later meeting, which must have taken place (on or before `today`) and been quorate:
 * an approval at an inquorate meeting needs `withoutQuorum`, and the minutes then state it. The minutes are
 * frozen in the same transaction; returns their fingerprint.
 */
export function approve(db: Db, audit: Audit, meeting: Meeting, at: Meeting, note: string | null, rules: ApprovalRules): string {
  meeting = currentMeeting(db, meeting);
  at = currentMeeting(db, at);
  if (meeting.minutes === "approved") throw new CliError("error.minutesLocked", { id: meeting.id }, 1, "error.minutesLocked.hint");
  if (meeting.minutes !== "draft") throw new CliError("error.minutesNotClosed", { id: meeting.id }, 1, "error.minutesNotClosed.hint");
  if (at.id === meeting.id || at.date < meeting.date) throw new CliError("error.approveAtLater", { id: meeting.id });
  if (at.status === "cancelled") throw new CliError("error.meetingCancelled", { id: at.id });
  // The approving meeting's minutes record the approval: once they are locked, they cannot gain one.
  ensureEditable(at);
  ensureTakenPlace(at, rules.today);
  const quorum = attendanceSummary(db, at, "").quorum;
  if (!quorum.met && rules.withoutQuorum !== true)
    throw new CliError("error.approveInquorate", { id: at.id, date: dateParam(at.date), present: quorum.present, required: quorum.required }, 1, "error.approveInquorate.hint");
  const withoutQuorum = !quorum.met;
  const hash = minutesHash(db, meeting.id);
  approveMinutes(db, meeting.id, at.id, note, hash, withoutQuorum);
  const fingerprint = rules.freeze(db, meeting.id);
  audit({ entity: "meeting", id: meeting.id, action: "approve", changes: { at: at.id, note, hash, fingerprint, ...(withoutQuorum ? { withoutQuorum } : {}) } });
  return fingerprint;
}

export function amend(db: Db, audit: Audit, meeting: Meeting, text: string, author: string, date: string): number {
  meeting = currentMeeting(db, meeting);
  if (meeting.minutes !== "approved") throw new CliError("error.amendDraft", { id: meeting.id }, 1, "error.amendDraft.hint");
  const clean = cleanText(text, "text", { required: true, max: 5000 })!;
  const id = insertAmendment(db, meeting.id, clean, author, date);
  audit({ entity: "minutes_amendment", id, action: "add", changes: { meeting: meeting.id, text: clean, author, date } });
  return id;
}

export { minutesHash, parseTemplate };
