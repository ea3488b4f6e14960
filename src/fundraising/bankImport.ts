// `fundraising import <bank.csv>`: income from a bank's account statement. Only money coming in is taken
// (debits are skipped). Every row gets a stable key — a hash of its date, amount and text plus how often the
// same row came earlier in the file — kept under a UNIQUE constraint, so importing the file again adds nothing.
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { parseDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { csvSyntaxError } from "../core/csvErrors.js";
import { CliError } from "../core/errors.js";
import { readTextFile, type Encoding } from "../core/textFile.js";
import { parseMoney } from "../core/money.js";
import { nameKey } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { listGroups } from "../groups/index.js";
import { bankRowKey, type IncomeKind } from "./model.js";
import type { Audit } from "./service.js";
import { importKeyTaken, insertIncome, listFunders } from "./store.js";

/** Column names German and English banks use, tried in order when no --…-column says which. */
const DATE_COLUMNS = ["buchungstag", "buchungsdatum", "datum", "date", "booking date", "valuta", "wertstellung", "value date"];
const AMOUNT_COLUMNS = ["betrag", "betrag (eur)", "betrag (€)", "umsatz", "amount", "amount (eur)", "value"];
const PAYER_COLUMNS = ["auftraggeber", "zahlungspflichtige", "zahlungspflichtiger", "beguenstigter/zahlungspflichtiger", "begünstigter/zahlungspflichtiger", "name", "payer", "counterparty"];
const PURPOSE_COLUMNS = ["verwendungszweck", "buchungstext", "text", "purpose", "reference", "description", "beschreibung"];

export interface BankOptions {
  dateColumn?: string;
  amountColumn?: string;
  textColumn?: string;
  delimiter?: string;
  encoding?: Encoding | undefined;
  kind: IncomeKind;
}

export interface BankRow {
  line: number;
  date: string;
  /** cents; zero or less for money going out */
  amount: number;
  text: string;
}

export interface BankLine {
  line: number;
  date: string;
  amount: number;
  text: string;
  source: string | null;
  action: "add" | "unchanged" | "skipped";
}

export interface BankReport {
  added: number;
  unchanged: number;
  skipped: number;
  /** cents added */
  total: number;
  lines: BankLine[];
}

function delimiterOf(raw: string | undefined, header: string): string {
  if (raw === undefined) return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : header.includes("\t") && !header.includes(",") ? "\t" : ",";
  const value = raw === "tab" || raw === "\\t" ? "\t" : raw;
  if ([...value].length !== 1) throw new CliError("error.funds.invalidDelimiter", { value: raw });
  return value;
}

function pick(header: string[], names: string[], wanted: string | undefined, candidates: string[], option: string): string | undefined {
  if (wanted !== undefined) {
    const key = nameKey(wanted.trim());
    if (!header.includes(key)) throw new CliError("error.funds.noSuchColumn", { column: wanted, option, columns: names.join(", ") });
    return key;
  }
  return candidates.find((c) => header.includes(c));
}

/** "31.01.26" as well as the forms parseDate reads. */
function bankDate(raw: string, column: string): string {
  const short = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(raw.trim());
  return parseDate(short ? `${short[1]}.${short[2]}.20${short[3]}` : raw, column, "2000-01-01");
}

/** Reads the statement: every row's date, amount and text, or an error naming the line and the column. */
export function readBankCsv(path: string, options: BankOptions): BankRow[] {
  const { text } = readTextFile(path, options.encoding);
  const delimiter = delimiterOf(options.delimiter, text.split("\n", 1)[0] ?? "");
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw csvSyntaxError(path, error);
  }
  const [head, ...rows] = records;
  if (!head) return [];
  const names = head.record.map((h) => h.trim());
  const header = names.map((h) => nameKey(h));
  const dateColumn = pick(header, names, options.dateColumn, DATE_COLUMNS, "--date-column");
  const amountColumn = pick(header, names, options.amountColumn, AMOUNT_COLUMNS, "--amount-column");
  if (dateColumn === undefined) throw new CliError("error.funds.columnNotFound", { option: "--date-column", columns: names.join(", ") }, 1, "error.funds.columnNotFound.hint");
  if (amountColumn === undefined) throw new CliError("error.funds.columnNotFound", { option: "--amount-column", columns: names.join(", ") }, 1, "error.funds.columnNotFound.hint");
  const textColumns =
    options.textColumn !== undefined
      ? [pick(header, names, options.textColumn, [], "--text-column")!]
      : [PAYER_COLUMNS.find((c) => header.includes(c)), PURPOSE_COLUMNS.find((c) => header.includes(c))].filter((c): c is string => c !== undefined);
  const at = (name: string) => header.indexOf(name);
  const shown = (name: string) => names[at(name)] ?? name; // the column as the file spells it
  return rows.map(({ record, info }) => {
    const line = info.lines;
    const cell = (name: string) => (record[at(name)] ?? "").trim();
    const withLine = <T>(column: string, work: () => T): T => {
      try {
        return work();
      } catch (error) {
        if (error instanceof CliError && !error.location) throw error.at(line, column);
        throw error;
      }
    };
    const date = withLine(shown(dateColumn), () => bankDate(cell(dateColumn), shown(dateColumn)));
    const amount = withLine(shown(amountColumn), () => parseMoney(cell(amountColumn).replace(/^\+/, ""), shown(amountColumn)));
    const rowText = textColumns.map(cell).filter((s) => s !== "").join(" · ").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, 500);
    return { line, date, amount, text: rowText };
  });
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 32);

function wordIn(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/** The one member group a dues transfer names (by short code or full name), if exactly one. */
function groupIn(text: string, groups: Group[]): Group | undefined {
  const found = groups.filter((g) => (g.short !== null && wordIn(text, g.short)) || wordIn(text, g.name));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Applies the rows, inside the caller's one transaction. Dues must name their group in the text (short code or
 * name; a year such as 2026 in the text says which year's dues); a funder named in the text becomes the source.
 */
export function importBankRows(db: Db, audit: Audit, rows: BankRow[], kind: IncomeKind, today: string): BankReport {
  const seen = new Map<string, number>();
  const groups = listGroups(db, today, { all: true });
  const funders = listFunders(db);
  const lines: BankLine[] = [];
  let total = 0;
  for (const row of rows) {
    const base = { line: row.line, date: row.date, amount: row.amount, text: row.text };
    if (row.amount <= 0) {
      lines.push({ ...base, source: null, action: "skipped" });
      continue;
    }
    const identity = bankRowKey(row.date, row.amount, row.text, 0, sha256);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const key = bankRowKey(row.date, row.amount, row.text, occurrence, sha256);
    if (importKeyTaken(db, key)) {
      lines.push({ ...base, source: null, action: "unchanged" });
      continue;
    }
    const group = kind === "dues" ? groupIn(row.text, groups) : undefined;
    if (kind === "dues" && !group) throw new CliError("error.funds.bankDuesWithoutGroup", { text: row.text }, 1, "error.funds.bankDuesWithoutGroup.hint").at(row.line);
    const matchedFunders = kind === "dues" ? [] : funders.filter((f) => wordIn(row.text, f.name));
    const funder = matchedFunders.length === 1 ? matchedFunders[0] : undefined;
    const years = [...row.text.matchAll(/(?<!\d)(2\d{3})(?!\d)/g)].map((m) => Number(m[1]));
    const duesYear = kind === "dues" ? (new Set(years).size === 1 ? years[0]! : Number(row.date.slice(0, 4))) : null;
    const income = {
      date: row.date,
      amount: row.amount,
      kind,
      funderId: funder?.id ?? null,
      groupId: group?.id ?? null,
      personId: null,
      sourceText: group || funder ? null : row.text || null,
      applicationId: null,
      fund: null,
      duesYear,
      note: group || funder ? row.text || null : null,
      importKey: key,
    };
    const id = insertIncome(db, income);
    audit({ entity: "income", id, action: "import", changes: income });
    total += row.amount;
    lines.push({ ...base, source: group?.name ?? funder?.name ?? null, action: "add" });
  }
  return {
    added: lines.filter((l) => l.action === "add").length,
    unchanged: lines.filter((l) => l.action === "unchanged").length,
    skipped: lines.filter((l) => l.action === "skipped").length,
    total,
    lines,
  };
}
