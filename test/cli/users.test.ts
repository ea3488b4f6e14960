// plattform users: PostgreSQL roles with the grants of the organizer, secretary, treasurer and reader (issue 19).
// Roles exist on a server only; on a data file the command says so.
import { afterAll, describe, expect, it } from "vitest";
import { PgDb } from "../../src/core/pg/pgDb.js";
import { fileHash, newPlatform, oneLineError, run } from "../helpers.js";
import { dbTarget, FILE_ONLY, onServer, openServerDb } from "../server.js";
import { fails, ok, okJson, query } from "./util.js";

const ON_SERVER_ONLY = "PostgreSQL roles exist on a server only (npm run test:pg)";

/** Login names unique to this run: roles are the whole cluster's, shared with other runs. */
const tag = `u${process.pid}`;
const user = (name: string) => `${tag}_${name}`;
const platforms: string[] = [];
const users: string[] = [];

/** The server URL of the platform `db`, connecting as `login`. */
function as(db: string, login: string): { env: Record<string, string> } {
  const url = new URL(dbTarget(db));
  url.username = login;
  return { env: { PLATTFORM_DB: url.toString() } };
}

async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "en"]);
  platforms.push(db);
  await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish"], { db });
  await ok(["meetings", "add", "kernkreis", "--date", "1.12.2026"], { db });
  return db;
}

async function addUser(db: string, name: string, role: string): Promise<string> {
  const login = user(name);
  if (!users.includes(login)) users.push(login);
  await ok(["users", "add", login, "--role", role], { db });
  return login;
}

afterAll(() => {
  if (!onServer) return;
  // The group roles hold grants in the platforms' databases: dropped there first, then the roles themselves.
  const groups = new Set<string>();
  for (const db of platforms) {
    const server = openServerDb(db);
    try {
      const names = server.prepare("SELECT rolname FROM pg_roles WHERE rolname LIKE 'plattform\\_' || current_database() || '\\_%'").pluck().all() as string[];
      for (const name of names) groups.add(name);
      if (names.length > 0) server.exec(`DROP OWNED BY ${names.map((n) => `"${n}"`).join(", ")}`);
    } finally {
      server.close();
    }
  }
  const admin = openServerDb(platforms[0]!);
  try {
    for (const name of [...users, ...groups]) admin.exec(`DROP ROLE IF EXISTS "${name}"`);
  } finally {
    admin.close();
  }
});

describe("users on a data file", () => {
  it.skipIf(onServer)("users add fails with exit 1: roles need a server (FILE_ONLY: the message names the file)", async () => {
    // FILE_ONLY: about the data file, which a server run does not have
    void FILE_ONLY;
    const db = await newPlatform(["--lang", "en"]);
    const result = await fails(["users", "add", "kim", "--role", "reader"], { db }, 1);
    expect(result.stderr).toBe(`error: ${db} is a data file: users and roles exist only on a PostgreSQL server — a data file is protected by its file permissions; \`plattform copy\` moves a platform to a server\n`);
    await fails(["users", "list"], { db }, 1);
  });
});

describe.skipIf(!onServer)(`users on a server (${ON_SERVER_ONLY})`, () => {
  it("users add creates a login role with the chosen role; list shows it, remove takes it away", async () => {
    const db = await platform();
    const added = await okJson(["users", "add", user("anna"), "--role", "secretary"], { db });
    users.push(user("anna"));
    expect(added).toEqual({ name: user("anna"), role: "secretary", created: true, previous: null });
    // a second add changes the role: one role per user and platform
    expect(await okJson(["users", "add", user("anna"), "--role", "reader"], { db })).toEqual({ name: user("anna"), role: "reader", created: false, previous: "secretary" });
    expect(await okJson(["users", "list"], { db })).toEqual([{ name: user("anna"), role: "reader", canLogin: true }]);
    // no password anywhere: the role has none, the audit entry records the name and role only
    expect(query(db, "SELECT rolpassword FROM pg_authid WHERE rolname = ?", user("anna"))).toEqual([{ rolpassword: null }]);
    const log = query<{ entity: string; action: string; changes: string }>(db, "SELECT entity, action, changes FROM audit_log WHERE entity = 'user' ORDER BY id");
    expect(log.map((e) => [e.action, JSON.parse(e.changes)])).toEqual([
      ["add", { name: user("anna"), role: "secretary", created: true }],
      ["add", { name: user("anna"), role: "reader", previous: "secretary", created: false }],
    ]);
    expect((await ok(["users", "remove", user("anna")], { db })).stdout).toBe(`Database user ${user("anna")} no longer has the role reader on this platform.\n`);
    expect(await okJson(["users", "list"], { db })).toEqual([]);
    await fails(["users", "remove", user("anna")], { db }, 1);
  });

  it("bad input to users add and remove: a reserved or empty name, an unknown role; exit 2, nothing written, no role created", async () => {
    const db = await platform();
    const roles = () => query<{ n: number }>(db, "SELECT count(*) AS n FROM pg_roles")[0]!.n;
    const before = roles();
    for (const args of [
      ["users", "add", "pg_kim", "--role", "reader"],
      ["users", "add", "", "--role", "reader"],
      ["users", "add", user("bert"), "--role", "admin"],
      ["users", "add", user("bert")],
      ["users", "remove", "pg_kim"],
    ])
      await fails(args, { db }, 2);
    expect(roles()).toBe(before);
    expect(query(db, "SELECT count(*) AS n FROM audit_log WHERE entity = 'user'")).toEqual([{ n: 0 }]);
  });

  it("a reader cannot write: exit 1, one line naming the database user and its role, nothing changed; reading works", async () => {
    const db = await platform();
    const reader = await addUser(db, "reader", "reader");
    const before = fileHash(db);
    const result = await run(["groups", "add", "Moschee", "--kind", "mosque"], as(db, reader));
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr)).toBe(true);
    expect(result.stderr).toBe(`error: the database user ${reader} has the role reader on this platform, which may not do that (permission denied for table groups)\n`);
    expect(result.stdout).toBe("");
    expect(fileHash(db)).toBe(before);
    expect((await okJson<Array<{ name: string }>>(["groups", "list"], as(db, reader))).map((g) => g.name)).toEqual(["St. Josef"]);
  });

  it("a treasurer adds income but cannot change a meeting or its minutes; the audit log records the database user", async () => {
    const db = await platform();
    const treasurer = await addUser(db, "kasse", "treasurer");
    await ok(["funds", "income", "add", "50,00", "--kind", "donation", "--date", "2.12.2026"], as(db, treasurer));
    await ok(["funds", "income", "add", "20,00", "--kind", "donation", "--date", "3.12.2026"], { env: { ...as(db, treasurer).env, PLATTFORM_USER: "Kim" } });
    expect(query(db, "SELECT actor FROM audit_log WHERE entity = 'income' ORDER BY id").map((r) => r.actor)).toEqual([treasurer, `Kim (${treasurer})`]);
    // log --who finds an entry by the name given as well as by the database user
    expect((await okJson<Array<{ actor: string }>>(["log", "--who", "kim"], { db })).map((e) => e.actor)).toEqual([`Kim (${treasurer})`]);
    const before = fileHash(db);
    for (const args of [["meetings", "edit", "1", "--place", "Rathaus"], ["meetings", "close", "1"], ["meetings", "excuse", "1", "JOSEF"]]) {
      const result = await run(args, as(db, treasurer));
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: the database user ${treasurer} has the role treasurer on this platform, which may not do that \\(permission denied for table \\w+\\)\\n$`));
    }
    expect(fileHash(db)).toBe(before);
  });

  it("a secretary keeps the meeting's record but cannot change income", async () => {
    const db = await platform();
    const secretary = await addUser(db, "protokoll", "secretary");
    await ok(["meetings", "edit", "1", "--place", "Rathaus"], as(db, secretary));
    await ok(["meetings", "excuse", "1", "JOSEF"], as(db, secretary));
    await ok(["funds", "income", "add", "50,00", "--kind", "donation"], { db });
    const before = fileHash(db);
    for (const args of [["funds", "income", "add", "10,00", "--kind", "donation"], ["funds", "income", "cancel", "1", "--reason", "doppelt"]]) {
      const result = await run(args, as(db, secretary));
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^error: the database user ${secretary} has the role secretary on this platform, which may not do that \\(permission denied for table \\w+\\)\\n$`));
    }
    expect(fileHash(db)).toBe(before);
    expect(query(db, "SELECT actor FROM audit_log WHERE entity = 'meeting' AND action = 'edit'").map((r) => r.actor)).toEqual([secretary]);
  });

  it("nobody updates or deletes audit entries; only the organizer may rewrite their text (for people forget)", async () => {
    const db = await platform();
    const logins = { organizer: await addUser(db, "org", "organizer"), secretary: await addUser(db, "sek", "secretary"), treasurer: await addUser(db, "kas", "treasurer"), reader: await addUser(db, "les", "reader") };
    for (const [role, login] of Object.entries(logins)) {
      const server = new PgDb(as(db, login).env.PLATTFORM_DB!, login);
      try {
        expect(() => server.exec("DELETE FROM audit_log"), role).toThrow(/permission denied for table audit_log/);
        expect(() => server.exec("UPDATE audit_log SET at = '2000-01-01'"), role).toThrow(/permission denied for table audit_log/);
        if (role !== "organizer") expect(() => server.exec("UPDATE audit_log SET changes = NULL"), role).toThrow(/permission denied for table audit_log/);
      } finally {
        server.close();
      }
    }
  });

  it("people forget as the organizer: the person's audit entries rewritten through the granted columns, the chain intact", async () => {
    const db = await platform();
    const organizer = await addUser(db, "orga", "organizer");
    await ok(["people", "add", "Maria Schmidt", "--email", "maria@example.org"], { db });
    const forgotten = await ok(["people", "forget", "Maria Schmidt", "--yes", "--lang", "en"], as(db, organizer));
    expect(query(db, "SELECT count(*) AS n FROM audit_log WHERE changes LIKE '%maria@example.org%'")[0].n).toBe(0);
    await ok(["check"], { db });
    // Only the tables' owner may vacuum them (PostgreSQL 15): the organizer is told which keep old row versions.
    const owner = query<{ owner: string }>(db, "SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'people'::regclass")[0]!.owner;
    expect(forgotten.stderr).toMatch(new RegExp(`^warning: old versions of the rows with the erased data stay in the server's files of [a-z_, ]*\\bpeople\\b[a-z_, ]* until their owner ${owner} \\(only they may\\) runs VACUUM FULL on them`));
    expect(forgotten.stderr.trimEnd().split("\n")).toHaveLength(1);
    // The owner's own forget rewrites every table it wrote, and says nothing of the kind.
    await ok(["people", "add", "Jonas Weber", "--email", "jonas@example.org"], { db });
    const byOwner = await ok(["people", "forget", "Jonas Weber", "--yes", "--json"], { db });
    expect(byOwner.stderr).toBe("");
    expect(byOwner.json().notRewritten).toBeUndefined();
  });

  it("a user of one platform cannot read another platform's data", async () => {
    const mine = await platform();
    const other = await platform();
    const reader = await addUser(mine, "fremd", "reader");
    await ok(["groups", "list"], as(mine, reader));
    const result = await run(["groups", "list"], as(other, reader));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: the database role ${reader} may not do that \\(permission denied for table \\w+\\)\\n$`));
  });
});
