// The progress of a backup on a terminal (issue 18 item 5): SQLite's backup API copies the pages a hundredth at a
// time and says how far it is; the copy is still whole, and a copy restarted by another writer finishes at once.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../../src/core/db.js";
import { backupSteps, backupTo } from "../../src/maintenance/backup.js";
import { tempDir } from "../helpers.js";

describe("backup in steps", () => {
  it("a hundredth of the pages per step, the percent reported; after a restart the rest in one step", () => {
    const seen: number[] = [];
    const step = backupSteps((p) => seen.push(p));
    expect(step({ totalPages: 1000, remainingPages: 1000 })).toBe(10);
    expect(step({ totalPages: 1000, remainingPages: 990 })).toBe(10);
    expect(step({ totalPages: 1000, remainingPages: 500 })).toBe(10);
    // another process wrote: SQLite started again, more pages remain than before
    expect(step({ totalPages: 1000, remainingPages: 990 })).toBe(0x7fffffff);
    expect(seen).toEqual([0, 1, 50, 1]);
    expect(backupSteps(undefined)({ totalPages: 1000, remainingPages: 1000 })).toBe(0x7fffffff);
  });

  it("a copy taken in steps reports rising percents and holds every row", async () => {
    const dir = tempDir();
    const db = openSqlite(join(dir, "gross.db"));
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)");
    const insert = db.prepare("INSERT INTO t (text) VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`Zeile ${i} ${"x".repeat(100)}`);
    })();
    const percents: number[] = [];
    const target = join(dir, "kopie.db");
    await backupTo(db, target, (p) => percents.push(p));
    db.close();
    expect(percents.length).toBeGreaterThan(50);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents.at(-1)).toBeLessThan(100);
    const copy = openSqlite(target, { readonly: true });
    expect(copy.prepare("SELECT count(*) AS n, max(text) AS last FROM t").get()).toEqual({ n: 20_000, last: `Zeile 9999 ${"x".repeat(100)}` });
    copy.close();
  });
});
