// A server that asks for a password (issue 19: credentials only the ways libpq knows): PGPASSWORD, else the password
// file (~/.pgpass, or PGPASSFILE), as libpq reads them; nothing on stderr but the command's own output (node-postgres's
// own reading of the file printed a deprecation warning), no password in any row. The test cluster of
// scripts/pg-cluster.sh asks the user plattform_password for one; a server that trusts it skips these tests.
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgDb } from "../../src/core/pg/pgDb.js";
import { oneLineError, spawnRun, tempDir, type RunResult } from "../helpers.js";
import { newServerDatabase, onServer, serverText } from "../server.js";

const USER = "plattform_password";
const PASSWORD = "Kiez;Passwort#42";
const SERVER = process.env.PLATTFORM_TEST_PG?.replace(/\/+$/, "") ?? "";

let url = "";
let asksForPassword = false;

/** A password file with one line for the test database (mode 0600, or libpq and node-postgres ignore it). */
function passwordFile(password: string): string {
  const path = join(tempDir(), "pgpass");
  const server = new URL(url);
  writeFileSync(path, `${server.hostname}:${server.port || "5432"}:*:${USER}:${password.replace(/[:\\]/g, "\\$&")}\n`);
  chmodSync(path, 0o600);
  return path;
}

/** Runs the binary as its own process (node-postgres reads the process's environment) and checks its exit code. */
function runs(args: string[], env: Record<string, string | undefined>, code: number): RunResult {
  const result = spawnRun(args, { env });
  expect(result.code, `plattform ${args.join(" ")}\n${result.stderr}`).toBe(code);
  if (code !== 0) expect(oneLineError(result.stderr), result.stderr).toBe(true);
  return result;
}

/** The environment of a run with only the given credentials (no PGPASSWORD, no ~/.pgpass of the machine). */
function credentials(more: Record<string, string>): Record<string, string | undefined> {
  return { PGPASSWORD: undefined, PGPASSFILE: join(tempDir(), "none"), ...more };
}

beforeAll(() => {
  if (!onServer) return;
  const admin = new PgDb(`${SERVER}/postgres`, "admin");
  try {
    const exists = admin.prepare("SELECT count(*) FROM pg_roles WHERE rolname = ?").pluck().get(USER) === 1;
    admin.exec(`${exists ? "ALTER" : "CREATE"} ROLE ${USER} LOGIN PASSWORD '${PASSWORD.replace(/'/g, "''")}'`);
    const database = newServerDatabase();
    admin.exec(`ALTER DATABASE "${new URL(database).pathname.slice(1)}" OWNER TO ${USER}`);
    const server = new URL(database);
    server.username = USER;
    url = server.toString();
  } finally {
    admin.close();
  }
  // Trusted (another server's rules): nothing to test here.
  try {
    new PgDb(url, url).close();
  } catch {
    asksForPassword = true;
  }
});

afterAll(() => {
  if (!onServer || !url) return;
  const admin = new PgDb(`${SERVER}/postgres`, "admin");
  try {
    admin.exec(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" OWNER TO CURRENT_USER`);
  } finally {
    admin.close();
  }
});

describe.skipIf(!onServer)("a server that asks for a password (needs PLATTFORM_TEST_PG: npm run test:pg)", () => {
  it("PGPASSWORD: init and a list work, nothing else on stderr, the password in no row", (context) => {
    if (!asksForPassword) context.skip("the server does not ask plattform_password for a password (scripts/pg-cluster.sh sets that up)");
    const init = runs(["--db", url, "init", "--name", "Mit Passwort"], credentials({ PGPASSWORD: PASSWORD }), 0);
    expect(init.stderr).toBe("");
    const list = runs(["--db", url, "groups", "list", "--json"], credentials({ PGPASSWORD: PASSWORD }), 0);
    expect(list.stderr).toBe("");
    expect(JSON.parse(list.stdout)).toEqual([]);
    // read as the test's own user (the password's owner could not connect without it)
    expect(serverText(SERVER + new URL(url).pathname)).not.toContain(PASSWORD);
  });

  it("the password file (PGPASSFILE): the command works and prints no warning", (context) => {
    if (!asksForPassword) context.skip("the server does not ask plattform_password for a password (scripts/pg-cluster.sh sets that up)");
    const listed = runs(["--db", url, "groups", "list"], credentials({ PGPASSFILE: passwordFile(PASSWORD), LANG: "de_DE.UTF-8" }), 0);
    expect(listed.stderr).toBe("");
    // PGPASSWORD comes before the file, as in libpq: a wrong one is not made good by the file.
    const wrong = runs(["--db", url, "groups", "list"], credentials({ PGPASSFILE: passwordFile(PASSWORD), PGPASSWORD: "falsch" }), 3);
    expect(wrong.stderr).toContain("password authentication failed");
  });

  it("no password anywhere: exit 3, one line saying that none was given, naming the user", (context) => {
    if (!asksForPassword) context.skip("the server does not ask plattform_password for a password (scripts/pg-cluster.sh sets that up)");
    const none = runs(["--lang", "en", "--db", url, "groups", "list"], credentials({}), 3);
    expect(none.stderr).toContain(`the server asks for the password of ${USER}; none was given`);
    expect(none.stderr).toContain("PGPASSWORD");
  });
});
