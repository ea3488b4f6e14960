import Database from "better-sqlite3";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { MIGRATIONS } from "../migrations/index.js";
import { DataFileError } from "./errors.js";

export type Db = Database.Database;

const BUSY_TIMEOUT_MS = 5000;

/** Creates an empty data file readable by its owner only. Returns false when the file already exists. */
export function createDataFile(path: string): boolean {
  if (existsSync(path)) return false;
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
 * Any failure to open is a DataFileError (exit 3).
 */
export function openDataFile(path: string): Db {
  if (!existsSync(path)) throw new DataFileError("error.noDataFile", { path }, "error.noDataFile.hint");
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw translateOpenError(error, path);
  }
  try {
    // Read-only checks first: another program's database must not be touched, not even its header.
    if (schemaVersion(db) === 0 && hasTables(db)) throw new DataFileError("error.foreignFile", { path }, "error.noDataFile.hint");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = FULL");
    // Erased personal data ('people forget') must not linger in free pages.
    db.pragma("secure_delete = ON");
  } catch (error) {
    db.close();
    throw error instanceof DataFileError ? error : translateOpenError(error, path);
  }
  return db;
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
  return db.pragma("user_version", { simple: true }) as number;
}

function hasTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}

/**
 * Checks that the file is a plattform data file this program can use, migrating an older one.
 * Before an existing file is migrated, a backup copy is written beside it.
 */
export function prepareSchema(db: Db, path: string, migrations: readonly string[] = MIGRATIONS): void {
  const version = schemaVersion(db);
  if (version > migrations.length)
    throw new DataFileError("error.newerSchema", { path, version, known: migrations.length }, "error.newerSchema.hint");
  if (version === 0)
    throw new DataFileError(hasTables(db) ? "error.foreignFile" : "error.notInitialised", { path }, "error.noDataFile.hint");
  if (version < migrations.length) {
    backupBeforeMigration(db, path, version);
    migrate(db, migrations);
  }
}

/** Applies the missing migrations, each in its own transaction together with the new user_version. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): void {
  for (let version = schemaVersion(db); version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
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
