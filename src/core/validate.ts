import { CliError } from "./errors.js";
import { loadedLangs, translate, type MessageKey } from "./i18n.js";

/**
 * Control characters, and what can make text display other than it reads: bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), and line and paragraph separators (U+2028, U+2029).
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The same for text that may span lines. */
const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Whether a one-line value (a name, a title, a setting) holds characters it must not. */
export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** A single-line piece of text typed by a user: trimmed, non-empty when required, no control characters. */
export function cleanText(raw: string | undefined, field: string, options: { required?: boolean; max?: number } = {}): string | null {
  const max = options.max ?? 200;
  // Stored as NFC: a name typed in another Unicode normal form (NFD, as some systems send it) is the same name.
  const value = (raw ?? "").normalize("NFC").trim();
  if (value === "") {
    if (options.required) throw new CliError("error.required", { field });
    return null;
  }
  if (CONTROL_CHARS.test(value)) throw new CliError("error.controlChars", { field });
  if (value.length > max) throw new CliError("error.tooLong", { field, max });
  return value;
}

/** Free notes may span lines, but carry no other control characters. */
export function cleanNotes(raw: string | undefined, field = "notes"): string | null {
  const value = (raw ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (value === "") return null;
  if (CONTROL_CHARS_BUT_LINES.test(value)) throw new CliError("error.controlChars", { field });
  if (value.length > 5000) throw new CliError("error.tooLong", { field, max: 5000 });
  return value;
}

export function cleanEmail(raw: string | undefined, field = "email"): string | null {
  const value = cleanText(raw, field, { max: 254 });
  if (value === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new CliError("error.invalidEmail", { field, value });
  return value;
}

export function cleanPhone(raw: string | undefined, field = "phone"): string | null {
  const value = cleanText(raw, field, { max: 40 });
  if (value === null) return null;
  if (!/^\+?[\d\s/().-]{3,40}$/.test(value) || !/\d{3}/.test(value.replace(/\D/g, ""))) throw new CliError("error.invalidPhone", { field, value });
  return value;
}

/** One of a fixed list of words; the error lists the allowed ones. */
/**
 * One of `allowed`, typed as the code or, when `labels` names their message prefix, as the word the tool prints
 * for it in a loaded language ("Kirchengemeinde" for parish, "Vertreter/in" for representative), any case.
 */
export function oneOf<T extends string>(raw: string, allowed: readonly T[], field: string, labels?: string): T {
  const value = raw.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  if (labels !== undefined) {
    for (const lang of loadedLangs()) {
      const found = allowed.find((code) => translate(lang, `${labels}${code}` as MessageKey).trim().toLowerCase() === value);
      if (found !== undefined) return found;
    }
  }
  throw new CliError("error.notOneOf", { field, value: raw, allowed: allowed.join(", ") });
}

/**
 * The form of a name used to compare names regardless of case, in any script: SQLite's NOCASE folds only
 * ASCII, so "Ökumenisches Zentrum" and "ökumenisches zentrum" would count as two groups. Turkish dotted and
 * dotless i are folded together, as people type them either way.
 */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/i\u0307/g, "i").replace(/ı/g, "i");
}

/**
 * A name as a person may type it, for finding it: case, accents and spacing set aside, ß as ss, ä/ö/ü and their
 * spellings ae/oe/ue as a/o/u, Turkish ı and ş/ç as i, s, c (so "Fatma Sahin" finds Şahin and "Mueller" Müller).
 * Lookups try name_key first (exact); this folded form is the fallback and the basis of suggestions.
 */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/([aou])e/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** A name for sorting as a German list does (DIN 5007-1: ä as a, ß as ss), case and accents set aside. */
function sortKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss").replace(/ı/g, "i");
}

/**
 * Orders names alphabetically without ICU (localeCompare costs 7–15 ms at its first call on Node 20, on every
 * command that sorts); names equal but for case or accents keep a fixed order by their code units.
 */
export function compareNames(a: string, b: string): number {
  const [x, y] = [sortKey(a), sortKey(b)];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
