// CSV import and CSV/JSON export, the same for every area.
import { ImportReport } from "./importReport.js";
import { ENCODING_LABELS, parseEncoding } from "./textFile.js";
import type { AuditEntry, Context } from "./context.js";
import { csvParts, openCsv, type CsvRow } from "./csv.js";
import { CliError } from "./errors.js";
import { jsonArrayParts, printJsonWithList, printTableTwice, say, writeOut } from "./output.js";
import { pauseAt, pausePointsActive } from "./testHooks.js";

type Audit = (entry: AuditEntry) => void;

/** `<area> import <file.csv> [--dry-run]`: reads the file, applies it as one transaction, reports per line. */
export function importCommand(
  ctx: Context,
  file: string,
  opts: { readonly dryRun?: boolean | undefined; readonly encoding?: string | undefined },
  columns: readonly string[],
  apply: (audit: Audit, rows: Iterable<CsvRow>, report: ImportReport) => ImportReport,
): void {
  const { rows, encoding } = openCsv(file, columns, ["name"], opts.encoding === undefined ? undefined : parseEncoding(opts.encoding));
  const dryRun = opts.dryRun === true;
  const report = new ImportReport();
  report.encoding = encoding.encoding;
  try {
    printImportReport(ctx, runImport(ctx, dryRun, (audit) => apply(audit, withPausePoints(rows), report)), dryRun);
  } finally {
    report.close();
  }
}

/** For the crash tests: reading the n-th row's values (inside the transaction) passes pause point IMPORT_AT=n. */
function withPausePoints(rows: Iterable<CsvRow>): Iterable<CsvRow> {
  if (!pausePointsActive()) return rows;
  return (function* () {
    let i = 0;
    for (const row of rows) {
      const n = ++i;
      yield {
        line: row.line,
        get values() {
          pauseAt("IMPORT_AT", n);
          return row.values;
        },
      };
    }
  })();
}

/**
 * `<area> export [--format csv|json] [--out <file>]`: JSON gives the objects, CSV the import's columns. Both are
 * read as they are written (`objects` and `csvRows` are called once), so an export of any length streams.
 */
export async function exportCommand(
  ctx: Context,
  opts: { readonly format?: string | undefined; readonly out?: string | undefined },
  columns: readonly string[],
  objects: () => Iterable<unknown>,
  csvRows: () => Iterable<Record<string, unknown>>,
): Promise<void> {
  const format = typeof opts.format === "string" ? opts.format : "csv";
  if (format !== "csv" && format !== "json") throw new CliError("error.notOneOf", { field: "--format", value: format, allowed: "csv, json" });
  await writeOut(opts.out, format === "json" ? jsonLines(objects()) : csvParts(columns, csvRows()));
}

function* jsonLines(objects: Iterable<unknown>): Generator<string> {
  yield* jsonArrayParts(objects, "");
  yield "\n";
}

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Runs an import as one transaction. A dry run does the same work — so it finds the same errors — and then
 * rolls everything back.
 */
export function runImport(ctx: Context, dryRun: boolean, work: (audit: Audit) => ImportReport): ImportReport {
  try {
    return ctx.write((audit) => {
      const report = work(audit);
      if (dryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

export function printImportReport(ctx: Context, report: ImportReport, dryRun: boolean): void {
  const { lines, added, changed, unchanged, encoding } = report;
  if (ctx.json) return printJsonWithList({ dryRun, encoding, added, changed, unchanged }, "lines", lines);
  // Said when it is not UTF-8, so that a wrong guess is seen before anything is trusted.
  if (encoding !== "utf-8") say(ctx.t("file.readAs", { encoding: ENCODING_LABELS[encoding] }));
  printTableTwice(ctx, [ctx.t("label.line"), ctx.t("label.name"), ctx.t("label.action"), ctx.t("label.changes")], function* () {
    for (const l of lines) {
      if (l.action === "unchanged") continue;
      const changes = l.changes ? Object.entries(l.changes).map(([k, [a, b]]) => `${k}: ${a ?? "–"} → ${b ?? "–"}`).join("; ") : "";
      yield [String(l.line), l.name, ctx.t(`import.${l.action}`), changes];
    }
  });
  say(ctx.t(dryRun ? "import.summaryDry" : "import.summary", { added: report.added, changed: report.changed, unchanged: report.unchanged }));
}
