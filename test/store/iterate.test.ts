// Statement.iterate on both engines: the rows of all(), in order, one by one; on a server read from a cursor a
// batch at a time (PgStatement.iterate). Reads meanwhile are answered (code written for better-sqlite3 may look
// things up per row), and the connection is free for writes once the list ends or the reader stops early.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isServer, type Db } from "../../src/core/db.js";
import { storeDb } from "../helpers.js";

const ROWS = 2_345; // more than two of the server's batches, and a part of a third

let db: Db;
beforeEach(() => {
  db = storeDb();
  db.exec("CREATE TABLE numbers (n INTEGER NOT NULL, label TEXT NOT NULL)");
  const insert = db.prepare("INSERT INTO numbers (n, label) VALUES (?, ?)");
  db.transaction(() => {
    for (let n = 1; n <= ROWS; n++) insert.run(n, `Zahl ${n} – ${"ä".repeat(n % 7)}`);
  })();
});
afterEach(() => db.close());

describe("iterate", () => {
  it("gives the rows of all(), in the same order, also plucked and with parameters", () => {
    const select = db.prepare("SELECT n, label FROM numbers WHERE n > ? ORDER BY n DESC");
    expect([...select.iterate(5)]).toEqual(select.all(5));
    expect([...select.iterate(5)]).toHaveLength(ROWS - 5);
    const labels = db.prepare("SELECT label FROM numbers WHERE n <= @last ORDER BY n").pluck();
    expect([...labels.iterate({ last: 1500 })]).toEqual(labels.all({ last: 1500 }));
    expect([...db.prepare("SELECT n FROM numbers WHERE n < 0").iterate()]).toEqual([]);
  });

  it("answers other reads while a list is being read (as better-sqlite3 does), and the list goes on", () => {
    const rows = db.prepare("SELECT n FROM numbers ORDER BY n").pluck().iterate() as IterableIterator<number>;
    const count = db.prepare("SELECT count(*) FROM numbers WHERE n <= ?").pluck();
    const seen: number[] = [];
    for (const n of rows) {
      seen.push(n);
      // A lookup per row at the start, after the first batch and near the end.
      if (n < 3 || n === 1001 || n === ROWS - 1) expect(count.get(n)).toBe(n);
    }
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
  });

  it("stopping early frees the connection for writes", () => {
    let seen = 0;
    for (const n of db.prepare("SELECT n FROM numbers ORDER BY n").pluck().iterate() as IterableIterator<number>) {
      seen = n;
      if (n === 1200) break;
    }
    expect(seen).toBe(1200);
    db.prepare("DELETE FROM numbers WHERE n > ?").run(1200);
    expect(db.prepare("SELECT count(*) FROM numbers").pluck().get()).toBe(1200);
  });

  it("inside a transaction: sees the transaction's own rows; the transaction goes on afterwards", () => {
    const total = db.transaction(() => {
      db.prepare("INSERT INTO numbers (n, label) VALUES (?, ?)").run(ROWS + 1, "neu");
      let sum = 0;
      for (const n of db.prepare("SELECT n FROM numbers").pluck().iterate() as IterableIterator<number>) sum += n;
      db.prepare("DELETE FROM numbers WHERE n = ?").run(ROWS + 1);
      return sum;
    })();
    expect(total).toBe(((ROWS + 1) * (ROWS + 2)) / 2);
    expect(db.prepare("SELECT count(*) FROM numbers").pluck().get()).toBe(ROWS);
  });

  it("an error while reading ends the list with that error, and the connection stays usable", () => {
    // A failure at n = 1500: on a server after the first batch, so it comes from a later read of the cursor.
    // (SQLite divides by zero to NULL; malformed JSON fails there.)
    const failure = isServer(db) ? "1 / (1500 - n)" : "json(CASE WHEN n = 1500 THEN 'kein JSON' ELSE '1' END)";
    // No ORDER BY: a sort would compute every row before the first is handed over.
    const failing = db.prepare(`SELECT ${failure} AS x FROM numbers`).pluck();
    let read = 0;
    expect(() => {
      for (const _ of failing.iterate()) read++;
    }).toThrow();
    expect(db.prepare("SELECT count(*) FROM numbers").pluck().get()).toBe(ROWS);
    // SQLite steps row by row; a server hands over whole batches (the second one failed).
    expect(read).toBe(isServer(db) ? 1000 : 1499);
  });
});
