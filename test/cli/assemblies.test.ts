// Assemblies (turnout per group, asks and answers in `meetings show` and the minutes), trainings on `people show`,
// and team meetings linked to their team, through the built binary.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate, copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-06-15";
const at = (db: string, today = TODAY): RunOptions => ({ db, env: { PLATTFORM_TODAY: today } });

type Turnout = { groupId: number; group: string; pledged: number | null; actual: number | null };
type Shown = {
  id: number;
  team: string | null;
  teamId: number | null;
  assembly?: { turnout: Turnout[]; totals: { pledged: number; actual: number }; asks: Array<{ id: number; ask: string; answer: string }> };
};

/**
 * Groups JOSEF, NUR, KOSMOS; Eva (JOSEF), Ali (NUR and KOSMOS); meeting #1 an assembly on 2026-05-09, #2 a
 * training on 2026-05-02, #3 a Kernkreis on 2026-05-20; team #2 Aktionsteam Wohnen (wohnen).
 */
let template: string;
beforeAll(async () => {
  template = await buildTemplate(
    [
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2020-01-01"],
      ["groups", "add", "Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2020-01-01"],
      ["groups", "add", "Kosmosviertel", "--short", "KOSMOS", "--kind", "tenants", "--joined", "2020-01-01"],
      ["people", "add", "Eva Berg", "--group", "JOSEF", "--since", "2020-01-01"],
      ["people", "add", "Ali Kaya", "--group", "NUR", "--since", "2020-01-01"],
      ["people", "link", "Ali Kaya", "KOSMOS", "--since", "2020-01-01"],
      ["meetings", "add", "assembly", "--date", "2026-05-09", "--title", "Große Versammlung"],
      ["meetings", "add", "training", "--date", "2026-05-02", "--title", "Training Einzelgespräche"],
      ["meetings", "add", "kernkreis", "--date", "2026-05-20"],
      ["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"],
    ],
    ["--name", "Testplattform", "--lang", "en"],
  );
}, 60_000);
const platform = () => copyOf(template);

describe("meetings turnout", () => {
  it("records pledged and actual per group; a figure not given keeps its value", async () => {
    const db = platform();
    expect(await okJson<Turnout>(["meetings", "turnout", "1", "JOSEF", "--pledged", "40"], at(db))).toMatchObject({ group: "St. Josef", pledged: 40, actual: null });
    expect(await okJson<Turnout>(["meetings", "turnout", "1", "josef", "--actual", "52"], at(db))).toMatchObject({ pledged: 40, actual: 52 });
    await ok(["meetings", "turnout", "1", "NUR", "--pledged", "30", "--actual", "0"], at(db));
    await ok(["meetings", "turnout", "2026-05-09", "KOSMOS", "--actual", "17"], at(db));
    const shown = await okJson<Shown>(["meetings", "show", "1"], at(db));
    expect(shown.assembly!.turnout.map((t) => [t.group, t.pledged, t.actual])).toEqual([
      ["Al-Nur", 30, 0],
      ["Kosmosviertel", null, 17],
      ["St. Josef", 40, 52],
    ]);
    expect(shown.assembly!.totals).toEqual({ pledged: 70, actual: 69 });
    const text = (await ok(["meetings", "show", "1"], at(db))).stdout;
    expect(text).toContain("Turnout");
    expect(text).toMatch(/Total\s+70\s+69/);
    // a Kernkreis without commitments has no assembly part
    expect((await okJson<Shown>(["meetings", "show", "3"], at(db))).assembly).toBeUndefined();
  });

  it("the asks made at the assembly, with their answers, in meetings show and in the minutes", async () => {
    const db = platform();
    await ok(["meetings", "turnout", "1", "JOSEF", "--pledged", "40", "--actual", "52"], at(db));
    await ok(["commitments", "add", "--ask", "Tempo 30 vor der Schule", "--from", "Anna Weber", "--office", "Bürgermeisterin", "--answer", "yes", "--at", "1", "--due", "2026-09-30"], at(db));
    await ok(["commitments", "add", "--ask", "Runder Tisch Heizkosten", "--from", "Degewo", "--answer", "absent", "--at", "1"], at(db));
    await ok(["commitments", "add", "--ask", "Elsewhere", "--from", "Degewo", "--answer", "no"], at(db));
    expect((await okJson<Shown>(["meetings", "show", "1"], at(db))).assembly!.asks.map((a) => [a.id, a.answer])).toEqual([
      [1, "yes"],
      [2, "absent"],
    ]);
    const minutes = (await ok(["report", "minutes", "1"], at(db))).stdout;
    expect(minutes).toContain("## Turnout of the member groups");
    expect(minutes).toContain("| St. Josef | 40 | 52 |");
    expect(minutes).toContain("| Total | 40 | 52 |");
    expect(minutes).toContain("## Asks and answers");
    expect(minutes).toContain("| Anna Weber, Bürgermeisterin | Tempo 30 vor der Schule | yes | 2026-09-30 |");
    expect(minutes).toContain("| Degewo | Runder Tisch Heizkosten | absent | – |");
    expect(minutes).not.toContain("Elsewhere");
    const german = (await ok(["report", "minutes", "1", "--lang", "de"], at(db))).stdout;
    expect(german).toContain("## Beteiligung der Mitgliedsgruppen");
    expect(german).toContain("| Degewo | Runder Tisch Heizkosten | nicht erschienen | – |");
  });

  it.each<[string, string[], number]>([
    ["unknown meeting", ["meetings", "turnout", "99", "JOSEF", "--pledged", "3"], 1],
    ["not an assembly", ["meetings", "turnout", "3", "JOSEF", "--pledged", "3"], 1],
    ["unknown group", ["meetings", "turnout", "1", "NIX", "--pledged", "3"], 1],
    ["not a number", ["meetings", "turnout", "1", "JOSEF", "--pledged", "viele"], 1],
    ["negative", ["meetings", "turnout", "1", "JOSEF", "--actual", "-4"], 1],
    ["no figure", ["meetings", "turnout", "1", "JOSEF"], 1],
    ["missing group", ["meetings", "turnout", "1"], 2],
  ])("bad input: %s", async (_what, args, code) => {
    const db = platform();
    await ok(["meetings", "turnout", "1", "NUR", "--pledged", "5"], at(db));
    await fails(args, at(db), code);
  });
});

describe("trainings", () => {
  it("the participants are the training's attendance; people show lists each person's trainings", async () => {
    const db = platform();
    await ok(["meetings", "attend", "2", "Eva Berg"], at(db));
    await ok(["meetings", "attend", "2", "Ali Kaya", "--guest"], at(db));
    await ok(["meetings", "attend", "2", "Frau Vogel", "--guest"], at(db));
    await ok(["meetings", "add", "training", "--date", "2026-06-01", "--title", "Training Machtanalyse"], at(db));
    await ok(["meetings", "attend", "4", "Eva Berg"], at(db));
    await ok(["meetings", "add", "training", "--date", "2026-07-01", "--title", "Training später"], at(db));
    // not yet held: no attendance for a meeting still ahead
    expect((await fails(["meetings", "attend", "5", "Eva Berg"], at(db), 1)).stderr).toMatch(/^error: meeting #5 is on 2026-07-01 and has not taken place yet/);
    await ok(["meetings", "attend", "3", "Eva Berg"], at(db)); // a Kernkreis is no training
    const eva = await okJson<{ trainings: Array<{ meeting: number; date: string; title: string; as: string; group: string | null }> }>(["people", "show", "Eva Berg"], at(db));
    expect(eva.trainings).toEqual([
      { meeting: 2, date: "2026-05-02", title: "Training Einzelgespräche", place: null, as: "present", group: "St. Josef" },
      { meeting: 4, date: "2026-06-01", title: "Training Machtanalyse", place: null, as: "present", group: "St. Josef" },
    ]);
    const ali = await okJson<{ trainings: Array<{ meeting: number; as: string }> }>(["people", "show", "Ali Kaya"], at(db));
    expect(ali.trainings.map((t) => [t.meeting, t.as])).toEqual([[2, "guest"]]);
    const text = (await ok(["people", "show", "Eva Berg"], at(db))).stdout;
    expect(text).toContain("Trainings attended");
    expect(text).toContain("Training Machtanalyse");
    expect((await ok(["people", "show", "Eva Berg", "--lang", "de"], at(db))).stdout).toContain("Besuchte Trainings");
  });
});

describe("team meetings", () => {
  it("--team links a meeting to a team by name or short name; teams show lists its upcoming and past meetings", async () => {
    const db = platform();
    const planned = await okJson<Shown>(["meetings", "add", "team", "--date", "2026-07-01", "--team", "wohnen"], at(db));
    expect(planned).toMatchObject({ team: "Aktionsteam Wohnen", teamId: 2 });
    await ok(["meetings", "add", "team", "--date", "2026-05-12", "--team", "aktionsteam wohnen", "--title", "Vorbereitung"], at(db));
    await ok(["meetings", "add", "team", "--date", "2026-08-01", "--team", "2"], at(db));
    await ok(["meetings", "cancel", "6"], at(db));
    const team = await okJson<{ meetings: { upcoming: Array<{ id: number; date: string }>; past: Array<{ id: number; title: string | null }> } }>(["teams", "show", "wohnen"], at(db));
    expect(team.meetings.upcoming.map((m) => [m.id, m.date])).toEqual([[4, "2026-07-01"]]);
    expect(team.meetings.past.map((m) => [m.id, m.title])).toEqual([[5, "Vorbereitung"]]);
    const text = (await ok(["teams", "show", "wohnen"], at(db))).stdout;
    expect(text).toContain("Upcoming meetings");
    expect(text).toContain("Past meetings");
    // taking the team off a meeting, and an edit to another team
    expect(await okJson<Shown>(["meetings", "edit", "4", "--team", ""], at(db))).toMatchObject({ team: null, teamId: null });
    expect(await okJson<Shown>(["meetings", "edit", "5", "--team", "strategy-finance"], at(db))).toMatchObject({ team: "Strategy & Finance team", teamId: 1 });
    expect((await okJson<any>(["teams", "show", "wohnen"], at(db))).meetings).toEqual({ upcoming: [], past: [] });
  });

  it("an unknown team is an error, and nothing is written", async () => {
    const db = platform();
    expect((await fails(["meetings", "add", "team", "--date", "2026-07-01", "--team", "Nirgendwo"], at(db), 1)).stderr).toContain("Nirgendwo");
    await fails(["meetings", "edit", "1", "--team", "Nirgendwo"], at(db), 1);
  });
});
