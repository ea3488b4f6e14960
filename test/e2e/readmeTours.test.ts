// The README's two tours, typed exactly as they stand, in order, by a shell, from the state the README says they
// start from (an empty folder; the secretary's tour builds the demo first), with the date pinned. Each line must
// succeed: a reader who copies them gets what the README promises.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/plattform.cjs");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const TODAY = "2026-12-05";

/** The ```sh blocks of one `## ` section. */
function blocksOf(section: string): string[] {
  const start = README.indexOf(`## ${section}`);
  if (start === -1) throw new Error(`README has no section "${section}"`);
  const end = README.indexOf("\n## ", start + 3);
  const text = README.slice(start, end === -1 ? undefined : end);
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A block as the statements a person would type: continued lines joined, a here-document kept whole. */
function statements(block: string): string[] {
  const lines = block.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let statement = lines[i]!;
    if (statement.trim() === "") continue;
    while (statement.endsWith("\\") && i + 1 < lines.length) statement = `${statement.slice(0, -1)} ${lines[++i]!.trim()}`;
    const heredoc = /<<'?(\w+)'?/.exec(statement);
    if (heredoc) {
      while (i + 1 < lines.length && lines[i]!.trim() !== heredoc[1]) statement += `\n${lines[++i]!}`;
    }
    out.push(statement);
  }
  return out;
}

/** Runs the statements in one shell, each after the one before; returns those that failed, with their output. */
function typeIn(all: string[], folder: string): Array<{ statement: string; output: string }> {
  const home = join(folder, "home");
  mkdirSync(home, { recursive: true });
  const script = [
    `export HOME=${JSON.stringify(home)} PLATTFORM_TODAY=${TODAY} NO_COLOR=1`,
    "unset PLATTFORM_DB PLATTFORM_CONFIG PLATTFORM_USER",
    `plattform() { node ${JSON.stringify(BIN)} "$@"; }`,
    `cd ${JSON.stringify(folder)}`,
    ...all.map((s, i) => `{ ${s}\n} > .out-${i} 2>&1 < /dev/null || echo "FAILED ${i}"`),
  ].join("\n");
  const result = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, timeout: 180_000 });
  if (result.error) throw result.error;
  return [...result.stdout.matchAll(/^FAILED (\d+)$/gm)].map((m) => {
    const i = Number(m[1]);
    return { statement: all[i]!, output: readFileSync(join(folder, `.out-${i}`), "utf8") };
  });
}

describe("the README's tours, typed as they stand", () => {
  it("the organizer's tour, from an empty folder", () => {
    const folder = tempDir();
    const all = blocksOf("A tour for the organizer").flatMap(statements);
    expect(all.length).toBeGreaterThan(8);
    expect(typeIn(all, folder)).toEqual([]);
  }, 180_000);

  it("the secretary's tour, from the demo it builds first (not `meetings run`, which needs a person at a terminal)", () => {
    const folder = tempDir();
    const all = blocksOf("A tour for the secretary")
      .flatMap(statements)
      .filter((s) => !/^plattform meetings run\b/.test(s));
    expect(all.length).toBeGreaterThan(20);
    writeFileSync(join(folder, ".keep"), "");
    expect(typeIn(all, folder)).toEqual([]);
  }, 180_000);
});
