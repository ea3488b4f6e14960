import { CliError } from "./errors.js";
import type { Lang } from "./i18n.js";

const MAX_CENTS = 1_000_000_000_000; // ten billion euros: far beyond any platform budget, still an exact integer

/**
 * Parses an amount of euros into integer cents without floating point:
 * 1234.56, 1234,56, 1.234,56, 1,234.56, 1234,56 €, €1234, 12 EUR.
 * A single separator followed by exactly three digits (1.234) is read as a thousands separator.
 */
export function parseMoney(input: string, field = "amount"): number {
  const invalid = () => new CliError("error.invalidMoney", { field, value: input }, 1, "error.invalidMoney.hint");
  let s = input.trim();
  let negative = false;
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/\s*(€|eur)\s*$/i, "").replace(/^(€|eur)\s*/i, "").replace(/\s/g, "");
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) throw invalid();
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let integerPart: string;
  let fraction = "";
  const decimalAt = Math.max(lastDot, lastComma);
  if (decimalAt === -1) {
    integerPart = s;
  } else {
    const separator = s[decimalAt]!;
    const other = separator === "." ? "," : ".";
    const after = s.slice(decimalAt + 1);
    const singleSeparator = !s.slice(0, decimalAt).includes(separator) && !s.includes(other);
    if (singleSeparator && after.length === 3) {
      // 1.234 or 1,234: a thousands separator, not three decimals (cents cannot have three digits);
      // 1234.567 or 0.001 are neither
      if (!/^[1-9]\d{0,2}$/.test(s.slice(0, decimalAt))) throw invalid();
      integerPart = s.replace(separator, "");
    } else if (s.indexOf(separator) !== decimalAt) {
      // 1.234.567 — the same separator repeated: thousands only
      if (!/^\d{1,3}([.,]\d{3})+$/.test(s)) throw invalid();
      integerPart = s.replace(/[.,]/g, "");
    } else {
      fraction = after;
      const grouped = s.slice(0, decimalAt);
      if (grouped.includes(other) && !new RegExp(`^\\d{1,3}(\\${other}\\d{3})+$`).test(grouped)) throw invalid();
      integerPart = grouped.split(other).join("");
    }
  }
  if (!/^\d+$/.test(integerPart) || fraction.length > 2 || !/^\d*$/.test(fraction)) throw invalid();
  const cents = Number(integerPart) * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) throw invalid();
  return negative && cents !== 0 ? -cents : cents;
}

/** de: 1.234,56 € · en: €1,234.56 */
export function formatMoney(cents: number, lang: Lang): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, "0");
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "de" ? "." : ",");
  const sign = negative ? "-" : "";
  return lang === "de" ? `${sign}${grouped},${rest} €` : `${sign}€${grouped}.${rest}`;
}
