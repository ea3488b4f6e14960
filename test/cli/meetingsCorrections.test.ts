// Issue 17, item 1: corrections while the minutes are a draft — a note corrected or removed, an item renamed or
// removed, a task edited, reopened or removed, an attendance taken back or moved to another group. Each shows up in
// the draft minutes; once the minutes are approved each is refused (exit 1, file unchanged) and the approved
// minutes stay as they were.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileHash } from "../helpers.js";
import { buildTemplate, copyOf, fails, ok, okJson, query, type RunOptions } from "./util.js";

const env = { PLATTFORM_TODAY: "2026-03-12" };
const at = (db: string): RunOptions => ({ db, env });

type Minutes = {
  meeting: { minutes: string };
  items: Array<{ position: number; title: string; notes: string[] }>;
  attendance: { present: Array<{ group: string; people: string[] }>; guests: string[]; excused: string[]; absent: string[] };
  tasks: Array<{ id: number; title: string; owner: string; due: string | null; status: string }>;
};

let template: string;
beforeAll(async () => {
  const db = await buildTemplate([], ["--name", "Testplattform", "--lang", "de"]);
  for (const args of [
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-01-01"],
    ["groups", "add", "Kita Sonnenschein", "--short", "KITA", "--kind", "school", "--joined", "2019-01-01"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2018-01-01"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2016-01-01"],
    ["people", "add", "Hatice Kaya", "--group", "KITA", "--role", "representative", "--since", "2019-01-01"],
    ["people", "add", "Ingrid Hoffmann", "--group", "JOSEF", "--role", "member", "--since", "2016-01-01"],
    ["people", "link", "Ingrid Hoffmann", "KITA", "--role", "member", "--since", "2019-01-01"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-05", "--template", "standard"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-10"],
    ["meetings", "attend", "1", "Maria Schmidt", "Hatice Kaya"],
    ["meetings", "attend", "1", "Ingrid Hoffmann", "--for", "JOSEF"],
    ["meetings", "attend", "1", "Bezirksstadträtin Weber", "--guest"],
    ["meetings", "excuse", "1", "NUR"],
    ["meetings", "note", "1", "3", "Kosmosviertel: 40 Haushalte befragt"],
    ["meetings", "note", "1", "4", "Tippfehler"],
    ["meetings", "item", "add", "1", "Überflüssiger Punkt"],
    ["tasks", "add", "Saal reservieren", "--owner", "Maria Schmidt", "--meeting", "1", "--item", "3", "--due", "2026-03-20"],
    ["tasks", "done", "1"],
    ["tasks", "add", "Flyer drucken", "--owner", "KITA"],
    ["votes", "open", "1", "Antrag Mietenkampagne", "--mode", "roll-call"],
    ["votes", "cast", "1", "KITA", "yes"],
    ["votes", "close", "1"],
    ["meetings", "close", "1"],
  ])
    await ok(args, at(db));
  template = db;
}, 60_000);

afterAll(() => rmSync(dirname(template), { recursive: true, force: true }));

/** The corrections of the issue, made in the draft. */
async function correct(db: string): Promise<void> {
  const note = await ok(["meetings", "note", "edit", "1", "1", "Kosmosviertel: 45 Haushalte befragt"], at(db));
  expect(note.stdout).toContain("vorher:  Kosmosviertel: 40 Haushalte befragt");
  expect(note.stdout).toContain("nachher: Kosmosviertel: 45 Haushalte befragt");
  expect((await ok(["meetings", "note", "remove", "1", "2"], at(db))).stdout).toContain("vorher:  Tippfehler");
  const renamed = await ok(["meetings", "item", "rename", "1", "3", "Berichte der Aktionsteams"], at(db));
  expect(renamed.stdout).toContain("vorher:  Berichte aus den Kampagnen und Aktionsteams");
  expect(renamed.stdout).toContain("nachher: Berichte der Aktionsteams");
  await ok(["meetings", "item", "remove", "1", "8"], at(db));
  const reopened = await ok(["tasks", "reopen", "1"], at(db));
  expect(reopened.stdout).toContain("vorher:  erledigt 12.03.2026");
  const edited = await ok(["tasks", "edit", "1", "--due", "2026-04-01", "--owner", "KITA"], at(db));
  expect(edited.stdout).toContain("vorher:  Saal reservieren — Maria Schmidt, fällig 20.03.2026");
  expect(edited.stdout).toContain("nachher: Saal reservieren — Kita Sonnenschein, fällig 01.04.2026");
  const moved = await ok(["meetings", "attend", "1", "Ingrid Hoffmann", "--for", "KITA", "--move"], at(db));
  expect(moved.stdout).toContain("vorher:  anwesend für St. Josef");
  expect(moved.stdout).toContain("nachher: anwesend für Kita Sonnenschein");
  expect((await ok(["meetings", "unattend", "1", "Bezirksstadträtin Weber"], at(db))).stdout).toContain("vorher:  Gast");
  const excuse = await ok(["meetings", "unattend", "1", "NUR"], at(db));
  expect(excuse.stdout).toContain("vorher:  entschuldigt");
  expect(excuse.stdout).toContain("nachher: nicht erfasst");
}

describe("corrections while the minutes are a draft", () => {
  it("show in the draft minutes, markdown and JSON", async () => {
    const db = copyOf(template);
    await correct(db);
    const minutes = await okJson<Minutes>(["report", "minutes", "1"], at(db));
    expect(minutes.meeting.minutes).toBe("draft");
    expect(minutes.items.map((i) => i.title)).toHaveLength(7);
    expect(minutes.items[2]).toMatchObject({ title: "Berichte der Aktionsteams", notes: ["Kosmosviertel: 45 Haushalte befragt"] });
    expect(minutes.items[3]!.notes).toEqual([]);
    expect(minutes.tasks).toEqual([expect.objectContaining({ id: 1, owner: "Kita Sonnenschein", due: "2026-04-01", status: "open" })]);
    expect(minutes.attendance.present).toEqual([
      { group: "Kita Sonnenschein", groupId: 2, people: ["Hatice Kaya", "Ingrid Hoffmann"], member: true },
      { group: "St. Josef", groupId: 1, people: ["Maria Schmidt"], member: true },
    ]);
    expect(minutes.attendance.guests).toEqual([]);
    expect(minutes.attendance.excused).toEqual([]);
    expect(minutes.attendance.absent).toEqual(["Moscheeverein Al-Nur"]);
    const md = (await ok(["report", "minutes", "1"], at(db))).stdout;
    expect(md).toContain("Berichte der Aktionsteams");
    expect(md).toContain("45 Haushalte befragt");
    expect(md).not.toContain("40 Haushalte");
    expect(md).not.toContain("Tippfehler");
    expect(md).not.toContain("Überflüssiger Punkt");
    expect(md).not.toContain("Bezirksstadträtin Weber");
    // every correction is in the audit log
    const actions = query<{ entity: string; action: string }>(db, "SELECT entity, action FROM audit_log WHERE action IN ('edit', 'remove', 'rename', 'reopen', 'move', 'withdraw') ORDER BY id");
    expect(actions.map((a) => `${a.entity} ${a.action}`)).toEqual([
      "item_note edit",
      "item_note remove",
      "agenda_item rename",
      "agenda_item remove",
      "task reopen",
      "task edit",
      "attendance move",
      "attendance withdraw",
      "attendance withdraw",
    ]);
  });

  it("shows the notes' numbers in meetings show", async () => {
    const db = copyOf(template);
    expect((await ok(["meetings", "show", "1"], at(db))).stdout).toContain("[1] Kosmosviertel: 40 Haushalte befragt");
    const shown = await okJson<{ items: Array<{ noteIds: number[] }> }>(["meetings", "show", "1"], at(db));
    expect(shown.items[3]!.noteIds).toEqual([2]);
  });

  it("refuses an item that something hangs on, naming it, and a note of another meeting", async () => {
    const db = copyOf(template);
    const refused = await fails(["meetings", "item", "remove", "1", "3"], at(db), 1);
    expect(refused.stderr).toContain("1 Notiz(en), 1 Aufgabe(n), 0 Abstimmung(en) und 0 Wahl(en)");
    expect((await fails(["meetings", "note", "edit", "2", "1", "x"], at(db), 1)).stderr).toContain("Sitzung #2 hat keine Notiz 1");
    expect((await fails(["tasks", "reopen", "2"], at(db), 1)).stderr).toContain("offen, nicht erledigt");
    await fails(["meetings", "attend", "1", "Ingrid Hoffmann", "--move"], at(db), 1);
    await fails(["meetings", "attend", "1", "Maria Schmidt", "--for", "JOSEF", "--move"], at(db), 1);
    await fails(["meetings", "unattend", "1", "Uwe Niemand"], at(db), 1);
    // KITA voted by roll call: its only person present cannot be taken back
    expect((await fails(["meetings", "unattend", "1", "Hatice Kaya"], at(db), 1)).stderr).toContain("Kita Sonnenschein hat bei Sitzung #1 abgestimmt");
    // adding a note the old way still works
    await ok(["meetings", "note", "1", "3", "Nachtrag"], at(db));
  });

  it("are refused once the minutes are approved, and the approved minutes do not change", async () => {
    const db = copyOf(template);
    await correct(db);
    await ok(["meetings", "approve", "1", "--at", "2", "--without-quorum"], at(db));
    const json = (await ok(["report", "minutes", "1", "--json"], at(db))).stdout;
    const md = (await ok(["report", "minutes", "1"], at(db))).stdout;
    const refusals = [
      ["meetings", "note", "edit", "1", "1", "Kosmosviertel: 50 Haushalte befragt"],
      ["meetings", "note", "remove", "1", "1"],
      ["meetings", "item", "rename", "1", "3", "Berichte"],
      ["meetings", "item", "remove", "1", "7"],
      ["tasks", "edit", "1", "--title", "Saal gebucht"],
      ["tasks", "remove", "1"],
      ["meetings", "attend", "1", "Ingrid Hoffmann", "--for", "JOSEF", "--move"],
      ["meetings", "unattend", "1", "Maria Schmidt"],
      ["meetings", "unattend", "1", "Hatice Kaya"],
    ];
    for (const args of refusals) expect((await fails(args, at(db), 1)).stderr).toContain("ist genehmigt und gesperrt");
    await ok(["tasks", "done", "1"], at(db));
    expect((await fails(["tasks", "reopen", "1"], at(db), 1)).stderr).toContain("ist genehmigt und gesperrt");
    expect((await fails(["meetings", "item", "rename", "1", "3", "Berichte", "--lang", "en"], at(db), 1)).stderr).toContain(
      "the minutes of meeting #1 are approved and locked",
    );
    // a task tied to no approved minutes is still corrected freely
    await ok(["tasks", "edit", "2", "--title", "Flyer drucken (500 Stück)", "--due", "2026-03-30"], at(db));
    await ok(["tasks", "remove", "2"], at(db));
    const before = fileHash(db);
    expect((await ok(["report", "minutes", "1", "--json"], at(db))).stdout).toBe(json);
    expect((await ok(["report", "minutes", "1"], at(db))).stdout).toBe(md);
    expect(fileHash(db)).toBe(before);
    expect((await ok(["check"], at(db))).stdout).not.toMatch(/fingerprint|Fingerabdruck/i);
  });
});
