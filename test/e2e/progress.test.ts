// Issue 18 item 5: a long import, tally, backup, restore or demo shows one progress line on a terminal (stderr,
// rewritten with \r) and ends with one summary line; in a pipe or with --json there is no progress; --verbose
// lists an import's rows.
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
function onTerminal(args: string[], db?: string): string {
  const line = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync("script", ["-qec", line, "/dev/null"], { env: runEnv({ db, env: { LANG: "C.UTF-8", PLATTFORM_LANG: "en" } }), encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** What stays on the screen once each \r has overwritten its line: the progress line is gone. */
function screenOf(shown: string): string[] {
  return shown
    .split(/\r?\n/)
    .map((l) => l.split("\r").pop()!.replace(/\x1b\[K/g, ""))
    .filter((l) => l.trim() !== "");
}

/** The progress lines shown (each one ends by clearing the rest of the line), and whether the last was cleared before `next`. */
function clearedBefore(shown: string, next: string): boolean {
  const at = shown.indexOf(next);
  return at > 0 && shown.slice(0, at).trimEnd().endsWith("\r\x1b[K");
}

describe("progress of a long import", () => {
  it(`people import of ${ROWS} people on a terminal: a progress line rewritten in place, then one summary line`, async () => {
    const db = await newPlatform();
    const shown = onTerminal(["people", "import", peopleCsv()], db);
    expect(shown).toMatch(/\rImporting: \d+ rows read/);
    expect(screenOf(shown)).toEqual([`Imported: ${ROWS} added, 0 changed, 0 unchanged.`]);
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

describe("progress of a bank statement import", () => {
  const BOOKINGS = 3000;
  function statement(): string {
    const file = join(tempDir(), "konto.csv");
    const rows = Array.from({ length: BOOKINGS }, (_, i) => `${String(1 + (i % 28)).padStart(2, "0")}.03.2026;${5 + (i % 50)},00;Spende ${i}`);
    writeFileSync(file, `Buchungstag;Betrag;Verwendungszweck\n${rows.join("\n")}\n`);
    return file;
  }
  const summary = `Dry run, nothing saved: ${BOOKINGS} would be added (€88,500.00), 0 imported before, 0 skipped.`;

  it(`${BOOKINGS} bookings on a terminal: a progress line, cleared before the layout and the summary line`, async () => {
    const shown = onTerminal(["fundraising", "import", statement(), "--kind", "donation", "--dry-run"], await newPlatform());
    expect(shown).toMatch(/\rImporting: \d+ rows read …\x1b\[K/);
    expect(clearedBefore(shown, "Layout: CSV.")).toBe(true);
    expect(screenOf(shown).join(" ")).toBe(`Layout: CSV. ${summary}`);
  }, 60_000);

  it("in a pipe: no progress, the layout and one summary line; --verbose lists the bookings; --json unchanged", async () => {
    const file = statement();
    const db = await newPlatform();
    const piped = spawnRun(["fundraising", "import", file, "--kind", "donation", "--dry-run", "--lang", "en"], { db });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toBe(`Layout: CSV.\n${summary}\n`);
    const verbose = spawnRun(["fundraising", "import", file, "--kind", "donation", "--dry-run", "--verbose", "--lang", "en"], { db });
    expect(verbose.stdout.split("\n").filter((l) => / Spende \d+ /.test(l))).toHaveLength(BOOKINGS);
    expect(verbose.stdout.endsWith(`${summary}\n`)).toBe(true);
    const json = spawnRun(["fundraising", "import", file, "--kind", "donation", "--dry-run", "--json"], { db });
    expect(json.stderr).toBe("");
    expect(json.json()).toMatchObject({ dryRun: true, added: BOOKINGS });
    const onTty = onTerminal(["fundraising", "import", file, "--kind", "donation", "--dry-run", "--json"], db);
    expect(onTty).not.toContain("\r\x1b[K");
    expect(onTty).not.toMatch(/Importing/);
  }, 60_000);
});

describe("progress of a long count", () => {
  /** A BLT file of many candidates and ballots (a fixed pseudo-random sequence): a count of many rounds. */
  function bigBlt(): string {
    const candidates = 60;
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const ballots: string[] = [];
    for (let b = 0; b < 3000; b++) {
      const ranking = new Set<number>();
      const length = 1 + Math.floor(next() * 6);
      while (ranking.size < length) ranking.add(1 + Math.floor(next() ** 2 * candidates));
      ballots.push(`1 ${[...ranking].join(" ")} 0`);
    }
    const names = Array.from({ length: candidates }, (_, i) => `"K ${i}"`);
    const file = join(tempDir(), "gross.blt");
    writeFileSync(file, `${candidates} 5\n${ballots.join("\n")}\n0\n${names.join("\n")}\n"Große Wahl"\n`);
    return file;
  }

  it("elections tally --blt on a terminal: a progress line per round, cleared before the result", () => {
    const file = bigBlt();
    const shown = onTerminal(["elections", "tally", "--blt", file, "--seed", "1"]);
    expect(shown).toMatch(/^\rCounting: round 1 …\x1b\[K/);
    expect(clearedBefore(shown, "Große Wahl")).toBe(true);
    // the same result as in a pipe, where no progress is shown at all
    const piped = spawnRun(["elections", "tally", "--blt", file, "--seed", "1", "--lang", "en"]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).not.toMatch(/\r|Counting/);
    expect(piped.stdout.split("\n").length).toBeGreaterThan(100);
    const rounds = spawnRun(["elections", "tally", "--blt", file, "--seed", "1", "--json"]);
    expect(rounds.stderr).toBe("");
    expect(rounds.json<{ rounds: unknown[] }>().rounds.length).toBeGreaterThan(20);
    const jsonOnTty = onTerminal(["elections", "tally", "--blt", file, "--seed", "1", "--json"]);
    expect(jsonOnTty).not.toMatch(/\r(?!\n)|Counting/);
  }, 60_000);
});

describe("progress of backup, restore and demo", () => {
  it("backup and restore on a terminal show how far they are, then their summary; the copy, taken in steps, is whole", async () => {
    const db = await newPlatform();
    expect(spawnRun(["people", "import", peopleCsv()], { db }).code).toBe(0);
    const copy = join(tempDir(), "sicherung.db");
    const backup = onTerminal(["backup", copy], db);
    expect(backup).toMatch(/^\rBackup: \d+% copied …\x1b\[K/);
    expect(clearedBefore(backup, "Backup written to")).toBe(true);
    expect(screenOf(backup).join(" ")).toMatch(/^Backup written to .* \(\d+ KB, schema version \d+\)\.$/);
    expect(spawnRun(["people", "add", "Nach der Sicherung"], { db }).code).toBe(0);
    const restore = onTerminal(["restore", copy, "--yes"], db);
    expect(restore).toContain("\rChecking the backup …\x1b[K\r\x1b[K");
    expect(restore).toMatch(/\rRestoring: \d+% …\x1b\[K/);
    expect(clearedBefore(restore, "Restored ")).toBe(true);
    expect(screenOf(restore).join(" ")).toMatch(/^Restored .* The previous data file is kept as .*$/);
    // the restored file is the backup: the last person imported is in it, the one added afterwards is not
    expect(spawnRun(["people", "show", `Person ${String(ROWS - 1).padStart(5, "0")}`], { db }).code).toBe(0);
    expect(spawnRun(["people", "show", "Nach der Sicherung"], { db }).code).not.toBe(0);
  }, 120_000);

  it("backup and restore in a pipe and with --json: no progress", async () => {
    const db = await newPlatform();
    const copy = join(tempDir(), "sicherung.db");
    const piped = spawnRun(["backup", copy, "--lang", "en"], { db });
    expect(piped.stderr).toBe("");
    expect(piped.stdout).toMatch(/^Backup written to \S+ \(\d+ KB, schema version \d+\)\.\n$/);
    const restored = spawnRun(["restore", copy, "--yes", "--lang", "en"], { db });
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/^Restored \S+ from \S+\.\nThe previous data file is kept as \S+\.\n$/);
    const json = onTerminal(["backup", join(tempDir(), "zwei.db"), "--json"], db);
    expect(json).not.toMatch(/\r(?!\n)|Backup:/);
    expect(onTerminal(["restore", copy, "--yes", "--json"], db)).not.toMatch(/\r(?!\n)|Checking|Restoring/);
  }, 60_000);

  it("demo on a terminal names what it builds, cleared before the invitation; in a pipe nothing of it", () => {
    const dir = tempDir();
    const shown = onTerminal(["demo", "--db", join(dir, "demo.db")]);
    expect(shown).toMatch(/^\rDemo: member groups and people …\x1b\[K/);
    expect(clearedBefore(shown, "─".repeat(72))).toBe(true);
    expect(screenOf(shown).join("\n")).not.toMatch(/Demo: (member|Kernkreis meeting|action teams)/);
    const piped = spawnRun(["demo", "--db", join(dir, "demo2.db"), "--lang", "en"]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("");
    expect(piped.stdout.startsWith("─".repeat(72))).toBe(true);
    expect(onTerminal(["demo", "--db", join(dir, "demo3.db"), "--json"])).not.toMatch(/\r(?!\n)|Demo:/);
  }, 60_000);
});
