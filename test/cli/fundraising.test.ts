// fundraising through the built binary: a scripted year with its exact figures (to the cent), the bank import,
// and bad input that must exit with one line and leave the data file as it was. Today is pinned to 2026-06-30.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fileHash, run, tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, query, writeTemp, type RunOptions } from "./util.js";

const TODAY = "2026-06-30";
const at = (db: string, extra: Record<string, string> = {}): RunOptions => ({ db, env: { PLATTFORM_TODAY: TODAY, ...extra } });

/**
 * The year 2026 of a small platform:
 * - groups KOSMOS, NUR, JOSEF (members since 2020) and BWJ (left on 31.12.2025), person Maria Schmidt;
 * - funders Stiftung Nord, Kirchenkreis Süd, Stadtwerke Südost;
 * - applications: #1 Organizer 2026 (40.000 €, restricted, approved with 36.000 € for 2026), #2 Trainings (idea,
 *   3.333,33 € at 33 %), #3 Sommerfest (drafting, 1.000,01 € at 50 %), #4 Organizer 2027 (submitted, 45.000 € at
 *   45 %), #5 Geschäftsstelle (rejected);
 * - reporting deadlines of #1: interim 31.5. (met 28.5.), proof of use 15.6. (overdue), final 31.3.2027;
 * - income 2026: two instalments of #1 (9.000 € each), dues (KOSMOS 240, NUR 100 of 240, JOSEF 480, and KOSMOS'
 *   240 for 2025 paid in January), donations (Maria Schmidt 50,55 €, Stadtwerke 1.500 € for Kinderbetreuung);
 * - budget 2026: Organizer-Stelle 58.000 €, Sachkosten 2.000,05 € (60.000,05 € in all).
 */
let template: string;
beforeAll(async () => {
  template = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform", "--lang", "de"], { db: template });
  for (const args of [
    ["groups", "add", "Mieterinitiative Kosmosviertel", "--short", "KOSMOS", "--kind", "tenants", "--joined", "2020-01-01"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2020-01-01"],
    ["groups", "add", "Kath. Pfarrei St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2020-01-01"],
    ["groups", "add", "SV Blau-Weiß", "--short", "BWJ", "--kind", "sports", "--joined", "2020-01-01"],
    ["groups", "leave", "BWJ", "--date", "2025-12-31"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative"],
    ["funds", "funders", "add", "Stiftung Nord", "--kind", "foundation", "--contact", "Petra Lang", "--email", "lang@stiftung-nord.example"],
    ["fundraising", "funders", "add", "Kirchenkreis Süd", "--kind", "church"],
    ["funds", "funders", "add", "Stadtwerke Südost", "--kind", "company"],
    ["funds", "apply", "Stiftung Nord", "Organizer 2026", "--amount", "40.000,00", "--probability", "60", "--purpose", "Organizer-Stelle", "--restricted", "--stage", "submitted", "--date", "2025-10-01"],
    ["funds", "stage", "1", "approved", "--awarded", "36.000,00 €", "--from", "1.1.2026", "--until", "31.12.2026", "--date", "2025-12-01"],
    ["funds", "apply", "Kirchenkreis Süd", "Trainings", "--amount", "3.333,33", "--probability", "33", "--deadline", "2026-07-20"],
    ["funds", "apply", "Stadtwerke Südost", "Sommerfest", "--amount", "1000.01", "--probability", "50%", "--stage", "drafting", "--deadline", "15.8.2026"],
    ["funds", "apply", "stiftung nord", "Organizer 2027", "--amount", "45000", "--probability", "45", "--stage", "submitted"],
    ["funds", "apply", "Kirchenkreis Süd", "Geschäftsstelle", "--amount", "2000", "--stage", "submitted", "--date", "2026-02-01"],
    ["funds", "stage", "5", "rejected", "--date", "2026-04-01"],
    ["funds", "report-due", "add", "1", "interim", "2026-05-31"],
    ["funds", "report-due", "add", "1", "proof-of-use", "15.06.2026"],
    ["funds", "report-due", "add", "1", "final", "2027-03-31"],
    ["funds", "report-due", "done", "1", "--date", "2026-05-28"],
    ["funds", "income", "add", "9000", "--date", "2026-01-15", "--application", "1"],
    ["funds", "income", "add", "9.000,00", "--date", "2026-04-15", "--application", "1", "--kind", "grant"],
    ["funds", "dues", "set", "2026", "--all", "240"],
    ["funds", "dues", "set", "2026", "JOSEF", "480,00 €"],
    ["funds", "income", "add", "240", "--kind", "dues", "--from", "KOSMOS", "--date", "2026-02-01"],
    ["funds", "income", "add", "100", "--kind", "dues", "--from", "NUR", "--date", "2026-03-01"],
    ["funds", "income", "add", "480", "--kind", "dues", "--from", "group:JOSEF", "--date", "2026-02-10"],
    ["funds", "income", "add", "240", "--kind", "dues", "--from", "KOSMOS", "--date", "2026-01-05", "--year", "2025"],
    ["funds", "income", "add", "50,55", "--kind", "donation", "--from", "Maria Schmidt", "--date", "2026-03-05"],
    ["funds", "income", "add", "1.500,00", "--kind", "donation", "--from", "Stadtwerke Südost", "--date", "2026-05-20", "--fund", "Kinderbetreuung"],
    ["funds", "budget", "set", "2026", "Organizer-Stelle", "58000"],
    ["funds", "budget", "set", "2026", "Sachkosten", "2.000,05"],
  ])
    await ok(args, at(template));
}, 120_000);

const platform = () => copyOf(template);

describe("a scripted year: the figures to the cent", () => {
  it("fundraising report --json: income, funds, pipeline, budget and coverage", async () => {
    const r = await okJson(["fundraising", "report", "--year", "2026"], at(platform()));
    expect(r.year).toBe(2026);
    expect(r.income.total).toBe(2_061_055);
    expect(r.income.byKind).toEqual({ grant: 1_800_000, donation: 155_055, dues: 106_000, other: 0 });
    expect(r.income.bySource).toEqual([
      { source: "Stiftung Nord", kind: "funder", total: 1_800_000 },
      { source: "Stadtwerke Südost", kind: "funder", total: 150_000 },
      { source: "Kath. Pfarrei St. Josef", kind: "group", total: 48_000 },
      { source: "Mieterinitiative Kosmosviertel", kind: "group", total: 48_000 },
      { source: "Moscheeverein Al-Nur", kind: "group", total: 10_000 },
      { source: "Maria Schmidt", kind: "person", total: 5_055 },
    ]);
    expect(r.income.byMonth).toEqual([924_000, 72_000, 15_055, 900_000, 150_000, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.funds).toEqual({
      restricted: 1_950_000,
      general: 111_055,
      byFund: [
        { fund: "Organizer-Stelle", total: 1_800_000 },
        { fund: "Kinderbetreuung", total: 150_000 },
      ],
    });
    // Σ amount × probability = 10 999 989 + 5 000 050 + 202 500 000 = 218 500 039 → 2 185 000,39 → 2 185 000 cents.
    // Rounded per row it would be 110 000 + 50 001 + 2 025 000 = 2 185 001: the division is done once.
    expect(r.pipeline.expectedValue).toBe(2_185_000);
    expect(r.pipeline.byStage).toEqual({
      idea: { count: 1, requested: 333_333, expectedValue: 110_000 },
      drafting: { count: 1, requested: 100_001, expectedValue: 50_001 },
      submitted: { count: 1, requested: 4_500_000, expectedValue: 2_025_000 },
    });
    expect(r.grants.outstanding).toBe(1_800_000);
    expect(r.dues).toEqual({ assessed: 96_000, paid: 82_000, outstanding: 14_000 });
    expect(r.budget.total).toBe(6_000_005);
    // 6 000 005 / 12 = 500 000 rest 5: January to May 500 001 each, then 500 000.
    expect(r.budget.monthly).toEqual([500_001, 500_001, 500_001, 500_001, 500_001, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000]);
    expect(r.budget.secured).toBe(3_861_055);
    expect(r.budget.gap).toBe(2_138_950);
    expect(r.budget.expected).toBe(3_861_055 + 14_000 + 2_185_000);
    // 3 861 055 covers seven months (3 500 005), not eight (4 000 005).
    expect(r.coveredUntil).toBe("2026-07");
  });

  it("dues status: assessed, paid and outstanding per group, in cents", async () => {
    expect(await okJson(["funds", "dues", "status", "--year", "2026"], at(platform()))).toEqual([
      { group: "Kath. Pfarrei St. Josef", assessed: 48_000, paid: 48_000, outstanding: 0 },
      { group: "Mieterinitiative Kosmosviertel", assessed: 24_000, paid: 24_000, outstanding: 0 },
      { group: "Moscheeverein Al-Nur", assessed: 24_000, paid: 10_000, outstanding: 14_000 },
    ]);
    // KOSMOS' payment for 2025 counts for 2025, where nothing was assessed
    expect(await okJson(["funds", "dues", "status", "--year", "2025"], at(platform()))).toEqual([
      { group: "Mieterinitiative Kosmosviertel", assessed: 0, paid: 24_000, outstanding: 0 },
    ]);
    // the default year is this year
    expect(await okJson(["funds", "dues", "status"], at(platform()))).toHaveLength(3);
  });

  it("the terminal report shows the German figures and the coverage month", async () => {
    const out = (await ok(["funds", "report"], at(platform()))).stdout;
    expect(out).toContain("20.610,55 €");
    expect(out).toContain("21.850,00 €");
    expect(out).toContain("Der Haushalt ist bis Ende Juli 2026 gedeckt.");
    expect(out).not.toContain("┼"); // no chart in a pipe …
    expect((await ok(["funds", "report", "--chart"], at(platform()))).stdout).toContain("┼"); // … unless asked for
  });

  it("a year without budget is covered until no month", async () => {
    const r = await okJson(["funds", "report", "--year", "2025"], at(platform()));
    expect(r.budget.total).toBe(0);
    expect(r.coveredUntil).toBeNull();
    expect(r.income.total).toBe(0);
  });

  it("budget show compares expected and actual income", async () => {
    const b = await okJson(["funds", "budget", "show", "--year", "2026"], at(platform()));
    expect(b).toMatchObject({ year: 2026, total: 6_000_005, received: 2_061_055, approved: 1_800_000, duesOutstanding: 14_000, pipeline: 2_185_000, coveredUntil: "2026-07" });
    expect(b.lines).toEqual([
      { line: "Organizer-Stelle", amount: 5_800_000 },
      { line: "Sachkosten", amount: 200_005 },
    ]);
  });

  it("setting a budget line again replaces it, whatever its case", async () => {
    const db = platform();
    await ok(["funds", "budget", "set", "2026", "sachkosten", "1.000,00"], at(db));
    expect((await okJson(["funds", "budget", "show"], at(db))).total).toBe(5_900_000);
  });

  it("Markdown and HTML reports", async () => {
    const db = platform();
    const md = (await ok(["funds", "report", "--format", "md"], at(db))).stdout;
    expect(md).toMatch(/^# Fundraising 2026/);
    expect(md).toContain("| Summe | 20.610,55 € |");
    const html = (await ok(["funds", "report", "--format", "html", "--lang", "en"], at(db))).stdout;
    expect(html).toContain("<!DOCTYPE html>");
    expect(html).toContain("€20,610.55");
    expect(html).toContain("covered until the end of July 2026");
  });
});

describe("a grant over two budget years (issue 16): each year counts its share, never the whole award twice", () => {
  /**
   * Budget 24.000 € for 2026 and for 2027 (2.000 € a month); Stiftung Nord awards 24.000 € for 1.7.2026–30.6.2027.
   * 184 of its 365 days are in 2026: 2 400 000 × 184 / 365 = 1 209 863,01… cents, 2 400 000 × 181 / 365 =
   * 1 190 136,98…; rounded down they make 2 399 999, and the cent left over goes to 2027 (the larger fraction).
   */
  async function twoYears(): Promise<string> {
    const db = join(tempDir(), "zwei-jahre.db");
    await ok(["init", "--name", "Zwei Jahre", "--lang", "de"], { db });
    for (const args of [
      ["funds", "funders", "add", "Stiftung Nord", "--kind", "foundation"],
      ["funds", "apply", "Stiftung Nord", "Organizer 2026/27", "--amount", "24.000,00", "--stage", "submitted", "--date", "2026-03-01"],
      ["funds", "stage", "Organizer 2026/27", "approved", "--from", "1.7.2026", "--until", "30.6.2027", "--date", "2026-05-15"],
      ["funds", "budget", "set", "2026", "Organizer-Stelle", "24.000,00"],
      ["funds", "budget", "set", "2027", "Organizer-Stelle", "24.000,00"],
    ])
      await ok(args, at(db));
    return db;
  }

  it("approved, nothing received yet: 12.098,63 € for 2026 and 11.901,37 € for 2027; covered until June 2026 and May 2027", async () => {
    const db = await twoYears();
    const y2026 = await okJson(["funds", "budget", "show", "--year", "2026"], at(db));
    expect(y2026).toMatchObject({ total: 2_400_000, received: 0, approved: 1_209_863, secured: 1_209_863, gap: 1_190_137, coveredUntil: "2026-06" });
    expect(y2026.grants).toEqual([{ id: 1, title: "Organizer 2026/27", funder: "Stiftung Nord", received: 0, expected: 1_209_863, secured: 1_209_863 }]);
    const y2027 = await okJson(["funds", "budget", "show", "--year", "2027"], at(db));
    // 1 190 137 covers five months of 200 000 (1 000 000), not six (1 200 000)
    expect(y2027).toMatchObject({ total: 2_400_000, received: 0, approved: 1_190_137, secured: 1_190_137, coveredUntil: "2027-05" });
    expect(y2027.grants).toEqual([{ id: 1, title: "Organizer 2026/27", funder: "Stiftung Nord", received: 0, expected: 1_190_137, secured: 1_190_137 }]);
    expect(y2026.approved + y2027.approved).toBe(2_400_000);

    const report = await okJson(["funds", "report", "--year", "2027"], at(db));
    expect(report.coveredUntil).toBe("2027-05");
    expect(report.grants).toMatchObject({ awarded: 2_400_000, received: 0, outstanding: 2_400_000, receivedInYear: 0, expectedInYear: 1_190_137, securedInYear: 1_190_137 });
    expect((await okJson(["status"], at(db))).fundraising.coveredUntil).toBe("2026-06");
    expect((await okJson(["report", "annual", "2026"], at(db))).sections.fundraising.grants.list[0]).toMatchObject({ id: 1, receivedInYear: 0, expectedInYear: 1_209_863, securedInYear: 1_209_863 });
    // a year outside the period has nothing from the grant
    expect((await okJson(["funds", "report", "--year", "2028"], at(db))).grants.list).toEqual([]);

    const text = (await ok(["funds", "budget", "show", "--year", "2026"], at(db))).stdout;
    expect(text).toContain("Aus bewilligten Förderungen gesichert 2026");
    expect(text).toContain("12.098,63 €");
    expect(text).toContain("Der Haushalt ist bis Ende Juni 2026 gedeckt.");
    const md = (await ok(["funds", "report", "--year", "2027", "--format", "md", "--lang", "en"], at(db))).stdout;
    expect(md).toContain("| Secured for the year |");
    expect(md).toContain("€11,901.37");
    expect(md).toContain("covered until the end of May 2027");
  });

  it("an instalment counts in the year it came in; the rest is spread over the days after it", async () => {
    const db = await twoYears();
    const later = { db, env: { PLATTFORM_TODAY: "2026-07-15" } };
    await ok(["funds", "income", "add", "6.000,00", "--application", "1", "--date", "2026-07-15"], later);
    // the rest, 1 800 000, over 16.7.2026–30.6.2027: 169 and 181 of 350 days = 869 142,86… and 930 857,14… → the cent to 2026
    const y2026 = await okJson(["funds", "budget", "show", "--year", "2026"], later);
    expect(y2026).toMatchObject({ received: 600_000, approved: 869_143, secured: 1_469_143, coveredUntil: "2026-07" });
    expect(y2026.grants).toEqual([{ id: 1, title: "Organizer 2026/27", funder: "Stiftung Nord", received: 600_000, expected: 869_143, secured: 1_469_143 }]);
    const y2027 = await okJson(["funds", "budget", "show", "--year", "2027"], later);
    expect(y2027).toMatchObject({ received: 0, approved: 930_857, secured: 930_857, coveredUntil: "2027-04" });
    expect(y2026.secured + y2027.secured).toBe(2_400_000);
    expect((await okJson(["status"], later)).fundraising.coveredUntil).toBe("2026-07");

    // paid in full in two instalments: each year has what came in it, nothing more is expected
    await ok(["funds", "income", "add", "18.000,00", "--application", "1", "--date", "2027-01-10"], { db, env: { PLATTFORM_TODAY: "2027-01-10" } });
    const r2026 = await okJson(["funds", "report", "--year", "2026"], later);
    const r2027 = await okJson(["funds", "report", "--year", "2027"], later);
    expect([r2026.budget.received, r2026.budget.approved, r2027.budget.received, r2027.budget.approved]).toEqual([600_000, 0, 1_800_000, 0]);
    expect([r2026.coveredUntil, r2027.coveredUntil]).toEqual(["2026-03", "2027-09"]);
  });

  it("a grant without a funding period counts whole in the year of its approval", async () => {
    const db = await twoYears();
    await ok(["funds", "apply", "Stiftung Nord", "Sachkosten", "--amount", "3.000,00", "--stage", "submitted", "--date", "2026-04-01"], at(db));
    await ok(["funds", "stage", "Sachkosten", "approved", "--date", "2026-06-01"], at(db));
    expect((await okJson(["funds", "budget", "show", "--year", "2026"], at(db))).approved).toBe(1_209_863 + 300_000);
    expect((await okJson(["funds", "budget", "show", "--year", "2027"], at(db))).approved).toBe(1_190_137);
  });
});

describe("applications and their stages", () => {
  it("every change of stage is dated in the history; approval records award and period", async () => {
    const app = await okJson(["funds", "applications", "show", "1"], at(platform()));
    expect(app.history.map((h: { stage: string; date: string }) => [h.stage, h.date])).toEqual([
      ["submitted", "2025-10-01"],
      ["approved", "2025-12-01"],
    ]);
    expect(app).toMatchObject({ amount: 4_000_000, awarded: 3_600_000, received: 1_800_000, restricted: true, period: { from: "2026-01-01", until: "2026-12-31" } });
    expect(app.reportingDeadlines.map((d: { kind: string; submitted: string | null }) => [d.kind, d.submitted])).toEqual([
      ["interim", "2026-05-28"],
      ["proof-of-use", null],
      ["final", null],
    ]);
    expect(app.instalments.map((i: { amount: number; fund: string }) => [i.amount, i.fund])).toEqual([
      [900_000, "Organizer-Stelle"],
      [900_000, "Organizer-Stelle"],
    ]);
  });

  it("rejected → submitted needs --reopen, and is then recorded as reopened", async () => {
    const db = platform();
    const error = await fails(["funds", "stage", "5", "submitted"], at(db), 1);
    expect(error.stderr).toContain("--reopen");
    const app = await okJson(["funds", "stage", "5", "submitted", "--reopen", "--date", "2026-06-01"], at(db));
    expect(app.stage).toBe("submitted");
    expect(app.history.at(-1)).toEqual({ stage: "submitted", date: "2026-06-01", reopened: true, note: null });
  });

  it("the pipeline follows the stages", async () => {
    const db = platform();
    await ok(["funds", "stage", "2", "withdrawn"], at(db));
    expect((await okJson(["funds", "report"], at(db))).pipeline.expectedValue).toBe(2_075_001); // (5 000 050 + 202 500 000) / 100
  });

  it("list and filters", async () => {
    const db = platform();
    expect((await okJson(["funds", "applications", "list", "--stage", "submitted"], at(db))).map((a: { id: number }) => a.id)).toEqual([4]);
    expect((await okJson(["funds", "applications", "list", "--funder", "Stiftung Nord"], at(db))).map((a: { id: number }) => a.id).sort()).toEqual([1, 4]);
    expect(await okJson(["funds", "funders", "show", "Stiftung Nord"], at(db))).toMatchObject({ kind: "foundation", received: 1_800_000, contacts: [{ name: "Petra Lang", email: "lang@stiftung-nord.example" }] });
  });
});

describe("funders edit", () => {
  it("renames a funder and changes its kind, website and notes; its applications and income stay with it", async () => {
    const db = platform();
    const before = await okJson<{ applications: unknown[]; received: number }>(["funds", "funders", "show", "Stiftung Nord"], at(db));
    expect((await ok(["funds", "funders", "edit", "stiftung nord", "--name", "Stiftung Nord-Ost", "--website", "https://nord-ost.example", "--notes", "seit 2026 fusioniert", "--lang", "en"], at(db))).stdout).toBe(
      "Changed name, website, notes of Stiftung Nord-Ost.\n",
    );
    const after = await okJson<{ name: string; kind: string; website: string; notes: string; applications: unknown[]; received: number; contacts: Array<{ name: string }> }>(
      ["funds", "funders", "show", "STIFTUNG NORD-OST"],
      at(db),
    );
    expect(after).toMatchObject({ name: "Stiftung Nord-Ost", kind: "foundation", website: "https://nord-ost.example", notes: "seit 2026 fusioniert" });
    expect([after.applications.length, after.received, after.contacts.map((c) => c.name)]).toEqual([before.applications.length, before.received, ["Petra Lang"]]);
    expect((await fails(["funds", "funders", "show", "Stiftung Nord"], at(db), 1)).stderr).toContain("Stiftung Nord");
    // An empty value clears; the same values again change nothing and write nothing.
    await ok(["funds", "funders", "edit", "Stiftung Nord-Ost", "--notes", ""], at(db));
    expect((await okJson<{ notes: string | null }>(["funds", "funders", "show", "Stiftung Nord-Ost"], at(db))).notes).toBeNull();
    const hash = fileHash(db);
    expect((await ok(["funds", "funders", "edit", "Stiftung Nord-Ost", "--kind", "foundation"], at(db))).stdout).toBe("Nichts geändert: Stiftung Nord-Ost hat diese Werte schon.\n");
    expect(fileHash(db)).toBe(hash);
    // A funder may change the case of its own name.
    expect((await okJson<{ name: string }>(["funds", "funders", "edit", "Stiftung Nord-Ost", "--name", "STIFTUNG Nord-Ost", "--json"], at(db))).name).toBe("STIFTUNG Nord-Ost");
  });
});

describe("deadlines and status", () => {
  it("deadlines --within 60d: in date order, the overdue report marked", async () => {
    const list = await okJson(["funds", "deadlines"], at(platform()));
    expect(list.map((d: { date: string; kind: string; application: number; overdue: boolean }) => [d.date, d.kind, d.application, d.overdue])).toEqual([
      ["2026-06-15", "proof-of-use", 1, true],
      ["2026-07-20", "application", 2, false],
      ["2026-08-15", "application", 3, false],
    ]);
    expect(await okJson(["funds", "deadlines", "--within", "30d"], at(platform()))).toHaveLength(2);
    expect((await ok(["funds", "deadlines"], at(platform()))).stdout).toContain("ÜBERFÄLLIG seit 15 Tagen");
  });

  it("status has a fundraising section: next deadlines, overdue reports, coverage", async () => {
    const s = await okJson(["status"], at(platform()));
    expect(s.fundraising.deadlines.map((d: { date: string }) => d.date)).toEqual(["2026-07-20"]);
    expect(s.fundraising.overdueReports.map((d: { kind: string; id: number }) => [d.kind, d.id])).toEqual([["proof-of-use", 2]]);
    expect(s.fundraising.coveredUntil).toBe("2026-07");
    const text = (await ok(["status"], at(platform()))).stdout;
    expect(text).toContain("Der Haushalt ist bis Ende Juli 2026 gedeckt.");
    expect(text).toContain("Überfällige Berichtsfristen");
  });

  it("the annual report has a fundraising section with the report's figures", async () => {
    const db = platform();
    expect((await okJson(["report", "annual", "2026"], at(db))).sections.fundraising).toEqual(await okJson(["funds", "report", "--year", "2026"], at(db)));
    const md = (await ok(["report", "annual", "2026"], at(db))).stdout;
    expect(md).toContain("## Fundraising");
    expect(md).toContain("### Haushalt und Deckung");
    expect(md).toContain("**Der Haushalt ist bis Ende Juli 2026 gedeckt.**");
  });

  it("a report marked submitted leaves the overdue list", async () => {
    const db = platform();
    await ok(["funds", "report-due", "done", "2"], at(db));
    expect((await okJson(["status"], at(db))).fundraising.overdueReports).toEqual([]);
  });
});

describe("CSV", () => {
  it("exports neutralise formulas", async () => {
    const db = platform();
    await ok(["funds", "income", "add", "10", "--kind", "other", "--note", "=HYPERLINK(\"http://x\")", "--date", "2026-06-01"], at(db));
    await ok(["funds", "apply", "Stadtwerke Südost", "@SUM(A1)", "--amount", "10"], at(db));
    const income = (await ok(["funds", "income", "export", "--year", "2026"], at(db))).stdout;
    // a German platform: German headers, `;`, decimal commas (test/cli/exports.test.ts has both languages)
    expect(income.split("\n")[0]).toBe("\uFEFFNr.;Datum;Betrag;Art;Herkunft;Art der Herkunft;Mittel;Antrag;Beitragsjahr;Notiz");
    expect(income).toContain("'=HYPERLINK");
    expect(income).toContain(";9000,00;");
    const apps = (await ok(["funds", "applications", "export"], at(db))).stdout;
    expect(apps).toContain("'@SUM(A1)");
    expect(await okJson(["funds", "applications", "export", "--format", "json"], at(db))).toHaveLength(6);
  });

  const BANK = [
    "Buchungstag;Auftraggeber;Verwendungszweck;Betrag",
    "02.06.2026;Hans Meier;Spende;25,00",
    "02.06.2026;Hans Meier;Spende;25,00",
    "03.06.2026;Stadtwerke;Abschlag Strom;-120,00",
    "05.06.26;Stiftung Nord;Zuwendung Rate;1.234,56",
    "",
  ].join("\n");

  it("import: twice the same file adds nothing the second time; --dry-run changes nothing", async () => {
    const db = platform();
    const file = writeTemp("konto.csv", BANK);
    const before = fileHash(db);
    const dry = await okJson(["funds", "import", file, "--kind", "donation", "--dry-run"], at(db));
    expect(dry).toMatchObject({ dryRun: true, added: 3, unchanged: 0, skipped: 1, total: 128_456 });
    expect(fileHash(db)).toBe(before);
    const first = await okJson(["funds", "import", file, "--kind", "donation"], at(db));
    expect(first).toMatchObject({ dryRun: false, added: 3, unchanged: 0, skipped: 1, total: 128_456 });
    const income = await okJson(["funds", "income", "list"], at(db));
    expect((await okJson(["funds", "report"], at(db))).income.byKind.donation).toBe(155_055 + 128_456);
    const second = await okJson(["funds", "import", file, "--kind", "donation"], at(db));
    expect(second).toMatchObject({ added: 0, unchanged: 3, skipped: 1, total: 0 });
    expect(await okJson(["funds", "income", "list"], at(db))).toEqual(income);
    // the funder named in the text is the source; the two equal transfers stay two
    expect(income.filter((i: { date: string }) => i.date === "2026-06-02")).toHaveLength(2);
    expect(income.find((i: { amount: number }) => i.amount === 123_456).source).toMatchObject({ kind: "funder", name: "Stiftung Nord" });
    expect(query(db, "SELECT count(*) AS n FROM income WHERE import_key IS NOT NULL")[0].n).toBe(3);
  });

  it("import with column options and dues recognised by the group's short code", async () => {
    const db = platform();
    const file = writeTemp("umsaetze.csv", ["Valuta,Text,Summe", "2026-06-10,Mitgliedsbeitrag NUR 2026,140.00", ""].join("\n"));
    await okJson(["funds", "import", file, "--date-column", "valuta", "--amount-column", "Summe", "--text-column", "Text", "--kind", "dues", "--delimiter", ","], at(db));
    expect((await okJson(["funds", "dues", "status"], at(db))).find((d: { group: string }) => d.group === "Moscheeverein Al-Nur")).toEqual({
      group: "Moscheeverein Al-Nur",
      assessed: 24_000,
      paid: 24_000,
      outstanding: 0,
    });
  });

  it("an invalid amount in the file: exit 1 with line and column, nothing imported", async () => {
    const db = platform();
    const file = writeTemp("konto.csv", ["Buchungstag;Verwendungszweck;Betrag", "02.06.2026;Spende;25,00", "03.06.2026;Spende;12,345,67", ""].join("\n"));
    const result = await fails(["funds", "import", file], at(db), 1);
    expect(result.stderr).toContain("12,345,67");
    expect(result.stderr).toMatch(/3/);
  });
});

describe("bad input exits 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    ["apply: the amount 12,345,67", ["funds", "apply", "Stiftung Nord", "X", "--amount", "12,345,67"], 1],
    ["apply: an unknown funder", ["funds", "apply", "Stiftung Unbekannt", "X", "--amount", "100"], 1],
    ["apply: without --amount", ["funds", "apply", "Stiftung Nord", "X"], 2],
    ["apply: a zero amount", ["funds", "apply", "Stiftung Nord", "X", "--amount", "0"], 1],
    ["apply: probability 101", ["funds", "apply", "Stiftung Nord", "X", "--amount", "100", "--probability", "101"], 1],
    ["apply: an invalid deadline", ["funds", "apply", "Stiftung Nord", "X", "--amount", "100", "--deadline", "31.02.2026"], 1],
    ["apply: restricted without purpose", ["funds", "apply", "Stiftung Nord", "X", "--amount", "100", "--restricted"], 1],
    ["apply: created as approved", ["funds", "apply", "Stiftung Nord", "X", "--amount", "100", "--stage", "approved"], 1],
    ["stage: rejected → submitted without --reopen", ["funds", "stage", "5", "submitted"], 1],
    ["stage: approved → rejected", ["funds", "stage", "1", "rejected"], 1],
    ["stage: the same stage", ["funds", "stage", "4", "submitted"], 1],
    ["stage: an unknown stage", ["funds", "stage", "4", "granted"], 1],
    ["stage: an unknown application", ["funds", "stage", "99", "submitted"], 1],
    ["stage: a date before the current stage", ["funds", "stage", "4", "approved", "--date", "2020-01-01"], 1],
    ["stage: --awarded without approval", ["funds", "stage", "4", "rejected", "--awarded", "100"], 1],
    ["stage: an invalid --awarded", ["funds", "stage", "4", "approved", "--awarded", "12,345,67"], 1],
    ["funders add: without --kind", ["funds", "funders", "add", "Neue Stiftung"], 2],
    ["funders add: an unknown kind", ["funds", "funders", "add", "Neue Stiftung", "--kind", "bank"], 1],
    ["funders add: a name taken", ["funds", "funders", "add", "stiftung nord", "--kind", "foundation"], 1],
    ["funders add: an invalid e-mail", ["funds", "funders", "add", "Neue Stiftung", "--kind", "other", "--contact", "X", "--email", "nope"], 1],
    ["funders contact: an unknown funder", ["funds", "funders", "contact", "Niemand", "Petra"], 1],
    ["funders edit: an unknown funder", ["funds", "funders", "edit", "Niemand", "--kind", "church"], 1],
    ["funders edit: nothing to change", ["funds", "funders", "edit", "Stiftung Nord"], 1],
    ["funders edit: a name another funder has", ["funds", "funders", "edit", "Stiftung Nord", "--name", "kirchenkreis süd"], 1],
    ["funders edit: an empty name", ["funds", "funders", "edit", "Stiftung Nord", "--name", " "], 1],
    ["funders edit: an unknown kind", ["funds", "funders", "edit", "Stiftung Nord", "--kind", "bank"], 1],
    ["report-due add: not approved", ["funds", "report-due", "add", "4", "interim", "2026-09-01"], 1],
    ["report-due add: an unknown kind", ["funds", "report-due", "add", "1", "annual", "2026-09-01"], 1],
    ["report-due done: already met", ["funds", "report-due", "done", "1"], 1],
    ["report-due done: unknown", ["funds", "report-due", "done", "99"], 1],
    ["income add: the amount 12,345,67", ["funds", "income", "add", "12,345,67", "--kind", "donation"], 1],
    ["income add: an unknown source", ["funds", "income", "add", "10", "--kind", "donation", "--from", "Niemand"], 1],
    ["income add: dues without a group", ["funds", "income", "add", "10", "--kind", "dues", "--from", "Maria Schmidt"], 1],
    ["income add: without --kind", ["funds", "income", "add", "10"], 2],
    ["income add: an unknown kind", ["funds", "income", "add", "10", "--kind", "gift"], 1],
    ["income add: instalment of an application not approved", ["funds", "income", "add", "10", "--application", "4"], 1],
    ["income add: instalment from another funder", ["funds", "income", "add", "10", "--application", "1", "--from", "Stadtwerke Südost"], 1],
    ["dues set: an invalid year", ["funds", "dues", "set", "26", "KOSMOS", "240"], 1],
    ["dues set: an unknown group", ["funds", "dues", "set", "2026", "NIEMAND", "240"], 1],
    ["dues set: an invalid amount", ["funds", "dues", "set", "2026", "KOSMOS", "12,345,67"], 1],
    ["dues set: --all with a group", ["funds", "dues", "set", "2026", "KOSMOS", "240", "--all"], 2],
    ["dues set: no amount", ["funds", "dues", "set", "2026", "KOSMOS"], 2],
    ["budget set: an invalid amount", ["funds", "budget", "set", "2026", "Organizer-Stelle", "12,345,67"], 1],
    ["budget set: a negative amount", ["funds", "budget", "set", "2026", "Organizer-Stelle", "-5"], 1],
    ["import: a missing file", ["funds", "import", "/nonexistent/konto.csv"], 1],
    ["deadlines: an invalid --within", ["funds", "deadlines", "--within", "bald"], 1],
    ["report: an invalid --year", ["funds", "report", "--year", "zwanzig"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("the errors say what is wrong in one line", async () => {
    const db = platform();
    expect((await fails(["funds", "apply", "Stiftung Nord", "X", "--amount", "12,345,67"], at(db), 1)).stderr).toBe(
      "Fehler: --amount: „12,345,67“ ist kein Geldbetrag — z. B. 1234.56, 1.234,56 oder 1234,56 €\n",
    );
    expect((await fails(["funds", "apply", "Stiftung Unbekannt", "X", "--amount", "100", "--lang", "en"], at(db), 1)).stderr).toMatch(/^error: no funder “Stiftung Unbekannt” — /);
    expect((await fails(["funds", "stage", "5", "submitted", "--lang", "en"], at(db), 1)).stderr).toBe(
      "error: application #5 is rejected: going back to submitted takes it up again — add --reopen if that is meant\n",
    );
  });
});

describe("amounts typed on the command line: 12,345 is refused as ambiguous in both languages", () => {
  it.each<[string, string[]]>([
    ["income add", ["funds", "income", "add", "12,345", "--kind", "donation"]],
    ["income add with the point", ["funds", "income", "add", "12.345", "--kind", "donation"]],
    ["apply --amount", ["funds", "apply", "Stiftung Nord", "X", "--amount", "40.000"]],
    ["stage --awarded", ["funds", "stage", "4", "approved", "--awarded", "45.000"]],
    ["dues set", ["funds", "dues", "set", "2027", "KOSMOS", "1.200"]],
    ["dues set --all", ["funds", "dues", "set", "2027", "--all", "1,200"]],
    ["budget set", ["funds", "budget", "set", "2027", "Miete", "12.345 €"]],
  ])("%s: exit 1, one line, nothing changed", async (_what, args) => {
    await fails(args, at(platform()), 1);
  });

  it("the German platform names both readings in German, --lang en in English", async () => {
    const db = platform();
    expect((await fails(["funds", "income", "add", "12,345", "--kind", "donation"], at(db), 1)).stderr).toBe(
      "Fehler: amount: „12,345“ ist mehrdeutig – 12,35 € oder 12.345,00 €? — den Betrag mit zwei Nachkommastellen schreiben (12,35 € oder 12.345,00 €) oder ohne Trennzeichen (12345)\n",
    );
    expect((await fails(["funds", "budget", "set", "2027", "Miete", "12.345", "--lang", "en"], at(db), 1)).stderr).toBe(
      "error: amount: “12.345” is ambiguous — €12.35 or €12,345.00? — write the amount with two decimals (€12.35 or €12,345.00) or without separators (12345)\n",
    );
  });

  it.each<[string, number]>([
    ["12,34", 1234],
    ["12.345,00", 1_234_500],
    ["12345", 1_234_500],
    ["1.234.567", 123_456_700],
    ["12.345,6", 1_234_560],
    ["1,234.56", 123_456],
    ["12,345.00 €", 1_234_500],
  ])("the unambiguous %j is accepted on a German and an English platform alike", async (input, cents) => {
    const db = platform();
    expect((await okJson(["funds", "income", "add", input, "--kind", "donation"], at(db))).amount).toBe(cents);
    expect((await okJson(["funds", "income", "add", input, "--kind", "donation", "--lang", "en"], at(db))).amount).toBe(cents);
  });
});

describe("the demo", () => {
  it("has 8 funders, 12 applications in every stage, 2 grants with reporting deadlines, dues and a budget", async () => {
    const db = join(tempDir(), "demo.db");
    await ok(["demo", "--db", db], { env: { PLATTFORM_TODAY: TODAY } });
    const opts = { db, env: { PLATTFORM_TODAY: TODAY } };
    expect(await okJson(["funds", "funders", "list"], opts)).toHaveLength(8);
    const apps = await okJson<Array<{ stage: string; id: number }>>(["funds", "applications", "list"], opts);
    expect(apps).toHaveLength(12);
    expect(new Set(apps.map((a) => a.stage))).toEqual(new Set(["idea", "drafting", "submitted", "approved", "rejected", "withdrawn"]));
    const approved = apps.filter((a) => a.stage === "approved");
    expect(approved).toHaveLength(2);
    for (const a of approved) expect((await okJson(["funds", "applications", "show", String(a.id)], opts)).reportingDeadlines.length).toBeGreaterThan(0);
    const report = await okJson(["funds", "report"], opts);
    expect(report.budget.total).toBeGreaterThan(0);
    expect(report.income.byKind.dues).toBeGreaterThan(0);
    expect(report.coveredUntil).toMatch(/^2026-\d\d$/);
    expect((await okJson(["funds", "dues", "status"], opts)).some((d: { outstanding: number }) => d.outstanding > 0)).toBe(true);
    // deterministic: a second demo on the same day has the same figures
    const again = join(tempDir(), "demo2.db");
    await ok(["demo", "--db", again], { env: { PLATTFORM_TODAY: TODAY } });
    expect(await okJson(["funds", "report"], { db: again, env: { PLATTFORM_TODAY: TODAY } })).toEqual(report);
  }, 60_000);
});

it("help lists the fundraising commands with examples, under both names", async () => {
  const help = await run(["fundraising", "--help"]);
  expect(help.code).toBe(0);
  for (const command of ["funders", "apply", "stage", "income", "dues", "budget", "report", "deadlines", "import"]) expect(help.stdout).toContain(command);
  expect((await run(["funds", "report", "--help"])).stdout).toContain("plattform funds report --json");
});
