// The German words of the demo area, typed as the same keys as en.ts, so a missing one does not compile.
import type { Messages } from "../../core/i18n.js";
import type { en } from "./en.js";

export const de: Messages<typeof en> = {
  "demo.done": "Demo-Plattform „{name}“ in {path} angelegt: {groups} Mitgliedsgruppen ({left} ausgetreten), {people} Personen.",
  "demo.tour": "Probieren Sie (die Demo berührt Ihre echte Datendatei nie):",
  "demo.step.people": "Demo: Mitgliedsgruppen und Personen …",
  "demo.step.organizing": "Demo: Aktionsteams, Kampagnen und Gespräche …",
  "demo.step.meeting": "Demo: Kernkreis-Treffen {n} …",
  "demo.step.fundraising": "Demo: Fundraising …",
  "demo.step.commitments": "Demo: Versammlung und Zusagen …",
  "demo.step.reports": "Demo: Einladung und Protokoll …",
  "demo.refused": "{path} existiert und ist keine Demo-Datei",
  "demo.refused.hint": "wählen Sie mit --db eine andere Datei oder entfernen Sie sie selbst",
  "help.demo": "Eine realistische Beispiel-Plattform in einer eigenen Demo-Datei anlegen und eine Tour zeigen",
};
