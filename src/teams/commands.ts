// The teams commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const teams = group({
  path: "teams",
  help: "help.teams",
  examples: [
    "teams list",
    "teams show strategy-finance",
    "teams add \"Aktionsteam Wohnen\" --kind action --short wohnen",
  ],
});

export const list = command({
  path: "teams list",
  help: "help.teams.list",
  examples: ["teams list", "teams list --json"],
});

export const show = command({
  path: "teams show",
  args: ["<team>"],
  help: "help.teams.show",
  examples: ["teams show strategy-finance", "teams show wohnen --json"],
});

export const add = command({
  path: "teams add",
  args: ["<name>"],
  help: "help.teams.add",
  write: true,
  options: {
    kind: option("--kind <kind>", "opt.teamKind", { choices: ["action", "strategy-finance", "other"], mandatory: true }),
    short: option("--short <code>", "opt.teamShort"),
  },
  examples: [
    "teams add \"Aktionsteam Wohnen\" --kind action --short wohnen",
    "teams add \"Redaktion Rundbrief\" --kind other",
  ],
});

export const edit = command({
  path: "teams edit",
  args: ["<team>"],
  help: "help.teams.edit",
  write: true,
  options: {
    name: option("--name <name>", "opt.teamName"),
    short: option("--short <code>", "opt.teamNewShort"),
  },
  examples: [
    "teams edit strategy-finance --name \"Strategy & Finance team\"",
    "teams edit wohnen --name \"Aktionsteam Wohnen und Miete\" --short miete",
  ],
});

export const join = command({
  path: "teams join",
  args: ["<team>", "<person>"],
  help: "help.teams.join",
  write: true,
  options: {
    role: option("--role <role>", "opt.teamRole", { choices: ["lead", "member"] }),
    from: option("--from <date>", "opt.teamFrom"),
    until: option("--until <date>", "opt.teamUntil"),
  },
  examples: [
    "teams join wohnen \"Hatice Kaya\" --role lead",
    "teams join wohnen \"Dragan Petrović\" --from 1.3.2026 --until 1.3.2027",
  ],
});

export const leave = command({
  path: "teams leave",
  args: ["<team>", "<person>"],
  help: "help.teams.leave",
  write: true,
  options: {
    date: option("--date <date>", "opt.teamLeaveDate"),
  },
  examples: ["teams leave wohnen \"Dragan Petrović\"", "teams leave wohnen \"Dragan Petrović\" --date 31.12.2026"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  teams,
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  lazy(add, handlers, "add"),
  lazy(edit, handlers, "edit"),
  lazy(join, handlers, "join"),
  lazy(leave, handlers, "leave"),
];
