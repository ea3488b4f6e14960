// Everything stored about one person (DSGVO Art. 15): their row, every row in any table that refers to them,
// and the audit entries about those rows. Tables are found through the schema's foreign keys, so areas added
// later are included without changes here.
import type { Db } from "../core/db.js";
import { auditAbout, toAuditRow, type AuditRow } from "../core/auditStore.js";

export interface PersonRecords {
  table: string;
  /** the column that refers to the person */
  column: string;
  rows: Array<Record<string, unknown>>;
}

export interface PersonData {
  person: Record<string, unknown>;
  records: PersonRecords[];
  /** audit entries about the person and about the rows listed in records */
  audit: AuditRow[];
  /** audit entries of changes made under the person's name */
  changesMade: AuditRow[];
}

interface ForeignKey {
  table: string;
  from: string;
  /** null when the key refers to the primary key */
  to: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function foreignKeys(db: Db, table: string): ForeignKey[] {
  return db.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)").all(table) as ForeignKey[];
}

function columns(db: Db, table: string): string[] {
  return db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(table) as string[];
}

/** A readable label for a referenced row: its name, title or date, whichever the table has. */
function labeller(db: Db, table: string, key: string | null): ((id: unknown) => unknown) | undefined {
  const cols = columns(db, table);
  const label = ["name", "title", "date"].filter((c) => cols.includes(c));
  const by = key ?? "id";
  if (label.length === 0 || !cols.includes(by)) return undefined;
  const statement = db.prepare(`SELECT ${label.length === 1 ? quote(label[0]!) : `coalesce(${label.map(quote).join(", ")})`} FROM ${quote(table)} WHERE ${quote(by)} = ?`).pluck();
  return (id) => (id === null || id === undefined ? null : statement.get(id));
}

/** `group_roles` ↔ `group_role`, `income` ↔ `income`: how audit entries name the rows of a table. */
function entityOf(table: string, entities: Set<string>): string | undefined {
  for (const candidate of [table, table.replace(/s$/, ""), table.replace(/es$/, "")]) if (entities.has(candidate)) return candidate;
  return undefined;
}

export function personData(db: Db, personId: number): PersonData {
  const person = db.prepare("SELECT * FROM people WHERE id = ?").get(personId) as Record<string, unknown>;
  const records: PersonRecords[] = [];
  const labellers = new Map<string, ((id: unknown) => unknown) | undefined>();
  for (const table of tables(db)) {
    const keys = foreignKeys(db, table);
    for (const key of keys.filter((k) => k.table === "people")) {
      const rows = db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(key.from)} = ?`).all(personId) as Array<Record<string, unknown>>;
      if (rows.length === 0) continue;
      // Other references become readable: group_id 3 gets "group": "St. Josef".
      for (const other of keys.filter((k) => k.table !== "people")) {
        const which = `${other.table}.${other.to ?? "id"}`;
        if (!labellers.has(which)) labellers.set(which, labeller(db, other.table, other.to));
        const label = labellers.get(which);
        const field = other.from.replace(/_id$/, "");
        if (!label || field === other.from || field in rows[0]!) continue;
        for (const row of rows) row[field] = label(row[other.from]);
      }
      records.push({ table, column: key.from, rows });
    }
  }
  const entities = new Set(db.prepare("SELECT DISTINCT entity FROM audit_log").pluck().all() as string[]);
  const audit: AuditRow[] = [...auditAbout(db, "person", [personId])];
  for (const r of records) {
    const entity = entityOf(r.table, entities);
    const ids = r.rows.map((row) => row.id).filter((id): id is number => typeof id === "number");
    if (entity && entity !== "person") audit.push(...auditAbout(db, entity, ids));
  }
  const unique = [...new Map(audit.map((a) => [a.id, a])).values()].sort((a, b) => a.id - b.id);
  const name = typeof person.name === "string" ? person.name : null;
  const changesMade =
    name === null
      ? []
      : (
          db
            .prepare("SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log WHERE actor = ? COLLATE NOCASE ORDER BY id")
            .all(name) as Parameters<typeof toAuditRow>[0][]
        ).map(toAuditRow);
  return { person, records, audit: unique, changesMade };
}
