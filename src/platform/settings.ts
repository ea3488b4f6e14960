import { hasControlChars } from "../core/validate.js";
import { CliError, term, type Term } from "../core/errors.js";

export const MAJORITIES = ["simple", "two-thirds", "three-quarters", "unanimous"] as const;
export const BASES = ["yes-no", "yes-no-abstain", "present", "entitled"] as const;

export interface Settings {
  name: string;
  language: "de" | "en";
  /** none, half (more than half of the member groups present), or a fixed number of groups */
  quorum: string;
  majority: (typeof MAJORITIES)[number];
  base: (typeof BASES)[number];
  "term-months": number;
}

export type SettingKey = keyof Settings;

export const SETTING_KEYS: readonly SettingKey[] = ["name", "language", "quorum", "majority", "base", "term-months"];

export function defaultSettings(name: string, language: "de" | "en"): Settings {
  return { name, language, quorum: "half", majority: "simple", base: "yes-no", "term-months": 12 };
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

function invalid(key: string, value: string, allowed: string | Term): never {
  throw new CliError("error.invalidSetting", { key, value, allowed }, 1, "error.invalidSetting.hint");
}

/** Validates and normalises a setting's value as typed on the command line. */
export function parseSetting(key: SettingKey, raw: string): string {
  const value = raw.trim();
  switch (key) {
    case "name":
      if (value === "" || value.length > 200) invalid(key, raw, term("settings.allowed.name"));
      // As `init --name`: a line break would break the minutes' heading and the calendar's name.
      if (hasControlChars(value)) throw new CliError("error.controlChars", { field: "name" });
      return value;
    case "language":
      if (value !== "de" && value !== "en") invalid(key, raw, "de, en");
      return value;
    case "quorum":
      if (value === "none" || value === "half") return value;
      if (/^\d{1,4}$/.test(value) && Number(value) >= 1) return String(Number(value));
      return invalid(key, raw, term("settings.allowed.quorum"));
    case "majority":
      if (!(MAJORITIES as readonly string[]).includes(value)) invalid(key, raw, MAJORITIES.join(", "));
      return value;
    case "base":
      if (!(BASES as readonly string[]).includes(value)) invalid(key, raw, BASES.join(", "));
      return value;
    case "term-months":
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 60) invalid(key, raw, "1–60");
      return String(Number(value));
  }
}

/** Builds typed settings from stored text values, falling back to defaults for anything missing. */
export function settingsFromRows(rows: Array<{ key: string; value: string }>): Settings {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const defaults = defaultSettings(stored.get("name") ?? "", stored.get("language") === "en" ? "en" : "de");
  return {
    name: defaults.name,
    language: defaults.language,
    quorum: stored.get("quorum") ?? defaults.quorum,
    majority: (stored.get("majority") as Settings["majority"]) ?? defaults.majority,
    base: (stored.get("base") as Settings["base"]) ?? defaults.base,
    "term-months": Number(stored.get("term-months") ?? defaults["term-months"]),
  };
}
