// `plattform elections tally --blt <file>`: the built binary on the largest Glasgow ward and on broken files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { oneLineError, run, tempDir } from "../helpers.js";

const DIR = fileURLToPath(new URL("../data/stv/scottish/", import.meta.url));
const LARGEST = join(DIR, "Partick-West-2007.blt");

/** The elected names of a reference count, from its readable report, in order. */
function referenceElected(name: string): string[] {
  const text = readFileSync(join(DIR, `${name}.expected.txt`), "utf8");
  return [...text.matchAll(/^Action: Elect(?:, transfer pending| remaining candidates): (.+)$/gm)].map((m) => m[1]!.trim());
}

function brokenFile(text: string): string {
  const path = join(tempDir(), "broken.blt");
  writeFileSync(path, text);
  return path;
}

describe("elections tally --blt", () => {
  it("counts the largest Glasgow ward: JSON in the CLI.md shape, the reference's winners", async () => {
    const result = await run(["elections", "tally", "--blt", LARGEST, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    const tally = result.json();
    expect(tally.method).toBe("scottish-stv");
    expect(tally.seats).toBe(4);
    expect(tally.quota).toBe("2549.00000");
    expect(tally.valid).toBe(12744);
    expect(tally.elected).toEqual(referenceElected("Partick-West-2007"));
    expect(tally.ties).toEqual([]);
    expect(tally.seed).toBeNull();
    expect(tally.rounds.length).toBeGreaterThan(1);
    tally.rounds.forEach((round: any, i: number) => {
      expect(round.round).toBe(i + 1);
      expect(typeof round.action).toBe("string");
      expect(round.nontransferable).toMatch(/^\d+\.\d{5}$/);
      for (const c of round.candidates) {
        expect(Object.keys(c).sort()).toEqual(["name", "state", "votes"]);
        expect(c.votes).toMatch(/^\d+\.\d{5}$/);
        expect(["hopeful", "elected", "excluded", "withdrawn"]).toContain(c.state);
      }
    });
    const last = tally.rounds[tally.rounds.length - 1];
    expect(last.candidates.filter((c: any) => c.state === "elected").map((c: any) => c.name).sort()).toEqual([...tally.elected].sort());
  });

  it("prints the rounds as a table, without needing a data file", async () => {
    const result = await run(["elections", "tally", "--blt", LARGEST]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("quota 2549.00000");
    expect(result.stdout).toMatch(/^Candidate\s+1\s+2/m);
    expect(result.stdout).toContain(`Elected: ${referenceElected("Partick-West-2007").join(", ")}`);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("records the lot of weak-surplus with the seed, and --seed repeats the count", async () => {
    const first = await run(["elections", "tally", "--blt", join(DIR, "weak-surplus.blt"), "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const tally = first.json();
    expect(tally.ties).toEqual([expect.objectContaining({ decidedBy: "lot", between: ["E", "F"] })]);
    expect(Number.isInteger(tally.seed)).toBe(true);
    const again = await run(["elections", "tally", "--blt", join(DIR, "weak-surplus.blt"), "--seed", String(tally.seed), "--json"]);
    expect(again.json()).toEqual(tally);
    const human = await run(["elections", "tally", "--blt", join(DIR, "weak-surplus.blt"), "--seed", "0"]);
    expect(human.stdout).toContain("--seed 0");
  });

  it("speaks German with --lang de", async () => {
    const result = await run(["elections", "tally", "--blt", join(DIR, "weak-defeat.blt"), "--lang", "de"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Gewählt: D, E");
  });

  it.each([
    ["a ballot naming an unknown candidate", '3 1\n1 1 2 0\n1 2 7 0\n0\n"A"\n"B"\n"C"\n"T"\n', 3],
    ["a candidate twice", '3 1\n# comment\n1 1 2 1 0\n0\n"A"\n"B"\n"C"\n"T"\n', 3],
    ["equal rankings", '3 1\n1 1 2=3 0\n0\n"A"\n"B"\n"C"\n"T"\n', 2],
    ["a missing 0", '3 1\n1 1 2 0\n\n2 3 1\n0\n"A"\n"B"\n"C"\n"T"\n', 4],
    ["a bad header", "three one\n1 1 0\n", 1],
  ])("refuses %s: exit 1, one line naming the line", async (_label, text, line) => {
    const result = await run(["elections", "tally", "--blt", brokenFile(text)]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(result.stderr).toContain(`line ${line}:`);
    expect(result.stdout).toBe("");
  });

  it("names the line in German too", async () => {
    const result = await run(["elections", "tally", "--blt", brokenFile('2 1\n1 1 1 0\n0\n"A"\n"B"\n'), "--lang", "de"]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^Fehler: Zeile 2: /);
  });

  it.each([["-1"], ["1.5"], ["abc"]])("refuses --seed %s with exit 1", async (seed) => {
    const result = await run(["elections", "tally", "--blt", LARGEST, "--seed", seed]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr), result.stderr).toBe(true);
    expect(result.stdout).toBe("");
  });

  it("refuses a file it cannot read, with a hint", async () => {
    const result = await run(["elections", "tally", "--blt", join(tempDir(), "missing.blt")]);
    expect(result.code).toBe(1);
    expect(oneLineError(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/missing\.blt — /);
  });

  it("refuses an election and --blt together (usage, exit 2)", async () => {
    const result = await run(["elections", "tally", "3", "--blt", LARGEST]);
    expect(result.code).toBe(2);
    expect(oneLineError(result.stderr)).toBe(true);
  });
});
