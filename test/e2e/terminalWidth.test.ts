// Issue 18: tables and text fit the terminal. The demo's lists are run in a pseudo-terminal (util-linux `script`)
// whose width `stty cols` sets: at 80 columns no line is wider, at 200 no column is hidden.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/output.js";
import { BIN, run, tempDir } from "../helpers.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;
const TODAY = "2026-03-15";
const COMMANDS = ["groups list", "people list", "meetings list", "votes list", "tasks list", "fundraising report", "status", "elections tally 1"];
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

let db: string;

/** Each command's output (stdout and stderr, as a terminal shows them) at `cols` columns, in one pseudo-terminal. */
function inTerminal(cols: number, lang: string, extra = ""): Map<string, string[]> {
  const commands = COMMANDS.map((c) => `echo "@@ ${c}"; ${process.execPath} ${BIN} ${c} --lang ${lang} ${extra}`).join("; ");
  const env = { PATH: process.env.PATH ?? "", HOME: tempDir(), PLATTFORM_DB: db, PLATTFORM_TODAY: TODAY, LANG: "C.UTF-8", TERM: "xterm" };
  const tty = spawnSync("script", ["-qc", `stty cols ${cols} rows 50; ${commands}`, "/dev/null"], { env, encoding: "utf8" });
  const outputs = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of tty.stdout.replace(ANSI, "").split(/\r?\n/)) {
    const marker = /^@@ (.+)$/.exec(line);
    if (marker) outputs.set(marker[1]!, (current = []));
    else current.push(line);
  }
  return outputs;
}

describe.skipIf(!hasScript)("tables fit the terminal (pseudo-terminal via `script`)", () => {
  beforeAll(async () => {
    db = join(tempDir(), "demo.db");
    expect((await run(["demo", "--db", db], { env: { PLATTFORM_TODAY: TODAY } })).code).toBe(0);
  }, 120_000); // the demo is built in this process: seconds, more on a busy machine than a hook's default 10 s allow

  it.each(["en", "de"])("at 80 columns no line of the demo's lists is wider (%s)", (lang) => {
    const outputs = inTerminal(80, lang);
    expect([...outputs.keys()]).toEqual(COMMANDS);
    for (const [command, lines] of outputs) {
      expect(lines.join("\n"), command).not.toMatch(/error|Fehler/);
      expect(lines.filter((l) => l.trim() !== "").length, command).toBeGreaterThan(2);
      const wide = lines.filter((l) => displayWidth(l) > 80);
      expect(wide, command).toEqual([]);
    }
    // The narrow terminal does hide columns somewhere, and says so in the run's language.
    const notes = [...outputs.values()].flat().filter((l) => /hidden: --wide|ausgeblendet: --wide/.test(l));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((l) => (lang === "de" ? /^\d+ Spalten? ausgeblendet: --wide$/ : /^\d+ columns? hidden: --wide$/).test(l))).toBe(true);
  });

  it("at 200 columns nothing is hidden", () => {
    const outputs = inTerminal(200, "en");
    expect([...outputs.keys()]).toEqual(COMMANDS);
    for (const [command, lines] of outputs) {
      expect(lines.join("\n"), command).not.toMatch(/hidden|ausgeblendet/);
      expect(lines.filter((l) => displayWidth(l) > 200), command).toEqual([]);
    }
  });

  it("--wide shows every column at 80 columns, however wide the lines", () => {
    const outputs = inTerminal(80, "en", "--wide");
    for (const [command, lines] of outputs) expect(lines.join("\n"), command).not.toMatch(/hidden: --wide/);
    expect(outputs.get("meetings list")!.some((l) => /Place/.test(l) && displayWidth(l) > 80)).toBe(true);
  });
});
