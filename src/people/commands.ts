// The people commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, exportOptions, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** The contact fields of a person, on add and edit. */
const personFields = {
  email: option("--email <email>", "opt.email"),
  phone: option("--phone <phone>", "opt.phone"),
  notes: option("--notes <text>", "opt.notes"),
};

export const people = group({
  path: "people",
  help: "help.people",
  examples: [
    "people list --group JOSEF",
    "people add \"Maria Schmidt\" --group JOSEF --role representative",
    "people show \"Maria Schmidt\"",
  ],
});

export const add = command({
  path: "people add",
  args: ["<name>"],
  help: "help.people.add",
  write: true,
  options: {
    ...personFields,
    group: option("--group <group>", "opt.group"),
    role: option("--role <role>", "opt.role"),
    since: option("--since <date>", "opt.since"),
  },
  examples: [
    "people add \"Maria Schmidt\" --group JOSEF --role representative",
    "people add \"Ali Yılmaz\" --email ali@example.org --phone \"0151 2345678\"",
  ],
});

export const list = command({
  path: "people list",
  help: "help.people.list",
  options: {
    group: option("--group <group>", "opt.filterGroup"),
    role: option("--role <role>", "opt.filterRole"),
    all: flag("--all", "opt.allPeople"),
    format: option("--format <format>", "opt.peopleListFormat", { choices: ["table", "emails"] }),
  },
  examples: [
    "people list",
    "people list --group JOSEF --role representative",
    "people list --role representative --format emails",
    "people list --json",
  ],
});

export const show = command({
  path: "people show",
  args: ["<person>"],
  help: "help.people.show",
  examples: ["people show \"Maria Schmidt\"", "people show 12 --json"],
});

export const edit = command({
  path: "people edit",
  args: ["<person>"],
  help: "help.people.edit",
  write: true,
  options: {
    ...personFields,
    name: option("--name <name>", "opt.name"),
  },
  examples: [
    "people edit \"Maria Schmidt\" --phone \"0151 1111111\"",
    "people edit 12 --name \"Maria Schmidt-Özdemir\"",
  ],
});

export const link = command({
  path: "people link",
  args: ["<person>", "<group>"],
  help: "help.people.link",
  write: true,
  options: {
    role: option("--role <role>", "opt.role"),
    since: option("--since <date>", "opt.since"),
  },
  examples: [
    "people link \"Maria Schmidt\" NUR --role key-person",
    "people link 12 JOSEF --role representative --since 1.1.2027",
  ],
});

export const unlink = command({
  path: "people unlink",
  args: ["<person>", "<group>"],
  help: "help.people.unlink",
  write: true,
  options: {
    role: option("--role <role>", "opt.role"),
    until: option("--until <date>", "opt.until"),
  },
  examples: [
    "people unlink \"Maria Schmidt\" JOSEF",
    "people unlink 12 JOSEF --role representative --until 31.12.2026",
  ],
});

export const forget = command({
  path: "people forget",
  args: ["<person>"],
  help: "help.people.forget",
  write: true,
  examples: ["people forget \"Maria Schmidt\"", "people forget 12 --yes"],
});

export const importCsv = command({
  path: "people import",
  args: ["<file>"],
  help: "help.people.import",
  write: true,
  options: {
    dryRun: flag("--dry-run", "opt.dryRun"),
    encoding: option("--encoding <encoding>", "opt.encoding"),
    verbose: flag("--verbose", "opt.importVerbose"),
  },
  examples: ["people import personen.csv --dry-run", "people import personen.csv"],
});

export const exportPeople = command({
  path: "people export",
  args: ["[person]"],
  help: "help.people.export",
  options: {
    ...exportOptions,
    format: option("--format <format>", "opt.peopleExportFormat", { choices: ["csv", "json", "xlsx", "vcf", "text"] }),
  },
  examples: [
    "people export > personen.csv",
    "people export --format xlsx --out personen.xlsx",
    "people export --format json --out personen.json",
    "people export --format vcf --out adressbuch.vcf",
    "people export \"Maria Schmidt\" --out auskunft-maria-schmidt.json",
    "people export 12 --format text",
  ],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  people,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  lazy(edit, handlers, "edit"),
  lazy(link, handlers, "link"),
  lazy(unlink, handlers, "unlink"),
  forget, // handled in src/app (app/commands.ts): forgetting reaches every area
  lazy(importCsv, handlers, "importCsv"),
  lazy(exportPeople, handlers, "exportPeople"),
];
