// The public face of reports: other areas import only this file (scripts/check-boundaries.mjs).
export { emitReport } from "./output.js";
export type { Block, ReportDocument, ReportKind } from "./render/document.js";
import type { AnnualSectionBuilder } from "../core/contributes.js";
import type { Context } from "../core/context.js";

// Loaded when called, so that a handler importing this file for emitReport does not load every area's model.

/** The agenda or minutes model of a meeting (approved minutes as frozen) and its Markdown (the demo's showcase). */
export async function markdownReports() {
  const [{ reportModel }, { renderMarkdown }] = await Promise.all([import("./frozen.js"), import("./render/markdown.js")]);
  return { reportModel, renderMarkdown };
}

/** `report annual <year>` with the sections the areas contribute (app/contributions.ts). */
export async function reportAnnual(ctx: Context, year: string, opts: { format?: "md" | "html"; out?: string }, sections: readonly AnnualSectionBuilder[]): Promise<void> {
  await (await import("./annual.js")).reportAnnual(ctx, year, opts, sections);
}

/** Freezing approved minutes and reading them back (reports/frozen.ts): for approval, the migration and forget. */
export async function frozenMinutesCode() {
  return import("./frozen.js");
}

/** The agenda of a meeting as PDF bytes (reports/agendaPdf.ts), for the invitation by e-mail. */
export async function agendaPdf(ctx: Context, meeting: import("../meetings/index.js").Meeting): Promise<Uint8Array> {
  return (await import("./agendaPdf.js")).agendaPdf(ctx, meeting);
}
