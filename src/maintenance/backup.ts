// Online backup and restore of a data file, with SQLite's backup API: a consistent copy even while another
// process writes, and a restore that goes through SQLite's locking instead of overwriting a file in use.
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { lastAuditAt } from "../core/auditStore.js";
import { createDataFile, isBusy, isServer, migrate, openDataFile, openSqlite, prepareSchema, schemaDifferences, schemaVersion, tableNames, withFileToItself, type Db } from "../core/db.js";
import { isServerUrl } from "../core/config.js";
import { connectionUrl } from "../core/pg/service.js";
import { CliError } from "../core/errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../migrations/index.js";
import { copyRows } from "./copy.js";
import { copyDatabaseFrom, countRows, hasPlatform, onSnapshot, refreshStatistics } from "./store.js";

/** Pages per backup step: all of them, so the copy is taken in one step from one snapshot and never restarts. */
const ALL_PAGES = 0x7fffffff;
const BUSY_ATTEMPTS = 6;

/** Told how much of a copy is done, in percent (a progress line). */
export type OnPercent = (percent: number) => void;

/**
 * The pages of each step of SQLite's backup. Without `onPercent` all of them in one step, as above. With it a
 * hundredth at a time, each step reported; should another process write meanwhile, SQLite starts the copy
 * again (still one consistent snapshot), and the rest is then taken in one step, so it restarts at most once.
 */
export function backupSteps(onPercent: OnPercent | undefined): (at: { totalPages: number; remainingPages: number }) => number {
  if (!onPercent) return () => ALL_PAGES;
  let before = Infinity;
  return ({ totalPages, remainingPages }) => {
    const restarted = remainingPages > before;
    before = remainingPages;
    onPercent(Math.floor((100 * (totalPages - remainingPages)) / Math.max(1, totalPages)));
    return restarted ? ALL_PAGES : Math.max(1, Math.ceil(totalPages / 100));
  };
}

/** A file the backup may be written to: its folder exists, and it does not exist yet. */
export function checkBackupTarget(path: string, dataFile: string): string {
  // A server URL resolved as a file name named a folder "postgres:" that does not exist. Only the data's own URL
  // is named in the message (another could carry a password).
  if (isServerUrl(path)) {
    if (path === dataFile) throw new CliError("error.backup.isDataFile", { path });
    throw new CliError("error.backup.serverTarget", {}, 1, "error.backup.serverTarget.hint");
  }
  const target = resolve(path);
  // SQLite's backup (through better-sqlite3) trims the name: a name with spaces at its ends would miss its file.
  if (basename(target).trim() === "" || target !== target.trim()) throw new CliError("error.cannotWrite", { path: target });
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError("error.noSuchDirectory", { path: dir });
  if (target === resolve(dataFile)) throw new CliError("error.backup.isDataFile", { path: target });
  if (existsSync(target)) throw new CliError("error.backup.exists", { path: target }, 1, "error.backup.exists.hint");
  return target;
}

async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await new Promise((done) => setTimeout(done, Math.min(800, 25 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/**
 * Copies the open data file to `target` (which must not exist), readable by its owner only. The copy is a
 * single self-contained file (no WAL beside it) that passes SQLite's quick check.
 */
export async function backupTo(db: Db, target: string, onPercent?: OnPercent): Promise<{ bytes: number; schemaVersion: number }> {
  // Created first with mode 0600, so the personal data in it is never readable by others, not even briefly.
  try {
    closeSync(openSync(target, "wx", 0o600));
    chmodSync(target, 0o600);
  } catch {
    throw new CliError("error.cannotWrite", { path: target });
  }
  try {
    if (isServer(db)) copyIntoFile(db, target, onPercent);
    else await retryBusy(() => db.backup(target, { progress: backupSteps(onPercent) }));
    const copy = openSqlite(target, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new CliError("error.backup.failed", { path: target, detail: String(check) });
    } finally {
      copy.close();
    }
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
    // A full disk is the copy's problem, not the data file's: name the copy.
    const code = String((error as { code?: unknown }).code ?? "");
    if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "SQLITE_IOERR_WRITE") throw new CliError("error.diskFull", { path: target });
    throw error;
  }
  chmodSync(target, 0o600);
  return { bytes: statSync(target).size, schemaVersion: schemaVersion(db) };
}

/**
 * A server platform's backup: a new SQLite file with the same schema (version) and every row, read in one
 * snapshot (the caller's transaction, else a repeatable-read one) — the same kind of file as a file platform's
 * backup, so that it restores into either engine.
 */
export function copyIntoFile(server: Db, target: string, onPercent?: OnPercent): void {
  const copy = openSqlite(target, { fileMustExist: true });
  try {
    migrate(copy, MIGRATIONS.slice(0, schemaVersion(server)));
    const fill = () => copy.transaction(() => copyRows(server, copy, onPercent))();
    if (server.inTransaction) fill();
    else onSnapshot(server, fill);
  } finally {
    copy.close();
  }
}

export interface BackupSummary {
  path: string;
  schemaVersion: number;
  groups: number;
  people: number;
  meetings: number;
  auditEntries: number;
  lastChange: string | null;
}

const PLATTFORM_TABLES = ["settings", "groups", "people", "audit_log"];

/**
 * Checks a backup before anything is replaced: it is an SQLite file, intact, made by plattform, and not of a
 * schema newer than this program knows. Opened read-only, so the check changes nothing in it.
 */
export function inspectBackup(path: string): BackupSummary {
  const source = resolve(path);
  if (!existsSync(source) || !statSync(source).isFile()) throw new CliError("error.cannotRead", { path: source }, 1, "error.cannotRead.hint");
  let db: Db;
  try {
    db = openSqlite(source, { readonly: true, fileMustExist: true });
  } catch {
    throw new CliError("error.restore.notPlattform", { path: source });
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? "");
      if (code === "SQLITE_NOTADB") throw new CliError("error.restore.notPlattform", { path: source });
      throw new CliError("error.restore.damaged", { path: source, detail: (error as Error).message }, 1, "error.restore.damaged.hint");
    }
    if (problems.length !== 1 || problems[0] !== "ok")
      throw new CliError("error.restore.damaged", { path: source, detail: problems[0] ?? "" }, 1, "error.restore.damaged.hint");
    const version = schemaVersion(db);
    const tables = tableNames(db);
    if (version === 0 || PLATTFORM_TABLES.some((t) => !tables.has(t))) throw new CliError("error.restore.notPlattform", { path: source });
    if (version > SCHEMA_VERSION)
      throw new CliError("error.restore.newer", { path: source, version, known: SCHEMA_VERSION }, 1, "error.newerSchema.hint");
    // Exactly the schema this program creates for that version: an extra trigger, table or view could, once
    // restored, record every secret ballot next to its group.
    const [odd] = schemaDifferences(db, version);
    if (odd) throw new CliError(`error.restore.${odd.kind}`, { path: source, type: odd.type, name: odd.name }, 1, "error.restore.unexpected.hint");
    const count = (table: string) => (tables.has(table) ? countRows(db, table) : 0);
    return {
      path: source,
      schemaVersion: version,
      groups: count("groups"),
      people: count("people"),
      meetings: count("meetings"),
      auditEntries: count("audit_log"),
      lastChange: lastAuditAt(db),
    };
  } finally {
    db.close();
  }
}

/** `<db>.before-restore-<UTC stamp>`, with a counter when that name is taken. */
export function keptPathFor(dataFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  let candidate = `${dataFile}.before-restore-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${dataFile}.before-restore-${stamp}-${n}`;
  return candidate;
}

/**
 * Keeps the current data file beside it before a restore: through the backup API when the file is readable
 * (so a WAL in use is included), else as a plain copy of its bytes (a damaged file is kept as it is).
 */
export async function keepCurrent(dataFile: string): Promise<string> {
  const kept = keptPathFor(dataFile);
  let db: Db | undefined;
  try {
    db = openSqlite(dataFile, { fileMustExist: true, timeout: 5000 });
    await backupTo(db, kept);
  } catch {
    rmSync(kept, { force: true });
    copyFileSync(dataFile, kept);
    if (existsSync(`${dataFile}-wal`)) copyFileSync(`${dataFile}-wal`, `${kept}-wal`);
    chmodSync(kept, 0o600);
    if (existsSync(`${kept}-wal`)) chmodSync(`${kept}-wal`, 0o600);
  } finally {
    db?.close();
  }
  return kept;
}

/**
 * Replaces the data file's content with the backup's. The backup API writes through SQLite's locks and
 * journal, so another process that has the file open sees the old or the new content, never a mixture.
 */
export async function replaceWith(backup: string, dataFile: string, onPercent?: OnPercent): Promise<void> {
  createDataFile(dataFile);
  const source = openSqlite(backup, { readonly: true, fileMustExist: true });
  try {
    await retryBusy(() => source.backup(dataFile, { progress: backupSteps(onPercent) }));
  } finally {
    source.close();
  }
  chmodSync(dataFile, 0o600);
}

/**
 * Restores `backup` over the data file while holding it alone (core/db.ts withFileToItself): the current content
 * is kept beside it first, then replaced, and no other connection can read or write in between, so a write
 * elsewhere either happens before (and is in the kept file) or waits for the restored one; none is lost. While
 * another program keeps the file open it is refused (exit 3), nothing changed. Returns the kept file's path.
 */
export async function restoreOver(dataFile: string, backup: string, onPercent?: OnPercent): Promise<string | null> {
  if (isServerUrl(dataFile)) return restoreServer(dataFile, backup, onPercent);
  if (!existsSync(dataFile)) {
    await replaceWith(backup, dataFile, onPercent);
    return null;
  }
  let db: Db;
  try {
    db = openSqlite(dataFile, { fileMustExist: true, timeout: 5000 });
    tableNames(db); // reads the schema: a damaged file fails here
  } catch {
    // A damaged file cannot be locked or read: it is kept byte for byte and overwritten as before.
    const kept = await keepCurrent(dataFile);
    await replaceWith(backup, dataFile, onPercent);
    return kept;
  }
  try {
    const kept = keptPathFor(dataFile);
    withFileToItself(db, () => {
      // The current content as this connection sees it (the WAL included), kept before anything changes.
      writeFileSync(kept, db.serialize(), { mode: 0o600, flag: "wx" });
      chmodSync(kept, 0o600);
      copyDatabaseFrom(db, resolve(backup), onPercent);
    });
    return kept;
  } finally {
    db.close();
  }
}

/**
 * Restores `backup` (an SQLite file, inspected) into the server platform at `url`: under the platform's write lock,
 * in one transaction, the current rows are first kept in a backup file beside `backup` (when there is a platform)
 * and then replaced, the identity columns continuing after the restored ids. A backup of an older schema is
 * migrated first, in a temporary copy (the data steps must be provided). Returns the kept file's path.
 */
async function restoreServer(url: string, backup: string, onPercent?: OnPercent): Promise<string | null> {
  const server = openDataFile(url);
  let scratch: string | undefined;
  try {
    if (schemaVersion(server) === 0) migrate(server);
    let source = resolve(backup);
    if (fileSchemaVersion(source) < schemaVersion(server)) {
      // The server is at the current schema: an older backup is brought there in a copy, never in place.
      scratch = `${source}.migrating-${process.pid}`;
      const from = openSqlite(source, { readonly: true, fileMustExist: true });
      try {
        await from.backup(scratch);
      } finally {
        from.close();
      }
      chmodSync(scratch, 0o600);
      const db = openDataFile(scratch);
      try {
        prepareSchema(db, scratch);
      } finally {
        db.close();
      }
      source = scratch;
    }
    const file = openSqlite(source, { readonly: true, fileMustExist: true });
    try {
      const kept = server.transaction(() => {
        let kept: string | null = null;
        if (hasPlatform(server)) {
          kept = keptPathFor(join(dirname(resolve(backup)), serverName(url)));
          closeSync(openSync(kept, "wx", 0o600));
          chmodSync(kept, 0o600);
          copyIntoFile(server, kept);
        }
        copyRows(file, server, onPercent);
        return kept;
      }).immediate();
      refreshStatistics(server);
      return kept;
    } finally {
      file.close();
    }
  } finally {
    server.close();
    if (scratch) for (const suffix of ["", "-wal", "-shm"]) rmSync(scratch + suffix, { force: true });
    for (const old of scratch ? readdirSync(dirname(scratch)).filter((f) => f.startsWith(basename(scratch!)) && f.endsWith(".bak")) : []) rmSync(join(dirname(scratch!), old), { force: true });
  }
}

function fileSchemaVersion(path: string): number {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/** A server platform's name for files beside it: its database (also when its service names it), else its host. */
export function serverName(url: string): string {
  const parsed = new URL(connectionUrl(url));
  const name = decodeURIComponent(parsed.pathname.replace(/^\/+/, "")) || parsed.hostname || "plattform";
  return name.replace(/[^A-Za-z0-9._-]+/g, "_");
}
