// The English words of the assemblies area. de.ts has exactly the same keys.
import type { Message } from "../../core/i18n.js";

export const en = {
  "assemblies.turnoutSet": "Turnout of {group} ({label}): {pledged} pledged, {actual} came.",
  "assemblies.turnout": "Turnout",
  "assemblies.noTurnout": "No turnout recorded yet (plattform meetings turnout <meeting> <group> --pledged <n>).",
  "assemblies.pledged": "Pledged",
  "assemblies.actual": "Came",
  "assemblies.total": "Total",
  "assemblies.asks": "Asks and answers",
  "assemblies.noAsks": "No asks recorded (plattform commitments add … --at <meeting>).",
  "error.assemblies.invalidHeadcount": "{field}: “{value}” is not a number of people (0 to 100000)",
  "error.assemblies.notAssembly": "meeting #{id} is a {kind}, not an assembly: turnout is recorded for assemblies",
  "error.assemblies.turnoutHint": "give --pledged <n>, --actual <n> or both",
} satisfies Record<string, Message>;
