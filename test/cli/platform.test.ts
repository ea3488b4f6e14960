// The platform as a whole: init, the data file (location, mode, unusable files), config, status and the audit log.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { WRITE_LOCK } from "../../src/core/pg/pgDb.js";
import { fileHash, newPlatform, oneLineError, run, tempDir } from "../helpers.js";
import { dbTarget, onServer, openServerDb, recordedActor } from "../server.js";
import { buildTemplate, copyOf, fails, ok, okJson, query } from "./util.js";

const GROUP_KEYS = ["id", "name", "short", "kind", "joined", "left", "status"];

describe("a first session", () => {
  it("init, add a group, list it, and refuse the same group twice", async () => {
    const db = join(tempDir(), "plattform.db");
    expect(existsSync(db)).toBe(false);
    await ok(["init"], { db });
    if (!onServer) expect(statSync(db).mode & 0o777).toBe(0o600);

    const added = await okJson(["groups", "add", "St. Josef", "--kind", "parish", "--joined", "2024-03-01"], { db });
    expect(added).toMatchObject({ name: "St. Josef", kind: "parish", joined: "2024-03-01", status: "active" });

    const list = await okJson<Array<Record<string, unknown>>>(["groups", "list"], { db });
    expect(list).toHaveLength(1);
    const group = list[0]!;
    for (const key of GROUP_KEYS) expect(group).toHaveProperty(key);
    expect(group).toMatchObject({ name: "St. Josef", short: null, kind: "parish", joined: "2024-03-01", left: null, status: "active" });
    expect(typeof group.id).toBe("number");

    const again = await fails(["groups", "add", "St. Josef", "--kind", "parish", "--joined", "2024-03-01"], { db }, 1);
    expect(again.stderr).toContain("St. Josef");
    expect(await okJson<unknown[]>(["groups", "list"], { db })).toHaveLength(1);
  });
});

describe("init", () => {
  it("creates a new data file readable by its owner only and prints where", async () => {
    const db = join(tempDir(), "neu.db");
    const result = await okJson(["init", "--name", "SO! MIT UNS"], { db });
    expect(result.dataFile).toBe(dbTarget(db));
    expect(result.settings).toMatchObject({ name: "SO! MIT UNS", quorum: "half", majority: "simple", base: "yes-no", "term-months": 12 });
    if (!onServer) expect(statSync(db).mode & 0o777).toBe(0o600);
    expect((await okJson(["status"], { db })).platform.name).toBe("SO! MIT UNS");
  });

  // FILE_ONLY: folders and the file's mode
  it.skipIf(onServer)("creates the folders of a new data file", async () => {
    const db = join(tempDir(), "a", "b", "plattform.db");
    await ok(["init"], { db });
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it("refuses an existing platform with exit 1 and leaves the file unchanged", async () => {
    const db = await newPlatform();
    await ok(["groups", "add", "St. Josef"], { db });
    const result = await fails(["init", "--name", "Andere"], { db }, 1);
    expect(result.stderr).toContain(dbTarget(db));
    expect((await okJson(["status"], { db })).platform.name).toBe("Testplattform");
    expect(await okJson<unknown[]>(["groups", "list"], { db })).toHaveLength(1);
  });

  it("refuses a name with control characters without creating a file", async () => {
    const db = join(tempDir(), "plattform.db");
    await fails(["init", "--name", "   x\u0007"], { db }, 1);
    expect(existsSync(db)).toBe(false);
  });

  it("--lang de makes a German platform", async () => {
    const db = join(tempDir(), "plattform.db");
    await ok(["init", "--lang", "de"], { db });
    expect((await ok(["config", "get", "language"], { db })).stdout.trim()).toBe("de");
    expect((await ok(["groups", "list"], { db })).stdout).toContain("Keine Mitgliedsgruppen");
    expect((await okJson(["status"], { db })).platform.name).toBe("Bürgerplattform");
  });
});

describe("an unusable data file exits 3", () => {
  it("a missing data file: exit 3 with a hint to run plattform init, and no file is created", async () => {
    const db = join(tempDir(), "fehlt.db");
    for (const args of [["groups", "list"], ["status"], ["groups", "add", "X"], ["config", "get"]]) {
      const result = await fails(args, { db }, 3);
      expect(result.stderr).toContain("plattform init");
      expect(existsSync(db)).toBe(false);
    }
  });

  it.skipIf(onServer)("a file of garbage bytes: exit 3, file unchanged", async () => { // FILE_ONLY
    const db = join(tempDir(), "garbage.db");
    const bytes = Buffer.alloc(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    writeFileSync(db, bytes);
    await fails(["groups", "list"], { db }, 3);
    await fails(["groups", "add", "X"], { db }, 3);
    await fails(["init"], { db }, 3);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it("a data file of a newer schema: exit 3 naming the version, file unchanged", async () => {
    const db = await newPlatform();
    if (onServer) query(db, "INSERT INTO schema_version (version) VALUES (99)");
    else {
      const handle = new Database(db);
      handle.pragma("user_version = 99");
      handle.close();
    }
    const result = await fails(["groups", "list"], { db }, 3);
    expect(result.stderr).toContain("99");
    await fails(["groups", "add", "X"], { db }, 3);
    await fails(["status"], { db }, 3);
    if (!onServer) expect(existsSync(`${db}-wal`)).toBe(false);
  });

  /**
   * Runs `args` while this process holds an exclusive lock on the data file, or the platform's write lock on a
   * server (the command waits ~5 s, on a server 10 s, then gives up).
   */
  async function whileLocked(db: string, args: string[]) {
    const handle = onServer ? openServerDb(db) : new Database(db);
    if (onServer) {
      handle.exec("BEGIN");
      (handle as ReturnType<typeof openServerDb>).lock(WRITE_LOCK);
    } else handle.exec("BEGIN EXCLUSIVE");
    try {
      return await run(args, { db });
    } finally {
      handle.exec("ROLLBACK");
      handle.close();
    }
  }

  it("a data file locked by another writer: a write exits 3 with one line, and nothing is written", async () => {
    const db = await newPlatform();
    const before = fileHash(db);
    const result = await whileLocked(db, ["groups", "add", "St. Josef"]);
    expect(result.code).toBe(3);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(result.stderr).toContain("busy");
    expect(fileHash(db)).toBe(before);
    expect(await okJson<unknown[]>(["groups", "list"], { db })).toHaveLength(0);
  });

  it("the locked-file message names the data file", async () => {
    const db = await newPlatform();
    const result = await whileLocked(db, ["groups", "add", "St. Josef"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(dbTarget(db));
  });

  function foreignFile(): string {
    const db = join(tempDir(), "other.db");
    const handle = new Database(db);
    handle.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    handle.close();
    return db;
  }

  it.skipIf(onServer)("a SQLite file of another program: exit 3 with one line", async () => { // FILE_ONLY
    const db = foreignFile();
    const result = await run(["groups", "list"], { db });
    expect(result.code).toBe(3);
    expect(oneLineError(result.stderr)).toBe(true);
    expect(result.stderr).toContain("not a plattform data file");
  });

  it.skipIf(onServer)("a SQLite file of another program is left byte for byte unchanged", async () => { // FILE_ONLY
    const db = foreignFile();
    const before = fileHash(db);
    expect((await run(["groups", "list"], { db })).code).toBe(3);
    expect(fileHash(db)).toBe(before);
  });
});

describe("usage errors exit 2", () => {
  it("an unknown command, with a suggestion", async () => {
    const db = await newPlatform();
    const result = await fails(["grops", "list"], { db }, 2);
    expect(result.stderr).toMatch(/did you mean groups/);
  });

  it("an unknown subcommand", async () => {
    const db = await newPlatform();
    await fails(["groups", "lsit"], { db }, 2);
  });

  it("an unknown option", async () => {
    const db = await newPlatform();
    const result = await fails(["groups", "list", "--bogus"], { db }, 2);
    expect(result.stderr).toContain("--bogus");
    await fails(["groups", "add", "X", "--colour", "red"], { db }, 2);
  });

  it("a missing argument, a missing option value, too many arguments", async () => {
    const db = await newPlatform();
    await fails(["groups", "add"], { db }, 2);
    await fails(["groups", "add", "X", "--kind"], { db }, 2);
    await fails(["config", "set", "quorum"], { db }, 2);
    await fails(["groups", "show", "a", "b"], { db }, 2);
  });

  it("an unknown --lang", async () => {
    const db = await newPlatform();
    await fails(["groups", "list", "--lang", "fr"], { db }, 2);
  });
});

describe("config", () => {
  let template: string;
  beforeAll(async () => {
    template = await buildTemplate([]);
  }, 60_000);

  it("config get shows every setting, with the defaults", async () => {
    const db = copyOf(template);
    expect(await okJson(["config", "get"], { db })).toEqual({
      name: "Testplattform",
      language: "en",
      quorum: "half",
      majority: "simple",
      base: "yes-no",
      "term-months": 12,
    });
    expect(await okJson(["config", "get", "majority"], { db })).toEqual({ majority: "simple" });
    expect((await ok(["config", "get", "base"], { db })).stdout).toBe("yes-no\n");
  });

  it("config set quorum 7, then config get quorum prints 7", async () => {
    const db = copyOf(template);
    await ok(["config", "set", "quorum", "7"], { db });
    expect((await ok(["config", "get", "quorum"], { db })).stdout.trim()).toBe("7");
    expect(String((await okJson(["config", "get", "quorum"], { db })).quorum)).toBe("7");
  });

  it.each([
    ["majority", "two-thirds"],
    ["majority", "unanimous"],
    ["base", "present"],
    ["quorum", "none"],
    ["quorum", "half"],
    ["term-months", "24"],
    ["name", "SO! MIT UNS"],
    ["language", "de"],
  ])("config set %s %s", async (key, value) => {
    const db = copyOf(template);
    const set = await okJson(["config", "set", key, value], { db });
    expect(String(set[key])).toBe(value);
    expect(String((await okJson(["config", "get"], { db }))[key])).toBe(value);
  });

  it("setting a value it already has changes nothing", async () => {
    const db = copyOf(template);
    const before = fileHash(db);
    await ok(["config", "set", "majority", "simple"], { db });
    expect(fileHash(db)).toBe(before);
  });

  it.each([
    ["unknown key", ["colour", "blue"]],
    ["invalid quorum", ["quorum", "abc"]],
    ["quorum zero", ["quorum", "0"]],
    ["negative quorum", ["quorum", "--", "-3"]],
    ["invalid majority", ["majority", "most"]],
    ["invalid base", ["base", "everyone"]],
    ["invalid language", ["language", "fr"]],
    ["term-months 0", ["term-months", "0"]],
    ["term-months text", ["term-months", "twelve"]],
    ["empty name", ["name", ""]],
  ])("config set: %s exits 1, nothing changed", async (_what, args) => {
    const db = copyOf(template);
    await fails(["config", "set", ...args], { db }, 1);
  });

  it("config get of an unknown key exits 1 and names the known keys", async () => {
    const db = copyOf(template);
    const result = await fails(["config", "get", "colour"], { db }, 1);
    expect(result.stderr).toContain("quorum");
  });
});

describe("status", () => {
  it("counts groups and people and names the groups without a representative", async () => {
    const db = await newPlatform();
    await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"], { db });
    await ok(["groups", "add", "Al-Nur", "--short", "NUR", "--joined", "2020-01-01"], { db });
    await ok(["groups", "add", "Gone", "--joined", "2020-01-01"], { db });
    await ok(["groups", "leave", "Gone", "--date", "2021-01-01"], { db });
    await ok(["people", "add", "Maria", "--group", "JOSEF", "--role", "representative"], { db });
    const status = await okJson(["status"], { db });
    expect(status.groups).toEqual({ active: 2, left: 1 });
    expect(status.people).toEqual({ total: 1, forgotten: 0 });
    expect(status.groupsWithoutRepresentative).toEqual(["Al-Nur"]);
    expect(status.dataFile).toBe(dbTarget(db));
    expect((await ok(["status"], { db })).stdout).toContain("Al-Nur");
  });
});

describe("where the data file is", () => {
  function home(): { HOME: string; XDG_DATA_HOME: string; XDG_CONFIG_HOME: string } {
    const dir = tempDir();
    return { HOME: dir, XDG_DATA_HOME: join(dir, "data"), XDG_CONFIG_HOME: join(dir, "config") };
  }

  it("--db beats PLATTFORM_DB", async () => {
    const a = await newPlatform();
    const b = join(tempDir(), "b.db");
    await ok(["init", "--name", "B"], { db: b });
    const status = await okJson(["status", "--db", b], { db: a });
    expect(status.platform.name).toBe("B");
    expect(status.dataFile).toBe(dbTarget(b));
    await ok(["groups", "add", "Nur in B", "--db", b], { db: a });
    expect(await okJson<unknown[]>(["groups", "list"], { db: a })).toHaveLength(0);
    expect(await okJson<unknown[]>(["groups", "list"], { db: b })).toHaveLength(1);
  });

  it("without --db or PLATTFORM_DB, the config file's db is used", async () => {
    const env = home();
    const db = join(tempDir(), "configured.db");
    await ok(["init", "--name", "Configured"], { db });
    mkdirSync(join(env.XDG_CONFIG_HOME, "plattform"), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, "plattform", "config.json"), JSON.stringify({ db: dbTarget(db) }));
    const status = await okJson(["status"], { env: { ...env, PLATTFORM_DB: undefined } });
    expect(status.platform.name).toBe("Configured");
    expect(status.dataFile).toBe(dbTarget(db));
  });

  it("PLATTFORM_DB beats the config file", async () => {
    const env = home();
    const configured = join(tempDir(), "configured.db");
    await ok(["init", "--name", "Configured"], { db: configured });
    const fromEnv = join(tempDir(), "env.db");
    await ok(["init", "--name", "FromEnv"], { db: fromEnv });
    mkdirSync(join(env.XDG_CONFIG_HOME, "plattform"), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, "plattform", "config.json"), JSON.stringify({ db: dbTarget(configured) }));
    expect((await okJson(["status"], { env: { ...env, PLATTFORM_DB: fromEnv } })).platform.name).toBe("FromEnv");
  });

  it("with nothing set, init creates $XDG_DATA_HOME/plattform/plattform.db and later commands use it", async () => {
    const env = { ...home(), PLATTFORM_DB: undefined };
    const expected = join(env.XDG_DATA_HOME, "plattform", "plattform.db");
    await ok(["init", "--name", "Default"], { env });
    expect(existsSync(expected)).toBe(true);
    expect(statSync(expected).mode & 0o777).toBe(0o600);
    await ok(["groups", "add", "St. Josef"], { env });
    const status = await okJson(["status"], { env });
    expect(status.dataFile).toBe(expected);
    expect(status.groups.active).toBe(1);
  });

  it("with nothing set and no platform yet, a command exits 3 with the init hint", async () => {
    const env = { ...home(), PLATTFORM_DB: undefined };
    const result = await fails(["groups", "list"], { env }, 3);
    expect(result.stderr).toContain("plattform init");
  });

  it("a config file that is not JSON is one clear error line", async () => {
    const env = home();
    mkdirSync(join(env.XDG_CONFIG_HOME, "plattform"), { recursive: true });
    writeFileSync(join(env.XDG_CONFIG_HOME, "plattform", "config.json"), "{ db: ");
    const result = await run(["status"], { env: { ...env, PLATTFORM_DB: undefined } });
    expect(result.code).not.toBe(0);
    expect(oneLineError(result.stderr)).toBe(true);
    expect(result.stderr).toContain("config.json");
  });
});

describe("the audit log records who acted", () => {
  type Row = { actor: string; action: string; entity: string; command: string };

  it("--as Alice is recorded as the actor", async () => {
    const db = await newPlatform();
    await ok(["groups", "add", "St. Josef", "--as", "Alice"], { db });
    const rows = query<Row>(db, "SELECT actor, action, entity, command FROM audit_log WHERE entity = 'group'");
    expect(rows).toEqual([expect.objectContaining({ actor: recordedActor("Alice"), action: "add", entity: "group" })]);
    expect(JSON.parse(rows[0]!.command)).toContain("St. Josef");
  });

  it("--as before the subcommand works too", async () => {
    const db = await newPlatform();
    await ok(["--as", "Alice", "groups", "add", "St. Josef"], { db });
    expect(query<Row>(db, "SELECT actor FROM audit_log WHERE entity = 'group'")).toEqual([{ actor: recordedActor("Alice") }]);
  });

  it("PLATTFORM_USER is the actor when --as is not given, and --as beats it", async () => {
    const db = await newPlatform();
    await ok(["groups", "add", "St. Josef"], { db, env: { PLATTFORM_USER: "Bob" } });
    await ok(["groups", "add", "Al-Nur"], { db, env: { PLATTFORM_USER: "Bob" } });
    await ok(["groups", "edit", "Al-Nur", "--kind", "mosque", "--as", "Alice"], { db, env: { PLATTFORM_USER: "Bob" } });
    const rows = query<Row>(db, "SELECT actor, action FROM audit_log WHERE entity = 'group' ORDER BY id");
    expect(rows).toEqual([
      { actor: recordedActor("Bob"), action: "add" },
      { actor: recordedActor("Bob"), action: "add" },
      { actor: recordedActor("Alice"), action: "edit" },
    ]);
  });

  it("a failed command writes no audit entry", async () => {
    const db = await newPlatform();
    const before = query(db, "SELECT count(*) AS n FROM audit_log")[0].n;
    await fails(["groups", "add", "X", "--joined", "31.02.2026", "--as", "Alice"], { db }, 1);
    expect(query(db, "SELECT count(*) AS n FROM audit_log")[0].n).toBe(before);
  });
});
