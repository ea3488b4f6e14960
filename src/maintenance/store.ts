// Schema-level SQL of the maintenance commands (check, backup, restore, personal-data export): pragmas and
// sqlite_schema, the same for every table. The areas' own invariants query their stores (contributes.ts).
import type { Db } from "../core/db.js";

export function integrityProblems(db: Db): string[] {
  return db.prepare("PRAGMA integrity_check").pluck().all() as string[];
}

export function foreignKeyProblems(db: Db): Array<{ table: string; rowid: number | null; parent: string }> {
  return db.prepare("PRAGMA foreign_key_check").all() as Array<{ table: string; rowid: number | null; parent: string }>;
}

// The schema walk of the personal-data export (personData.ts): every table that refers to a person.

export interface ForeignKey {
  table: string;
  from: string;
  /** null when the key refers to the primary key */
  to: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function tables(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

export function foreignKeys(db: Db, table: string): ForeignKey[] {
  return db.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)").all(table) as ForeignKey[];
}

export function columns(db: Db, table: string): string[] {
  return db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(table) as string[];
}

/** Every row of `table` whose `column` is `value` (table and column come from the schema, never from input). */
export function rowsWhere(db: Db, table: string, column: string, value: unknown): Array<Record<string, unknown>> {
  return db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ?`).all(value) as Array<Record<string, unknown>>;
}

/** Reads the first non-null of `labels` of the row whose `key` is the given value. */
export function rowLabelReader(db: Db, table: string, labels: string[], key: string): (id: unknown) => unknown {
  const statement = db.prepare(`SELECT ${labels.length === 1 ? quote(labels[0]!) : `coalesce(${labels.map(quote).join(", ")})`} FROM ${quote(table)} WHERE ${quote(key)} = ?`).pluck();
  return (id) => statement.get(id);
}

// What restore reads from a backup before it replaces the data file.

export function countRows(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number;
}

// ---- restore: the backup's content copied into the data file through one connection that holds it alone

/**
 * Replaces everything in `db` with the content of the (already inspected) file `backup`: every table, index,
 * trigger and view of the data file is dropped, the backup's are created and their rows copied, and the schema
 * version taken over; one transaction. Foreign keys are off meanwhile, as the tables come one by one.
 */
export function copyDatabaseFrom(db: Db, backup: string, onPercent?: (percent: number) => void): void {
  db.pragma("foreign_keys = OFF");
  db.prepare("ATTACH DATABASE ? AS source").run(backup);
  try {
    db.transaction(() => {
      const own = db.prepare("SELECT type, name FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND type IN ('view', 'trigger', 'table')").all() as Array<{ type: string; name: string }>;
      for (const o of own.filter((x) => x.type !== "table")) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS main.${quote(o.name)}`);
      for (const o of own.filter((x) => x.type === "table")) db.exec(`DROP TABLE IF EXISTS main.${quote(o.name)}`);
      const theirs = db
        .prepare("SELECT type, name, sql FROM source.sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")
        .all() as Array<{ type: string; name: string; sql: string }>;
      theirs.forEach((o, i) => {
        onPercent?.(Math.floor((100 * i) / theirs.length));
        db.exec(o.sql);
        if (o.type === "table") db.exec(`INSERT INTO main.${quote(o.name)} SELECT * FROM source.${quote(o.name)}`);
      });
      db.pragma(`main.user_version = ${Number(db.pragma("source.user_version", { simple: true }))}`);
    })();
  } finally {
    db.exec("DETACH DATABASE source");
    db.pragma("foreign_keys = ON");
  }
}
