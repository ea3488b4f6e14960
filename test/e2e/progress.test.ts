// Issue 18 item 5: a long import shows one progress line on a terminal (stderr, rewritten with \r) and ends
// with one summary line; in a pipe there is no progress; --verbose lists the rows as before.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, newPlatform, runEnv, spawnRun, tempDir } from "../helpers.js";

const ROWS = 10_000;

function peopleCsv(): string {
  const file = join(tempDir(), "people.csv");
  writeFileSync(file, `name,email\n${Array.from({ length: ROWS }, (_, i) => `Person ${String(i).padStart(5, "0")},p${i}@example.org`).join("\n")}\n`);
  return file;
}

/** Runs the binary on a pseudo-terminal (util-linux `script`): what the terminal shows, stdout and stderr together. */
function onTerminal(args: string[], db: string): string {
  const line = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync("script", ["-qec", line, "/dev/null"], { env: runEnv({ db, env: { LANG: "C.UTF-8", PLATTFORM_LANG: "en" } }), encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe("progress of a long import", () => {
  it(`people import of ${ROWS} people on a terminal: a progress line rewritten in place, then one summary line`, async () => {
    const db = await newPlatform();
    const shown = onTerminal(["people", "import", peopleCsv()], db);
    expect(shown).toMatch(/\rImporting: \d+ rows read/);
    // what stays on the screen once each \r has overwritten its line
    const screen = shown
      .split(/\r?\n/)
      .map((l) => l.split("\r").pop()!.replace(/\x1b\[K/g, ""))
      .filter((l) => l.trim() !== "");
    expect(screen).toEqual([`Imported: ${ROWS} added, 0 changed, 0 unchanged.`]);
  }, 60_000);

  it("in a pipe: no progress, one summary line; --verbose lists the rows; --json unchanged", async () => {
    const csv = peopleCsv();
    const piped = spawnRun(["people", "import", csv, "--dry-run", "--lang", "en"], { db: await newPlatform() });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toBe(`Dry run, nothing saved: ${ROWS} would be added, 0 changed, 0 unchanged.\n`);
    const verbose = spawnRun(["people", "import", csv, "--dry-run", "--verbose", "--lang", "en"], { db: await newPlatform() });
    expect(verbose.stdout.split("\n").filter((l) => / Person \d{5} /.test(` ${l} `))).toHaveLength(ROWS);
    const json = spawnRun(["people", "import", csv, "--dry-run", "--json"], { db: await newPlatform() });
    expect(json.stderr).toBe("");
    expect(json.json()).toMatchObject({ dryRun: true, added: ROWS });
  }, 60_000);

  it("--json on a terminal shows no progress either", async () => {
    const shown = onTerminal(["people", "import", peopleCsv(), "--json", "--dry-run"], await newPlatform());
    expect(shown).not.toContain("\r\x1b[K");
    expect(shown).not.toMatch(/Importing/);
  }, 60_000);
});
