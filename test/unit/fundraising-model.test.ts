// The pure fundraising rules: stage transitions, expected value, the monthly budget, coverage, money input.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "../../src/core/money.js";
import {
  bankRowKey,
  checkTransition,
  coveredMonths,
  coveredUntil,
  daysBetween,
  duesLine,
  expectedValue,
  grantInYear,
  monthlyBudget,
  outstandingAward,
  parseWithin,
  STAGES,
  sumCents,
  type Stage,
} from "../../src/fundraising/model.js";

describe("expectedValue: Σ amount × probability, divided by 100 once, half up", () => {
  it.each<[string, Array<{ amount: number; probability: number }>, number]>([
    ["nothing", [], 0],
    ["one row, exact", [{ amount: 4_000_000, probability: 60 }], 2_400_000],
    ["0 %", [{ amount: 123_456, probability: 0 }], 0],
    ["100 %", [{ amount: 123_457, probability: 100 }], 123_457],
    ["half a cent rounds up", [{ amount: 1, probability: 50 }], 1],
    ["0.49 cent rounds down", [{ amount: 7, probability: 7 }], 0],
    ["0.5 exactly from two rows", [{ amount: 1, probability: 25 }, { amount: 1, probability: 25 }], 1],
    // per row: 0 + 0 + 0 (each 0.33 cent); once: 0.99 → 1
    ["rows too small alone add up", [{ amount: 1, probability: 33 }, { amount: 1, probability: 33 }, { amount: 1, probability: 33 }], 1],
    // per row: 110 000 + 50 001 + 2 025 000 = 2 185 001; once: 218 500 039 / 100 → 2 185 000
    [
      "the scripted year",
      [
        { amount: 333_333, probability: 33 },
        { amount: 100_001, probability: 50 },
        { amount: 4_500_000, probability: 45 },
      ],
      2_185_000,
    ],
    ["large amounts stay exact", [{ amount: 1_000_000_000_000, probability: 99 }, { amount: 1_000_000_000_000, probability: 99 }], 1_980_000_000_000],
  ])("%s", (_what, rows, expected) => {
    expect(expectedValue(rows)).toBe(expected);
  });

  it("refuses fractions and out-of-range probabilities", () => {
    expect(() => expectedValue([{ amount: 10.5, probability: 10 }])).toThrow(RangeError);
    expect(() => expectedValue([{ amount: 10, probability: 101 }])).toThrow(RangeError);
    expect(() => expectedValue([{ amount: 10, probability: 12.5 }])).toThrow(RangeError);
  });
});

describe("monthlyBudget: the total in twelve integer shares, the remainder to the first months", () => {
  it.each<[number, number[]]>([
    [0, Array(12).fill(0)],
    [1_200, Array(12).fill(100)],
    [11, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]],
    [6_000_005, [500_001, 500_001, 500_001, 500_001, 500_001, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000, 500_000]],
    [6_240_000, Array(12).fill(520_000)],
    [1_234_567, [102_881, 102_881, 102_881, 102_881, 102_881, 102_881, 102_881, 102_880, 102_880, 102_880, 102_880, 102_880]],
  ])("%i cents", (total, months) => {
    const shares = monthlyBudget(total);
    expect(shares).toEqual(months);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe("coverage: the last month whose cumulative budget the money covers", () => {
  it.each<[string, number, number, number, string | null, number | null]>([
    ["no budget", 2026, 0, 1_000, null, null],
    ["nothing available", 2026, 1_200, 0, null, 0],
    ["one cent short of January", 2026, 1_200, 99, null, 0],
    ["exactly January", 2026, 1_200, 100, "2026-01", 1],
    ["seven months and a bit (the scripted year)", 2026, 6_000_005, 3_861_055, "2026-07", 7],
    ["the remainder cent counts: 5 × 500 001", 2026, 6_000_005, 2_500_005, "2026-05", 5],
    ["one cent less", 2026, 6_000_005, 2_500_004, "2026-04", 4],
    ["all of it", 2027, 6_000_005, 6_000_005, "2027-12", 12],
    ["more than enough", 2027, 1_200, 999_999, "2027-12", 12],
  ])("%s", (_what, year, budget, available, month, months) => {
    expect(coveredUntil(year, budget, available)).toBe(month);
    expect(coveredMonths(budget, available)).toBe(months);
  });
});

describe("stage transitions", () => {
  const table: Array<[Stage, Stage, boolean, string]> = [
    ["idea", "drafting", false, "ok"],
    ["idea", "submitted", false, "ok"],
    ["idea", "approved", false, "notAllowed"],
    ["drafting", "idea", false, "ok"],
    ["submitted", "approved", false, "ok"],
    ["submitted", "rejected", false, "ok"],
    ["submitted", "withdrawn", false, "ok"],
    ["submitted", "idea", false, "notAllowed"],
    ["rejected", "submitted", false, "needsReopen"],
    ["rejected", "submitted", true, "reopened"],
    ["rejected", "approved", true, "notAllowed"],
    ["withdrawn", "drafting", false, "needsReopen"],
    ["withdrawn", "idea", true, "reopened"],
    ["approved", "rejected", false, "notAllowed"],
    ["approved", "submitted", false, "needsReopen"],
    ["approved", "submitted", true, "reopened"],
    ["submitted", "submitted", true, "same"],
    ["submitted", "approved", true, "ok"],
  ];
  it.each(table)("%s → %s (reopen %s): %s", (from, to, reopen, expected) => {
    const result = checkTransition(from, to, reopen);
    const got = result.ok ? (result.reopened ? "reopened" : "ok") : result.reason;
    expect(got).toBe(expected);
  });

  it("no open stage is a dead end and no closed stage leads anywhere without --reopen", () => {
    for (const from of STAGES) {
      const onward = STAGES.filter((to) => checkTransition(from, to, false).ok);
      if (["idea", "drafting", "submitted"].includes(from)) expect(onward.length).toBeGreaterThan(0);
      else expect(onward).toEqual([]);
    }
  });
});

describe("money input: German and English forms, integer cents", () => {
  it.each<[string, number]>([
    ["1234.56", 123_456],
    ["1.234,56", 123_456],
    ["1,234.56", 123_456],
    ["1234,56 €", 123_456],
    ["€1,234.56", 123_456],
    ["40.000", 4_000_000],
    ["3.333,33", 333_333],
    ["0,01", 1],
  ])("%s → %i", (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each(["12,345,67", "1.2.3", "12,3456", "1.234.5", "abc", "", "12.345,678"])("%s is refused", (input) => {
    expect(() => parseMoney(input)).toThrow();
  });

  it("prints in the language's format", () => {
    expect(formatMoney(2_185_000, "de")).toBe("21.850,00 €");
    expect(formatMoney(2_185_000, "en")).toBe("€21,850.00");
    expect(formatMoney(-5, "de")).toBe("-0,05 €");
  });
});

describe("small rules", () => {
  it("sums cents as integers and refuses fractions", () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(() => sumCents([0.1, 0.2])).toThrow(RangeError);
  });

  it("outstanding dues and awards never go below zero", () => {
    expect(duesLine("A", 24_000, 10_000)).toEqual({ group: "A", assessed: 24_000, paid: 10_000, outstanding: 14_000 });
    expect(duesLine("A", 24_000, 30_000).outstanding).toBe(0);
    expect(outstandingAward(3_600_000, 1_800_000)).toBe(1_800_000);
    expect(outstandingAward(100, 200)).toBe(0);
    expect(outstandingAward(null, 0)).toBe(0);
  });

  it("a grant belongs to the years of its funding period, else to its approval's year", () => {
    expect(grantInYear(2026, { from: "2025-07-01", until: "2026-06-30" }, "2025-05-01")).toBe(true);
    expect(grantInYear(2027, { from: "2025-07-01", until: "2026-06-30" }, "2025-05-01")).toBe(false);
    expect(grantInYear(2025, null, "2025-05-01")).toBe(true);
    expect(grantInYear(2026, null, "2025-05-01")).toBe(false);
    expect(grantInYear(2026, { from: "2026-01-01", until: null }, "2025-12-01")).toBe(true);
  });

  it.each<[string, ReturnType<typeof parseWithin>]>([
    ["60d", { amount: 60, unit: "d" }],
    ["+8w", { amount: 8, unit: "w" }],
    ["3M", { amount: 3, unit: "m" }],
    ["30", { amount: 30, unit: "d" }],
    ["bald", null],
    ["-5d", null],
  ])("--within %s", (raw, expected) => {
    expect(parseWithin(raw)).toEqual(expected);
  });

  it("days between dates, across a change to summer time", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-06-30", "2026-06-15")).toBe(-15);
  });

  it("bank row keys: the same row gives the same key; spacing and case do not matter; the occurrence does", () => {
    const hash = (s: string) => createHash("sha256").update(s).digest("hex");
    const a = bankRowKey("2026-06-02", 2_500, "Hans Meier · Spende", 0, hash);
    expect(bankRowKey("2026-06-02", 2_500, "  hans  meier · SPENDE ", 0, hash)).toBe(a);
    expect(bankRowKey("2026-06-02", 2_500, "Hans Meier · Spende", 1, hash)).not.toBe(a);
    expect(bankRowKey("2026-06-03", 2_500, "Hans Meier · Spende", 0, hash)).not.toBe(a);
    expect(bankRowKey("2026-06-02", 2_501, "Hans Meier · Spende", 0, hash)).not.toBe(a);
  });
});
