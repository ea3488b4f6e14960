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
  daysPerYear,
  duesLine,
  expectedByYear,
  expectedValue,
  grantInYear,
  monthlyBudget,
  outstandingAward,
  parseWithin,
  spreadByDays,
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

describe("spreadByDays: an amount over the days of a period, per year, to the cent", () => {
  it("counts the days of each year, leap years too", () => {
    expect(daysPerYear("2026-07-01", "2027-06-30")).toEqual([
      { year: 2026, days: 184 },
      { year: 2027, days: 181 },
    ]);
    expect(daysPerYear("2028-01-01", "2028-12-31")).toEqual([{ year: 2028, days: 366 }]);
    expect(daysPerYear("2027-12-31", "2029-01-01")).toEqual([
      { year: 2027, days: 1 },
      { year: 2028, days: 366 },
      { year: 2029, days: 1 },
    ]);
  });

  it.each<[string, number, string, string, Array<[number, number]>]>([
    // 2 400 000 × 184 / 365 = 1 209 863,01…; × 181 / 365 = 1 190 136,98…: the cent left over goes to 2027
    ["the issue's grant: 24.000 € for 1.7.2026–30.6.2027", 2_400_000, "2026-07-01", "2027-06-30", [[2026, 1_209_863], [2027, 1_190_137]]],
    // 184 and 182 of 366 days (2028 is a leap year): 1 206 557,37… and 1 193 442,62… → the cent to 2028
    ["across a leap year", 2_400_000, "2027-07-01", "2028-06-30", [[2027, 1_206_557], [2028, 1_193_443]]],
    // 365, 365, 366 of 1096 days: 33 303,25…, 33 303,25…, 33 394,49… → 100 000 rounded down, the cent to 2028
    ["1.000,01 € over three years", 100_001, "2026-01-01", "2028-12-31", [[2026, 33_303], [2027, 33_303], [2028, 33_395]]],
    ["one cent over two equal parts: a tie goes to the earlier year", 1, "2026-12-31", "2027-01-01", [[2026, 1], [2027, 0]]],
    ["three cents over two equal parts", 3, "2026-12-31", "2027-01-01", [[2026, 2], [2027, 1]]],
    ["within one year: all of it", 123_457, "2028-02-01", "2028-02-29", [[2028, 123_457]]],
    ["one day", 5, "2026-05-05", "2026-05-05", [[2026, 5]]],
    ["nothing", 0, "2026-07-01", "2027-06-30", [[2026, 0], [2027, 0]]],
  ])("%s", (_what, amount, from, until, expected) => {
    const shares = spreadByDays(amount, from, until);
    expect(shares.map((s) => [s.year, s.amount])).toEqual(expected);
    expect(shares.reduce((sum, s) => sum + s.amount, 0)).toBe(amount);
  });

  it("adds up exactly, and each year is within a cent of its exact share, for large and awkward amounts", () => {
    for (const amount of [1, 2, 99, 100_001, 333_333, 2_400_000, 987_654_321, Number.MAX_SAFE_INTEGER])
      for (const [from, until] of [
        ["2026-03-17", "2031-02-28"],
        ["2027-12-31", "2029-01-01"],
        ["2028-02-29", "2028-03-01"],
      ] as const) {
        const shares = spreadByDays(amount, from, until);
        expect(shares.reduce((sum, s) => sum + s.amount, 0)).toBe(amount);
        const days = daysPerYear(from, until);
        const all = days.reduce((sum, d) => sum + d.days, 0);
        shares.forEach((s, i) => {
          const exact = (BigInt(amount) * BigInt(days[i]!.days) * 100n) / BigInt(all); // hundredths of a cent
          expect(BigInt(s.amount) * 100n - exact > -100n && BigInt(s.amount) * 100n - exact < 100n).toBe(true);
        });
      }
  });

  it("refuses a negative or fractional amount and a period that ends before it starts", () => {
    expect(() => spreadByDays(-1, "2026-01-01", "2026-12-31")).toThrow(RangeError);
    expect(() => spreadByDays(1.5, "2026-01-01", "2026-12-31")).toThrow(RangeError);
    expect(() => spreadByDays(100, "2026-12-31", "2026-01-01")).toThrow(RangeError);
  });
});

describe("expectedByYear: what an approved grant still brings, per year", () => {
  const grant = { awarded: 2_400_000, received: 0, lastReceived: null, period: { from: "2026-07-01", until: "2027-06-30" }, approvedOn: "2026-05-15" };

  it("nothing received: the award over the funding period by days", () => {
    expect(expectedByYear(grant)).toEqual([
      { year: 2026, amount: 1_209_863 },
      { year: 2027, amount: 1_190_137 },
    ]);
  });

  it("after an instalment: the rest over what remains of the period after it; the instalment plus the rest is the award", () => {
    // 1 800 000 over 16.7.2026–30.6.2027: 169 and 181 of 350 days = 869 142,86… and 930 857,14… → the cent to 2026
    const shares = expectedByYear({ ...grant, received: 600_000, lastReceived: "2026-07-15" });
    expect(shares).toEqual([
      { year: 2026, amount: 869_143 },
      { year: 2027, amount: 930_857 },
    ]);
    expect(600_000 + shares.reduce((sum, s) => sum + s.amount, 0)).toBe(2_400_000);
  });

  it("an instalment before the period starts leaves the period as it is", () => {
    expect(expectedByYear({ ...grant, received: 1_200_000, lastReceived: "2026-06-01" })).toEqual(spreadByDays(1_200_000, "2026-07-01", "2027-06-30"));
  });

  it("paid in full (or more): nothing more", () => {
    expect(expectedByYear({ ...grant, received: 2_400_000, lastReceived: "2027-01-10" })).toEqual([]);
    expect(expectedByYear({ ...grant, received: 2_500_000, lastReceived: "2027-01-10" })).toEqual([]);
  });

  it("the latest instalment on or after the period's end: the rest in that instalment's year", () => {
    expect(expectedByYear({ ...grant, received: 2_000_000, lastReceived: "2027-06-30" })).toEqual([{ year: 2027, amount: 400_000 }]);
    expect(expectedByYear({ ...grant, received: 2_000_000, lastReceived: "2028-02-01" })).toEqual([{ year: 2028, amount: 400_000 }]);
    // the last day of the period is still to come
    expect(expectedByYear({ ...grant, received: 2_000_000, lastReceived: "2027-06-29" })).toEqual([{ year: 2027, amount: 400_000 }]);
  });

  it("without a funding period: the year of approval, or of the one date known; after an instalment, its year", () => {
    expect(expectedByYear({ ...grant, period: null, approvedOn: "2025-12-01" })).toEqual([{ year: 2025, amount: 2_400_000 }]);
    expect(expectedByYear({ ...grant, period: { from: "2026-03-01", until: null }, approvedOn: "2025-12-01" })).toEqual([{ year: 2026, amount: 2_400_000 }]);
    expect(expectedByYear({ ...grant, period: { from: null, until: "2027-01-31" }, approvedOn: "2025-12-01" })).toEqual([{ year: 2027, amount: 2_400_000 }]);
    expect(expectedByYear({ ...grant, period: null, approvedOn: "2025-12-01", received: 1_000_000, lastReceived: "2026-01-15" })).toEqual([{ year: 2026, amount: 1_400_000 }]);
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
