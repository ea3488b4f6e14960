// Issue 19, "Done when": three processes each make 100 writes of different kinds against one server at once —
// all 300 land, none is refused for a lock, the audit log has 300 matching entries, and concurrent edits of
// different fields of one group all survive. (test/e2e/concurrency.test.ts is the data file's counterpart.)
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newPlatform, ROOT, tempDir } from "../helpers.js";
import { auditChainBreak } from "../../src/core/auditStore.js";
import { dbTarget, onServer, openServerDb } from "../server.js";
import { ok, query } from "./util.js";

const WRITER = join(ROOT, "test", "e2e", "scripts", "mixedWriter.mjs");
const DIST_MAIN = join(ROOT, "dist", "main.js");
const WRITES = 100;
const FIELDS = ["--phone", "--email", "--notes"] as const;

interface Exit {
  code: number | null;
  stderr: string;
}

function writer(db: string, n: number): Promise<Exit> {
  const child = spawn(process.execPath, [WRITER, DIST_MAIN, String(WRITES), `W${n}`, "JOSEF", FIELDS[n - 1]!], {
    env: { PATH: process.env.PATH ?? "", HOME: tempDir(), NO_COLOR: "1", LANG: "C.UTF-8", PLATTFORM_DB: dbTarget(db), PLATTFORM_USER: `W${n}` },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

/** The i of the writes of kind `kind` (0 task, 1 person, 2 income, 3 group edit) among 1…WRITES. */
const numbers = (kind: number) => Array.from({ length: WRITES }, (_, i) => i + 1).filter((i) => i % 4 === kind);

describe.skipIf(!onServer)("three writers on one server (needs PLATTFORM_TEST_PG: npm run test:pg)", () => {
  it("3 processes × 100 writes of four kinds: all 300 land, none refused, 300 audit entries, every group field kept", async () => {
    const db = await newPlatform(["--lang", "en"]);
    await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish"], { db });
    const before = query<{ n: number }>(db, "SELECT count(*) AS n FROM audit_log")[0]!.n;

    const exits = await Promise.all([1, 2, 3].map((n) => writer(db, n)));
    for (const exit of exits) {
      expect(exit.stderr).not.toMatch(/busy|locked|belegt/i);
      expect(exit.stderr).toBe("");
      expect(exit.code).toBe(0);
    }

    for (const n of [1, 2, 3]) {
      const label = `W${n}`;
      const tasks = query<{ title: string }>(db, "SELECT title FROM tasks WHERE title LIKE ? ORDER BY id", `${label} %`).map((r) => Number(r.title.split(" ")[1]));
      expect(tasks.sort((a, b) => a - b)).toEqual(numbers(0));
      const people = query<{ name: string }>(db, "SELECT name FROM people WHERE name LIKE ?", `Person ${label} %`).map((r) => Number(r.name.split(" ")[2]));
      expect(people.sort((a, b) => a - b)).toEqual(numbers(1));
      const income = query<{ note: string; amount: number }>(db, "SELECT note, amount FROM income WHERE note LIKE ?", `${label} %`);
      expect(income.map((r) => Number(r.note.split(" ")[1])).sort((a, b) => a - b)).toEqual(numbers(2));
      expect(income.every((r) => r.amount === Number(r.note.split(" ")[1]) * 100)).toBe(true);
      // each writer's entries, under its name and the database user
      const entries = query<{ entity: string; action: string }>(db, "SELECT entity, action FROM audit_log WHERE actor LIKE ? ORDER BY id", `${label} (%)`);
      expect(entries).toHaveLength(WRITES);
      expect(entries.filter((e) => e.entity === "task" && e.action === "add")).toHaveLength(25);
      expect(entries.filter((e) => e.entity === "person" && e.action === "add")).toHaveLength(25);
      expect(entries.filter((e) => e.entity === "income" && e.action === "add")).toHaveLength(25);
      expect(entries.filter((e) => e.entity === "group" && e.action === "edit")).toHaveLength(25);
      // Only this writer changes its field: each of its edits must find the value its previous edit left. An edit
      // by another writer that wrote back a row read before (a lost update) shows as a different "before".
      const field = FIELDS[n - 1]!.slice(2);
      const edits = query<{ changes: string }>(db, "SELECT changes FROM audit_log WHERE actor LIKE ? AND entity = 'group' AND action = 'edit' ORDER BY id", `${label} (%)`).map(
        (e) => (JSON.parse(e.changes) as Record<string, [unknown, unknown]>)[field]!,
      );
      for (let k = 1; k < edits.length; k++) expect(edits[k]![0], `${label}'s edit ${k + 1} of ${field}: the value before`).toBe(edits[k - 1]![1]);
    }
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM audit_log")[0]!.n).toBe(before + 3 * WRITES);

    // Each writer edited its own field of the one group last with its write 99: a lost update would have put
    // back another writer's older value.
    expect(query(db, "SELECT phone, email, notes FROM groups WHERE short = 'JOSEF'")).toEqual([{ phone: "030 1099", email: "w2-99@example.org", notes: "W3 99" }]);
    // the hash chain of the log is whole: one writer at a time appended to it
    const server = openServerDb(db);
    try {
      expect(auditChainBreak(server as never)).toBeNull();
    } finally {
      server.close();
    }
  }, 600_000);
});
