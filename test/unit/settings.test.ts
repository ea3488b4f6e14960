import { describe, expect, it } from "vitest";
import { BASES, MAJORITIES, SETTING_KEYS, defaultSettings, isSettingKey, parseSetting, settingsFromRows, type SettingKey } from "../../src/platform/settings.js";
import { cliErrorOf } from "./errorOf.js";

describe("parseSetting: valid values are normalised", () => {
  it.each([
    ["name", "SO! MIT UNS", "SO! MIT UNS"],
    ["name", "  Bürgerplattform Wedding  ", "Bürgerplattform Wedding"],
    ["name", "x".repeat(200), "x".repeat(200)],
    ["language", "de", "de"],
    ["language", " en ", "en"],
    ["quorum", "none", "none"],
    ["quorum", "half", "half"],
    ["quorum", " half ", "half"],
    ["quorum", "1", "1"],
    ["quorum", "12", "12"],
    ["quorum", "007", "7"],
    ["quorum", "9999", "9999"],
    ...MAJORITIES.map((m) => ["majority", m, m]),
    ...BASES.map((b) => ["base", b, b]),
    ["term-months", "12", "12"],
    ["term-months", "1", "1"],
    ["term-months", "60", "60"],
    ["term-months", "012", "12"],
    ["term-months", " 24 ", "24"],
  ] as Array<[SettingKey, string, string]>)("%s = %j → %j", (key, raw, expected) => {
    expect(parseSetting(key, raw)).toBe(expected);
  });
});

describe("parseSetting: invalid values", () => {
  it.each([
    ["name", ""],
    ["name", "   "],
    ["name", "x".repeat(201)],
    ["language", "fr"],
    ["language", "DE"],
    ["language", "deutsch"],
    ["language", ""],
    ["quorum", "0"],
    ["quorum", "000"],
    ["quorum", "-1"],
    ["quorum", "12345"],
    ["quorum", "1.5"],
    ["quorum", "all"],
    ["quorum", "Half"],
    ["quorum", ""],
    ["majority", "absolute"],
    ["majority", "two thirds"],
    ["majority", "Simple"],
    ["majority", ""],
    ["base", "yes"],
    ["base", "all"],
    ["base", ""],
    ["term-months", "0"],
    ["term-months", "61"],
    ["term-months", "120"],
    ["term-months", "1000"],
    ["term-months", "-12"],
    ["term-months", "12.5"],
    ["term-months", "twelve"],
    ["term-months", ""],
  ] as Array<[SettingKey, string]>)("%s = %j is error.invalidSetting", (key, raw) => {
    const error = cliErrorOf(() => parseSetting(key, raw));
    expect(error.key).toBe("error.invalidSetting");
    expect(error.params.key).toBe(key);
    expect(error.params.value).toBe(raw);
    expect(String(error.params.allowed)).not.toBe("");
  });

  it("lists the allowed majorities and bases in the error", () => {
    expect(cliErrorOf(() => parseSetting("majority", "x")).params.allowed).toBe("simple, two-thirds, three-quarters, unanimous");
    expect(cliErrorOf(() => parseSetting("base", "x")).params.allowed).toBe("yes-no, yes-no-abstain, present, entitled");
  });
});

describe("setting keys", () => {
  it("every key has a parser case (a valid value exists for each)", () => {
    const sample: Record<SettingKey, string> = { name: "X", language: "en", quorum: "none", majority: "simple", base: "present", "term-months": "6" };
    for (const key of SETTING_KEYS) expect(parseSetting(key, sample[key])).toBe(sample[key]);
  });

  it.each([
    ["name", true],
    ["term-months", true],
    ["quorum", true],
    ["Name", false],
    ["termMonths", false],
    ["", false],
    ["toString", false],
  ])("isSettingKey(%j) → %s", (key, expected) => {
    expect(isSettingKey(key)).toBe(expected);
  });
});

describe("defaults", () => {
  it("defaultSettings", () => {
    expect(defaultSettings("P", "en")).toEqual({ name: "P", language: "en", quorum: "half", majority: "simple", base: "yes-no", "term-months": 12 });
  });

  it("settingsFromRows with no rows gives the defaults, German", () => {
    expect(settingsFromRows([])).toEqual({ name: "", language: "de", quorum: "half", majority: "simple", base: "yes-no", "term-months": 12 });
  });

  it("settingsFromRows takes stored values and types term-months as a number", () => {
    const settings = settingsFromRows([
      { key: "name", value: "SO! MIT UNS" },
      { key: "language", value: "en" },
      { key: "quorum", value: "7" },
      { key: "majority", value: "two-thirds" },
      { key: "base", value: "entitled" },
      { key: "term-months", value: "24" },
    ]);
    expect(settings).toEqual({ name: "SO! MIT UNS", language: "en", quorum: "7", majority: "two-thirds", base: "entitled", "term-months": 24 });
  });

  it("settingsFromRows fills only what is missing", () => {
    const settings = settingsFromRows([{ key: "majority", value: "unanimous" }]);
    expect(settings.majority).toBe("unanimous");
    expect(settings.base).toBe("yes-no");
    expect(settings["term-months"]).toBe(12);
    expect(settings.quorum).toBe("half");
  });

  it("settingsFromRows falls back to German for an unknown stored language", () => {
    expect(settingsFromRows([{ key: "language", value: "fr" }]).language).toBe("de");
  });

  it("settingsFromRows ignores unknown keys", () => {
    const settings = settingsFromRows([{ key: "colour", value: "red" }]);
    expect(Object.keys(settings).sort()).toEqual([...SETTING_KEYS].sort());
  });
});
