import type BetterSqlite3 from "better-sqlite3";
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MIGRATIONS, type Migration } from "../migrations/index.js";
import { chainAuditLog } from "./auditStore.js";
import { isServerUrl } from "./config.js";
import { isServer } from "./engine.js";

export { isServer, jsonIds } from "./engine.js";
import { CliError, DataFileError } from "./errors.js";
import { pauseAt } from "./testHooks.js";

export type Db = BetterSqlite3.Database;

type ServerModule = typeof import("./pg/pgDb.js");
let server: ServerModule | undefined;

/**
 * The PostgreSQL connection code (core/pg/), loaded before a command opens a platform on a server: a file
 * platform never loads it.
 */
export async function preloadServer(): Promise<void> {
  server ??= await import("./pg/pgDb.js");
}

/**
 * A server platform's counterpart of deleting its data file (the demo, a failed init): every table of the
 * platform's schema dropped, in one transaction.
 */
export function emptyServerPlatform(url: string): void {
  const db = openServer(url);
  try {
    db.transaction(() => {
      const tables = [...tableNames(db)].map((name) => `"${name.replace(/"/g, '""')}"`);
      if (tables.length > 0) db.exec(`DROP TABLE ${tables.join(", ")} CASCADE`);
    })();
  } finally {
    db.close();
  }
}

/** The platform on the server at `url` (a PostgreSQL database): connected, not migrated (see `prepareSchema`). */
function openServer(url: string): Db {
  // A program error, not the user's: main() preloads the server code for a server URL.
  if (!server) throw new Error("preloadServer() must run before a server platform is opened");
  let db: Db;
  try {
    db = new server.PgDb(url, url) as unknown as Db;
  } catch (error) {
    if (error instanceof CliError) throw error; // its service cannot be read (core/pg/service.ts)
    throw new DataFileError("error.serverUnreachable", { path: url, detail: (error as Error).message }, "error.serverUnreachable.hint");
  }
  if (schemaVersion(db) === 0 && hasTables(db)) {
    db.close();
    throw new DataFileError("error.serverNotPlatform", { path: url }, "error.noDataFile.hint");
  }
  return db;
}

let Database: typeof BetterSqlite3 | undefined;

/**
 * better-sqlite3's JavaScript, bundled into a chunk of its own (src/core/sqlite.ts) and loaded before a command
 * opens an existing data file: required from node_modules it cost 8–12 ms of CommonJS loading at every start,
 * bundled about 4 ms. --help, --version and `elections tally --blt` never load it.
 */
export async function preloadSqlite(): Promise<void> {
  Database ??= (await import("./sqlite.js")).Database;
}

/** better-sqlite3: the bundled copy once preloaded, else required as usual (tests, a new file at init). */
function sqlite(): typeof BetterSqlite3 {
  return (Database ??= createRequire(import.meta.url)("better-sqlite3") as typeof BetterSqlite3);
}

let addon: { nativeBinding?: string } | undefined;

/**
 * The compiled addon, loaded once with process.dlopen and handed to better-sqlite3, so that neither the
 * `bindings` package's search of a dozen candidate paths nor a CommonJS require runs at every start; left out
 * (and searched for as usual) when the build put it elsewhere.
 */
function nativeBinding(): { nativeBinding?: string } {
  if (addon === undefined) {
    const file = join(dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")), "build", "Release", "better_sqlite3.node");
    if (existsSync(file)) {
      const module = { exports: {} };
      process.dlopen(module, file);
      // better-sqlite3 takes the loaded addon as well as a path (its documentation); its typings know only paths.
      addon = { nativeBinding: module.exports as unknown as string };
    } else addon = {};
  }
  return addon;
}

/** A connection to any SQLite file (a backup, a file to restore) through the one loaded copy of better-sqlite3. */
export function openSqlite(path: string, options: BetterSqlite3.Options = {}): Db {
  return new (sqlite())(path, { ...options, ...nativeBinding() });
}

const BUSY_TIMEOUT_MS = 5000;

/** Creates an empty data file readable by its owner only. Returns false when the file already exists. */
export function createDataFile(path: string): boolean {
  if (isServerUrl(path) || existsSync(path)) return false; // a server's database is created by its administrator
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, "wx", 0o600));
    chmodSync(path, 0o600); // openSync's mode is filtered by the umask
  } catch {
    throw new DataFileError("error.cannotOpen", { path }, "error.cannotOpen.hint");
  }
  return true;
}

/**
 * Opens a data file with the pragmas every command relies on. It does not migrate: see `prepareSchema`.
 * Any failure to open is a DataFileError (exit 3). With `existing`, a file that holds no platform's schema yet
 * (empty, or SQLite's header alone) is refused untouched: opening it for use would write a header into it.
 */
export function openDataFile(path: string, { existing = false }: { existing?: boolean } = {}): Db {
  if (isServerUrl(path)) return openServer(path);
  if (!existsSync(path)) throw new DataFileError("error.noDataFile", { path }, "error.noDataFile.hint");
  // A file this user may not write: SQLite creates its -wal and -shm with the file's (read-only) permissions, and
  // a -shm left like that breaks every write once the file is writable again. Those it creates are removed at close.
  const leaveNothing = companionsToRemove(path);
  try {
    // Setting up WAL while another process opens or closes the file can be busy without SQLite's busy handler
    // being asked, so the whole opening is retried a few times.
    return leaveNothing(withBusyRetry(() => openOnce(path, existing)));
  } catch (error) {
    throw error instanceof DataFileError ? error : translateOpenError(error, path);
  }
}

/** Whether this user cannot write the file (its permissions say so, which also counts for root). */
export function isReadOnlyFile(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return true;
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Call before opening `path`; pass the connection to what it returns. For a file this user cannot write, the
 * -wal and -shm that opening it creates (with the file's read-only permissions) are removed when it is closed.
 */
export function companionsToRemove(path: string): (db: Db) => Db {
  const created = existsSync(path) && isReadOnlyFile(path) ? ["-wal", "-shm"].map((suffix) => path + suffix).filter((file) => !existsSync(file)) : [];
  return (db) => {
    if (created.length === 0) return db;
    const close = db.close.bind(db);
    db.close = (() => {
      const result = close();
      for (const file of created) rmSync(file, { force: true });
      return result;
    }) as Db["close"];
    return db;
  };
}

/**
 * Opens a platform to read before any command runs (its language, a Tab's names): not migrated, waiting briefly for
 * a lock. A file is not opened readonly: a read-only connection to a WAL file leaves its -wal and -shm files
 * behind, while the last ordinary connection to close removes them. The drivers must be preloaded.
 */
export function openToRead(path: string): Db {
  return isServerUrl(path) ? openDataFile(path) : companionsToRemove(path)(openSqlite(path, { fileMustExist: true, timeout: 200 }));
}

/**
 * Keeps the connection's prepared statements and hands them out again: the stores call db.prepare(sql) on every
 * call, and in a 10,000-row import preparing cost more than running (npm run bench). A statement still being
 * iterated is never shared, and a reused one is reset to whole rows (pluck off).
 */
function reuseStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, BetterSqlite3.Statement>();
  db.prepare = ((sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      if (cached.reader) cached.pluck(false);
      return cached;
    }
    const statement = prepare(sql);
    if (!cached) cache.set(sql, statement);
    return statement;
  }) as unknown as Db["prepare"];
}

function openOnce(path: string, existing: boolean): Db {
  const db = openSqlite(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  reuseStatements(db);
  try {
    // Read-only checks first: another program's database, or a file that holds no platform, must not be touched,
    // not even its header (setting up WAL writes one).
    if (schemaVersion(db) === 0) {
      if (hasTables(db)) throw new DataFileError("error.foreignFile", { path }, "error.noDataFile.hint");
      if (existing) throw new DataFileError("error.notInitialised", { path }, "error.noDataFile.hint");
    }
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = FULL");
    // Erased personal data ('people forget') must not linger in free pages.
    db.pragma("secure_delete = ON");
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

const BUSY_ATTEMPTS = 6;

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * Runs `work` again when SQLite reports the file busy, after a short, growing, jittered pause: the busy timeout
 * covers waiting for a lock, but not every busy case (WAL recovery, a checkpoint at another process's close).
 * `work` must be safe to repeat; `mayRetry` says whether it still is (e.g. a transaction that has not begun its work).
 */
export function withBusyRetry<T>(work: () => T, mayRetry: () => boolean = () => true): T {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    try {
      return work();
    } catch (error) {
      // An attempt that already sat out the busy timeout met a real lock holder: waiting again would only
      // multiply the wait. Only the quick failures that bypass the busy handler are worth another try.
      const waitedOutTimeout = Date.now() - started >= BUSY_TIMEOUT_MS / 2;
      if (!isBusy(error) || waitedOutTimeout || attempt >= BUSY_ATTEMPTS || !mayRetry()) throw error;
      sleepMs(Math.min(800, 25 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

export function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function translateOpenError(error: unknown, path: string): Error {
  const code = (error as { code?: string }).code ?? "";
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return new DataFileError("error.locked", { path }, "error.locked.hint");
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
    return new DataFileError("error.corruptDataFile", { path }, "error.corruptDataFile.hint");
  if (code === "SQLITE_CANTOPEN" || code === "SQLITE_READONLY" || code === "SQLITE_PERM")
    return new DataFileError("error.cannotOpen", { path }, "error.cannotOpen.hint");
  return error as Error;
}

export function schemaVersion(db: Db): number {
  if (isServer(db)) {
    if (db.prepare("SELECT to_regclass('schema_version') IS NULL").pluck().get() === 1) return 0;
    return (db.prepare("SELECT max(version) FROM schema_version").pluck().get() as number | null) ?? 0;
  }
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Whether init has written the platform's settings. Always so for a file (init creates it, and removes it when it
 * fails); a server database may have been migrated without one.
 */
export function holdsPlatform(db: Db): boolean {
  return !isServer(db) || db.prepare("SELECT 1 FROM settings WHERE key = 'name'").get() !== undefined;
}

function hasTables(db: Db): boolean {
  return tableNames(db).size > 0;
}

/**
 * Checks that the file is a plattform data file this program can use, migrating an older one.
 * Before an existing file is migrated, a backup copy is written beside it.
 */
export function prepareSchema(db: Db, path: string, migrations: ReadonlyArray<string | Migration> = MIGRATIONS): void {
  const version = schemaVersion(db);
  if (version > migrations.length)
    throw new DataFileError("error.newerSchema", { path, version, known: migrations.length }, "error.newerSchema.hint");
  if (version === 0)
    throw new DataFileError(hasTables(db) ? "error.foreignFile" : "error.notInitialised", { path }, "error.noDataFile.hint");
  if (version < migrations.length) {
    // A server's backups are its administrator's (pg_dump, WAL archives); a file gets its copy here.
    if (!isServer(db)) backupBeforeMigration(db, path, version);
    migrate(db, migrations);
  }
}

/** The data steps of migrations: the audit chain is core's own, an area's step is provided when it may be needed. */
const dataSteps = new Map<string, (db: Db) => void>([["chain-audit", chainAuditLog]]);

/** Makes a migration's data step available (see `mayNeedDataSteps` for when to load one). */
export function provideDataStep(name: string, run: (db: Db) => void): void {
  dataSteps.set(name, run);
}

function runSteps(db: Db, migration: string | Migration): void {
  if (typeof migration === "string") return;
  for (const step of migration.steps) {
    if (step.when !== undefined && db.prepare(step.when).pluck().get() !== 1) continue;
    const run = dataSteps.get(step.name);
    // A program error, not the user's: the caller should have provided the step (mayNeedDataSteps).
    if (!run) throw new Error(`migration step "${step.name}" was not provided`);
    run(db);
  }
}

const sqlOf = (migration: string | Migration) => (typeof migration === "string" ? migration : migration.sql);
const hasSteps = (migration: string | Migration) => typeof migration !== "string" && migration.steps.length > 0;

/**
 * Whether opening the file at `path` may migrate it: true unless its header already shows the current schema.
 * SQLite keeps user_version at byte 60 of the file; a newer value still waiting in the WAL only makes this
 * answer true once too often.
 */
export function mayNeedDataSteps(path: string, migrations: ReadonlyArray<string | Migration> = MIGRATIONS): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const header = Buffer.alloc(64);
    if (readSync(fd, header, 0, 64, 0) < 64) return true;
    return header.readUInt32BE(60) < migrations.length;
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Applies the missing migrations, each in its own transaction together with the new user_version. A data step
 * runs today's code, which reads today's schema: when one is among the missing migrations, all of them run in one
 * transaction, their SQL first and then their data steps, in order.
 */
export function migrate(db: Db, migrations: ReadonlyArray<string | Migration> = MIGRATIONS): void {
  if (isServer(db)) return migrateServer(db, migrations);
  const apply = (from: number, to: number) => {
    for (let v = from; v < to; v++) {
      db.exec(sqlOf(migrations[v]!));
      pauseAt("MIGRATION_AT", v + 1);
    }
    for (let v = from; v < to; v++) runSteps(db, migrations[v]!);
    // A migration that rebuilds a table runs without foreign keys (below): the whole file is checked instead.
    if ((db.pragma("foreign_key_check") as unknown[]).length > 0) throw new Error(`migrations ${from + 1}–${to} left rows without their parent`);
    db.pragma(`user_version = ${to}`);
  };
  const step = db.transaction(() => {
    // Read inside the transaction: another process may have migrated the file while this one waited.
    const version = schemaVersion(db);
    if (version >= migrations.length) return false;
    apply(version, migrations.slice(version).some(hasSteps) ? migrations.length : version + 1);
    return true;
  });
  const rebuilds = (version: number) => {
    const pending = migrations.slice(version);
    const together = pending.some(hasSteps) ? pending : pending.slice(0, 1);
    return together.some((m) => typeof m !== "string" && m.rebuildsTables === true);
  };
  for (;;) {
    // SQLite's way to rebuild a table that others point at: foreign keys off, outside the transaction.
    const off = rebuilds(schemaVersion(db));
    if (off) db.pragma("foreign_keys = OFF");
    try {
      if (!withBusyRetry(() => step.immediate())) break;
    } finally {
      if (off) db.pragma("foreign_keys = ON");
    }
  }
}

/**
 * A server platform's migrations, under the platform's migration lock so that two programs starting at once do
 * not both apply them. A new platform gets the current schema in one step (core/pg/schema.ts); a later
 * migration brings its server SQL (Migration.serverSql).
 */
function migrateServer(db: Db, migrations: ReadonlyArray<string | Migration>): void {
  const pg = db as unknown as InstanceType<ServerModule["PgDb"]>;
  db.transaction(() => {
    pg.lock(server!.MIGRATION_LOCK);
    const version = schemaVersion(db);
    if (version >= migrations.length) return;
    if (version === 0) {
      db.exec(server!.pgSchemaSql(expectedSchema(migrations.length)));
      copySeedRows(db, migrations.length);
      db.exec("CREATE TABLE schema_version (version BIGINT NOT NULL)");
      db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(migrations.length);
      return;
    }
    for (let v = version; v < migrations.length; v++) {
      const migration = migrations[v]!;
      const sql = typeof migration === "string" ? undefined : migration.serverSql;
      // A program error: every migration after the first server schema must say what it does on a server.
      if (sql === undefined) throw new Error(`migration ${v + 1} has no server SQL`);
      db.exec(sql);
      runSteps(db, migration);
    }
    db.prepare("UPDATE schema_version SET version = ?").run(migrations.length);
  })();
}

/**
 * The rows the migrations themselves insert (the Strategy & Finance team), copied into a new server platform:
 * read from the same scratch database the server schema comes from, with their ids, and the ids' sequences
 * moved past them.
 */
function copySeedRows(db: Db, version: number): void {
  const scratch = openSqlite(":memory:");
  try {
    migrate(scratch, MIGRATIONS.slice(0, version));
    for (const table of tableNames(scratch)) {
      const rows = scratch.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of rows) insert.run(...columns.map((c) => row[c]));
      if (columns.includes("id")) db.prepare(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`).get();
    }
  } finally {
    scratch.close();
  }
}

/** A backup name that is free: a second attempt within the same second gets a counter. */
export function backupPathFor(path: string, version: number, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  let candidate = `${path}.v${version}-${stamp}.bak`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${path}.v${version}-${stamp}-${n}.bak`;
  return candidate;
}

function backupBeforeMigration(db: Db, path: string, version: number): void {
  const target = backupPathFor(path, version);
  db.prepare("VACUUM INTO ?").run(target);
  chmodSync(target, 0o600);
}

/** True for a file that has the schema but on which no platform has been set up yet. */
export function isEmptyFile(db: Db): boolean {
  return schemaVersion(db) === 0 && !hasTables(db);
}

/**
 * The platform's language setting, read as soon as a file is opened (before any area runs): part of the generic
 * open path, so it stays here rather than in platform/store.ts, which owns the settings table otherwise.
 */
export function storedLanguage(db: Db): string | undefined {
  // A server database without a platform yet (before init) has no settings table; a file has its schema at once.
  if (isServer(db) && !tableNames(db).has("settings")) return undefined;
  return db.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get() as string | undefined;
}

/** Rewrites the file from scratch and empties the write-ahead log, so that neither shows the order of past writes. */
export function compactFile(db: Db): void {
  db.exec("VACUUM");
  const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number; log: number; checkpointed: number }>;
  // Only under sole access (withFileToItself) is this certain; a reader elsewhere would keep the log's frames.
  if (result && result.busy !== 0) throw new DataFileError("error.notAlone", { path: db.name }, "error.notAlone.hint");
}

/** How long a secret write waits for other connections to the file to close (a plattform command takes less). */
const SOLE_ACCESS_WAIT_MS = 5000;

/**
 * Runs `work` (which writes) while this connection has the data file to itself, then rewrites the file and
 * empties the write-ahead log: for a secret ballot and for forgetting a person. Any other connection that has the
 * file open (a sqlite3 shell, a viewer, a backup in progress) could keep a snapshot, and with it the frames that
 * link a ballot to its group or hold an erased name: then nothing is written, and the command is refused (exit 3).
 * SQLite's exclusive locking mode keeps every other connection out until the file is compacted.
 */
export function withFileToItself<T>(db: Db, work: () => T, waitMs = SOLE_ACCESS_WAIT_MS): T {
  // A server has no file to hold alone or compact: a secret write there goes its own way (elections castBallots).
  if (isServer(db)) throw new Error("withFileToItself is for a data file; on a server it would compact nothing");
  db.pragma("locking_mode = EXCLUSIVE");
  // Other plattform commands keep the file open only while they run: they are waited for, a little. SQLite
  // refuses the exclusive lock at once while another connection has the file open (no busy handler), so the
  // waiting is done here.
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      // The exclusive lock is taken by the first write and kept (exclusive mode) until released below.
      db.exec("BEGIN IMMEDIATE");
      db.exec("COMMIT");
      break;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      if (isBusy(error) && Date.now() < deadline) {
        sleepMs(Math.min(200, 10 * attempt) * (0.5 + Math.random()));
        continue;
      }
      release(db);
      if (isBusy(error)) throw new DataFileError("error.notAlone", { path: db.name }, "error.notAlone.hint");
      throw error;
    }
  }
  try {
    const result = work();
    compactFile(db);
    return result;
  } finally {
    release(db);
  }
}

/** Back to shared access: normal locking mode takes effect at the next read. */
function release(db: Db): void {
  if (db.inTransaction) return; // the failed work's transaction is rolled back by its caller first
  db.pragma("locking_mode = NORMAL");
  db.prepare("SELECT 1 FROM sqlite_schema LIMIT 1").get();
}

/** The tables of the file: checks skip what an older schema does not have yet. */
export function tableNames(db: Db): Set<string> {
  if (isServer(db)) return new Set(db.prepare("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").pluck().all() as string[]);
  return new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
}

// ---- the schema as this program creates it, against the schema of a file

/** A table, index, trigger or view of a file, with its definition as SQLite keeps it (comments and spacing removed). */
export interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

/** The definition text without comments and with single spaces: what it defines, not how it was typed. */
function normalisedSql(sql: string | null): string {
  return (sql ?? "")
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
    .trim();
}

/** Every object of the file's schema except SQLite's own (sqlite_…); the automatic indexes of UNIQUE constraints included. */
export function schemaObjects(db: Db): SchemaObject[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").all() as Array<{ type: string; name: string; sql: string | null }>).map(
    (o) => ({ type: o.type, name: o.name, sql: normalisedSql(o.sql) }),
  );
}

const expectedByVersion = new Map<number, SchemaObject[]>();

/** The schema this program creates for schema version `version`: its migrations applied to an empty database. */
export function expectedSchema(version: number): SchemaObject[] {
  let objects = expectedByVersion.get(version);
  if (!objects) {
    const scratch = openSqlite(":memory:");
    try {
      migrate(scratch, MIGRATIONS.slice(0, version));
      objects = schemaObjects(scratch);
    } finally {
      scratch.close();
    }
    expectedByVersion.set(version, objects);
  }
  return objects;
}

/** How a file's schema differs from what this program creates for its version: unexpected, missing or changed objects. */
export function schemaDifferences(db: Db, version = schemaVersion(db)): Array<{ kind: "unexpected" | "missing" | "changed"; type: string; name: string }> {
  const expected = new Map(expectedSchema(version).map((o) => [`${o.type} ${o.name}`, o]));
  const actual = new Map(schemaObjects(db).map((o) => [`${o.type} ${o.name}`, o]));
  const found: Array<{ kind: "unexpected" | "missing" | "changed"; type: string; name: string }> = [];
  for (const [key, o] of actual) {
    const want = expected.get(key);
    if (!want) found.push({ kind: "unexpected", type: o.type, name: o.name });
    else if (want.sql !== o.sql) found.push({ kind: "changed", type: o.type, name: o.name });
  }
  for (const [key, o] of expected) if (!actual.has(key)) found.push({ kind: "missing", type: o.type, name: o.name });
  return found;
}

/**
 * `people forget` in one TEXT column: every match of `pattern` in it (the person's name, e-mail and phone in any
 * spelling) becomes `placeholder`. `onlyWhere` limits it to some rows (an SQL condition on the table's columns,
 * written by the store that owns the table). Table and column names come from the areas' declarations.
 */
export function scrubText(db: Db, table: string, column: string, pattern: RegExp, placeholder: string, onlyWhere = "1 = 1"): number {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  // A server has no rowid: a row's ctid names it until it is updated (each row is updated once, below).
  const [key, byKey] = isServer(db) ? ["ctid::text", "ctid = CAST(? AS tid)"] : ["rowid", "rowid = ?"];
  const rows = db.prepare(`SELECT ${key} AS id, ${q(column)} AS text FROM ${q(table)} WHERE ${q(column)} IS NOT NULL AND (${onlyWhere})`).all() as Array<{ id: number; text: string }>;
  const update = db.prepare(`UPDATE ${q(table)} SET ${q(column)} = ? WHERE ${byKey}`);
  let changed = 0;
  for (const row of rows) {
    const text = row.text.replace(pattern, placeholder);
    if (text !== row.text) {
      update.run(text, row.id);
      changed++;
    }
  }
  return changed;
}

// ---- a server's counterpart of withFileToItself for `people forget`

const writtenTables = new WeakMap<Db, string[]>();

/** Notes, inside a server write, which tables this transaction has written so far (for `rewrittenAfter`). */
export function noteWrittenTables(db: Db): void {
  if (!isServer(db)) return;
  const tables = db
    .prepare("SELECT relname FROM pg_stat_xact_user_tables WHERE schemaname = current_schema() AND n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY relname")
    .pluck()
    .all() as string[];
  writtenTables.set(db, tables);
}

/**
 * Runs `work` (one committed write that called noteWrittenTables), then vacuums the tables it wrote twice. VACUUM
 * removes the old row versions (its horizon is this database's open transactions); VACUUM FULL then writes the
 * tables and their indexes anew, without the bytes VACUUM only marked free, and removes the old files. Alone,
 * VACUUM FULL keeps every version an open transaction anywhere on the server could still see.
 * A transaction of this database still open elsewhere keeps them until the next vacuum (README).
 */
export function rewrittenAfter<T>(db: Db, work: () => T): { result: T; notRewritten: string[] } {
  writtenTables.delete(db);
  const result = work();
  const written = writtenTables.get(db) ?? [];
  // PostgreSQL 15 lets only a table's owner (or the database's, or a superuser) vacuum it; others' VACUUM only
  // warns and skips. Those tables are left to their owner, and named to the user.
  const notRewritten = written.length === 0 ? [] : (db
    .prepare(
      `SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN (SELECT value FROM json_array_elements_text(CAST(? AS json)))
          AND NOT pg_has_role(c.relowner, 'USAGE')
          AND NOT pg_has_role((SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE')
          AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        ORDER BY c.relname`,
    )
    .pluck()
    .all(JSON.stringify(written)) as string[]);
  const tables = written.filter((t) => !notRewritten.includes(t)).map((t) => `"${t.replace(/"/g, '""')}"`).join(", ");
  // Each on its own: VACUUM runs outside any transaction, and a string of statements is one.
  if (tables !== "") for (const vacuum of ["VACUUM", "VACUUM FULL"]) db.exec(`${vacuum} ${tables}`);
  return { result, notRewritten };
}

/** The database role that owns the platform's tables on a server (who may vacuum them). */
export function tablesOwner(db: Db): string {
  return db.prepare("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'people'::regclass").pluck().get() as string;
}
