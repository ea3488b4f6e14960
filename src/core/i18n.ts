import { dateText } from "./dateText.js";
import type { DateValue, MoneyValue, Params, Term } from "./errors.js";
import { formatMoney } from "./money.js";
import type { messages as English } from "../app/messages/en.js";

export type Lang = "de" | "en";

export function isLang(value: string): value is Lang {
  return value === "de" || value === "en";
}

/** German for a German locale (LANG=de_DE.UTF-8), English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("de") ? "de" : "en";
}

/**
 * A text whose noun follows a number: `{ by: "days", one: "in {days} day", other: "in {days} days" }`, the form
 * chosen by the parameter `by` names (CLDR's categories; German and English have only these two).
 */
export interface Plural {
  by: string;
  one: string;
  other: string;
}
export type Message = string | Plural;
/** Another language's catalogue for the same keys: a missing or an extra key does not compile. */
export type Messages<T> = { [K in keyof T]: Message };

/** Every key of every area (src/<area>/messages/en.ts). */
export type MessageKey = keyof typeof English;
export type Catalogue = Record<string, Message>;

const CATALOGUES: Partial<Record<Lang, Catalogue>> = {};

/**
 * Loads one language's words (one chunk of the bundle), so that a run reads only the language it speaks.
 * main() awaits this once the language is known, and again when the data file names another language.
 */
export async function loadMessages(lang: Lang): Promise<Catalogue> {
  const loaded = CATALOGUES[lang];
  if (loaded) return loaded;
  const { messages } = lang === "de" ? await import("../app/messages/de.js") : await import("../app/messages/en.js");
  return (CATALOGUES[lang] = messages);
}

/** The languages whose words are loaded (the run's, and the other one if an import needed it). */
export function loadedLangs(): Lang[] {
  return (Object.keys(CATALOGUES) as Lang[]).filter((lang) => CATALOGUES[lang] !== undefined);
}

export function isLoaded(lang: Lang): boolean {
  return CATALOGUES[lang] !== undefined;
}

/**
 * CLDR's cardinal plural rule for both German and English: "one" iff the number is the integer 1 with no visible
 * fraction digits (i = 1 and v = 0), else "other" (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
 * Written out because the first Intl call costs 20–30 ms on Node 20.
 */
export function pluralCategory(count: unknown): "one" | "other" {
  // CLDR's operands take the absolute value: "-1 day" is singular, too.
  if (typeof count === "number") return Math.abs(count) === 1 ? "one" : "other";
  return count === "1" || count === "-1" ? "one" : "other";
}

/**
 * Looks a message up and fills in {placeholders}; a plural message picks its form by the number it counts.
 * An unknown key is shown as itself, so nothing is lost.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const catalogue = CATALOGUES[lang] ?? CATALOGUES[lang === "de" ? "en" : "de"];
  if (!catalogue) throw new Error(`the messages are not loaded: await loadMessages("${lang}") first`);
  const terms = Object.entries(params).filter((entry): entry is [string, Term | DateValue | MoneyValue] => typeof entry[1] === "object");
  if (terms.length > 0) {
    // a term is filled from the same parameters, but not from terms: no loops
    const plain = Object.fromEntries(Object.entries(params).filter(([, value]) => typeof value !== "object"));
    const word = (value: Term | DateValue | MoneyValue) =>
      "date" in value ? dateText(value.date, lang) : "cents" in value ? formatMoney(value.cents, lang) : translate(lang, value.term, plain);
    params = { ...plain, ...Object.fromEntries(terms.map(([name, value]) => [name, word(value)])) };
  }
  const message = catalogue[key];
  if (message === undefined) return fill(key, params);
  return fill(typeof message === "string" ? message : message[pluralCategory(params[message.by])], params);
}

/** Fills {placeholders}; one that has no value stays visible rather than vanishing. */
export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w[\w-]*)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== "object") return String(value);
    return "date" in value ? value.date : "cents" in value ? String(value.cents) : value.term;
  });
}
