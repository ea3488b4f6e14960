import { describe, expect, it } from "vitest";
import { cleanEmail, compareNames, cleanNotes, cleanPhone, cleanText, oneOf } from "../../src/core/validate.js";
import { GROUP_KINDS } from "../../src/groups/model.js";
import { cliErrorOf } from "./errorOf.js";

describe("cleanText", () => {
  it.each([
    ["  St. Marien  ", "St. Marien"],
    ["Moschee Neukölln", "Moschee Neukölln"],
    ["a", "a"],
    ["x".repeat(200), "x".repeat(200)],
    ["\n  trailing newline is trimmed\n", "trailing newline is trimmed"],
  ])("%j → %j", (input, expected) => {
    expect(cleanText(input, "name")).toBe(expected);
  });

  it.each([undefined, "", "   ", "\t\n"])("%j is null when optional", (input) => {
    expect(cleanText(input, "name")).toBeNull();
  });

  it.each([undefined, "", "   "])("%j is error.required when required", (input) => {
    const error = cliErrorOf(() => cleanText(input, "name", { required: true }));
    expect(error.key).toBe("error.required");
    expect(error.params).toEqual({ field: "name" });
  });

  it.each(["a\tb", "a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb"])("rejects the control character in %j", (input) => {
    const error = cliErrorOf(() => cleanText(input, "name"));
    expect(error.key).toBe("error.controlChars");
    expect(error.params).toEqual({ field: "name" });
  });

  it("rejects more than 200 characters by default", () => {
    const error = cliErrorOf(() => cleanText("x".repeat(201), "name"));
    expect(error.key).toBe("error.tooLong");
    expect(error.params).toEqual({ field: "name", max: 200 });
  });

  it("honours a custom maximum", () => {
    expect(cleanText("abcde", "short", { max: 5 })).toBe("abcde");
    const error = cliErrorOf(() => cleanText("abcdef", "short", { max: 5 }));
    expect(error.key).toBe("error.tooLong");
    expect(error.params).toEqual({ field: "short", max: 5 });
  });

  it("measures length after trimming", () => {
    expect(cleanText(`  ${"x".repeat(200)}  `, "name")).toBe("x".repeat(200));
  });
});

describe("cleanNotes", () => {
  it.each([
    ["line one\nline two", "line one\nline two"],
    ["a\r\nb", "a\nb"],
    ["a\rb", "a\nb"],
    ["  padded  \n", "padded"],
    ["x".repeat(5000), "x".repeat(5000)],
  ])("%j → %j", (input, expected) => {
    expect(cleanNotes(input)).toBe(expected);
  });

  it.each([undefined, "", "  \n\r\n "])("%j is null", (input) => {
    expect(cleanNotes(input)).toBeNull();
  });

  it.each(["a\tb", "a\u0000b", "a\u000bb", "a\u000cb", "a\u001bb", "a\u007fb", "a\u0085b"])("rejects the control character in %j", (input) => {
    const error = cliErrorOf(() => cleanNotes(input, "remark"));
    expect(error.key).toBe("error.controlChars");
    expect(error.params).toEqual({ field: "remark" });
  });

  it("rejects more than 5000 characters", () => {
    const error = cliErrorOf(() => cleanNotes("x".repeat(5001)));
    expect(error.key).toBe("error.tooLong");
    expect(error.params).toEqual({ field: "notes", max: 5000 });
  });
});

describe("cleanEmail", () => {
  it.each([
    ["info@so-mit-uns.de", "info@so-mit-uns.de"],
    ["  a.b+c@example.org ", "a.b+c@example.org"],
    ["müller@gemeinde.de", "müller@gemeinde.de"],
  ])("%j → %j", (input, expected) => {
    expect(cleanEmail(input)).toBe(expected);
  });

  it.each([undefined, "", "  "])("%j is null", (input) => {
    expect(cleanEmail(input)).toBeNull();
  });

  it.each(["plain", "a@b", "@example.org", "a@", "a b@example.org", "a@@example.org", "a@exa mple.org", "a@example."])(
    "rejects %j with error.invalidEmail",
    (input) => {
      const error = cliErrorOf(() => cleanEmail(input, "--email"));
      expect(error.key).toBe("error.invalidEmail");
      expect(error.params).toEqual({ field: "--email", value: input });
    },
  );

  it("rejects more than 254 characters", () => {
    const long = `${"a".repeat(250)}@b.de`;
    expect(cliErrorOf(() => cleanEmail(long)).key).toBe("error.tooLong");
  });

  it("rejects control characters before checking the shape", () => {
    expect(cliErrorOf(() => cleanEmail("a\u0000@b.de")).key).toBe("error.controlChars");
  });
});

describe("cleanPhone", () => {
  it.each([
    ["+49 30 1234567", "+49 30 1234567"],
    ["030/123-456", "030/123-456"],
    ["(030) 12 34 56", "(030) 12 34 56"],
    ["030.123.456", "030.123.456"],
    [" 112 ", "112"],
  ])("%j → %j", (input, expected) => {
    expect(cleanPhone(input)).toBe(expected);
  });

  it.each([undefined, "", "   "])("%j is null", (input) => {
    expect(cleanPhone(input)).toBeNull();
  });

  it.each(["12", "abc", "+", "---", "030 CALL ME", "++49 30 123", "49+30123", "030#123", "1-2"])("rejects %j with error.invalidPhone", (input) => {
    const error = cliErrorOf(() => cleanPhone(input, "--phone"));
    expect(error.key).toBe("error.invalidPhone");
    expect(error.params).toEqual({ field: "--phone", value: input });
  });

  it("rejects more than 40 characters", () => {
    expect(cliErrorOf(() => cleanPhone("1".repeat(41))).key).toBe("error.tooLong");
  });
});

describe("oneOf", () => {
  it.each([
    ["parish", "parish"],
    ["Parish", "parish"],
    ["  MOSQUE ", "mosque"],
  ])("%j → %j", (input, expected) => {
    expect(oneOf(input, GROUP_KINDS, "kind")).toBe(expected);
  });

  it.each(["church", "", "paris", "parish-x"])("rejects %j with error.notOneOf listing the allowed words", (input) => {
    const error = cliErrorOf(() => oneOf(input, GROUP_KINDS, "--kind"));
    expect(error.key).toBe("error.notOneOf");
    expect(error.params).toEqual({ field: "--kind", value: input, allowed: GROUP_KINDS.join(", ") });
  });
});

describe("compareNames: a German list's order without ICU", () => {
  it("sorts umlauts with their base letter, ß as ss, case and accents set aside", () => {
    const names = ["Zukunftswerkstatt", "Özgür Kulturverein", "ökumenisches Zentrum", "Oberschule", "Straße der Pariser Kommune", "Strasbourg-Verein", "Ärztinnen für den Kiez", "Abenteuerspielplatz", "Çağlar", "Caritas"];
    expect([...names].sort(compareNames)).toEqual([
      "Abenteuerspielplatz", "Ärztinnen für den Kiez", "Çağlar", "Caritas", "Oberschule", "ökumenisches Zentrum", "Özgür Kulturverein", "Strasbourg-Verein", "Straße der Pariser Kommune", "Zukunftswerkstatt",
    ]);
  });

  it("agrees with ICU's German collation on names that differ in their letters", () => {
    const names = ["Müller", "Mueller", "Muller", "Meier", "Mayer", "Maier", "Schröder", "Schroeder", "Schmidt", "Yılmaz", "Yildiz", "Şahin", "Sahin", "Özdemir", "Ozturk"];
    const icu = [...names].sort((a, b) => a.localeCompare(b, "de", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0));
    expect([...names].sort(compareNames)).toEqual(icu);
  });
});
