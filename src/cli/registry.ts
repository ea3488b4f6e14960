// Every command's definition, from each area's commands.ts: plain data, read at start-up.
import { commands as app } from "../app/commands.js";
import { commands as campaigns } from "../campaigns/commands.js";
import { commands as commitments } from "../commitments/commands.js";
import { commands as conversations } from "../conversations/commands.js";
import { commands as demo } from "../demo/commands.js";
import { commands as elections } from "../elections/commands.js";
import { commands as fundraising } from "../fundraising/commands.js";
import { commands as groups } from "../groups/commands.js";
import { commands as maintenance } from "../maintenance/commands.js";
import { commands as meetings } from "../meetings/commands.js";
import { commands as people } from "../people/commands.js";
import { commands as platform } from "../platform/commands.js";
import { commands as reports } from "../reports/commands.js";
import { commands as tasks } from "../tasks/commands.js";
import { commands as teams } from "../teams/commands.js";
import { commands as votes } from "../votes/commands.js";
import type { Runnable } from "../core/define.js";

/** The order of the program's own help; a top-level command missing here comes last. */
const ROOT_ORDER = "init demo status backup restore check log copy users config groups people meetings votes elections teams conversations topics campaigns commitments tasks fundraising report".split(" ");

const rank = (def: Runnable) => {
  const at = ROOT_ORDER.indexOf(def.path.split(" ")[0]!);
  return at < 0 ? ROOT_ORDER.length : at;
};

/** The commands src/app handles, by path: they take their area's place in the help. */
const fromApp = new Map(app.map((def) => [def.path, def]));

/** All definitions: top-level commands in the help's order, each followed by its subcommands in theirs. */
export const DEFINITIONS: readonly Runnable[] = [platform, demo, maintenance, groups, people, meetings, votes, elections, teams, conversations, campaigns, commitments, tasks, fundraising, reports]
  .flat()
  .map((def) => fromApp.get(def.path) ?? def)
  .map((def, i) => ({ def, i }))
  .sort((a, b) => rank(a.def) - rank(b.def) || a.i - b.i)
  .map(({ def }) => def);
