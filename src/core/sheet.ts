// The columns of an export and of its import, in the platform's language: a German file has German headers,
// German words for coded values (a group's kind, a person's role), dates as 03.12.2026 and amounts as 1240,50;
// an English file has the column names, the codes, ISO dates and 1240.50. An import reads either.
import { loadMessages, translate, type Lang, type MessageKey } from "./i18n.js";

export interface SheetColumn {
  /** the key in the JSON objects, in the import's rows, and the English header */
  readonly key: string;
  /** the header's message: the German header (the English message is the key itself) */
  readonly header: MessageKey;
  /** date: an ISO date; money: integer cents; number: a number. Anything else is text. */
  readonly type?: "date" | "money" | "number";
  /** a coded value, shown in German as the message `${prefix}${code}` (kind.parish: Kirchengemeinde) */
  readonly codes?: { readonly prefix: string; readonly values: readonly string[] };
}

/** The header of a column in a language. */
export function headerOf(column: SheetColumn, lang: Lang): string {
  return translate(lang, column.header);
}

/** A coded value as a file in `lang` shows it: the code in English, the word the tool prints in German. */
export function codeText(column: SheetColumn, code: string, lang: Lang): string {
  if (lang === "en" || !column.codes || !column.codes.values.includes(code)) return code;
  return translate(lang, `${column.codes.prefix}${code}` as MessageKey);
}

/** An ISO date as 03.12.2026 (German) or unchanged (English). */
export function dateCell(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return lang === "de" && m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

/** Cents as 1240,50 (German) or 1240.50 (English): no grouping, no currency sign, which every spreadsheet reads. */
export function moneyCell(cents: number, lang: Lang): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.trunc(abs / 100)}${lang === "de" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
}

/**
 * One cell of a CSV file in `lang`, and whether it is a number the program wrote (such a cell is never a formula,
 * and "-12,50" keeps its sign rather than gaining an apostrophe).
 */
export function csvCell(column: SheetColumn, value: unknown, lang: Lang): { text: string; number: boolean } {
  if (value === null || value === undefined || value === "") return { text: "", number: false };
  if (column.type === "money" && typeof value === "number") return { text: moneyCell(value, lang), number: true };
  if (column.type === "number" && typeof value === "number") return { text: String(value), number: true };
  if (column.type === "date" && typeof value === "string") return { text: dateCell(value, lang), number: false };
  return { text: codeText(column, String(value), lang), number: false };
}

/** How a CSV export is written: German files take `;` and a byte-order mark (Excel reads them so), English `,`. */
export interface CsvStyle {
  readonly lang: Lang;
  readonly delimiter: string;
  readonly bom: boolean;
}

export function csvStyle(lang: Lang, opts: { readonly delimiter?: string | undefined; readonly bom?: boolean | undefined }): CsvStyle {
  const delimiter = opts.delimiter === "tab" ? "\t" : (opts.delimiter ?? (lang === "de" ? ";" : ","));
  return { lang, delimiter, bom: opts.bom ?? lang === "de" };
}

/** What an import understands, in both languages: headers (lower case) to keys, and per key words to codes. */
export interface ImportNames {
  readonly headers: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * The headers and coded values an export writes in either language, for its import: a German file imports into
 * an English platform and back. Both catalogues are loaded for this (a few small files).
 */
export async function importNames(columns: readonly SheetColumn[]): Promise<ImportNames> {
  const langs: Lang[] = ["de", "en"];
  for (const lang of langs) await loadMessages(lang);
  const headers = new Map<string, string>();
  const values = new Map<string, Map<string, string>>();
  for (const column of columns) {
    headers.set(column.key.toLowerCase(), column.key);
    for (const lang of langs) headers.set(headerOf(column, lang).trim().toLowerCase(), column.key);
    if (!column.codes) continue;
    const words = new Map<string, string>();
    for (const code of column.codes.values) {
      words.set(code.toLowerCase(), code);
      for (const lang of langs) words.set(translate(lang, `${column.codes.prefix}${code}` as MessageKey).trim().toLowerCase(), code);
    }
    values.set(column.key, words);
  }
  return { headers, values };
}

/** A row's coded values as codes: "Kirchengemeinde" and "parish" are both "parish"; an unknown word stays for the error. */
export function codesOf(values: Record<string, string>, names: ImportNames): Record<string, string> {
  let out = values;
  for (const [key, words] of names.values) {
    const value = values[key];
    if (value === undefined) continue;
    const code = words.get(value.trim().toLowerCase());
    if (code !== undefined && code !== value) out = { ...out, [key]: code };
  }
  return out;
}
