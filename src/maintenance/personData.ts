// Everything stored about one person (DSGVO Art. 15): their row, every row in any table that refers to them,
// and the audit entries about those rows. Tables are found through the schema's foreign keys, so areas added
// later are included without changes here.
import type { Db } from "../core/db.js";
import { auditAbout, auditByActor, auditEntities, type AuditRow } from "../core/auditStore.js";
import { columns, foreignKeys, rowLabelReader, rowsWhere, tables } from "./store.js";

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

/** A readable label for a referenced row: its name, title or date, whichever the table has. */
function labeller(db: Db, table: string, key: string | null): ((id: unknown) => unknown) | undefined {
  const cols = columns(db, table);
  const label = ["name", "title", "date"].filter((c) => cols.includes(c));
  const by = key ?? "id";
  if (label.length === 0 || !cols.includes(by)) return undefined;
  const read = rowLabelReader(db, table, label, by);
  return (id) => (id === null || id === undefined ? null : read(id));
}

/** `group_roles` ↔ `group_role`, `income` ↔ `income`: how audit entries name the rows of a table. */
function entityOf(table: string, entities: Set<string>): string | undefined {
  for (const candidate of [table, table.replace(/s$/, ""), table.replace(/es$/, "")]) if (entities.has(candidate)) return candidate;
  return undefined;
}

export function personData(db: Db, personId: number): PersonData {
  const person = rowsWhere(db, "people", "id", personId)[0]!;
  const records: PersonRecords[] = [];
  const labellers = new Map<string, ((id: unknown) => unknown) | undefined>();
  for (const table of tables(db)) {
    const keys = foreignKeys(db, table);
    for (const key of keys.filter((k) => k.table === "people")) {
      const rows = rowsWhere(db, table, key.from, personId);
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
  const entities = new Set(auditEntities(db));
  const audit: AuditRow[] = [...auditAbout(db, "person", [personId])];
  for (const r of records) {
    const entity = entityOf(r.table, entities);
    const ids = r.rows.map((row) => row.id).filter((id): id is number => typeof id === "number");
    if (entity && entity !== "person") audit.push(...auditAbout(db, entity, ids));
  }
  const unique = [...new Map(audit.map((a) => [a.id, a])).values()].sort((a, b) => a.id - b.id);
  const name = typeof person.name === "string" ? person.name : null;
  const changesMade = name === null ? [] : auditByActor(db, name);
  return { person, records, audit: unique, changesMade };
}
