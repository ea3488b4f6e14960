// A process killed (SIGKILL) in the middle of a large CSV import, and in the middle of a migration: afterwards
// the data file passes SQLite's integrity check and holds all of the work or none of it. The pause points
// (src/core/testHooks.ts) stop the process at a known row or step, so that the kill lands there.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDataFile, migrate, openDataFile, schemaVersion } from "../../src/core/db.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/migrations/index.js";
import { BIN, newPlatform, tempDir } from "../helpers.js";
import { ok, okJson, query } from "../cli/util.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the CLI with a pause point set, waits until it reports that it has paused there (the marker file),
 * then kills it with SIGKILL. Resolves with the signal that ended it.
 */
async function killAtPause(args: string[], db: string, pause: Record<string, string>): Promise<NodeJS.Signals | null> {
  const home = tempDir();
  dirs.push(home);
  const marker = join(home, "paused");
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1", LANG: "C.UTF-8", PLATTFORM_DB: db, PLATTFORM_TEST_PAUSE_MARKER: marker, ...pause },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  let exited = false;
  void ended.then(() => (exited = true));
  while (!existsSync(marker) && !exited) await new Promise((resolve) => setTimeout(resolve, 20));
  if (exited) throw new Error(`the process ended before it paused: ${stderr}`);
  child.kill("SIGKILL");
  return (await ended).signal;
}

function integrity(db: string): string {
  const conn = new Database(db, { fileMustExist: true });
  try {
    return conn.pragma("integrity_check", { simple: true }) as string;
  } finally {
    conn.close();
  }
}

describe("killed during a CSV import", () => {
  it("people import of 3,000 rows, killed at row 2,000: intact, and none of the rows arrived; a rerun imports all", async () => {
    const db = await newPlatform(["--lang", "en"]);
    dirs.push(join(db, ".."));
    await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish"], { db });
    await ok(["people", "add", "Maria Schmidt", "--group", "JOSEF"], { db });
    const lines = ["name,email,group,role"];
    for (let i = 1; i <= 3000; i++) lines.push(`Person ${i},person${i}@example.org,JOSEF,member`);
    const csv = join(tempDir(), "people.csv");
    dirs.push(join(csv, ".."));
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const auditBefore = query(db, "SELECT count(*) AS n FROM audit_log")[0].n as number;

    expect(await killAtPause(["people", "import", csv], db, { PLATTFORM_TEST_PAUSE_IMPORT_AT: "2000" })).toBe("SIGKILL");

    expect(integrity(db)).toBe("ok");
    expect(query(db, "SELECT name FROM people ORDER BY id").map((r) => r.name)).toEqual(["Maria Schmidt"]);
    expect(query(db, "SELECT count(*) AS n FROM group_roles")[0].n).toBe(1);
    expect(query(db, "SELECT count(*) AS n FROM audit_log")[0].n).toBe(auditBefore);
    expect((await okJson(["check"], { db })).ok).toBe(true);

    const report = await okJson(["people", "import", csv], { db });
    expect(report.added).toBe(3000);
    expect(query(db, "SELECT count(*) AS n FROM people")[0].n).toBe(3001);
    expect(query(db, "SELECT count(*) AS n FROM group_roles")[0].n).toBe(3001);
  }, 300_000);

  it("a pause point at a row the import never reaches changes nothing", async () => {
    const db = await newPlatform(["--lang", "en"]);
    dirs.push(join(db, ".."));
    const csv = join(tempDir(), "people.csv");
    dirs.push(join(csv, ".."));
    writeFileSync(csv, "name\nAnna\nBerta\n");
    expect((await okJson(["people", "import", csv], { db, env: { PLATTFORM_TEST_PAUSE_IMPORT_AT: "7" } })).added).toBe(2);
  });
});

/** A data file of schema version 3 (before elections), as an older plattform left it, with two groups. */
function versionThreeFile(): string {
  const path = join(tempDir(), "alt.db");
  dirs.push(join(path, ".."));
  createDataFile(path);
  const db = openDataFile(path);
  migrate(db, MIGRATIONS.slice(0, 3));
  const setting = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
  for (const [key, value] of [["name", "Alte Plattform"], ["language", "en"], ["quorum", "half"], ["majority", "simple"], ["base", "yes-no"]]) setting.run(key, value);
  const group = db.prepare("INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  group.run("St. Marien", "st. marien", "MARIEN", "marien", "parish", "2020-01-15", "2020-01-15T10:00:00.000Z");
  group.run("Mieterinitiative Süd", "mieterinitiative süd", null, null, "tenants", "2021-06-01", "2021-06-01T10:00:00.000Z");
  db.close();
  return path;
}

describe("killed during a migration", () => {
  it("paused inside step 4, killed: still version 3 and intact; the next run migrates it", async () => {
    const db = versionThreeFile();
    expect(await killAtPause(["groups", "list"], db, { PLATTFORM_TEST_PAUSE_MIGRATION_AT: "4" })).toBe("SIGKILL");

    expect(integrity(db)).toBe("ok");
    const conn = new Database(db, { fileMustExist: true });
    try {
      expect(schemaVersion(conn)).toBe(3);
      const tables = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
      expect(tables).toContain("votes");
      expect(tables).not.toContain("elections");
      expect(tables).not.toContain("teams");
      expect(conn.prepare("SELECT name FROM groups ORDER BY id").pluck().all()).toEqual(["St. Marien", "Mieterinitiative Süd"]);
    } finally {
      conn.close();
    }
    // The backup written before the migration began is beside it, and holds version 3 too.
    const backups = readdirSync(join(db, "..")).filter((f) => /^alt\.db\.v3-.*\.bak$/.test(f));
    expect(backups).toHaveLength(1);

    const groups = await okJson<Array<{ name: string }>>(["groups", "list"], { db });
    expect(groups.map((g) => g.name)).toEqual(["Mieterinitiative Süd", "St. Marien"].sort((a, b) => a.localeCompare(b, "de")));
    expect(query(db, "PRAGMA user_version")[0].user_version).toBe(SCHEMA_VERSION);
    expect((await okJson(["check"], { db })).ok).toBe(true);
  }, 300_000);
});
