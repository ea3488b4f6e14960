// Restore trusts nothing it did not make: a backup with an extra trigger, table or view is refused with the
// current file unchanged; and a write that runs during a restore is either in the kept file (it came first) or in
// the restored one (it waited), never acknowledged and lost.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, fileHash, newPlatform, oneLineError, run, runEnv, tempDir } from "../helpers.js";

const env = { PLATTFORM_TODAY: "2026-03-10" };

async function platformWithBackup(): Promise<{ db: string; backup: string }> {
  const db = await newPlatform(["--lang", "en"]);
  expect((await run(["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"], { db, env })).code).toBe(0);
  const backup = join(tempDir(), "backup.db");
  expect((await run(["backup", backup], { db, env })).code).toBe(0);
  return { db, backup };
}

describe("restore of a crafted backup", () => {
  const crafted: Array<[string, string, RegExp]> = [
    ["an extra trigger", "CREATE TRIGGER copy_ballots AFTER INSERT ON ballots BEGIN SELECT 1; END;", /holds a trigger “copy_ballots” that plattform does not create/],
    ["an extra table", "CREATE TABLE ballot_log (group_id INTEGER, content TEXT);", /holds a table “ballot_log” that plattform does not create/],
    ["an extra view", "CREATE VIEW who_voted AS SELECT * FROM ballot_receipts;", /holds a view “who_voted” that plattform does not create/],
    ["a changed table", "ALTER TABLE ballot_receipts ADD COLUMN cast_at TEXT;", /the table “ballot_receipts” is defined otherwise/],
    ["a dropped index", "DROP INDEX votes_by_meeting;", /lacks the index “votes_by_meeting”/],
  ];
  for (const [what, sql, message] of crafted)
    it(`with ${what}: exit 1, one line naming it, the current file unchanged`, async () => {
      const { db, backup } = await platformWithBackup();
      const conn = new Database(backup);
      conn.exec(sql);
      conn.close();
      const before = fileHash(db);
      const result = await run(["restore", backup, "--yes"], { db, env });
      expect(result.code, result.stderr).toBe(1);
      expect(oneLineError(result.stderr)).toBe(true);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe("");
      expect(fileHash(db)).toBe(before);
    });

  it("check reports the same objects in a live file", async () => {
    const { db } = await platformWithBackup();
    const conn = new Database(db);
    conn.exec("CREATE TRIGGER copy_ballots AFTER INSERT ON ballots BEGIN SELECT 1; END;");
    conn.close();
    const result = await run(["check", "--json"], { db, env });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).problems).toContainEqual(expect.objectContaining({ check: "schema", problem: "schemaUnexpected", details: { type: "trigger", name: "copy_ballots" } }));
  });
});

interface Exit {
  code: number | null;
  stderr: string;
}

function start(args: string[], db: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "--lang", "en", ...args], { env: runEnv({ db, env }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

const titles = (path: string) => {
  const conn = new Database(path, { readonly: true });
  try {
    return new Set(conn.prepare("SELECT title FROM tasks").pluck().all() as string[]);
  } finally {
    conn.close();
  }
};

describe("a restore while others write", () => {
  it("loses no write that was acknowledged: each is in the kept file or in the restored one", async () => {
    const { db, backup } = await platformWithBackup();
    let lostOrKept = 0;
    for (let round = 0; round < 3; round++) {
      const writes = Array.from({ length: 12 }, (_, i) => start(["tasks", "add", `Aufgabe ${round}-${i}`, "--owner", "JOSEF"], db));
      const restore = start(["restore", backup, "--yes"], db);
      const exits = await Promise.all(writes);
      const restored = await restore;
      if (restored.code !== 0) {
        // refused while another command held the file: nothing changed, every acknowledged write is in it
        expect(restored.code, restored.stderr).toBe(3);
        const now = titles(db);
        exits.forEach((e, i) => e.code === 0 && expect(now.has(`Aufgabe ${round}-${i}`)).toBe(true));
        continue;
      }
      const dir = join(db, "..");
      const kept = (await import("node:fs")).readdirSync(dir).filter((f) => f.includes(".before-restore-") && !f.endsWith("-wal") && !f.endsWith("-shm")).map((f) => join(dir, f));
      const inKept = new Set<string>();
      for (const file of kept) for (const t of titles(file)) inKept.add(t);
      const now = titles(db);
      exits.forEach((e, i) => {
        const title = `Aufgabe ${round}-${i}`;
        if (e.code === 0) {
          expect(now.has(title) || inKept.has(title), `${title} acknowledged but nowhere`).toBe(true);
          lostOrKept++;
        } else expect(e.code, e.stderr).toBe(3);
      });
      expect(existsSync(db)).toBe(true);
    }
    process.stderr.write(`restoreSafe: acknowledged writes found ${lostOrKept}\n`);
  }, 120_000);
});
