// Hostile and broken input: at least 1,000 generated invocations spread over every write command (and every
// command that writes a file), each starting from a valid invocation and mutated with random strings, very long
// values, Unicode and right-to-left text, SQL-like text, terminal escapes, negative and huge numbers, impossible
// dates and --out paths into folders that do not exist. A rejected invocation must exit 1 or 2 with one line on
// stderr and leave the data file byte for byte as it was; an accepted one must exit 0. Never 70, never a stack.
//
// `npm test` runs a sample of 200 invocations; CI (CI=true) or PLATTFORM_FUZZ=full runs all of them.
// Reproduce a failure with its seed: PLATTFORM_FUZZ=full PLATTFORM_FUZZ_SEED=<seed> npx vitest run test/e2e/fuzz.test.ts
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, fileHash, oneLineError, tempDir } from "../helpers.js";
import { optionsOf } from "../cli/commandTree.js";
import { buildWriteTemplate, ENV, FILE_WRITERS, makeFiles, NEW_FILE_COMMANDS, WRITE_COMMANDS, type Files } from "../cli/writeCommands.js";

const SEED = Number(process.env.PLATTFORM_FUZZ_SEED ?? 20260301);
const FULL = process.env.PLATTFORM_FUZZ === "full" || (process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false");
const MIN_INVOCATIONS = FULL ? 1000 : 200;
const CONCURRENCY = 4;

/** mulberry32: small, fast and seedable, so that a failure can be reproduced. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const FIXED: readonly string[] = [
  // empty and blank
  "", " ", "   ", "\t",
  // numbers: negative, huge, odd forms
  "0", "-1", "-0", "1e308", "-1e308", "99999999999999999999", "9007199254740993", "NaN", "Infinity", "0x1F", "1.5", "-273.15", "٣", "１２", "1,000,000.99",
  // dates that do not exist or are out of range
  "31.02.2026", "2026-02-30", "29.02.2025", "2026-13-01", "00.00.0000", "1899-12-31", "3000-01-01", "+99999d", "-9999y", "+1000000w", "32.1.2026", "2026-1-1T25:00",
  // SQL-like text
  "'; DROP TABLE groups; --", "1 OR 1=1", "\" OR \"\"=\"", "%", "_", "1; DELETE FROM people", "Robert'); DROP TABLE people;--", "NULL", "null", "__proto__", "constructor", "{}", "[]",
  // terminal escapes and control characters
  "\u001b[31mrot\u001b[0m", "\u001b]0;pwned\u0007", "a\rb", "a\bb", "\u0007", "a\nb", "tab\there", "\u009b31m", "\u001b[2J\u001b[H",
  // Unicode and right-to-left text
  "مجموعة الأمل", "קהילת שלום", "\u202eevil\u202c", "\u200f", "Çağlar Öztürk", "İıIi", "👩‍👩‍👧‍👦", "e\u0301", "\ufeffBOM", "Zürich Straße",
  // markup and formulas
  "O'Brien", "<b>bold</b>", "<script>alert(1)</script>", "=SUM(A1)", "+cmd", "@foo", "-2+3",
  // paths
  "/gibt-es-nicht/x.csv", "../../../etc/passwd", "/", ".", "~", "/dev/null",
  // option-like
  "-", "--", "-x", "--bogus",
];

const LETTERS = "abcdefghijklmnopqrstuvwxyzÄÖÜäöüßçğışéèñ ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()[]{}<>=+*/\\|&%$#@^~`_ مجموعةקהילה漢字😀";
const CONTROL = ["\u001b", "\u0007", "\r", "\u0001", "\u007f", "\u009b"];

/** A hostile value: from the fixed list, a random string (sometimes with control characters), a very long one, or a number. */
function hostile(r: Rng, outDir: string): string {
  switch (r.int(0, 7)) {
    case 0:
    case 1:
    case 2:
      return r.pick(FIXED);
    case 3: {
      const chars = [...LETTERS];
      let s = "";
      for (let i = r.int(1, 40); i > 0; i--) s += r.next() < 0.05 ? r.pick(CONTROL) : r.pick(chars);
      return s.startsWith("-") ? `x${s}` : s;
    }
    case 4:
      return r.pick(["A", "ß", "漢", "😀", "x "]).repeat(r.int(201, 30_000));
    case 5:
      return String(r.pick([-1, 1]) * Math.floor(r.next() * 10 ** r.int(1, 25)));
    case 6:
      return `${r.int(0, 40)}.${r.int(0, 14)}.${r.pick([0, 1899, 2026, 9999, 99999])}`;
    default:
      return join(outDir, `gibt-es-nicht-${r.int(0, 1e6)}`, "unter", r.pick(["x.csv", "x.json", "x.html", "x.db", ""]));
  }
}

interface Target {
  name: string;
  valid: string[];
  values: string[];
  /** the value options that allow only some words: mostly left alone, as any other value is a usage error */
  choices: string[];
  switches: string[];
  /** writes a file: --out (or the target path) goes into a folder that does not exist */
  writesFile: boolean;
}

/** Mutates a valid invocation: 1–3 of replacing a value, adding an option or a switch, dropping a token. */
function mutate(r: Rng, t: Target, outDir: string): string[] {
  const path = t.name.split(" ");
  const rest = t.valid.slice(path.length);
  const valuesAt = () => {
    const at: number[] = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i]!.startsWith("--")) {
        // The value of a choice option (--format csv) is mostly kept: any other word is only a usage error.
        if (t.values.includes(rest[i]!)) i++;
        if (t.values.includes(rest[i - 1]!) && (!t.choices.includes(rest[i - 1]!) || r.next() < 0.15)) at.push(i);
      } else at.push(i);
    }
    return at.filter((i) => i < rest.length);
  };
  for (let n = r.int(1, 3); n > 0; n--) {
    const what = r.int(0, 9);
    const valueAt = valuesAt();
    const free = t.values.filter((v) => !t.choices.includes(v));
    if (what <= 4 && valueAt.length > 0) {
      const at = r.pick(valueAt);
      // A positional value starting with a dash is read as an option: allowed, but mostly drawn again.
      let value = hostile(r, outDir);
      for (let again = 0; again < 3 && value.startsWith("-") && !rest[at - 1]?.startsWith("--"); again++) value = hostile(r, outDir);
      rest[at] = value;
    } else if (what <= 7 && t.values.length > 0) rest.push(free.length > 0 && r.next() < 0.85 ? r.pick(free) : r.pick(t.values), hostile(r, outDir));
    else if (what === 8) {
      // An unknown option stops everything at the usage check: rarely.
      if (t.switches.length > 0 && r.next() < 0.6) rest.push(r.pick(t.switches));
      else if (r.next() < 0.25) rest.push(r.next() < 0.3 ? "--zz-unbekannt" : hostile(r, outDir));
      else if (valueAt.length > 0) rest[r.pick(valueAt)] = r.pick(FIXED);
    }
    else if (rest.length > 0) rest.splice(r.int(0, rest.length - 1), 1);
    else rest.push(hostile(r, outDir));
  }
  // Mostly `--amount=-1` rather than `--amount -1`, so that a value starting with a dash reaches the command.
  for (let i = 0; i < rest.length - 1; i++) {
    if (t.values.includes(rest[i]!) && rest[i + 1]!.startsWith("-") && r.next() < 0.8) rest.splice(i, 2, `${rest[i]}=${rest[i + 1]}`);
  }
  if (t.writesFile && r.next() < 0.5) {
    const missing = join(outDir, `gibt-es-nicht-${r.int(0, 1e6)}`, "out.txt");
    if (t.name === "backup") rest[0] = missing;
    else rest.push("--out", missing);
  }
  return [...path, ...rest];
}

interface Outcome {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAsync(args: string[], db: string, home: string): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: home, XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), NO_COLOR: "1", LANG: "C.UTF-8", PLATTFORM_DB: db, ...ENV },
      stdio: ["pipe", "pipe", "pipe"],
      // Relative --out paths and backup names land in the slot's own folder, which is removed afterwards.
      cwd: home,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ args, code: null, stdout, stderr: `spawn failed: ${error.message}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ args, code, stdout, stderr });
    });
  });
}

let template: string;
let files: Files;
let targets: Target[];
beforeAll(async () => {
  template = await buildWriteTemplate();
  files = await makeFiles(template);
  targets = [];
  for (const c of [...WRITE_COMMANDS, ...NEW_FILE_COMMANDS]) targets.push({ name: c.name, valid: c.valid(files), ...(await optionsOf(c.name)), writesFile: false });
  for (const c of FILE_WRITERS) targets.push({ name: c.name, valid: c.valid(files), ...(await optionsOf(c.name)), writesFile: true });
}, 300_000);
afterAll(() => {
  for (const dir of [template && join(template, ".."), files?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const show = (args: string[]) => JSON.stringify(args.map((a) => (a.length > 80 ? `${a.slice(0, 40)}…(${a.length} chars)` : a)));

describe("fuzz: hostile input to every write command", () => {
  it(`at least ${MIN_INVOCATIONS} invocations: exit 0, or 1/2 with one line and the file unchanged; never 70`, async () => {
    const r = prng(SEED);
    const perCommand = Math.ceil(MIN_INVOCATIONS / targets.length);
    const outDir = tempDir();
    const jobs: string[][] = [];
    for (const t of targets) for (let i = 0; i < perCommand; i++) jobs.push(mutate(r, t, outDir));
    const codes = new Map<string, number>();
    const reasons = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const index = next++;
        const args = jobs[index]!;
        // Each invocation gets a fresh copy of the template in a folder of its own (also its working folder).
        const dir = join(outDir, `run-${index}`);
        mkdirSync(dir);
        const db = join(dir, "plattform.db");
        copyFileSync(template, db);
        const before = fileHash(db);
        const out = await runAsync(args, db, dir);
        codes.set(String(out.code), (codes.get(String(out.code)) ?? 0) + 1);
        if (out.code === 1 || out.code === 2) {
          const kind = `${out.code} ${out.stderr.replace(/^(error|Fehler): /, "").split(/[“'"„:—(]/)[0]!.trim().slice(0, 40)}`;
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
          // PLATTFORM_FUZZ_SHOW=<text>: print the invocations whose error contains it (to tune the generator).
          if (process.env.PLATTFORM_FUZZ_SHOW && out.stderr.includes(process.env.PLATTFORM_FUZZ_SHOW)) console.log(show(args), out.stderr.trim().slice(0, 160));
        }
        const problem = judge(out, before, db);
        if (problem) failures.push(`#${index} ${show(args)}: ${problem}`);
        rmSync(dir, { recursive: true, force: true });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    const leaked = jobs.flat().filter((a) => a.includes("gibt-es-nicht-") && existsSync(join(a, "..")));
    rmSync(outDir, { recursive: true, force: true });
    if (failures.length > 0) console.log(failures.join("\n"));
    console.log(`fuzz (${FULL ? "full" : "sample"}): seed ${SEED}, ${jobs.length} invocations over ${targets.length} commands; exit codes ${JSON.stringify(Object.fromEntries(codes))}`);
    const top = [...reasons.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`fuzz: most frequent rejections: ${top.map(([k, n]) => `${n}× exit ${k}`).join("; ")}`);
    expect(jobs.length).toBeGreaterThanOrEqual(MIN_INVOCATIONS);
    expect(failures.slice(0, 25), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
    expect(leaked, "a folder that did not exist was created").toEqual([]);
    // Most invocations must be rejected: the test is about hostile input, not about valid variations.
    expect((codes.get("1") ?? 0) + (codes.get("2") ?? 0)).toBeGreaterThan(jobs.length / 2);
  }, 1_800_000);
});

/** What is wrong with an outcome, or undefined. */
function judge(out: Outcome, before: string, db: string): string | undefined {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(out.stderr)) return `stack trace: ${out.stderr.slice(0, 300)}`;
  if (out.code === 0) {
    // Accepted: whatever it printed carries no terminal escapes (colour is off: NO_COLOR and a pipe). CRLF line
    // ends are allowed: iCalendar prescribes them. A spreadsheet (xlsx, a zip archive) goes to a pipe as it is.
    if (out.stdout.startsWith("PK\u0003\u0004")) return undefined;
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out.stdout.replace(/\r\n/g, "\n"))) return `control characters on stdout: ${JSON.stringify(out.stdout.slice(0, 200))}`;
    return undefined;
  }
  if (out.code !== 1 && out.code !== 2) return `exit ${out.code}: ${out.stderr.slice(0, 300)}`;
  if (!oneLineError(out.stderr)) return `not one error line: ${JSON.stringify(out.stderr.slice(0, 300))}`;
  if (out.stdout !== "") return `output on a failure: ${JSON.stringify(out.stdout.slice(0, 200))}`;
  if (fileHash(db) !== before) return "the data file changed";
  return undefined;
}
