// Builds commander from the command definitions (src/<area>/commands.ts).
import { Command, Option } from "commander";
import type { Context as ContextType } from "../core/context.js";
import { translate, type Lang, type MessageKey } from "../core/i18n.js";

import type { AnyHandler, Runnable } from "../core/define.js";
import { DEFINITIONS } from "./registry.js";
import { io } from "../core/io.js";

declare const PLATTFORM_VERSION: string;
const VERSION = typeof PLATTFORM_VERSION === "string" ? PLATTFORM_VERSION : "0.0.0-dev";

/** Examples at the top of the program's own help. */
export const PROGRAM_EXAMPLES = ["demo", "init --name \"SO! MIT UNS\" --lang de", "groups add \"St. Josef\" --kind parish --joined 2024-03-01", "status"];

/** Loads a command's handler; tests may pass their own (gh's `NewCmdX(f, runF)`). */
export type Loader = (def: Runnable) => Promise<AnyHandler>;

export class Cli {
  ctx: ContextType | undefined;
  /** Commander's error message, kept to be printed once its language is known (see main). */
  usageError: string | undefined;
  /** The platform's language as main() read it from the data file; null when it did not look (--help). */
  platformLang: Lang | undefined | null = null;
  readonly t: (key: string) => string;
  /** The top-level command this run is for; null for none (root help, --version), "*" for all. */
  #target: string | null | undefined;

  constructor(
    readonly argv: string[],
    readonly lang: Lang,
    readonly load: Loader = (def) => def.run!(),
  ) {
    this.t = (key) => translate(lang, key as MessageKey); // help.<path> and opt.<name> of the definitions
  }

  /** An action that loads its handler only when it runs, so that --help stays light. */
  run(def: Runnable) {
    return async (...raw: unknown[]) => {
      const command = raw[raw.length - 1] as Command;
      const args = raw.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
      const [ctx, handler] = await Promise.all([this.#context(command), this.load(def)]);
      this.ctx = ctx;
      await this.ctx.loadMessages(this.platformLang);
      await (await import("../core/output.js")).loadColours(this.ctx);
      await handler(this.ctx, args, optionValues(def, command));
    };
  }

  /** The one place that makes the run's Context; loaded here, not at the top: --help never opens the data file. */
  async #context(command: Command): Promise<ContextType> {
    const [{ Context }, { mayNeedDataSteps, preloadServer, preloadSqlite }, { existsSync }, { isServerUrl }] = await Promise.all([
      import("../core/context.js"),
      import("../core/db.js"),
      import("node:fs"),
      import("../core/config.js"),
    ]);
    const ctx = new Context(command.optsWithGlobals(), this.argv);
    if (isServerUrl(ctx.dataFile.path)) {
      // A platform on a server: its connection code, and SQLite's for the schema a new platform gets from it.
      await Promise.all([preloadServer(), preloadSqlite(), (await import("../app/dataSteps.js")).provideDataSteps(ctx)]);
    } else if (existsSync(ctx.dataFile.path)) {
      // An existing data file will be opened: its SQLite code is loaded now, as one bundled chunk.
      await preloadSqlite();
      // A file of an older schema is migrated when opened: the migrations' data steps are loaded now.
      if (mayNeedDataSteps(ctx.dataFile.path)) await (await import("../app/dataSteps.js")).provideDataSteps(ctx);
    }
    return ctx;
  }

  /**
   * The top-level command the arguments name: the first word after the global options (for `help <command>`,
   * the word after `help`). Only that command's subcommands are declared: building all of them cost every run
   * 15–20 ms (npm run bench), and they appear only in their own command's help.
   */
  targetOf(program: Command): string | null {
    if (this.#target !== undefined) return this.#target;
    const withValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
    const words: string[] = [];
    for (let i = 0; i < this.argv.length && words.length < 2; i++) {
      const arg = this.argv[i]!;
      if (arg === "--") return (this.#target = "*");
      if (arg.startsWith("-")) {
        if (withValue.has(arg)) i++;
        continue;
      }
      words.push(arg);
    }
    return (this.#target = (words[0] === "help" ? words[1] : words[0]) ?? null);
  }

  /** Declares a definition's command under its parent: description, alias, examples, options and handler. */
  declare(parent: Command, def: Runnable): Command {
    const name = def.path.slice(def.path.lastIndexOf(" ") + 1);
    const command = parent.command([name, ...(def.args ?? [])].join(" ")).description(this.t(def.help));
    if (def.alias) command.alias(def.alias);
    if (def.examples) command.addHelpText("before", examplesText(this.t, def.examples));
    for (const spec of Object.values(def.options ?? {})) {
      const option = new Option(spec.flags, this.t(spec.help));
      if (spec.choices) option.choices(spec.choices);
      if (spec.mandatory) option.makeOptionMandatory();
      command.addOption(option);
    }
    if (def.run) command.action(this.run(def));
    return command;
  }
}

function examplesText(t: (key: string) => string, examples: readonly string[]): string {
  return `${t("help.examples")}:\n${examples.map((e) => `  $ plattform ${e}`).join("\n")}\n`;
}

/** The handler's options under the definition's names (commander names `--no-chart` "chart"). */
function optionValues(def: Runnable, command: Command): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(def.options ?? {})) {
    const value = command.getOptionValue(new Option(spec.flags).attributeName());
    if (value !== undefined) values[key] = value;
  }
  return values;
}

export function buildProgram(cli: Cli, definitions: readonly Runnable[] = DEFINITIONS): Command {
  const t = cli.t;
  const program = new Command("plattform")
    .description(t("help.program"))
    .version(VERSION, "-V, --version", t("opt.version"))
    .helpOption("-h, --help", t("opt.help"))
    .helpCommand(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Help and commander's errors go to this run's streams, so that an in-process run captures them too.
      writeOut: (text) => void io().stdout.write(text),
      writeErr: (text) => void io().stderr.write(text),
      getOutHelpWidth: () => (io().stdout.isTTY ? io().stdout.columns : undefined) as number,
      getErrHelpWidth: () => (io().stderr.isTTY ? io().stderr.columns : undefined) as number,
      // Kept, and printed by main() in the run's language (see printUsageError).
      outputError: (message) => {
        cli.usageError = message;
      },
    })
    .addHelpText("before", examplesText(t, PROGRAM_EXAMPLES));
  program
    .option("--db <file>", t("opt.db"))
    .option("--json", t("opt.json"))
    .option("--lang <de|en>", t("opt.lang"))
    .option("--as <name>", t("opt.as"))
    .option("--yes", t("opt.yes"))
    .option("--no-input", t("opt.noInput"))
    .option("--no-color", t("opt.noColor"))
    .option("--wide", t("opt.wide"))
    .option("--debug", t("opt.debug"));

  const target = cli.targetOf(program);
  const targetTop = target === "*" ? "*" : definitions.find((d) => d.path === target || (d.alias === target && !d.path.includes(" ")))?.path;
  // The other top-level commands show only in the program's help (which -h or --help anywhere may ask for) and
  // in the suggestions for an unknown command: a run of a known command declares its own alone.
  const allTopLevel = targetTop === undefined || targetTop === "*" || cli.argv.some((arg) => arg === "-h" || arg === "--help");
  const declared = new Map<string, Command>([["", program]]);
  for (const def of definitions) {
    const at = def.path.lastIndexOf(" ");
    const top = def.path.split(" ")[0]!;
    if (at < 0 ? !allTopLevel && top !== targetTop : targetTop !== "*" && targetTop !== top) continue;
    const parent = declared.get(at < 0 ? "" : def.path.slice(0, at));
    if (parent) declared.set(def.path, cli.declare(parent, def));
  }
  return program;
}
