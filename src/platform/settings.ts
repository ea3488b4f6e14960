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

/**
 * The mail server for `meetings invite`, stored as settings of their own (absent until set, so `config get`
 * shows them only once set). The password is never a setting: PLATTFORM_SMTP_PASSWORD or a prompt.
 */
export const SMTP_KEYS = ["smtp.host", "smtp.port", "smtp.secure", "smtp.user", "smtp.from"] as const;
export type SmtpKey = (typeof SMTP_KEYS)[number];

export function isSmtpKey(key: string): key is SmtpKey {
  return (SMTP_KEYS as readonly string[]).includes(key);
}

/** Validates an SMTP setting; "" (an empty value) removes it. */
export function parseSmtpSetting(key: SmtpKey, raw: string): string {
  const value = raw.trim();
  if (value === "") return "";
  if (hasControlChars(value)) throw new CliError("error.controlChars", { field: key });
  switch (key) {
    case "smtp.host":
      if (!/^[A-Za-z0-9.:[\]_-]{1,253}$/.test(value)) invalid(key, raw, term("settings.allowed.host"));
      return value;
    case "smtp.port":
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) invalid(key, raw, "1–65535");
      return String(Number(value));
    case "smtp.secure": {
      const yes = ["yes", "true", "ja", "tls"], no = ["no", "false", "nein", "starttls"];
      if (yes.includes(value.toLowerCase())) return "yes";
      if (no.includes(value.toLowerCase())) return "no";
      return invalid(key, raw, "yes, no");
    }
    case "smtp.user":
      if (value.length > 200) invalid(key, raw, term("settings.allowed.name"));
      return value;
    case "smtp.from":
      // An address, or a name with the address in angle brackets: "Bürgerplattform <einladung@example.org>".
      if (value.length > 300 || !/^(?:[^<>@]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(value)) invalid(key, raw, term("settings.allowed.from"));
      return value;
  }
}
