// meetings add/list/show/edit/cancel, the agenda, attendance, notes and the lifecycle of the minutes,
// through the built binary. "Today" is pinned with PLATTFORM_TODAY so that next, last and +2w are stable.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fileHash, tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, writeTemp, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const env = { PLATTFORM_TODAY: TODAY };
const at = (db: string, extra: RunOptions["env"] = {}): RunOptions => ({ db, env: { ...env, ...extra } });
/** Attendance is recorded on or after the meeting's day: meeting #2 is on 10 March. */
const afterMeeting2 = (db: string): RunOptions => at(db, { PLATTFORM_TODAY: "2026-03-12" });

type Item = { id: number; position: number; title: string; type: string; presenter: string | null; duration: number | null; notes?: string[] };
type Meeting = {
  id: number;
  kind: string;
  title: string | null;
  date: string;
  time: string | null;
  end: string | null;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  status: "planned" | "held" | "cancelled";
  minutes: "none" | "draft" | "approved";
  approvedBy: number | null;
  items?: Item[];
};
type Attendance = {
  entitled: number;
  present: Array<{ group: string; people: string[]; entitled: boolean }>;
  excused: string[];
  absent: string[];
  guests: string[];
  excusedPeople: string[];
  quorum: { rule: string; required: number; present: number; entitled: number; met: boolean };
};
type Task = { id: number; title: string; owner: string; ownerKind: "person" | "group"; due: string | null; meeting: number | null; item: number | null; status: string };
type Shown = Meeting & { items: Item[]; attendance: Attendance; tasks: Task[]; amendments: Array<{ text: string; author: string; date: string }> };

/** Runs the commands on a new platform with today pinned; the file is then copied per test. */
async function build(commands: string[][]): Promise<string> {
  const db = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform"], { db });
  for (const args of commands) await ok(args, at(db));
  return db;
}

/**
 * Four member groups with a representative each, a group that left at the end of 2024, Khaled acting for two
 * groups; meetings: #1 Kernkreis 20.1.2026 (held, draft minutes, ASW present, item 3 with a note),
 * #2 Kernkreis 10.3.2026 (planned, standard agenda), #3 team meeting 15.4.2026, #4 assembly 30.10.2025 (planned, past).
 */
let template: string;
beforeAll(async () => {
  template = await build([
    ["groups", "add", "Ev. Kirchengemeinde Alt-Schöneweide", "--short", "ASW", "--kind", "parish", "--joined", "2016-03-14"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2016-06-20"],
    ["groups", "add", "Mieterinitiative Kosmosviertel", "--short", "KOSMOS", "--kind", "tenants", "--joined", "2016-11-07"],
    ["groups", "add", "Grundschule an der Dahme", "--short", "DAHME", "--kind", "school", "--joined", "2019-08-26"],
    ["groups", "add", "SV Blau-Weiß Johannisthal", "--short", "BWJ", "--kind", "sports", "--joined", "2017-06-12"],
    ["groups", "leave", "BWJ", "--date", "2024-12-31"],
    ["people", "add", "Ingrid Hoffmann", "--group", "ASW", "--role", "representative", "--since", "2016-03-14"],
    ["people", "add", "Yusuf Demir", "--group", "NUR", "--role", "representative", "--since", "2016-06-20"],
    ["people", "add", "Hatice Kaya", "--group", "KOSMOS", "--role", "representative", "--since", "2016-11-07"],
    ["people", "add", "Claudia Berger", "--group", "DAHME", "--role", "representative", "--since", "2019-08-26"],
    ["people", "add", "Rüdiger Voigt", "--group", "BWJ", "--role", "representative", "--since", "2017-06-12"],
    ["people", "add", "Khaled Al-Masri", "--group", "NUR", "--role", "representative", "--since", "2019-03-25"],
    ["people", "link", "Khaled Al-Masri", "KOSMOS", "--role", "member", "--since", "2020-01-01"],
    ["meetings", "add", "kernkreis", "--date", "2026-01-20", "--time", "19:00", "--end", "21:00", "--template", "standard", "--place", "Gemeindesaal"],
    ["meetings", "add", "kernkreis", "--date", "10.3.2026", "--time", "19:00", "--end", "21:00", "--template", "standard"],
    ["meetings", "add", "team", "--date", "2026-04-15", "--title", "Aktionsteam Wohnen"],
    ["meetings", "add", "assembly", "--date", "2025-10-30", "--title", "Große Versammlung"],
    ["meetings", "attend", "1", "Ingrid Hoffmann"],
    ["meetings", "note", "1", "3", "Kampagne Heizkosten: 40 Unterschriften"],
    ["meetings", "close", "1"],
  ]);
}, 60_000);

const platform = () => copyOf(template);

describe("meetings: bad input exits 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  const badTemplate = writeTemp("kaputt.txt", "info 10 Begrüßung\nvote 5 Abstimmung\n");
  const emptyTemplate = writeTemp("leer.txt", "# nur ein Kommentar\n\n");
  const goodTemplate = writeTemp("gut.txt", "info 5 Begrüßung\n");

  it.each<[string, string[], number]>([
    ["add: invalid --date 31.02.2026", ["meetings", "add", "kernkreis", "--date", "31.02.2026"], 1],
    ["add: invalid --date text", ["meetings", "add", "kernkreis", "--date", "bald"], 1],
    ["add: end before start", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--time", "21:00", "--end", "19:00"], 1],
    ["add: end equal to start", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--time", "19:00", "--end", "19:00"], 1],
    ["add: invalid --time", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--time", "25:00"], 1],
    ["add: unknown kind", ["meetings", "add", "party", "--date", "2026-05-05"], 1],
    ["add: without --date", ["meetings", "add", "kernkreis"], 2],
    ["add: without kind", ["meetings", "add"], 2],
    ["add: unknown template", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--template", "gibtsnicht"], 1],
    ["add: unknown --chair", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--chair", "Niemand"], 1],
    ["add: control characters in --place", ["meetings", "add", "kernkreis", "--date", "2026-05-05", "--place", "Saal\u001b[31m"], 1],
    ["edit: unknown meeting", ["meetings", "edit", "99", "--place", "Saal"], 1],
    ["edit: nothing to change", ["meetings", "edit", "2"], 1],
    ["edit: --end before the stored start", ["meetings", "edit", "2", "--end", "18:00"], 1],
    ["edit: invalid --date", ["meetings", "edit", "2", "--date", "31.02.2026"], 1],
    ["edit: unknown kind", ["meetings", "edit", "2", "--kind", "party"], 2],
    ["cancel: unknown meeting", ["meetings", "cancel", "2026-07-07"], 1],
    ["cancel: a held meeting", ["meetings", "cancel", "1"], 1],
    ["show: unknown meeting", ["meetings", "show", "99"], 1],
    ["item add: unknown meeting", ["meetings", "item", "add", "99", "Neuer Punkt"], 1],
    ["item add: unknown type", ["meetings", "item", "add", "2", "Neuer Punkt", "--type", "vote"], 2],
    ["item add: invalid duration", ["meetings", "item", "add", "2", "Neuer Punkt", "--duration", "1h"], 1],
    ["item add: zero duration", ["meetings", "item", "add", "2", "Neuer Punkt", "--duration", "0"], 1],
    ["item add: empty title", ["meetings", "item", "add", "2", "  "], 1],
    ["item add: unknown presenter", ["meetings", "item", "add", "2", "Neuer Punkt", "--presenter", "Niemand"], 1],
    ["item move: unknown item", ["meetings", "item", "move", "2", "99", "1"], 1],
    ["item move: to position 0", ["meetings", "item", "move", "2", "1", "0"], 1],
    ["item move: beyond the end", ["meetings", "item", "move", "2", "1", "8"], 1],
    ["item move: missing target", ["meetings", "item", "move", "2", "1"], 2],
    ["item remove: unknown item", ["meetings", "item", "remove", "2", "99"], 1],
    ["item remove: an item with notes", ["meetings", "item", "remove", "1", "3"], 1],
    ["attend: unknown person", ["meetings", "attend", "2", "Niemand"], 1],
    ["attend: unknown second person (the first is not recorded either)", ["meetings", "attend", "2", "Yusuf Demir", "Niemand"], 1],
    ["attend: unknown meeting", ["meetings", "attend", "99", "Yusuf Demir"], 1],
    ["attend: unknown --for group", ["meetings", "attend", "2", "Yusuf Demir", "--for", "XYZ"], 1],
    ["attend: already present", ["meetings", "attend", "1", "Ingrid Hoffmann"], 1],
    ["attend: the same person twice in one command", ["meetings", "attend", "2", "Yusuf Demir", "yusuf demir"], 1],
    ["attend: without a person", ["meetings", "attend", "2"], 2],
    ["excuse: a group that is present", ["meetings", "excuse", "1", "ASW"], 1],
    ["excuse: unknown group or person", ["meetings", "excuse", "2", "Niemand"], 1],
    ["note: item 99", ["meetings", "note", "2", "99", "Text"], 1],
    ["note: item abc", ["meetings", "note", "2", "abc", "Text"], 1],
    ["note: empty text", ["meetings", "note", "2", "1", "   "], 1],
    ["note: unknown meeting", ["meetings", "note", "99", "1", "Text"], 1],
    ["close: already held", ["meetings", "close", "1"], 1],
    ["close: unknown meeting", ["meetings", "close", "99"], 1],
    ["close: a meeting that has not taken place yet (close next the day after)", ["meetings", "close", "next"], 1],
    ["approve: a meeting not closed", ["meetings", "approve", "2", "--at", "3"], 1],
    ["approve: at an earlier meeting", ["meetings", "approve", "1", "--at", "4"], 1],
    ["approve: at itself", ["meetings", "approve", "1", "--at", "1"], 1],
    ["approve: at an unknown meeting", ["meetings", "approve", "1", "--at", "99"], 1],
    ["approve: without --at", ["meetings", "approve", "1"], 2],
    ["amend: minutes still in draft", ["meetings", "amend", "1", "Korrektur"], 1],
    ["amend: a planned meeting", ["meetings", "amend", "2", "Korrektur"], 1],
    ["template set: an unknown item type, with its line", ["meetings", "template", "set", "standard", badTemplate], 1],
    ["template set: no items", ["meetings", "template", "set", "standard", emptyTemplate], 1],
    ["template set: a missing file", ["meetings", "template", "set", "standard", join(tempDir(), "fehlt.txt")], 1],
    ["template set: an invalid name", ["meetings", "template", "set", "Mein Template", goodTemplate], 1],
    ["template set: missing file argument", ["meetings", "template", "set", "standard"], 2],
    ["list: unknown --kind", ["meetings", "list", "--kind", "party"], 1],
    ["list: --upcoming and --past together", ["meetings", "list", "--upcoming", "--past"], 2],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("the template error names the line and the allowed types", async () => {
    const result = await fails(["meetings", "template", "set", "standard", badTemplate], at(platform()), 1);
    expect(result.stderr).toContain("2");
    expect(result.stderr).toContain("vote 5 Abstimmung");
    expect(result.stderr).toContain("report, discussion, decision, election, info");
  });

  it("every write to a meeting confirms which meeting it changed: its kind (or title), date and time", async () => {
    const db = platform();
    const after = afterMeeting2(db);
    expect((await ok(["meetings", "item", "add", "2", "Nachtrag"], after)).stdout).toMatch(/^Added item \d+ to Kernkreis 2026-03-10 19:00: Nachtrag\.$/m);
    expect((await ok(["meetings", "item", "move", "2", "2", "1"], after)).stdout).toMatch(/^Moved item 2 of Kernkreis 2026-03-10 19:00 to position 1\.$/m);
    expect((await ok(["meetings", "attend", "2", "Yusuf Demir"], after)).stdout).toMatch(/^Recorded 1 at Kernkreis 2026-03-10 19:00; /m);
    expect((await ok(["meetings", "excuse", "2", "DAHME"], after)).stdout).toMatch(/^Excused from Kernkreis 2026-03-10 19:00: Grundschule an der Dahme\.$/m);
    expect((await ok(["meetings", "note", "2", "1", "Begrüßung"], after)).stdout).toMatch(/^Note \[\d+\] added to item 1 of Kernkreis 2026-03-10 19:00\.$/m);
    expect((await ok(["meetings", "note", "2", "1", "Noch eine", "--lang", "de"], after)).stdout).toMatch(/^Notiz \[\d+\] zu TOP 1 erfasst \(Kernkreis 10\.03\.2026 19:00\)\.$/m);
  });

  it("no attendance or vote for a meeting still ahead: exit 1, one line naming the meeting, the file unchanged", async () => {
    const db = platform();
    for (const args of [
      ["meetings", "attend", "2", "Yusuf Demir"],
      ["meetings", "attend", "2", "Frau Gast", "--guest"],
      ["votes", "open", "2", "Antrag auf Beitritt"],
    ]) {
      const result = await fails(args, at(db), 1);
      expect(result.stderr, args.join(" ")).toMatch(/^error: meeting #2 is on 2026-03-10 and has not taken place yet — record what happened at a meeting/);
    }
    const german = await fails(["meetings", "attend", "2", "Yusuf Demir", "--lang", "de"], at(db), 1);
    expect(german.stderr).toMatch(/^Fehler: Sitzung #2 ist am 10.03.2026 und hat noch nicht stattgefunden — /);
    // an excuse may come in advance, and on the day itself the attendance is taken
    await ok(["meetings", "excuse", "2", "DAHME"], at(db));
    await ok(["meetings", "attend", "2", "Yusuf Demir"], at(db, { PLATTFORM_TODAY: "2026-03-10" }));
  });

  it("a person who acts for two groups needs --for; the error lists both groups", async () => {
    const db = platform();
    const result = await fails(["meetings", "attend", "2", "Khaled Al-Masri"], afterMeeting2(db), 1);
    expect(result.stderr).toContain("Moscheeverein Al-Nur");
    expect(result.stderr).toContain("Mieterinitiative Kosmosviertel");
    expect(result.stderr).toContain("--for");
    const summary = await okJson<Attendance>(["meetings", "attend", "2", "Khaled Al-Masri", "--for", "KOSMOS"], afterMeeting2(db));
    expect(summary.present).toEqual([{ group: "Mieterinitiative Kosmosviertel", groupId: expect.any(Number), people: ["Khaled Al-Masri"], entitled: true }]);
    // and present for his other group too: one entry, and one vote, per group
    const both = await okJson<Attendance>(["meetings", "attend", "2", "Khaled Al-Masri", "--for", "NUR"], afterMeeting2(db));
    expect(both.present.map((p) => p.group)).toEqual(["Mieterinitiative Kosmosviertel", "Moscheeverein Al-Nur"]);
    expect(both.quorum.present).toBe(2);
  });

  it("two meetings on one date: the date is ambiguous, the error lists both", async () => {
    const db = platform();
    await ok(["meetings", "add", "training", "--date", "2026-03-10", "--title", "Training Einzelgespräche"], at(db));
    const result = await fails(["meetings", "show", "2026-03-10"], at(db), 1);
    expect(result.stderr).toContain("#2 kernkreis");
    expect(result.stderr).toContain("Training Einzelgespräche");
  });

  it("a meeting is closed on its day or later, not before", async () => {
    const db = platform();
    expect((await fails(["meetings", "close", "2"], at(db), 1)).stderr).toContain("2026-03-10");
    await fails(["meetings", "close", "2"], at(db, { PLATTFORM_TODAY: "2026-03-09" }), 1);
    expect((await okJson<Meeting>(["meetings", "close", "2"], at(db, { PLATTFORM_TODAY: "2026-03-10" }))).status).toBe("held");
  });

  it("approve at an earlier meeting says why", async () => {
    const result = await fails(["meetings", "approve", "1", "--at", "4"], at(platform()), 1);
    expect(result.stderr).toMatch(/later meeting/);
  });
});

describe("meetings: after approval the minutes are locked", () => {
  it("approve locks; every edit exits 1 and leaves the data file byte for byte unchanged", async () => {
    const db = platform();
    const approved = await okJson<Meeting>(["meetings", "approve", "1", "--at", "2", "--without-quorum"], afterMeeting2(db));
    expect(approved).toMatchObject({ id: 1, status: "held", minutes: "approved", approvedBy: 2 });

    for (const args of [
      ["meetings", "note", "1", "3", "nachträglich"],
      ["meetings", "item", "add", "1", "Nachtrag"],
      ["meetings", "item", "move", "1", "1", "2"],
      ["meetings", "item", "remove", "1", "7"],
      ["meetings", "attend", "1", "Yusuf Demir"],
      ["meetings", "attend", "1", "Frau Gast", "--guest"],
      ["meetings", "excuse", "1", "DAHME"],
      ["meetings", "edit", "1", "--place", "Anderswo"],
      ["meetings", "edit", "1", "--date", "2026-01-21"],
      ["meetings", "cancel", "1"],
      ["meetings", "close", "1"],
      ["meetings", "approve", "1", "--at", "3"],
      ["tasks", "add", "Nachtrag", "--owner", "Ingrid Hoffmann", "--meeting", "1", "--item", "3"],
    ]) {
      const before = fileHash(db);
      const result = await fails(args, at(db), 1);
      expect(fileHash(db), args.join(" ")).toBe(before);
      if (!["cancel", "close"].includes(args[1]!)) expect(result.stderr, args.join(" ")).toMatch(/locked/);
    }
    const shown = await okJson<Shown>(["meetings", "show", "1"], at(db));
    expect(shown.items.find((i) => i.position === 3)!.notes).toEqual(["Kampagne Heizkosten: 40 Unterschriften"]);
    expect(shown.place).toBe("Gemeindesaal");
  });

  it("a correction is an amendment, dated and signed by --as", async () => {
    const db = platform();
    await ok(["meetings", "approve", "1", "--at", "2", "--corrections", "TOP 3: 45 statt 40 Unterschriften", "--without-quorum"], afterMeeting2(db));
    const amendment = await okJson(["meetings", "amend", "1", "TOP 6: Termin ist der 12.3.", "--as", "Ingrid"], at(db));
    expect(amendment).toEqual({ id: expect.any(Number), text: "TOP 6: Termin ist der 12.3.", author: "Ingrid", date: TODAY });
    const shown = await okJson<Shown & { approvalNote: string }>(["meetings", "show", "1"], at(db));
    expect(shown.amendments).toEqual([amendment]);
    expect(shown.approvalNote).toBe("TOP 3: 45 statt 40 Unterschriften");
    expect((await ok(["meetings", "show", "1"], at(db))).stdout).toContain("TOP 6: Termin ist der 12.3.");
  });
});

describe("meetings: success paths", () => {
  it("add kernkreis --template standard creates the 7 standard items", async () => {
    const db = platform();
    const m = await okJson<Meeting>(
      ["meetings", "add", "kernkreis", "--date", "+2w", "--time", "19:00", "--end", "21:00", "--template", "standard", "--place", "Gemeindesaal Rixdorf", "--chair", "Ingrid Hoffmann", "--secretary", "Claudia Berger", "--invited", "today"],
      at(db),
    );
    expect(m).toMatchObject({ id: 5, kind: "kernkreis", date: "2026-03-15", time: "19:00", end: "21:00", place: "Gemeindesaal Rixdorf", chair: "Ingrid Hoffmann", secretary: "Claudia Berger", invited: TODAY, status: "planned", minutes: "none" });
    expect(m.items!.map((i) => [i.position, i.type, i.duration])).toEqual([
      [1, "info", 10],
      [2, "decision", 5],
      [3, "report", 30],
      [4, "report", 15],
      [5, "decision", 20],
      [6, "info", 10],
      [7, "discussion", 10],
    ]);
    expect(m.items!.map((i) => i.title)).toEqual([
      "Welcome and round of introductions",
      "Approval of the previous minutes",
      "Reports from the campaigns and action teams",
      "Finance and fundraising",
      "Decisions",
      "Dates",
      "Any other business",
    ]);
    const german = await okJson<Meeting>(["meetings", "add", "kernkreis", "--date", "+3w", "--template", "standard", "--lang", "de"], at(db));
    expect(german.items!.map((i) => i.title)[0]).toBe("Begrüßung und Vorstellungsrunde");
  });

  it("a template set in the settings is used by add --template", async () => {
    const db = platform();
    const file = writeTemp("kurz.txt", "# kurzer Kernkreis\ninfo 5 Begrüßung\n\ndecision 15 Beschlüsse\n");
    expect(await okJson(["meetings", "template", "set", "kurz", file], at(db))).toEqual([
      { type: "info", duration: 5, title: "Begrüßung" },
      { type: "decision", duration: 15, title: "Beschlüsse" },
    ]);
    expect(await okJson<Item[]>(["meetings", "template", "show", "kurz"], at(db))).toHaveLength(2);
    const m = await okJson<Meeting>(["meetings", "add", "kernkreis", "--date", "2026-06-02", "--template", "kurz"], at(db));
    expect(m.items!.map((i) => i.title)).toEqual(["Begrüßung", "Beschlüsse"]);
    // The standard template can be replaced too.
    await ok(["meetings", "template", "set", "standard", file], at(db));
    expect((await okJson<Meeting>(["meetings", "add", "kernkreis", "--date", "2026-06-30", "--template", "standard"], at(db))).items).toHaveLength(2);
  });

  it("list, --upcoming, --past, --kind", async () => {
    const db = platform();
    const ids = async (args: string[]) => (await okJson<Meeting[]>(["meetings", "list", ...args], at(db))).map((m) => m.id);
    expect(await ids([])).toEqual([4, 1, 2, 3]);
    expect(await ids(["--upcoming"])).toEqual([2, 3]);
    expect(await ids(["--past"])).toEqual([1, 4]);
    expect(await ids(["--kind", "kernkreis"])).toEqual([1, 2]);
    expect(await ids(["--upcoming", "--kind", "team"])).toEqual([3]);
    expect(await ids(["--past", "--kind", "team"])).toEqual([]);
    const [first] = await okJson<Meeting[]>(["meetings", "list"], at(db));
    for (const key of ["id", "kind", "date", "time", "place", "status", "minutes"]) expect(first).toHaveProperty(key);
    expect((await ok(["meetings", "list"], at(db))).stdout).toContain("Aktionsteam Wohnen");
  });

  it("meetings are addressed by id, next, last and a date", async () => {
    const db = platform();
    const show = async (ref: string, extra = {}) => (await okJson<Shown>(["meetings", "show", ref], at(db, extra))).id;
    expect(await show("2")).toBe(2);
    expect(await show("#3")).toBe(3);
    expect(await show("next")).toBe(2);
    expect(await show("last")).toBe(1);
    expect(await show("10.3.2026")).toBe(2);
    expect(await show("2026-04-15")).toBe(3);
    expect(await show("+9d")).toBe(2);
    expect(await show("next", { PLATTFORM_TODAY: "2026-03-11" })).toBe(3);
    expect(await show("last", { PLATTFORM_TODAY: "2026-03-11" })).toBe(2);
    await ok(["meetings", "cancel", "next"], at(db));
    expect(await show("next")).toBe(3);
  });

  it("warns on stderr when the planned durations exceed end − start, and still succeeds", async () => {
    const db = platform();
    const added = await ok(["meetings", "add", "kernkreis", "--date", "2026-05-05", "--time", "19:00", "--end", "20:30", "--template", "standard", "--json"], at(db));
    expect(JSON.parse(added.stdout).items).toHaveLength(7);
    expect(added.stderr).toMatch(/^warning: .*100.*90/);
    expect(added.stderr.trimEnd().split("\n")).toHaveLength(1);
    const item = await ok(["meetings", "item", "add", "2", "Wahl des Strategie- und Finanzteams", "--type", "election", "--duration", "45", "--presenter", "Claudia Berger"], at(db));
    expect(item.stdout).toContain("8");
    expect(item.stderr).toMatch(/warning: .*145.*120/);
    expect((await ok(["meetings", "show", "2"], at(db))).stderr).toMatch(/145/);
    // Within the time: no warning.
    const fits = await ok(["meetings", "add", "kernkreis", "--date", "2026-05-06", "--time", "19:00", "--end", "21:00", "--template", "standard"], at(db));
    expect(fits.stderr).toBe("");
    expect((await ok(["meetings", "edit", "5", "--end", "21:00"], at(db))).stderr).toBe("");
  });

  it("edit and cancel", async () => {
    const db = platform();
    expect(await okJson<Meeting>(["meetings", "edit", "2", "--place", "Moschee Al-Nur", "--chair", "Yusuf Demir", "--time", "18:30"], at(db))).toMatchObject({ place: "Moschee Al-Nur", chair: "Yusuf Demir", time: "18:30", end: "21:00" });
    expect((await okJson<Meeting>(["meetings", "edit", "2", "--chair", ""], at(db))).chair).toBeNull();
    expect(await okJson<Meeting>(["meetings", "cancel", "3"], at(db))).toMatchObject({ status: "cancelled", minutes: "none" });
    await fails(["meetings", "cancel", "3"], at(db), 1);
    await fails(["meetings", "note", "3", "1", "x"], at(db), 1);
  });

  it("the agenda: add, move and remove renumber", async () => {
    const db = platform();
    const titles = (items: Item[]) => items.map((i) => `${i.position} ${i.title}`);
    const added = await okJson<Item>(["meetings", "item", "add", "2", "Wahl", "--type", "election", "--duration", "30", "--presenter", "Hatice Kaya"], at(db));
    expect(added).toMatchObject({ position: 8, title: "Wahl", type: "election", duration: 30, presenter: "Hatice Kaya" });
    const moved = await okJson<Item[]>(["meetings", "item", "move", "2", "8", "5"], at(db));
    expect(titles(moved).slice(3, 7)).toEqual(["4 Finance and fundraising", "5 Wahl", "6 Decisions", "7 Dates"]);
    const removed = await okJson<Item[]>(["meetings", "item", "remove", "2", "1"], at(db));
    expect(titles(removed)[0]).toBe("1 Approval of the previous minutes");
    expect(removed).toHaveLength(7);
    expect(removed.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("attendance, guests and excuses; the summary follows the members on the date", async () => {
    const db = platform();
    await ok(["meetings", "attend", "2", "Yusuf Demir", "Hatice Kaya"], afterMeeting2(db));
    await ok(["meetings", "attend", "2", "Frau Schulz vom Bezirksamt", "--guest"], afterMeeting2(db));
    const summary = await okJson<Attendance>(["meetings", "excuse", "2", "DAHME"], at(db));
    // BWJ left on 31.12.2024 and is not entitled in 2026.
    expect(summary.entitled).toBe(4);
    expect(summary.present.map((p) => p.group)).toEqual(["Mieterinitiative Kosmosviertel", "Moscheeverein Al-Nur"]);
    expect(summary.excused).toEqual(["Grundschule an der Dahme"]);
    expect(summary.absent).toEqual(["Ev. Kirchengemeinde Alt-Schöneweide"]);
    expect(summary.guests).toEqual(["Frau Schulz vom Bezirksamt"]);
    // Half: 2·2 = 4 is not more than 4.
    expect(summary.quorum).toEqual({ rule: "half", required: 3, present: 2, entitled: 4, met: false });
    await ok(["config", "set", "quorum", "2"], at(db));
    expect((await okJson<Shown>(["meetings", "show", "2"], at(db))).attendance.quorum).toEqual({ rule: "count", required: 2, present: 2, entitled: 4, met: true });
    // Someone for the group that left is refused: the group is no member on the meeting's day.
    const former = await fails(["meetings", "attend", "2", "Rüdiger Voigt"], afterMeeting2(db), 1);
    expect(former.stderr).toMatch(/^error: SV Blau-Weiß Johannisthal is not a member group on the day of meeting #2 \(2026-03-10\)/);
    expect((await okJson<Shown>(["meetings", "show", "2"], at(db))).attendance.quorum.present).toBe(2);
    // At the assembly in October 2025, BWJ was no longer a member either; in 2024 it was.
    expect((await okJson<Shown>(["meetings", "show", "4"], at(db))).attendance.entitled).toBe(4);
    await ok(["meetings", "add", "kernkreis", "--date", "2024-06-04"], at(db));
    expect((await okJson<Shown>(["meetings", "show", "2024-06-04"], at(db))).attendance.entitled).toBe(5);
  });

  it("close and approve print the meeting; approve --at next", async () => {
    const db = platform();
    expect(await okJson<Meeting>(["meetings", "close", "next"], at(db, { PLATTFORM_TODAY: "2026-03-10" }))).toMatchObject({ id: 2, status: "held", minutes: "draft" });
    // meeting #2 has no attendance: not quorate, so the approval needs --without-quorum, and the minutes say so
    const refused = await fails(["meetings", "approve", "1", "--at", "last"], at(db, { PLATTFORM_TODAY: "2026-03-10" }), 1);
    expect(refused.stderr).toMatch(/^error: meeting #2 \(2026-03-10\) is not quorate: 0 member groups present, 3 required — record its attendance first, or approve with --without-quorum/);
    expect(await okJson<Meeting>(["meetings", "approve", "1", "--at", "last", "--without-quorum"], at(db, { PLATTFORM_TODAY: "2026-03-10" }))).toMatchObject({ id: 1, minutes: "approved", approvedBy: 2 });
    const approving = (await ok(["report", "minutes", "2"], at(db, { PLATTFORM_TODAY: "2026-03-10" }))).stdout;
    expect(approving).toContain("The approving meeting was not quorate: the approval was made without a quorum.");
    const approved = (await ok(["report", "minutes", "1", "--lang", "de"], at(db, { PLATTFORM_TODAY: "2026-03-10" }))).stdout;
    expect(approved).toContain("Die genehmigende Sitzung war nicht beschlussfähig: die Genehmigung erfolgte ohne Beschlussfähigkeit.");
  });

  it("approve at a quorate meeting needs no flag and the minutes add nothing; at a meeting still ahead it is refused", async () => {
    const db = platform();
    const ahead = await fails(["meetings", "approve", "1", "--at", "2"], at(db), 1);
    expect(ahead.stderr).toMatch(/^error: meeting #2 is on 2026-03-10 and has not taken place yet/);
    await ok(["meetings", "attend", "2", "Yusuf Demir", "Hatice Kaya", "Ingrid Hoffmann"], afterMeeting2(db));
    await ok(["meetings", "approve", "1", "--at", "2"], afterMeeting2(db));
    expect((await ok(["report", "minutes", "2"], afterMeeting2(db))).stdout).not.toContain("without a quorum");
  });

  it("before a planned meeting nobody is called absent and no quorum is missed", async () => {
    const db = platform();
    const text = (await ok(["meetings", "show", "next"], at(db))).stdout;
    expect(text).toContain("Nothing recorded yet; 4 member groups are entitled");
    expect(text).not.toMatch(/absent|Quorum/);
    await ok(["meetings", "excuse", "next", "NUR"], at(db));
    expect((await ok(["meetings", "show", "next"], at(db))).stdout).toContain("0 of 4 member groups present, 1 excused, 3 absent");
  });

  it("--lang de shows the meeting in German", async () => {
    const db = platform();
    const result = await ok(["meetings", "show", "1", "--lang", "de"], at(db));
    expect(result.stdout).toContain("Tagesordnung");
    expect(result.stdout).toContain("Beschlussfähigkeit");
    expect(result.stdout).toContain("Anwesenheit");
    expect(result.stdout).toContain("20.01.2026");
    expect(result.stdout).toContain("Ev. Kirchengemeinde Alt-Schöneweide: Ingrid Hoffmann");
    const english = (await ok(["meetings", "show", "1"], at(db))).stdout;
    expect(english).toContain("Agenda");
    expect(english).toContain("Quorum");
  });
});

describe("the scripted Kernkreis of the issue, with the CLI only", () => {
  const GROUPS: Array<[string, string, string, string]> = [
    ["Ev. Kirchengemeinde Alt-Schöneweide", "ASW", "parish", "Ingrid Hoffmann"],
    ["Kath. Pfarrei St. Josef Köpenick", "JOSEF", "parish", "Agnieszka Nowak"],
    ["Ev. Kirchengemeinde Neukölln-Rixdorf", "RIX", "parish", "Renate Schulze"],
    ["Moscheeverein Al-Nur Neukölln", "NUR", "mosque", "Yusuf Demir"],
    ["Türkisch-Islamischer Kulturverein Baumschulenweg", "TIKB", "mosque", "Emine Yıldız"],
    ["Jüdische Gemeinschaft am Spreebogen", "SPREE", "synagogue", "Miriam Rosenthal"],
    ["Gemeinschaftsschule am Wuhlepark", "WUHLE", "school", "Sabine Wójcik"],
    ["Grundschule an der Dahme", "DAHME", "school", "Claudia Berger"],
    ["Mieterinitiative Kosmosviertel", "KOSMOS", "tenants", "Hatice Kaya"],
    ["Mietergemeinschaft Weiße Siedlung", "WEISSE", "tenants", "Dragan Petrović"],
    ["Polnischer Kulturverein Oberspree", "POLKO", "migrants", "Tomasz Kowalski"],
    ["Vietnamesischer Elternverein Treptow", "VIET", "migrants", "Tran Van Minh"],
  ];
  const DAY = "2026-03-10";
  let db: string;
  let shown: Shown;

  beforeAll(async () => {
    db = join(tempDir(), "kernkreis.db");
    const day = { db, env: { PLATTFORM_TODAY: DAY } };
    await ok(["init", "--name", "SO! MIT UNS"], { db });
    for (const [name, short, kind, rep] of GROUPS) {
      await ok(["groups", "add", name, "--short", short, "--kind", kind, "--joined", "2020-01-01"], day);
      await ok(["people", "add", rep, "--group", short, "--role", "representative", "--since", "2020-01-01"], day);
    }
    await ok(["meetings", "add", "kernkreis", "--date", "today", "--time", "19:00", "--end", "21:00", "--template", "standard", "--place", "Gemeindesaal Alt-Schöneweide", "--chair", "Ingrid Hoffmann", "--secretary", "Claudia Berger"], day);
    // 9 of 12 present (in three commands), 1 excused, 2 absent.
    await ok(["meetings", "attend", "next", "Ingrid Hoffmann", "Agnieszka Nowak", "Renate Schulze"], day);
    await ok(["meetings", "attend", "next", "Yusuf Demir", "Emine Yıldız", "Miriam Rosenthal", "Sabine Wójcik"], day);
    await ok(["meetings", "attend", "next", "Claudia Berger", "Hatice Kaya"], day);
    await ok(["meetings", "excuse", "next", "WEISSE"], day);
    await ok(["meetings", "note", "next", "1", "Vorstellungsrunde; zwei Gäste aus dem Bezirk"], day);
    await ok(["meetings", "note", "next", "3", "Kampagne Heizkosten: 412 Unterschriften gesammelt"], day);
    await ok(["meetings", "note", "next", "4", "Antrag bei der Stiftung ist eingereicht"], day);
    await ok(["tasks", "add", "Unterschriften an den Bezirk übergeben", "--owner", "Hatice Kaya", "--due", "2026-03-24", "--meeting", "next", "--item", "3"], day);
    await ok(["tasks", "add", "Raum für die Versammlung anfragen", "--owner", "RIX", "--due", "+3w", "--meeting", "next", "--item", "6"], day);
    await ok(["tasks", "add", "Verwendungsnachweis schreiben", "--owner", "Claudia Berger", "--due", "30.4.2026", "--meeting", "next", "--item", "4"], day);
    await ok(["meetings", "close", "next"], day);
    shown = await okJson<Shown>(["meetings", "show", "last"], day);
  }, 60_000);

  it("is held with its minutes in draft, on the standard agenda, with its notes", () => {
    expect(shown).toMatchObject({ kind: "kernkreis", date: DAY, time: "19:00", end: "21:00", chair: "Ingrid Hoffmann", secretary: "Claudia Berger", status: "held", minutes: "draft" });
    expect(shown.items).toHaveLength(7);
    expect(shown.items.map((i) => i.notes!.length)).toEqual([1, 0, 1, 1, 0, 0, 0]);
    expect(shown.items[2]!.notes).toEqual(["Kampagne Heizkosten: 412 Unterschriften gesammelt"]);
  });

  it("9 present with their people, 1 excused, 2 absent; quorum met under 'half' (2·9 = 18 > 12)", () => {
    const a = shown.attendance;
    expect(a.entitled).toBe(12);
    expect(a.present).toHaveLength(9);
    const present = new Map(a.present.map((p) => [p.group, p.people]));
    for (const [name, , , rep] of GROUPS.filter(([, short]) => !["WEISSE", "POLKO", "VIET"].includes(short))) expect(present.get(name)).toEqual([rep]);
    expect(a.present.every((p) => p.entitled)).toBe(true);
    expect(a.excused).toEqual(["Mietergemeinschaft Weiße Siedlung"]);
    expect(a.absent.sort()).toEqual(["Polnischer Kulturverein Oberspree", "Vietnamesischer Elternverein Treptow"]);
    expect(a.quorum).toEqual({ rule: "half", required: 7, present: 9, entitled: 12, met: true });
  });

  it("the 3 tasks with owners, due dates and items", () => {
    expect(shown.tasks.map((t) => [t.title, t.owner, t.ownerKind, t.due, t.item, t.status])).toEqual([
      ["Unterschriften an den Bezirk übergeben", "Hatice Kaya", "person", "2026-03-24", 3, "open"],
      ["Raum für die Versammlung anfragen", "Ev. Kirchengemeinde Neukölln-Rixdorf", "group", "2026-03-31", 6, "open"],
      ["Verwendungsnachweis schreiben", "Claudia Berger", "person", "2026-04-30", 4, "open"],
    ]);
    expect(shown.tasks.every((t) => t.meeting === shown.id)).toBe(true);
  });

  it("the text view names the groups present and states the quorum", async () => {
    const text = (await ok(["meetings", "show", "last", "--lang", "de"], { db, env: { PLATTFORM_TODAY: DAY } })).stdout;
    expect(text).toContain("9 von 12 Mitgliedsgruppen anwesend, 1 entschuldigt, 2 abwesend");
    expect(text).toContain("Beschlussfähigkeit: gegeben (9 von 12 Gruppen anwesend, 7 nötig)");
    expect(text).toContain("Mieterinitiative Kosmosviertel: Hatice Kaya");
    expect(text).toContain("Verwendungsnachweis schreiben");
  });
});
