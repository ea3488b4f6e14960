// The command tree read from the definitions: for tests, shell completion and a man page.
import { Option } from "commander";
import type { OptionSpec, Runnable } from "../core/define.js";
import { DEFINITIONS } from "./registry.js";

export interface LeafCommand {
  /** "groups add", "meetings item add" … */
  path: string;
  alias?: string;
  args: readonly string[];
  /** Long flags of the options that take a value, of those that allow only some words, of switches, of mandatory ones. */
  options: { values: string[]; choices: string[]; switches: string[]; mandatory: string[] };
  /** It changes the data file. */
  write: boolean;
  help: string;
  /** The options as defined: flags ("--kind <kind>"), help key, choices, mandatory. */
  specs: readonly OptionSpec[];
  examples: readonly string[];
}

/** Every command that runs (no groups), in the order of the help. */
export function commandTree(definitions: readonly Runnable[] = DEFINITIONS): LeafCommand[] {
  return definitions
    .filter((def) => def.run)
    .map((def) => {
      const options = { values: [] as string[], choices: [] as string[], switches: [] as string[], mandatory: [] as string[] };
      for (const spec of Object.values(def.options ?? {})) {
        const option = new Option(spec.flags);
        const long = option.long!;
        (option.required || option.optional ? options.values : options.switches).push(long);
        if (spec.choices) options.choices.push(long);
        if (spec.mandatory) options.mandatory.push(long);
      }
      return { path: def.path, ...(def.alias ? { alias: def.alias } : {}), args: def.args ?? [], options, write: def.write === true, help: def.help, specs: Object.values(def.options ?? {}), examples: def.examples ?? [] };
    });
}
