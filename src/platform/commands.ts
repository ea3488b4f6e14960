// The platform commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const init = command({
  path: "init",
  help: "help.init",
  write: true,
  options: {
    name: option("--name <name>", "opt.platformName"),
  },
  examples: ["init --name \"SO! MIT UNS\" --lang de", "--db ./plattform.db init --name \"Bürgerplattform Wedding\""],
});

export const status = command({
  path: "status",
  help: "help.status",
  examples: ["status", "status --json"],
});

export const config = group({
  path: "config",
  help: "help.config",
  examples: ["config get", "config set quorum half", "config set majority two-thirds"],
});

export const configGet = command({
  path: "config get",
  args: ["[key]"],
  help: "help.config.get",
  examples: ["config get", "config get quorum", "config get --json"],
});

export const configSet = command({
  path: "config set",
  args: ["<key>", "<value>"],
  help: "help.config.set",
  write: true,
  examples: ["config set name \"SO! MIT UNS\"", "config set quorum 7", "config set term-months 12"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  init, // handled in src/app (app/commands.ts): a new platform starts every area
  status, // handled in src/app (app/commands.ts): every area adds its lines
  config,
  lazy(configGet, handlers, "configGet"),
  lazy(configSet, handlers, "configSet"),
];
