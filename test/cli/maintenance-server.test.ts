// backup, restore, check, log, `people export` and `people forget` on a PostgreSQL server (PLATTFORM_TEST_PG):
// a server's backup is an SQLite file that restores into either engine, check runs what applies to a server, and
// forget leaves the erased data in no row version of the platform's tables. Commands name real files and server
// URLs side by side (runExactly), with a small platform of their own (no demo).
import { existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDb } from "../../src/core/pg/pgDb.js";
import { runExactly, tempDir, type RunResult } from "../helpers.js";
import { newServerDatabase, onServer } from "../server.js";

const ENV = { PLATTFORM_TODAY: "2026-03-01", PLATTFORM_USER: "sekretariat" };
const plattform = (args: string[]) => runExactly(args, ENV);

async function ok(args: string[]): Promise<RunResult> {
  const result = await plattform(args);
  expect(result.code, `plattform ${args.join(" ")}\n${result.stderr}`).toBe(0);
  return result;
}

function sql<T = any>(url: string, text: string, ...params: unknown[]): T[] {
  const db = new PgDb(url, url);
  try {
    return db.prepare(text).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A small platform on a new server database: two groups, Maria (with e-mail and notes) and Yusuf. */
async function smallServer(): Promise<string> {
  const url = newServerDatabase();
  for (const args of [
    ["init", "--name", "Testplattform", "--lang", "en"],
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-01-01"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2018-01-01"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2016-01-01", "--email", "maria.schmidt@example.org", "--notes", "ruft abends an"],
    ["people", "add", "Yusuf Demir", "--group", "NUR", "--since", "2018-01-01", "--notes", "kennt Maria Schmidt"],
    ["groups", "edit", "JOSEF", "--notes", "Kontakt: Maria Schmidt, maria.schmidt@example.org"],
  ])
    await ok(["--db", url, ...args]);
  return url;
}

const groups = async (db: string) => (await ok(["--db", db, "groups", "list", "--json"])).json();

let dir: string;
let server: string;
beforeAll(async () => {
  if (!onServer) return;
  dir = tempDir();
  server = await smallServer();
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!onServer)("maintenance on a server (PLATTFORM_TEST_PG)", () => {
  it("backup: an SQLite file (0600) with every row, which checks clean and restores into a file and into another server", async () => {
    const backup = join(dir, "sicherung.db");
    const done = (await ok(["--db", server, "backup", backup, "--json"])).json();
    expect(done).toMatchObject({ file: backup });
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect((await ok(["--db", backup, "check", "--json"])).json().ok).toBe(true);
    expect(await groups(backup)).toEqual(await groups(server));

    const file = join(dir, "wieder.db");
    await ok(["--db", file, "restore", backup, "--yes"]);
    expect(await groups(file)).toEqual(await groups(server));

    const other = newServerDatabase();
    await ok(["--db", other, "restore", backup, "--yes"]);
    expect(await groups(other)).toEqual(await groups(server));
    // No platform there before: nothing to keep.
    expect((await ok(["--db", other, "log", "--entity", "data_file", "--json"])).json()).toEqual([expect.objectContaining({ action: "restore", changes: { from: backup, kept: null } })]);
  });

  it("restore over a server platform: its rows kept in a file beside the backup first, replaced in one go, ids continuing", async () => {
    const target = await smallServer();
    const backup = join(dir, "klein.db");
    await ok(["--db", target, "backup", backup]);
    await ok(["--db", target, "groups", "add", "Später", "--kind", "parish", "--joined", "2020-01-01"]);
    const restored = (await ok(["--db", target, "restore", backup, "--yes", "--json"])).json();
    expect(restored.kept).toMatch(/before-restore-\d{8}T\d{6}$/);
    expect(statSync(restored.kept).mode & 0o777).toBe(0o600);
    expect((await groups(restored.kept)).map((g: { name: string }) => g.name)).toContain("Später");
    const now = await groups(target);
    expect(now.map((g: { name: string }) => g.name)).not.toContain("Später");
    const added = (await ok(["--db", target, "groups", "add", "Neu", "--kind", "parish", "--joined", "2020-01-01", "--json"])).json();
    expect(added.id).toBe(Math.max(...now.map((g: { id: number }) => g.id)) + 1);
    expect((await plattform(["--db", target, "check", "--json"])).json().checks.find((c: { name: string }) => c.name === "audit-log").ok).toBe(true);
  });

  it("check: the server's schema (columns, constraints, indexes), foreign keys and audit chain; SQLite's file checks named as skipped", async () => {
    const db = await smallServer();
    const clean = await plattform(["--db", db, "check", "--json"]);
    const report = clean.json();
    expect(report.skipped).toEqual(["integrity", "files"]);
    for (const name of ["foreign-keys", "schema", "audit-log"]) expect(report.checks.find((c: { name: string }) => c.name === name), name).toMatchObject({ ok: true });
    expect((await plattform(["--db", db, "check"])).stdout).toContain("Not checked on a server (they concern the SQLite file): integrity, files.");

    // A trigger added behind plattform's back, a column added, and a row whose parent was deleted past the keys.
    sql(db, "CREATE FUNCTION spy() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
    sql(db, "CREATE TRIGGER spy AFTER INSERT ON ballots FOR EACH ROW EXECUTE FUNCTION spy()");
    sql(db, "ALTER TABLE ballot_receipts ADD COLUMN seen_at TEXT");
    sql(db, "SET session_replication_role = replica; DELETE FROM groups WHERE short = 'NUR'");
    // A constraint and an index dropped: the columns are all still there.
    sql(db, "ALTER TABLE people ALTER COLUMN created_at DROP NOT NULL");
    sql(db, "DROP INDEX income_dues");
    const broken = await plattform(["--db", db, "check", "--json"]);
    expect(broken.code).toBe(1);
    const problems = broken.json().problems.map((p: { check: string; problem: string; details: Record<string, unknown> }) => [p.check, p.problem, p.details]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ["schema", "schemaUnexpected", { type: "trigger", name: "spy" }],
        ["schema", "schemaUnexpected", { type: "function", name: "spy" }],
        ["schema", "schemaChanged", { type: "table", name: "ballot_receipts" }],
        ["schema", "schemaChanged", { type: "table", name: "people" }],
        ["schema", "schemaMissing", { type: "index", name: "income_dues" }],
        ["foreign-keys", "foreignKey", expect.objectContaining({ table: "group_roles", parent: "groups" })],
      ]),
    );
  });

  it("log: filtered by --who (any case), --entity and --limit", async () => {
    const all = (await ok(["--db", server, "log", "--json"])).json();
    expect(all.length).toBeGreaterThan(5);
    const last = (await ok(["--db", server, "log", "--who", "SEKRETARIAT", "--entity", "person", "--limit", "1", "--json"])).json();
    expect(last).toEqual([all.filter((e: { entity: string }) => e.entity === "person").at(-1)]);
    expect((await ok(["--db", server, "log", "--limit", "2"])).stdout).toMatch(/group #1\s+edit/);
  });

  it("people export: the person's row, their roles with the group named, the audit entries about them", async () => {
    const data = JSON.parse((await ok(["--db", server, "people", "export", "Maria Schmidt"])).stdout);
    expect(data.person).toMatchObject({ name: "Maria Schmidt", email: "maria.schmidt@example.org" });
    expect(data.records).toEqual([expect.objectContaining({ table: "group_roles", column: "person_id", rows: [expect.objectContaining({ role: "representative", group: "St. Josef" })] })]);
    expect(data.audit.map((a: { entity: string; action: string }) => `${a.entity} ${a.action}`)).toContain("person add");
  });

  it("people forget: no erased name or address in any live row, nor in any page of the tables it wrote (VACUUM FULL)", async () => {
    const db = await smallServer();
    await ok(["--db", db, "people", "forget", "Maria Schmidt", "--yes"]);
    const secrets = ["Maria Schmidt", "maria schmidt", "maria.schmidt@example.org", "ruft abends an"];
    const tables = sql<{ tablename: string }>(db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1").map((t) => t.tablename);
    for (const table of tables)
      for (const secret of secrets) expect(sql(db, `SELECT 1 FROM "${table}" t WHERE strpos(lower(t::text), lower(?)) > 0`, secret), `${table}: ${secret}`).toEqual([]);
    // Every page of every table, index and TOAST table of the platform, dead row versions and free space included.
    sql(db, "CREATE EXTENSION IF NOT EXISTS pageinspect");
    const relations = sql<{ oid: number; name: string; blocks: number }>(
      db,
      `SELECT c.oid::bigint AS oid, c.relname AS name, pg_relation_size(c.oid) / current_setting('block_size')::int AS blocks
       FROM pg_class c WHERE c.relkind IN ('r', 'i', 't') AND c.relam IN (SELECT oid FROM pg_am WHERE amname IN ('heap', 'btree'))
       AND (c.relnamespace = to_regnamespace(current_schema()) OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = to_regnamespace(current_schema())))`,
    );
    expect(relations.some((r) => r.name === "people")).toBe(true);
    const found: string[] = [];
    const pages = new PgDb(db, db);
    try {
      for (const relation of relations)
        for (const secret of ["Maria", "maria.schmidt", "ruft abends"]) {
          const blocks = pages
            .prepare("SELECT b FROM generate_series(0, CAST(? AS int) - 1) AS b WHERE position(convert_to(CAST(? AS text), 'UTF8') IN get_raw_page(CAST(CAST(? AS bigint) AS regclass)::text, b)) > 0")
            .pluck()
            .all(relation.blocks, secret, relation.oid);
          for (const block of blocks) found.push(`${relation.name} block ${block}: ${secret}`);
        }
    } finally {
      pages.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it("without the vacuum, an erased value stays in a dead row version (what the test above would find)", async () => {
    const db = await smallServer();
    sql(db, "CREATE EXTENSION IF NOT EXISTS pageinspect");
    // The same erasure by hand, without plattform's vacuum: the old version of Maria's row is still in the page.
    sql(db, "UPDATE people SET notes = NULL WHERE name = 'Maria Schmidt'");
    const [hit] = sql<{ at: number }>(db, "SELECT position(convert_to('ruft abends', 'UTF8') IN get_raw_page('people', 0)) AS at");
    expect(hit!.at).toBeGreaterThan(0);
    expect(existsSync(dir)).toBe(true);
  });
});
