// The agenda (invitation) as the bytes of a PDF file, for `report agenda --format pdf` and for anything that sends
// the invitation (an e-mail attachment). pdfmake is loaded by render/pdf.ts only when this is called.
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { getMeeting, type Meeting } from "../meetings/index.js";
import { agendaModel } from "./agenda.js";

/** The PDF of a meeting's agenda as it is `report agenda` prints it; in the run's language (ctx.lang). */
export async function agendaPdfOf(ctx: Context, meeting: Meeting): Promise<Uint8Array> {
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  const model = agendaModel(ctx.db, meeting, ctx.lang, ctx.t("people.forgottenName"));
  const { renderPdf } = await import("./render/pdf.js");
  return new Uint8Array(await renderPdf(model, "agenda"));
}

/**
 * The agenda of meeting `meetingId` as a PDF: times of the items, apologies received, open tasks due and the
 * previous draft minutes as an appendix. An unknown or cancelled meeting is a CliError (exit 1).
 */
export async function agendaPdf(ctx: Context, meetingId: number): Promise<Uint8Array> {
  const meeting = getMeeting(ctx.db, meetingId);
  if (!meeting) throw new CliError("error.unknownMeeting", { ref: `#${meetingId}` }, 1, "error.unknownMeeting.hint");
  return agendaPdfOf(ctx, meeting);
}
