import { scrubText, type Db } from "../core/db.js";

export interface Task {
  id: number;
  title: string;
  owner: string;
  ownerKind: "person" | "group";
  ownerId: number;
  due: string | null;
  meeting: number | null;
  item: number | null; // the agenda item's position in its meeting
  status: "open" | "done";
  done: string | null;
}

interface TaskRow {
  id: number;
  title: string;
  owner_person_id: number | null;
  owner_group_id: number | null;
  person: string | null;
  group_name: string | null;
  due_on: string | null;
  meeting_id: number | null;
  position: number | null;
  status: "open" | "done";
  done_on: string | null;
}

const SELECT_TASK = `
  SELECT t.id, t.title, t.owner_person_id, t.owner_group_id, p.name AS person, g.name AS group_name,
         t.due_on, t.meeting_id, i.position, t.status, t.done_on
    FROM tasks t
    LEFT JOIN people p ON p.id = t.owner_person_id
    LEFT JOIN groups g ON g.id = t.owner_group_id
    LEFT JOIN agenda_items i ON i.id = t.item_id`;

function toTask(row: TaskRow, forgottenLabel: string): Task {
  const isPerson = row.owner_person_id !== null;
  return {
    id: row.id,
    title: row.title,
    owner: isPerson ? (row.person ?? `${forgottenLabel} #${row.owner_person_id}`) : row.group_name!,
    ownerKind: isPerson ? "person" : "group",
    ownerId: (isPerson ? row.owner_person_id : row.owner_group_id)!,
    due: row.due_on,
    meeting: row.meeting_id,
    item: row.position,
    status: row.status,
    done: row.done_on,
  };
}

export interface NewTask {
  title: string;
  ownerPersonId: number | null;
  ownerGroupId: number | null;
  due: string | null;
  meetingId: number | null;
  itemId: number | null;
}

export function insertTask(db: Db, task: NewTask): number {
  return Number(
    db
      .prepare("INSERT INTO tasks (title, owner_person_id, owner_group_id, due_on, meeting_id, item_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(task.title, task.ownerPersonId, task.ownerGroupId, task.due, task.meetingId, task.itemId, new Date().toISOString()),
  );
}

export function getTask(db: Db, id: number, forgottenLabel: string): Task | undefined {
  const row = db.prepare(`${SELECT_TASK} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  return row && toTask(row, forgottenLabel);
}

export interface TaskFilter {
  status?: "open" | "done";
  dueBefore?: string; // overdue: open and due before this date
  dueUntil?: string; // due on or before this date
  ownerPersonId?: number;
  ownerGroupId?: number;
  meetingId?: number;
}

export function listTasks(db: Db, filter: TaskFilter, forgottenLabel: string): Task[] {
  // Only the filters given go into the WHERE clause: "(@x IS NULL OR …)" would keep SQLite from using the
  // indexes (open tasks, a meeting's tasks) and scan every task the platform ever had.
  const where = [
    filter.status !== undefined && "t.status = @status",
    filter.dueBefore !== undefined && "t.due_on IS NOT NULL AND t.due_on < @dueBefore",
    filter.dueUntil !== undefined && "t.due_on IS NOT NULL AND t.due_on <= @dueUntil",
    filter.ownerPersonId !== undefined && "t.owner_person_id = @person",
    filter.ownerGroupId !== undefined && "t.owner_group_id = @group",
    filter.meetingId !== undefined && "t.meeting_id = @meeting",
  ].filter((c): c is string => c !== false);
  const rows = db
    .prepare(
      `${SELECT_TASK}
        ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY t.due_on IS NULL, t.due_on, t.id`,
    )
    .all({
      status: filter.status ?? null,
      dueBefore: filter.dueBefore ?? null,
      dueUntil: filter.dueUntil ?? null,
      person: filter.ownerPersonId ?? null,
      group: filter.ownerGroupId ?? null,
      meeting: filter.meetingId ?? null,
    }) as TaskRow[];
  return rows.map((r) => toTask(r, forgottenLabel));
}

export function markDone(db: Db, id: number, date: string): void {
  db.prepare("UPDATE tasks SET status = 'done', done_on = ? WHERE id = ?").run(date, id);
}

export function updateTask(db: Db, id: number, fields: { title: string; ownerPersonId: number | null; ownerGroupId: number | null; due: string | null }): void {
  db.prepare("UPDATE tasks SET title = ?, owner_person_id = ?, owner_group_id = ?, due_on = ? WHERE id = ?").run(
    fields.title,
    fields.ownerPersonId,
    fields.ownerGroupId,
    fields.due,
    id,
  );
}

export function markOpen(db: Db, id: number): void {
  db.prepare("UPDATE tasks SET status = 'open', done_on = NULL WHERE id = ?").run(id);
}

export function deleteTask(db: Db, id: number): void {
  db.prepare("DELETE FROM tasks WHERE id = ?").run(id);
}

export function countTasks(db: Db, today: string): { open: number; overdue: number } {
  return db
    .prepare("SELECT count(*) AS open, count(*) FILTER (WHERE due_on IS NOT NULL AND due_on < ?) AS overdue FROM tasks WHERE status = 'open'")
    .get(today) as { open: number; overdue: number };
}

/** `people forget` in task titles, except those of tasks recorded in approved minutes (the locked record). */
export function eraseFromTasks(db: Db, pattern: RegExp, placeholder: string): void {
  scrubText(db, "tasks", "title", pattern, placeholder, "meeting_id IS NULL OR meeting_id IN (SELECT id FROM meetings WHERE minutes <> 'approved')");
}
