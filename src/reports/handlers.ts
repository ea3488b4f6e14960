import type { Context } from "../core/context.js";
import { today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { writeOut } from "../core/output.js";
import { resolveMeeting } from "../meetings/service.js";
import { buildReport } from "./model.js";
import type { ReportKind } from "./render/document.js";

type Options = Record<string, string | boolean | undefined>;
const text = (opts: Options, key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);

async function report(ctx: Context, ref: string, kind: ReportKind, opts: Options): Promise<void> {
  const format = text(opts, "format") ?? "md"; // commander has checked the choices
  const out = text(opts, "out");
  const meeting = resolveMeeting(ctx.db, ref, today());
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  // A PDF is bytes: into a file, or into a pipe (`> m.pdf`, `| lpr`), never onto a terminal.
  if (format === "pdf" && out === undefined && !ctx.json && process.stdout.isTTY)
    throw new CliError("error.pdfToTerminal", {}, 1, "error.pdfToTerminal.hint");
  // The data file is open now, so ctx.lang is the platform's language unless --lang says otherwise.
  const model = buildReport(ctx.db, meeting, ctx.lang, ctx.t("people.forgottenName"));
  if (ctx.json) return writeOut(out, `${JSON.stringify(model, null, 2)}\n`);
  if (format === "html") {
    const { renderHtml } = await import("./render/html.js");
    return writeOut(out, renderHtml(model, kind));
  }
  if (format === "pdf") {
    const { renderPdf } = await import("./render/pdf.js");
    return writeOut(out, await renderPdf(model, kind));
  }
  const { renderMarkdown } = await import("./render/markdown.js");
  return writeOut(out, renderMarkdown(model, kind));
}

/** `report agenda <meeting>`: the invitation with the agenda, the minutes up for approval and the tasks due. */
export async function agenda(ctx: Context, [ref]: string[], opts: Options): Promise<void> {
  await report(ctx, ref!, "agenda", opts);
}

/** `report minutes <meeting>`: the Protokoll, with everything DOMAIN.md's checklist asks for. */
export async function minutes(ctx: Context, [ref]: string[], opts: Options): Promise<void> {
  await report(ctx, ref!, "minutes", opts);
}

/** `report commitments [--since <d>]`: by decision maker and body, the kept rate, the overdue items. */
export async function commitments(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const { reportCommitments } = await import("./commitments.js");
  await reportCommitments(ctx, opts);
}

/** `report attendance [--since <d>]`: each group's attendance rate at the Kernkreis; drifting groups marked. */
export async function attendance(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const { reportAttendance } = await import("./attendance.js");
  await reportAttendance(ctx, opts);
}

/** `report annual <year>`: the Jahresbericht, Markdown or self-contained HTML. */
export async function annual(ctx: Context, [year]: string[], opts: Options): Promise<void> {
  const { reportAnnual } = await import("./annual.js");
  await reportAnnual(ctx, year!, opts);
}
