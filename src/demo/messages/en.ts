// The English words of the demo area. de.ts has exactly the same keys.
import type { Message } from "../../core/i18n.js";

export const en = {
  "demo.done": "Demo platform “{name}” created in {path}: {groups} member groups ({left} left), {people} people.",
  "demo.tour": "Try these (the demo never touches your real data file):",
  "demo.step.people": "Demo: member groups and people …",
  "demo.step.organizing": "Demo: action teams, campaigns and conversations …",
  "demo.step.meeting": "Demo: Kernkreis meeting {n} …",
  "demo.step.fundraising": "Demo: fundraising …",
  "demo.step.commitments": "Demo: assembly and commitments …",
  "demo.step.reports": "Demo: invitation and minutes …",
  "demo.refused": "{path} exists and is not a demo file",
  "demo.refused.hint": "choose another file with --db, or remove it yourself",
  "help.demo": "Build a realistic sample platform in a separate demo file and show a tour",
} satisfies Record<string, Message>;
