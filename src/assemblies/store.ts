// The SQL of an assembly's turnout (pledged and actual per member group) and of trainings attended.
import type { Db } from "../core/db.js";

export interface Turnout {
  groupId: number;
  group: string;
  short: string | null;
  pledged: number | null;
  actual: number | null;
}

export function turnoutOf(db: Db, meetingId: number): Turnout[] {
  return db
    .prepare(
      `SELECT t.group_id AS groupId, g.name AS "group", g.short, t.pledged, t.actual
         FROM assembly_turnout t JOIN groups g ON g.id = t.group_id
        WHERE t.meeting_id = ? ORDER BY g.name COLLATE NOCASE, g.id`,
    )
    .all(meetingId) as Turnout[];
}

export function turnoutRow(db: Db, meetingId: number, groupId: number): { pledged: number | null; actual: number | null } | undefined {
  return db.prepare("SELECT pledged, actual FROM assembly_turnout WHERE meeting_id = ? AND group_id = ?").get(meetingId, groupId) as
    | { pledged: number | null; actual: number | null }
    | undefined;
}

export function saveTurnout(db: Db, meetingId: number, groupId: number, pledged: number | null, actual: number | null): void {
  db.prepare(
    `INSERT INTO assembly_turnout (meeting_id, group_id, pledged, actual) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id, group_id) DO UPDATE SET pledged = excluded.pledged, actual = excluded.actual`,
  ).run(meetingId, groupId, pledged, actual);
}

export interface TrainingAttended {
  meeting: number;
  date: string;
  title: string | null;
  place: string | null;
  /** present for a group, or as a guest */
  as: "present" | "guest";
  /** the group the person attended for, if any */
  group: string | null;
}

/** The trainings up to `until` that a person attended (present or as a guest), oldest first; cancelled ones do not count. */
export function trainingsOfPerson(db: Db, personId: number, until: string): TrainingAttended[] {
  return db
    .prepare(
      `SELECT m.id AS meeting, m.date, m.title, m.place, max(a.status) AS "as", max(g.name) FILTER (WHERE a.status = 'present') AS "group"
         FROM attendance a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN groups g ON g.id = a.group_id
        WHERE a.person_id = ? AND a.status IN ('present', 'guest') AND m.kind = 'training' AND m.status <> 'cancelled' AND m.date <= ?
        GROUP BY m.id ORDER BY m.date, m.id`,
    )
    .all(personId, until) as TrainingAttended[];
}
