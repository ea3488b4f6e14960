// The elections commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const elections = group({
  path: "elections",
  help: "help.elections",
  examples: [
    "elections add next --team strategy-finance --seats 5",
    "elections ballot 3 --group KOSMOS \"Hatice Kaya\" \"Yusuf Demir\"",
    "elections tally 3",
    "elections certify 3",
    "elections tally --blt stimmzettel.blt",
  ],
});

export const tally = command({
  path: "elections tally",
  args: ["[election]"],
  help: "help.elections.tally",
  write: true,
  options: {
    blt: option("--blt <file>", "opt.blt"),
    seed: option("--seed <n>", "opt.seed"),
    encoding: option("--encoding <encoding>", "opt.encoding"),
  },
  examples: [
    "elections tally --blt ../shared/data/stv/scottish/Govan-2007.blt",
    "elections tally 3",
    "elections tally 3 --seed 42 --json",
  ],
});

export const add = command({
  path: "elections add",
  args: ["<meeting>"],
  help: "help.elections.add",
  write: true,
  options: {
    team: option("--team <team>", "opt.electionTeam"),
    seats: option("--seats <n>", "opt.electionSeats"),
    method: option("--method <method>", "opt.electionMethod", { choices: ["scottish-stv", "approval", "yes-no-abstain"] }),
    termMonths: option("--term-months <n>", "opt.electionTermMonths"),
    item: option("--item <item-no>", "opt.electionItem"),
  },
  examples: [
    "elections add next --team strategy-finance --seats 5",
    "elections add 3.12.2026 --team strategy-finance --seats 5 --method yes-no-abstain --term-months 12 --item 6",
  ],
});

export const nominate = command({
  path: "elections nominate",
  args: ["<election>", "<person>"],
  help: "help.elections.nominate",
  write: true,
  options: {
    by: option("--by <group>", "opt.nominatedBy"),
  },
  examples: ["elections nominate 3 \"Hatice Kaya\" --by KOSMOS", "elections nominate 3 12"],
});

export const accept = command({
  path: "elections accept",
  args: ["<election>", "<person>"],
  help: "help.elections.accept",
  write: true,
  examples: ["elections accept 3 \"Hatice Kaya\""],
});

export const withdraw = command({
  path: "elections withdraw",
  args: ["<election>", "<person>"],
  help: "help.elections.withdraw",
  write: true,
  examples: ["elections withdraw 3 \"Yusuf Demir\""],
});

export const ballot = command({
  path: "elections ballot",
  args: ["<election>", "<choice...>"],
  help: "help.elections.ballot",
  write: true,
  options: {
    group: option("--group <group>", "opt.ballotGroup"),
  },
  examples: [
    "elections ballot 3 --group KOSMOS \"Hatice Kaya\" \"Yusuf Demir\" \"Birgit Neumann\"",
    "elections ballot 4 --group NUR \"Hatice Kaya\" \"Olga Petrenko\"",
    "elections ballot 5 --group JOSEF \"Hatice Kaya=yes\" \"Yusuf Demir=no\" \"Olga Petrenko=abstain\"",
  ],
});

export const importBallots = command({
  path: "elections import",
  args: ["<election>", "<file>"],
  help: "help.elections.import",
  write: true,
  options: {
    encoding: option("--encoding <encoding>", "opt.encoding"),
  },
  examples: ["elections import 3 stimmzettel.blt"],
});

export const exportBallots = command({
  path: "elections export",
  args: ["<election>"],
  help: "help.elections.export",
  options: {
    out: option("--out <file>", "opt.out"),
  },
  examples: ["elections export 3 --out stimmzettel.blt", "elections export 3 > stimmzettel.blt"],
});

export const show = command({
  path: "elections show",
  args: ["<election>"],
  help: "help.elections.show",
  examples: ["elections show 3", "elections show 3 --json"],
});

export const list = command({
  path: "elections list",
  help: "help.elections.list",
  options: {
    meeting: option("--meeting <meeting>", "opt.electionMeeting"),
    team: option("--team <team>", "opt.electionTeam"),
  },
  examples: ["elections list", "elections list --team strategy-finance", "elections list --meeting last --json"],
});

export const certify = command({
  path: "elections certify",
  args: ["<election>"],
  help: "help.elections.certify",
  write: true,
  examples: ["elections certify 3", "elections certify 3 --json"],
});

const handlers = () => import("./handlers.js");
// The commands on stored elections: the standalone `tally --blt` stays light.
const stored = () => import("./stored.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  elections,
  lazy(tally, handlers, "tally"),
  lazy(add, stored, "addCommand"),
  lazy(nominate, stored, "nominateCommand"),
  lazy(accept, stored, "acceptCommand"),
  lazy(withdraw, stored, "withdrawCommand"),
  lazy(ballot, stored, "ballotCommand"),
  lazy(importBallots, stored, "importCommand"),
  lazy(exportBallots, stored, "exportCommand"),
  lazy(show, stored, "showCommand"),
  lazy(list, stored, "listCommand"),
  lazy(certify, stored, "certifyCommand"),
];
