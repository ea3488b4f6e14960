import { CliError, moneyParam } from "./errors.js";
import type { Lang } from "./i18n.js";

const MAX_CENTS = 1_000_000_000_000; // ten billion euros: far beyond any platform budget, still an exact integer

export interface MoneyOptions {
  /**
   * A single separator followed by exactly three digits (12,345 or 12.345): "thousands" reads it as 12345 (files
   * of a fixed format); "refuse" throws error.ambiguousMoney naming both readings (amounts typed by a person,
   * who may have meant 12,35 € as well as 12.345,00 €, whatever the platform's language).
   */
  ambiguous?: "thousands" | "refuse";
}

/**
 * Parses an amount of euros into integer cents without floating point:
 * 1234.56, 1234,56, 1.234,56, 1,234.56, 1234,56 €, €1234, 12 EUR.
 * A single separator followed by exactly three digits (1.234) is read as a thousands separator, or refused.
 */
export function parseMoney(input: string, field = "amount", options: MoneyOptions = {}): number {
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
      if (options.ambiguous === "refuse") throw ambiguous(input, field, negative, Number(s.slice(0, decimalAt)), Number(after));
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

/** 12,345 read both ways: 12,35 € (three decimals, rounded half up to the cent) or 12.345,00 €. */
function ambiguous(input: string, field: string, negative: boolean, euros: number, thousandths: number): CliError {
  const sign = negative ? -1 : 1;
  const asDecimal = sign * (euros * 100 + Math.floor((thousandths + 5) / 10));
  const asThousands = sign * (euros * 1000 + thousandths) * 100;
  return new CliError(
    "error.ambiguousMoney",
    { field, value: input, decimal: moneyParam(asDecimal), thousands: moneyParam(asThousands), digits: `${negative ? "-" : ""}${euros * 1000 + thousandths}` },
    1,
    "error.ambiguousMoney.hint",
  );
}

/** An amount and its currency sign in text kept on one line: "36.000,00 €" with a non-breaking space (documents). */
export function bindCurrency(text: string): string {
  return text.replace(/(\d) (€|EUR\b)/g, "$1\u00a0$2").replace(/(€|\bEUR) (?=\d)/g, "$1\u00a0");
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
