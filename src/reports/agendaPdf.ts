// The agenda of a meeting as a PDF, for the invitation's attachment (`meetings invite`). One function, so that
// a dedicated agenda layout (`report agenda --format pdf`) can take its place without touching the sender.
import type { Context } from "../core/context.js";
import type { Meeting } from "../meetings/index.js";
import { reportModel } from "./frozen.js";

/** The agenda as `report agenda` builds it, laid out by the pdfmake code of `report minutes --format pdf`. */
export async function agendaPdf(ctx: Context, meeting: Meeting): Promise<Uint8Array> {
  const model = reportModel(ctx.db, meeting, "agenda", ctx.lang, ctx.t("people.forgottenName"));
  const { renderPdf } = await import("./render/pdf.js");
  return renderPdf(model, "agenda");
}
