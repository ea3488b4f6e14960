// `fundraising import <statement>`: income from a bank's account statement, CSV or CAMT.053 (bankFormats.ts).
// Only money coming in is taken (debits and pending bookings are skipped). Every booking gets a stable key kept
// under a UNIQUE constraint, so importing the statement again, in another encoding or format, adds nothing.
import { createHash } from "node:crypto";
import type { Db } from "../core/db.js";
import { readTextFile, type Encoding } from "../core/textFile.js";
import type { Group } from "../groups/index.js";
import { groupByIban, listGroups } from "../groups/index.js";
import { bookingKey, looksLikeXml, readBankCsvText, readCamt, type BankFile, type BankFileOptions, type Booking } from "./bankFormats.js";
import { bankRowKey, type IncomeKind } from "./model.js";
import type { Audit } from "./service.js";
import { funderByIban, importKeyTaken, insertIncome, listBankRules, listFunders, openGrantsOf, type BankRule } from "./store.js";

export interface BankOptions extends BankFileOptions {
  encoding?: Encoding | undefined;
  /** the kind of the bookings no IBAN or rule classifies (else: other, listed as unclassified) */
  kind?: IncomeKind | undefined;
}

export interface BankLine {
  line: number;
  date: string;
  amount: number;
  payer: string;
  purpose: string;
  kind: IncomeKind | null;
  source: string | null;
  /** what classified it: a group's or funder's IBAN, a rule, the name in the text, --kind, or nothing */
  by: "iban" | "rule" | "text" | "option" | null;
  action: "add" | "unchanged" | "skipped" | "pending";
}

export interface BankReport {
  format: string;
  encoding: Encoding;
  added: number;
  unchanged: number;
  skipped: number;
  unclassified: number;
  /** cents added */
  total: number;
  lines: BankLine[];
}

/** Reads the statement, CSV in any profile or CAMT.053 XML, decoded as its bytes say. */
export async function readBankFile(path: string, options: BankOptions): Promise<BankFile & { encoding: Encoding }> {
  const { text, encoding } = readTextFile(path, options.encoding);
  const file = looksLikeXml(text) || options.profile === "camt" ? await readCamt(path, text) : readBankCsvText(path, text, options);
  return { ...file, encoding: encoding.encoding };
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

interface Classified {
  kind: IncomeKind;
  group?: { id: number; name: string } | undefined;
  funder?: { id: number; name: string } | undefined;
  applicationId?: number | null;
  by: BankLine["by"];
}

/**
 * What a booking is, in this order: the payer's IBAN is a member group's (dues) or a funder's (a grant
 * instalment when the funder has exactly one approved grant not yet paid in full, else a donation); a rule
 * whose words the purpose or payer contains; --kind (dues only with a group named in the text); a funder named
 * in the text; else other, unclassified.
 */
function classify(db: Db, booking: Booking, kind: IncomeKind | undefined, groups: Group[], funders: Array<{ id: number; name: string }>, rules: BankRule[]): Classified {
  if (booking.iban !== null) {
    const group = groupByIban(db, booking.iban);
    if (group) return { kind: "dues", group, by: "iban" };
    const funder = funderByIban(db, booking.iban);
    if (funder) {
      const open = openGrantsOf(db, funder.id);
      return open.length === 1 ? { kind: "grant", funder, applicationId: open[0]!, by: "iban" } : { kind: "donation", funder, by: "iban" };
    }
  }
  const text = `${booking.payer} ${booking.purpose}`;
  for (const rule of rules) {
    if (!rule.words.every((w) => wordIn(text, w))) continue;
    return { kind: rule.kind, group: rule.group ?? undefined, funder: rule.funder ?? undefined, by: "rule" };
  }
  if (kind === "dues") {
    const group = groupIn(text, groups);
    if (group) return { kind: "dues", group, by: "text" };
    return { kind: "other", by: null };
  }
  const named = funders.filter((f) => wordIn(text, f.name));
  const funder = named.length === 1 ? named[0] : undefined;
  if (kind !== undefined) return { kind, funder, by: "option" };
  if (funder) return { kind: "other", funder, by: "text" };
  return { kind: "other", by: null };
}

/**
 * Applies the bookings, inside the caller's one transaction. Each gets a key that is the same for the same
 * booking in any encoding or format (bankFormats.ts bookingKey); a booking already imported, under that key or
 * the key earlier versions gave it, is left alone. Money going out and pending bookings are skipped and counted.
 */
export function importBookings(
  db: Db,
  audit: Audit,
  file: Omit<BankFile, "bookings"> & { encoding: Encoding; bookings: Iterable<Booking> },
  kind: IncomeKind | undefined,
  today: string,
): BankReport {
  const seen = new Map<string, number>();
  const groups = listGroups(db, today, { all: true });
  const funders = listFunders(db);
  const rules = listBankRules(db);
  const lines: BankLine[] = [];
  let total = 0;
  for (const booking of file.bookings) {
    const base = { line: booking.line, date: booking.date, amount: booking.amount, payer: booking.payer, purpose: booking.purpose, kind: null, source: null, by: null };
    if (booking.amount <= 0 || booking.pending) {
      lines.push({ ...base, action: booking.pending ? "pending" : "skipped" });
      continue;
    }
    const identity = bookingKey(booking, 0, sha256);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const key = bookingKey(booking, occurrence, sha256);
    // Earlier versions keyed a row by its payer and purpose as one text.
    const legacyText = [booking.payer, booking.purpose].filter((t) => t !== "").join(" · ").slice(0, 500);
    if (importKeyTaken(db, key) || importKeyTaken(db, bankRowKey(booking.date, booking.amount, legacyText, occurrence, sha256))) {
      lines.push({ ...base, action: "unchanged" });
      continue;
    }
    const c = classify(db, booking, kind, groups, funders, rules);
    const years = [...booking.purpose.matchAll(/(?<!\d)(2\d{3})(?!\d)/g)].map((m) => Number(m[1]));
    const duesYear = c.kind === "dues" ? (new Set(years).size === 1 ? years[0]! : Number(booking.date.slice(0, 4))) : null;
    const income = {
      date: booking.date,
      amount: booking.amount,
      kind: c.kind,
      funderId: c.funder?.id ?? null,
      groupId: c.group?.id ?? null,
      personId: null,
      sourceText: booking.payer || null,
      applicationId: c.applicationId ?? null,
      fund: null,
      duesYear,
      note: booking.purpose || null,
      importKey: key,
      payerIban: booking.iban,
    };
    const id = insertIncome(db, income);
    audit({ entity: "income", id, action: "import", changes: income });
    total += booking.amount;
    lines.push({ ...base, kind: c.kind, source: c.group?.name ?? c.funder?.name ?? null, by: c.by, action: "add" });
  }
  const count = (action: BankLine["action"]) => lines.filter((l) => l.action === action).length;
  return {
    format: file.format,
    encoding: file.encoding,
    added: count("add"),
    unchanged: count("unchanged"),
    skipped: count("skipped") + count("pending"),
    unclassified: lines.filter((l) => l.action === "add" && l.by === null).length,
    total,
    lines,
  };
}
