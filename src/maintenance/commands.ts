// The maintenance commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const backup = command({
  path: "backup",
  args: ["<file>"],
  help: "help.backup",
  examples: ["backup ~/sicherung/plattform-2026-03-01.db", "backup /media/usb/plattform.db --json"],
});

export const restore = command({
  path: "restore",
  args: ["<file>"],
  help: "help.restore",
  write: true,
  examples: ["restore ~/sicherung/plattform-2026-03-01.db", "restore ~/sicherung/plattform-2026-03-01.db --yes"],
});

export const check = command({
  path: "check",
  help: "help.check",
  options: {
    fingerprint: option("--fingerprint <code>", "opt.checkFingerprint"),
  },
  examples: ["check", "check --json", "check --fingerprint 3f2a-91bc-07de-55a1"],
});

export const log = command({
  path: "log",
  help: "help.log",
  options: {
    since: option("--since <date>", "opt.logSince"),
    entity: option("--entity <type>", "opt.logEntity"),
    who: option("--who <name>", "opt.logWho"),
    limit: option("--limit <n>", "opt.logLimit"),
  },
  examples: ["log --since 1.3.2026", "log --entity person --who maria", "log --limit 20 --json"],
});

export const copy = command({
  path: "copy",
  help: "help.copy",
  write: true,
  options: {
    from: option("--from <db>", "opt.copyFrom", { mandatory: true }),
    to: option("--to <db>", "opt.copyTo"),
  },
  examples: ["copy --from ~/plattform.db --to postgres://plattform.example.org/kiezplattform", "copy --from postgres://plattform.example.org/kiezplattform --to ~/plattform-kopie.db --json"],
});

export const completion = command({
  path: "completion",
  args: ["<shell>"],
  help: "help.completion",
  examples: ["completion bash > ~/.local/share/bash-completion/completions/plattform", "completion zsh > ~/.zsh-plattform && echo 'source ~/.zsh-plattform' >> ~/.zshrc", "completion fish > ~/.config/fish/completions/plattform.fish"],
});

export const users = group({
  path: "users",
  help: "help.users",
  examples: ["users add kim --role treasurer", "users list", "users remove kim"],
});

export const usersAdd = command({
  path: "users add",
  args: ["<name>"],
  help: "help.users add",
  write: true,
  options: {
    role: option("--role <role>", "opt.userRole", { choices: ["organizer", "secretary", "treasurer", "reader"], mandatory: true }),
  },
  examples: ["users add kim --role treasurer", "users add maria --role secretary", "users add kernkreis --role reader"],
});

export const usersList = command({
  path: "users list",
  help: "help.users list",
  examples: ["users list", "users list --json"],
});

export const usersRemove = command({
  path: "users remove",
  args: ["<name>"],
  help: "help.users remove",
  write: true,
  examples: ["users remove kim"],
});

const handlers = () => import("./handlers.js");
const usersHandlers = () => import("./users.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  lazy(backup, handlers, "backup"),
  lazy(restore, handlers, "restore"),
  lazy(check, handlers, "check"),
  lazy(log, handlers, "log"),
  lazy(copy, handlers, "copyPlatform"),
  lazy(completion, () => import("./completion.js"), "completion"),
  users,
  lazy(usersAdd, usersHandlers, "usersAdd"),
  lazy(usersList, usersHandlers, "usersList"),
  lazy(usersRemove, usersHandlers, "usersRemove"),
];
