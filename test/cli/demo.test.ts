// plattform demo: a sample platform in its own file that never touches real data.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform, tempDir } from "../helpers.js";
import { dbTarget, onServer } from "../server.js";
import { fails, ok, okJson } from "./util.js";

type Group = { name: string; short: string | null; status: "active" | "left" };
type Person = { name: string | null; groups: Array<{ group: string; role: string }> };
type Meeting = { id: number; kind: string; date: string; status: string; minutes: string };
type Shown = Meeting & {
  time: string | null;
  end: string | null;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  approvedBy: number | null;
  items: Array<{ title: string; duration: number | null; notes: string[] }>;
  attendance: {
    entitled: number;
    present: Array<{ group: string; people: string[]; entitled: boolean }>;
    excused: string[];
    absent: string[];
    quorum: { met: boolean };
  };
  tasks: unknown[];
};
type Task = { status: string; done: string | null };

function home() {
  const dir = tempDir();
  return { HOME: dir, XDG_DATA_HOME: join(dir, "data"), XDG_CONFIG_HOME: join(dir, "config") };
}

describe("demo", () => {
  it("--db builds at least 12 groups (one of them left) and 40 people", async () => {
    const db = join(tempDir(), "demo.db");
    const result = await ok(["demo", "--db", db]);
    expect(result.stdout).toContain(dbTarget(db));
    // FILE_ONLY: a server database has no file mode.
    if (!onServer) expect(statSync(db).mode & 0o777).toBe(0o600);

    const groups = await okJson<Group[]>(["groups", "list", "--all"], { db });
    expect(groups.length).toBeGreaterThanOrEqual(12);
    expect(groups.filter((g) => g.status === "left")).toHaveLength(1);
    expect(await okJson<Group[]>(["groups", "list"], { db })).toHaveLength(groups.length - 1);

    const people = await okJson<Person[]>(["people", "list"], { db });
    expect(people).toHaveLength(40);
    expect(people.some((p) => p.groups.some((g) => g.role === "representative"))).toBe(true);
    expect((await okJson(["status"], { db })).people.total).toBe(40);
  });

  it("--json reports the file and the counts", async () => {
    const db = join(tempDir(), "demo.db");
    const report = await okJson(["demo", "--db", db]);
    expect(report.dataFile).toBe(dbTarget(db));
    expect(report.groups.active + report.groups.left).toBeGreaterThanOrEqual(12);
    expect(report.groups.left).toBe(1);
    expect(report.people.total).toBe(40);
  });

  it("the tour's commands work on the demo file", async () => {
    const db = join(tempDir(), "demo.db");
    await ok(["demo", "--db", db]);
    expect((await okJson(["groups", "show", "NUR"], { db })).people.length).toBeGreaterThan(0);
    expect((await okJson<Person[]>(["people", "list", "--group", "KOSMOS"], { db })).length).toBeGreaterThan(0);
    expect((await okJson<Person>(["people", "show", "Ingrid Hoffmann"], { db })).name).toBe("Ingrid Hoffmann");
    expect((await okJson<Person[]>(["people", "list", "--role", "representative"], { db })).length).toBeGreaterThan(0);
    expect((await ok(["groups", "export", "--format", "csv"], { db })).stdout.split("\n")[0]).toBe("name,short,kind,joined,left,email,phone,notes");
  });

  // FILE_ONLY: without --db the demo is a file under XDG_DATA_HOME, which the server run would read as a database.
  it.skipIf(onServer)("with PLATTFORM_DB pointing at a real platform and no --db, that file is untouched; the demo goes under XDG_DATA_HOME", async () => {
    const real = await newPlatform();
    await ok(["groups", "add", "Echte Gruppe"], { db: real });
    const before = fileHash(real);
    const env = home();
    const result = await ok(["demo"], { db: real, env });
    const demoFile = join(env.XDG_DATA_HOME, "plattform", "demo.db");
    expect(fileHash(real)).toBe(before);
    expect((await okJson<Group[]>(["groups", "list", "--all"], { db: real })).map((g) => g.name)).toEqual(["Echte Gruppe"]);
    expect(existsSync(demoFile)).toBe(true);
    expect(result.stdout).toContain(demoFile);
    expect((await okJson<Group[]>(["groups", "list", "--all"], { db: demoFile })).length).toBeGreaterThanOrEqual(12);
  });

  it("with the config file pointing at a real platform, that file is untouched too", async () => {
    const real = await newPlatform();
    const before = fileHash(real);
    const env = home();
    const configDir = join(env.XDG_CONFIG_HOME, "plattform");
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, "config.json"), JSON.stringify({ db: real }));
    await ok(["demo"], { env: { ...env, PLATTFORM_DB: undefined } });
    expect(fileHash(real)).toBe(before);
    expect(existsSync(join(env.XDG_DATA_HOME, "plattform", "demo.db"))).toBe(true);
  });

  it("refuses (exit 1) to overwrite a --db file that is a real platform", async () => {
    const real = await newPlatform();
    await ok(["groups", "add", "Echte Gruppe"], { db: real });
    const result = await fails(["demo", "--db", real], { db: real }, 1);
    expect(result.stderr).toContain(dbTarget(real));
    expect((await okJson<Group[]>(["groups", "list"], { db: real })).map((g) => g.name)).toEqual(["Echte Gruppe"]);
  });

  // FILE_ONLY: a file that is not a database; the server run maps every path to a database.
  it.skipIf(onServer)("refuses a --db file that is not a data file at all", async () => {
    const path = join(tempDir(), "notes.txt");
    writeFileSync(path, "my notes, not a database\n");
    await fails(["demo", "--db", path], { db: path }, 1);
  });

  it("running demo twice on the same demo file rebuilds it", async () => {
    const db = join(tempDir(), "demo.db");
    await ok(["demo", "--db", db]);
    await ok(["groups", "add", "Zusätzliche Gruppe"], { db });
    const first = (await okJson<Group[]>(["groups", "list", "--all"], { db })).length;
    await ok(["demo", "--db", db]);
    const groups = await okJson<Group[]>(["groups", "list", "--all"], { db });
    expect(groups).toHaveLength(first - 1);
    expect(groups.map((g) => g.name)).not.toContain("Zusätzliche Gruppe");
    expect(await okJson<Person[]>(["people", "list"], { db })).toHaveLength(40);
  });

  // FILE_ONLY: without --db the demo is a file under XDG_DATA_HOME, which the server run would read as a database.
  it.skipIf(onServer)("running demo twice without --db works too", async () => {
    const env = { ...home(), PLATTFORM_DB: undefined };
    await ok(["demo"], { env });
    await ok(["demo"], { env });
    const demoFile = join(env.XDG_DATA_HOME, "plattform", "demo.db");
    expect(await okJson<Person[]>(["people", "list"], { db: demoFile })).toHaveLength(40);
  });

  it("has a year of Kernkreis meetings: attendance, notes, tasks, approved minutes, and the next one with its agenda", async () => {
    const db = join(tempDir(), "demo.db");
    const today = "2026-03-01";
    const at = { db, env: { PLATTFORM_TODAY: today } };
    const tour = (await ok(["demo", "--db", db], at)).stdout;
    for (const line of ["meetings list", "meetings show next", "meetings show last", "tasks list --open"]) expect(tour).toContain(`npx plattform ${line}`);

    const meetings = await okJson<Meeting[]>(["meetings", "list", "--kind", "kernkreis"], at);
    const past = meetings.filter((m) => m.date < today);
    const upcoming = meetings.filter((m) => m.date >= today);
    expect(past.length).toBeGreaterThanOrEqual(7);
    expect(past[0]!.date >= "2025-03-01").toBe(true);
    expect(upcoming).toHaveLength(1);
    // Held, approved at the following meeting; the most recent one still in draft.
    expect(past.every((m) => m.status === "held")).toBe(true);
    expect(past.slice(0, -1).map((m) => m.minutes)).toEqual(past.slice(0, -1).map(() => "approved"));
    expect(past.at(-1)!.minutes).toBe("draft");
    for (const [index, m] of past.slice(0, -1).entries()) expect((await okJson<Shown>(["meetings", "show", String(m.id)], at)).approvedBy).toBe(past[index + 1]!.id);

    for (const m of past) {
      const shown = await okJson<Shown>(["meetings", "show", String(m.id)], at);
      const a = shown.attendance;
      expect(a.entitled).toBe(16);
      expect(a.present.length).toBeLessThan(a.entitled);
      expect(a.quorum.met).toBe(true);
      expect(a.excused.length).toBeGreaterThanOrEqual(1);
      expect(a.excused.length).toBeLessThanOrEqual(2);
      expect(a.absent.length).toBeGreaterThanOrEqual(1);
      expect(a.present.every((p) => p.entitled && p.people.length > 0)).toBe(true);
      // BWJ left at the end of 2024.
      expect([...a.present.map((p) => p.group), ...a.excused, ...a.absent].some((g) => g.includes("Blau-Weiß"))).toBe(false);
      expect(shown.items.flatMap((i) => i.notes).length).toBeGreaterThanOrEqual(3);
      expect(shown.tasks.length).toBeGreaterThanOrEqual(2);
      expect(shown.chair).not.toBeNull();
      expect(shown.secretary).not.toBeNull();
    }

    const next = await okJson<Shown>(["meetings", "show", "next"], at);
    expect(next).toMatchObject({ id: upcoming[0]!.id, kind: "kernkreis", time: "19:00", end: "21:00", status: "planned", minutes: "none" });
    expect(next.date >= "2026-03-11" && next.date <= "2026-03-19").toBe(true);
    expect(next.place).toBeTruthy();
    expect(next.chair).toBeTruthy();
    expect(next.secretary).toBeTruthy();
    expect(next.items.length).toBeGreaterThanOrEqual(7);
    expect(next.items.map((i) => i.title)).toEqual(expect.arrayContaining(["Welcome and round of introductions", "Any other business"]));
    expect(next.items.reduce((sum, i) => sum + (i.duration ?? 0), 0)).toBeLessThanOrEqual(120);
    expect((await okJson<Shown>(["meetings", "show", "last"], at)).id).toBe(past.at(-1)!.id);
    expect((await ok(["meetings", "show", "next"], at)).stderr).toBe("");

    const tasks = await okJson<Task[]>(["tasks", "list"], at);
    expect(tasks.filter((t) => t.status === "done").length).toBeGreaterThan(5);
    expect((await okJson<Task[]>(["tasks", "list", "--open"], at)).length).toBeGreaterThanOrEqual(2);
    expect(await okJson<Task[]>(["tasks", "list", "--overdue"], at)).toHaveLength(1);
    expect(tasks.every((t) => t.done === null || t.done < today)).toBe(true);
    // A dozen commands after the demo: each opens a server connection.
  }, onServer ? 120_000 : undefined);

  it("the meetings are the same on every run for the same day; groups that left are kept out after they left", async () => {
    const env = { PLATTFORM_TODAY: "2025-06-01" };
    const [first, second] = [join(tempDir(), "a.db"), join(tempDir(), "b.db")];
    await ok(["demo", "--db", first], { env });
    await ok(["demo", "--db", second], { env });
    const all = async (db: string) => {
      const shown: Shown[] = [];
      for (const m of await okJson<Meeting[]>(["meetings", "list"], { db, env })) shown.push(await okJson<Shown>(["meetings", "show", String(m.id)], { db, env }));
      return shown;
    };
    const a = await all(first);
    expect(await all(second)).toEqual(a);
    for (const m of a.filter((m) => m.status === "held")) {
      const names = [...m.attendance.present.map((p) => p.group), ...m.attendance.excused, ...m.attendance.absent];
      expect(names.some((g) => g.includes("Blau-Weiß")), m.date).toBe(m.date < "2024-12-31");
    }
    // Some 20 commands per demo: each opens a server connection.
  }, onServer ? 120_000 : undefined);

  it("--lang de builds a German demo", async () => {
    const db = join(tempDir(), "demo.db");
    const result = await ok(["demo", "--db", db, "--lang", "de"]);
    expect(result.stdout).toContain("Mitgliedsgruppen");
    // It shows the invitation for the next Kernkreis and the minutes of the last one.
    expect(result.stdout).toMatch(/^# Einladung: Kernkreis am \d\d\.\d\d\.\d{4}$/m);
    expect(result.stdout).toMatch(/^# Protokoll: Kernkreis am \d\d\.\d\d\.\d{4}$/m);
    expect(result.stdout).toContain("## Tagesordnung");
    expect((await okJson(["config", "get"], { db })).language).toBe("de");
    expect((await ok(["groups", "list"], { db })).stdout).toContain("Kürzel");
  });
});
