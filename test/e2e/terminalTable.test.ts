// On a terminal, lists are boxed tables drawn by cli-table3; in a pipe, plain columns. The terminal is made
// with util-linux `script`, which gives the child a pseudo-terminal.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, newPlatform, run, tempDir } from "../helpers.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("tables on a terminal and in a pipe", () => {
  // Skipped only where util-linux's `script` is missing: without a pseudo-terminal there is no terminal to test.
  it.skipIf(!hasScript)("a terminal gets a boxed table with the same rows as the pipe's plain columns", async () => {
    const db = await newPlatform();
    expect((await run(["groups", "add", "Çağlar Kulturverein", "--short", "CAG"], { db })).code).toBe(0);
    const env = { PATH: process.env.PATH ?? "", HOME: tempDir(), PLATTFORM_DB: db, LANG: "C.UTF-8", TERM: "xterm" };
    const tty = spawnSync("script", ["-qc", `${process.execPath} ${BIN} groups list --lang en`, "/dev/null"], { env, encoding: "utf8" });
    const lines = tty.stdout.split(/\r?\n/).filter((l) => l !== "");
    expect(lines[0]).toMatch(/^┌─+┬/);
    expect(lines.at(-1)).toMatch(/^└─+┴/);
    expect(lines.some((l) => /│ 1 +│ Çağlar Kulturverein +│ CAG +│/.test(l))).toBe(true);
    const piped = (await run(["groups", "list", "--lang", "en"], { db })).stdout.split("\n");
    expect(piped[0]).toMatch(/^# +Name +Short/);
    expect(piped[1]).toMatch(/^1 +Çağlar Kulturverein +CAG +/);
    expect(piped.join("\n")).not.toMatch(/[│┌└\u001b]/);
  });
});
