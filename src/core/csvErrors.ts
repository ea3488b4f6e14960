// Apart from csv.ts so that the bank import, which parses on its own, does not load csv-stringify with it.
import { CliError, term } from "./errors.js";

/** csv-parse's error in our words (its own are English only), with the line it found it on. */
export function csvSyntaxError(path: string, error: unknown): CliError {
  const e = error as { code?: string; lines?: number; message?: string };
  const counts = /length is (\d+), got (\d+)/.exec(e.message ?? "");
  const detail =
    e.code === "CSV_QUOTE_NOT_CLOSED"
      ? term("csv.quoteNotClosed")
      : e.code === "CSV_INVALID_CLOSING_QUOTE"
        ? term("csv.invalidQuote")
        : e.code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
          ? term("csv.textAfterQuote")
          : e.code === "CSV_MAX_RECORD_SIZE"
            ? term("csv.tooLarge")
            : undefined;
  if (detail) return new CliError("error.csvSyntax", { path, line: e.lines ?? 0, detail });
  if (counts && e.code?.startsWith("CSV_RECORD_INCONSISTENT"))
    return new CliError("error.csvSyntax", { path, line: e.lines ?? 0, detail: term("csv.columnCount"), expected: counts[1]!, got: counts[2]! });
  return new CliError("error.csvSyntax", { path, line: e.lines ?? 0, detail: term("csv.malformed") });
}
