// The CLI's commands and options, read from its own help (in this process, so no process is spawned).
import { vi } from "vitest";
import { main } from "../../src/main.js";

/** The help text of a command path. */
export async function helpOf(path: string[]): Promise<string> {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await main(["node", "plattform", ...path, "--help", "--lang", "en"]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

/** Every leaf command of the CLI, as "groups add", "meetings item add" … */
export async function leafCommands(path: string[] = []): Promise<string[]> {
  const help = await helpOf(path);
  const section = help.split(/^Commands:$/m)[1];
  if (section === undefined) return [path.join(" ")];
  const names = [...section.matchAll(/^ {2}([a-z][a-z0-9-]*)[ |]/gm)].map((m) => m[1]!).filter((n) => n !== "help");
  const leaves: string[] = [];
  for (const name of names) leaves.push(...(await leafCommands([...path, name])));
  return leaves;
}

/** A command's own options: those that take a value (and which of them allow only some words), and switches. */
export async function optionsOf(name: string): Promise<{ values: string[]; choices: string[]; switches: string[] }> {
  const help = await helpOf(name.split(" "));
  const section = help.split(/^Options:$/m)[1] ?? "";
  const values: string[] = [];
  const choices: string[] = [];
  const switches: string[] = [];
  // One block per option: its line and the wrapped lines of its description.
  for (const block of section.split(/\n(?= {2}-)/)) {
    const m = /^\s*(?:-\w, )?(--[a-z][a-z-]*)( <[^>]+>| \[[^\]]+\])?/.exec(block);
    if (!m || m[1] === "--help") continue;
    (m[2] ? values : switches).push(m[1]!);
    if (m[2] && /\(choices:/.test(block)) choices.push(m[1]!);
  }
  return { values, choices, switches };
}
