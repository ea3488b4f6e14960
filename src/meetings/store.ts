import { scrubText, type Db } from "../core/db.js";
import { sha256 } from "../core/hash.js";
import type { AgendaItem, ItemType, Meeting, MeetingKind } from "./model.js";

interface MeetingRow {
  id: number;
  kind: MeetingKind;
  title: string | null;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  team: string | null;
  team_id: number | null;
  chair_id: number | null;
  chair: string | null;
  secretary_id: number | null;
  secretary: string | null;
  invited_on: string | null;
  status: Meeting["status"];
  minutes: Meeting["minutes"];
  approved_by_id: number | null;
  approval_note: string | null;
  approved_without_quorum: number;
}

const SELECT_MEETING = `
  SELECT m.id, m.kind, m.title, m.date, m.start_time, m.end_time, m.place, coalesce(tm.name, m.team) AS team, m.team_id,
         m.chair_id, c.name AS chair, m.secretary_id, s.name AS secretary, m.invited_on,
         m.status, m.minutes, m.approved_by_id, m.approval_note, m.approved_without_quorum
    FROM meetings m
    LEFT JOIN teams tm ON tm.id = m.team_id
    LEFT JOIN people c ON c.id = m.chair_id
    LEFT JOIN people s ON s.id = m.secretary_id`;

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date,
    time: row.start_time,
    end: row.end_time,
    place: row.place,
    team: row.team,
    teamId: row.team_id,
    chair: row.chair,
    chairId: row.chair_id,
    secretary: row.secretary,
    secretaryId: row.secretary_id,
    invited: row.invited_on,
    status: row.status,
    minutes: row.minutes,
    approvedBy: row.approved_by_id,
    approvalNote: row.approval_note,
    approvedWithoutQuorum: row.approved_without_quorum === 1,
  };
}

export interface MeetingFields {
  kind: MeetingKind;
  title: string | null;
  date: string;
  time: string | null;
  end: string | null;
  place: string | null;
  team: string | null;
  teamId: number | null;
  chairId: number | null;
  secretaryId: number | null;
  invited: string | null;
}

export function insertMeeting(db: Db, f: MeetingFields): number {
  const result = db
    .prepare(
      `INSERT INTO meetings (kind, title, date, start_time, end_time, place, team, team_id, chair_id, secretary_id, invited_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck().get(f.kind, f.title, f.date, f.time, f.end, f.place, f.team, f.teamId, f.chairId, f.secretaryId, f.invited, new Date().toISOString());
  return Number(result);
}

export function updateMeeting(db: Db, id: number, f: MeetingFields): void {
  db.prepare(
    `UPDATE meetings SET kind = ?, title = ?, date = ?, start_time = ?, end_time = ?, place = ?, team = ?, team_id = ?,
            chair_id = ?, secretary_id = ?, invited_on = ? WHERE id = ?`,
  ).run(f.kind, f.title, f.date, f.time, f.end, f.place, f.team, f.teamId, f.chairId, f.secretaryId, f.invited, id);
}

export function getMeeting(db: Db, id: number): Meeting | undefined {
  const row = db.prepare(`${SELECT_MEETING} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
  return row && toMeeting(row);
}

export interface MeetingFilter {
  kind?: MeetingKind;
  from?: string;
  until?: string;
  /** a team's meetings */
  teamId?: number;
  descending?: boolean;
}

export function listMeetings(db: Db, filter: MeetingFilter = {}): Meeting[] {
  const rows = db
    .prepare(
      `${SELECT_MEETING}
        WHERE (CAST(@kind AS TEXT) IS NULL OR m.kind = @kind) AND (CAST(@from AS TEXT) IS NULL OR m.date >= @from)
          AND (CAST(@until AS TEXT) IS NULL OR m.date <= @until) AND (CAST(@teamId AS BIGINT) IS NULL OR m.team_id = @teamId)
        ORDER BY m.date ${filter.descending ? "DESC" : "ASC"}, m.start_time ${filter.descending ? "DESC NULLS LAST" : "ASC NULLS FIRST"}, m.id`,
    )
    .all({ kind: filter.kind ?? null, from: filter.from ?? null, until: filter.until ?? null, teamId: filter.teamId ?? null }) as MeetingRow[];
  return rows.map(toMeeting);
}

/** The next planned meeting from `today` on. */
export function nextMeeting(db: Db, today: string): Meeting | undefined {
  const row = db
    .prepare(`${SELECT_MEETING} WHERE m.status = 'planned' AND m.date >= ? ORDER BY m.date, m.start_time NULLS FIRST, m.id LIMIT 1`)
    .get(today) as MeetingRow | undefined;
  return row && toMeeting(row);
}

/**
 * The most recent meeting that took place: held, or not cancelled and on or before today. A meeting today is both
 * `next` and `last`: during it and on the evening after, the secretary records it under either name.
 */
export function lastMeeting(db: Db, today: string): Meeting | undefined {
  const row = db
    .prepare(
      `${SELECT_MEETING} WHERE m.status = 'held' OR (m.status = 'planned' AND m.date <= ?)
        ORDER BY m.date DESC, m.start_time DESC NULLS LAST, m.id DESC LIMIT 1`,
    )
    .get(today) as MeetingRow | undefined;
  return row && toMeeting(row);
}

/** The meeting of the same kind (and team) before this one, whose minutes this one usually approves. */
export function previousMeeting(db: Db, meeting: Meeting): Meeting | undefined {
  const row = db
    .prepare(
      `${SELECT_MEETING} WHERE m.kind = ? AND m.team IS NOT DISTINCT FROM ? AND m.status = 'held' AND (m.date < ? OR (m.date = ? AND m.id < ?))
        ORDER BY m.date DESC, m.id DESC LIMIT 1`,
    )
    .get(meeting.kind, meeting.team, meeting.date, meeting.date, meeting.id) as MeetingRow | undefined;
  return row && toMeeting(row);
}

/** The next meeting of the same kind after this one, for "next meeting" in the minutes. */
export function followingMeeting(db: Db, meeting: Meeting): Meeting | undefined {
  const row = db
    .prepare(
      `${SELECT_MEETING} WHERE m.kind = ? AND m.team IS NOT DISTINCT FROM ? AND m.status <> 'cancelled' AND (m.date > ? OR (m.date = ? AND m.id > ?))
        ORDER BY m.date, m.id LIMIT 1`,
    )
    .get(meeting.kind, meeting.team, meeting.date, meeting.date, meeting.id) as MeetingRow | undefined;
  return row && toMeeting(row);
}

export function meetingsOn(db: Db, date: string): Meeting[] {
  return (db.prepare(`${SELECT_MEETING} WHERE m.date = ? ORDER BY m.start_time NULLS FIRST, m.id`).all(date) as MeetingRow[]).map(toMeeting);
}

/** Minutes that this meeting approved. */
export function approvedAt(db: Db, meetingId: number): Meeting[] {
  return (db.prepare(`${SELECT_MEETING} WHERE m.approved_by_id = ? ORDER BY m.date`).all(meetingId) as MeetingRow[]).map(toMeeting);
}

export function setMeetingState(db: Db, id: number, status: Meeting["status"], minutes: Meeting["minutes"]): void {
  db.prepare("UPDATE meetings SET status = ?, minutes = ? WHERE id = ?").run(status, minutes, id);
}

export function approveMinutes(db: Db, id: number, byId: number, note: string | null, hash: string, withoutQuorum: boolean): void {
  db.prepare(
    "UPDATE meetings SET minutes = 'approved', approved_by_id = ?, approval_note = ?, minutes_hash = ?, approved_without_quorum = ? WHERE id = ?",
  ).run(byId, note, hash, withoutQuorum ? 1 : 0, id);
}

// ---- agenda

interface ItemRow {
  id: number;
  position: number;
  title: string;
  type: ItemType;
  presenter_id: number | null;
  presenter: string | null;
  duration_minutes: number | null;
}

export function listItems(db: Db, meetingId: number): AgendaItem[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.position, i.title, i.type, i.presenter_id, p.name AS presenter, i.duration_minutes
         FROM agenda_items i LEFT JOIN people p ON p.id = i.presenter_id
        WHERE i.meeting_id = ? ORDER BY i.position`,
    )
    .all(meetingId) as ItemRow[];
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    type: r.type,
    presenter: r.presenter,
    presenterId: r.presenter_id,
    duration: r.duration_minutes,
  }));
}

export function insertItem(db: Db, meetingId: number, item: Omit<AgendaItem, "id" | "presenter">): number {
  const result = db
    .prepare("INSERT INTO agenda_items (meeting_id, position, title, type, presenter_id, duration_minutes) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
    .pluck().get(meetingId, item.position, item.title, item.type, item.presenterId, item.duration);
  return Number(result);
}

export function setItemPosition(db: Db, itemId: number, position: number): void {
  db.prepare("UPDATE agenda_items SET position = ? WHERE id = ?").run(position, itemId);
}

export function deleteItem(db: Db, itemId: number): void {
  db.prepare("DELETE FROM agenda_items WHERE id = ?").run(itemId);
}

/** What hangs on an agenda item: how many notes, tasks, votes and elections (an item with any cannot go). */
export function itemRecords(db: Db, itemId: number): { notes: number; tasks: number; votes: number; elections: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM item_notes WHERE item_id = @id) AS notes, (SELECT count(*) FROM tasks WHERE item_id = @id) AS tasks,
              (SELECT count(*) FROM votes WHERE item_id = @id) AS votes, (SELECT count(*) FROM elections WHERE item_id = @id) AS elections`,
    )
    .get({ id: itemId }) as { notes: number; tasks: number; votes: number; elections: number };
}

export function renameItem(db: Db, itemId: number, title: string): void {
  db.prepare("UPDATE agenda_items SET title = ? WHERE id = ?").run(title, itemId);
}

// ---- notes

export function insertNote(db: Db, itemId: number, text: string): number {
  return Number(db.prepare("INSERT INTO item_notes (item_id, text, created_at) VALUES (?, ?, ?) RETURNING id").pluck().get(itemId, text, new Date().toISOString()));
}

export function notesOfMeeting(db: Db, meetingId: number): Array<{ id: number; itemId: number; text: string }> {
  return db
    .prepare(
      `SELECT n.id, n.item_id AS "itemId", n.text FROM item_notes n JOIN agenda_items i ON i.id = n.item_id
        WHERE i.meeting_id = ? ORDER BY i.position, n.id`,
    )
    .all(meetingId) as Array<{ id: number; itemId: number; text: string }>;
}

export function updateNote(db: Db, noteId: number, text: string): void {
  db.prepare("UPDATE item_notes SET text = ? WHERE id = ?").run(text, noteId);
}

export function deleteNote(db: Db, noteId: number): void {
  db.prepare("DELETE FROM item_notes WHERE id = ?").run(noteId);
}

export function updateAttendanceGroup(db: Db, id: number, groupId: number): void {
  db.prepare("UPDATE attendance SET group_id = ? WHERE id = ?").run(groupId, id);
}

/** Whether a group cast a roll-call vote at a meeting (its presence then carries that vote). */
export function groupVotedAt(db: Db, meetingId: number, groupId: number): boolean {
  return (
    db
      .prepare("SELECT 1 FROM vote_casts c JOIN votes v ON v.id = c.vote_id WHERE v.meeting_id = ? AND c.group_id = ? LIMIT 1")
      .get(meetingId, groupId) !== undefined
  );
}

// ---- attendance

export interface AttendanceRow {
  id: number;
  status: "present" | "guest" | "excused";
  personId: number | null;
  person: string | null;
  groupId: number | null;
  group: string | null;
  guestName: string | null;
}

export function listAttendance(db: Db, meetingId: number): AttendanceRow[] {
  return db
    .prepare(
      `SELECT a.id, a.status, a.person_id AS "personId", p.name AS person, a.group_id AS "groupId", g.name AS "group", a.guest_name AS "guestName"
         FROM attendance a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN groups g ON g.id = a.group_id
        WHERE a.meeting_id = ? ORDER BY g.name NULLS FIRST, p.name NULLS FIRST, a.guest_name NULLS FIRST`,
    )
    .all(meetingId) as AttendanceRow[];
}

export function insertAttendance(
  db: Db,
  meetingId: number,
  status: AttendanceRow["status"],
  personId: number | null,
  groupId: number | null,
  guestName: string | null,
): number {
  return Number(
    db
      .prepare("INSERT INTO attendance (meeting_id, status, person_id, group_id, guest_name) VALUES (?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(meetingId, status, personId, groupId, guestName),
  );
}

export function deleteAttendance(db: Db, id: number): void {
  db.prepare("DELETE FROM attendance WHERE id = ?").run(id);
}

// ---- amendments

export interface Amendment {
  id: number;
  text: string;
  author: string;
  date: string;
}

/** An amendment's seal: chained to the one before it, the first to the approved minutes' fingerprint. */
export function amendmentSeal(previous: string, a: { id: number; meetingId: number; text: string; author: string; date: string }): string {
  return sha256(`${previous}\n${JSON.stringify([a.id, a.meetingId, a.text, a.author, a.date])}`);
}

/** The link an amendment of these minutes continues: the newest seal, or the fingerprint of the approved minutes. */
function lastSeal(db: Db, meetingId: number): string {
  return (
    (db
      .prepare(
        `SELECT coalesce((SELECT seal FROM minutes_amendments WHERE meeting_id = @m ORDER BY id DESC LIMIT 1),
                         (SELECT fingerprint FROM approved_minutes WHERE meeting_id = @m), '')`,
      )
      .pluck()
      .get({ m: meetingId }) as string) ?? ""
  );
}

export function insertAmendment(db: Db, meetingId: number, text: string, author: string, date: string): number {
  const previous = lastSeal(db, meetingId);
  const id = Number(
    db
      .prepare("INSERT INTO minutes_amendments (meeting_id, text, author, made_on, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(meetingId, text, author, date, new Date().toISOString()),
  );
  db.prepare("UPDATE minutes_amendments SET seal = ? WHERE id = ?").run(amendmentSeal(previous, { id, meetingId, text, author, date }), id);
  return id;
}

export function listAmendments(db: Db, meetingId: number): Amendment[] {
  return db
    .prepare("SELECT id, text, author, made_on AS date FROM minutes_amendments WHERE meeting_id = ? ORDER BY id")
    .all(meetingId) as Amendment[];
}

/** Seals the amendments of minutes again from the first: after the migration that froze them, and after forget. */
export function sealAmendments(db: Db, meetingId: number): void {
  const update = db.prepare("UPDATE minutes_amendments SET seal = ? WHERE id = ?");
  let previous = (db.prepare("SELECT fingerprint FROM approved_minutes WHERE meeting_id = ?").pluck().get(meetingId) as string | undefined) ?? "";
  for (const a of db.prepare(`SELECT id, meeting_id AS "meetingId", text, author, made_on AS date FROM minutes_amendments WHERE meeting_id = ? ORDER BY id`).all(meetingId) as Array<Amendment & { meetingId: number }>) {
    previous = amendmentSeal(previous, a);
    update.run(previous, a.id);
  }
}

/** The first amendment of these minutes whose seal does not follow (changed, inserted, or one before it deleted). */
export function brokenAmendment(db: Db, meetingId: number, fingerprint: string): number | null {
  let previous = fingerprint;
  for (const a of db
    .prepare(`SELECT id, meeting_id AS "meetingId", text, author, made_on AS date, seal FROM minutes_amendments WHERE meeting_id = ? ORDER BY id`)
    .all(meetingId) as Array<Amendment & { meetingId: number; seal: string | null }>) {
    const seal = amendmentSeal(previous, a);
    if (seal !== a.seal) return a.id;
    previous = seal;
  }
  return null;
}

// ---- approved minutes, as approved

export interface FrozenMinutes {
  meetingId: number;
  /** the minutes' report model as JSON, exactly as approved */
  model: string;
  /** SHA-256 of model as stored at approval */
  fingerprint: string;
  frozenAt: string;
}

const SELECT_FROZEN = `SELECT meeting_id AS "meetingId", model, fingerprint, frozen_at AS "frozenAt" FROM approved_minutes`;

export function saveFrozenMinutes(db: Db, meetingId: number, model: string): string {
  const fingerprint = sha256(model);
  db.prepare(
    `INSERT INTO approved_minutes (meeting_id, model, fingerprint, frozen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET model = excluded.model, fingerprint = excluded.fingerprint`,
  ).run(meetingId, model, fingerprint, new Date().toISOString());
  return fingerprint;
}

export function frozenMinutes(db: Db, meetingId: number): FrozenMinutes | undefined {
  return db.prepare(`${SELECT_FROZEN} WHERE meeting_id = ?`).get(meetingId) as FrozenMinutes | undefined;
}

/**
 * `people forget`: an amendment written by the person names them by a stable pseudonym instead; the seals of those
 * minutes' amendments are made again (the forget's audit entry says why). The text of approved minutes stays.
 */
export function eraseAmendmentAuthor(db: Db, pattern: RegExp, pseudonym: string): void {
  if (scrubText(db, "minutes_amendments", "author", pattern, pseudonym) === 0) return;
  for (const meetingId of db.prepare("SELECT DISTINCT meeting_id FROM minutes_amendments").pluck().all() as number[]) sealAmendments(db, meetingId);
}

/** `people forget` in the text of meetings whose minutes are not approved (approved minutes keep theirs). */
export function eraseFromOpenMinutes(db: Db, pattern: RegExp, placeholder: string): void {
  const open = "meeting_id IN (SELECT id FROM meetings WHERE minutes <> 'approved')";
  for (const column of ["title", "place", "approval_note"]) scrubText(db, "meetings", column, pattern, placeholder, "minutes <> 'approved'");
  scrubText(db, "agenda_items", "title", pattern, placeholder, open);
  scrubText(db, "attendance", "guest_name", pattern, placeholder, open);
  scrubText(db, "item_notes", "text", pattern, placeholder, `item_id IN (SELECT id FROM agenda_items WHERE ${open})`);
}

export function allFrozenMinutes(db: Db): FrozenMinutes[] {
  return db.prepare(`${SELECT_FROZEN} ORDER BY meeting_id`).all() as FrozenMinutes[];
}

/**
 * Everything the minutes are made of, as canonical JSON: hashed at approval so that a later check can prove
 * that approved minutes were not changed.
 */
export function minutesSnapshot(db: Db, meetingId: number): string {
  const meeting = db.prepare("SELECT kind, title, date, start_time, end_time, place, team, chair_id, secretary_id, invited_on FROM meetings WHERE id = ?").get(meetingId);
  const items = db.prepare("SELECT id, position, title, type, presenter_id, duration_minutes FROM agenda_items WHERE meeting_id = ? ORDER BY id").all(meetingId);
  const notes = db
    .prepare("SELECT n.id, n.item_id, n.text FROM item_notes n JOIN agenda_items i ON i.id = n.item_id WHERE i.meeting_id = ? ORDER BY n.id")
    .all(meetingId);
  const attendance = db.prepare("SELECT id, status, person_id, group_id, guest_name FROM attendance WHERE meeting_id = ? ORDER BY id").all(meetingId);
  const tasks = db.prepare("SELECT id, title, owner_person_id, owner_group_id, due_on, item_id FROM tasks WHERE meeting_id = ? ORDER BY id").all(meetingId);
  // Decisions are part of the minutes too: a closed vote cannot change, so its rows belong in the hash. The
  // columns are named (in schema 3's order), so that a column added later leaves stored hashes valid.
  const votes = db
    .prepare(
      `SELECT id, meeting_id, item_id, motion, mover_group_id, mover_person_id, mode, majority, base, status, yes_count, no_count,
              abstain_count, result, quorum_rule, quorum_required, quorum_present, quorum_entitled, quorum_met, opened_at, closed_at
         FROM votes WHERE meeting_id = ? ORDER BY id`,
    )
    .all(meetingId);
  const casts = db
    .prepare("SELECT c.vote_id, c.group_id, c.choice FROM vote_casts c JOIN votes v ON v.id = c.vote_id WHERE v.meeting_id = ? ORDER BY c.vote_id, c.group_id")
    .all(meetingId);
  // So are elections and their count; the status is left out, because certifying after approval is the rule.
  const elections = db
    .prepare("SELECT id, item_id, team_id, seats, method, term_months, tally, seed FROM elections WHERE meeting_id = ? ORDER BY id")
    .all(meetingId);
  const candidates = db
    .prepare(
      `SELECT c.election_id, c.person_id, c.nominated_by, c.status FROM candidates c JOIN elections e ON e.id = c.election_id
        WHERE e.meeting_id = ? ORDER BY c.election_id, c.id`,
    )
    .all(meetingId);
  return JSON.stringify({ meeting, items, notes, attendance, tasks, votes, casts, elections, candidates });
}

// ---- status and calendar

/** Held meetings whose minutes are still in draft, waiting for approval at a later meeting. */
export function draftMinutes(db: Db): Meeting[] {
  return (db.prepare(`${SELECT_MEETING} WHERE m.minutes = 'draft' ORDER BY m.date, m.start_time NULLS FIRST, m.id`).all() as MeetingRow[]).map(toMeeting);
}

export interface CalendarStamp {
  /** when the meeting was created (ISO instant): with the id, what makes its calendar UID */
  created: string;
  /** how often its calendar entry changed (edits, cancellation): the iCalendar SEQUENCE */
  revisions: number;
  /** the last change (ISO instant), from the audit log; the creation time when there is none */
  modified: string;
}

/** What a calendar export needs beyond the meeting itself, for the meetings with these ids. */
export function calendarStamps(db: Db, ids: number[]): Map<number, CalendarStamp> {
  const select = db.prepare(
    `SELECT m.created_at AS created,
            (SELECT count(*) FROM audit_log a WHERE a.entity = 'meeting' AND a.entity_id = m.id AND a.action IN ('edit', 'cancel')) AS revisions,
            (SELECT max(a.at) FROM audit_log a WHERE a.entity = 'meeting' AND a.entity_id = m.id) AS modified
       FROM meetings m WHERE m.id = ?`,
  );
  const stamps = new Map<number, CalendarStamp>();
  for (const id of ids) {
    const row = select.get(id) as { created: string; revisions: number; modified: string | null } | undefined;
    // An audit entry's time is taken when its write began, which may be before the row's own creation time.
    if (row) stamps.set(id, { created: row.created, revisions: row.revisions, modified: row.modified !== null && row.modified > row.created ? row.modified : row.created });
  }
  return stamps;
}

/** Meetings with approved minutes and the hash stored at approval (for `check`). */
/**
 * Groups recorded as present at a meeting on a day they were no member (joined later, or had left): `meetings
 * attend` refuses that; files from before the rule, or edited outside plattform, may hold such rows.
 */
export function presentWhileNoMember(db: Db): Array<{ meeting: number; date: string; group: string }> {
  return db
    .prepare(
      `SELECT DISTINCT a.meeting_id AS meeting, m.date, g.name AS "group"
         FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN groups g ON g.id = a.group_id
        WHERE a.status = 'present' AND (g.joined_on > m.date OR (g.left_on IS NOT NULL AND g.left_on <= m.date))
        ORDER BY m.date, a.meeting_id, g.name`,
    )
    .all() as Array<{ meeting: number; date: string; group: string }>;
}

export function approvedMinutesHashes(db: Db): Array<{ id: number; date: string; hash: string | null }> {
  return db
    .prepare("SELECT id, date, minutes_hash AS hash FROM meetings WHERE minutes = 'approved' ORDER BY date, id")
    .all() as Array<{ id: number; date: string; hash: string | null }>;
}

/** Meetings dated after `today` that already have people recorded as present (or guests), or are closed as held. */
export function recordedAhead(db: Db, today: string): Array<{ meeting: number; date: string; what: "attendance" | "held" }> {
  return db
    .prepare(
      `SELECT m.id AS meeting, m.date, 'attendance' AS what FROM meetings m
        WHERE m.date > @today AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id AND a.status IN ('present', 'guest'))
       UNION ALL
       SELECT m.id, m.date, 'held' FROM meetings m WHERE m.date > @today AND m.status = 'held'
       ORDER BY 2, 1, 3`,
    )
    .all({ today }) as Array<{ meeting: number; date: string; what: "attendance" | "held" }>;
}

/** Approved minutes whose approving meeting is still ahead of `today` (for `check`). */
export function approvedAhead(db: Db, today: string): Array<{ meeting: number; date: string; at: number; atDate: string }> {
  return db
    .prepare(
      `SELECT m.id AS meeting, m.date, a.id AS at, a.date AS "atDate"
         FROM meetings m JOIN meetings a ON a.id = m.approved_by_id
        WHERE m.minutes = 'approved' AND a.date > ? ORDER BY m.date, m.id`,
    )
    .all(today) as Array<{ meeting: number; date: string; at: number; atDate: string }>;
}
