import type { NameCandidate } from "../core/nameMatch.js";
import { type Db, jsonIds, scrubText } from "../core/db.js";
import { nameKey } from "../core/validate.js";
import type { GroupRole, Person, PersonFields, Role } from "./model.js";

interface PersonRow {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  forgotten_at: string | null;
}

interface RoleRow {
  id: number;
  person_id: number;
  group_id: number;
  group_name: string;
  role: Role;
  since: string;
  until: string | null;
}

const PERSON_COLUMNS = "id, name, email, phone, notes, forgotten_at";

function toRole(row: RoleRow): GroupRole {
  return { id: row.id, groupId: row.group_id, group: row.group_name, role: row.role, since: row.since, until: row.until };
}

/**
 * Attaches the roles held today: for a list, with one query for all people rather than one per person; for a
 * few people (a lookup, one row of an import) only theirs, through the index by person.
 */
function withCurrentRoles(db: Db, rows: PersonRow[], today: string, byIds = false): Person[] {
  if (rows.length === 0) return [];
  // A few people, or one batch of a long list: their roles by id; a whole list: all current roles in one pass.
  const few = byIds || rows.length <= 20;
  const current = db
    .prepare(
      `SELECT r.id, r.person_id, r.group_id, g.name AS group_name, r.role, r.since, r.until
         FROM group_roles r JOIN groups g ON g.id = r.group_id
        WHERE ${few ? `r.person_id IN (${jsonIds(db)}) AND ` : ""}r.since <= ? AND (r.until IS NULL OR r.until > ?)
        ORDER BY g.name, r.role`,
    )
    .all(...(few ? [JSON.stringify(rows.map((r) => r.id))] : []), today, today) as RoleRow[];
  const byPerson = new Map<number, RoleRow[]>();
  for (const role of current) {
    const list = byPerson.get(role.person_id) ?? [];
    list.push(role);
    byPerson.set(role.person_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    forgotten: row.forgotten_at !== null,
    groups: (byPerson.get(row.id) ?? []).map((r) => ({ group: r.group_name, role: r.role, since: r.since, until: r.until })),
  }));
}

export interface PeopleFilter {
  groupId?: number;
  role?: Role;
  includeForgotten?: boolean;
}

export function listPeople(db: Db, today: string, filter: PeopleFilter = {}): Person[] {
  return [...iteratePeople(db, today, filter)];
}

/** listPeople a batch at a time: a long list (200,000 people) is never held whole. */
export function* iteratePeople(db: Db, today: string, filter: PeopleFilter = {}): Generator<Person> {
  const rows = db
    .prepare(
      `SELECT ${PERSON_COLUMNS} FROM people p
        WHERE (? = 1 OR p.forgotten_at IS NULL)
          AND (CAST(? AS BIGINT) IS NULL AND CAST(? AS TEXT) IS NULL OR EXISTS (
                SELECT 1 FROM group_roles r
                 WHERE r.person_id = p.id AND r.since <= ? AND (r.until IS NULL OR r.until > ?)
                   AND (CAST(? AS BIGINT) IS NULL OR r.group_id = ?) AND (CAST(? AS TEXT) IS NULL OR r.role = ?)))
        ORDER BY p.name COLLATE NOCASE NULLS FIRST, p.id`,
    )
    .iterate(
      filter.includeForgotten ? 1 : 0,
      filter.groupId ?? null,
      filter.role ?? null,
      today,
      today,
      filter.groupId ?? null,
      filter.groupId ?? null,
      filter.role ?? null,
      filter.role ?? null,
    ) as IterableIterator<PersonRow>;
  let batch: PersonRow[] = [];
  let batches = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 500) {
      yield* withCurrentRoles(db, batch, today, true);
      batch = [];
      batches++;
    }
  }
  // A list that fits one batch reads the roles as before; the last batch of a long one by its ids.
  if (batch.length > 0) yield* withCurrentRoles(db, batch, today, batches > 0);
}

export function getPerson(db: Db, id: number, today: string): Person | undefined {
  const row = db.prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`).get(id) as PersonRow | undefined;
  return row && withCurrentRoles(db, [row], today)[0];
}

/** People a user may mean by `ref`: the id or the name (case-insensitive). */
export function findPeople(db: Db, ref: string, today: string): Person[] {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  const rows = db
    .prepare(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ? OR name_key = ? ORDER BY id`)
    .all(byId, nameKey(trimmed)) as PersonRow[];
  return withCurrentRoles(db, rows, today);
}

/** Every named person's id and name: what a name that matched nothing exactly is compared with. */
export function personNames(db: Db): NameCandidate[] {
  return db.prepare("SELECT id, name FROM people WHERE name IS NOT NULL ORDER BY id").all() as NameCandidate[];
}

export function personIdByName(db: Db, name: string): number | undefined {
  const row = db.prepare("SELECT id FROM people WHERE name_key = ?").get(nameKey(name)) as { id: number } | undefined;
  return row?.id;
}

export function insertPerson(db: Db, fields: PersonFields): number {
  const result = db
    .prepare("INSERT INTO people (name, name_key, email, phone, notes, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
    .pluck().get(fields.name, fields.name === null ? null : nameKey(fields.name), fields.email, fields.phone, fields.notes, new Date().toISOString());
  return Number(result);
}

export function updatePerson(db: Db, id: number, fields: PersonFields): void {
  db.prepare("UPDATE people SET name = ?, name_key = ?, email = ?, phone = ?, notes = ? WHERE id = ?").run(
    fields.name,
    fields.name === null ? null : nameKey(fields.name),
    fields.email,
    fields.phone,
    fields.notes,
    id,
  );
}

/** Every role the person has held, past and present. */
export function rolesOfPerson(db: Db, personId: number): GroupRole[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.person_id, r.group_id, g.name AS group_name, r.role, r.since, r.until
         FROM group_roles r JOIN groups g ON g.id = r.group_id
        WHERE r.person_id = ? ORDER BY r.since, g.name, r.id`,
    )
    .all(personId) as RoleRow[];
  return rows.map(toRole);
}

export interface GroupPerson {
  personId: number;
  name: string | null;
  role: Role;
  since: string;
  until: string | null;
}

/** Everyone who has acted for a group, past and present, for `groups show`. */
export function peopleOfGroup(db: Db, groupId: number): GroupPerson[] {
  return db
    .prepare(
      `SELECT p.id AS "personId", p.name, r.role, r.since, r.until
         FROM group_roles r JOIN people p ON p.id = r.person_id
        WHERE r.group_id = ?
        ORDER BY r.until IS NOT NULL, CASE r.role WHEN 'representative' THEN 0 WHEN 'key-person' THEN 1 ELSE 2 END, p.name COLLATE NOCASE NULLS FIRST`,
    )
    .all(groupId) as GroupPerson[];
}

export function insertRole(db: Db, personId: number, groupId: number, role: Role, since: string): number {
  const result = db
    .prepare("INSERT INTO group_roles (person_id, group_id, role, since) VALUES (?, ?, ?, ?) RETURNING id")
    .pluck().get(personId, groupId, role, since);
  return Number(result);
}

export function endRole(db: Db, roleId: number, until: string): void {
  db.prepare("UPDATE group_roles SET until = ? WHERE id = ?").run(until, roleId);
}

/** Groups that are members today but have nobody representing them: the organizer's first follow-up. */
export function groupsWithoutRepresentative(db: Db, today: string): string[] {
  const rows = db
    .prepare(
      `SELECT g.name FROM groups g
        WHERE (g.left_on IS NULL OR g.left_on > ?)
          AND NOT EXISTS (SELECT 1 FROM group_roles r
                           WHERE r.group_id = g.id AND r.role = 'representative'
                             AND r.since <= ? AND (r.until IS NULL OR r.until > ?))
        ORDER BY g.name`,
    )
    .all(today, today, today) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

export function countPeople(db: Db): { total: number; forgotten: number } {
  const row = db
    .prepare("SELECT count(*) AS total, count(*) FILTER (WHERE forgotten_at IS NOT NULL) AS forgotten FROM people")
    .get() as { total: number; forgotten: number };
  return row;
}

/** Every name, e-mail, phone and notes text the person has had, as recorded by the audit log. */
export function formerPersonalData(db: Db, id: number): string[] {
  const rows = db
    .prepare("SELECT changes FROM audit_log WHERE entity = 'person' AND entity_id = ? AND changes IS NOT NULL")
    .pluck()
    .all(id) as string[];
  const values: string[] = [];
  for (const text of rows) {
    let changes: Record<string, unknown>;
    try {
      changes = JSON.parse(text) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const key of ["name", "email", "phone", "notes"]) {
      const value = changes[key];
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string" && v !== "") values.push(v);
    }
  }
  return values;
}

/**
 * Erases a person's personal data everywhere: their row, and every mention in the audit log
 * (entries about them lose their details; their name, e-mail and phone are blanked out of all others).
 */
export function forgetPerson(db: Db, id: number, secrets: string[], at: string, placeholder: string): void {
  db.prepare("UPDATE people SET name = NULL, name_key = NULL, email = NULL, phone = NULL, notes = NULL, forgotten_at = ? WHERE id = ?").run(at, id);
  db.prepare("UPDATE audit_log SET changes = NULL WHERE entity = 'person' AND entity_id = ?").run(id);
  // Forgetting is rare, so a pass over the whole log is affordable.
  const pattern = personalDataPattern(secrets);
  const rows = db.prepare("SELECT id, command, changes FROM audit_log").all() as Array<{ id: number; command: string; changes: string | null }>;
  const update = db.prepare("UPDATE audit_log SET command = ?, changes = ? WHERE id = ?");
  for (const row of rows) {
    const command = row.command.replace(pattern, placeholder);
    const changes = row.changes === null ? null : row.changes.replace(pattern, placeholder);
    if (command !== row.command || changes !== row.changes) update.run(command, changes, row.id);
  }
  // Who acted (`--as`): a stable pseudonym, so that the log still shows which entries one person made.
  scrubText(db, "audit_log", "actor", pattern, `${placeholder} #${id}`);
}

/**
 * Matches any of `secrets` as whole words, in any letter case, also as JSON-escaped text (the audit log stores
 * JSON). Longest first, so that a name inside an e-mail address does not leave the rest of the address behind;
 * whole words, so that forgetting "Ali" does not blank the "Ali" in "Alina".
 */
export function personalDataPattern(secrets: string[]): RegExp {
  // Each secret as typed, in both Unicode normal forms, and as JSON writes it (the audit log's escapes).
  const forms = secrets.flatMap((secret) => [secret, secret.normalize("NFC"), secret.normalize("NFD")]);
  const spellings = [...new Set(forms.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))];
  spellings.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.map(caseFoldingPattern).join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches `text` in any letter case, including the Turkish i forms that Unicode case folding keeps apart. */
function caseFoldingPattern(text: string): string {
  let pattern = "";
  for (const ch of text) {
    if ("iIİı".includes(ch)) {
      pattern += "(?:[iIİı]\u0307?)";
      continue;
    }
    const variants = [...new Set([ch, ch.toLowerCase(), ch.toUpperCase()])].filter((v) => [...v].length === 1);
    pattern += variants.length === 1 ? escapeRegExp(ch) : `[${variants.map(escapeRegExp).join("")}]`;
  }
  return pattern;
}
