// `plattform copy --from <db> --to <db>`: a whole platform into an empty file or server database, both ways. The
// commands here name real files and server URLs themselves (run through main() without the server run's
// mapping of data files to databases), since a copy between a file and a server needs both.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneLineError, runExactly, tempDir, type RunResult } from "../helpers.js";
import { newServerDatabase, onServer } from "../server.js";
import { query } from "./util.js";
import { WORLD_TODAY } from "../worlds.js";
import { DEFINITIONS } from "../../src/cli/registry.js";

const ENV = { PLATTFORM_TODAY: WORLD_TODAY, PLATTFORM_USER: "sekretariat" };

/** One run with the command line as given: a file stays a file, a URL a server, whatever run this is. */
const plattform = (args: string[]) => runExactly(args, ENV);

async function ok(args: string[]): Promise<RunResult> {
  const result = await plattform(args);
  expect(result.code, `plattform ${args.join(" ")}\n${result.stderr}`).toBe(0);
  return result;
}

/** Every list command that needs no argument, as `--json`: what a copy must give back unchanged. */
// `users list` lists a server's database roles, which are the server's, not the platform's data: never copied.
const LIST_COMMANDS = DEFINITIONS.filter((d) => d.path.endsWith(" list") && d.path !== "users list" && !(d.args ?? []).some((a) => a.startsWith("<"))).map((d) => d.path.split(" "));

/** Each list's --json, or the error line of a list that failed (so that one run names every failing list). */
async function lists(db: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const command of LIST_COMMANDS) {
    const result = await plattform(["--db", db, ...command, "--json"]);
    out[command.join(" ")] = result.code === 0 ? result.json() : { failed: result.stderr.trim() };
  }
  return out;
}

let dir: string;
let demo: string;
beforeAll(async () => {
  dir = tempDir();
  demo = join(dir, "demo.db");
  await ok(["demo", "--db", demo]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("copy, file to file", () => {
  it("the whole platform into a new file (0600): the same lists, check clean, the copy recorded once on the target", async () => {
    const target = join(dir, "kopie.db");
    const done = (await ok(["copy", "--from", demo, "--to", target, "--json"])).json();
    expect(done).toMatchObject({ from: demo, to: target });
    expect(done.rows).toBeGreaterThan(100);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(await lists(target)).toEqual(await lists(demo));
    await ok(["--db", target, "check"]);
    const log = (await ok(["--db", target, "log", "--entity", "data_file", "--json"])).json();
    expect(log.filter((e: { action: string }) => e.action === "copy")).toEqual([expect.objectContaining({ entity: "data_file", action: "copy", changes: { from: demo, rows: done.rows } })]);
    // The source is unchanged: no copy entry in its log.
    expect((await ok(["--db", demo, "log", "--entity", "data_file", "--json"])).json()).toEqual([]);
  });

  it("refuses a target that exists (exit 1), changing nothing, and a copy onto itself", async () => {
    const target = join(dir, "da.db");
    writeFileSync(target, "keep me");
    for (const args of [
      ["copy", "--from", demo, "--to", target],
      ["copy", "--from", demo, "--to", demo],
    ]) {
      const result = await plattform(args);
      expect(result.code).toBe(1);
      expect(oneLineError(result.stderr), result.stderr).toBe(true);
    }
    expect(statSync(target).size).toBe(7);
  });

  it("a missing source: exit 1, and no target file left behind", async () => {
    const target = join(dir, "nie.db");
    const result = await plattform(["copy", "--from", join(dir, "fehlt.db"), "--to", target]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(existsSync(target)).toBe(false);
  });

  // Found by the fuzz test: `--from /` exited 3 ("cannot open the data file"), as if the data file were unusable.
  it("a source that holds no platform (a folder, a text file, an empty file, another program's database): exit 1, source unchanged", async () => {
    const empty = join(dir, "leer.db");
    const text = join(dir, "notizen.txt");
    const foreign = join(dir, "fremd.db");
    writeFileSync(empty, "");
    writeFileSync(text, "Protokoll vom 3. März\n");
    const other = new Database(foreign);
    other.exec("CREATE TABLE t (a)");
    other.close();
    for (const source of [dir, text, empty, foreign]) {
      const before = existsSync(source) && statSync(source).isFile() ? readFileSync(source) : undefined;
      const target = join(dir, "nie.db");
      const result = await plattform(["copy", "--from", source, "--to", target]);
      expect(result.code, `${source}: ${result.stderr}`).toBe(1);
      expect(oneLineError(result.stderr), result.stderr).toBe(true);
      expect(existsSync(target)).toBe(false);
      if (before) expect(readFileSync(source).equals(before), `${source} was written`).toBe(true);
      expect(existsSync(`${source}-wal`)).toBe(false);
    }
  });

  it("a target named with --to in a folder that does not exist, or with a name too long: exit 1, no folder created", async () => {
    const missing = join(dir, "gibt-es-nicht", "unter");
    for (const target of [join(missing, "x.db"), join(dir, "A".repeat(5000))]) {
      const result = await plattform(["copy", "--from", demo, "--to", target]);
      expect(result.code, result.stderr).toBe(1);
      expect(oneLineError(result.stderr), result.stderr).toBe(true);
    }
    expect(existsSync(join(dir, "gibt-es-nicht"))).toBe(false);
  });

  it("an empty file named as the data file is not written by a command that refuses it", async () => {
    const empty = join(dir, "noch-leer.db");
    writeFileSync(empty, "");
    const result = await plattform(["--db", empty, "groups", "list"]);
    expect(result.code).toBe(3);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(statSync(empty).size).toBe(0);
  });
});

// The "Done when": the demo from a file to the server and back.
describe.skipIf(!onServer)("copy between a file and a server (PLATTFORM_TEST_PG)", () => {
  it("demo file → server → file: check clean everywhere, the same --json of every list command", async () => {
    const server = newServerDatabase();
    const back = join(dir, "zurueck.db");
    await ok(["copy", "--from", demo, "--to", server]);
    await ok(["copy", "--from", server, "--to", back]);
    const expected = await lists(demo);
    // The round trip first: it shows the copy lossless even while a list fails on the server.
    expect(await lists(back)).toEqual(expected);
    const onTheServer = await lists(server);
    const differing = Object.keys(expected).filter((command) => JSON.stringify(onTheServer[command]) !== JSON.stringify(expected[command]));
    expect(differing.map((command) => `${command}: ${JSON.stringify(onTheServer[command]).slice(0, 300)}`)).toEqual([]);
    for (const db of [server, back]) {
      const check = await plattform(["--db", db, "check", "--json"]);
      expect(check.json().problems, db).toEqual([]);
    }
    // Both copies are recorded on their targets; the second carries the first along.
    const log = (await ok(["--db", back, "log", "--entity", "data_file", "--json"])).json();
    expect(log.map((e: { changes: { from: string } }) => e.changes.from)).toEqual([demo, server]);
  }, 180_000);

  it("refuses a server database that holds a platform (exit 1), its rows unchanged", async () => {
    const server = newServerDatabase();
    await ok(["--db", server, "init", "--name", "Schon da"]);
    await ok(["--db", server, "groups", "add", "St. Josef", "--kind", "parish", "--joined", "2020-01-01"]);
    const result = await plattform(["copy", "--from", demo, "--to", server]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect((await ok(["--db", server, "groups", "list", "--json"])).json()).toHaveLength(1);
  });

  it("a server database without a platform as the source: exit 1, one line, no target file", async () => {
    const empty = newServerDatabase();
    const target = join(dir, "von-leer.db");
    const result = await plattform(["copy", "--from", empty, "--to", target]);
    expect(result.code, result.stderr).toBe(1);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(existsSync(target)).toBe(false);
  });

  it("ids continue after the copied ones on the server (identity sequences set)", async () => {
    const server = newServerDatabase();
    await ok(["copy", "--from", demo, "--to", server]);
    const before = (await ok(["--db", server, "groups", "list", "--json", "--all"]).catch(async () => ok(["--db", server, "groups", "list", "--json"]))).json() as Array<{ id: number }>;
    const added = await ok(["--db", server, "groups", "add", "Neue Gruppe", "--kind", "parish", "--joined", "2026-01-01", "--json"]);
    expect(added.json().id).toBe(Math.max(...before.map((g) => g.id)) + 1);
  });

  it("the copied tables have the planner's statistics at once (ANALYZE), not only when autovacuum comes by", async () => {
    const server = newServerDatabase();
    await ok(["copy", "--from", demo, "--to", server]);
    const analyzed = query<{ relname: string; analyzed: boolean }>(
      server,
      "SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname <> 'schema_version' ORDER BY relname",
    );
    expect(analyzed.length).toBeGreaterThan(30);
    expect(analyzed.filter((t) => !t.analyzed).map((t) => t.relname)).toEqual([]);
    // The estimate of the people table is its real size, as the planner sees it.
    const [people] = query<{ estimated: number; counted: number }>(server, "SELECT (SELECT reltuples FROM pg_class WHERE oid = 'people'::regclass) AS estimated, (SELECT count(*) FROM people) AS counted");
    expect(people!.estimated).toBe(people!.counted);
  });
});
