// Corrections of income (issue 16): income edit, income cancel and close-year with --reopen, run in-process.
// Every rule is checked in the write; a refusal exits 1 with one line and leaves the data file as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { recordedActor } from "../server.js";
import { buildTemplate, copyOf, fails, ok, okJson, query, writeTemp, type RunOptions } from "./util.js";

const TODAY = "2026-06-30";
const at = (db: string, extra: Record<string, string> = {}): RunOptions => ({ db, env: { PLATTFORM_TODAY: TODAY, PLATTFORM_USER: "kassenwartin", ...extra } });

/**
 * A German platform with income in 2025 and 2026:
 * #1 dues KOSMOS 240 € for 2025 (1.3.2025) · #2 instalment of grant #1 5.000 € (1.6.2025) · #3 donation Maria
 * Schmidt 100 € (1.2.2026) · #4 dues NUR 240 € for 2026 (1.3.2026) · #5 instalment of grant #1 2.000 € (1.4.2026).
 * Grant #1 (Stiftung Nord, 10.000 € awarded, 2025–2026); application #2 (submitted). Dues 240 € per group and
 * year; budget 2026 10.000 €.
 */
let template: string;
beforeAll(async () => {
  template = await buildTemplate([
    ["groups", "add", "Mieterinitiative Kosmosviertel", "--short", "KOSMOS", "--kind", "tenants", "--joined", "2020-01-01"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2020-01-01"],
    ["people", "add", "Maria Schmidt", "--group", "KOSMOS", "--role", "representative"],
    ["funds", "funders", "add", "Stiftung Nord", "--kind", "foundation"],
    ["funds", "funders", "add", "Stadtwerke Südost", "--kind", "company"],
    ["funds", "apply", "Stiftung Nord", "Organizer", "--amount", "10000", "--stage", "submitted", "--date", "2024-10-01"],
    ["funds", "stage", "1", "approved", "--from", "1.1.2025", "--until", "31.12.2026", "--date", "2024-12-01"],
    ["funds", "apply", "Stadtwerke Südost", "Sommerfest", "--amount", "1500", "--stage", "submitted", "--date", "2026-05-01"],
    ["funds", "dues", "set", "2025", "--all", "240"],
    ["funds", "dues", "set", "2026", "--all", "240"],
    ["funds", "budget", "set", "2026", "Organizer-Stelle", "10000"],
    ["funds", "income", "add", "240", "--kind", "dues", "--from", "KOSMOS", "--date", "2025-03-01"],
    ["funds", "income", "add", "5000", "--application", "1", "--date", "2025-06-01"],
    ["funds", "income", "add", "100", "--kind", "donation", "--from", "Maria Schmidt", "--date", "2026-02-01"],
    ["funds", "income", "add", "240", "--kind", "dues", "--from", "NUR", "--date", "2026-03-01"],
    ["funds", "income", "add", "2000", "--application", "1", "--date", "2026-04-01"],
  ], ["--name", "Testplattform", "--lang", "de"]);
}, 120_000);

const platform = () => copyOf(template);
const report = (db: string, year = "2026") => okJson(["funds", "report", "--year", year], at(db));
const duesOf = async (db: string, year: string, group: string) =>
  (await okJson<Array<{ group: string; paid: number; outstanding: number }>>(["funds", "dues", "status", "--year", year], at(db))).find((l) => l.group === group);
const incomeLog = (db: string) => okJson<Array<{ entity: string; entityId: number; action: string; actor: string; changes: Record<string, unknown> }>>(["log", "--entity", "income"], at(db));

describe("income edit", () => {
  it("changes only the given fields, confirms before and after, and the totals follow", async () => {
    const db = platform();
    expect((await report(db)).income.total).toBe(234_000);
    const out = (await ok(["funds", "income", "edit", "3", "--amount", "150,50", "--date", "3.2.2026"], at(db))).stdout;
    expect(out).toBe(
      "Einnahme #3 geändert.\n" +
        "vorher:  #3 100,00 € (Spenden) am 01.02.2026 von Maria Schmidt\n" +
        "nachher: #3 150,50 € (Spenden) am 03.02.2026 von Maria Schmidt\n",
    );
    const [row] = query(db, "SELECT amount, received_on, kind, person_id, note FROM income WHERE id = 3");
    expect(row).toEqual({ amount: 15_050, received_on: "2026-02-03", kind: "donation", person_id: 1, note: null });
    const r = await report(db);
    expect(r.income.total).toBe(239_050);
    expect(r.income.byKind.donation).toBe(15_050);
  });

  it("a donation becomes dues of a group: dues status and the report follow; --year names the year paid for", async () => {
    const db = platform();
    const edited = await okJson(["funds", "income", "edit", "3", "--kind", "dues", "--from", "KOSMOS", "--year", "2026"], at(db));
    expect(edited.before).toMatchObject({ kind: "donation", duesYear: null, source: { kind: "person", name: "Maria Schmidt" } });
    expect(edited.after).toMatchObject({ kind: "dues", duesYear: 2026, source: { kind: "group", name: "Mieterinitiative Kosmosviertel" } });
    expect(edited.changes).toEqual({ kind: ["donation", "dues"], groupId: [null, 1], personId: [1, null], duesYear: [null, 2026] });
    expect(await duesOf(db, "2026", "Mieterinitiative Kosmosviertel")).toMatchObject({ paid: 10_000, outstanding: 14_000 });
    expect((await report(db)).income.byKind).toMatchObject({ dues: 34_000, donation: 0 });
  });

  it("an instalment's amount changes what the grant has received, and budget coverage with it", async () => {
    const db = platform();
    const before = await okJson(["funds", "budget", "show", "--year", "2026"], at(db));
    await ok(["funds", "income", "edit", "5", "--amount", "3000"], at(db));
    const after = await okJson(["funds", "budget", "show", "--year", "2026"], at(db));
    expect(after.received).toBe(before.received + 100_000);
    expect((await okJson(["funds", "applications", "show", "1"], at(db))).received).toBe(800_000);
  });

  it("--application \"\" makes an instalment income of its own; the kind can then change", async () => {
    const db = platform();
    const edited = await okJson(["funds", "income", "edit", "5", "--application", "", "--kind", "donation"], at(db));
    expect(edited.after).toMatchObject({ kind: "donation", application: null, source: { kind: "funder", name: "Stiftung Nord" } });
    expect((await okJson(["funds", "applications", "show", "1"], at(db))).received).toBe(500_000);
  });

  it("giving the values it already has changes nothing and writes nothing to the audit log", async () => {
    const db = platform();
    const entries = (await incomeLog(db)).length;
    expect((await ok(["funds", "income", "edit", "3", "--amount", "100"], at(db))).stdout).toBe("Einnahme #3: nichts geändert.\n");
    expect((await incomeLog(db)).length).toBe(entries);
  });

  it("the audit log shows the edit as before → after, with who did it", async () => {
    const db = platform();
    await ok(["funds", "income", "edit", "3", "--amount", "120", "--note", "Korrektur laut Kontoauszug"], at(db));
    const entry = (await incomeLog(db)).at(-1)!;
    expect(entry).toMatchObject({ entityId: 3, action: "edit", actor: recordedActor("kassenwartin"), changes: { amount: [10_000, 12_000], note: [null, "Korrektur laut Kontoauszug"] } });
    expect((await ok(["log", "--entity", "income"], at(db))).stdout).toMatch(/income #3 +edit +\{"amount":\[10000,12000\]/);
  });

  it.each<[string, string[], number]>([
    ["an unknown income", ["funds", "income", "edit", "99", "--amount", "10"], 1],
    ["not a number", ["funds", "income", "edit", "Spende", "--amount", "10"], 1],
    ["nothing to change", ["funds", "income", "edit", "3"], 1],
    ["dues from a person", ["funds", "income", "edit", "3", "--kind", "dues"], 1],
    ["an instalment made a donation while still attached", ["funds", "income", "edit", "5", "--kind", "donation"], 1],
    ["an application that is not approved", ["funds", "income", "edit", "3", "--application", "2", "--kind", "grant"], 1],
    ["an application for a donation", ["funds", "income", "edit", "3", "--application", "1"], 1],
    ["an instalment from another funder", ["funds", "income", "edit", "5", "--from", "Stadtwerke Südost"], 1],
    ["--year for a donation", ["funds", "income", "edit", "3", "--year", "2025"], 1],
    ["a zero amount", ["funds", "income", "edit", "3", "--amount", "0"], 1],
    ["an ambiguous amount", ["funds", "income", "edit", "3", "--amount", "1.500"], 1],
    ["an invalid date", ["funds", "income", "edit", "3", "--date", "31.2.2026"], 1],
    ["an unknown kind", ["funds", "income", "edit", "3", "--kind", "gift"], 1],
    ["an unknown option", ["funds", "income", "edit", "3", "--betrag", "10"], 2],
  ])("refused: %s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("a refusal names the rule, not a SQLite constraint", async () => {
    const db = platform();
    expect((await fails(["funds", "income", "edit", "3", "--kind", "dues"], at(db), 1)).stderr).toBe("Fehler: Beiträge zahlt eine Mitgliedsgruppe — --from <Gruppe> angeben\n");
    expect((await fails(["funds", "income", "edit", "5", "--kind", "donation", "--lang", "en"], at(db), 1)).stderr).toBe(
      "error: an instalment of an application is a grant, not donation — leave out --application (income edit: --application \"\")\n",
    );
  });
});

describe("income cancel", () => {
  it("keeps the row, marked with day, reason and who; it counts in no total any more", async () => {
    const db = platform();
    const out = (await ok(["funds", "income", "cancel", "4", "--reason", "doppelt erfasst"], at(db))).stdout;
    expect(out).toBe(
      "Einnahme #4 storniert: 240,00 € zählen in keiner Summe mehr.\n" +
        "vorher:  #4 240,00 € (Beiträge 2026) am 01.03.2026 von Moscheeverein Al-Nur\n" +
        "nachher: #4 240,00 € (Beiträge 2026) am 01.03.2026 von Moscheeverein Al-Nur — storniert 30.06.2026: doppelt erfasst\n",
    );
    expect(query(db, "SELECT amount, cancelled_on, cancel_reason, cancelled_by FROM income WHERE id = 4")).toEqual([
      { amount: 24_000, cancelled_on: "2026-06-30", cancel_reason: "doppelt erfasst", cancelled_by: "kassenwartin" },
    ]);
    const r = await report(db);
    expect(r.income.total).toBe(210_000);
    expect(r.income.byKind.dues).toBe(0);
    expect(r.dues).toMatchObject({ paid: 0, outstanding: 48_000 });
    expect(await duesOf(db, "2026", "Moscheeverein Al-Nur")).toMatchObject({ paid: 0, outstanding: 24_000 });
    expect((await okJson(["funds", "budget", "show", "--year", "2026"], at(db))).received).toBe(210_000);
    expect((await okJson(["status"], at(db))).fundraising).toBeDefined();
  });

  it("a cancelled instalment no longer counts as received for its grant", async () => {
    const db = platform();
    await ok(["funds", "income", "cancel", "5", "--reason", "Rückbuchung"], at(db));
    expect((await okJson(["funds", "applications", "show", "1"], at(db))).received).toBe(500_000);
    expect((await report(db)).grants).toMatchObject({ received: 500_000, outstanding: 500_000 });
  });

  it("income list leaves cancelled income out and says so; --all shows it marked, outside the total", async () => {
    const db = platform();
    await ok(["funds", "income", "cancel", "3", "--reason", "Spende zurücküberwiesen"], at(db));
    const plain = await ok(["funds", "income", "list", "--year", "2026"], at(db));
    expect(plain.stdout).not.toMatch(/^3 /m);
    expect(plain.stdout).toContain("2 Einträge, zusammen 2.240,00 €.");
    expect(plain.stderr).toContain("1 stornierte Einnahme nicht gezeigt (--all zeigt sie).");
    const all = await ok(["funds", "income", "list", "--year", "2026", "--all"], at(db));
    expect(all.stdout).toMatch(/^3 .*100,00 €.*storniert 30\.06\.2026: Spende zurücküberwiesen/m);
    expect(all.stdout).toContain("2 Einträge, zusammen 2.240,00 €.");
    expect((await okJson(["funds", "income", "list", "--year", "2026"], at(db))).map((i: { id: number }) => i.id)).toEqual([4, 5]);
    const json = await okJson(["funds", "income", "list", "--year", "2026", "--all"], at(db));
    expect(json.find((i: { id: number }) => i.id === 3).cancelled).toEqual({ date: "2026-06-30", reason: "Spende zurücküberwiesen", by: "kassenwartin" });
    const csv = (await ok(["funds", "income", "export", "--year", "2026"], at(db))).stdout;
    expect(csv).not.toContain("Maria Schmidt");
  });

  it("the audit log shows the cancellation as before → after", async () => {
    const db = platform();
    await ok(["funds", "income", "cancel", "3", "--reason", "doppelt"], at(db));
    expect((await incomeLog(db)).at(-1)).toMatchObject({
      entityId: 3,
      action: "cancel",
      actor: recordedActor("kassenwartin"),
      changes: { cancelled: [null, "2026-06-30"], reason: [null, "doppelt"], by: [null, "kassenwartin"], amount: 10_000 },
    });
  });

  it("check stays green after edits and cancellations", async () => {
    const db = platform();
    await ok(["funds", "income", "edit", "5", "--amount", "2500"], at(db));
    await ok(["funds", "income", "cancel", "4", "--reason", "doppelt"], at(db));
    expect((await okJson(["check"], at(db))).ok).toBe(true);
  });

  it("people forget scrubs a person's name out of cancel reasons", async () => {
    const db = platform();
    await ok(["people", "add", "Jonas Weber"], at(db));
    await ok(["funds", "income", "cancel", "4", "--reason", "Jonas Weber hat sich vertippt"], at(db));
    await ok(["people", "forget", "Jonas Weber", "--yes"], at(db));
    const [row] = query<{ cancel_reason: string }>(db, "SELECT cancel_reason FROM income WHERE id = 4");
    expect(row!.cancel_reason).not.toContain("Jonas");
  });

  it.each<[string, string[], number]>([
    ["without --reason", ["funds", "income", "cancel", "3"], 2],
    ["an empty reason", ["funds", "income", "cancel", "3", "--reason", " "], 1],
    ["an unknown income", ["funds", "income", "cancel", "99", "--reason", "x"], 1],
  ])("refused: %s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("a cancelled income can be neither cancelled again nor edited", async () => {
    const db = platform();
    await ok(["funds", "income", "cancel", "3", "--reason", "doppelt"], at(db));
    expect((await fails(["funds", "income", "cancel", "3", "--reason", "nochmal"], at(db), 1)).stderr).toBe(
      "Fehler: Einnahme #3 ist storniert (am 30.06.2026) und bleibt, wie sie war\n",
    );
    await fails(["funds", "income", "edit", "3", "--amount", "50"], at(db), 1);
  });
});

describe("close-year and --reopen", () => {
  const closed = async () => {
    const db = platform();
    await ok(["funds", "close-year", "2025"], at(db));
    return db;
  };

  it("closes a past year, says what it holds, and is audited", async () => {
    const db = platform();
    expect((await ok(["funds", "close-year", "2025"], at(db))).stdout).toBe(
      "Jahr 2025 abgeschlossen: 2 Einnahmen, zusammen 5.240,00 €. Änderungen daran nur noch mit --reopen.\n",
    );
    expect(query(db, "SELECT year, closed_on, closed_by FROM closed_years")).toEqual([{ year: 2025, closed_on: "2026-06-30", closed_by: "kassenwartin" }]);
    const log = await okJson(["log", "--entity", "closed_year"], at(db));
    expect(log).toMatchObject([{ entityId: 2025, action: "close", actor: recordedActor("kassenwartin") }]);
  });

  it.each<[string, string[]]>([
    ["edit", ["funds", "income", "edit", "1", "--amount", "250"]],
    ["cancel", ["funds", "income", "cancel", "2", "--reason", "Rückbuchung"]],
    ["an edit moving income into the closed year", ["funds", "income", "edit", "3", "--date", "2025-12-31"]],
    ["income add dated in it", ["funds", "income", "add", "50", "--kind", "donation", "--date", "2025-12-24"]],
  ])("refuses %s inside the closed year: exit 1, nothing changed", async (_what, args) => {
    const db = await closed();
    const result = await fails(args, at(db), 1);
    expect(result.stderr).toBe("Fehler: das Jahr 2025 ist abgeschlossen (seit 30.06.2026) — --reopen angeben, wenn die Korrektur trotzdem gewollt ist (sie wird protokolliert)\n");
  });

  it("says so in English on an English request", async () => {
    const db = await closed();
    expect((await fails(["funds", "income", "cancel", "1", "--reason", "x", "--lang", "en"], at(db), 1)).stderr).toBe(
      "error: the year 2025 is closed (since 2026-06-30) — add --reopen if the correction is meant all the same (the audit log records it)\n",
    );
  });

  it("--reopen lets one correction through and the audit log records the reopening; the year stays closed", async () => {
    const db = await closed();
    await ok(["funds", "income", "edit", "1", "--amount", "250", "--reopen"], at(db));
    await ok(["funds", "income", "cancel", "2", "--reason", "Rückbuchung", "--reopen"], at(db));
    await ok(["funds", "income", "add", "50", "--kind", "donation", "--date", "2025-12-24", "--reopen"], at(db));
    const reopenings = (await okJson<Array<{ entityId: number; action: string; changes: unknown }>>(["log", "--entity", "closed_year"], at(db))).filter((e) => e.action === "reopen");
    expect(reopenings.map((e) => [e.entityId, e.changes])).toEqual([
      [2025, { income: 1, action: "edit" }],
      [2025, { income: 2, action: "cancel" }],
      [2025, { income: 6, action: "add" }],
    ]);
    expect((await report(db, "2025")).income.total).toBe(30_000);
    expect(await duesOf(db, "2025", "Mieterinitiative Kosmosviertel")).toMatchObject({ paid: 25_000 });
    await fails(["funds", "income", "edit", "1", "--amount", "260"], at(db), 1);
  });

  it("income of an open year is not touched by another year's closing", async () => {
    const db = await closed();
    await ok(["funds", "income", "edit", "3", "--amount", "110"], at(db));
    await ok(["funds", "income", "add", "10", "--kind", "donation", "--date", "2026-01-02"], at(db));
  });

  it("fundraising import refuses rows dated in a closed year unless --reopen", async () => {
    const db = await closed();
    const csv = writeTemp("konto.csv", "Buchungstag;Betrag;Verwendungszweck\n30.12.2025;75,00;Spende\n02.01.2026;20,00;Spende\n");
    await fails(["funds", "import", csv], at(db), 1);
    await ok(["funds", "import", csv, "--reopen"], at(db));
    expect(query(db, "SELECT received_on, amount FROM income WHERE import_key IS NOT NULL ORDER BY received_on")).toEqual([
      { received_on: "2025-12-30", amount: 7_500 },
      { received_on: "2026-01-02", amount: 2_000 },
    ]);
  });

  it.each<[string, string[], number]>([
    ["the current year", ["funds", "close-year", "2026"], 1],
    ["a future year", ["funds", "close-year", "2030"], 1],
    ["no year", ["funds", "close-year", "letztes"], 1],
  ])("close-year refuses %s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("close-year refuses a year closed already, naming when and by whom", async () => {
    const db = await closed();
    expect((await fails(["funds", "close-year", "2025"], at(db), 1)).stderr).toBe("Fehler: das Jahr 2025 ist schon abgeschlossen (am 30.06.2026 von kassenwartin)\n");
  });
});
