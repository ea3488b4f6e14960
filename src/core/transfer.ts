// CSV import and CSV/JSON export, the same for every area.
import { ImportReport } from "./importReport.js";
import { ENCODING_LABELS, parseEncoding } from "./textFile.js";
import type { AuditEntry, Context } from "./context.js";
import { csvLines, neutraliseCell, openCsv, type CsvRow } from "./csv.js";
import { CliError, UsageError } from "./errors.js";
import { io } from "./io.js";
import { jsonArrayParts, printJsonWithList, printTableTwice, say, writeOut } from "./output.js";
import { codesOf, csvCell, csvStyle, headerOf, importNames, type CsvStyle, type SheetColumn } from "./sheet.js";
import { counted, progress } from "./progress.js";
import { pauseAt, pausePointsActive } from "./testHooks.js";

type Audit = (entry: AuditEntry) => void;

/**
 * `<area> import <file.csv> [--dry-run]`: reads the file, applies it as one transaction, reports per line. The
 * file may be an export in either language: German or English headers, coded values as words of either.
 */
export async function importCommand(
  ctx: Context,
  file: string,
  opts: { readonly dryRun?: boolean | undefined; readonly encoding?: string | undefined; readonly verbose?: boolean | undefined },
  columns: readonly SheetColumn[],
  apply: (audit: Audit, rows: Iterable<CsvRow>, report: ImportReport) => ImportReport,
): Promise<void> {
  const names = await importNames(columns);
  const encoding = opts.encoding === undefined ? undefined : parseEncoding(opts.encoding);
  const opened = openCsv(file, columns.map((c) => c.key), ["name"], { aliases: names.headers, encoding });
  const rows = (function* () {
    for (const row of opened.rows) yield { line: row.line, values: codesOf(row.values, names) };
  })();
  const dryRun = opts.dryRun === true;
  const report = new ImportReport();
  report.encoding = opened.encoding.encoding;
  const line = progress(ctx, (count) => ctx.t("import.progress", { count }));
  try {
    const done = runImport(ctx, dryRun, (audit) => apply(audit, withPausePoints(counted(rows, line)), report));
    line.done();
    printImportReport(ctx, done, dryRun, opts.verbose === true);
  } finally {
    line.done();
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

/** The options of every `<area> export`. */
export interface ExportOptions {
  readonly format?: string | undefined;
  readonly out?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly bom?: boolean | undefined;
}

/**
 * `<area> export [--format csv|json|xlsx] [--out <file>] [--delimiter ;|,|tab] [--bom|--no-bom]`: JSON (also with
 * --json) gives the objects; CSV and xlsx the import's columns in the platform's language (src/core/sheet.ts).
 * Each is read as it is written (`objects` and `rows` are called once), so an export of any length streams; an
 * xlsx file is held only compressed. `sheet` names the worksheet.
 */
export async function exportCommand(
  ctx: Context,
  opts: ExportOptions,
  columns: readonly SheetColumn[],
  objects: () => Iterable<unknown>,
  rows: () => Iterable<Record<string, unknown>>,
  sheet: string,
): Promise<void> {
  const format = exportFormat(ctx, opts);
  if (format === "json") return writeOut(opts.out, jsonLines(objects()));
  if (format === "xlsx") return writeOut(opts.out, await (await import("./xlsx.js")).xlsxParts(columns, rows(), ctx.lang, sheet));
  await writeOut(opts.out, csvExport(csvStyle(ctx.lang, opts), columns, rows()));
}

/** --json is --format json; an xlsx file is written to a file or a pipe, never onto a terminal. */
function exportFormat(ctx: Context, opts: ExportOptions): "csv" | "json" | "xlsx" {
  const format = opts.format ?? (ctx.json ? "json" : "csv");
  if (format !== "csv" && format !== "json" && format !== "xlsx") throw new CliError("error.notOneOf", { field: "--format", value: format, allowed: "csv, json, xlsx" });
  if (ctx.json && format !== "json") throw new UsageError("error.exportJsonFormat", { format });
  if (format === "xlsx" && !opts.out && io().stdout.isTTY) throw new UsageError("error.xlsxOnTerminal", {}, "error.xlsxOnTerminal.hint");
  return format;
}

/** A CSV export in `style`: the byte-order mark, the header in the file's language, then the rows, formulas neutralised. */
function* csvExport(style: CsvStyle, columns: readonly SheetColumn[], rows: Iterable<Record<string, unknown>>): Generator<string> {
  if (style.bom) yield "\uFEFF";
  const records = function* () {
    for (const row of rows)
      yield columns.map((column) => {
        const { text, number } = csvCell(column, row[column.key], style.lang);
        return number ? text : neutraliseCell(text);
      });
  };
  yield* csvLines(columns.map((column) => headerOf(column, style.lang)), records(), style.delimiter);
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

/** The summary line; with `verbose`, first the table of the rows added or changed. */
export function printImportReport(ctx: Context, report: ImportReport, dryRun: boolean, verbose = true): void {
  const { lines, added, changed, unchanged, encoding } = report;
  if (ctx.json) return printJsonWithList({ dryRun, encoding, added, changed, unchanged }, "lines", lines);
  // Said when it is not UTF-8, so that a wrong guess is seen before anything is trusted.
  if (encoding !== "utf-8") say(ctx.t("file.readAs", { encoding: ENCODING_LABELS[encoding] }));
  if (verbose)
    printTableTwice(ctx, [ctx.t("label.line"), ctx.t("label.name"), ctx.t("label.action"), ctx.t("label.changes")], function* () {
      for (const l of lines) {
        if (l.action === "unchanged") continue;
        const changes = l.changes ? Object.entries(l.changes).map(([k, [a, b]]) => `${k}: ${a ?? "–"} → ${b ?? "–"}`).join("; ") : "";
        yield [String(l.line), l.name, ctx.t(`import.${l.action}`), changes];
      }
    });
  say(ctx.t(dryRun ? "import.summaryDry" : "import.summary", { added: report.added, changed: report.changed, unchanged: report.unchanged }));
}
