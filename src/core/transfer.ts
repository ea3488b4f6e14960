// CSV import and CSV/JSON export, the same for every area.
import type { ImportReport } from "./importReport.js";
import type { AuditEntry, Context } from "./context.js";
import { readCsv, toCsv, type CsvRow } from "./csv.js";
import { CliError } from "./errors.js";
import { printJson, printTable, say, writeOut } from "./output.js";
import { pauseAt, pausePointsActive } from "./testHooks.js";

type Audit = (entry: AuditEntry) => void;

/** `<area> import <file.csv> [--dry-run]`: reads the file, applies it as one transaction, reports per line. */
export function importCommand(
  ctx: Context,
  file: string,
  opts: { readonly dryRun?: boolean | undefined },
  columns: readonly string[],
  apply: (audit: Audit, rows: CsvRow[]) => ImportReport,
): void {
  const rows = readCsv(file, columns, ["name"]);
  const dryRun = opts.dryRun === true;
  printImportReport(ctx, runImport(ctx, dryRun, (audit) => apply(audit, withPausePoints(rows))), dryRun);
}

/** For the crash tests: reading the n-th row's values (inside the transaction) passes pause point IMPORT_AT=n. */
function withPausePoints(rows: CsvRow[]): CsvRow[] {
  if (!pausePointsActive()) return rows;
  return rows.map((row, i) => ({
    line: row.line,
    get values() {
      pauseAt("IMPORT_AT", i + 1);
      return row.values;
    },
  }));
}

/** `<area> export [--format csv|json] [--out <file>]`: JSON gives the objects, CSV the import's columns. */
export async function exportCommand(
  ctx: Context,
  opts: { readonly format?: string | undefined; readonly out?: string | undefined },
  columns: readonly string[],
  objects: unknown[],
  csvRows: () => Array<Record<string, unknown>>,
): Promise<void> {
  const format = typeof opts.format === "string" ? opts.format : "csv";
  if (format !== "csv" && format !== "json") throw new CliError("error.notOneOf", { field: "--format", value: format, allowed: "csv, json" });
  const content = format === "json" ? JSON.stringify(objects, null, 2) : toCsv(columns, csvRows());
  await writeOut(opts.out, content);
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
  if (ctx.json) return printJson({ dryRun, ...report });
  const changed = report.lines.filter((l) => l.action !== "unchanged");
  if (changed.length > 0) {
    printTable(
      ctx,
      [ctx.t("label.line"), ctx.t("label.name"), ctx.t("label.action"), ctx.t("label.changes")],
      changed.map((l) => [
        l.line,
        l.name,
        ctx.t(`import.${l.action}`),
        l.changes ? Object.entries(l.changes).map(([k, [a, b]]) => `${k}: ${a ?? "–"} → ${b ?? "–"}`).join("; ") : "",
      ]),
    );
  }
  say(ctx.t(dryRun ? "import.summaryDry" : "import.summary", { added: report.added, changed: report.changed, unchanged: report.unchanged }));
}
