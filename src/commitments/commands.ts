// The commitments commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** Where a commitment stands. */
const STATUSES = ["pending", "in-progress", "kept", "broken"] as const;

export const commitments = group({
  path: "commitments",
  help: "help.commitments",
  examples: [
    "commitments list --overdue",
    "commitments add --ask \"Tempo 30 vor der Grundschule\" --from \"Anna Weber\" --answer yes --at 14 --due 30.6.2027",
    "commitments update 3 --status kept",
  ],
});

export const add = command({
  path: "commitments add",
  help: "help.commitments.add",
  write: true,
  options: {
    ask: option("--ask <text>", "opt.commitmentAsk"),
    from: option("--from <decision-maker>", "opt.commitmentFrom"),
    office: option("--office <office>", "opt.commitmentOffice"),
    body: option("--body <body>", "opt.commitmentBody"),
    answer: option("--answer <answer>", "opt.commitmentAnswer", { choices: ["yes", "no", "partial", "absent"] }),
    at: option("--at <meeting>", "opt.commitmentAt"),
    date: option("--date <date>", "opt.commitmentDate"),
    due: option("--due <date>", "opt.commitmentDue"),
  },
  examples: [
    "commitments add --ask \"Tempo 30 vor der Grundschule\" --from \"Anna Weber\" --office Bezirksbürgermeisterin --body \"Bezirksamt Neukölln\" --answer yes --at 14 --due 30.6.2027",
    "commitments add --ask \"Runder Tisch Heizkosten\" --from \"Degewo-Vorstand\" --answer absent --date 12.5.2027",
  ],
});

export const update = command({
  path: "commitments update",
  args: ["<commitment>"],
  help: "help.commitments.update",
  write: true,
  options: {
    status: option("--status <status>", "opt.commitmentStatus", { choices: STATUSES }),
    note: option("--note <text>", "opt.commitmentNote"),
    date: option("--date <date>", "opt.commitmentUpdateDate"),
  },
  examples: [
    "commitments update 3 --status in-progress --note \"Ausschreibung läuft\"",
    "commitments update 3 --status kept --date 1.7.2027",
    "commitments update 4 --status broken --json",
  ],
});

export const list = command({
  path: "commitments list",
  help: "help.commitments.list",
  options: {
    status: option("--status <status>", "opt.filterCommitmentStatus", { choices: STATUSES }),
    from: option("--from <decision-maker>", "opt.filterDecisionMaker"),
    body: option("--body <body>", "opt.filterBody"),
    overdue: flag("--overdue", "opt.overdueCommitments"),
    since: option("--since <date>", "opt.commitmentsSince"),
  },
  examples: [
    "commitments list",
    "commitments list --overdue",
    "commitments list --from \"Anna Weber\" --status pending",
    "commitments list --body \"Bezirksamt Neukölln\" --json",
  ],
});

export const show = command({
  path: "commitments show",
  args: ["<commitment>"],
  help: "help.commitments.show",
  examples: ["commitments show 3", "commitments show 3 --json"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  commitments,
  lazy(add, handlers, "add"),
  lazy(update, handlers, "update"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
];
