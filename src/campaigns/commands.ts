// The campaigns commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** The stages of a campaign. */
const STATUSES = ["research", "action", "negotiation", "won", "lost", "paused"] as const;

export const campaigns = group({
  path: "campaigns",
  help: "help.campaigns",
  examples: [
    "campaigns list",
    "campaigns add Heizkosten --topic Mieten --team wohnen --goal \"Keine Nachzahlungen\"",
    "campaigns update Heizkosten \"412 Unterschriften\" --meeting last",
  ],
});

export const add = command({
  path: "campaigns add",
  args: ["<name>"],
  help: "help.campaigns.add",
  write: true,
  options: {
    topic: option("--topic <topic>", "opt.campTopic", { mandatory: true }),
    team: option("--team <team>", "opt.campTeam", { mandatory: true }),
    goal: option("--goal <text>", "opt.campGoal"),
    status: option("--status <status>", "opt.campStatus", { choices: STATUSES }),
    date: option("--date <date>", "opt.campDate"),
  },
  examples: [
    "campaigns add Heizkosten --topic Mieten --team wohnen --goal \"Keine Nachzahlungen für 2025\"",
    "campaigns add \"Sichere Schulwege\" --topic Schulwege --team schulwege --status action",
  ],
});

export const list = command({
  path: "campaigns list",
  help: "help.campaigns.list",
  options: {
    all: flag("--all", "opt.campAll"),
  },
  examples: ["campaigns list", "campaigns list --all", "campaigns list --json"],
});

export const show = command({
  path: "campaigns show",
  args: ["<campaign>"],
  help: "help.campaigns.show",
  examples: ["campaigns show Heizkosten", "campaigns show 2 --json"],
});

export const update = command({
  path: "campaigns update",
  args: ["<campaign>", "<text>"],
  help: "help.campaigns.update",
  write: true,
  options: {
    meeting: option("--meeting <meeting>", "opt.campMeeting"),
    date: option("--date <date>", "opt.campUpdateDate"),
    status: option("--status <status>", "opt.campUpdateStatus", { choices: STATUSES }),
  },
  examples: [
    "campaigns update Heizkosten \"412 Unterschriften gesammelt\"",
    "campaigns update Heizkosten \"Vermieterin verhandelt\" --status negotiation --meeting last",
    "campaigns update 2 \"Ampel ist gebaut\" --status won --date 3.3.2026",
  ],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  campaigns,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  lazy(update, handlers, "update"),
];
