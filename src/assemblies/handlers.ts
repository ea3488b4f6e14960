import type { Context } from "../core/context.js";
import { formatDate, today } from "../core/dates.js";
import { heading, printJson, printTable, say } from "../core/output.js";
import { decisionMakerLabel, statusLabel } from "../commitments/handlers.js";
import { resolveGroup } from "../groups/service.js";
import type { Meeting } from "../meetings/model.js";
import { resolveMeeting } from "../meetings/service.js";
import { parseHeadcount, setTurnout, type AssemblyView } from "./service.js";

type Options = Record<string, string | boolean | undefined>;
const text = (opts: Options, key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);

/** `meetings turnout <meeting> <group> [--pledged <n>] [--actual <n>]`: the roll call of an assembly. */
export async function turnout(ctx: Context, [meetingRef, groupRef]: string[], opts: Options): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, meetingRef!, day);
  const group = resolveGroup(ctx.db, groupRef!, day);
  const pledged = text(opts, "pledged") !== undefined ? parseHeadcount(text(opts, "pledged")!, "--pledged") : undefined;
  const actual = text(opts, "actual") !== undefined ? parseHeadcount(text(opts, "actual")!, "--actual") : undefined;
  const row = ctx.write((audit) => setTurnout(ctx.db, audit, meeting, group, { pledged, actual }));
  if (ctx.json) return printJson({ meeting: meeting.id, ...row });
  say(ctx.t("assemblies.turnoutSet", { group: row.group, pledged: row.pledged ?? "–", actual: row.actual ?? "–" }));
}

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
