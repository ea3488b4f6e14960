// The votes commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const votes = group({
  path: "votes",
  help: "help.votes",
  examples: [
    "votes open next \"Die Plattform unterstützt die Mieterversammlung am 12.5.\" --item 5 --mover KOSMOS",
    "votes cast 7 KOSMOS yes",
    "votes close 7",
  ],
});

export const open = command({
  path: "votes open",
  args: ["<meeting>", "<motion>"],
  help: "help.votes.open",
  write: true,
  options: {
    item: option("--item <item-no>", "opt.voteItem"),
    mover: option("--mover <group-or-person>", "opt.mover"),
    mode: option("--mode <mode>", "opt.voteMode", { choices: ["roll-call", "count", "secret"] }),
    majority: option("--majority <majority>", "opt.voteMajority", { choices: ["simple", "two-thirds", "three-quarters", "unanimous"] }),
    base: option("--base <base>", "opt.voteBase", { choices: ["yes-no", "yes-no-abstain", "present", "entitled"] }),
  },
  examples: [
    "votes open next \"Die Plattform unterstützt die Mieterversammlung am 12.5.\" --item 5 --mover KOSMOS",
    "votes open last \"Satzungsänderung § 4\" --mode secret --majority two-thirds --base present",
  ],
});

export const cast = command({
  path: "votes cast",
  args: ["<vote>", "<group>", "<choice>"],
  help: "help.votes.cast",
  write: true,
  examples: ["votes cast 7 KOSMOS yes", "votes cast 7 NUR abstain", "votes cast 7 \"St. Josef\" no --json"],
});

export const recast = command({
  path: "votes recast",
  args: ["<vote>", "<group>", "<choice>"],
  help: "help.votes.recast",
  write: true,
  options: {
    reason: option("--reason <text>", "opt.reason", { mandatory: true }),
  },
  examples: ["votes recast 7 NUR no --reason \"Versehentlich als Ja erfasst\""],
});

export const count = command({
  path: "votes count",
  args: ["<vote>"],
  help: "help.votes.count",
  write: true,
  options: {
    yes: option("--yes <n>", "opt.yesVotes"),
    no: option("--no <n>", "opt.noVotes"),
    abstain: option("--abstain <n>", "opt.abstainVotes"),
  },
  examples: ["votes count 8 --yes 7 --no 2 --abstain 1"],
});

export const close = command({
  path: "votes close",
  args: ["<vote>"],
  help: "help.votes.close",
  write: true,
  examples: ["votes close 7", "votes close 7 --json"],
});

export const withdraw = command({
  path: "votes withdraw",
  args: ["<vote>"],
  help: "help.votes.withdraw",
  write: true,
  options: {
    reason: option("--reason <text>", "opt.withdrawReason", { mandatory: true }),
  },
  examples: ['votes withdraw 7 --reason "versehentlich eröffnet"', 'votes withdraw 7 --reason "vom Antragsteller zurückgezogen"'],
});

export const show = command({
  path: "votes show",
  args: ["<vote>"],
  help: "help.votes.show",
  examples: ["votes show 7", "votes show 7 --json"],
});

export const list = command({
  path: "votes list",
  help: "help.votes.list",
  options: {
    meeting: option("--meeting <meeting>", "opt.voteMeeting"),
  },
  examples: ["votes list", "votes list --meeting last", "votes list --json"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  votes,
  lazy(open, handlers, "open"),
  lazy(cast, handlers, "cast"),
  lazy(recast, handlers, "recast"),
  lazy(count, handlers, "count"),
  lazy(close, handlers, "close"),
  lazy(withdraw, handlers, "withdraw"),
  lazy(show, handlers, "show"),
  lazy(list, handlers, "list"),
];
