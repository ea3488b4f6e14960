// The groups commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, exportOptions, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** The fields of a group, on add and edit. */
const groupFields = {
  short: option("--short <code>", "opt.short"),
  kind: option("--kind <kind>", "opt.kind"),
  joined: option("--joined <date>", "opt.joined"),
  email: option("--email <email>", "opt.email"),
  phone: option("--phone <phone>", "opt.phone"),
  notes: option("--notes <text>", "opt.notes"),
  iban: option("--iban <iban>", "opt.iban"),
};

export const groups = group({
  path: "groups",
  help: "help.groups",
  examples: ["groups list", "groups add \"St. Josef\" --short JOSEF --kind parish", "groups show JOSEF"],
});

export const add = command({
  path: "groups add",
  args: ["<name>"],
  help: "help.groups.add",
  write: true,
  options: {
    ...groupFields,
  },
  examples: [
    "groups add \"St. Josef\" --kind parish --joined 2024-03-01",
    "groups add \"Moscheeverein Al-Nur\" --short NUR --kind mosque --email kontakt@al-nur.example",
  ],
});

export const list = command({
  path: "groups list",
  help: "help.groups.list",
  options: {
    all: flag("--all", "opt.allGroups"),
  },
  examples: ["groups list", "groups list --all", "groups list --json"],
});

export const show = command({
  path: "groups show",
  args: ["<group>"],
  help: "help.groups.show",
  examples: ["groups show JOSEF", "groups show \"St. Josef\"", "groups show 3 --json"],
});

export const edit = command({
  path: "groups edit",
  args: ["<group>"],
  help: "help.groups.edit",
  write: true,
  options: {
    ...groupFields,
    name: option("--name <name>", "opt.name"),
  },
  examples: ["groups edit JOSEF --phone \"030 1234567\"", "groups edit 3 --name \"Kath. Gemeinde St. Josef\""],
});

export const leave = command({
  path: "groups leave",
  args: ["<group>"],
  help: "help.groups.leave",
  write: true,
  options: {
    date: option("--date <date>", "opt.leaveDate"),
  },
  examples: ["groups leave JOSEF", "groups leave JOSEF --date 31.12.2026"],
});

export const importCsv = command({
  path: "groups import",
  args: ["<file>"],
  help: "help.groups.import",
  write: true,
  options: {
    dryRun: flag("--dry-run", "opt.dryRun"),
    encoding: option("--encoding <encoding>", "opt.encoding"),
    verbose: flag("--verbose", "opt.importVerbose"),
  },
  examples: ["groups import gruppen.csv --dry-run", "groups import gruppen.csv"],
});

export const exportGroups = command({
  path: "groups export",
  help: "help.groups.export",
  options: exportOptions,
  examples: ["groups export > gruppen.csv", "groups export --format xlsx --out gruppen.xlsx", "groups export --json --out gruppen.json"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  groups,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  lazy(edit, handlers, "edit"),
  lazy(leave, handlers, "leave"),
  lazy(importCsv, handlers, "importCsv"),
  lazy(exportGroups, handlers, "exportGroups"),
];
