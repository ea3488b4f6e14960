import { describe, expect, it } from "vitest";
import { Context } from "../../src/core/context.js";
import { defaultSettings, parseSetting, type Settings } from "../../src/platform/settings.js";
import { hasPlatform, readSettings, writeSetting, writeSettings } from "../../src/platform/store.js";
import { cliError, count, freshDb } from "./support.js";

describe("platform settings", () => {
  it("a fresh file has no platform; reading gives the defaults with an empty name", () => {
    const db = freshDb();
    expect(hasPlatform(db)).toBe(false);
    expect(readSettings(db)).toEqual(defaultSettings("", "de"));
  });

  it("writeSettings then readSettings gives back the same settings", () => {
    const db = freshDb();
    const settings: Settings = {
      name: "SO! MIT UNS – Bürgerplattform Südost",
      language: "en",
      quorum: "7",
      majority: "two-thirds",
      base: "yes-no-abstain",
      "term-months": 18,
    };
    writeSettings(db, settings);
    expect(hasPlatform(db)).toBe(true);
    expect(readSettings(db)).toEqual(settings);
    expect(count(db, "settings")).toBe(6);
    // Stored as text, readable with sqlite3.
    expect(db.prepare("SELECT value FROM settings WHERE key = 'term-months'").pluck().get()).toBe("18");
  });

  it("writing again overwrites instead of adding rows", () => {
    const db = freshDb();
    writeSettings(db, defaultSettings("Testplattform", "de"));
    writeSetting(db, "quorum", parseSetting("quorum", " 05 "));
    writeSetting(db, "name", "Neuer Name");
    expect(count(db, "settings")).toBe(6);
    expect(readSettings(db)).toEqual({ ...defaultSettings("Neuer Name", "de"), quorum: "5" });
  });

  it("a platform's language is picked up by a Context using the file", () => {
    const db = freshDb();
    const contextLang = () => {
      const ctx = new Context({}, ["test"], { LANG: "de_DE.UTF-8" }, { path: db.name, source: "flag" });
      ctx.useDb(db);
      return ctx.lang;
    };
    writeSettings(db, defaultSettings("Testplattform", "en"));
    expect(contextLang()).toBe("en");
    writeSetting(db, "language", "de");
    expect(contextLang()).toBe("de");
  });

  it.each<[Parameters<typeof parseSetting>[0], string]>([
    ["language", "fr"],
    ["quorum", "0"],
    ["quorum", "most"],
    ["majority", "absolute"],
    ["base", "all"],
    ["term-months", "61"],
    ["name", "   "],
  ])("parseSetting refuses %s = %j", (key, value) => {
    const error = cliError(() => parseSetting(key, value));
    expect(error.key).toBe("error.invalidSetting");
    expect(error.params.key).toBe(key);
  });
});
