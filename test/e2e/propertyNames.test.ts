// Words that name properties of every JavaScript object ("constructor", "__proto__", …) given wherever a command
// takes a word: as each argument of every command, and as the value of each of its options. A lookup in a plain
// object finds them (the fuzz test found `--encoding constructor` and `completion constructor` exiting 70). They
// must be answered like any other unknown word: exit 0, 1 or 2 with one line, never 70.
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneLineError, run, tempDir } from "../helpers.js";
import { commandTree } from "../../src/cli/tree.js";
import { buildWriteTemplate, ENV, FILE_WRITERS, makeFiles, NEW_FILE_COMMANDS, WRITE_COMMANDS, type Files } from "../cli/writeCommands.js";

const WORDS = ["constructor", "__proto__", "toString", "hasOwnProperty"];

let template: string;
let files: Files;
let dir: string;
let cwd: string | undefined;
beforeAll(async () => {
  template = await buildWriteTemplate();
  files = await makeFiles(template);
  dir = tempDir();
  // A word given as a file name (backup constructor) is written to the working folder: this test's own.
  cwd = process.cwd();
  process.chdir(dir);
}, 300_000);
afterAll(() => {
  if (cwd) process.chdir(cwd);
  for (const folder of [template && join(template, ".."), files?.dir, dir]) if (folder) rmSync(folder, { recursive: true, force: true });
});

/**
 * The invocations of one command: each word as all its arguments; where the write tests have a valid invocation,
 * each word in place of each of its arguments in turn (so that the earlier ones are found); then each option given
 * each word, in that valid invocation, else after arguments "1".
 */
function invocations(path: string, args: readonly string[], values: readonly string[]): string[][] {
  const words = path.split(" ");
  const out = WORDS.map((word) => [...words, ...args.filter((a) => a.startsWith("<")).map(() => word)]);
  const known = [...WRITE_COMMANDS, ...NEW_FILE_COMMANDS, ...FILE_WRITERS].find((c) => c.name === path);
  const base = known ? known.valid(files) : [...words, ...args.filter((a) => a.startsWith("<")).map(() => "1")];
  // Each argument of the valid invocation in turn (votes cast 1 NUR constructor).
  for (let at = words.length; known && at < base.length; at++) {
    if (base[at]!.startsWith("--") || values.includes(base[at - 1]!)) continue;
    for (const word of WORDS.slice(0, 2)) out.push(base.map((a, i) => (i === at ? word : a)));
  }
  for (const option of values) {
    for (const word of WORDS.slice(0, 2)) {
      // The option replaces its value in the valid invocation, or is added to it.
      const at = base.indexOf(option);
      out.push(at >= 0 ? base.map((a, i) => (i === at + 1 ? word : a)) : [...base, option, word]);
    }
  }
  return out;
}

describe("words that name an object's own properties", () => {
  it("as every argument and every option value of every command: never exit 70", async () => {
    const failures: string[] = [];
    let count = 0;
    for (const command of commandTree()) {
      // `demo` builds a whole platform per run, and a word cannot reach a lookup in it before its usage check.
      if (command.path === "demo") continue;
      for (const args of invocations(command.path, command.args, command.options.values)) {
        const db = join(dir, "plattform.db");
        copyFileSync(template, db);
        const result = await run(args, { db, env: { ...ENV, HOME: dir } });
        count++;
        if (result.code === 70 || (result.code !== 0 && !oneLineError(result.stderr))) failures.push(`${JSON.stringify(args)}: exit ${result.code}: ${result.stderr.trim().slice(0, 200)}`);
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);
});
