import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { writeOut } from "../core/output.js";
import { resolveMeeting } from "../meetings/index.js";
import { reportModel } from "./frozen.js";
import type { ReportKind } from "./render/document.js";
import { io } from "../core/io.js";

async function report(ctx: Context, ref: string, kind: ReportKind, opts: Opts<typeof def.minutes>): Promise<void> {
  const format = opts.format ?? "md"; // commander has checked the choices
  const out = opts.out;
  const meeting = resolveMeeting(ctx.db, ref, today());
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  // A PDF is bytes: into a file, or into a pipe (`> m.pdf`, `| lpr`), never onto a terminal.
  if (format === "pdf" && out === undefined && !ctx.json && io().stdout.isTTY)
    throw new CliError("error.pdfToTerminal", {}, 1, "error.pdfToTerminal.hint");
  // The data file is open now, so ctx.lang is the platform's language unless --lang says otherwise.
  // Approved minutes come from what was approved (reports/frozen.ts); an agenda and draft minutes from today's data.
  const model = reportModel(ctx.db, meeting, kind, ctx.lang, ctx.t("people.forgottenName"));
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
export async function agenda(ctx: Context, [ref]: Args<typeof def.agenda>, opts: Opts<typeof def.agenda>): Promise<void> {
  await report(ctx, ref!, "agenda", opts);
}

/** `report minutes <meeting>`: the Protokoll, with everything DOMAIN.md's checklist asks for. */
export async function minutes(ctx: Context, [ref]: Args<typeof def.minutes>, opts: Opts<typeof def.minutes>): Promise<void> {
  await report(ctx, ref!, "minutes", opts);
}

/** `report commitments [--since <d>]`: by decision maker and body, the kept rate, the overdue items. */
export async function commitments(ctx: Context, _args: Args<typeof def.commitments>, opts: Opts<typeof def.commitments>): Promise<void> {
  const { reportCommitments } = await import("./commitments.js");
  await reportCommitments(ctx, opts);
}

/** `report attendance [--since <d>]`: each group's attendance rate at the Kernkreis; drifting groups marked. */
export async function attendance(ctx: Context, _args: Args<typeof def.attendance>, opts: Opts<typeof def.attendance>): Promise<void> {
  const { reportAttendance } = await import("./attendance.js");
  await reportAttendance(ctx, opts);
}
