// tasks add/list/done through the built binary, with "today" pinned by PLATTFORM_TODAY.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const at = (db: string, today = TODAY): RunOptions => ({ db, env: { PLATTFORM_TODAY: today } });

type Task = {
  id: number;
  title: string;
  owner: string;
  ownerKind: "person" | "group";
  ownerId: number;
  due: string | null;
  meeting: number | null;
  item: number | null;
  status: "open" | "done";
  done: string | null;
};

/**
 * Groups #1 ASW and #2 AMAL (Arabischer Frauenverein Al-Amal), #1 Ingrid Hoffmann (ASW), and #2 "Amal", whose
 * name is also AMAL's short code, so that neither her name nor her id alone says who is meant; meeting #1, Kernkreis 20.1.2026 with the standard agenda (held).
 * Tasks: #1 Ingrid, due 15.2. (overdue); #2 ASW, due 15.3.; #3 Amal, no due date; #4 Ingrid, due 1.2., done.
 */
let template: string;
beforeAll(async () => {
  template = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform"], { db: template });
  for (const args of [
    ["groups", "add", "Ev. Kirchengemeinde Alt-Schöneweide", "--short", "ASW", "--kind", "parish", "--joined", "2016-03-14"],
    ["groups", "add", "Arabischer Frauenverein Al-Amal", "--short", "AMAL", "--kind", "migrants", "--joined", "2023-03-08"],
    ["people", "add", "Ingrid Hoffmann", "--group", "ASW", "--role", "representative", "--since", "2016-03-14"],
    ["people", "add", "Amal"],
    ["meetings", "add", "kernkreis", "--date", "2026-01-20", "--template", "standard"],
    ["tasks", "add", "Flyer drucken", "--owner", "Ingrid Hoffmann", "--due", "2026-02-15", "--meeting", "1", "--item", "3"],
    ["tasks", "add", "Saal reservieren", "--owner", "ASW", "--due", "15.3.2026"],
    ["tasks", "add", "Kontakte sammeln", "--owner", "person:2"],
    ["tasks", "add", "Protokoll verschicken", "--owner", "ingrid hoffmann", "--due", "2026-02-01"],
    ["tasks", "done", "4", "--date", "2026-01-30"],
    ["meetings", "close", "1"],
  ])
    await ok(args, at(template));
}, 60_000);

const platform = () => copyOf(template);

describe("tasks: bad input exits 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    ["add: without --owner", ["tasks", "add", "Etwas tun"], 2],
    ["add: --owner without a value", ["tasks", "add", "Etwas tun", "--owner"], 2],
    ["add: without a title", ["tasks", "add", "--owner", "ASW"], 2],
    ["add: an unknown owner", ["tasks", "add", "Etwas tun", "--owner", "Niemand"], 1],
    ["add: an owner that is a person and a group", ["tasks", "add", "Etwas tun", "--owner", "Amal"], 1],
    ["add: an id that is a person's and a group's", ["tasks", "add", "Etwas tun", "--owner", "1"], 1],
    ["add: person: with a group's name", ["tasks", "add", "Etwas tun", "--owner", "person:ASW"], 1],
    ["add: group: with a person's name", ["tasks", "add", "Etwas tun", "--owner", "group:Ingrid Hoffmann"], 1],
    ["add: invalid --due 31.02.2026", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--due", "31.02.2026"], 1],
    ["add: invalid --due text", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--due", "bald"], 1],
    ["add: empty title", ["tasks", "add", "   ", "--owner", "ASW"], 1],
    ["add: --item without --meeting", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--item", "3"], 1],
    ["add: unknown --meeting", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--meeting", "99"], 1],
    ["add: unknown --item", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--meeting", "1", "--item", "99"], 1],
    ["add: unknown option", ["tasks", "add", "Etwas tun", "--owner", "ASW", "--prio", "hoch"], 2],
    ["done: unknown task", ["tasks", "done", "99"], 1],
    ["done: not a task number", ["tasks", "done", "Flyer drucken"], 1],
    ["done: already done", ["tasks", "done", "4"], 1],
    ["done: invalid --date", ["tasks", "done", "1", "--date", "31.02.2026"], 1],
    ["done: without a task", ["tasks", "done"], 2],
    ["list: --open and --overdue together", ["tasks", "list", "--open", "--overdue"], 2],
    ["list: unknown --owner", ["tasks", "list", "--owner", "Niemand"], 1],
    ["list: unknown --meeting", ["tasks", "list", "--meeting", "99"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("an owner name matching both a person and a group: the error lists both and how to say which", async () => {
    const db = platform();
    const result = await fails(["tasks", "add", "Etwas tun", "--owner", "amal"], at(db), 1);
    expect(result.stderr).toContain("group:2 Arabischer Frauenverein Al-Amal");
    expect(result.stderr).toContain("person:2 Amal");
    expect(result.stderr).toMatch(/person:<id> or group:<id>/);
    expect(await okJson<Task>(["tasks", "add", "Etwas tun", "--owner", "person:2"], at(db))).toMatchObject({ owner: "Amal", ownerKind: "person", ownerId: 2 });
    expect(await okJson<Task>(["tasks", "add", "Etwas tun", "--owner", "group:amal"], at(db))).toMatchObject({ owner: "Arabischer Frauenverein Al-Amal", ownerKind: "group" });
    expect(await okJson<Task>(["tasks", "add", "Etwas tun", "--owner", "Gruppe:1"], at(db))).toMatchObject({ ownerKind: "group", ownerId: 1 });
    expect(await okJson<Task>(["tasks", "add", "Etwas tun", "--owner", "person: 1"], at(db))).toMatchObject({ owner: "Ingrid Hoffmann", ownerKind: "person" });
  });

  it("done twice: the second exits 1, names the first date and keeps it", async () => {
    const db = platform();
    expect(await okJson<Task>(["tasks", "done", "1"], at(db, "2026-03-02"))).toMatchObject({ id: 1, status: "done", done: "2026-03-02" });
    const result = await fails(["tasks", "done", "1", "--date", "2026-03-05"], at(db), 1);
    expect(result.stderr).toContain("2026-03-02");
    expect((await okJson<Task[]>(["tasks", "list"], at(db))).find((t) => t.id === 1)!.done).toBe("2026-03-02");
  });
});

describe("tasks: success paths", () => {
  it("add --json prints the task; due dates as typed, relative to today", async () => {
    const db = platform();
    expect(await okJson<Task>(["tasks", "add", "Presse einladen", "--owner", "group:AMAL", "--due", "+2w"], at(db))).toEqual({
      id: 5,
      title: "Presse einladen",
      owner: "Arabischer Frauenverein Al-Amal",
      ownerKind: "group",
      ownerId: 2,
      due: "2026-03-15",
      meeting: null,
      item: null,
      status: "open",
      done: null,
    });
    expect((await okJson<Task>(["tasks", "add", "Bericht", "--owner", "Ingrid Hoffmann", "--due", "tomorrow"], at(db))).due).toBe("2026-03-02");
    expect((await ok(["tasks", "add", "Bericht 2", "--owner", "person:1"], at(db))).stdout).toContain("Ingrid Hoffmann");
  });

  it("a task from a meeting item knows both; list --meeting finds it", async () => {
    const db = platform();
    const [task] = await okJson<Task[]>(["tasks", "list", "--meeting", "1"], at(db));
    expect(task).toMatchObject({ id: 1, meeting: 1, item: 3, owner: "Ingrid Hoffmann", ownerKind: "person" });
  });

  it("list, --open, --overdue, --owner", async () => {
    const db = platform();
    const ids = async (args: string[], today = TODAY) => (await okJson<Task[]>(["tasks", "list", ...args], at(db, today))).map((t) => t.id);
    // Ordered by due date, tasks without one last.
    expect(await ids([])).toEqual([4, 1, 2, 3]);
    expect(await ids(["--open"])).toEqual([1, 2, 3]);
    expect(await ids(["--overdue"])).toEqual([1]);
    expect(await ids(["--overdue"], "2026-03-16")).toEqual([1, 2]);
    expect(await ids(["--overdue"], "2026-02-15")).toEqual([]);
    expect(await ids(["--owner", "Ingrid Hoffmann"])).toEqual([4, 1]);
    expect(await ids(["--owner", "Ingrid Hoffmann", "--open"])).toEqual([1]);
    expect(await ids(["--owner", "ASW"])).toEqual([2]);
    expect(await ids(["--owner", "person:2"])).toEqual([3]);
    expect(await ids(["--owner", "group:AMAL", "--open"])).toEqual([]);
    const text = (await ok(["tasks", "list", "--open"], at(db))).stdout;
    expect(text).toContain("Flyer drucken");
    expect(text).toMatch(/overdue/);
    expect((await ok(["tasks", "list", "--open", "--lang", "de"], at(db))).stdout).toMatch(/überfällig/);
  });

  it("done marks the task with today or --date, and it leaves the open list", async () => {
    const db = platform();
    expect(await okJson<Task>(["tasks", "done", "#2", "--date", "yesterday"], at(db))).toMatchObject({ id: 2, status: "done", done: "2026-02-28" });
    expect((await okJson<Task[]>(["tasks", "list", "--open"], at(db))).map((t) => t.id)).toEqual([1, 3]);
  });

  it("a task of approved minutes can still be done", async () => {
    const db = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-02-20"], at(db));
    await ok(["meetings", "approve", "1", "--at", "2", "--without-quorum"], at(db));
    expect(await okJson<Task>(["tasks", "done", "1"], at(db))).toMatchObject({ status: "done", done: TODAY });
  });

  it("status counts open and overdue tasks", async () => {
    expect((await okJson(["status"], at(platform()))).tasks).toEqual({ open: 3, overdue: 1 });
  });
});

describe("confirmations", () => {
  it("a task recorded at a meeting names the meeting and the agenda item; one without a meeting does not", async () => {
    const db = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-02-24", "--template", "standard"], at(db));
    const de = { db, env: { PLATTFORM_TODAY: TODAY, PLATTFORM_LANG: "de" } };
    expect((await ok(["tasks", "add", "Saal buchen", "--owner", "ASW", "--due", "2026-03-20", "--meeting", "2", "--item", "4"], de)).stdout).toBe(
      "Aufgabe #5 angelegt: Saal buchen — Ev. Kirchengemeinde Alt-Schöneweide, fällig 20.03.2026 (Kernkreis 24.02.2026, TOP 4).\n",
    );
    expect((await ok(["tasks", "add", "Flyer falten", "--owner", "ASW", "--meeting", "2"], de)).stdout).toBe(
      "Aufgabe #6 angelegt: Flyer falten — Ev. Kirchengemeinde Alt-Schöneweide, fällig – (Kernkreis 24.02.2026).\n",
    );
    expect((await ok(["tasks", "add", "Kaffee kaufen", "--owner", "ASW"], de)).stdout).toBe("Aufgabe #7 angelegt: Kaffee kaufen — Ev. Kirchengemeinde Alt-Schöneweide, fällig –.\n");
  });
});
