import { afterEach, describe, expect, it, vi } from "vitest";
import { berlinTime, formatDate, isIsoDate, parseDate, parseTime, shiftDate, today } from "../../src/core/dates.js";
import { cliErrorOf } from "./errorOf.js";

const BASE = "2026-12-03";

describe("parseDate: absolute dates", () => {
  it.each([
    ["2026-12-03", "2026-12-03"],
    ["2026-1-5", "2026-01-05"],
    ["  2026-12-03  ", "2026-12-03"],
    ["3.12.2026", "2026-12-03"],
    ["03.12.2026", "2026-12-03"],
    ["31.1.2026", "2026-01-31"],
    ["29.02.2028", "2028-02-29"],
    ["2028-02-29", "2028-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["31.12.2999", "2999-12-31"],
    ["1900-01-01", "1900-01-01"],
  ])("%j → %s", (input, expected) => {
    expect(parseDate(input, "date", BASE)).toBe(expected);
  });

  it.each([
    "31.02.2026",
    "30.02.2028",
    "29.02.2027",
    "2027-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "0.12.2026",
    "3.12.26",
    "12/03/2026",
    "2026/12/03",
    "1899-12-31",
    "3000-01-01",
    "",
    "   ",
    "garbage",
    "next tuesday",
    "2026-12-03T10:00",
    "20261203",
    "+10",
    "10d",
    "+10x",
    "++1d",
    "+10000d",
  ])("rejects %j with error.invalidDate", (input) => {
    const error = cliErrorOf(() => parseDate(input, "due", BASE));
    expect(error.key).toBe("error.invalidDate");
    expect(error.params).toEqual({ field: "due", value: input });
    expect(error.exitCode).toBe(1);
    expect(error.hintKey).toBe("error.invalidDate.hint");
  });
});

describe("parseDate: words and offsets relative to base", () => {
  it.each([
    ["today", "2026-12-03"],
    ["heute", "2026-12-03"],
    ["tomorrow", "2026-12-04"],
    ["morgen", "2026-12-04"],
    ["yesterday", "2026-12-02"],
    ["gestern", "2026-12-02"],
    ["Today", "2026-12-03"],
    [" MORGEN ", "2026-12-04"],
    ["+10d", "2026-12-13"],
    ["+0d", "2026-12-03"],
    ["-3d", "2026-11-30"],
    ["+30d", "2027-01-02"],
    ["+2w", "2026-12-17"],
    ["-1w", "2026-11-26"],
    ["-1m", "2026-11-03"],
    ["+1m", "2027-01-03"],
    ["+1y", "2027-12-03"],
    ["-2y", "2024-12-03"],
    ["+10D", "2026-12-13"],
  ])("%j → %s", (input, expected) => {
    expect(parseDate(input, "date", BASE)).toBe(expected);
  });

  it.each([
    ["2026-12-31", "tomorrow", "2027-01-01"],
    ["2027-01-01", "gestern", "2026-12-31"],
    ["2028-02-28", "+1d", "2028-02-29"],
    ["2027-02-28", "+1d", "2027-03-01"],
    ["2026-03-28", "+2d", "2026-03-30"], // across the switch to summer time in Berlin
    ["2026-10-24", "+2d", "2026-10-26"], // across the switch back to winter time
  ])("from %s, %j → %s", (base, input, expected) => {
    expect(parseDate(input, "date", base)).toBe(expected);
  });

  it.each([
    ["2026-01-31", "+1m", "2026-02-28"],
    ["2028-01-31", "+1m", "2028-02-29"],
    ["2026-03-31", "-1m", "2026-02-28"],
    ["2026-05-31", "+1m", "2026-06-30"],
    ["2026-08-31", "-2m", "2026-06-30"],
    ["2026-01-31", "+2m", "2026-03-31"],
    ["2028-02-29", "+1y", "2029-02-28"],
    ["2028-02-29", "-4y", "2024-02-29"],
    ["2026-11-30", "+3m", "2027-02-28"],
  ])("month-end arithmetic: %s %s → %s", (base, input, expected) => {
    expect(parseDate(input, "date", base)).toBe(expected);
  });

  it("uses today() as the default base", () => {
    vi.stubEnv("PLATTFORM_TODAY", "2026-07-15");
    try {
      expect(parseDate("tomorrow")).toBe("2026-07-16");
      expect(parseDate("-1m")).toBe("2026-06-15");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("rejects an offset that leaves the supported years 1900–2999", () => {
    expect(cliErrorOf(() => parseDate("+9999y", "date", BASE)).key).toBe("error.invalidDate");
  });

  it("an offset that stays within the supported years gives a valid ISO date", () => {
    const result = parseDate("+973y", "date", BASE);
    expect(result).toBe("2999-12-03");
    expect(isIsoDate(result)).toBe(true);
  });
});

describe("shiftDate", () => {
  it.each([
    ["2026-12-03", 1, "d", "2026-12-04"],
    ["2026-12-03", -1, "w", "2026-11-26"],
    ["2026-01-31", 1, "m", "2026-02-28"],
    ["2026-12-03", 1, "y", "2027-12-03"],
  ] as const)("%s %i%s → %s", (base, amount, unit, expected) => {
    expect(shiftDate(base, amount, unit)).toBe(expected);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2026-12-03", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2026-1-05", false],
    ["3.12.2026", false],
    ["", false],
    ["2026-12-03 ", false],
  ])("%j → %s", (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });
});

describe("parseTime", () => {
  it.each([
    ["19:00", "19:00"],
    ["9:05", "09:05"],
    ["09:05", "09:05"],
    ["19", "19:00"],
    ["0", "00:00"],
    ["19.30", "19:30"],
    ["23:59", "23:59"],
    ["00:00", "00:00"],
    [" 7:15 ", "07:15"],
  ])("%j → %s", (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(["24:00", "19:60", "19:5", "19:005", "123", "7pm", "19-30", "", "abc", "-1", "19:00:00"])(
    "rejects %j with error.invalidTime",
    (input) => {
      const error = cliErrorOf(() => parseTime(input, "end"));
      expect(error.key).toBe("error.invalidTime");
      expect(error.params).toEqual({ field: "end", value: input });
      expect(error.hintKey).toBe("error.invalidTime.hint");
    },
  );
});

describe("formatDate", () => {
  it.each([
    ["2026-12-03", "de", "03.12.2026"],
    ["2026-12-03", "en", "2026-12-03"],
    ["2028-02-29", "de", "29.02.2028"],
    [null, "de", ""],
    [undefined, "en", ""],
    ["", "de", ""],
  ] as const)("%j in %s → %j", (input, lang, expected) => {
    expect(formatDate(input, lang)).toBe(expected);
  });
});

describe("today", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("honours PLATTFORM_TODAY", () => {
    vi.stubEnv("PLATTFORM_TODAY", "2030-01-02");
    expect(today(new Date("2026-06-15T12:00:00Z"))).toBe("2030-01-02");
  });

  it("ignores a PLATTFORM_TODAY that is not a real ISO date and uses the clock", () => {
    vi.stubEnv("PLATTFORM_TODAY", "2026-02-30");
    expect(today(new Date("2026-06-15T12:00:00Z"))).toBe("2026-06-15");
  });

  it.each([
    ["2026-06-30T22:30:00Z", "2026-07-01"], // summer: Berlin is UTC+2
    ["2026-06-30T21:59:00Z", "2026-06-30"],
    ["2026-12-31T23:30:00Z", "2027-01-01"], // winter: Berlin is UTC+1
    ["2026-12-31T22:59:00Z", "2026-12-31"],
  ])("without PLATTFORM_TODAY, %s is %s in Berlin", (instant, expected) => {
    vi.stubEnv("PLATTFORM_TODAY", "");
    expect(today(new Date(instant))).toBe(expected);
  });
});

describe("berlinTime: Berlin's wall clock without Intl", () => {
  const viaIcu = (date: Date) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .format(date)
      .replace(" ", "T");

  it("agrees with ICU's Europe/Berlin at every hour around each change of 1996–2040, and at midnight", () => {
    const instants: Date[] = [];
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // the last Sunday of March and October, ±30 hours, every 30 minutes
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
        for (let t = sunday - 30 * 3_600_000; t <= sunday + 30 * 3_600_000; t += 1_800_000) instants.push(new Date(t));
      }
      // New Year's Eve around midnight Berlin time: the UTC date is still the old year
      for (const minutes of [-61, -60, -59, -1, 0, 1]) instants.push(new Date(Date.UTC(year, 11, 31, 23, minutes)));
    }
    const differing = instants.filter((d) => berlinTime(d) !== viaIcu(d)).map((d) => d.toISOString());
    expect(instants.length).toBeGreaterThan(10_000);
    expect(differing).toEqual([]);
  });

  it("today() is Berlin's date: 23:30 UTC on 31 December is already the new year there", () => {
    expect(today(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(today(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(today(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});
