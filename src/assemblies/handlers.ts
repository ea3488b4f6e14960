import type { Context } from "../core/context.js";
import { today } from "../core/dates.js";
import { printJson, say } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import { resolveMeeting } from "../meetings/index.js";
import { parseHeadcount, setTurnout } from "./service.js";

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

