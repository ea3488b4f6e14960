// Schema-level SQL of the maintenance commands (check, backup, restore, personal-data export): pragmas and
// sqlite_schema, the same for every table. The areas' own invariants query their stores (contributes.ts).
import { isServer, migrate, openSqlite, type Db } from "../core/db.js";
import { MIGRATIONS } from "../migrations/index.js";

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

/** The platform's tables by name; a server's schema_version (its counterpart of SQLite's user_version) is not one. */
export function tables(db: Db): string[] {
  if (isServer(db))
    return db.prepare("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_version' ORDER BY tablename").pluck().all() as string[];
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

export function foreignKeys(db: Db, table: string): ForeignKey[] {
  if (isServer(db))
    // SQLite lists a table's keys last-declared first; the same order here (the export's fields follow it).
    return db
      .prepare(
        `SELECT p.relname AS "table", a.attname AS "from", b.attname AS "to"
         FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND c.conrelid = to_regclass(CAST(? AS TEXT)) ORDER BY a.attnum DESC`,
      )
      .all(quote(table)) as ForeignKey[];
  return db.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)").all(table) as ForeignKey[];
}

export function columns(db: Db, table: string): string[] {
  if (isServer(db))
    return db
      .prepare("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")
      .pluck()
      .all(table) as string[];
  return db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(table) as string[];
}

/**
 * Every row of `table` whose `column` is `value` (table and column come from the schema, never from input), in
 * the order of their ids where the table has them (a server keeps no order of its own).
 */
export function rowsWhere(db: Db, table: string, column: string, value: unknown): Array<Record<string, unknown>> {
  const order = columns(db, table).includes("id") ? " ORDER BY id" : "";
  return db.prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ?${order}`).all(value) as Array<Record<string, unknown>>;
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

// ---- a platform's rows, table by table: backup and restore of a server, and `plattform copy`

/** Every row of `table`, by its first column (the id, where it has one: a row that refers to its own table follows its parent). */
export function allRows(db: Db, table: string): Array<Record<string, unknown>> {
  return db.prepare(`SELECT * FROM ${quote(table)} ORDER BY 1`).all() as Array<Record<string, unknown>>;
}

/** Inserts `rows` (as `allRows` read them, from either engine) into `table`, column by column as named. */
export function insertRows(db: Db, table: string, rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0]!);
  const list = names.map(quote).join(", ");
  if (isServer(db)) {
    // One statement per table: the rows as one JSON parameter, typed by the table's own row type.
    db.prepare(`INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, CAST(? AS json))`).run(JSON.stringify(rows));
    return;
  }
  const insert = db.prepare(`INSERT INTO ${quote(table)} (${list}) VALUES (${names.map(() => "?").join(", ")})`);
  for (const row of rows) insert.run(...names.map((name) => row[name]));
}

/**
 * Within the caller's transaction: a file checks foreign keys at commit, so that rows may go in before the rows they
 * refer to (a meeting whose minutes a later meeting approved). A server checks each key at the end of each
 * statement, which is enough for one table's rows inserted by one statement.
 */
export function deferForeignKeys(db: Db): void {
  if (!isServer(db)) db.pragma("defer_foreign_keys = ON");
}

/** Deletes every row of `tables` (children first on a file; a server empties them together). */
export function emptyTables(db: Db, tables: readonly string[]): void {
  if (tables.length === 0) return;
  if (isServer(db)) {
    db.exec(`TRUNCATE ${tables.map(quote).join(", ")}`);
    return;
  }
  for (const table of [...tables].reverse()) db.exec(`DELETE FROM ${quote(table)}`);
}

/** A server's identity columns continue after the highest id copied in (SQLite takes max(rowid) + 1 by itself). */
export function resetIdentities(db: Db): void {
  if (!isServer(db)) return;
  const identities = db
    .prepare("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")
    .all() as Array<{ table_name: string; column_name: string }>;
  for (const { table_name: table, column_name: column } of identities)
    db.prepare(`SELECT setval(pg_get_serial_sequence(?, ?), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`).get(quote(table), column);
}

/**
 * After a whole platform was written at once (copy, restore): on a server, the planner's statistics of its tables
 * (autovacuum would take them later; until then a list could pick a plan a hundred times slower). On a file the
 * query planner needs none.
 */
export function refreshStatistics(db: Db): void {
  if (!isServer(db)) return;
  db.exec(tables(db).map((table) => `ANALYZE ${quote(table)}`).join("; "));
}

/** Whether a platform has been set up in `db` (its settings name it). */
export function hasPlatform(db: Db): boolean {
  return tables(db).includes("settings") && countRows(db, "settings") > 0;
}

// ---- check on a server: its tables and indexes against the schema this program creates

/**
 * A table's definition in words both engines give alike, one line each: its columns (type, NOT NULL, default,
 * identity), primary key, unique keys, foreign keys and the number of its CHECK constraints. A server keeps no
 * CREATE TABLE text to compare, and a dropped UNIQUE or NOT NULL matters as much as a dropped column. (What a
 * CHECK tests is not compared: the server rewrites its expression.)
 */
export function tableShape(db: Db, table: string): string[] {
  return isServer(db) ? serverTableShape(db, table) : fileTableShape(db, table);
}

/** The indexes created beside the tables (not those behind a primary or unique key), by name, in the same words. */
export function indexShapes(db: Db): Map<string, string> {
  return isServer(db) ? serverIndexShapes(db) : fileIndexShapes(db);
}

const column = (name: string, type: string, notNull: boolean, dflt: string | null, identity: boolean) =>
  `column ${name} ${type}${notNull ? " not null" : ""}${dflt === null ? "" : ` default ${dflt}`}${identity ? " identity" : ""}`;
const foreignKey = (from: string, parent: string, to: string, onUpdate: string, onDelete: string) => `foreign key (${from}) references ${parent} (${to}) on update ${onUpdate} on delete ${onDelete}`;
/** A partial index's condition without the spelling either engine adds: casts, parentheses, spaces, case. */
const condition = (where: string | null) => (where === null ? "" : ` where ${where.replace(/::[a-z ]+/gi, "").replace(/[()\s]/g, "").toLowerCase()}`);

function fileTableShape(db: Db, table: string): string[] {
  const cols = db.prepare('SELECT name, type, "notnull" AS "notNull", dflt_value AS dflt, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as Array<{ name: string; type: string; notNull: number; dflt: string | null; pk: number }>;
  const key = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined) ?? "";
  const shape = cols.map((c) =>
    // SQLite's rowid alias `id INTEGER PRIMARY KEY` is an identity column on a server (core/pg/schema.ts).
    column(c.name, c.type.toLowerCase(), c.notNull === 1 || c.pk > 0, c.dflt, c.name === "id" && /[(,]\s*id\s+INTEGER\s+PRIMARY\s+KEY\b/i.test(sql)),
  );
  if (key.length > 0) shape.push(`primary key (${key.map((c) => c.name).join(",")})`);
  const uniques = db.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'").pluck().all(table) as string[];
  const indexColumns = db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno").pluck();
  shape.push(...uniques.map((index) => `unique (${(indexColumns.all(index) as string[]).join(",")})`).sort());
  const keys = db.prepare('SELECT id, "table" AS parent, "from" AS "from", "to" AS "to", on_update AS "onUpdate", on_delete AS "onDelete" FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as Array<{
    id: number;
    parent: string;
    from: string;
    to: string | null;
    onUpdate: string;
    onDelete: string;
  }>;
  const parentKey = (parent: string) => (db.prepare("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk").pluck().all(parent) as string[]).join(",");
  const byId = new Map<number, typeof keys>();
  for (const k of keys) byId.set(k.id, [...(byId.get(k.id) ?? []), k]);
  shape.push(...[...byId.values()].map((ks) => foreignKey(ks.map((k) => k.from).join(","), ks[0]!.parent, ks.some((k) => k.to === null) ? parentKey(ks[0]!.parent) : ks.map((k) => k.to).join(","), ks[0]!.onUpdate, ks[0]!.onDelete)).sort());
  shape.push(`checks ${(sql.match(/\bCHECK\s*\(/gi) ?? []).length}`);
  return shape;
}

function fileIndexShapes(db: Db): Map<string, string> {
  const indexes = db
    .prepare("SELECT i.name, t.name AS \"table\", i.\"unique\" AS \"unique\", s.sql FROM sqlite_schema t JOIN pragma_index_list(t.name) i JOIN sqlite_schema s ON s.name = i.name WHERE t.type = 'table' AND i.origin = 'c' ORDER BY i.name")
    .all() as Array<{ name: string; table: string; unique: number; sql: string }>;
  const indexColumns = db.prepare("SELECT coalesce(name, '?') FROM pragma_index_info(?) ORDER BY seqno").pluck();
  return new Map(
    indexes.map((i) => {
      const where = /\bWHERE\b([\s\S]*)$/i.exec(i.sql)?.[1] ?? null;
      return [i.name, `index on ${i.table} (${(indexColumns.all(i.name) as string[]).join(",")})${i.unique === 1 ? " unique" : ""}${condition(where)}`];
    }),
  );
}

/** A server's types in SQLite's words, as core/pg/schema.ts maps them; any other type keeps its server name. */
const SERVER_TYPES: Record<string, string> = { bigint: "integer", "double precision": "real", bytea: "blob" };
const SERVER_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function serverTableShape(db: Db, table: string): string[] {
  const relation = quote(table);
  const cols = db
    .prepare(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, co.collname AS collation, a.attnotnull AS "notNull",
         pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity <> '' AS identity
       FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = to_regclass(CAST(? AS TEXT)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    )
    .all(relation) as Array<{ name: string; type: string; collation: string | null; notNull: number; dflt: string | null; identity: number }>;
  const shape = cols.map((c) => {
    // Text sorts by its bytes ("C"), as in SQLite; another collation is another definition.
    const type = c.type === "text" ? (c.collation === "C" ? "text" : `text collate ${c.collation}`) : (SERVER_TYPES[c.type] ?? `server ${c.type}`);
    // The server spells a default with its type ('open'::text, '-1'::integer): the value alone, as SQLite keeps it.
    const dflt = c.dflt === null ? null : c.dflt.replace(/::[a-z ]+$/i, "").replace(/^'(-?\d+(?:\.\d+)?)'$/, "$1");
    return column(c.name, type, c.notNull === 1, dflt, c.identity === 1);
  });
  const names = (list: string) => `(SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(${list}) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = `;
  const constraints = db
    .prepare(
      `SELECT c.contype AS type, ${names("c.conkey")}c.conrelid AND a.attnum = k.attnum) AS "columns",
         p.relname AS parent, ${names("c.confkey")}c.confrelid AND a.attnum = k.attnum) AS "parentColumns", c.confupdtype AS "onUpdate", c.confdeltype AS "onDelete"
       FROM pg_constraint c LEFT JOIN pg_class p ON p.oid = c.confrelid WHERE c.conrelid = to_regclass(CAST(? AS TEXT))`,
    )
    .all(relation) as Array<{ type: string; columns: string; parent: string | null; parentColumns: string | null; onUpdate: string; onDelete: string }>;
  const of = (type: string) => constraints.filter((c) => c.type === type);
  shape.push(...of("p").map((c) => `primary key (${c.columns})`));
  shape.push(...of("u").map((c) => `unique (${c.columns})`).sort());
  shape.push(...of("f").map((c) => foreignKey(c.columns, c.parent!, c.parentColumns!, SERVER_ACTIONS[c.onUpdate] ?? c.onUpdate, SERVER_ACTIONS[c.onDelete] ?? c.onDelete)).sort());
  shape.push(`checks ${of("c").length}`);
  // An exclusion constraint or a constraint trigger has no counterpart in SQLite: named, so that it differs.
  shape.push(...constraints.filter((c) => !["p", "u", "f", "c"].includes(c.type)).map((c) => `constraint ${c.type} (${c.columns})`));
  return shape;
}

function serverIndexShapes(db: Db): Map<string, string> {
  const indexes = db
    .prepare(
      `SELECT i.relname AS name, t.relname AS "table", x.indisunique AS "unique", pg_get_expr(x.indpred, x.indrelid) AS "where",
         (SELECT string_agg(coalesce(a.attname, '?'), ',' ORDER BY k.n) FROM unnest(CAST(x.indkey AS int2[])) WITH ORDINALITY AS k(attnum, n)
          LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS "columns"
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relnamespace = to_regnamespace(current_schema())
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
       ORDER BY 1`,
    )
    .all() as Array<{ name: string; table: string; unique: number; where: string | null; columns: string }>;
  return new Map(indexes.map((i) => [i.name, `index on ${i.table} (${i.columns})${i.unique === 1 ? " unique" : ""}${condition(i.where)}`]));
}

/** The tables and indexes this program creates for schema version `version` (its migrations on an empty SQLite database), in tableShape's words. */
const expectedShapes = new Map<number, { tables: Map<string, string[]>; indexes: Map<string, string> }>();
export function expectedShape(version: number): { tables: Map<string, string[]>; indexes: Map<string, string> } {
  let shape = expectedShapes.get(version);
  if (!shape) {
    const scratch = openSqlite(":memory:");
    try {
      migrate(scratch, MIGRATIONS.slice(0, version));
      shape = { tables: new Map(tables(scratch).map((table) => [table, fileTableShape(scratch, table)])), indexes: fileIndexShapes(scratch) };
    } finally {
      scratch.close();
    }
    expectedShapes.set(version, shape);
  }
  return shape;
}

/** Triggers, views, rules and functions in the platform's schema: plattform creates none (an extension's are the administrator's). */
export function serverExtraObjects(db: Db): Array<{ type: string; name: string }> {
  return db
    .prepare(
      `SELECT 'trigger' AS type, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema())
       UNION ALL SELECT 'view', viewname FROM pg_views WHERE schemaname = current_schema()
       UNION ALL SELECT 'rule', rulename FROM pg_rules WHERE schemaname = current_schema()
       UNION ALL SELECT 'function', p.proname FROM pg_proc p WHERE p.pronamespace = to_regnamespace(current_schema())
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       ORDER BY 1, 2`,
    )
    .all() as Array<{ type: string; name: string }>;
}

/** A server's rows whose foreign key names a missing parent (possible only if its constraints were bypassed). */
export function serverForeignKeyProblems(db: Db): Array<{ table: string; rowid: number | null; parent: string }> {
  const found: Array<{ table: string; rowid: number | null; parent: string }> = [];
  for (const table of tables(db)) {
    const id = columns(db, table).includes("id") ? "c.id" : "NULL";
    for (const key of foreignKeys(db, table)) {
      const rows = db
        .prepare(`SELECT ${id} FROM ${quote(table)} c WHERE c.${quote(key.from)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${quote(key.table)} p WHERE p.${quote(key.to ?? "id")} = c.${quote(key.from)})`)
        .pluck()
        .all() as Array<number | null>;
      for (const rowid of rows) found.push({ table, rowid, parent: key.table });
    }
  }
  return found;
}

/** Runs `work` on one consistent snapshot of `db`: a server's repeatable-read transaction, a file's read transaction. */
export function onSnapshot<T>(db: Db, work: () => T): T {
  return db.transaction(() => {
    if (isServer(db)) db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    return work();
  })();
}
