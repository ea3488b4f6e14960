// The German words of the assemblies area, typed as the same keys as en.ts, so a missing one does not compile.
import type { Messages } from "../../core/i18n.js";
import type { en } from "./en.js";

export const de: Messages<typeof en> = {
  "assemblies.turnoutSet": "Beteiligung {group} ({label}): {pledged} zugesagt, {actual} gekommen.",
  "assemblies.turnout": "Beteiligung",
  "assemblies.noTurnout": "Noch keine Beteiligung erfasst (plattform meetings turnout <Sitzung> <Gruppe> --pledged <n>).",
  "assemblies.pledged": "Zugesagt",
  "assemblies.actual": "Gekommen",
  "assemblies.total": "Summe",
  "assemblies.asks": "Forderungen und Antworten",
  "assemblies.noAsks": "Keine Forderungen erfasst (plattform commitments add … --at <Sitzung>).",
  "error.assemblies.invalidHeadcount": "{field}: „{value}“ ist keine Personenzahl (0 bis 100000)",
  "error.assemblies.notAssembly": "Sitzung #{id} ist vom Typ {kind}, keine Versammlung: die Beteiligung wird für Versammlungen erfasst",
  "error.assemblies.turnoutHint": "--pledged <n>, --actual <n> oder beides angeben",
};
