import type { NameCandidate } from "../core/nameMatch.js";
import type { Db } from "../core/db.js";
import { nameKey } from "../core/validate.js";
import { groupStatus, type Group, type GroupFields, type GroupKind } from "./model.js";

interface GroupRow {
  id: number;
  name: string;
  short: string | null;
  kind: string;
  joined_on: string;
  left_on: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  iban: string | null;
}

const COLUMNS = "id, name, short, kind, joined_on, left_on, email, phone, notes, iban";

function toGroup(row: GroupRow, today: string): Group {
  return {
    id: row.id,
    name: row.name,
    short: row.short,
    kind: row.kind as GroupKind,
    joined: row.joined_on,
    left: row.left_on,
    status: groupStatus(row.left_on, today),
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    iban: row.iban,
  };
}

export function listGroups(db: Db, today: string, options: { all?: boolean } = {}): Group[] {
  return [...iterateGroups(db, today, options)];
}

/**
 * listGroups one row at a time, for exports of any length. The connection is busy until the iteration ends:
 * the caller may not query the database in between.
 */
export function* iterateGroups(db: Db, today: string, options: { all?: boolean } = {}): Generator<Group> {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM groups WHERE ? = 1 OR left_on IS NULL OR left_on > ? ORDER BY name`).iterate(options.all ? 1 : 0, today);
  for (const row of rows as IterableIterator<GroupRow>) yield toGroup(row, today);
}

/** The member groups on `date` (joined by then, not yet left), by name: without the groups of past years. */
export function membersOn(db: Db, date: string): Group[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM groups WHERE joined_on <= ? AND (left_on IS NULL OR left_on > ?) ORDER BY name`).all(date, date);
  return (rows as GroupRow[]).map((r) => toGroup(r, date));
}

export function getGroup(db: Db, id: number, today: string): Group | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM groups WHERE id = ?`).get(id) as GroupRow | undefined;
  return row && toGroup(row, today);
}

/** Groups a user may mean by `ref`: its id, its name or its short code (case-insensitive). */
export function findGroups(db: Db, ref: string, today: string): Group[] {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM groups WHERE id = ? OR name_key = ? OR short_key = ? ORDER BY name`)
    .all(byId, nameKey(trimmed), nameKey(trimmed)) as GroupRow[];
  return rows.map((r) => toGroup(r, today));
}

/** Every group's id, name and short code: what a name that matched nothing exactly is compared with. */
export function groupNames(db: Db): NameCandidate[] {
  return db.prepare("SELECT id, name, short FROM groups ORDER BY id").all() as NameCandidate[];
}

export function findByNameOrShort(db: Db, name: string, short: string | null): GroupRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM groups WHERE name_key = ? OR short_key = ?`)
    .all(nameKey(name), short === null ? null : nameKey(short)) as GroupRow[];
}

function keyOrNull(text: string | null): string | null {
  return text === null ? null : nameKey(text);
}

export function insertGroup(db: Db, fields: GroupFields): number {
  const result = db
    .prepare(
      `INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, left_on, email, phone, notes, iban, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck().get(fields.name, nameKey(fields.name), fields.short, keyOrNull(fields.short), fields.kind, fields.joined, fields.left, fields.email, fields.phone, fields.notes, fields.iban, new Date().toISOString());
  return Number(result);
}

export function updateGroup(db: Db, id: number, fields: GroupFields): void {
  db.prepare(
    `UPDATE groups SET name = ?, name_key = ?, short = ?, short_key = ?, kind = ?, joined_on = ?, left_on = ?,
            email = ?, phone = ?, notes = ?, iban = ? WHERE id = ?`,
  ).run(fields.name, nameKey(fields.name), fields.short, keyOrNull(fields.short), fields.kind, fields.joined, fields.left, fields.email, fields.phone, fields.notes, fields.iban, id);
}

export function countGroups(db: Db, today: string): { active: number; left: number } {
  const row = db
    .prepare("SELECT count(*) FILTER (WHERE left_on IS NULL OR left_on > ?) AS active, count(*) FILTER (WHERE left_on IS NOT NULL AND left_on <= ?) AS left FROM groups")
    .get(today, today) as { active: number; left: number };
  return { active: row.active, left: row.left };
}

/** The group whose bank account this is, if any. */
export function groupByIban(db: Db, iban: string): { id: number; name: string } | undefined {
  return db.prepare("SELECT id, name FROM groups WHERE iban = ?").get(iban) as { id: number; name: string } | undefined;
}
