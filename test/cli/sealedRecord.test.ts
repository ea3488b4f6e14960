// The official record holds (issue: the record): approved minutes are frozen at approval and render byte for
// byte the same whatever changes later; `check` finds a direct edit of the stored minutes, of the rows behind
// them, of an amendment, of a ballot or of the audit log; a printed fingerprint is verified against the file;
// a file of schema 9 is frozen as it renders at migration.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMeeting } from "../../src/meetings/index.js";
import { SCHEMA_VERSION } from "../../src/migrations/index.js";
import { buildReport } from "../../src/reports/model.js";
import { run, tempDir } from "../helpers.js";
import { onServer, openServerDb, recordedActor } from "../server.js";
import { copyOf, ok, okJson, query } from "./util.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The demo platform (German): a year of Kernkreis meetings, approved minutes with votes, an election, an amendment. */
let demo: string;
beforeAll(async () => {
  const dir = tempDir();
  dirs.push(dir);
  demo = join(dir, "demo.db");
  await ok(["demo", "--db", demo, "--lang", "de"]);
}, 120_000);

/** A connection outside plattform: to the data file, or on a server to the database that stands for it. */
function connect(db: string): Database.Database {
  return onServer ? (openServerDb(db) as unknown as Database.Database) : new Database(db);
}

function edit(db: string, sql: string, ...params: unknown[]): void {
  const conn = connect(db);
  try {
    conn.prepare(sql).run(...params);
  } finally {
    conn.close();
  }
}

async function approvedMeetings(db: string): Promise<number[]> {
  const meetings = await okJson<Array<{ id: number; minutes: string }>>(["meetings", "list"], { db });
  return meetings.filter((m) => m.minutes === "approved").map((m) => m.id);
}

/** Every rendering of a meeting's minutes: Markdown, HTML, PDF bytes and JSON. */
async function renderings(db: string, id: number): Promise<Record<string, string>> {
  const dir = tempDir();
  dirs.push(dir);
  const pdf = join(dir, "m.pdf");
  await ok(["report", "minutes", String(id), "--format", "pdf", "--out", pdf], { db });
  return {
    md: (await ok(["report", "minutes", String(id)], { db })).stdout,
    html: (await ok(["report", "minutes", String(id), "--format", "html"], { db })).stdout,
    json: (await ok(["report", "minutes", String(id), "--json"], { db })).stdout,
    pdf: createHash("sha256").update(readFileSync(pdf)).digest("hex"),
  };
}

async function checkProblems(db: string): Promise<{ code: number; problems: string[] }> {
  const result = await run(["check", "--json"], { db });
  const report = JSON.parse(result.stdout) as { problems: Array<{ problem: string }> };
  return { code: result.code ?? -1, problems: report.problems.map((p) => p.problem) };
}

describe("approved minutes are frozen", () => {
  it("render byte for byte the same after the quorum, names, a back-dated join and a back-dated leave change; a draft does change", async () => {
    const db = copyOf(demo);
    const approved = await approvedMeetings(db);
    expect(approved.length).toBeGreaterThanOrEqual(5);
    const draft = (await okJson<Array<{ id: number; minutes: string }>>(["meetings", "list"], { db })).find((m) => m.minutes === "draft")!.id;
    const before = new Map<number, Record<string, string>>();
    for (const id of approved) before.set(id, await renderings(db, id));
    const draftBefore = (await ok(["report", "minutes", String(draft)], { db })).stdout;

    await ok(["config", "set", "quorum", "12"], { db });
    await ok(["config", "set", "name", "Bürgerplattform Umbenannt"], { db });
    await ok(["groups", "edit", "ASW", "--name", "Kirchengemeinde Umbenannt"], { db });
    // A group added as a member since 2015 that left in April 2026: both dates lie among the approved meetings' dates.
    await ok(["groups", "add", "Nachzügler e.V.", "--short", "SPAET", "--kind", "tenants", "--joined", "2015-01-01"], { db });
    await ok(["groups", "leave", "SPAET", "--date", "2026-04-01"], { db });
    await ok(["groups", "add", "Frühstarter e.V.", "--short", "FRUEH", "--kind", "tenants", "--joined", "2015-01-01"], { db });

    for (const id of approved) expect(await renderings(db, id), `minutes of meeting #${id}`).toEqual(before.get(id));
    // The same changes do show in draft minutes, which still come from today's data.
    const draftAfter = (await ok(["report", "minutes", String(draft)], { db })).stdout;
    expect(draftAfter).not.toBe(draftBefore);
    expect(draftAfter).toContain("Bürgerplattform Umbenannt");
    expect((await ok(["check"], { db })).code).toBe(0);
  }, 120_000);

  it("print their fingerprint in the footer, which check --fingerprint verifies; an edited copy no longer matches", async () => {
    const db = copyOf(demo);
    const [id] = await approvedMeetings(db);
    const md = (await ok(["report", "minutes", String(id)], { db })).stdout;
    const code = /Fingerabdruck des genehmigten Protokolls: ([0-9a-f]{4}(?:-[0-9a-f]{4}){3})/.exec(md)?.[1];
    expect(code).toBeDefined();
    const stored = query<{ model: string; fingerprint: string }>(db, "SELECT model, fingerprint FROM approved_minutes WHERE meeting_id = ?", id)[0]!;
    expect(stored.fingerprint.startsWith(code!.replace(/-/g, ""))).toBe(true);
    expect(createHash("sha256").update(stored.model).digest("hex")).toBe(stored.fingerprint);
    const verified = await ok(["check", "--fingerprint", code!], { db });
    expect(verified.stdout).toMatch(new RegExp(`^Fingerabdruck ${code}: das ist das genehmigte Protokoll von Kernkreis .*, unverändert\\.\\n$`));
    expect(await okJson(["check", "--fingerprint", code!.toUpperCase().replace(/-/g, " ")], { db })).toMatchObject({ ok: true, meeting: id, fingerprint: stored.fingerprint });

    // Someone with the file rewrites the stored minutes and their fingerprint: check alone cannot tell, the printed code can.
    const forged = stored.model.replace(/"present":\d+/, '"present":99');
    expect(forged).not.toBe(stored.model);
    edit(db, "UPDATE approved_minutes SET model = ?, fingerprint = ? WHERE meeting_id = ?", forged, createHash("sha256").update(forged).digest("hex"), id);
    const refused = await run(["check", "--fingerprint", code!], { db });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Fehler: Fingerabdruck .* passt zu keinem genehmigten Protokoll dieser Datendatei — /);

    const bad = await run(["check", "--fingerprint", "12-zz"], { db });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/kein Fingerabdruck/);
  }, 60_000);

  it("are confirmed with their fingerprint at approval", async () => {
    const db = join(tempDir(), "p.db");
    const at = { db, env: { PLATTFORM_TODAY: "2026-03-10" } };
    for (const args of [
      ["init", "--name", "Testplattform", "--lang", "en"],
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-01-01"],
      ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2016-01-01"],
      ["meetings", "add", "kernkreis", "--date", "2026-02-03"],
      ["meetings", "attend", "1", "Maria Schmidt"],
      ["meetings", "close", "1"],
      ["meetings", "add", "kernkreis", "--date", "2026-03-03"],
      ["meetings", "attend", "2", "Maria Schmidt"],
    ])
      await ok(args, at);
    const approved = await ok(["meetings", "approve", "1", "--at", "2"], at);
    expect(approved.stdout).toMatch(/^The minutes of Kernkreis .* are approved at .* and locked \(fingerprint [0-9a-f]{4}(-[0-9a-f]{4}){3}\)\.\n$/);
    const fingerprint = query<{ fingerprint: string }>(db, "SELECT fingerprint FROM approved_minutes WHERE meeting_id = 1")[0]!.fingerprint;
    expect(approved.stdout).toContain(fingerprint.slice(0, 4));
    const minutes = await okJson(["report", "minutes", "1"], at);
    expect(minutes).toMatchObject({ fingerprint, approval: { at: { id: 2 } } });

    // What was approved here stays as approved, whatever changes afterwards.
    const before = await renderings(db, 1);
    expect(before.md).toContain("Member groups on the day of the meeting: 1\n");
    expect(before.md).toContain("Testplattform");
    for (const args of [
      ["config", "set", "quorum", "3"],
      ["config", "set", "name", "Another name"],
      ["groups", "edit", "JOSEF", "--name", "St. Josef und Maria"],
      ["groups", "add", "Mieterbeirat Nord", "--short", "NORD", "--kind", "tenants", "--joined", "2020-01-01"],
      ["groups", "leave", "NORD", "--date", "2026-02-10"],
      ["groups", "add", "Moschee Süd", "--short", "SUED", "--kind", "mosque", "--joined", "2019-05-01"],
    ])
      await ok(args, at);
    expect(await renderings(db, 1)).toEqual(before);
    expect((await ok(["check"], at)).code).toBe(0);
    // meetings show, too, states attendance and quorum of approved minutes as approved; a draft's from today's data.
    expect((await ok(["meetings", "show", "1"], at)).stdout).toContain("Quorum: met (1 of 1 groups present, 1 needed).");
    expect((await ok(["meetings", "show", "2"], at)).stdout).toMatch(/Quorum: NOT met \(1 of \d groups present, 3 needed\)\./);
  }, 60_000);
});

describe("check finds every direct edit of the record (exit 1)", () => {
  const cases: Array<[string, (db: string, meeting: number) => void, string]> = [
    ["the stored approved minutes", (db, m) => edit(db, "UPDATE approved_minutes SET model = replace(model, 'Kernkreis', 'Kernkrei5') WHERE meeting_id = ?", m), "snapshotChanged"],
    ["a note behind approved minutes", (db, m) => edit(db, "UPDATE item_notes SET text = text || '!' WHERE item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)", m), "minutesChanged"],
    ["an attendance behind approved minutes", (db, m) => edit(db, "DELETE FROM attendance WHERE id = (SELECT max(id) FROM attendance WHERE meeting_id = ?)", m), "minutesChanged"],
    ["a vote's motion", (db) => edit(db, "UPDATE votes SET motion = motion || '.' WHERE id = (SELECT min(v.id) FROM votes v JOIN meetings m ON m.id = v.meeting_id WHERE m.minutes = 'approved')"), "minutesChanged"],
    ["a ballot", (db) => edit(db, "DELETE FROM ballots WHERE id = (SELECT min(id) FROM ballots)"), "recountDiffers"],
    ["an amendment", (db) => edit(db, "UPDATE minutes_amendments SET text = text || ' (geändert)' WHERE id = (SELECT min(id) FROM minutes_amendments)"), "amendmentChanged"],
    ["an amendment added outside plattform", (db, m) => edit(db, "INSERT INTO minutes_amendments (meeting_id, text, author, made_on, created_at) VALUES (?, 'untergeschoben', 'X', '2026-01-01', '2026-01-01')", m), "amendmentChanged"],
    ["an audit entry changed", (db) => edit(db, "UPDATE audit_log SET actor = 'jemand' WHERE id = 5"), "auditChanged"],
    ["an audit entry deleted", (db) => edit(db, "DELETE FROM audit_log WHERE id = 5"), "auditChanged"],
    ["the newest audit entry deleted", (db) => edit(db, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"), "auditHead"],
    ["an audit entry inserted", (db) => edit(db, "INSERT INTO audit_log (id, at, actor, command, entity, entity_id, action) VALUES ((SELECT max(id) + 1 FROM audit_log), '2026-01-01T00:00:00Z', 'x', '[]', 'group', 1, 'edit')"), "auditUnsealed"],
    [
      "an audit entry inserted with a forged link",
      (db) => {
        const conn = connect(db);
        const last = conn.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string };
        conn.prepare("INSERT INTO audit_log (id, at, actor, command, entity, entity_id, action, hash) VALUES (?, '2026-01-01T00:00:00Z', 'x', '[]', 'group', 1, 'edit', ?)").run(last.id + 1, last.hash);
        conn.close();
      },
      "auditChanged",
    ],
    // The meeting-day rules, for what an older version or an edit left behind.
    ["people present at a meeting still ahead", (db) => edit(db, "INSERT INTO attendance (meeting_id, status, person_id, group_id) SELECT m.id, 'present', 1, 1 FROM meetings m WHERE m.status = 'planned' ORDER BY m.date DESC LIMIT 1"), "presentAhead"],
    ["a meeting ahead closed as held", (db) => edit(db, "UPDATE meetings SET status = 'held', minutes = 'draft' WHERE id = (SELECT id FROM meetings WHERE status = 'planned' ORDER BY date DESC LIMIT 1)"), "heldAhead"],
    ["a vote left open at a closed meeting", (db) => edit(db, "UPDATE votes SET status = 'open', result = NULL, quorum_met = NULL, closed_at = NULL WHERE id = (SELECT max(v.id) FROM votes v JOIN meetings m ON m.id = v.meeting_id WHERE m.status = 'held')"), "voteLeftOpen"],
    ["minutes approved at a meeting still ahead", (db, m) => edit(db, "UPDATE meetings SET date = '2099-01-01' WHERE id = (SELECT approved_by_id FROM meetings WHERE id = ?)", m), "approvedAhead"],
  ];
  for (const [what, tamper, problem] of cases)
    it(`${what}: ${problem}`, async () => {
      const db = copyOf(demo);
      const [meeting] = await approvedMeetings(db);
      expect((await checkProblems(db)).code).toBe(0);
      tamper(db, meeting!);
      const found = await checkProblems(db);
      expect(found.code).toBe(1);
      expect(found.problems).toContain(problem);
    }, 60_000);

  it("names the first broken link of the audit log, with what to do", async () => {
    const db = copyOf(demo);
    edit(db, "UPDATE audit_log SET changes = NULL WHERE id = 7");
    const result = await run(["check", "--lang", "en"], { db });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("audit log, entry #7: it was changed, or an entry before it was deleted or inserted — the log no longer proves what happened");
  }, 60_000);

  it("stays clean after people forget, which re-seals the log; approved minutes keep the name, and forget says where", async () => {
    const db = copyOf(demo);
    const person = "Claudia Berger";
    const naming = query<{ meeting_id: number }>(db, "SELECT meeting_id FROM approved_minutes WHERE model LIKE ?", `%${person}%`).map((r) => r.meeting_id);
    expect(naming.length).toBeGreaterThan(0);
    const result = await ok(["people", "forget", person, "--yes"], { db });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Personenbezogene Daten von Person #\d+ gelöscht/);
    expect(lines.slice(1)).toHaveLength(naming.length);
    for (const [i, id] of naming.entries()) expect(lines[i + 1]).toMatch(new RegExp(`^Der Name bleibt im genehmigten Protokoll von .* \\(#${id}\\): ein genehmigtes Protokoll ist gesperrt`));
    // The locked record is unchanged, and check is clean; everywhere else the name is gone.
    expect(query<{ meeting_id: number }>(db, "SELECT meeting_id FROM approved_minutes WHERE model LIKE ?", `%${person}%`).map((r) => r.meeting_id)).toEqual(naming);
    expect((await ok(["check"], { db })).code).toBe(0);
    expect((await ok(["report", "minutes", String(naming[0])], { db })).stdout).toContain(person);
    expect(JSON.stringify(await okJson(["log"], { db }))).not.toContain(person);
  }, 60_000);
});

describe("people forget reaches who acted", () => {
  it("the person as actor (--as) of log entries, of a vote correction and of an amendment becomes a stable pseudonym", async () => {
    const db = copyOf(demo);
    const person = "Sabine Wójcik";
    const [author] = query<{ author: string; meeting_id: number }>(db, "SELECT author, meeting_id FROM minutes_amendments");
    expect(author!.author).toBe(person);
    const at = { db, env: { PLATTFORM_USER: person } };
    // a log entry and a vote correction made under her name
    await ok(["groups", "edit", "ASW", "--notes", "Ansprechpartnerin wechselt"], at);
    const cast = query<{ vote_id: number; group_id: number }>(db, "SELECT vote_id, group_id FROM vote_casts LIMIT 1")[0]!;
    edit(db, "INSERT INTO vote_corrections (vote_id, group_id, from_choice, to_choice, reason, actor, made_at) VALUES (?, ?, 'yes', 'no', 'Versehen', ?, '2026-01-01T00:00:00Z')", cast.vote_id, cast.group_id, person);
    const id = query<{ id: number }>(db, "SELECT id FROM people WHERE name = ?", person)[0]!.id;
    await ok(["people", "forget", person, "--yes"], { db });
    const pseudonym = `gelöschte Person #${id}`;
    const actors = query<{ actor: string }>(db, "SELECT DISTINCT actor FROM audit_log").map((r) => r.actor);
    expect(actors).not.toContain(person);
    expect(actors).toContain(recordedActor(pseudonym));
    expect(query<{ author: string }>(db, "SELECT author FROM minutes_amendments")[0]!.author).toBe(pseudonym);
    expect(query<{ actor: string }>(db, "SELECT actor FROM vote_corrections").map((r) => r.actor)).toEqual([pseudonym]);
    expect((await ok(["report", "minutes", String(author!.meeting_id)], { db })).stdout).not.toContain(`${person}:`);
    // (check: the amendments' seals were made again; the vote correction added by SQL is no part of them)
    expect((await run(["check", "--json"], { db })).stdout).not.toContain("amendmentChanged");
  }, 60_000);
});

/** Undoes the migrations after schema 10, so that a demo file can stand for one of schema 9. */
const WITHOUT_LATER_MIGRATIONS = `
  DROP TABLE invitations;
  DROP TABLE bank_rules; DROP INDEX groups_by_iban; DROP INDEX funders_by_iban;
  ALTER TABLE groups DROP COLUMN iban; ALTER TABLE funders DROP COLUMN iban; ALTER TABLE income DROP COLUMN payer_iban;`;

describe("the migration to schema 10", () => {
  // FILE_ONLY: a file of schema 9 is migrated; a server database is created at the current schema.
  it.skipIf(onServer)("freezes approved minutes as they render at that moment, seals amendments and chains the audit log", async () => {
    const db = copyOf(demo);
    const approved = await approvedMeetings(db);
    // The file as plattform before schema 10 left it.
    const conn = new Database(db);
    // (schema 11's corrections of income go too: the file is migrated through 10 to the current version)
    conn.exec(`DROP TABLE approved_minutes; DROP TABLE audit_head;
               ALTER TABLE minutes_amendments DROP COLUMN seal; ALTER TABLE audit_log DROP COLUMN hash;
               DROP TABLE closed_years; ALTER TABLE income DROP COLUMN cancelled_by; ALTER TABLE income DROP COLUMN cancel_reason;
               ALTER TABLE income DROP COLUMN cancelled_on; ${WITHOUT_LATER_MIGRATIONS} PRAGMA user_version = 9;`);
    conn.close();

    // The first command migrates: each approved meeting's stored minutes are its minutes as built from the data now.
    await ok(["status"], { db });
    expect(query(db, "PRAGMA user_version")[0].user_version).toBe(SCHEMA_VERSION);
    const migrated = new Database(db, { readonly: true });
    try {
      for (const id of approved) {
        const row = migrated.prepare("SELECT model FROM approved_minutes WHERE meeting_id = ?").get(id) as { model: string };
        const live = buildReport(migrated, getMeeting(migrated, id)!, "de", "(vergessen)");
        expect(JSON.parse(row.model), `meeting #${id}`).toEqual({ ...JSON.parse(JSON.stringify(live)), amendments: [] });
      }
    } finally {
      migrated.close();
    }
    const before = new Map<number, string>();
    for (const id of approved) before.set(id, (await ok(["report", "minutes", String(id), "--format", "html"], { db })).stdout);
    expect((await ok(["check"], { db })).code).toBe(0);
    // From now on a change of settings no longer reaches them.
    await ok(["config", "set", "quorum", "12"], { db });
    for (const id of approved) expect((await ok(["report", "minutes", String(id), "--format", "html"], { db })).stdout).toBe(before.get(id));
  }, 120_000);
});
