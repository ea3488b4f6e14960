// libpq's connection service files (pg_service.conf), read for node-postgres (src/core/pg/service.ts): the file
// format, the files searched and their order, and the precedence URL > service > environment, checked with
// node-postgres's own reading of the completed URL. No server needed: the CLI tests connect (test/cli/pgService.test.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serverName } from "../../src/maintenance/backup.js";
import { connectionUrl, parseServiceFile, serviceFiles, serviceSettings, SYSTEM_CONFIG_DIR, urlUser } from "../../src/core/pg/service.js";
import { cliErrorOf } from "./errorOf.js";

/** node-postgres's connection settings as its Client takes them from a config: URL first, then PG* variables. */
const ConnectionParameters = createRequire(import.meta.url)("pg/lib/connection-parameters") as new (config: { connectionString: string }) => {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  options: string | undefined;
  ssl: unknown;
};

function folder(): string {
  return mkdtempSync(join(process.env.PLATTFORM_TEST_TMP ?? tmpdir(), "plattform-service-"));
}

/** A service file with `text` in a new folder; returns its path. */
function serviceFile(text: string, name = "pg_service.conf"): string {
  const path = join(folder(), name);
  writeFileSync(path, text);
  return path;
}

/** An environment with only a service file (no home file, no system file). */
function only(path: string): NodeJS.ProcessEnv {
  return { HOME: folder(), PGSERVICEFILE: path, PGSYSCONFDIR: folder() };
}

const KIEZ = ["# the platform's server", "[kiez]", "host=db.example.org", "port=5433", "dbname=so_mit_uns", "user=orga", "password=geheim;#1 \"x\"", "options=-c search_path=kiez", ""].join("\n");

describe("parseServiceFile: the format as libpq reads it", () => {
  it("reads the named section only: trimmed lines, # comments, values taken literally", () => {
    const text = ["[other]", "host=elsewhere", "", "   # comment", "  [kiez]  ", "  host=db.example.org  ", "port=5433\r", "password= a;b#c \"q\"", "host=ignored", "[after]", "user=nobody"].join("\n");
    expect(parseServiceFile(text, "kiez", "f")).toEqual({ host: "db.example.org", port: "5433", password: ' a;b#c "q"' });
  });

  it("matches the name before the closing bracket only, as libpq does", () => {
    expect(parseServiceFile("[kiez]trailing\nport=1\n", "kiez", "f")).toEqual({ port: "1" });
    expect(parseServiceFile("[kiezplatz]\nport=1\n[kie]\nport=2\n", "kiez", "f")).toBeUndefined();
    expect(parseServiceFile("[kiez\nport=1\n", "kiez", "f")).toBeUndefined();
    expect(parseServiceFile("", "kiez", "f")).toBeUndefined();
    expect(parseServiceFile("[kiez]\n", "kiez", "f")).toEqual({});
  });

  it("refuses a line of the wanted section that is no keyword=value setting (exit 2, naming file and line)", () => {
    for (const [line, key] of [
      ["host = db.example.org", "error.serviceFileSyntax"],
      ["host", "error.serviceFileSyntax"],
      ["hots=db.example.org", "error.serviceFileSyntax"],
      ["service=other", "error.serviceFileNested"],
    ] as const) {
      const error = cliErrorOf(() => parseServiceFile(`# x\n[kiez]\nport=1\n${line}\n`, "kiez", "/etc/pg_service.conf"));
      expect([error.key, error.exitCode, error.params]).toEqual([key, 2, { path: "/etc/pg_service.conf", line: 4 }]);
    }
  });

  it("does not read the lines of other sections (libpq reports no error there either)", () => {
    expect(parseServiceFile("[broken]\nhost = x\nservice=y\n[kiez]\nport=1\n", "kiez", "f")).toEqual({ port: "1" });
  });
});

describe("serviceFiles and serviceSettings: which file defines a service", () => {
  it("PGSERVICEFILE, else ~/.pg_service.conf; then pg_service.conf in PGSYSCONFDIR, else the system's directory", () => {
    expect(serviceFiles({ HOME: "/home/maria" })).toEqual([
      { path: "/home/maria/.pg_service.conf", required: false },
      { path: join(SYSTEM_CONFIG_DIR, "pg_service.conf"), required: false },
    ]);
    expect(serviceFiles({ HOME: "/home/maria", PGSERVICEFILE: "/srv/services.conf", PGSYSCONFDIR: "/opt/pg/etc" })).toEqual([
      { path: "/srv/services.conf", required: true },
      { path: "/opt/pg/etc/pg_service.conf", required: false },
    ]);
  });

  it("the user's file wins, its section whole; the system file is read for services the user's file lacks", () => {
    const home = folder();
    const sys = folder();
    writeFileSync(join(home, ".pg_service.conf"), "[kiez]\nport=1\n");
    writeFileSync(join(sys, "pg_service.conf"), "[kiez]\nhost=system\nport=2\n[bund]\nhost=bund.example.org\n");
    const env = { HOME: home, PGSYSCONFDIR: sys };
    expect(serviceSettings("kiez", env)).toEqual({ port: "1" });
    expect(serviceSettings("bund", env)).toEqual({ host: "bund.example.org" });
    // PGSERVICEFILE takes the place of ~/.pg_service.conf
    expect(serviceSettings("kiez", { ...env, PGSERVICEFILE: serviceFile("[kiez]\nport=3\n") })).toEqual({ port: "3" });
  });

  it("an unknown service is a usage error (exit 2) naming the service and the files searched, not their content", () => {
    const path = serviceFile(KIEZ);
    const env = only(path);
    const error = cliErrorOf(() => serviceSettings("kiz", env));
    expect([error.key, error.exitCode, error.hintKey]).toEqual(["error.unknownService", 2, "error.unknownService.hint"]);
    expect(error.params).toEqual({ service: "kiz", files: `${path}, ${join(env.PGSYSCONFDIR!, "pg_service.conf")}` });
  });

  it("a missing ~/.pg_service.conf or system file is skipped; a missing PGSERVICEFILE is an error, as in libpq", () => {
    const sys = folder();
    writeFileSync(join(sys, "pg_service.conf"), "[kiez]\nport=2\n");
    expect(serviceSettings("kiez", { HOME: folder(), PGSYSCONFDIR: sys })).toEqual({ port: "2" });
    const missing = join(folder(), "nothing.conf");
    const error = cliErrorOf(() => serviceSettings("kiez", { HOME: folder(), PGSYSCONFDIR: sys, PGSERVICEFILE: missing }));
    expect([error.key, error.exitCode, error.params]).toEqual(["error.serviceFileUnreadable", 2, { path: missing }]);
    // a folder where the file should be cannot be read either
    const dir = join(folder(), "services");
    mkdirSync(dir);
    expect(cliErrorOf(() => serviceSettings("kiez", { HOME: folder(), PGSERVICEFILE: dir })).key).toBe("error.serviceFileUnreadable");
  });
});

describe("connectionUrl: the URL completed with its service, read by node-postgres", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ["PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGOPTIONS", "PGSERVICEFILE", "PGSYSCONFDIR"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  /** What node-postgres connects to for `url`, with the process's environment as it stands. */
  const pgReads = (url: string, env: NodeJS.ProcessEnv) => {
    const read = new ConnectionParameters({ connectionString: connectionUrl(url, env) });
    return { host: read.host, port: read.port, database: read.database, user: read.user, password: read.password, options: read.options };
  };

  it("a URL without a service is connected to as it is", () => {
    for (const url of ["postgres://orga@db.example.org/kiez", "postgresql://db.example.org:5433/kiez?options=-c%20search_path%3Dx", "postgres://orga@/kiez"]) expect(connectionUrl(url, {})).toBe(url);
  });

  it("postgresql:///?service=x connects where the service says: host, port, database, user, password, options", () => {
    const env = only(serviceFile(KIEZ));
    for (const url of ["postgresql:///?service=kiez", "postgres://?service=kiez"])
      expect(pgReads(url, env)).toEqual({ host: "db.example.org", port: 5433, database: "so_mit_uns", user: "orga", password: 'geheim;#1 "x"', options: "-c search_path=kiez" });
    expect(urlUser("postgresql:///?service=kiez", env)).toBe("orga");
  });

  it("PGSERVICE names the service for a bare postgresql://; a service in the URL wins over PGSERVICE", () => {
    const env = { ...only(serviceFile(`${KIEZ}[bund]\nhost=bund.example.org\ndbname=bund\n`)), PGSERVICE: "kiez" };
    expect(pgReads("postgresql://", env)).toMatchObject({ host: "db.example.org", database: "so_mit_uns", user: "orga" });
    expect(pgReads("postgresql://?service=bund", env)).toMatchObject({ host: "bund.example.org", database: "bund" });
    // without PGSERVICE, a bare URL names no service
    expect(connectionUrl("postgresql://", { ...env, PGSERVICE: undefined })).toBe("postgresql://");
    // an empty service name is unknown, as libpq says
    expect(cliErrorOf(() => connectionUrl("postgresql://", { ...env, PGSERVICE: "" })).key).toBe("error.unknownService");
  });

  it("values in the URL win over the service's: host, port, user, database (path or ?dbname=), parameters", () => {
    const env = only(serviceFile(KIEZ));
    expect(pgReads("postgresql://maria@127.0.0.1:6543/other?service=kiez&options=-c%20search_path%3Dmine", env)).toEqual({
      host: "127.0.0.1",
      port: 6543,
      database: "other",
      user: "maria",
      password: 'geheim;#1 "x"',
      options: "-c search_path=mine",
    });
    expect(pgReads("postgresql:///?service=kiez&dbname=other&host=%2Fvar%2Frun%2Fpostgresql&user=maria", env)).toMatchObject({ host: "/var/run/postgresql", database: "other", user: "maria" });
    expect(urlUser("postgresql://maria@/x?service=kiez", env)).toBeUndefined(); // not a URL to a parser: the environment decides
    expect(urlUser("postgresql://maria@db.example.org/x?service=kiez", env)).toBe("maria");
  });

  it("the service's values win over PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD; those fill what it leaves out", () => {
    Object.assign(process.env, { PGHOST: "env.example.org", PGPORT: "7777", PGDATABASE: "envdb", PGUSER: "envuser", PGPASSWORD: "envpw" });
    const full = only(serviceFile(KIEZ));
    expect(pgReads("postgresql:///?service=kiez", full)).toMatchObject({ host: "db.example.org", port: 5433, database: "so_mit_uns", user: "orga", password: 'geheim;#1 "x"' });
    const hostOnly = only(serviceFile("[kiez]\nhost=db.example.org\n"));
    expect(pgReads("postgresql:///?service=kiez", hostOnly)).toMatchObject({ host: "db.example.org", port: 7777, database: "envdb", user: "envuser", password: "envpw" });
  });

  it("an unknown service or a broken service file stops the connection before it starts (exit 2)", () => {
    const env = only(serviceFile("[kiez]\nhost = db.example.org\n"));
    expect(cliErrorOf(() => connectionUrl("postgresql:///?service=bund", env)).key).toBe("error.unknownService");
    expect(cliErrorOf(() => connectionUrl("postgresql:///?service=kiez", env)).key).toBe("error.serviceFileSyntax");
  });

  it("restore names the file it keeps beside a server platform by the service's database", () => {
    const { PGSERVICEFILE, PGSYSCONFDIR } = only(serviceFile(KIEZ));
    Object.assign(process.env, { PGSERVICEFILE, PGSYSCONFDIR });
    expect(serverName("postgresql:///?service=kiez")).toBe("so_mit_uns");
    expect(serverName("postgresql:///eigene?service=kiez")).toBe("eigene");
    expect(serverName("postgres://db.example.org")).toBe("db.example.org");
  });
});
