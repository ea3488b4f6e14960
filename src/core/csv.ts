import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { readFileSync } from "node:fs";
import { csvSyntaxError } from "./csvErrors.js";
import { CliError } from "./errors.js";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a CSV file with a header row. Column names are matched case-insensitively against `known`;
 * an unknown or missing required column is an error naming it.
 */
export function readCsv(path: string, known: readonly string[], required: readonly string[]): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError("error.cannotRead", { path }, 1, "error.cannotRead.hint");
  }
  // One kind of line break, so that csv-parse counts lines the same way for files from any system.
  text = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let header: string[] = [];
  let records: Array<{ record: Record<string, string>; raw: string; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
      relax_column_count: false,
    }) as unknown as Array<{ record: Record<string, string>; raw: string; info: { lines: number } }>;
  } catch (error) {
    throw csvSyntaxError(path, error);
  }
  for (const column of header) {
    if (!known.includes(column)) throw new CliError("error.csvUnknownColumn", { column, known: known.join(", ") }, 1, "error.csvUnknownColumn.hint");
  }
  for (const column of required) {
    if (header.length > 0 && !header.includes(column)) throw new CliError("error.csvMissingColumn", { column });
  }
  return records.map(({ record, raw, info }) => ({ line: firstLineOf(raw, info.lines), values: unneutralise(record) }));
}

/** csv-parse reports the line a record ends on; a quoted cell may span lines, and users look for where it starts. */
function firstLineOf(raw: string, lastLine: number): number {
  const record = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return lastLine - (record.match(/\n/g)?.length ?? 0);
}

/** Spreadsheets in Germany save CSV with semicolons; accept either by looking at the header. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). A cell that
 * already starts with an apostrophe before such a character gets one too, so that the import's unescaping
 * gives back exactly what was stored.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) || ESCAPED_FORMULA.test(value) ? `'${value}` : value;
}

/** Reverses neutraliseCell on import, so that an exported file imports back unchanged. */
function unneutralise(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[key] = ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
  return out;
}

export function toCsv(columns: readonly string[], rows: Array<Record<string, unknown>>): string {
  const cells = rows.map((row) => columns.map((c) => neutraliseCell(row[c] === null || row[c] === undefined ? "" : String(row[c]))));
  return stringify(cells, { header: true, columns: [...columns] });
}
