// How an assembly's turnout and asks are shown (meetings show, assemblies commands).
import type { Context } from "../core/context.js";
import { formatDate, today } from "../core/dates.js";
import { heading, printTable, say } from "../core/output.js";
import { decisionMakerLabel, statusLabel } from "../commitments/index.js";
import type { Meeting } from "../meetings/index.js";
import type { AssemblyView } from "./service.js";

/** The assembly's part of `meetings show`: turnout per group with totals, and the asks with their answers. */
export function printAssembly(ctx: Context, meeting: Meeting, view: AssemblyView): void {
  const day = today();
  if (meeting.kind === "assembly" || view.turnout.length > 0) {
    heading(ctx, ctx.t("assemblies.turnout"));
    if (view.turnout.length === 0) say(ctx.t("assemblies.noTurnout"));
    else
      printTable(
        ctx,
        [ctx.t("label.group"), ctx.t("assemblies.pledged"), ctx.t("assemblies.actual")],
        [
          ...view.turnout.map((t) => [t.group, t.pledged ?? "", t.actual ?? ""]),
          [ctx.t("assemblies.total"), view.totals.pledged, view.totals.actual],
        ],
      );
  }
  if (view.asks.length > 0 || meeting.kind === "assembly") {
    heading(ctx, ctx.t("assemblies.asks"));
    if (view.asks.length === 0) say(ctx.t("assemblies.noAsks"));
    else
      printTable(
        ctx,
        ["#", ctx.t("commitments.label.from"), ctx.t("commitments.label.ask"), ctx.t("commitments.label.answer"), ctx.t("label.due"), ctx.t("label.status")],
        view.asks.map((c) => [c.id, decisionMakerLabel(c), c.ask, ctx.t(`commitments.answer.${c.answer}`), formatDate(c.due, ctx.lang), statusLabel(ctx, c, day)]),
      );
  }
}
