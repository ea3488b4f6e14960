import type { ImportReport } from "../groups/csvImport.js";
import type { AuditEntry, Context } from "./context.js";
import { printJson, printTable, say } from "./output.js";

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Runs an import as one transaction. A dry run does the same work — so it finds the same errors — and then
 * rolls everything back.
 */
export function runImport(ctx: Context, dryRun: boolean, work: (audit: (entry: AuditEntry) => void) => ImportReport): ImportReport {
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
