import type { Context } from "../core/context.js";
import type * as def from "../meetings/commands.js";
import type { Args, Opts } from "../core/define.js";
import { today } from "../core/dates.js";
import { printJson, say } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import { meetingLabel, resolveMeeting } from "../meetings/index.js";
import { parseHeadcount, setTurnout } from "./service.js";

/** `meetings turnout <meeting> <group> [--pledged <n>] [--actual <n>]`: the roll call of an assembly. */
export async function turnout(ctx: Context, [meetingRef, groupRef]: Args<typeof def.turnout>, opts: Opts<typeof def.turnout>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, meetingRef!, day);
  const group = resolveGroup(ctx.db, groupRef!, day);
  const pledged = opts.pledged !== undefined ? parseHeadcount(opts.pledged, "--pledged") : undefined;
  const actual = opts.actual !== undefined ? parseHeadcount(opts.actual, "--actual") : undefined;
  const row = ctx.write((audit) => setTurnout(ctx.db, audit, meeting, group, { pledged, actual }));
  if (ctx.json) return printJson({ meeting: meeting.id, ...row });
  say(ctx.t("assemblies.turnoutSet", { group: row.group, label: meetingLabel(ctx, meeting), pledged: row.pledged ?? "–", actual: row.actual ?? "–" }));
}

