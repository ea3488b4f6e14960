import { beforeAll, describe, expect, it } from "vitest";
import { loadMessages, translate } from "../../src/core/i18n.js";
import { formatMoney, parseMoney } from "../../src/core/money.js";
import { cliErrorOf } from "./errorOf.js";

describe("parseMoney: valid amounts become integer cents", () => {
  it.each([
    ["1234.56", 123456],
    ["1234,56", 123456],
    ["1.234,56", 123456],
    ["1,234.56", 123456],
    ["1234,56 €", 123456],
    ["1234,56€", 123456],
    ["€1,234.56", 123456],
    ["€ 1234", 123400],
    ["1.234", 123400],
    ["1,234", 123400],
    ["12,345", 1234500],
    ["123.456", 12345600],
    ["1.234.567", 123456700],
    ["1,234,567.89", 123456789],
    ["1.234.567,89", 123456789],
    ["12 EUR", 1200],
    ["12eur", 1200],
    ["EUR 12,50", 1250],
    ["-5,00", -500],
    ["-1.234,56 €", -123456],
    ["0", 0],
    ["0,01", 1],
    ["0.5", 50],
    ["1,5", 150],
    ["1234", 123400],
    ["  42  ", 4200],
    ["1 234,56", 123456],
    ["10.000.000.000", 1_000_000_000_000],
  ])("%j → %i", (input, cents) => {
    const result = parseMoney(input);
    expect(result).toBe(cents);
    expect(Number.isInteger(result)).toBe(true);
  });

  it("does not suffer from floating point: 0.29 and 1.15 and 4.35 are exact", () => {
    expect(parseMoney("0.29")).toBe(29);
    expect(parseMoney("1.15")).toBe(115);
    expect(parseMoney("4,35")).toBe(435);
    expect(parseMoney("19.99")).toBe(1999);
  });

  it("a negative zero is plain zero", () => {
    expect(parseMoney("-0,00")).toBe(0);
  });
});

describe("parseMoney: invalid amounts", () => {
  it.each([
    "",
    "   ",
    "abc",
    "€",
    "EUR",
    "-",
    "1,2,3",
    "1.23.45",
    "12,345,6",
    "1,234.567",
    "1.234,567",
    "1.2.3",
    "1.234.56",
    "12.3456,78",
    "1,23,456.00",
    "12.345.6789",
    "--5",
    "+5",
    "5 USD",
    "$5",
    "1e3",
    "0x10",
    "12,34,56",
    ".",
    ",",
    "10000000000,01",
    "99999999999999999999",
  ])("rejects %j with error.invalidMoney", (input) => {
    const error = cliErrorOf(() => parseMoney(input, "--amount"));
    expect(error.key).toBe("error.invalidMoney");
    expect(error.params).toEqual({ field: "--amount", value: input });
    expect(error.exitCode).toBe(1);
    expect(error.hintKey).toBe("error.invalidMoney.hint");
  });

  it.each(["1234.567", "0.001", "12345,678"])("rejects %j (more than three digits before a thousands separator, or a leading 0)", (input) => {
    expect(cliErrorOf(() => parseMoney(input)).key).toBe("error.invalidMoney");
  });
});

describe("formatMoney", () => {
  it.each([
    [123456, "de", "1.234,56 €"],
    [123456, "en", "€1,234.56"],
    [0, "de", "0,00 €"],
    [0, "en", "€0.00"],
    [5, "de", "0,05 €"],
    [5, "en", "€0.05"],
    [100, "de", "1,00 €"],
    [99, "en", "€0.99"],
    [-500, "de", "-5,00 €"],
    [-500, "en", "-€5.00"],
    [-123456, "de", "-1.234,56 €"],
    [-123456, "en", "-€1,234.56"],
    [-1, "de", "-0,01 €"],
    [100000000, "de", "1.000.000,00 €"],
    [100000000, "en", "€1,000,000.00"],
    [12345678901, "en", "€123,456,789.01"],
    [99999, "de", "999,99 €"],
  ] as const)("%i cents in %s → %j", (cents, lang, expected) => {
    expect(formatMoney(cents, lang)).toBe(expected);
  });

  it.each([0, 1, 99, 100, 123456, 100000000, -500, -123456])("German output of %i parses back to the same cents", (cents) => {
    expect(parseMoney(formatMoney(cents, "de"))).toBe(cents);
  });

  it.each([0, 1, 99, 100, 123456, 100000000])("English output of %i parses back to the same cents", (cents) => {
    expect(parseMoney(formatMoney(cents, "en"))).toBe(cents);
  });

  it.each([-500, -123456])("English output of negative %i parses back", (cents) => {
    expect(parseMoney(formatMoney(cents, "en"))).toBe(cents);
  });
});

describe("parseMoney with ambiguous: refuse (amounts typed on the command line, in either language)", () => {
  beforeAll(async () => {
    await loadMessages("de");
    await loadMessages("en");
  });

  const strict = (input: string) => parseMoney(input, "--amount", { ambiguous: "refuse" });

  it.each([
    ["12,34", 1234],
    ["12.34", 1234],
    ["12.345,00", 1234500],
    ["12,345.00", 1234500],
    ["12345", 1234500],
    ["1.234.567", 123456700],
    ["1,234,567", 123456700],
    ["12.345,6", 1234560], // two kinds of separator: the last one is the decimal mark, one decimal is ten cents
    ["1,234.56", 123456],
    ["1.234,56 €", 123456],
    ["0,5", 50],
    ["-12,50", -1250],
  ])("accepts the unambiguous %j → %i", (input, cents) => {
    expect(strict(input)).toBe(cents);
  });

  it.each([
    ["12,345", 1235, 1234500, "12345"],
    ["12.345", 1235, 1234500, "12345"],
    ["1.234", 123, 123400, "1234"],
    ["40.000", 4000, 4000000, "40000"],
    ["999,995", 100000, 99999500, "999995"],
    ["12,345 €", 1235, 1234500, "12345"],
    ["-12,345", -1235, -1234500, "-12345"],
  ])("refuses %j naming both readings", (input, decimal, thousands, digits) => {
    const error = cliErrorOf(() => strict(input));
    expect(error.key).toBe("error.ambiguousMoney");
    expect(error.hintKey).toBe("error.ambiguousMoney.hint");
    expect(error.exitCode).toBe(1);
    expect(error.params).toEqual({ field: "--amount", value: input, decimal: { cents: decimal }, thousands: { cents: thousands }, digits });
  });

  it("the message reads both readings in the language it is shown in", () => {
    const error = cliErrorOf(() => strict("12,345"));
    expect(translate("de", error.key, error.params)).toBe("--amount: „12,345“ ist mehrdeutig – 12,35 € oder 12.345,00 €?");
    expect(translate("en", error.key, error.params)).toBe("--amount: “12,345” is ambiguous — €12.35 or €12,345.00?");
    expect(translate("de", error.hintKey!, error.params)).toContain("(12345)");
  });

  it("still refuses what is no amount at all with error.invalidMoney", () => {
    for (const input of ["12,345,6", "0,345", "1234.567", "abc"]) expect(cliErrorOf(() => strict(input)).key).toBe("error.invalidMoney");
  });

  it("without the option (bank files of a fixed format) a single separator before three digits stays thousands", () => {
    expect(parseMoney("12,345")).toBe(1234500);
    expect(parseMoney("1.234")).toBe(123400);
  });
});
