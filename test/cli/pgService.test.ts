// A platform on a PostgreSQL server named by a libpq connection service (issue 19: credentials only the ways libpq
// knows, PGSERVICE among them): `--db 'postgresql:///?service=x'` or PGSERVICE with a bare `postgresql://`, the
// service read from PGSERVICEFILE. The refusals run everywhere; the connections need PLATTFORM_TEST_PG.
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oneLineError, spawnRun, tempDir } from "../helpers.js";
import { newServerDatabase, onServer, serverText } from "../server.js";
import { fails, ok, okJson, query } from "./util.js";

const ON_SERVER_ONLY = "connects to the test cluster (PLATTFORM_TEST_PG, npm run test:pg)";
const PASSWORD = "Dienst-Passwort-7f3a";

/** A service file with `text` in a new folder; returns its path. */
function serviceFile(text: string): string {
  const path = join(tempDir(), "pg_service.conf");
  writeFileSync(path, text);
  return path;
}

/** The environment of a run that reads only the service file `path` (no ~/.pg_service.conf, no system file). */
function services(path: string, more: Record<string, string> = {}): Record<string, string> {
  return { PGSERVICEFILE: path, PGSYSCONFDIR: tempDir(), ...more };
}

/** A service section connecting to the database of `url` (a URL of the test cluster), with `extra` lines. */
function section(name: string, url: string, extra: string[] = []): string {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || userInfo().username;
  return [`[${name}]`, `host=${parsed.hostname}`, `port=${parsed.port || "5432"}`, `dbname=${decodeURIComponent(parsed.pathname.slice(1))}`, `user=${user}`, ...extra, ""].join("\n");
}

describe("refused before connecting (both runs)", () => {
  it("an unknown service: exit 2, one line in the run's language naming the service, nothing of the file's content", async () => {
    const env = services(serviceFile(`[kiez]\nhost=127.0.0.1\npassword=${PASSWORD}\n`), { LANG: "de_DE.UTF-8" });
    const de = await fails(["--db", "postgresql:///?service=bund", "groups", "list"], { env }, 2);
    expect(de.stderr).toMatch(/^Fehler: der PostgreSQL-Service „bund“ ist in keiner Servicedatei definiert \(.*pg_service\.conf, .*pg_service\.conf\) — ihn als Abschnitt \[bund\] in ~\/\.pg_service\.conf/);
    const en = await fails(["--lang", "en", "--db", "postgres://?service=bund", "init"], { env }, 2);
    expect(en.stderr).toMatch(/^error: the PostgreSQL service "bund" is defined in no service file/);
    // PGSERVICE names it just the same
    const viaEnv = await fails(["--lang", "en", "groups", "list"], { env: { ...env, PLATTFORM_DB: "postgresql://", PGSERVICE: "bund" } }, 2);
    expect(viaEnv.stderr).toMatch(/^error: the PostgreSQL service "bund" is defined/);
    for (const result of [de, en, viaEnv]) expect(result.stderr).not.toContain(PASSWORD);
  });

  it("a broken line in the service or a missing PGSERVICEFILE: exit 2, naming the file and the line", async () => {
    const path = serviceFile("[kiez]\nhost=127.0.0.1\nport = 5432\n");
    const broken = await fails(["--lang", "en", "--db", "postgresql:///?service=kiez", "groups", "list"], { env: services(path) }, 2);
    expect(broken.stderr).toBe(`error: line 3 of the service file ${path} is not a connection setting — write keyword=value with a libpq keyword (host, port, dbname, user, password, options, sslmode …), without spaces around the =\n`);
    const missing = join(tempDir(), "nothing.conf");
    const unread = await fails(["--lang", "en", "--db", "postgresql:///?service=kiez", "groups", "list"], { env: services(missing) }, 2);
    expect(unread.stderr).toMatch(new RegExp(`^error: the service file ${missing} \\(PGSERVICEFILE\\) cannot be read`));
  });

  it("the service's password appears in no message: an unreachable server names the URL as given (exit 3)", async () => {
    const env = services(serviceFile(`[kiez]\nhost=127.0.0.1\nport=1\ndbname=kiez\nuser=orga\npassword=${PASSWORD}\n`));
    const result = await fails(["--lang", "en", "--db", "postgresql:///?service=kiez", "groups", "list"], { env }, 3);
    expect(result.stderr).toMatch(/^error: the database server postgresql:\/\/\/\?service=kiez cannot be reached \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it("a password as a URL parameter is refused like one in the URL's authority (exit 2), and not repeated", async () => {
    for (const url of [`postgres://orga:${PASSWORD}@127.0.0.1/kiez`, `postgres://orga@127.0.0.1/kiez?password=${PASSWORD}`]) {
      const result = await fails(["--lang", "en", "--db", url, "groups", "list"], {}, 2);
      expect(result.stderr).toMatch(/^error: the server address contains a password — put the password in PGPASSWORD, ~\/\.pgpass or a service file/);
      expect(result.stderr).not.toContain(PASSWORD);
    }
  });
});

describe.skipIf(!onServer)(`a platform reached through a service (${ON_SERVER_ONLY})`, () => {
  it("--db 'postgresql:///?service=x': init and the lists work on the service's database; its password is recorded nowhere", async () => {
    const url = newServerDatabase();
    const env = services(serviceFile(section("kiez", url, [`password=${PASSWORD}`])));
    const db = "postgresql:///?service=kiez";
    const init = await ok(["--db", db, "init", "--name", "Kiezplattform", "--lang", "en"], { env });
    expect(init.stdout).toContain(`in ${db}.`);
    await ok(["--db", db, "groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish"], { env });
    expect((await okJson(["--db", db, "groups", "list"], { env })).map((g: { name: string }) => g.name)).toEqual(["St. Josef"]);
    // the rows are in the database the service names
    expect(query(url, "SELECT name FROM groups")).toEqual([{ name: "St. Josef" }]);
    // the audit log records the URL as given; the password is in no row of the platform
    const commands = query<{ command: string }>(url, "SELECT command FROM audit_log ORDER BY id").map((row) => JSON.parse(row.command) as string[]);
    expect(commands[0]!.slice(0, 2)).toEqual(["--db", db]);
    expect(serverText(url)).not.toContain(PASSWORD);
  });

  it("PGSERVICE with a bare postgresql:// (in --db or PLATTFORM_DB) reaches the same platform", async () => {
    const url = newServerDatabase();
    const env = services(serviceFile(section("kiez", url)), { PGSERVICE: "kiez" });
    await ok(["--db", "postgresql://", "init", "--name", "Kiezplattform", "--lang", "en"], { env });
    await ok(["groups", "add", "Moschee Neukölln", "--short", "MOSCHEE", "--kind", "mosque"], { env: { ...env, PLATTFORM_DB: "postgresql://" } });
    expect((await okJson(["--db", "postgresql://", "groups", "list"], { env })).map((g: { short: string }) => g.short)).toEqual(["MOSCHEE"]);
    expect(query(url, "SELECT short FROM groups")).toEqual([{ short: "MOSCHEE" }]);
  });

  it("values in the URL win over the service's: its database (path or ?dbname=), its host and port", async () => {
    const [a, b] = [newServerDatabase(), newServerDatabase()];
    const env = services(serviceFile(section("kiez", a)));
    await ok(["--db", "postgresql:///?service=kiez", "init", "--name", "A", "--lang", "en"], { env });
    await ok(["--db", "postgresql:///?service=kiez", "groups", "add", "Gruppe A", "--short", "A"], { env });
    const bName = new URL(b).pathname.slice(1);
    await ok(["--db", `postgresql:///${bName}?service=kiez`, "init", "--name", "B", "--lang", "en"], { env });
    await ok(["--db", `postgresql:///?service=kiez&dbname=${bName}`, "groups", "add", "Gruppe B", "--short", "B"], { env });
    expect((await okJson(["--db", `postgresql:///${bName}?service=kiez`, "groups", "list"], { env })).map((g: { short: string }) => g.short)).toEqual(["B"]);
    expect(query(a, "SELECT short FROM groups")).toEqual([{ short: "A" }]);
    expect(query(b, "SELECT short FROM groups")).toEqual([{ short: "B" }]);
    // a service whose port is wrong still serves when the URL gives the port
    const port = new URL(a).port || "5432";
    const wrongPort = services(serviceFile(section("kiez", a).replace(/^port=.*$/m, "port=1")));
    await fails(["--db", "postgresql:///?service=kiez", "groups", "list"], { env: wrongPort }, 3);
    const host = new URL(a).hostname;
    expect((await okJson(["--db", `postgresql://${host}:${port}/?service=kiez`, "groups", "list"], { env: wrongPort })).map((g: { short: string }) => g.short)).toEqual(["A"]);
  });

  it("the service's values win over PGHOST, PGPORT and PGDATABASE; PGUSER fills in what the service leaves out", () => {
    // a process of its own: node-postgres reads the PG* variables of the process it runs in
    const url = newServerDatabase();
    const user = decodeURIComponent(new URL(url).username) || process.env.PGUSER || userInfo().username;
    const withoutUser = section("kiez", url).replace(/^user=.*\n/m, "");
    const env = services(serviceFile(withoutUser), { PGHOST: "127.0.0.1", PGPORT: "1", PGDATABASE: "no_such_database", PGUSER: user });
    const init = spawnRun(["--db", "postgresql:///?service=kiez", "init", "--name", "Kiezplattform", "--lang", "en"], { env });
    expect(init.code, init.stderr).toBe(0);
    const list = spawnRun(["--db", "postgresql:///?service=kiez", "groups", "list", "--json"], { env });
    expect([list.code, list.stdout.trim()], list.stderr).toEqual([0, "[]"]);
    // without the service those variables lead nowhere
    const bare = spawnRun(["--lang", "en", "--db", "postgresql://", "groups", "list"], { env });
    expect(bare.code).toBe(3);
    expect(oneLineError(bare.stderr), bare.stderr).toBe(true);
  });
});

describe.skipIf(!onServer)(`sslmode as libpq reads it (${ON_SERVER_ONLY})`, () => {
  it("sslmode=disable connects; require, prefer, verify-full against a server without TLS: exit 3 and one line, no security warning", () => {
    // a process of its own: a warning of node-postgres would go to the process's stderr
    const url = newServerDatabase();
    const plain = spawnRun(["--db", `${url}?sslmode=disable`, "init", "--name", "Ohne TLS", "--lang", "en"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toBe("");
    const ssl = query<{ ssl: boolean }>(url, "SELECT current_setting('ssl') = 'on' AS ssl")[0]!.ssl;
    if (ssl) return; // a server with TLS: require would connect, which says nothing about the warning
    for (const mode of ["require", "prefer", "verify-full"]) {
      const refused = spawnRun(["--lang", "en", "--db", `${url}?sslmode=${mode}`, "groups", "list"]);
      expect(refused.code, refused.stderr).toBe(3);
      expect(oneLineError(refused.stderr), refused.stderr).toBe(true);
      expect(refused.stderr).toContain("does not support SSL");
      expect(refused.stderr).not.toMatch(/WARNING/);
    }
    // verify-ca checks the certificate against a CA of one's own, which libpq, too, wants named (sslrootcert)
    const noCa = spawnRun(["--lang", "en", "--db", `${url}?sslmode=verify-ca`, "groups", "list"]);
    expect(noCa.code, noCa.stderr).toBe(3);
    expect(oneLineError(noCa.stderr), noCa.stderr).toBe(true);
    expect(noCa.stderr).toContain("sslrootcert");
  });
});
