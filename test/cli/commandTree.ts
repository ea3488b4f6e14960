// The CLI's commands and options, read from the command definitions (src/<area>/commands.ts).
import { commandTree } from "../../src/cli/tree.js";
import { main } from "../../src/main.js";

/** The help text of a command path (in this process, so no process is spawned). */
export async function helpOf(path: string[]): Promise<string> {
  let out = "";
  const stdout = { write: (chunk: string | Uint8Array) => ((out += String(chunk)), true) };
  await main(["node", "plattform", ...path, "--help", "--lang", "en"], { stdout });
  return out;
}

/** Every leaf command of the CLI, as "groups add", "meetings item add" … (under `path` if given). */
export async function leafCommands(path: string[] = []): Promise<string[]> {
  const prefix = path.join(" ");
  return commandTree()
    .map((c) => c.path)
    .filter((name) => prefix === "" || name === prefix || name.startsWith(`${prefix} `));
}

/** A command's own options: those that take a value (and which of them allow only some words), and switches. */
export async function optionsOf(name: string): Promise<{ values: string[]; choices: string[]; switches: string[] }> {
  const command = commandTree().find((c) => c.path === name);
  if (!command) throw new Error(`no command ${name}`);
  const { values, choices, switches } = command.options;
  return { values, choices, switches };
}

/** The write commands: those whose definition says they change the data file. */
export function writeCommandNames(): string[] {
  return commandTree()
    .filter((c) => c.write)
    .map((c) => c.path);
}
