// The account statements German banks export: their CSV layouts (profiles, found by the header row, which may
// sit below a block of account details) and the bank-neutral CAMT.053 XML. Each gives the same bookings: date,
// amount, the payer's IBAN and name, the purpose. Column names were checked against published samples of each
// bank's export (README, "Bank statements").
import { parse } from "csv-parse/sync";
import { parseDate } from "../core/dates.js";
import { csvSyntaxError } from "../core/csvErrors.js";
import { CliError } from "../core/errors.js";
import { normaliseIban } from "../core/iban.js";
import { parseMoney } from "../core/money.js";
import { TextPosition, refuseControlCharacters } from "../core/textFile.js";
import { nameKey } from "../core/validate.js";

export interface Booking {
  /** the line of the CSV row, or the entry's number in a CAMT file */
  line: number;
  date: string;
  /** cents; zero or less for money going out */
  amount: number;
  iban: string | null;
  payer: string;
  purpose: string;
  /** not yet booked by the bank (DKB "Vorgemerkt", Sparkasse "Umsatz vorgemerkt", CAMT PDNG): skipped */
  pending: boolean;
}

/** Which columns of a layout hold what; each a list of names tried in order (compared by nameKey). */
interface Profile {
  id: string;
  label: string;
  /** all of these columns present: this is the layout */
  signature: string[];
  date: string[];
  amount: string[];
  /** a separate credit column (Deutsche Bank's "Haben"), used when the amount column is empty */
  credit?: string[];
  debit?: string[];
  payer: string[];
  iban: string[];
  purpose: string[];
  pending?: { column: string; pattern: RegExp };
}

export const PROFILES: Profile[] = [
  {
    id: "sparkasse",
    label: "Sparkasse (CSV-CAMT)",
    signature: ["auftragskonto", "buchungstag", "beguenstigter/zahlungspflichtiger", "kontonummer/iban", "betrag"],
    date: ["buchungstag"],
    amount: ["betrag"],
    payer: ["beguenstigter/zahlungspflichtiger"],
    iban: ["kontonummer/iban"],
    purpose: ["verwendungszweck"],
    pending: { column: "info", pattern: /vorgemerkt/i },
  },
  {
    id: "volksbank",
    label: "Volksbank, Raiffeisenbank, GLS (Atruvia)",
    signature: ["bezeichnung auftragskonto", "buchungstag", "name zahlungsbeteiligter", "iban zahlungsbeteiligter", "betrag"],
    date: ["buchungstag"],
    amount: ["betrag"],
    payer: ["name zahlungsbeteiligter"],
    iban: ["iban zahlungsbeteiligter"],
    purpose: ["verwendungszweck"],
  },
  {
    id: "ing",
    label: "ING",
    signature: ["buchung", "auftraggeber/empfänger", "verwendungszweck", "betrag"],
    date: ["buchung"],
    amount: ["betrag"],
    payer: ["auftraggeber/empfänger"],
    iban: ["iban"],
    purpose: ["verwendungszweck"],
  },
  {
    id: "dkb",
    label: "DKB",
    signature: ["buchungsdatum", "status", "zahlungspflichtige*r", "zahlungsempfänger*in", "betrag (€)"],
    date: ["buchungsdatum"],
    amount: ["betrag (€)"],
    payer: ["zahlungspflichtige*r"],
    iban: ["iban"],
    purpose: ["verwendungszweck"],
    pending: { column: "status", pattern: /vorgemerkt/i },
  },
  {
    id: "deutsche-bank",
    label: "Deutsche Bank, Postbank, norisbank",
    signature: ["buchungstag", "wert", "umsatzart", "begünstigter / auftraggeber", "soll", "haben"],
    date: ["buchungstag"],
    amount: ["betrag"],
    credit: ["haben"],
    debit: ["soll"],
    payer: ["begünstigter / auftraggeber"],
    iban: ["iban / kontonummer", "iban"],
    purpose: ["verwendungszweck"],
  },
  {
    id: "postbank",
    label: "Postbank (before 2023)",
    signature: ["buchungstag", "umsatzart", "buchungsdetails", "auftraggeber", "empfänger", "betrag (€)"],
    date: ["buchungstag"],
    amount: ["betrag (€)"],
    payer: ["auftraggeber"],
    iban: ["iban"],
    purpose: ["buchungsdetails"],
  },
  {
    id: "commerzbank",
    label: "Commerzbank",
    // "IBAN Auftraggeberkonto" is the statement's own account; the payer is only in the booking text
    signature: ["buchungstag", "wertstellung", "umsatzart", "buchungstext", "betrag", "iban auftraggeberkonto"],
    date: ["buchungstag"],
    amount: ["betrag"],
    payer: [],
    iban: [],
    purpose: ["buchungstext"],
  },
];

/** Column names tried for a layout no profile knows (the --…-column options name others). */
const GENERIC: Profile = {
  id: "generic",
  label: "CSV",
  signature: [],
  date: ["buchungstag", "buchungsdatum", "datum", "date", "booking date", "valuta", "wertstellung", "value date"],
  amount: ["betrag", "betrag (eur)", "betrag (€)", "umsatz", "amount", "amount (eur)", "value"],
  payer: ["auftraggeber", "zahlungspflichtige", "zahlungspflichtiger", "beguenstigter/zahlungspflichtiger", "begünstigter/zahlungspflichtiger", "name", "payer", "counterparty"],
  iban: ["iban", "payer iban", "counterparty iban"],
  purpose: ["verwendungszweck", "buchungstext", "text", "purpose", "reference", "description", "beschreibung"],
};

export const PROFILE_IDS = PROFILES.map((p) => p.id);

export interface BankFileOptions {
  profile?: string | undefined;
  dateColumn?: string | undefined;
  amountColumn?: string | undefined;
  textColumn?: string | undefined;
  delimiter?: string | undefined;
}

export interface BankFile {
  /** the profile's label, or "CAMT.053" */
  format: string;
  bookings: Booking[];
}

/** How many lines above the table a bank may put (account, period, balance …). */
const HEADER_BLOCK_LINES = 30;

/** Reads a bank's CSV statement (already decoded): finds the header row and the layout, then every booking. */
export function readBankCsvText(path: string, text: string, options: BankFileOptions): BankFile {
  const lines = text.split("\n");
  const forced = options.profile === undefined || options.profile === "auto" ? undefined : profileById(options.profile);
  // A profile's header first; without one, the first row with a date and an amount column (or those the options name).
  const wanted = (row: string[], option: string | undefined, names: string[]) =>
    option !== undefined ? row.includes(columnKey(option)) : names.some((n) => row.includes(columnKey(n)));
  const profiles = forced ? [forced] : PROFILES;
  let header = findHeader(lines, options.delimiter, (row) => profiles.find((p) => hasAll(row, p.signature)));
  if (header === undefined && forced) throw new CliError("error.funds.profileNotFound", { profile: forced.id, path }, 1, "error.funds.profileNotFound.hint");
  header ??= findHeader(lines, options.delimiter, (row) => (wanted(row, options.dateColumn, GENERIC.date) && wanted(row, options.amountColumn, GENERIC.amount) ? GENERIC : undefined));
  if (header === undefined) {
    const first = lines.find((l) => l.trim() !== "") ?? "";
    const columns = headerCells(first, delimiterOf(options.delimiter, first)).join(", ");
    throw new CliError("error.funds.unknownLayout", { path, columns, profiles: PROFILE_IDS.join(", ") }, 1, "error.funds.unknownLayout.hint");
  }
  const { at: headerAt, profile, delimiter, cells } = header;
  const names = splitHeader(lines[headerAt]!, delimiter);
  const column = (option: string | undefined, optionName: string, candidates: string[]): number => {
    if (option !== undefined) {
      const at = cells.indexOf(columnKey(option));
      if (at === -1) throw new CliError("error.funds.noSuchColumn", { column: option, option: optionName, columns: names.join(", ") });
      return at;
    }
    for (const c of candidates) if (cells.includes(columnKey(c))) return cells.indexOf(columnKey(c));
    return -1;
  };
  const dateAt = column(options.dateColumn, "--date-column", profile.date);
  const amountAt = column(options.amountColumn, "--amount-column", profile.amount);
  if (dateAt === -1) throw new CliError("error.funds.columnNotFound", { option: "--date-column", columns: names.join(", ") }, 1, "error.funds.columnNotFound.hint");
  if (amountAt === -1) throw new CliError("error.funds.columnNotFound", { option: "--amount-column", columns: names.join(", ") }, 1, "error.funds.columnNotFound.hint");
  const creditAt = column(undefined, "", profile.credit ?? []);
  const debitAt = column(undefined, "", profile.debit ?? []);
  const textAt = options.textColumn !== undefined ? column(options.textColumn, "--text-column", []) : -1;
  const payerAt = textAt !== -1 ? -1 : column(undefined, "", profile.payer);
  const purposeAt = textAt !== -1 ? textAt : column(undefined, "", profile.purpose);
  const ibanAt = column(undefined, "", profile.iban);
  const pendingAt = profile.pending ? cells.indexOf(columnKey(profile.pending.column)) : -1;

  // The table: from the header row on; its line numbers are the file's.
  const table = lines.slice(headerAt).join("\n");
  refuseControlCharacters(path, table, new TextPosition(headerAt + 1));
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(table, { delimiter, skip_empty_lines: true, trim: true, info: true, relax_column_count: true, relax_quotes: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number };
    throw csvSyntaxError(path, { ...(error as object), message: (error as Error).message, lines: (e.lines ?? 0) + headerAt });
  }
  const bookings: Booking[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines + headerAt;
    const cell = (at: number) => (at === -1 ? "" : (record[at] ?? "").trim());
    // Footer rows ("Kontostand;31.12.2024;…", "Neuer Kontostand") have no date in the date column.
    if (!/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(cell(dateAt))) {
      if (/kontostand|saldo/i.test(record.join(" "))) continue;
    }
    const at = <T>(columnAt: number, work: () => T): T => {
      try {
        return work();
      } catch (error) {
        if (error instanceof CliError && !error.location) throw error.at(line, names[columnAt] ?? "");
        throw error;
      }
    };
    const date = at(dateAt, () => bankDate(cell(dateAt), names[dateAt] ?? "date"));
    let amountText = cell(amountAt);
    let amountColumn = amountAt;
    if (amountText === "" && creditAt !== -1 && cell(creditAt) !== "") [amountText, amountColumn] = [cell(creditAt), creditAt];
    else if (amountText === "" && debitAt !== -1 && cell(debitAt) !== "") [amountText, amountColumn] = [`-${cell(debitAt).replace(/^-/, "")}`, debitAt];
    const amount = at(amountColumn, () => parseMoney(amountText.replace(/^\+/, ""), names[amountColumn] ?? "amount"));
    bookings.push({
      line,
      date,
      amount,
      iban: normaliseIban(cell(ibanAt)),
      payer: cell(payerAt).normalize("NFC"),
      purpose: cell(purposeAt).normalize("NFC"),
      pending: pendingAt !== -1 && profile.pending!.pattern.test(cell(pendingAt)),
    });
  }
  return { format: profile.label, bookings };
}

/** The first line within HEADER_BLOCK_LINES whose cells `match` gives a profile for. */
function findHeader(
  lines: string[],
  delimiterOption: string | undefined,
  match: (row: string[]) => Profile | undefined,
): { at: number; profile: Profile; delimiter: string; cells: string[] } | undefined {
  for (let at = 0; at < Math.min(lines.length, HEADER_BLOCK_LINES); at++) {
    if (lines[at]!.trim() === "") continue;
    const delimiter = delimiterOf(delimiterOption, lines[at]!);
    const cells = headerCells(lines[at]!, delimiter);
    const profile = match(cells);
    if (profile) return { at, profile, delimiter, cells };
  }
  return undefined;
}

function profileById(id: string): Profile {
  const found = PROFILES.find((p) => p.id === id.trim().toLowerCase());
  if (!found) throw new CliError("error.notOneOf", { field: "--profile", value: id, allowed: ["auto", ...PROFILE_IDS, "camt"].join(", ") });
  return found;
}

function hasAll(cells: string[], names: string[]): boolean {
  return names.length > 0 && names.every((n) => cells.includes(columnKey(n)));
}

function splitHeader(line: string, delimiter: string): string[] {
  try {
    const [row] = parse(line, { delimiter, relax_column_count: true, relax_quotes: true, trim: true }) as string[][];
    return (row ?? []).map((c) => c.trim());
  } catch {
    return line.split(delimiter).map((c) => c.replace(/^"|"$/g, "").trim());
  }
}

/** A column name as a key: case-folded, umlauts as the banks' ASCII spellings ("Währung" = "Waehrung"). */
function columnKey(name: string): string {
  return nameKey(name.trim()).replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
}

/** The header's cells as keys. */
function headerCells(line: string, delimiter: string): string[] {
  return splitHeader(line, delimiter).map(columnKey);
}

function delimiterOf(raw: string | undefined, header: string): string {
  if (raw === undefined) {
    const count = (c: string) => header.split(c).length - 1;
    if (count(";") > count(",")) return ";";
    return count("\t") > 0 && count(",") === 0 ? "\t" : ",";
  }
  const value = raw === "tab" || raw === "\\t" ? "\t" : raw;
  if ([...value].length !== 1) throw new CliError("error.funds.invalidDelimiter", { value: raw });
  return value;
}

/** "31.01.26" as well as the forms parseDate reads. */
function bankDate(raw: string, column: string): string {
  const short = /^(\d{1,2})\.(\d{1,2})\.(\d{2})$/.exec(raw.trim());
  return parseDate(short ? `${short[1]}.${short[2]}.20${short[3]}` : raw, column, "2000-01-01");
}

// ---- CAMT.053 (ISO 20022 bank-to-customer statement), any version from .001.02 on

type Xml = Record<string, unknown>;

const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const child = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Xml)[key] : undefined), value);
const text = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return text((value as Xml)["#text"]);
  return String(value).trim();
};

/** Whether the text is an XML document (a CAMT file) rather than CSV. */
export function looksLikeXml(text: string): boolean {
  return /^\s*<(\?xml|Document\b)/.test(text);
}

/** Reads a CAMT.053 statement: every entry (or, for a batch, every transaction in it) as a booking. */
export async function readCamt(path: string, xml: string): Promise<BankFile> {
  const { XMLParser, XMLValidator } = await import("fast-xml-parser");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CliError("error.funds.camtInvalid", { path, line: valid.err.line, detail: valid.err.msg }, 1);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, parseTagValue: false, trimValues: true });
  const document = parser.parse(xml) as Xml;
  const statements = list(child(document, "Document", "BkToCstmrStmt", "Stmt"));
  if (statements.length === 0) throw new CliError("error.funds.camtNoStatement", { path }, 1);
  const bookings: Booking[] = [];
  let entryNo = 0;
  for (const statement of statements) {
    for (const entry of list(child(statement, "Ntry"))) {
      entryNo++;
      const credit = text(child(entry, "CdtDbtInd")) === "CRDT";
      const status = text(child(entry, "Sts", "Cd")) || text(child(entry, "Sts"));
      const date = text(child(entry, "BookgDt", "Dt")) || text(child(entry, "BookgDt", "DtTm")).slice(0, 10) || text(child(entry, "ValDt", "Dt"));
      const at = <T>(work: () => T): T => {
        try {
          return work();
        } catch (error) {
          if (error instanceof CliError && !error.location) throw error.at(entryNo);
          throw error;
        }
      };
      const day = at(() => parseDate(date, "BookgDt", "2000-01-01"));
      const details = list(child(entry, "NtryDtls")).flatMap((d) => list(child(d, "TxDtls")));
      // A batch booked as one entry lists its transactions with their own amounts: each is a booking.
      const parts = details.length > 1 && details.every((d) => amountOf(d) !== "") ? details : [details[0]];
      for (const detail of parts) {
        const amountText = parts.length > 1 ? amountOf(detail) : text(child(entry, "Amt"));
        const cents = at(() => camtAmount(amountText));
        const party = credit ? "Dbtr" : "Cdtr";
        const parties = child(detail, "RltdPties");
        const payer = text(child(parties, party, "Nm")) || text(child(parties, party, "Pty", "Nm"));
        const iban = normaliseIban(text(child(parties, `${party}Acct`, "Id", "IBAN")));
        const purpose = list(child(detail, "RmtInf", "Ustrd")).map(text).filter((s) => s !== "").join(" ") || text(child(entry, "AddtlNtryInf"));
        bookings.push({
          line: entryNo,
          date: day,
          amount: credit ? cents : -cents,
          iban,
          payer: payer.normalize("NFC"),
          purpose: purpose.normalize("NFC"),
          pending: status === "PDNG",
        });
      }
    }
  }
  return { format: "CAMT.053", bookings };
}

/** An XML decimal ("240.5", "1200.00") in cents: never read with thousands separators. */
function camtAmount(raw: string): number {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!match) throw new CliError("error.invalidMoney", { field: "Amt", value: raw }, 1, "error.invalidMoney.hint");
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function amountOf(detail: unknown): string {
  return text(child(detail, "AmtDtls", "TxAmt", "Amt")) || text(child(detail, "Amt"));
}

/**
 * The import key of a booking: the same for one booking whatever the file's encoding or format — its date,
 * amount, the payer's IBAN (or, without one, the payer's name folded), and the purpose folded (case, spaces and
 * punctuation, which CSV and CAMT exports break differently), plus how often the same booking came earlier in
 * the file.
 */
export function bookingKey(booking: Booking, occurrence: number, hash: (s: string) => string): string {
  const fold = (s: string) => nameKey(s).replace(/[^\p{L}\p{N}]+/gu, "");
  const party = booking.iban ?? fold(booking.payer);
  return `bank2:${hash(`${booking.date}\u001f${booking.amount}\u001f${party}\u001f${fold(booking.purpose)}`)}:${occurrence}`;
}
