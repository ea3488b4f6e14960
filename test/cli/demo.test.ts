// plattform demo: a sample platform in its own file that never touches real data.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform, tempDir } from "../helpers.js";
import { fails, ok, okJson } from "./util.js";

type Group = { name: string; short: string | null; status: "active" | "left" };
type Person = { name: string | null; groups: Array<{ group: string; role: string }> };

function home() {
  const dir = tempDir();
  return { HOME: dir, XDG_DATA_HOME: join(dir, "data"), XDG_CONFIG_HOME: join(dir, "config") };
}

describe("demo", () => {
  it("--db builds at least 12 groups (one of them left) and 40 people", () => {
    const db = join(tempDir(), "demo.db");
    const result = ok(["demo", "--db", db]);
    expect(result.stdout).toContain(db);
    expect(statSync(db).mode & 0o777).toBe(0o600);

    const groups = okJson<Group[]>(["groups", "list", "--all"], { db });
    expect(groups.length).toBeGreaterThanOrEqual(12);
    expect(groups.filter((g) => g.status === "left")).toHaveLength(1);
    expect(okJson<Group[]>(["groups", "list"], { db })).toHaveLength(groups.length - 1);

    const people = okJson<Person[]>(["people", "list"], { db });
    expect(people).toHaveLength(40);
    expect(people.some((p) => p.groups.some((g) => g.role === "representative"))).toBe(true);
    expect(okJson(["status"], { db }).people.total).toBe(40);
  });

  it("--json reports the file and the counts", () => {
    const db = join(tempDir(), "demo.db");
    const report = okJson(["demo", "--db", db]);
    expect(report.dataFile).toBe(db);
    expect(report.groups.active + report.groups.left).toBeGreaterThanOrEqual(12);
    expect(report.groups.left).toBe(1);
    expect(report.people.total).toBe(40);
  });

  it("the tour's commands work on the demo file", () => {
    const db = join(tempDir(), "demo.db");
    ok(["demo", "--db", db]);
    expect(okJson(["groups", "show", "NUR"], { db }).people.length).toBeGreaterThan(0);
    expect(okJson<Person[]>(["people", "list", "--group", "KOSMOS"], { db }).length).toBeGreaterThan(0);
    expect(okJson<Person>(["people", "show", "Ingrid Hoffmann"], { db }).name).toBe("Ingrid Hoffmann");
    expect(okJson<Person[]>(["people", "list", "--role", "representative"], { db }).length).toBeGreaterThan(0);
    expect(ok(["groups", "export", "--format", "csv"], { db }).stdout.split("\n")[0]).toBe("name,short,kind,joined,left,email,phone,notes");
  });

  it("with PLATTFORM_DB pointing at a real platform and no --db, that file is untouched; the demo goes under XDG_DATA_HOME", () => {
    const real = newPlatform();
    ok(["groups", "add", "Echte Gruppe"], { db: real });
    const before = fileHash(real);
    const env = home();
    const result = ok(["demo"], { db: real, env });
    const demoFile = join(env.XDG_DATA_HOME, "plattform", "demo.db");
    expect(fileHash(real)).toBe(before);
    expect(okJson<Group[]>(["groups", "list", "--all"], { db: real }).map((g) => g.name)).toEqual(["Echte Gruppe"]);
    expect(existsSync(demoFile)).toBe(true);
    expect(result.stdout).toContain(demoFile);
    expect(okJson<Group[]>(["groups", "list", "--all"], { db: demoFile }).length).toBeGreaterThanOrEqual(12);
  });

  it("with the config file pointing at a real platform, that file is untouched too", () => {
    const real = newPlatform();
    const before = fileHash(real);
    const env = home();
    const configDir = join(env.XDG_CONFIG_HOME, "plattform");
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, "config.json"), JSON.stringify({ db: real }));
    ok(["demo"], { env: { ...env, PLATTFORM_DB: undefined } });
    expect(fileHash(real)).toBe(before);
    expect(existsSync(join(env.XDG_DATA_HOME, "plattform", "demo.db"))).toBe(true);
  });

  it("refuses (exit 1) to overwrite a --db file that is a real platform", () => {
    const real = newPlatform();
    ok(["groups", "add", "Echte Gruppe"], { db: real });
    const result = fails(["demo", "--db", real], { db: real }, 1);
    expect(result.stderr).toContain(real);
    expect(okJson<Group[]>(["groups", "list"], { db: real }).map((g) => g.name)).toEqual(["Echte Gruppe"]);
  });

  it("refuses a --db file that is not a data file at all", () => {
    const path = join(tempDir(), "notes.txt");
    writeFileSync(path, "my notes, not a database\n");
    fails(["demo", "--db", path], { db: path }, 1);
  });

  it("running demo twice on the same demo file rebuilds it", () => {
    const db = join(tempDir(), "demo.db");
    ok(["demo", "--db", db]);
    ok(["groups", "add", "Zusätzliche Gruppe"], { db });
    const first = okJson<Group[]>(["groups", "list", "--all"], { db }).length;
    ok(["demo", "--db", db]);
    const groups = okJson<Group[]>(["groups", "list", "--all"], { db });
    expect(groups).toHaveLength(first - 1);
    expect(groups.map((g) => g.name)).not.toContain("Zusätzliche Gruppe");
    expect(okJson<Person[]>(["people", "list"], { db })).toHaveLength(40);
  });

  it("running demo twice without --db works too", () => {
    const env = { ...home(), PLATTFORM_DB: undefined };
    ok(["demo"], { env });
    ok(["demo"], { env });
    const demoFile = join(env.XDG_DATA_HOME, "plattform", "demo.db");
    expect(okJson<Person[]>(["people", "list"], { db: demoFile })).toHaveLength(40);
  });

  it("--lang de builds a German demo", () => {
    const db = join(tempDir(), "demo.db");
    const result = ok(["demo", "--db", db, "--lang", "de"]);
    expect(result.stdout).toContain("Mitgliedsgruppen");
    expect(okJson(["config", "get"], { db }).language).toBe("de");
    expect(ok(["groups", "list"], { db }).stdout).toContain("Kürzel");
  });
});
