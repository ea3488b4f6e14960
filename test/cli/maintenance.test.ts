// backup, restore, check, log and `people export <person>`; `people forget` leaves no trace in the file's
// bytes; data files and backups are readable by their owner only. On a server (npm run test:pg) the same platforms
// are server databases: what a test injects behind plattform's back goes in through a server connection there.
import Database from "better-sqlite3";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutesHash } from "../../src/meetings/service.js";
import { SCHEMA_VERSION } from "../../src/migrations/index.js";
import { createDataFile, migrate, openDataFile, type Db } from "../../src/core/db.js";
import { MIGRATIONS } from "../../src/migrations/index.js";
import { fileHash, newPlatform, run, tempDir } from "../helpers.js";
import { databaseOf, dbTarget, onServer, openServerDb, recordedActor } from "../server.js";
import { copyOf, dataFileBytes, fails, ok, okJson, query, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const dirs: string[] = [];
const temp = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A small English platform: JOSEF and NUR, Maria (JOSEF) and Yusuf (NUR), a team, a meeting, a task. */
let small: string;
/** The demo platform (German). */
let demo: string;
beforeAll(async () => {
  small = join(temp(), "small.db");
  const at: RunOptions = { db: small, env: { PLATTFORM_TODAY: TODAY, PLATTFORM_USER: "sekretariat" } };
  for (const args of [
    ["init", "--name", "Testplattform", "--lang", "en"],
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-01-01"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2018-01-01"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2016-01-01", "--email", "maria@example.org"],
    ["people", "add", "Yusuf Demir", "--group", "NUR", "--since", "2018-01-01"],
  ])
    await ok(args, at);
  await ok(["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"], { ...at, env: { ...at.env, PLATTFORM_USER: "organizer" } });
  demo = join(temp(), "demo.db");
  await ok(["demo", "--db", demo]);
}, 120_000);

const mode = (path: string) => statSync(path).mode & 0o777;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A connection to the platform behind plattform's back, to inject what it would refuse: the SQLite file, or on a server its database. */
function behindItsBack(path: string): Db {
  return (onServer ? openServerDb(path) : new Database(path)) as unknown as Db;
}

/** The tool a check's hint names for a repair by hand. */
const repairTool = onServer ? "psql" : "sqlite3";
/** The line check ends with on a server: its FILE_ONLY checks (SQLite's page check, the -wal/-shm beside the file) not run. */
const notCheckedLine = onServer ? "Not checked on a server (they concern the SQLite file): integrity, files.\n" : "";

/** A data file of schema version 3, as an older plattform left it, with one group; or its backup (no WAL, as `backup` writes it). */
function versionThreeFile(backup = false): string {
  const path = join(temp(), "alt.db");
  createDataFile(path);
  const db = openDataFile(path);
  migrate(db, MIGRATIONS.slice(0, 3));
  const setting = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
  for (const [key, value] of [["name", "Alte Plattform"], ["language", "en"]]) setting.run(key, value);
  db.prepare("INSERT INTO groups (name, name_key, kind, joined_on, created_at) VALUES ('St. Marien', 'st. marien', 'parish', '2020-01-15', '2020-01-15T10:00:00.000Z')").run();
  if (backup) db.pragma("journal_mode = DELETE");
  db.close();
  return path;
}

describe("backup", () => {
  it("writes an intact copy, mode 0600, and reports it with --json", async () => {
    const db = copyOf(small);
    const target = join(temp(), "sicherung.db");
    const report = await okJson(["backup", target], { db });
    expect(report).toEqual({ file: target, bytes: statSync(target).size, schemaVersion: SCHEMA_VERSION });
    expect(mode(target)).toBe(0o600);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(query(target, "SELECT name FROM groups ORDER BY id").map((r) => r.name)).toEqual(["St. Josef", "Moscheeverein Al-Nur"]);
    expect(query(target, "PRAGMA integrity_check")[0].integrity_check).toBe("ok");
    expect((await ok(["backup", join(temp(), "b.db")], { db })).stdout).toMatch(/^Backup written to .*b\.db \(\d+ KB, schema version \d+\)\.\n$/);
  });

  it.each<[string, (dir: string, db: string) => string[], number, RegExp | ((db: string) => string)]>([
    ["the target exists", (dir) => ["backup", (writeFileSync(join(dir, "da.db"), "x"), join(dir, "da.db"))], 1, /da\.db exists already/],
    ["the target's folder does not exist", (dir) => ["backup", join(dir, "fehlt", "b.db")], 1, /fehlt does not exist/],
    // On a server the data is its database: its URL is the target that is the data itself.
    ["the target is the data file", (_dir, db) => ["backup", dbTarget(db)], 1, (db) => `${dbTarget(db)} is the data file itself`],
    ["the target is a database server", () => ["backup", "postgres://plattform@127.0.0.1:1/anderswo"], 1, /a backup is written to a file, not to a database server/],
    ["the target is a folder", (dir) => ["backup", dir], 1, /exists already/],
    ["no target", () => ["backup"], 2, /missing argument <file>/],
    ["an unknown option", (dir) => ["backup", join(dir, "b.db"), "--compress"], 2, /unknown option “--compress”/],
  ])("bad input: %s", async (_what, args, code, message) => {
    const db = copyOf(small);
    const dir = temp();
    const before = readdirSync(dir);
    expect((await fails(args(dir, db), { db }, code)).stderr).toMatch(typeof message === "function" ? message(db) : message);
    expect(readdirSync(dir).filter((f) => f !== "da.db")).toEqual(before.filter((f) => f !== "da.db"));
  });

  it("a missing data file: exit 3", async () => {
    const [target, db] = [join(temp(), "b.db"), join(temp(), "fehlt.db")];
    // On a server the database is there but holds no platform.
    const message = onServer ? `${dbTarget(db)} holds no platform yet` : `no data file at ${db}`;
    expect((await fails(["backup", target], { db }, 3)).stderr).toContain(message);
    expect(existsSync(target)).toBe(false);
  });
});

describe("restore", () => {
  /** The small platform with one more group, and a backup of the small platform before it. */
  async function changedWithBackup(): Promise<{ db: string; backup: string }> {
    const db = copyOf(small);
    const backup = join(temp(), "vorher.db");
    await ok(["backup", backup], { db });
    await ok(["groups", "add", "Neue Gruppe", "--kind", "other"], { db });
    return { db, backup };
  }

  it("with --yes: the backup's content, the old file kept beside it (0600), a restore row in the log", async () => {
    const { db, backup } = await changedWithBackup();
    const oldGroups = query(db, "SELECT name FROM groups ORDER BY id").map((r) => r.name);
    const report = await okJson(["restore", backup, "--yes"], { db, env: { PLATTFORM_USER: "admin" } });
    expect(report).toMatchObject({ restored: backup, file: dbTarget(db), schemaVersion: SCHEMA_VERSION, groups: 2, people: 2 });
    // A server's current rows are kept in a file beside the backup, named after its database.
    const keptBeside = onServer ? join(dirname(backup), databaseOf(db)) : db;
    expect(report.kept).toMatch(new RegExp(`^${escaped(keptBeside)}\\.before-restore-\\d{8}T\\d{6}$`));
    expect(query(db, "SELECT name FROM groups ORDER BY id").map((r) => r.name)).toEqual(["St. Josef", "Moscheeverein Al-Nur"]);
    expect(query(report.kept, "SELECT name FROM groups ORDER BY id").map((r) => r.name)).toEqual(oldGroups);
    // FILE_ONLY: the data file's mode (a server's data has none).
    if (!onServer) expect(mode(db)).toBe(0o600);
    expect(mode(report.kept)).toBe(0o600);
    const log = await okJson<Array<{ entity: string; action: string; actor: string; changes: { from: string; kept: string } }>>(["log", "--entity", "data_file"], { db });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entity: "data_file", action: "restore", actor: recordedActor("admin"), changes: { from: backup, kept: report.kept } });
    expect((await okJson(["check"], { db })).ok).toBe(true);
  });

  it("prints what it did", async () => {
    const { db, backup } = await changedWithBackup();
    const out = (await ok(["restore", backup, "--yes"], { db })).stdout;
    expect(out).toContain(`Restored ${dbTarget(db)} from ${backup}.`);
    expect(out).toMatch(/The previous data file is kept as .*\.before-restore-\d{8}T\d{6}\.\n$/);
  });

  // FILE_ONLY: a new data file and its mode; on a server see maintenance-server.test.ts (restore into an empty database).
  it.skipIf(onServer)("onto a data file that does not exist yet: creates it (0600), nothing to keep", async () => {
    const backup = join(temp(), "b.db");
    await ok(["backup", backup], { db: copyOf(small) });
    const db = join(temp(), "neu.db");
    const report = await okJson(["restore", backup, "--yes"], { db });
    expect(report.kept).toBeNull();
    expect(mode(db)).toBe(0o600);
    expect(await okJson<unknown[]>(["groups", "list"], { db })).toHaveLength(2);
  });

  it("a backup of an older schema is restored and then migrated (on a file with a backup of that version beside it)", async () => {
    const { db } = await changedWithBackup();
    const backup = versionThreeFile(true);
    const besideBackup = readdirSync(dirname(backup));
    const result = await okJson(["restore", backup, "--yes"], { db });
    expect(result).toMatchObject({ schemaVersion: 3, groups: 1 });
    expect((await okJson<Array<{ name: string }>>(["groups", "list"], { db })).map((g) => g.name)).toEqual(["St. Marien"]);
    expect((await okJson(["check"], { db })).ok).toBe(true);
    if (onServer) {
      // A server is migrated before the rows go in, in a copy of the backup that is removed again: beside the
      // backup only the file that keeps the server's previous rows.
      expect(query(db, "SELECT max(version) AS v FROM schema_version")[0].v).toBe(SCHEMA_VERSION);
      expect(readdirSync(dirname(backup)).filter((f) => !besideBackup.includes(f))).toEqual([basename(result.kept)]);
    } else {
      // FILE_ONLY: user_version and the migration backup beside the data file.
      expect(query(db, "PRAGMA user_version")[0].user_version).toBe(SCHEMA_VERSION);
      expect(readdirSync(join(db, "..")).filter((f) => /^plattform\.db\.v3-.*\.bak$/.test(f))).toHaveLength(1);
      expect(readdirSync(dirname(backup))).toEqual(besideBackup);
    }
  });

  function corrupt(path: string): void {
    const bytes = readFileSync(path);
    // Page 2 onwards overwritten: the header still says SQLite, the b-trees are garbage.
    for (let i = 4096; i < Math.min(bytes.length, 4096 * 6); i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
  }

  it.each<[string, (backup: string) => string[], number, RegExp]>([
    ["without --yes and without a terminal", (b) => ["restore", b], 1, /needs a confirmation — run it again with --yes/],
    ["with --no-input and without --yes", (b) => ["restore", b, "--no-input"], 1, /needs a confirmation/],
    ["a backup that does not exist", (b) => ["restore", `${b}.fehlt`, "--yes"], 1, /cannot read/],
    ["a damaged backup", (b) => (corrupt(b), ["restore", b, "--yes"]), 1, /the backup .* is damaged: .* — nothing was replaced/],
    ["a file that is not SQLite", (b) => (writeFileSync(b, "name,kind\nA,parish\n"), ["restore", b, "--yes"]), 1, /is not a plattform data file/],
    ["another program's SQLite file", (b) => (rmSync(b), foreign(b), ["restore", b, "--yes"]), 1, /is not a plattform data file/],
    ["a backup of a newer schema", (b) => (newer(b), ["restore", b, "--yes"]), 1, new RegExp(`schema version ${SCHEMA_VERSION + 1}, but this plattform knows only up to ${SCHEMA_VERSION} — update plattform`)],
    // On a server the data is its database: its URL is what would restore the data from itself.
    ["the data file itself", (_b) => ["restore", "DATA", "--yes"], 1, /is the data file itself: there is nothing to restore/],
    ["a database server", () => ["restore", "postgres://plattform@127.0.0.1:1/anderswo", "--yes"], 1, /a backup is restored from a file, not from a database server/],
    ["no file", () => ["restore", "--yes"], 2, /missing/],
  ])("refuses, changing nothing: %s", async (_what, args, code, message) => {
    const { db, backup } = await changedWithBackup();
    const argv = args(backup).map((a) => (a === "DATA" ? dbTarget(db) : a));
    // A file's current content would be kept beside it, a server's beside the backup: neither folder changes.
    const folders = () => [dirname(db), dirname(backup)].map((dir) => readdirSync(dir));
    const before = folders();
    const { stderr } = await fails(argv, { db }, code);
    expect(stderr).toMatch(message);
    if (argv[1] === dbTarget(db)) expect(stderr).toContain(`${dbTarget(db)} is the data file itself`);
    expect(folders()).toEqual(before);
  });

  function foreign(path: string): void {
    const db = new Database(path);
    db.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)");
    db.close();
  }

  function newer(path: string): void {
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
  }

  it("German messages", async () => {
    const { db, backup } = await changedWithBackup();
    expect((await fails(["restore", backup, "--lang", "de"], { db }, 1)).stderr).toMatch(/^Fehler: das muss bestätigt werden/);
  });
});

describe("check", () => {
  it("the demo platform has no problems", async () => {
    const db = copyOf(demo);
    const all = ["integrity", "foreign-keys", "schema", "files", "one-vote-per-group", "ballot-secrecy", "approved-minutes", "attendance", "income", "meeting-day", "election-counts", "audit-log"];
    const skipped = onServer ? ["integrity", "files"] : [];
    const run = all.filter((name) => !skipped.includes(name));
    const result = await ok(["check", "--lang", "en"], { db });
    expect(result.stdout).toBe(`${notCheckedLine}No problems found (${run.join(", ")}).\n`);
    const report = await okJson(["check"], { db });
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual(run.map((name) => [name, true]));
    expect(report.skipped).toEqual(onServer ? skipped : undefined);
  });

  it("a second vote of a group, injected with raw SQL: reported exactly, exit 1", async () => {
    const db = copyOf(demo);
    const conn = behindItsBack(db);
    const first = conn.prepare('SELECT c.group_id AS "groupId", g.name FROM vote_casts c JOIN groups g ON g.id = c.group_id WHERE c.vote_id = 1 ORDER BY c.id LIMIT 1').get() as { groupId: number; name: string };
    const stored = conn.prepare("SELECT minutes_hash FROM meetings WHERE id = (SELECT meeting_id FROM votes WHERE id = 1)").pluck().get() as string;
    const meeting = conn.prepare("SELECT id, date FROM meetings WHERE id = (SELECT meeting_id FROM votes WHERE id = 1)").get() as { id: number; date: string };
    // The table's UNIQUE (vote_id, group_id) would refuse it: rebuild the table without it (that is the point;
    // the same SQL on both engines, and on both the check finds the table changed).
    conn.exec(`
      CREATE TABLE vote_casts_loose AS SELECT * FROM vote_casts;
      DROP TABLE vote_casts;
      ALTER TABLE vote_casts_loose RENAME TO vote_casts;
    `);
    conn.prepare("INSERT INTO vote_casts (id, vote_id, group_id, choice, cast_at) VALUES (999, 1, ?, 'no', '2026-02-03T19:30:00.000Z')").run(first.groupId);
    const now = minutesHash(conn, meeting.id);
    conn.close();

    const before = fileHash(db);
    const result = await runCheck(db, ["--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: 3 problems found in the data file — see the lines above; make a backup before you repair anything\n");
    expect(fileHash(db)).toBe(before);
    expect(result.stdout.endsWith(notCheckedLine)).toBe(true);
    const lines = result.stdout.slice(0, result.stdout.length - notCheckedLine.length).trimEnd().split("\n");
    expect(lines).toEqual([
      `the table “vote_casts” of the data file is defined otherwise than plattform defines it — it was changed with another tool: restore a backup made by \`plattform backup\``,
      `vote #1: group ${first.name} has 2 votes recorded, but only one is allowed — find the valid vote with \`plattform log --entity vote_cast\`, delete the others with ${repairTool}, or restore a backup`,
      `meeting #${meeting.id} (${meeting.date}): the approved minutes were changed after approval (hash ${stored.slice(0, 12)}… at approval, ${now.slice(0, 12)}… now) — restore a backup from before the change; corrections belong in \`plattform meetings amend\`; \`plattform log\` shows who changed what`,
    ]);
    const report = await runCheck(db, ["--json"]);
    expect(report.code).toBe(1);
    const json = JSON.parse(report.stdout);
    expect(json.ok).toBe(false);
    expect(json.problems.map((p: { check: string; problem: string }) => [p.check, p.problem])).toEqual([
      ["schema", "schemaChanged"],
      ["one-vote-per-group", "duplicateVote"],
      ["approved-minutes", "minutesChanged"],
    ]);
    expect(json.problems[1].details).toEqual({ vote: 1, group: first.name, groupId: first.groupId, count: 2 });
  });

  it("someone present for a group that was no member that day (an older file): reported, exit 1", async () => {
    const db = copyOf(demo);
    const conn = behindItsBack(db);
    const left = conn.prepare("SELECT id, name, left_on FROM groups WHERE left_on IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number; name: string; left_on: string };
    const meeting = conn.prepare("SELECT id, date FROM meetings WHERE date >= ? AND minutes <> 'approved' AND status = 'held' ORDER BY date, id LIMIT 1").get(left.left_on) as { id: number; date: string };
    const person = conn.prepare("SELECT id FROM people ORDER BY id LIMIT 1").pluck().get() as number;
    conn.prepare("INSERT INTO attendance (meeting_id, status, person_id, group_id) VALUES (?, 'present', ?, ?)").run(meeting.id, person, left.id);
    conn.close();
    const result = await runCheck(db, ["--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `meeting #${meeting.id} (${meeting.date}): ${left.name} is recorded as present, but was no member group that day — it counts for neither the quorum nor the votes; correct the group's joining or leaving date (\`plattform groups edit\`) if that is what is wrong, or remove the attendance with ${repairTool}\n${notCheckedLine}`,
    );
  });

  it("a ballot changed after the count: the recount differs from the stored result, reported, exit 1", async () => {
    const db = copyOf(demo);
    const conn = behindItsBack(db);
    const election = conn.prepare("SELECT id FROM elections WHERE tally IS NOT NULL ORDER BY id LIMIT 1").pluck().get() as number;
    const ballots = conn.prepare("SELECT id, content FROM ballots WHERE election_id = ? ORDER BY id").all(election) as Array<{ id: number; content: string }>;
    // the first ballot takes the content of one with another first preference: still a valid ballot, but the
    // first round's totals change, so the count must differ
    const first = (content: string) => (JSON.parse(content) as number[])[0];
    const other = ballots.find((b) => first(b.content) !== first(ballots[0]!.content))!;
    conn.prepare("UPDATE ballots SET content = ? WHERE id = ?").run(other.content, ballots[0]!.id);
    conn.close();
    const result = await runCheck(db, ["--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `election #${election}: its ballots, counted again, do not give the stored result — ballots or the result were changed after the count: restore a backup from before the change; \`plattform elections tally ${election}\` shows the count of the ballots as they are\n${notCheckedLine}`,
    );
  });

  it("approved minutes tampered with: reported exactly, exit 1", async () => {
    const db = copyOf(demo);
    const conn = behindItsBack(db);
    const meeting = conn.prepare("SELECT id, date, minutes_hash AS hash FROM meetings WHERE id = 3").get() as { id: number; date: string; hash: string };
    conn.prepare("UPDATE agenda_items SET title = 'Protokoll nachträglich geändert' WHERE meeting_id = 3 AND position = 1").run();
    const now = minutesHash(conn, 3);
    conn.close();
    const result = await runCheck(db, ["--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `meeting #3 (${meeting.date}): the approved minutes were changed after approval (hash ${meeting.hash.slice(0, 12)}… at approval, ${now.slice(0, 12)}… now) — restore a backup from before the change; corrections belong in \`plattform meetings amend\`; \`plattform log\` shows who changed what\n${notCheckedLine}`,
    );
    expect(result.stderr).toBe("error: 1 problem found in the data file — see the lines above; make a backup before you repair anything\n");
    expect((await runCheck(db, ["--lang", "de"])).stdout).toMatch(/^Treffen #3 \(.*\): das genehmigte Protokoll wurde nach der Genehmigung geändert/);
  });

  it("ballots that no longer match the receipts, and a ballot column that could link them to groups", async () => {
    const db = copyOf(demo);
    const conn = behindItsBack(db);
    conn.exec("ALTER TABLE ballots ADD COLUMN group_id INTEGER");
    const election = conn.prepare("SELECT election_id FROM ballots ORDER BY id LIMIT 1").pluck().get() as number;
    conn.prepare("DELETE FROM ballots WHERE id = (SELECT id FROM ballots WHERE election_id = ? ORDER BY id LIMIT 1)").run(election);
    const receipts = conn.prepare("SELECT count(*) FROM ballot_receipts WHERE election_id = ?").pluck().get(election) as number;
    conn.close();
    const json = JSON.parse((await runCheck(db, ["--json"])).stdout);
    expect(json.problems.map((p: { problem: string; details: unknown }) => [p.problem, p.details])).toEqual([
      ["schemaChanged", { type: "table", name: "ballots" }],
      ["ballotColumns", { table: "ballots", columns: "group_id" }],
      ["ballotCount", { election, receipts, ballots: receipts - 1 }],
      // the election was counted: one ballot fewer no longer gives the stored result
      ["recountDiffers", { election }],
    ]);
  });

  // FILE_ONLY: SQLite's pages overwritten; a server skips the integrity check (maintenance-server.test.ts).
  it.skipIf(onServer)("a damaged file: SQLite's integrity problems, and nothing else is checked; exit 1", async () => {
    const db = copyOf(small);
    const root = query(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'audit_log_by_entity'")[0].rootpage as number;
    const pageSize = query(db, "PRAGMA page_size")[0].page_size as number;
    // An index page overwritten with zeros, as a failing disk might leave it.
    const bytes = readFileSync(db);
    bytes.fill(0, (root - 1) * pageSize, root * pageSize);
    writeFileSync(db, bytes);
    const result = await runCheck(db, ["--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(["integrity"]);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((p: { check: string }) => p.check === "integrity")).toBe(true);
    expect((await runCheck(db)).stdout.split("\n")[0]).toMatch(/^the data file is damaged: .+ — restore the newest good backup with `plattform restore <file>`/);
  });
});

/** `plattform check` with its stdout (fails() insists on an empty stdout, check prints its problems there). */
function runCheck(db: string, extra: string[] = []) {
  return run(["check", ...extra], { db });
}

describe("log", () => {
  it("lists the audit log with --json, filtered by --since, --entity and --who, newest n with --limit", async () => {
    const db = copyOf(small);
    await ok(["groups", "edit", "JOSEF", "--phone", "030 1234567"], { db, env: { PLATTFORM_USER: "Maria", PLATTFORM_TODAY: "2026-03-05" } });
    const all = await okJson<Array<{ id: number; at: string; actor: string; entity: string; entityId: number | null; action: string; command: string[]; changes: unknown }>>(["log"], { db });
    const [sekretariat, organizer, maria] = ["sekretariat", "organizer", "Maria"].map(recordedActor);
    expect(all.map((e) => [e.entity, e.action, e.actor])).toEqual([
      ["platform", "init", sekretariat],
      ["group", "add", sekretariat],
      ["group", "add", sekretariat],
      ["person", "add", sekretariat],
      ["group_role", "link", sekretariat],
      ["person", "add", sekretariat],
      ["group_role", "link", sekretariat],
      ["team", "add", organizer],
      ["group", "edit", maria],
    ]);
    expect(all[8]).toMatchObject({ entityId: 1, command: ["groups", "edit", "JOSEF", "--phone", "030 1234567"], changes: { phone: [null, "030 1234567"] } });
    expect(await okJson<unknown[]>(["log", "--entity", "group"], { db })).toHaveLength(3);
    expect((await okJson<Array<{ actor: string }>>(["log", "--who", "MARIA"], { db })).map((e) => e.actor)).toEqual([maria]);
    expect((await okJson<Array<{ action: string }>>(["log", "--entity", "group", "--who", "sekretariat"], { db })).map((e) => e.action)).toEqual(["add", "add"]);
    expect((await okJson<Array<{ id: number }>>(["log", "--limit", "2"], { db })).map((e) => e.id)).toEqual([all[7]!.id, all[8]!.id]);
    expect(await okJson<unknown[]>(["log", "--since", "tomorrow"], { db })).toEqual([]);
    expect(await okJson<unknown[]>(["log", "--since", "1.1.2020"], { db })).toHaveLength(9);
    expect(await okJson<unknown[]>(["log", "--entity", "nothing"], { db })).toEqual([]);
  });

  it("a table for people, with local times", async () => {
    const db = copyOf(small);
    const out = (await ok(["log", "--entity", "team"], { db })).stdout.split("\n");
    expect(out[0]).toMatch(/^#\s+When\s+Who\s+What\s+Action\s+Changes$/);
    expect(out[1]).toMatch(new RegExp(`^8\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+${escaped(recordedActor("organizer"))}\\s+team #2\\s+add\\s+\\{"name":"Aktionsteam Wohnen"`));
    expect((await ok(["log", "--who", "niemand"], { db })).stdout).toBe("No entries.\n");
  });

  it.each<[string, string[], number]>([
    ["an impossible --since", ["log", "--since", "31.02.2026"], 1],
    ["a --limit of 0", ["log", "--limit", "0"], 1],
    ["a --limit that is not a number", ["log", "--limit", "viele"], 1],
    ["an unknown option", ["log", "--all"], 2],
  ])("bad input: %s", async (_what, args, code) => {
    await fails(args, { db: copyOf(small) }, code);
  });
});

describe("people export <person>", () => {
  /** Maria with a team, a meeting's attendance and a task, and the audit rows about all of it. */
  async function mariaPlatform(): Promise<string> {
    const db = copyOf(small);
    const at: RunOptions = { db, env: { PLATTFORM_TODAY: TODAY } };
    await ok(["teams", "join", "wohnen", "Maria Schmidt", "--from", "2026-01-01"], at);
    await ok(["meetings", "add", "kernkreis", "--date", "2026-02-10"], at);
    await ok(["meetings", "attend", "1", "Maria Schmidt"], at);
    await ok(["tasks", "add", "Flyer drucken", "--owner", "Maria Schmidt", "--due", "2026-03-15"], at);
    await ok(["tasks", "add", "Saal buchen", "--owner", "Yusuf Demir"], at);
    return db;
  }

  it("prints everything stored about the person as JSON: row, roles, team, attendance, tasks, audit rows", async () => {
    const db = await mariaPlatform();
    const data = await okJson(["people", "export", "Maria Schmidt"], { db });
    expect(data.person).toMatchObject({ id: 1, name: "Maria Schmidt", email: "maria@example.org", forgotten_at: null });
    const records = Object.fromEntries(data.records.map((r: { table: string; column: string; rows: unknown[] }) => [`${r.table}.${r.column}`, r.rows]));
    expect(records["group_roles.person_id"]).toEqual([{ id: 1, person_id: 1, group_id: 1, role: "representative", since: "2016-01-01", until: null, group: "St. Josef" }]);
    expect(records["team_members.person_id"]).toMatchObject([{ team_id: 2, role: "member", since: "2026-01-01", until: null, team: "Aktionsteam Wohnen" }]);
    expect(records["attendance.person_id"]).toMatchObject([{ meeting_id: 1, status: "present", group_id: 1, meeting: "2026-02-10", group: "St. Josef" }]);
    expect(records["tasks.owner_person_id"]).toMatchObject([{ title: "Flyer drucken", due_on: "2026-03-15", status: "open" }]);
    expect(JSON.stringify(data)).not.toContain("Saal buchen");
    expect(data.audit.map((a: { entity: string; action: string }) => `${a.entity}/${a.action}`)).toEqual([
      "person/add",
      "group_role/link",
      "team_member/join",
      "attendance/present",
      "task/add",
    ]);
    expect((await ok(["people", "export", "1"], { db })).stdout).toBe((await ok(["people", "export", "maria schmidt", "--format", "json"], { db })).stdout);
  });

  it("--format text: readable sections; --out writes the file with mode 0600", async () => {
    const db = await mariaPlatform();
    const text = (await ok(["people", "export", "Maria Schmidt", "--format", "text"], { db })).stdout;
    expect(text).toContain("Personal data stored about person #1\n");
    expect(text).toContain("\nname: Maria Schmidt\n");
    expect(text).toContain("\ngroup_roles (person_id)\n");
    expect(text).toContain("role: representative; since: 2016-01-01; group: St. Josef");
    const out = join(temp(), "auskunft.json");
    expect((await ok(["people", "export", "Maria Schmidt", "--out", out], { db })).stdout).toBe("");
    expect(mode(out)).toBe(0o600);
    expect(JSON.parse(readFileSync(out, "utf8")).person.name).toBe("Maria Schmidt");
  });

  it("without a person: the CSV export of everyone, as before", async () => {
    expect((await ok(["people", "export"], { db: copyOf(small) })).stdout.split("\n")[0]).toBe("name,email,phone,group,role,since,notes");
  });

  it.each<[string, string[], number]>([
    ["an unknown person", ["people", "export", "Niemand"], 1],
    ["csv for one person", ["people", "export", "Maria Schmidt", "--format", "csv"], 1],
    ["text for everyone", ["people", "export", "--format", "text"], 1],
    ["--out into a missing folder", ["people", "export", "Maria Schmidt", "--out", "/gibt-es-nicht/a.json"], 1],
    ["an unknown format", ["people", "export", "Maria Schmidt", "--format", "xml"], 2],
  ])("bad input: %s", async (_what, args, code) => {
    await fails(args, { db: copyOf(small) }, code);
  });
});

// FILE_ONLY: the data file's and the WAL's bytes; on a server, maintenance-server.test.ts searches every page.
describe.skipIf(onServer)("people forget leaves no trace in the file", () => {
  it("the name (also a former one), e-mail and phone are nowhere in the data file, the WAL or the audit log", async () => {
    const db = copyOf(small);
    const at: RunOptions = { db, env: { PLATTFORM_TODAY: TODAY } };
    await ok(["people", "add", "Zeynep Yıldırım", "--email", "zeynep.yildirim@example.org", "--phone", "0151 9876543", "--group", "NUR", "--notes", "Kontakt über Zeynep Yıldırım"], at);
    await ok(["people", "edit", "Zeynep Yıldırım", "--name", "Zeynep Kaya-Yıldırım"], at);
    await ok(["teams", "join", "wohnen", "Zeynep Kaya-Yıldırım", "--from", "2026-01-01"], at);
    await ok(["meetings", "add", "kernkreis", "--date", "2026-02-10"], at);
    await ok(["meetings", "attend", "1", "Zeynep Kaya-Yıldırım"], at);
    await ok(["tasks", "add", "Anrufen", "--owner", "Zeynep Kaya-Yıldırım"], at);
    // Newer areas too: a conversation with her, a donation from her.
    await ok(["conversations", "add", "--with", "Zeynep Kaya-Yıldırım", "--by", "Maria Schmidt", "--date", "2026-02-01", "--notes", "Miete zu hoch"], at);
    await ok(["fundraising", "income", "add", "25", "--date", "2026-02-02", "--kind", "donation", "--from", "Zeynep Kaya-Yıldırım", "--note", "Dank an Zeynep Kaya-Yıldırım geschickt"], at);
    // A bank statement names her as the payer of an unlinked donation.
    const bank = join(temp(), "konto.csv");
    writeFileSync(bank, ["Buchungstag;Auftraggeber;Verwendungszweck;Betrag", "03.02.2026;Zeynep Kaya-Yıldırım;Spende;40,00", ""].join("\n"));
    await ok(["fundraising", "import", bank, "--kind", "donation"], at);
    const secrets = ["Zeynep Yıldırım", "Zeynep Kaya-Yıldırım", "zeynep yıldırım", "zeynep kaya-yıldırım", "zeynep.yildirim@example.org", "0151 9876543", "Yıldırım"];
    const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, "utf8")) || bytes.includes(Buffer.from(JSON.stringify(text).slice(1, -1), "utf8"));
    expect(secrets.filter((s) => contains(dataFileBytes(db), s)).length).toBeGreaterThan(0);

    await ok(["people", "forget", "Zeynep Kaya-Yıldırım", "--yes"], at);
    // Whatever is still in the WAL goes into the file first; then both are searched.
    const conn = new Database(db);
    conn.pragma("wal_checkpoint(TRUNCATE)");
    const bytesWithWal = dataFileBytes(db);
    conn.close();
    const bytes = Buffer.concat([bytesWithWal, dataFileBytes(db)]);
    expect(secrets.filter((s) => contains(bytes, s))).toEqual([]);
    // The history stays, anonymised: the role, the team, the attendance and the task are still there.
    const forgotten = await okJson(["people", "export", "3"], { db });
    expect(forgotten.person).toMatchObject({ name: null, email: null, phone: null, notes: null });
    expect(forgotten.records.map((r: { table: string }) => r.table).sort()).toEqual(["attendance", "conversation_people", "group_roles", "income", "tasks", "team_members"]);
    expect(JSON.stringify(forgotten)).not.toContain("Yıldırım");
    expect(JSON.stringify(await okJson(["log"], { db }))).not.toContain("Yıldırım");
  });
});

// FILE_ONLY: searches the data file's bytes.
describe.skipIf(onServer)("people forget reaches free text everywhere", () => {
  it("group notes, others' notes, task titles, funder notes and contacts, application purposes, campaign reports: no spelling (NFC or NFD) of the name, e-mail or phone is left in the file", async () => {
    const db = copyOf(small);
    const at: RunOptions = { db, env: { PLATTFORM_TODAY: TODAY } };
    const name = "Zoë Nowaková";
    await ok(["people", "add", name, "--email", "zoe.nowakova@example.org", "--phone", "0160 5554443", "--group", "NUR", "--since", "2026-01-01"], at);
    for (const args of [
      ["groups", "edit", "JOSEF", "--notes", `Kontakt über ${name.normalize("NFD")}, Tel. 0160 5554443`],
      ["people", "edit", "Maria Schmidt", "--notes", `kennt ${name} aus der Schule`],
      ["tasks", "add", `${name} zurückrufen`, "--owner", "Maria Schmidt"],
      ["fundraising", "funders", "add", "Stiftung Süd", "--kind", "foundation", "--notes", `empfohlen von ${name}`],
      ["fundraising", "funders", "contact", "Stiftung Süd", name, "--email", "zoe.nowakova@example.org"],
      ["fundraising", "apply", "Stiftung Süd", "Sommerfest", "--amount", "500", "--purpose", `Honorar für ${name}`],
      ["teams", "add", "Aktionsteam Schule", "--kind", "action", "--short", "schule"],
      ["campaigns", "add", "Schulweg", "--topic", "Schulwege", "--team", "schule", "--goal", `Ampel, die ${name} gefordert hat`],
      ["campaigns", "update", "Schulweg", `${name} sammelte 80 Unterschriften`],
    ])
      await ok(args, at);
    const secrets = [name, name.normalize("NFD"), "Nowaková", "Nowaková".normalize("NFD"), "zoe.nowakova@example.org", "0160 5554443"];
    const found = () => {
      const bytes = dataFileBytes(db);
      return secrets.filter((s) => bytes.includes(Buffer.from(s, "utf8")) || bytes.includes(Buffer.from(JSON.stringify(s).slice(1, -1), "utf8")));
    };
    expect(found().length).toBeGreaterThan(0);
    await ok(["people", "forget", name, "--yes"], at);
    expect(found()).toEqual([]);
    expect((await ok(["check"], at)).code).toBe(0);
  });
});

// FILE_ONLY: file modes of the data file and its migration backup.
describe.skipIf(onServer)("file modes", () => {
  it("a new data file, a backup, a migration backup and the file kept by restore are all 0600", async () => {
    const db = await newPlatform();
    dirs.push(join(db, ".."));
    expect(mode(db)).toBe(0o600);
    const backup = join(temp(), "b.db");
    await ok(["backup", backup], { db });
    expect(mode(backup)).toBe(0o600);
    const kept = (await okJson(["restore", backup, "--yes"], { db })).kept;
    expect(mode(kept)).toBe(0o600);
    // An older file: migrating it writes a backup of the old version beside it.
    const old = versionThreeFile();
    await ok(["status"], { db: old });
    expect(mode(old)).toBe(0o600);
    const bak = readdirSync(join(old, "..")).filter((f) => f.endsWith(".bak"));
    expect(bak).toHaveLength(1);
    expect(mode(join(old, "..", bak[0]!))).toBe(0o600);
  });
});
