import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createDataFile, isEmptyFile, migrate, openDataFile, prepareSchema, schemaVersion, scrubText, tableNames, type Db } from "../../src/core/db.js";
import { DataFileError, EXIT } from "../../src/core/errors.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/migrations/index.js";
import { tempDir } from "../helpers.js";
import { onServer } from "../server.js";
import { cliError, count, freshDb, track } from "./support.js";

const ADD_WEBSITE = "ALTER TABLE groups ADD COLUMN website TEXT;";

function tables(db: Db): string[] {
  return [...tableNames(db)].sort();
}

function columns(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((r) => r.name);
}

/** A new, empty file (user_version 0) and an open connection to it. */
function emptyFile(): { path: string; db: Db } {
  const path = join(tempDir(), "plattform.db");
  expect(createDataFile(path)).toBe(true);
  return { path, db: track(openDataFile(path)) };
}

/** A file at schema version 1, made with the real first migration, holding two groups and a person. */
function versionOneFile(): { path: string; db: Db } {
  const { path, db } = emptyFile();
  migrate(db, [MIGRATIONS[0]!]);
  const insert = db.prepare("INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.run("St. Marien", "st. marien", "marien", "marien", "parish", "2020-01-15", "2020-01-15T10:00:00.000Z");
  insert.run("Mieterinitiative Süd", "mieterinitiative süd", null, null, "tenants", "2021-06-01", "2021-06-01T10:00:00.000Z");
  db.prepare("INSERT INTO people (name, name_key, email, created_at) VALUES (?, ?, ?, ?)").run("Anna Berg", "anna berg", "anna@example.org", "2021-06-01T10:00:00.000Z");
  return { path, db };
}

function groupNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM groups ORDER BY id").all() as Array<{ name: string }>).map((r) => r.name);
}

function backupsOf(path: string): string[] {
  const dir = join(path, "..");
  const base = path.slice(dir.length + 1);
  return readdirSync(dir).filter((f) => f.startsWith(`${base}.`) && f.endsWith(".bak"));
}

describe("a new data file", () => {
  it("is migrated to the newest schema version and has every table", () => {
    const db = freshDb();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(expect.arrayContaining(["audit_log", "group_roles", "groups", "people", "settings"]));
    expect(isEmptyFile(db)).toBe(false);
  });

  // FILE_ONLY: SQLite's pragmas of the data file
  it.skipIf(onServer)("is opened with WAL, foreign keys, full synchronous writes, secure delete and a busy timeout", () => {
    const db = freshDb();
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(db.pragma("secure_delete", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
  });

  it("enforces foreign keys: a role for a missing person or group is refused", () => {
    const db = freshDb();
    expect(() =>
      db.prepare("INSERT INTO group_roles (person_id, group_id, role, since) VALUES (99, 98, 'member', '2024-01-01')").run(),
    ).toThrow(onServer ? /violates foreign key constraint/ : /FOREIGN KEY/);
    expect(count(db, "group_roles")).toBe(0);
  });

  it("enforces the schema's checks: unknown role, left before joined, a person with neither name nor forgotten_at", () => {
    const db = freshDb();
    db.prepare("INSERT INTO groups (name, name_key, kind, joined_on, created_at) VALUES ('A', 'a', 'other', '2024-01-01', 'x')").run();
    db.prepare("INSERT INTO people (name, created_at) VALUES ('P', 'x')").run();
    // The server's words for a failed CHECK (SQLSTATE 23514)
    const check = onServer ? /violates check constraint/ : /CHECK/;
    expect(() => db.prepare("INSERT INTO group_roles (person_id, group_id, role, since) VALUES (1, 1, 'boss', '2024-01-01')").run()).toThrow(check);
    expect(() => db.prepare("UPDATE groups SET left_on = '2023-12-31' WHERE id = 1").run()).toThrow(check);
    expect(() => db.prepare("INSERT INTO people (name, created_at) VALUES (NULL, 'x')").run()).toThrow(check);
    expect(count(db, "group_roles")).toBe(0);
    expect(count(db, "people")).toBe(1);
    expect(db.prepare("SELECT left_on FROM groups").pluck().get()).toBeNull();
  });

  it("createDataFile makes the file (and missing folders) readable by its owner only", () => {
    const path = join(tempDir(), "nested", "deeper", "plattform.db");
    expect(createDataFile(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, "..")).mode & 0o077).toBe(0);
  });

  it("createDataFile returns false for an existing file and leaves it alone", () => {
    const path = join(tempDir(), "plattform.db");
    writeFileSync(path, "keep me");
    chmodSync(path, 0o644);
    expect(createDataFile(path)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(statSync(path).size).toBe("keep me".length);
  });
});

describe("prepareSchema: files it must refuse", () => {
  it("refuses a file whose schema is newer than the program knows (exit 3)", () => {
    const db = freshDb();
    if (onServer) db.prepare("UPDATE schema_version SET version = ?").run(MIGRATIONS.length + 1);
    else db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    const error = cliError(() => prepareSchema(db, db.name));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.exitCode).toBe(EXIT.dataFile);
    expect(error.exitCode).toBe(3);
    expect(error.key).toBe("error.newerSchema");
    expect(error.params).toMatchObject({ version: MIGRATIONS.length + 1, known: MIGRATIONS.length });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1);
  });

  it("refuses a newer file also when given an explicit migration list", () => {
    const { path, db } = versionOneFile();
    db.pragma("user_version = 2");
    const error = cliError(() => prepareSchema(db, path, [MIGRATIONS[0]!]));
    expect(error.key).toBe("error.newerSchema");
    expect(backupsOf(path)).toEqual([]);
  });

  it("calls an empty version-0 file not initialised", () => {
    const { path, db } = emptyFile();
    expect(isEmptyFile(db)).toBe(true);
    const error = cliError(() => prepareSchema(db, path));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.exitCode).toBe(3);
    expect(error.key).toBe("error.notInitialised");
    expect(tables(db)).toEqual([]);
  });

  it("calls a SQLite file of another program (tables, user_version 0) foreign and does not touch it", () => {
    const { path, db } = emptyFile();
    db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('Soup');");
    expect(isEmptyFile(db)).toBe(false);
    const error = cliError(() => prepareSchema(db, path));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.exitCode).toBe(3);
    expect(error.key).toBe("error.foreignFile");
    expect(tables(db)).toEqual(["recipes"]);
    expect(schemaVersion(db)).toBe(0);
    expect(backupsOf(path)).toEqual([]);
  });
});

describe("openDataFile", () => {
  it("turns a file of random bytes into a corrupt-data-file error (exit 3)", () => {
    const path = join(tempDir(), "plattform.db");
    writeFileSync(path, randomBytes(8192));
    const error = cliError(() => openDataFile(path));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.exitCode).toBe(3);
    expect(error.key).toBe("error.corruptDataFile");
  });

  it("turns a text file into a corrupt-data-file error", () => {
    const path = join(tempDir(), "notes.txt");
    writeFileSync(path, "name,kind\nSt. Marien,parish\n".repeat(100));
    const error = cliError(() => openDataFile(path));
    expect(error.key).toBe("error.corruptDataFile");
  });

  it("reports a missing file as no data file (exit 3) and does not create it", () => {
    const path = join(tempDir(), "missing.db");
    const error = cliError(() => openDataFile(path));
    expect(error).toBeInstanceOf(DataFileError);
    expect(error.exitCode).toBe(3);
    expect(error.key).toBe("error.noDataFile");
    expect(error.params).toMatchObject({ path });
    expect(existsSync(path)).toBe(false);
  });
});

describe("migrations", () => {
  it("prepareSchema on a current file changes nothing and writes no backup", () => {
    const db = freshDb();
    prepareSchema(db, db.name);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    if (!onServer) expect(backupsOf(db.name)).toEqual([]); // a server's backups are its administrator's
  });

  it("migrate with an explicit list stops at that list's length", () => {
    const { db } = emptyFile();
    migrate(db, [MIGRATIONS[0]!]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(["groups", "people"]));
  });

  it("migrates an older file: rows kept, new column added, version bumped, backup of the old version beside it", () => {
    const { path, db } = versionOneFile();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-03-01T09:08:07.654Z"));
      prepareSchema(db, path, [MIGRATIONS[0]!, ADD_WEBSITE]);
    } finally {
      vi.useRealTimers();
    }

    expect(schemaVersion(db)).toBe(2);
    expect(groupNames(db)).toEqual(["St. Marien", "Mieterinitiative Süd"]);
    expect(db.prepare("SELECT name, email FROM people").all()).toEqual([{ name: "Anna Berg", email: "anna@example.org" }]);
    expect(columns(db, "groups")).toContain("website");
    expect(db.prepare("SELECT website FROM groups WHERE name = 'St. Marien'").pluck().get()).toBeNull();
    db.prepare("UPDATE groups SET website = 'https://marien.example' WHERE short = 'marien'").run();
    expect(db.prepare("SELECT website FROM groups WHERE short = 'marien'").pluck().get()).toBe("https://marien.example");

    // The backup is named after the version it holds and the moment (UTC) of the migration.
    const base = path.slice(path.lastIndexOf("/") + 1);
    expect(backupsOf(path)).toEqual([`${base}.v1-20260301T090807.bak`]);
    const backupPath = `${path}.v1-20260301T090807.bak`;
    expect(statSync(backupPath).mode & 0o777).toBe(0o600);
    const backup = track(new Database(backupPath, { readonly: true, fileMustExist: true }));
    expect(backup.pragma("user_version", { simple: true })).toBe(1);
    expect(groupNames(backup)).toEqual(["St. Marien", "Mieterinitiative Süd"]);
    expect(backup.prepare("SELECT name FROM people").pluck().all()).toEqual(["Anna Berg"]);
    expect(columns(backup, "groups")).not.toContain("website");
  });

  it("a migration that fails rolls back completely: version, schema and rows as before", () => {
    const { path, db } = versionOneFile();
    // The first statement works, the second does not: the first must not survive either.
    const broken = `${ADD_WEBSITE}\nUPDATE groups SET name = 'changed';\nTHIS IS NOT SQL;`;
    expect(() => prepareSchema(db, path, [MIGRATIONS[0]!, broken])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, "groups")).not.toContain("website");
    expect(groupNames(db)).toEqual(["St. Marien", "Mieterinitiative Süd"]);
    expect(count(db, "people")).toBe(1);
    expect(db.inTransaction).toBe(false);
  });

  it("each step is its own transaction: a failing third step keeps the second", () => {
    const { db } = versionOneFile();
    expect(() => migrate(db, [MIGRATIONS[0]!, ADD_WEBSITE, "CREATE TABLE broken (;"])).toThrow();
    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, "groups")).toContain("website");
    expect(tables(db)).not.toContain("broken");
    expect(groupNames(db)).toEqual(["St. Marien", "Mieterinitiative Süd"]);
  });

  it("after a failed migration the same file migrates once the step is fixed (a minute later)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-03-01T09:00:00.000Z"));
      const { path, db } = versionOneFile();
      expect(() => prepareSchema(db, path, [MIGRATIONS[0]!, "ALTER TABLE nowhere ADD COLUMN x TEXT;"])).toThrow();
      expect(schemaVersion(db)).toBe(1);
      expect(backupsOf(path)).toEqual([`${path.slice(path.lastIndexOf("/") + 1)}.v1-20260301T090000.bak`]);
      vi.setSystemTime(new Date("2026-03-01T09:01:00.000Z"));
      prepareSchema(db, path, [MIGRATIONS[0]!, ADD_WEBSITE]);
      expect(schemaVersion(db)).toBe(2);
      expect(columns(db, "groups")).toContain("website");
      expect(groupNames(db)).toHaveLength(2);
      expect(backupsOf(path)).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

    it("a retry in the same second as a failed migration still migrates", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-03-01T09:00:00.000Z"));
      const { path, db } = versionOneFile();
      expect(() => prepareSchema(db, path, [MIGRATIONS[0]!, "ALTER TABLE nowhere ADD COLUMN x TEXT;"])).toThrow();
      prepareSchema(db, path, [MIGRATIONS[0]!, ADD_WEBSITE]);
      expect(schemaVersion(db)).toBe(2);
      expect(columns(db, "groups")).toContain("website");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("scrubText", () => {
  it("replaces every match in one column, only in the rows the condition names, and counts the rows changed", () => {
    const db = freshDb();
    const insert = db.prepare("INSERT INTO people (name, name_key, notes, created_at) VALUES (?, ?, ?, 'x')");
    insert.run("Anna Berg", "anna berg", "Anna ruft an; anna kommt");
    insert.run("Ben", "ben", "mit Anna");
    insert.run("Cem", "cem", null);
    expect(scrubText(db, "people", "notes", /anna/gi, "[X]", "name <> 'Ben'")).toBe(1);
    expect(scrubText(db, "people", "notes", /anna/gi, "[X]")).toBe(1);
    expect(db.prepare("SELECT notes FROM people ORDER BY id").pluck().all()).toEqual(["[X] ruft an; [X] kommt", "mit [X]", null]);
  });
});
