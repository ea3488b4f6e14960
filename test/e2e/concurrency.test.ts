// Several people on one data file: 8 processes add 50 tasks each at the same time while a reader lists them;
// a backup taken while others write is a consistent, intact copy.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, newPlatform, tempDir } from "../helpers.js";
import { ok, query } from "../cli/util.js";

const WRITER = join(ROOT, "test", "e2e", "scripts", "writer.mjs");
const DIST_MAIN = join(ROOT, "dist", "main.js");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "en"]);
  dirs.push(join(db, ".."));
  await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish"], { db });
  return db;
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnNode(args: string[], db: string): { done: Promise<Exit> } {
  const home = tempDir();
  dirs.push(home);
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", HOME: home, NO_COLOR: "1", LANG: "C.UTF-8", PLATTFORM_DB: db },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return { done: new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr }))) };
}

/** Starts `writers` processes that each add `count` tasks labelled W<n>. */
function startWriters(db: string, writers: number, count: number): Promise<Exit[]> {
  return Promise.all(Array.from({ length: writers }, (_, n) => spawnNode([WRITER, DIST_MAIN, String(count), `W${n + 1}`, "JOSEF"], db).done));
}

describe("concurrent writers", () => {
  it("8 processes × 50 tasks: exactly 400 arrive, none fails as locked; a reader meanwhile sees counts that only grow", async () => {
    const db = await platform();
    let writing = true;
    const writers = startWriters(db, 8, 50).finally(() => (writing = false));
    // The reader: `tasks list --json` again and again until the writers are done (and once more after).
    const counts: number[] = [];
    const readerErrors: string[] = [];
    do {
      const read = await spawnNode([BIN, "tasks", "list", "--json"], db).done;
      if (read.code !== 0) readerErrors.push(read.stderr);
      else {
        const tasks = JSON.parse(read.stdout) as Array<{ id: number; title: string }>;
        // Consistent: whole transactions only, so ids are unique and every title is a writer's "W<n> <i>".
        expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
        expect(tasks.every((t) => /^W[1-8] ([1-9]|[1-4]\d|50)$/.test(t.title))).toBe(true);
        counts.push(tasks.length);
      }
    } while (writing);
    const exits = await writers;
    for (const exit of exits) {
      expect(exit.stderr).not.toMatch(/locked|busy|belegt/i);
      expect(exit.stderr).toBe("");
      expect(exit.code).toBe(0);
    }
    expect(readerErrors).toEqual([]);
    expect(counts.length).toBeGreaterThan(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);

    const rows = query<{ title: string }>(db, "SELECT title FROM tasks ORDER BY id");
    expect(rows).toHaveLength(400);
    for (let n = 1; n <= 8; n++) {
      const mine = rows.filter((r) => r.title.startsWith(`W${n} `)).map((r) => Number(r.title.split(" ")[1]));
      expect(mine.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    }
    expect(query(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'task' AND action = 'add'")[0].n).toBe(400);
    expect(query(db, "PRAGMA integrity_check")[0].integrity_check).toBe("ok");
    expect((await ok(["tasks", "list", "--json"], { db })).json()).toHaveLength(400);
  }, 600_000);
});

describe("backup while others write", () => {
  it("each backup is intact, mode 0600, and holds whole transactions only", async () => {
    const db = await platform();
    const out = tempDir();
    dirs.push(out);
    let writing = true;
    const writers = startWriters(db, 3, 40).finally(() => (writing = false));
    const backups: string[] = [];
    do {
      const target = join(out, `backup-${backups.length + 1}.db`);
      const result = await spawnNode([BIN, "backup", target, "--json"], db).done;
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).file).toBe(target);
      backups.push(target);
    } while (writing);
    for (const exit of await writers) expect(exit.code).toBe(0);
    expect(backups.length).toBeGreaterThan(0);
    const sizes: number[] = [];
    for (const file of backups) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const copy = new Database(file, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        const tasks = copy.prepare("SELECT count(*) FROM tasks").pluck().get() as number;
        // A task and its audit row are written in one transaction: a consistent copy has as many of each.
        expect(copy.prepare("SELECT count(*) FROM audit_log WHERE entity = 'task' AND action = 'add'").pluck().get()).toBe(tasks);
        sizes.push(tasks);
      } finally {
        copy.close();
      }
    }
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThanOrEqual(sizes[i - 1]!);
    // The last backup was taken after the writers finished: it holds everything.
    const last = join(out, "after.db");
    await ok(["backup", last], { db });
    expect(query(last, "SELECT count(*) AS n FROM tasks")[0].n).toBe(120);
  }, 600_000);
});
