import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { closeSync } from "node:fs";
import { csvSyntaxError } from "./csvErrors.js";
import { CliError } from "./errors.js";
import { detectEncoding, openForReading, refuseControlCharacters, TextPosition, Utf8Reader, withFile, type Encoding, type FileEncoding } from "./textFile.js";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a CSV file with a header row, whole (the demo's seed files, tests). Imports use openCsv.
 */
export function readCsv(path: string, known: readonly string[], required: readonly string[]): CsvRow[] {
  return [...openCsv(path, known, required).rows];
}

/** A CSV file whose header has been read and checked; its rows are read once, a part at a time, as they are used. */
export interface CsvSource {
  readonly header: readonly string[];
  readonly rows: Iterable<CsvRow>;
  /** how the file was decoded (see core/textFile.ts) */
  readonly encoding: FileEncoding;
}

type ParsedRecord = { record: Record<string, string>; raw: string; info: { lines: number } };

/**
 * Opens a CSV file with a header row. Column names are matched case-insensitively against `known`, after `aliases`
 * (a header in lower case to its column: "kürzel" to "short") have named them; an unknown
 * or missing required column is an error naming it, raised here, before any row is used. A syntax error in a
 * later row is raised when the rows reach it, with its line.
 */
export function openCsv(
  path: string,
  known: readonly string[],
  required: readonly string[],
  options: { readonly aliases?: ReadonlyMap<string, string> | undefined; readonly encoding?: Encoding | undefined } = {},
): CsvSource {
  const { aliases } = options;
  const encoding = detectEncoding(path, options.encoding);
  const text = new CsvText(path, encoding);
  const first = withFile(path, (fd) => {
    // Up to the header row, even after a long run of blank lines.
    let part = text.nextPart(fd) ?? "";
    while (part.trim() === "" && !text.ended) part += text.nextPart(fd) ?? "";
    return part;
  });
  const delimiter = detectDelimiter(first.replace(/^\n+/, ""));
  let header: string[] = [];
  const parsePart = (part: string, lineOffset: number): CsvRow[] => {
    refuseControlCharacters(path, part, new TextPosition(lineOffset + 1));
    let records: ParsedRecord[];
    try {
      records = parse(part, {
        delimiter,
        columns: header.length === 0 ? (names: string[]) => (header = names.map((h) => columnName(h, aliases))) : header,
        skip_empty_lines: true,
        trim: true,
        info: true,
        raw: true,
        relax_column_count: false,
      }) as unknown as ParsedRecord[];
    } catch (error) {
      const e = error as { lines?: number };
      throw csvSyntaxError(path, { ...(error as object), message: (error as Error).message, lines: (e.lines ?? 0) + lineOffset });
    }
    return records.map(({ record, raw, info }) => ({ line: lineOffset + firstLineOf(raw, info.lines), values: unneutralise(record) }));
  };
  const firstRows = parsePart(first, 0);
  for (const column of header) {
    if (!known.includes(column)) throw new CliError("error.csvUnknownColumn", { column, known: known.join(", ") }, 1, "error.csvUnknownColumn.hint");
  }
  for (const column of required) {
    if (header.length > 0 && !header.includes(column)) throw new CliError("error.csvMissingColumn", { column });
  }
  let lineOffset = lineBreaks(first);
  function* rows(): Generator<CsvRow> {
    yield* firstRows.splice(0);
    if (text.ended) return;
    const fd = openForReading(path);
    try {
      for (let part = text.nextPart(fd); part !== undefined; part = text.nextPart(fd)) {
        yield* parsePart(part, lineOffset);
        lineOffset += lineBreaks(part);
      }
    } finally {
      closeSync(fd);
    }
  }
  return { header, rows: { [Symbol.iterator]: rows }, encoding };
}

/**
 * The file's text in parts that end between records: after a line break that is outside quotes (an even number
 * of quote characters before it; in a well-formed file quotes come in pairs). The cut is found in the bytes:
 * quotes and line breaks are ASCII, never part of a longer UTF-8 character, so each part decodes on its own
 * (and as one flat string: V8 searches a string built by `+` from pieces slowly, 100 times so on 1 MB).
 * Line breaks are made "\n", so that csv-parse counts lines the same way for files from any system.
 */
class CsvText {
  #carry: Buffer = Buffer.alloc(0);
  #started = false;
  readonly #reader: Utf8Reader;
  ended = false;

  constructor(
    readonly path: string,
    readonly encoding: FileEncoding,
  ) {
    this.#reader = new Utf8Reader(path, encoding);
  }

  nextPart(fd: number): string | undefined {
    while (!this.ended) {
      const chunk = this.#reader.next(fd);
      if (chunk.length === 0) this.ended = true;
      const bytes = this.#carry.length === 0 ? chunk : Buffer.concat([this.#carry, chunk]);
      const cut = this.ended ? bytes.length : afterLastRecord(bytes);
      this.#carry = Buffer.from(bytes.subarray(cut));
      if (cut > 0) return this.#decode(bytes.subarray(0, cut));
    }
    return undefined;
  }

  #decode(bytes: Buffer): string {
    let text = bytes.toString("utf8");
    if (!this.#started) {
      this.#started = true;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    return text.replace(/\r\n?/g, "\n");
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The index after the last line break outside quotes in `bytes`, 0 if there is none. A carriage return at the
 * very end does not count: it may be the first half of "\r\n".
 */
function afterLastRecord(bytes: Buffer): number {
  let quotes = 0;
  let cut = 0;
  let nextQuote = bytes.indexOf(QUOTE);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== LF && byte !== CR) continue;
    while (nextQuote !== -1 && nextQuote < i) {
      quotes++;
      nextQuote = bytes.indexOf(QUOTE, nextQuote + 1);
    }
    if (quotes % 2 !== 0) continue;
    if (byte === LF) cut = i + 1;
    else if (i + 1 < bytes.length && bytes[i + 1] !== LF) cut = i + 1;
  }
  return cut;
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** A header cell as a column name: lower case, or the column it names in another language (`aliases`, lower case). */
function columnName(header: string, aliases: ReadonlyMap<string, string> | undefined): string {
  const name = header.trim().toLowerCase();
  return aliases?.get(name) ?? name;
}

/** csv-parse reports the line a record ends on; a quoted cell may span lines, and users look for where it starts. */
function firstLineOf(raw: string, lastLine: number): number {
  const record = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return lastLine - (record.match(/\n/g)?.length ?? 0);
}

/**
 * Spreadsheets in Germany save CSV with semicolons, others with commas, Excel's "Unicode text" and `export
 * --delimiter tab` tabs: the header's most frequent of the three is the delimiter (a comma when none is there).
 */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  return [";", "\t"].reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best), ",");
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

/** Reverses neutraliseCell on import, so that an exported file imports back unchanged; text is stored NFC. */
function unneutralise(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(record)) {
    const value = raw.normalize("NFC");
    out[key] = ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
  }
  return out;
}

export function toCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  return [...csvParts(columns, rows)].join("");
}

/** toCsv's text in parts of a thousand rows, the header first: for an export of any length. */
export function csvParts(columns: readonly string[], rows: Iterable<Record<string, unknown>>): Generator<string> {
  const cellsOf = (row: Record<string, unknown>) => columns.map((c) => neutraliseCell(row[c] === null || row[c] === undefined ? "" : String(row[c])));
  return csvLines([...columns], mapRows(rows, cellsOf), ",");
}

function* mapRows<T, U>(rows: Iterable<T>, map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row);
}

/**
 * A CSV file's text in parts of a thousand records, the header first, with `delimiter` between cells. The cells
 * are written as given: the caller neutralises formulas (neutraliseCell).
 */
export function* csvLines(header: string[], records: Iterable<string[]>, delimiter: string): Generator<string> {
  yield stringify([header], { delimiter });
  let batch: string[][] = [];
  for (const record of records) {
    batch.push(record);
    if (batch.length >= 1000) {
      yield stringify(batch, { delimiter });
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch, { delimiter });
}
