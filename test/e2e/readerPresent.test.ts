// Secret stays secret with another program reading: while any other connection has the data file open (here one
// holding a read snapshot, as a sqlite3 shell or a viewer would), a ballot or `people forget` is refused with the
// file unchanged; once it is closed, each ballot and each forget leaves an empty write-ahead log behind, so no
// frame shows which group cast which ballot, and no byte holds the forgotten name.
import Database from "better-sqlite3";
import { existsSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform, oneLineError, run, spawnRun } from "../helpers.js";

const TODAY = "2026-03-10";
const GROUPS = 5;
const env = { PLATTFORM_TODAY: TODAY };

async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "en"]);
  const ok = async (args: string[]) => {
    const result = await run(args, { db, env });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  };
  for (let i = 0; i < GROUPS; i++) {
    await ok(["groups", "add", `Gruppe ${i}`, "--short", `G${i}`, "--joined", "2020-01-01"]);
    await ok(["people", "add", `Person ${i}`, "--group", `G${i}`, "--role", "representative", "--since", "2020-01-01"]);
  }
  await ok(["meetings", "add", "kernkreis", "--date", "2026-03-03"]);
  await ok(["meetings", "attend", "1", ...Array.from({ length: GROUPS }, (_, i) => `Person ${i}`)]);
  await ok(["elections", "add", "1", "--team", "strategy-finance", "--seats", "1"]);
  for (const i of [0, 1]) {
    await ok(["elections", "nominate", "1", `Person ${i}`, "--by", `G${i}`]);
    await ok(["elections", "accept", "1", `Person ${i}`]);
  }
  return db;
}

/** Another program reading: a connection with an open read transaction (its snapshot pins the WAL). */
function reader(db: string): Database.Database {
  const conn = new Database(db, { readonly: true });
  conn.exec("BEGIN");
  conn.prepare("SELECT count(*) FROM ballots").get();
  return conn;
}

const walBytes = (db: string) => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

describe("a secret ballot while another program reads the file", () => {
  it("is refused, one line, exit 3, nothing written; with the reader gone each ballot leaves an empty WAL", async () => {
    const db = await platform();
    const snapshot = reader(db);
    const before = fileHash(db);
    const walBefore = existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0);
    for (let i = 0; i < GROUPS; i++) {
      const result = spawnRun(["elections", "ballot", "1", "--group", `G${i}`, `Person ${i % 2}`], { db, env });
      expect(result.code, result.stderr).toBe(3);
      expect(oneLineError(result.stderr)).toBe(true);
      expect(result.stderr).toMatch(/^error: another program has the data file .* open — close it/);
      expect(result.stdout).toBe("");
    }
    expect(fileHash(db)).toBe(before);
    expect(existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0)).toEqual(walBefore);
    snapshot.close();

    for (let i = 0; i < GROUPS; i++) {
      const result = spawnRun(["elections", "ballot", "1", "--group", `G${i}`, `Person ${i % 2}`], { db, env });
      expect(result.code, result.stderr).toBe(0);
      // No frame left to replay: the log is empty after every ballot.
      expect(walBytes(db)).toBe(0);
    }
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) FROM ballots").pluck().get()).toBe(GROUPS);
    expect(conn.prepare("SELECT count(*) FROM ballot_receipts").pluck().get()).toBe(GROUPS);
    conn.close();
  }, 60_000);

  it("meanwhile other commands of the same platform still work", async () => {
    const db = await platform();
    const snapshot = reader(db);
    expect(spawnRun(["elections", "show", "1"], { db, env }).code).toBe(0);
    expect(spawnRun(["groups", "add", "Gruppe X", "--short", "GX", "--joined", "2020-01-01"], { db, env }).code).toBe(0);
    snapshot.close();
  }, 60_000);
});

describe("people forget while another program reads the file", () => {
  it("is refused with the file unchanged; afterwards, the name, e-mail and phone are in no byte of the file or its WAL", async () => {
    const db = await newPlatform(["--lang", "en"]);
    const name = "Zofia Wiśniewska";
    for (const args of [
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"],
      ["people", "add", name, "--group", "JOSEF", "--email", "zofia.w@example.org", "--phone", "0171 2223334", "--since", "2020-01-01"],
      ["tasks", "add", "Anrufen", "--owner", name],
    ])
      expect((await run(args, { db, env })).code).toBe(0);
    const snapshot = reader(db);
    const before = fileHash(db);
    const refused = spawnRun(["people", "forget", name, "--yes"], { db, env });
    expect(refused.code, refused.stderr).toBe(3);
    expect(oneLineError(refused.stderr)).toBe(true);
    expect(fileHash(db)).toBe(before);
    snapshot.close();

    const done = spawnRun(["people", "forget", name, "--yes"], { db, env });
    expect(done.code, done.stderr).toBe(0);
    expect(walBytes(db)).toBe(0);
    const bytes = Buffer.concat([readFileSync(db), existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0)]);
    for (const secret of [name, name.normalize("NFD"), "Wiśniewska", "zofia.w@example.org", "0171 2223334"]) expect(bytes.includes(Buffer.from(secret, "utf8")), secret).toBe(false);
  }, 60_000);
});
