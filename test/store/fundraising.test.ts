// The fundraising tables and services against a real data file: constraints, the stage history, dues for the
// groups that are members during the year, and the bank import's keys.
import { describe, expect, it } from "vitest";
import { addGroup, groupFields, leaveGroup } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import { importBookings } from "../../src/fundraising/bankImport.js";
import { reviewIncome } from "../../src/fundraising/review.js";
import type { PromptChoice, Prompter } from "../../src/core/prompts.js";
import { addApplication, addFunder, addIncome, assessDues, changeStage, editFunder, membersDuringYear, resolveApplication, resolveFunder, setBudget } from "../../src/fundraising/service.js";
import { approvedOn, duesOfYear, incomeTotal, listApplications, listIncome, stageHistory } from "../../src/fundraising/store.js";
import { grantInYear, OPEN_STAGES } from "../../src/fundraising/model.js";
import { buildFundraisingReport, fundraisingStatus, listDeadlines } from "../../src/fundraising/report.js";
import { shiftDate } from "../../src/core/dates.js";
import { join } from "node:path";
import { openDataFile } from "../../src/core/db.js";
import { generatePlatform } from "../bench/generate.js";
import { tempDir } from "../helpers.js";
import { dbTarget } from "../server.js";
import { demoWorld } from "../worlds.js";
import { auditLog, cliError, count, freshDb, contextFor } from "./support.js";

const TODAY = "2026-06-30";

function setUp() {
  const db = freshDb();
  const { audit, entries } = auditLog();
  addGroup(db, audit, groupFields({ name: "Mieterinitiative Kosmosviertel", short: "KOSMOS", joined: "2020-01-01" }, TODAY));
  addGroup(db, audit, groupFields({ name: "Neue Gruppe", short: "NEU", joined: "2026-11-01" }, TODAY));
  const leaving = addGroup(db, audit, groupFields({ name: "SV Blau-Weiß", short: "BWJ", joined: "2020-01-01" }, TODAY));
  leaveGroup(db, audit, getGroup(db, leaving, TODAY)!, "2026-01-01", TODAY);
  addFunder(db, audit, { name: "Stiftung Nord", kind: "foundation" });
  return { db, audit, entries };
}

/** The constraint a write broke, as either engine names it: SQLite in its message, PostgreSQL by its SQLSTATE. */
function violation(write: () => unknown): "unique" | "check" | "none" | string {
  try {
    write();
    return "none";
  } catch (e) {
    const { code, message } = e as { code?: unknown; message: string };
    if (code === "23505" || /^UNIQUE constraint failed/.test(message)) return "unique";
    if (code === "23514" || /^CHECK constraint failed/.test(message)) return "check";
    return message;
  }
}

describe("the schema", () => {
  it("keeps money in integer cents and refuses what cannot be", () => {
    const { db } = setUp();
    const insert = (amount: unknown, kind = "donation", duesYear: number | null = null) =>
      db.prepare("INSERT INTO income (received_on, amount, kind, dues_year, created_at) VALUES ('2026-01-01', ?, ?, ?, 'now')").run(amount, kind, duesYear);
    expect(() => insert(12.5)).toThrow(); // STRICT: no fractions of a cent
    expect(() => insert(0)).toThrow();
    expect(() => insert(100, "dues")).toThrow(); // dues name their year
    expect(() => insert(100, "donation", 2026)).toThrow();
    insert(100, "dues", 2026);
    expect(count(db, "income")).toBe(1);
  });

  it("an import key is unique", () => {
    const { db } = setUp();
    const insert = () =>
      db.prepare("INSERT INTO income (received_on, amount, kind, import_key, created_at) VALUES ('2026-01-01', 100, 'other', 'bank:x:0', 'now')").run();
    insert();
    expect(violation(insert)).toBe("unique");
  });

  it("a cancellation has its day, reason and actor together, or none of them (schema 11)", () => {
    const { db } = setUp();
    db.prepare("INSERT INTO income (received_on, amount, kind, created_at) VALUES ('2026-01-01', 100, 'other', 'now')").run();
    const cancel = (on: string | null, reason: string | null, by: string | null) =>
      db.prepare("UPDATE income SET cancelled_on = ?, cancel_reason = ?, cancelled_by = ? WHERE id = 1").run(on, reason, by);
    expect(violation(() => cancel("2026-02-01", null, "kasse"))).toBe("check");
    expect(violation(() => cancel("2026-02-01", "doppelt", null))).toBe("check");
    expect(violation(() => cancel(null, "doppelt", "kasse"))).toBe("check");
    cancel("2026-02-01", "doppelt", "kasse");
    expect(incomeTotal(db, { from: "2026-01-01", until: "2026-12-31" })).toBe(0);
    expect(listIncome(db, {}, "").length).toBe(0);
    expect(listIncome(db, { includeCancelled: true }, "")[0]!.cancelled).toEqual({ date: "2026-02-01", reason: "doppelt", by: "kasse" });
  });
});

describe("applications", () => {
  it("the history records each stage with its date, and a reopening", () => {
    const { db, audit, entries } = setUp();
    const id = addApplication(db, audit, { funder: resolveFunder(db, "stiftung nord"), title: "Organizer", amount: "40.000,00", stage: "submitted", date: "2026-01-10" }, TODAY);
    changeStage(db, audit, resolveApplication(db, String(id)), { stage: "rejected", date: "2026-03-01" }, TODAY);
    const error = cliError(() => changeStage(db, audit, resolveApplication(db, "Organizer"), { stage: "submitted" }, TODAY));
    expect(error.key).toBe("error.funds.needsReopen");
    changeStage(db, audit, resolveApplication(db, "organizer"), { stage: "submitted", reopen: true, date: "2026-04-01" }, TODAY);
    expect(stageHistory(db, id)).toEqual([
      { stage: "submitted", date: "2026-01-10", reopened: false, note: null },
      { stage: "rejected", date: "2026-03-01", reopened: false, note: null },
      { stage: "submitted", date: "2026-04-01", reopened: true, note: null },
    ]);
    expect(entries.filter((e) => e.entity === "application").map((e) => e.action)).toEqual(["add", "stage", "stage"]);
  });

  it("an approval without --awarded awards the amount requested", () => {
    const { db, audit } = setUp();
    const id = addApplication(db, audit, { funder: resolveFunder(db, "1"), title: "X", amount: "1.234,56", stage: "submitted" }, TODAY);
    changeStage(db, audit, resolveApplication(db, String(id)), { stage: "approved" }, TODAY);
    expect(resolveApplication(db, String(id))).toMatchObject({ stage: "approved", awarded: 123_456, period: null });
  });
});

describe("an edit reads what it changes inside its write, not when the name was resolved", () => {
  it("a funder edit keeps a field another write changed meanwhile; a stage change and an instalment see today's stage", () => {
    const { db, audit } = setUp();
    const funder = resolveFunder(db, "stiftung nord"); // resolved before the write, as the command does
    db.prepare("UPDATE funders SET website = ? WHERE id = ?").run("https://nord.example", funder.id); // another laptop's edit
    editFunder(db, audit, funder, { notes: "Ansprechpartnerin neu" });
    expect(resolveFunder(db, "stiftung nord")).toMatchObject({ website: "https://nord.example", notes: "Ansprechpartnerin neu" });

    const id = addApplication(db, audit, { funder, title: "Organizer", amount: "40.000,00", stage: "submitted", date: "2026-01-10" }, TODAY);
    const stale = resolveApplication(db, String(id));
    changeStage(db, audit, resolveApplication(db, String(id)), { stage: "rejected", date: "2026-03-01" }, TODAY);
    // approving what is rejected by now is refused, though the stale copy still says submitted
    expect(cliError(() => changeStage(db, audit, stale, { stage: "approved", date: "2026-03-02" }, TODAY)).key).toBe("error.funds.stageNotAllowed");
    // an instalment of an application approved since its name was resolved is taken
    const second = addApplication(db, audit, { funder, title: "Zweite", amount: "1.000,00", stage: "submitted", date: "2026-01-10" }, TODAY);
    const before = resolveApplication(db, String(second));
    changeStage(db, audit, resolveApplication(db, String(second)), { stage: "approved", date: "2026-03-01" }, TODAY);
    addIncome(db, audit, { amount: "100", application: before, date: "2026-03-05" }, TODAY);
    expect(listIncome(db, {}, "").map((i) => i.application)).toEqual([second]);
  });
});

describe("the report reads only the applications that can count", () => {
  it("finds the same open applications, the same grants of the year and the same deadlines as a filter over all of them", () => {
    const { db, audit } = setUp();
    const funder = resolveFunder(db, "1");
    const app = (title: string, stage: string, date: string, deadline?: string) =>
      addApplication(db, audit, { funder, title, amount: "10.000,00", stage, date, deadline }, TODAY);
    const approve = (title: string, date: string, from?: string, until?: string) =>
      changeStage(db, audit, resolveApplication(db, String(app(title, "submitted", shiftDate(date, -30, "d")))), { stage: "approved", date, from, until }, TODAY);
    approve("ended last year", "2024-06-01", "2024-07-01", "2025-12-31");
    approve("ends on new year's day", "2025-01-15", "2025-02-01", "2026-01-01");
    approve("runs into next year", "2025-09-01", "2025-10-01", "2027-03-31");
    approve("starts this year, no end", "2026-02-01", "2026-03-01");
    approve("no period, approved last year", "2025-05-05");
    approve("no period, approved this year", "2026-04-04");
    approve("next year's grant", "2026-06-01", "2027-01-01", "2027-12-31");
    app("Entwurf", "drafting", "2026-05-01", "2026-07-10");
    app("Idee ohne Frist", "idea", "2026-05-02");
    app("Eingereicht", "submitted", "2026-05-03", "2026-05-20");
    changeStage(db, audit, resolveApplication(db, String(app("Abgelehnt", "submitted", "2026-01-01"))), { stage: "rejected", date: "2026-03-01" }, TODAY);

    const report = buildFundraisingReport(db, 2026, TODAY, { forgotten: "–", noSource: "–" });
    const all = listApplications(db);
    const expectedGrants = all.filter((a) => a.stage === "approved" && grantInYear(2026, a.period, approvedOn(db, a.id) ?? a.stageSince)).map((a) => a.title);
    expect(report.grants.list.map((g) => g.title)).toEqual(expectedGrants);
    expect(expectedGrants.sort()).toEqual(["ends on new year's day", "no period, approved this year", "runs into next year", "starts this year, no end"]);
    expect(report.pipeline.count).toBe(all.filter((a) => (OPEN_STAGES as readonly string[]).includes(a.stage)).length);
    expect(listDeadlines(db, TODAY, "2026-12-31").map((d) => d.title)).toEqual(["Entwurf"]);
  });
});

describe("grants over the budget years", () => {
  it("a grant whose period is over still counts in the year its late instalment comes in, and so does its rest", () => {
    const { db, audit } = setUp();
    const id = addApplication(db, audit, { funder: resolveFunder(db, "1"), title: "Alt", amount: "10.000,00", stage: "submitted", date: "2024-05-01" }, TODAY);
    changeStage(db, audit, resolveApplication(db, String(id)), { stage: "approved", date: "2024-06-01", from: "2024-07-01", until: "2025-12-31" }, TODAY);
    addFunder(db, audit, { name: "Kirchenkreis", kind: "church" });
    const other = addApplication(db, audit, { funder: resolveFunder(db, "Kirchenkreis"), title: "Neu", amount: "1.000,01", stage: "submitted", date: "2025-11-01" }, TODAY);
    changeStage(db, audit, resolveApplication(db, String(other)), { stage: "approved", date: "2025-12-01", from: "2026-01-01", until: "2028-12-31" }, TODAY);
    const labels = { forgotten: "–", noSource: "–" };
    // before the late instalment: 2026 knows nothing of the old grant (its rest belongs to its own period)
    expect(buildFundraisingReport(db, 2026, TODAY, labels).grants.list.map((g) => g.title)).toEqual(["Neu"]);
    addIncome(db, audit, { amount: "4.000,00", application: resolveApplication(db, "Alt"), date: "2026-02-01" }, TODAY);
    const report = buildFundraisingReport(db, 2026, TODAY, labels);
    expect(report.grants.list.map((g) => [g.title, g.receivedInYear, g.expectedInYear, g.securedInYear])).toEqual([
      ["Alt", 400_000, 600_000, 1_000_000],
      // 1.000,01 € over 2026–2028 (365 + 365 + 366 days): 33 303 cents for 2026
      ["Neu", 0, 33_303, 33_303],
    ]);
    expect(report.budget).toMatchObject({ received: 400_000, approved: 633_303, secured: 1_033_303 });
    expect(buildFundraisingReport(db, 2025, TODAY, labels).grants.list.map((g) => [g.title, g.expectedInYear])).toEqual([["Alt", 0]]);
    expect([2027, 2028].map((y) => buildFundraisingReport(db, y, TODAY, labels).budget.approved)).toEqual([33_303, 33_395]);
    // status counts the same as the report
    setBudget(db, audit, 2026, "Organizer-Stelle", 1_200_000);
    expect(fundraisingStatus(db, TODAY).coveredUntil).toBe(buildFundraisingReport(db, 2026, TODAY, labels).coveredUntil);
    expect(fundraisingStatus(db, TODAY).coveredUntil).toBe("2026-10"); // 1 033 303 of 100 000 a month
  });
});

describe("dues", () => {
  it("--all assesses the groups that are members on some day of the year", () => {
    const { db, audit } = setUp();
    expect(membersDuringYear(db, 2026, TODAY).map((g) => g.short)).toEqual(["KOSMOS", "NEU"]);
    expect(membersDuringYear(db, 2025, TODAY).map((g) => g.short)).toEqual(["KOSMOS", "BWJ"]);
    assessDues(db, audit, 2026, membersDuringYear(db, 2026, TODAY), 24_000);
    const kosmos = membersDuringYear(db, 2026, TODAY)[0]!;
    addIncome(db, audit, { amount: "100", kind: "dues", source: { kind: "group", group: kosmos }, date: "2026-02-01" }, TODAY);
    expect(duesOfYear(db, 2026)).toEqual([
      { groupId: kosmos.id, group: "Mieterinitiative Kosmosviertel", assessed: 24_000, paid: 10_000 },
      { groupId: 2, group: "Neue Gruppe", assessed: 24_000, paid: 0 },
    ]);
  });
});

describe("bank import", () => {
  const booking = (line: number, date: string, amount: number, payer: string, purpose: string, iban: string | null = null) => ({ line, date, amount, payer, purpose, iban, pending: false });
  const file = (bookings: ReturnType<typeof booking>[]) => ({ format: "CSV", encoding: "utf-8" as const, bookings });

  it("equal rows in one file are kept apart by their occurrence; a second run finds every key", () => {
    const { db, audit } = setUp();
    const rows = [booking(2, "2026-06-02", 2_500, "Hans Meier", "Spende"), booking(3, "2026-06-02", 2_500, "Hans Meier", "Spende"), booking(4, "2026-06-03", -12_000, "Stadtwerke", "")];
    expect(importBookings(db, audit, file(rows), "donation", TODAY)).toMatchObject({ added: 2, unchanged: 0, skipped: 1, total: 5_000 });
    expect(importBookings(db, audit, file(rows), "donation", TODAY)).toMatchObject({ added: 0, unchanged: 2, skipped: 1, total: 0 });
    // a third equal row in a later statement is new
    expect(importBookings(db, audit, file([...rows, { ...rows[0]!, line: 5 }]), "donation", TODAY)).toMatchObject({ added: 1, unchanged: 2 });
    expect(listIncome(db, {}, "?").map((i) => i.amount)).toEqual([2_500, 2_500, 2_500]);
  });

  it("a dues row that names its group is that group's dues, the year in the text its year; one naming none goes in unclassified", () => {
    const { db, audit } = setUp();
    const report = importBookings(db, audit, file([booking(7, "2026-01-05", 24_000, "", "Beitrag"), booking(2, "2026-01-05", 24_000, "", "Mitgliedsbeitrag 2025 kosmos")]), "dues", TODAY);
    expect(report).toMatchObject({ added: 2, unclassified: 1 });
    const income = listIncome(db, {}, "?");
    expect(income.find((i) => i.kind === "dues")).toMatchObject({ duesYear: 2025, source: { kind: "group", name: "Mieterinitiative Kosmosviertel" } });
    expect(income.filter((i) => i.kind === "other")).toHaveLength(1);
  });
});

describe("income review", () => {
  const booking = (line: number, date: string, amount: number, payer: string, purpose: string, iban: string | null) => ({ line, date, amount, payer, purpose, iban, pending: false });
  const KOSMOS_IBAN = "DE89370400440532013000";

  /** Answers in order; a select answer is the value to pick, which must be among the choices offered. */
  function scripted(answers: unknown[]): Prompter & { asked: string[] } {
    const asked: string[] = [];
    const next = (message: string) => {
      asked.push(message);
      if (answers.length === 0) throw new Error(`no answer left for: ${message}`);
      return answers.shift();
    };
    return {
      asked,
      input: async (o) => String(next(o.message)),
      select: async <T,>(o: { message: string; choices: Array<PromptChoice<T>> }) => {
        const value = next(o.message) as T;
        if (!o.choices.some((c) => c.value === value)) throw new Error(`${String(value)} is not offered for: ${o.message}`);
        return value;
      },
      checkbox: async () => [],
      confirm: async (o) => Boolean(next(o.message)),
    };
  }

  it("walks the unclassified bookings: dues with the group's IBAN kept, a donation, one skipped; each answer saved", async () => {
    const { db, audit } = setUp();
    const ctx = contextFor(db);
    importBookings(
      db,
      audit,
      {
        format: "CSV",
        encoding: "utf-8",
        bookings: [
          booking(2, "2026-03-02", 12_000, "Mieterini Kosmos", "Beitrag 2025", KOSMOS_IBAN),
          booking(3, "2026-03-05", 5_000, "Jürgen Weiß", "Danke", null),
          booking(4, "2026-03-06", 700, "Unbekannt", "?", null),
        ],
      },
      undefined,
      TODAY,
    );
    const kosmos = getGroup(db, 1, TODAY)!;
    const prompts = scripted(["dues", kosmos.id, true, "donation", 0, "skip"]);
    const lines: string[] = [];
    const outcome = await reviewIncome(ctx, prompts, (l) => lines.push(l), TODAY);
    expect(outcome).toEqual({ classified: 2, skipped: 1, stopped: false });
    const income = listIncome(db, {}, "?");
    expect(income.map((i) => [i.kind, i.source?.kind, i.duesYear])).toEqual([
      ["dues", "group", 2025],
      ["donation", "text", null],
      ["other", "text", null],
    ]);
    expect(getGroup(db, kosmos.id, TODAY)!.iban).toBe(KOSMOS_IBAN);
    expect(listIncome(db, { unclassified: true }, "?").map((i) => i.amount)).toEqual([700]);
    expect(lines.at(-1)).toMatch(/2 classified, 1 skipped, 1 without a classification|2 zugeordnet/);
    // the next transfer from that account is recognised by itself
    const next = importBookings(db, audit, { format: "CSV", encoding: "utf-8", bookings: [booking(2, "2026-04-02", 12_000, "Mieterini Kosmos", "Beitrag 2026", KOSMOS_IBAN)] }, undefined, TODAY);
    expect(next.lines[0]).toMatchObject({ kind: "dues", source: "Mieterinitiative Kosmosviertel", by: "iban" });
  });

  it("stopping keeps what was answered", async () => {
    const { db, audit } = setUp();
    importBookings(db, audit, { format: "CSV", encoding: "utf-8", bookings: [booking(2, "2026-03-05", 5_000, "A", "x", null), booking(3, "2026-03-06", 700, "B", "y", null)] }, undefined, TODAY);
    const outcome = await reviewIncome(contextFor(db), scripted(["donation", 0, "stop"]), () => undefined, TODAY);
    expect(outcome).toEqual({ classified: 1, skipped: 0, stopped: true });
    expect(listIncome(db, { unclassified: true }, "?")).toHaveLength(1);
  });
});

describe("the dashboard's fundraising figures", () => {
  // One platform per test: on a server a generated platform is written row by row through the synchronous bridge,
  // and the test worker must get to answer the runner between them (it gives up on a worker silent for a minute).
  let covered = 0;
  it.each([["the demo"], ["generated platform, seed 3"], ["generated platform, seed 7"]])(
    "status's budget and 'covered until' are the year's report's, days across years: %s",
    (platform) => {
      let path: string;
      if (platform === "the demo") path = dbTarget(demoWorld());
      else {
        const seed = Number(platform.slice(-1));
        path = dbTarget(join(tempDir(), `p${seed}.db`));
        generatePlatform(path, { years: 3, today: "2026-06-15", seed });
      }
      const db = openDataFile(path);
      try {
        // income on the first and the last day of a year counts for that year
        const { audit } = auditLog();
        for (const date of ["2026-01-01", "2026-12-31"]) addIncome(db, audit, { amount: "1234,56", kind: "donation", date }, TODAY);
        for (const year of [2023, 2024, 2025, 2026, 2027]) {
          const income = listIncome(db, { from: `${year}-01-01`, until: `${year}-12-31` }, "");
          expect(incomeTotal(db, { from: `${year}-01-01`, until: `${year}-12-31` }), String(year)).toBe(income.reduce((sum, i) => sum + i.amount, 0));
        }
        for (const day of ["2023-01-01", "2024-03-31", "2025-07-01", "2026-06-15", "2026-12-05", "2026-12-31", "2027-02-01"]) {
          const status = fundraisingStatus(db, day);
          const report = buildFundraisingReport(db, Number(day.slice(0, 4)), day, { forgotten: "", noSource: "" });
          expect(status.budget, day).toBe(report.budget.total);
          expect(status.coveredUntil, day).toBe(report.coveredUntil);
          if (status.coveredUntil !== null) covered++;
        }
      } finally {
        db.close();
      }
    },
    120_000,
  );

  it("the comparisons saw real figures, not only empty years", () => {
    expect(covered).toBeGreaterThan(0);
  });
});
