// Campaigns, their dated status reports, and how the latest report of each active campaign fills the campaigns
// item of a Kernkreis agenda built from the standard template (and the minutes), through the built binary.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const env = { PLATTFORM_TODAY: TODAY };
const platform = (): RunOptions => ({ db: copyOf(template), env });

/**
 * Action teams wohnen and schule. Campaigns (all started 2026-01-01):
 *   #1 Heizkosten (wohnen): 2026-01-10 "Alt: 40 Haushalte befragt"; 2026-02-14 "Neu: 412 Unterschriften", status action
 *   #2 Sichere Schulwege (schule): 2026-02-01 "Verkehrszählung", at Kernkreis #1 (research)
 *   #3 Kita-Plätze (wohnen): 2026-01-15 "Eltern befragt"; 2026-02-15 "Pause bis zum Sommer", status paused
 *   #4 Pflege (schule): 2026-02-20 "Personalschlüssel erhöht", status won
 *   #5 Jugendtreff (wohnen): no report yet
 * Meetings: Kernkreis #1 on 2026-02-12 and #2 on 2026-03-10, both from the standard template.
 */
let template: string;
beforeAll(async () => {
  template = join(tempDir(), "template.db");
  for (const args of [
    ["init", "--name", "Testplattform", "--lang", "en"],
    ["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"],
    ["teams", "add", "Aktionsteam Schule", "--kind", "action", "--short", "schule"],
    ["meetings", "add", "kernkreis", "--date", "2026-02-12", "--template", "standard"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-10", "--template", "standard"],
    ["campaigns", "add", "Heizkosten", "--topic", "Mieten", "--team", "wohnen", "--goal", "Keine Nachzahlungen", "--date", "2026-01-01"],
    ["campaigns", "add", "Sichere Schulwege", "--topic", "Schulwege", "--team", "schule", "--date", "2026-01-01"],
    ["campaigns", "add", "Kita-Plätze", "--topic", "Kita", "--team", "wohnen", "--date", "2026-01-01"],
    ["campaigns", "add", "Pflege", "--topic", "Pflege", "--team", "schule", "--date", "2026-01-01"],
    ["campaigns", "add", "Jugendtreff", "--topic", "Jugend", "--team", "wohnen", "--date", "2026-01-01"],
    ["campaigns", "update", "Heizkosten", "Alt: 40 Haushalte befragt", "--date", "2026-01-10"],
    ["campaigns", "update", "heizkosten", "Neu: 412 Unterschriften", "--date", "2026-02-14", "--status", "action"],
    ["campaigns", "update", "Sichere Schulwege", "Verkehrszählung", "--date", "2026-02-01", "--meeting", "1"],
    ["campaigns", "update", "Kita-Plätze", "Eltern befragt", "--date", "2026-01-15"],
    ["campaigns", "update", "Kita-Plätze", "Pause bis zum Sommer", "--date", "2026-02-15", "--status", "paused"],
    ["campaigns", "update", "Pflege", "Personalschlüssel erhöht", "--date", "2026-02-20", "--status", "won"],
  ])
    await ok(args, { db: template, env });
}, 60_000);

type Report = { campaign: string; team: string; status: string; date: string; text: string; meeting: number | null };
type Item = { position: number; title: string; campaigns?: Report[] };

describe("the agenda and the minutes", () => {
  it("the campaigns item of a Kernkreis from the standard template lists each active campaign's latest report, and only that", async () => {
    const model = await okJson<{ items: Item[] }>(["report", "agenda", "2"], platform());
    expect(model.items.map((i) => i.title)[2]).toBe("Reports from the campaigns and action teams");
    expect(model.items.filter((i) => i.campaigns !== undefined).map((i) => i.position)).toEqual([3]);
    // Not Kita-Plätze (paused), not Pflege (won), not Jugendtreff (no report), not Heizkosten's older report.
    expect(model.items[2]!.campaigns).toEqual([
      { campaign: "Heizkosten", team: "Aktionsteam Wohnen", topic: "Mieten", status: "action", date: "2026-02-14", text: "Neu: 412 Unterschriften", meeting: null },
      { campaign: "Sichere Schulwege", team: "Aktionsteam Schule", topic: "Schulwege", status: "research", date: "2026-02-01", text: "Verkehrszählung", meeting: 1 },
    ]);
  });

  it("the Markdown agenda shows them under the item", async () => {
    const md = (await ok(["report", "agenda", "2"], platform())).stdout;
    const section = md.slice(md.indexOf("### Item 3"), md.indexOf("## Minutes for approval"));
    expect(section).toBe(
      [
        "### Item 3: Reports from the campaigns and action teams",
        "",
        "- **Heizkosten** (Aktionsteam Wohnen, action, report of 2026-02-14): Neu: 412 Unterschriften",
        "- **Sichere Schulwege** (Aktionsteam Schule, research, report of 2026-02-01): Verkehrszählung",
        "",
        "",
      ].join("\n"),
    );
  });

  it("an earlier meeting reports as of its own date: Heizkosten's older report, Kita-Plätze still active then", async () => {
    const model = await okJson<{ items: Item[] }>(["report", "agenda", "1"], platform());
    expect(model.items[2]!.campaigns!.map((r) => [r.campaign, r.date, r.status])).toEqual([
      ["Heizkosten", "2026-01-10", "research"],
      ["Kita-Plätze", "2026-01-15", "research"],
      ["Sichere Schulwege", "2026-02-01", "research"],
    ]);
  });

  it("the minutes carry the reports under the item, in German with a German agenda", async () => {
    const { db } = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-02-26", "--template", "standard", "--lang", "de"], { db, env });
    await ok(["meetings", "close", "3"], { db, env });
    const md = (await ok(["report", "minutes", "3", "--lang", "de"], { db, env })).stdout;
    expect(md).toContain(
      [
        "### TOP 3: Berichte aus den Kampagnen und Aktionsteams",
        "",
        "- **Heizkosten** (Aktionsteam Wohnen, Aktion, Bericht vom 14.02.2026): Neu: 412 Unterschriften",
        "- **Sichere Schulwege** (Aktionsteam Schule, Recherche, Bericht vom 01.02.2026): Verkehrszählung",
      ].join("\n"),
    );
    expect(md).not.toContain("Personalschlüssel");
    expect(md).not.toContain("Pause bis zum Sommer");
  });

  it("an agenda item added by hand that speaks of campaigns gets them too; a meeting without one has none", async () => {
    const { db } = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-03-24"], { db, env });
    expect((await okJson<{ items: Item[] }>(["report", "agenda", "3"], { db, env })).items).toEqual([]);
    await ok(["meetings", "item", "add", "3", "Campaign reports", "--type", "report"], { db, env });
    expect((await okJson<{ items: Item[] }>(["report", "agenda", "3"], { db, env })).items[0]!.campaigns!.map((r) => r.campaign)).toEqual(["Heizkosten", "Sichere Schulwege"]);
  });
});

describe("campaigns add, list, show, update", () => {
  it("list shows the active campaigns, --all every one; show has the reports with the status changes", async () => {
    const { db } = platform();
    expect((await okJson<Array<{ name: string }>>(["campaigns", "list"], { db, env })).map((c) => c.name)).toEqual(["Heizkosten", "Jugendtreff", "Sichere Schulwege"]);
    const all = await okJson<Array<{ name: string; status: string; active: boolean }>>(["campaigns", "list", "--all"], { db, env });
    expect(all.map((c) => [c.name, c.status, c.active])).toEqual([
      ["Heizkosten", "action", true],
      ["Jugendtreff", "research", true],
      ["Sichere Schulwege", "research", true],
      ["Kita-Plätze", "paused", false],
      ["Pflege", "won", false],
    ]);
    const shown = await okJson<{ status: string; goal: string; updates: Array<{ date: string; status: string; previousStatus: string | null }> }>(["campaigns", "show", "Heizkosten"], { db, env });
    expect(shown.goal).toBe("Keine Nachzahlungen");
    expect(shown.updates.map((u) => [u.date, u.status, u.previousStatus])).toEqual([
      ["2026-01-10", "research", null],
      ["2026-02-14", "action", "research"],
    ]);
  });

  it("add --json prints the created campaign; a new topic is made and reported", async () => {
    const result = await ok(["campaigns", "add", "Nahverkehr", "--topic", "Busse", "--team", "Aktionsteam Schule", "--json"], platform());
    expect(result.json()).toMatchObject({ id: 6, name: "Nahverkehr", topic: "Busse", team: "Aktionsteam Schule", status: "research", started: TODAY, active: true, latest: null });
    expect(result.stderr).toBe("new topic “Busse”\n");
  });

  it("update --json prints the report; a report at a past meeting is dated that day; a backdated report keeps the later status", async () => {
    const { db } = platform();
    expect(await okJson(["campaigns", "update", "Jugendtreff", "Raum gefunden", "--meeting", "1", "--status", "action"], { db, env })).toMatchObject({
      campaign: "Jugendtreff",
      date: "2026-02-12",
      meeting: 1,
      status: "action",
      previousStatus: "research",
    });
    // Before Kita-Plätze was paused: the report is in research, and the campaign stays paused.
    expect(await okJson(["campaigns", "update", "Kita-Plätze", "Kita-Leitungen angeschrieben", "--date", "2026-02-01"], { db, env })).toMatchObject({
      status: "research",
      previousStatus: null,
    });
    expect((await okJson<{ status: string }>(["campaigns", "show", "Kita-Plätze"], { db, env })).status).toBe("paused");
  });

  it("approved minutes stay as approved: a report that would change them is refused, one that would not is taken", async () => {
    const { db } = platform();
    await ok(["meetings", "close", "1"], { db, env });
    await ok(["meetings", "approve", "1", "--at", "2", "--without-quorum"], { db, env: { PLATTFORM_TODAY: "2026-03-10" } }); // on the day of meeting #2
    // Sichere Schulwege's latest report as of 12 February would change.
    await fails(["campaigns", "update", "Sichere Schulwege", "Nachgezählt", "--date", "2026-02-05"], { db, env }, 1);
    // Pflege had no report by then: a report in research would add it to those minutes.
    await fails(["campaigns", "update", "Pflege", "Recherche", "--date", "2026-02-12"], { db, env }, 1);
    // Kita-Plätze: the report of 15 January stays the latest as of 12 February.
    await ok(["campaigns", "update", "Kita-Plätze", "Kita-Leitungen angeschrieben", "--date", "2026-01-12"], { db, env });
    await ok(["campaigns", "update", "Sichere Schulwege", "Nachgezählt", "--date", "2026-02-13"], { db, env });
    await fails(["campaigns", "update", "Heizkosten", "Nachtrag", "--meeting", "1"], { db, env }, 1);
  });
});

describe("bad input: exit 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    ["add: an unknown team", ["campaigns", "add", "Neu", "--topic", "Mieten", "--team", "Nirgends"], 1],
    ["add: without --team", ["campaigns", "add", "Neu", "--topic", "Mieten"], 2],
    ["add: without --topic", ["campaigns", "add", "Neu", "--team", "wohnen"], 2],
    ["add: a name taken (in other letters)", ["campaigns", "add", "HEIZKOSTEN", "--topic", "Mieten", "--team", "wohnen"], 1],
    ["add: an unknown --status", ["campaigns", "add", "Neu", "--topic", "Mieten", "--team", "wohnen", "--status", "planning"], 2],
    ["add: a bad --date", ["campaigns", "add", "Neu", "--topic", "Mieten", "--team", "wohnen", "--date", "30.02.2026"], 1],
    ["add: a date in the future", ["campaigns", "add", "Neu", "--topic", "Mieten", "--team", "wohnen", "--date", "+1w"], 1],
    ["add: an empty name", ["campaigns", "add", " ", "--topic", "Mieten", "--team", "wohnen"], 1],
    ["update: an unknown campaign", ["campaigns", "update", "Nirgends", "Bericht"], 1],
    ["update: an empty report", ["campaigns", "update", "Heizkosten", "  "], 1],
    ["update: a bad --date", ["campaigns", "update", "Heizkosten", "Bericht", "--date", "2026-02-30"], 1],
    ["update: a date in the future", ["campaigns", "update", "Heizkosten", "Bericht", "--date", "tomorrow"], 1],
    ["update: before the campaign started", ["campaigns", "update", "Heizkosten", "Bericht", "--date", "2025-12-31"], 1],
    ["update: an unknown --meeting", ["campaigns", "update", "Heizkosten", "Bericht", "--meeting", "99"], 1],
    ["update: an unknown --status", ["campaigns", "update", "Heizkosten", "Bericht", "--status", "done"], 2],
    ["update: without a report", ["campaigns", "update", "Heizkosten"], 2],
    ["show: an unknown campaign", ["campaigns", "show", "99"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, platform(), code);
  });

  it("the unknown team is named", async () => {
    expect((await fails(["campaigns", "add", "Neu", "--topic", "Mieten", "--team", "Nirgends"], platform(), 1)).stderr).toBe(
      "error: no team “Nirgends” — see the teams with `plattform teams list`\n",
    );
  });
});
