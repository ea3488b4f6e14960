// The test suites on a PostgreSQL server (npm run test:pg): PLATTFORM_TEST_PG names a server where the test role
// may create databases, e.g. postgres://plattform@127.0.0.1:54329. The tests keep naming data files; on a server
// each file name stands for a database of its own, created on first use (a platform per database, as in real use).
import { createHash } from "node:crypto";
import { isServerUrl } from "../src/core/config.js";
import { PgDb } from "../src/core/pg/pgDb.js";

const SERVER = process.env.PLATTFORM_TEST_PG?.replace(/\/+$/, "") || undefined;

/** The tests run against a PostgreSQL server. */
export const onServer = SERVER !== undefined;

/**
 * The actor the audit log records for a write by `name` (--as, PLATTFORM_USER): the name on a file; on a server the
 * database user the server authenticated, with the name before it when that differs: "Maria (plattform)".
 */
export function recordedActor(name: string): string {
  if (!onServer) return name;
  const user = decodeURIComponent(new URL(SERVER!).username) || process.env.PGUSER || process.env.USER || "";
  return name.toLowerCase() === user.toLowerCase() ? user : `${name} (${user})`;
}

/** The reason a test does not run on a server: it is about the SQLite file itself (its bytes, WAL, mode, path). */
export const FILE_ONLY = "about the SQLite data file itself; the server run (npm run test:pg) has no file";

let admin: PgDb | undefined;
const created = new Set<string>();

function adminDb(): PgDb {
  return (admin ??= new PgDb(`${SERVER}/postgres`, "admin"));
}

/** The database that stands for the data file `path` in this run. */
export function databaseOf(path: string): string {
  return `t_${createHash("sha256").update(path).digest("hex").slice(0, 24)}`;
}

function exists(name: string): boolean {
  return adminDb().prepare("SELECT count(*) FROM pg_database WHERE datname = ?").pluck().get(name) === 1;
}

/**
 * Creates the database `name` unless it exists: a copy of `template`, or of the run's schema template (a
 * database with the current schema and no platform, made once per run by test/globalSetup.ts). Creating the
 * fifty tables of the schema took longer than a whole test.
 */
function ensureDatabase(name: string, template = process.env.PLATTFORM_TEST_PG_TEMPLATE): void {
  if (exists(name)) return;
  adminDb().exec(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  created.add(name);
}

/** Makes the run's schema template (see ensureDatabase); returns its name, for PLATTFORM_TEST_PG_TEMPLATE. */
export function makeSchemaTemplate(migrateServer: (url: string) => void): string {
  const name = `tpl_${process.pid}_${Date.now()}`;
  adminDb().exec(`CREATE DATABASE "${name}"`);
  created.add(name);
  migrateServer(`${SERVER}/${name}`);
  return name;
}

/** The server URL that stands for the data file `path` (the database is created when missing). */
export function serverUrlOf(path: string): string {
  if (isServerUrl(path)) return path;
  const name = databaseOf(path);
  ensureDatabase(name);
  return `${SERVER}/${name}`;
}

/** A data file path as this run uses it: itself, or on a server the URL that stands for it. */
export function dbTarget(path: string): string {
  return onServer ? serverUrlOf(path) : path;
}

/** The command line with every --db file replaced by its server URL. */
export function onServerArgs(args: string[]): string[] {
  if (!onServer) return args;
  return args.map((arg, i) => {
    if (args[i - 1] === "--db") return serverUrlOf(arg);
    if (arg.startsWith("--db=")) return `--db=${serverUrlOf(arg.slice(5))}`;
    return arg;
  });
}

/** Copies the platform of `from` into the database that stands for `to` (CREATE DATABASE … TEMPLATE). */
export function copyDatabase(from: string, to: string): void {
  const target = databaseOf(to);
  if (exists(target)) {
    adminDb().exec(`DROP DATABASE "${target}"`);
    created.delete(target);
  }
  ensureDatabase(target, databaseOf(from));
}

/** Opens the database that stands for `path` (for a test's own queries). */
export function openServerDb(path: string): PgDb {
  return new PgDb(serverUrlOf(path), path);
}

/** Every row of every table of the platform's schema as text, table by table (rows sorted when `sorted`). */
function* serverRows(path: string, sorted: boolean): Generator<string> {
  const db = openServerDb(path);
  try {
    const tables = db.prepare("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").pluck().all() as string[];
    for (const table of tables) {
      yield `${table}\n`;
      for (const row of db.prepare(`SELECT t::text FROM "${table}" t${sorted ? " ORDER BY 1" : ""}`).pluck().all() as string[]) yield `${row}\n`;
    }
  } finally {
    db.close();
  }
}

/** Every row of every table as text: a server's counterpart of searching the data file's bytes (live rows only). */
export function serverText(path: string): string {
  return [...serverRows(path, false)].join("");
}

/** A hash of every row of every table: a server's counterpart of hashing the data file's bytes. */
export function serverHash(path: string): string {
  const hash = createHash("sha256");
  for (const line of serverRows(path, true)) hash.update(line);
  return hash.digest("hex");
}

/** A new empty database for one test (no schema yet); returns its URL. */
export function newServerDatabase(): string {
  const name = `t_fresh_${process.pid}_${created.size}_${Date.now()}`;
  ensureDatabase(name, "template1");
  return `${SERVER}/${name}`;
}

/** Drops the databases this test file created (called after all its tests). */
export function dropServerDatabases(): void {
  if (!admin) return;
  for (const name of created) admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  created.clear();
  admin.close();
  admin = undefined;
}
