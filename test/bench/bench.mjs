#!/usr/bin/env node
// `npm run bench`: start-up and growth benchmark of the built CLI (issue 7).
//
// 1. builds dist/ (unless --no-build) and bundles test/bench/generate.ts with esbuild;
// 2. generates seeded synthetic platforms of 1, 10 and 20 years through the project's store functions;
// 3. times whole processes of bin/plattform.cjs, each run paired with a `node -e 0` run, after warm-up runs,
//    and reports medians, the ratio to `node -e 0`, the growth from the smallest to the largest platform and
//    the peak RSS; then times `people import` of 10,000 people;
// 4. prints one table and marks every missed target.
//
// Options: --quick (fewer runs), --runs <n>, --warmup <n>, --years 1,10,20, --seed <n>, --no-build, --keep,
// --only <text> (the commands whose line contains it, and no import), --inherit-env, --server <url> (or
// PLATTFORM_BENCH_PG: a PostgreSQL server where the user may create databases; the 10-year platform is copied into
// a new database there with `plattform copy`, the everyday commands are timed against it, and it is dropped). Every process runs with a minimal environment by default (PATH, HOME, LANG, NO_COLOR and the
// data file): variables such as NODE_EXTRA_CA_CERTS or NODE_OPTIONS make every Node start slower, `node -e 0`
// included, and would hide the program's own cost in the ratios. --inherit-env passes the caller's on.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "plattform.cjs");
const RSS_PRELOAD = join(ROOT, "test", "bench", "rss.cjs");
const STV_DIR = join(ROOT, "test", "data", "stv", "scottish");
const TODAY = "2026-06-15";

// Issue 13: everyday read commands at most 2.0 × node -e 0 (1.5 × is the mark to beat), --version at most 1.3 ×.
const TARGETS = { startRatio: 2.0, versionRatio: 1.3, beat: 1.5, growth: 1.2, importMs: 2000, rssMb: 120, logMs: 5000, logRssMb: 150 };

// ---- options

function parseArgs(argv) {
  const options = { quick: false, runs: undefined, warmup: undefined, years: [1, 10, 20], seed: 7, build: true, keep: false, importRows: 10_000, inheritEnv: false, only: undefined, server: process.env.PLATTFORM_BENCH_PG };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--quick") options.quick = true;
    else if (flag === "--runs") options.runs = positive(value(), flag);
    else if (flag === "--warmup") options.warmup = Number(value());
    else if (flag === "--years") options.years = value().split(",").map((y) => positive(y, flag));
    else if (flag === "--seed") options.seed = positive(value(), flag);
    else if (flag === "--import-rows") options.importRows = positive(value(), flag);
    else if (flag === "--no-build") options.build = false;
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--inherit-env") options.inheritEnv = true;
    else if (flag === "--only") options.only = value();
    else if (flag === "--server") options.server = value();
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: npm run bench -- [--quick] [--runs <n>] [--warmup <n>] [--years 1,10,20] [--seed <n>] [--no-build] [--keep] [--only <text>] [--inherit-env] [--server postgres://user@host:port]");
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${arg}`);
      process.exit(2);
    }
  }
  options.runs ??= options.quick ? 3 : 15;
  options.warmup ??= options.quick ? 1 : 2;
  options.years = [...new Set(options.years)].sort((a, b) => a - b);
  return options;
}

function positive(text, flag) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${flag} needs a positive whole number, not ${text}`);
    process.exit(2);
  }
  return n;
}

// ---- measuring

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function commandEnv(home, db) {
  return {
    ...(options.inheritEnv ? process.env : {}),
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    PLATTFORM_TODAY: TODAY,
    ...(db ? { PLATTFORM_DB: db } : {}),
  };
}

/** Wall-clock milliseconds of one whole process, output discarded. */
function timeProcess(args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}`);
  return ms;
}

/**
 * One run with the RSS preload: the peak resident set in MB. Linux keeps a process's peak RSS across exec, so
 * a child forked straight from this (large) process would report at least our own size: a shell in between
 * forks the measured process from something small.
 */
function peakRss(args, env, dir) {
  const file = join(dir, "rss.txt");
  rmSync(file, { force: true });
  spawnSync("sh", ["-c", '"$@"; exit $?', "sh", process.execPath, "--require", RSS_PRELOAD, ...args], {
    env: { ...env, PLATTFORM_BENCH_RSS: file },
    stdio: "ignore",
  });
  return existsSync(file) ? Number(readFileSync(file, "utf8")) / 1024 : NaN;
}

/**
 * Times `args` on every platform against `node -e 0`: warm-up rounds, then `runs` rounds of `node -e 0`
 * followed by the command on each platform in turn, so that a machine that gets busier or quieter affects
 * the baseline and every platform alike. Returns the medians.
 */
function timeRounds(args, envs, options) {
  const node = ["-e", "0"];
  const bare = [];
  const own = envs.map(() => []);
  for (let round = -options.warmup; round < options.runs; round++) {
    const base = timeProcess(node, envs[0]);
    const times = envs.map((env) => timeProcess(args, env));
    if (round < 0) continue;
    bare.push(base);
    times.forEach((t, i) => own[i].push(t));
  }
  return { nodeMs: median(bare), ms: own.map(median) };
}

/** Runs a command once and says whether it exists in this build (exit 2 with "unknown command": not yet). */
function probe(args, env) {
  const result = spawnSync(process.execPath, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  if (result.status === 0) return { ok: true, bytes: result.stdout.length };
  if (result.status === 2 && /unknown command|unbekannter Befehl/i.test(result.stderr)) return { ok: false, reason: "n/a (not built)" };
  return { ok: false, reason: `fails (exit ${result.status}): ${result.stderr.trim().split("\n")[0]}` };
}

// ---- setup

function machine() {
  const cpuModel = (() => {
    try {
      return /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "unknown";
    } catch {
      return cpus()[0]?.model ?? "unknown";
    }
  })();
  const nproc = spawnSync("nproc", { encoding: "utf8" }).stdout?.trim() || String(cpus().length);
  return { cpu: cpuModel, nproc, node: process.version, load: loadavg().map((l) => l.toFixed(2)).join(" ") };
}

function largestBlt() {
  if (!existsSync(STV_DIR)) return undefined;
  const files = readdirSync(STV_DIR).filter((f) => f.endsWith(".blt"));
  files.sort((a, b) => statSync(join(STV_DIR, b)).size - statSync(join(STV_DIR, a)).size || a.localeCompare(b));
  return files[0] && join(STV_DIR, files[0]);
}

async function loadGenerator() {
  const outDir = join(ROOT, "node_modules", ".cache", "plattform-bench");
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, "generate.mjs");
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(ROOT, "test", "bench", "generate.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["better-sqlite3"],
    banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    define: { PLATTFORM_VERSION: JSON.stringify("bench") },
    logLevel: "warning",
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

// ---- the run

const options = parseArgs(process.argv.slice(2));
const info = machine();
console.log(`plattform benchmark — ${info.cpu}, ${info.nproc} CPUs, Node ${info.node}, load average ${info.load}`);
console.log(`runs ${options.runs} (+${options.warmup} warm-up) per command and platform, platforms of ${options.years.join(", ")} years, today = ${TODAY}`);
console.log(`environment: ${options.inheritEnv ? "inherited from the caller" : "minimal (PATH, HOME, LANG, NO_COLOR, PLATTFORM_DB, PLATTFORM_TODAY)"}\n`);

if (options.build) {
  const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(join(ROOT, "dist", "main.js"))) {
  console.error("bench: dist/main.js is missing; run `npm run build` first");
  process.exit(1);
}
const generator = await loadGenerator();
const work = mkdtempSync(join(tmpdir(), "plattform-bench-"));
const home = join(work, "home");
mkdirSync(home);

const platforms = [];
for (const years of options.years) {
  const path = join(work, `platform-${years}y.db`);
  const started = Date.now();
  const { counts } = generator.generatePlatform(path, { years, today: TODAY, seed: options.seed });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`generated ${years} year(s) in ${seconds} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  platforms.push({ years, path });
}

const blt = largestBlt();
const COMMANDS = [
  ["--version"],
  ["--help"],
  ["groups", "list"],
  ["people", "list"],
  ["tasks", "list", "--open"],
  ["status"],
  ["meetings", "list"],
  ["meetings", "show", "next"],
  ["report", "agenda", "next"],
  ["report", "minutes", "last"],
  ["report", "minutes", "last", "--format", "html"],
  ["report", "listening"],
  ["fundraising", "report"],
  // shell completion at each Tab (issue 18): well under 200 ms; names from the data file, read-only
  ["__complete", "groups", "show", ""],
  ["__complete", "people", "show", "M"],
  ["__complete", "meetings", "show", ""],
  blt ? ["elections", "tally", "--blt", blt] : undefined,
  // The whole audit log (about 150,000 entries on the 20-year platform): its own targets, not a start-up ratio.
  ["log"],
].filter(Boolean);
const label = (args) => args.map((a) => (a === blt ? `<${a.split("/").pop()}>` : a)).join(" ");
const chosen = COMMANDS.filter((args) => options.only === undefined || label(args).includes(options.only));

const rows = [];
for (const args of chosen) {
  const row = { label: label(args), results: new Map(), skipped: undefined };
  const argv = [BIN, ...args];
  const envs = platforms.map((p) => commandEnv(home, p.path));
  const found = envs.map((env) => probe(argv, env)).find((f) => !f.ok);
  if (found) row.skipped = found.reason;
  else {
    const timing = timeRounds(argv, envs, options);
    platforms.forEach((p, i) => row.results.set(p.years, { ms: timing.ms[i], nodeMs: timing.nodeMs, rss: peakRss(argv, envs[i], work) }));
  }
  rows.push(row);
  process.stdout.write(".");
}
process.stdout.write("\n\n");

// ---- the CSV import: `people import` of 10,000 people into a copy of the 10-year platform
const importPlatform = platforms.find((p) => p.years === 10) ?? platforms[platforms.length - 1];
const csv = join(work, "people.csv");
writeFileSync(csv, generator.peopleCsv(options.importRows, Array.from({ length: 40 }, (_, g) => `G${importPlatform.years}-${g + 1}`), options.seed));
const withImport = options.only === undefined || "people import".includes(options.only);
const importRuns = [];
let importRss = NaN;
for (let i = 0; withImport && i < (options.quick ? 1 : 3); i++) {
  const copy = join(work, `import-${i}.db`);
  copyFileSync(importPlatform.path, copy);
  const env = commandEnv(home, copy);
  importRuns.push(timeProcess([BIN, "people", "import", csv], env));
  if (i === 0) {
    const again = join(work, "import-rss.db");
    copyFileSync(importPlatform.path, again);
    importRss = peakRss([BIN, "people", "import", csv], commandEnv(home, again), work);
  }
}
const importMs = median(importRuns);

// ---- a large import: 100,000 people, once (issue 15: long lists must not die, and memory should stay modest)
const largeRows = 100_000;
const withLargeImport = withImport && !options.quick;
let largeImportMs = NaN;
let largeImportRss = NaN;
if (withLargeImport) {
  const largeCsv = join(work, "people-large.csv");
  writeFileSync(largeCsv, generator.peopleCsv(largeRows, Array.from({ length: 40 }, (_, g) => `G${importPlatform.years}-${g + 1}`), options.seed + 1));
  const copy = join(work, "import-large.db");
  copyFileSync(importPlatform.path, copy);
  largeImportMs = timeProcess([BIN, "people", "import", largeCsv], commandEnv(home, copy));
  const again = join(work, "import-large-rss.db");
  copyFileSync(importPlatform.path, again);
  largeImportRss = peakRss([BIN, "people", "import", largeCsv], commandEnv(home, again), work);
}

// ---- the table
const target = options.years.includes(10) ? 10 : options.years[options.years.length - 1];
const small = options.years[0];
const large = options.years[options.years.length - 1];
const misses = [];
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const head = [
  "command",
  ...options.years.map((y) => `${y}y ms`),
  `node -e 0 ms`,
  `${target}y ÷ node`,
  `${large}y ÷ ${small}y`,
  "peak RSS MB",
  "targets",
];
const lines = [];
for (const row of rows) {
  if (row.skipped) {
    lines.push([row.label, row.skipped, ...options.years.slice(1).map(() => ""), "", "", "", "", ""]);
    continue;
  }
  const at = row.results.get(target);
  const ratio = at.ms / at.nodeMs;
  const growth = row.results.get(large).ms / row.results.get(small).ms;
  const rss = Math.max(...[...row.results.values()].map((r) => r.rss));
  const marks = [];
  if (row.label === "log") {
    const largest = row.results.get(large);
    if (largest.ms > TARGETS.logMs) marks.push(`✗ >${TARGETS.logMs / 1000} s on ${large}y`);
    if (rss > TARGETS.logRssMb) marks.push(`✗ RSS >${TARGETS.logRssMb} MB`);
  } else {
    const limit = row.label === "--version" ? TARGETS.versionRatio : TARGETS.startRatio;
    if (ratio > limit) marks.push(`✗ >${limit}× node`);
    else if (ratio <= TARGETS.beat) marks.push(`≤${TARGETS.beat}×`);
    if (options.years.length > 1 && growth > TARGETS.growth) marks.push(`✗ growth >${TARGETS.growth}`);
    if (rss > TARGETS.rssMb) marks.push(`✗ RSS >${TARGETS.rssMb} MB`);
  }
  for (const m of marks.filter((mark) => mark.startsWith("✗"))) misses.push(`${row.label}: ${m.slice(2)} (${fmt(ratio, 2)}× node, growth ${fmt(growth, 2)}, ${fmt(rss)} MB)`);
  lines.push([
    row.label,
    ...options.years.map((y) => fmt(row.results.get(y).ms)),
    fmt(at.nodeMs),
    fmt(ratio, 2),
    options.years.length > 1 ? fmt(growth, 2) : "–",
    fmt(rss),
    marks.length ? marks.join(", ") : "ok",
  ]);
}
if (withImport) {
  const importMarks = [];
  if (importMs > TARGETS.importMs) importMarks.push(`✗ >${TARGETS.importMs / 1000} s`);
  if (importRss > TARGETS.rssMb) importMarks.push(`✗ RSS >${TARGETS.rssMb} MB`);
  for (const m of importMarks) misses.push(`people import (${options.importRows} rows): ${m.slice(2)} (${fmt(importMs)} ms, ${fmt(importRss)} MB)`);
  lines.push([
    `people import <${options.importRows} rows> (${importPlatform.years}y)`,
    ...options.years.map((y) => (y === importPlatform.years ? fmt(importMs) : "")),
    "",
    "",
    "",
    fmt(importRss),
    importMarks.length ? importMarks.join(", ") : "ok",
  ]);
}

if (withLargeImport)
  lines.push([
    `people import <${largeRows} rows> (${importPlatform.years}y)`,
    ...options.years.map((y) => (y === importPlatform.years ? fmt(largeImportMs) : "")),
    "",
    "",
    "",
    fmt(largeImportRss),
    "measured (no target yet)",
  ]);

console.log(`| ${head.join(" | ")} |`);
console.log(`|${head.map((_, i) => (i === 0 || i === head.length - 1 ? "---" : "---:")).join("|")}|`);
for (const line of lines) console.log(`| ${line.join(" | ")} |`);
console.log(
  `\nTargets: read commands ≤ ${TARGETS.startRatio}× node -e 0 on the ${target}-year platform (--version ≤ ${TARGETS.versionRatio}×; ≤ ${TARGETS.beat}× is the mark to beat); ${large}y ÷ ${small}y ≤ ${TARGETS.growth}; ` +
    `import of ${options.importRows} people ≤ ${TARGETS.importMs / 1000} s; peak RSS ≤ ${TARGETS.rssMb} MB; log ≤ ${TARGETS.logMs / 1000} s and ≤ ${TARGETS.logRssMb} MB on the ${large}-year platform.`,
);
if (misses.length === 0) console.log("All targets met.");
else {
  console.log(`Missed (${misses.length}):`);
  for (const miss of misses) console.log(`  - ${miss}`);
}
console.log(`load average after the run: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

// ---- the everyday commands against a PostgreSQL server on loopback (issue 19)
if (options.server && platforms.some((p) => p.years === target)) {
  const { default: pg } = await import("pg");
  const base = options.server.replace(/\/+$/, "");
  const name = `plattform_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = `${base}/${name}`;
    const file = platforms.find((p) => p.years === target).path;
    const copied = spawnSync(process.execPath, [BIN, "copy", "--from", file, "--to", url], { env: commandEnv(home, file), encoding: "utf8" });
    if (copied.status !== 0) throw new Error(`plattform copy to the server failed: ${copied.stderr}`);
    const serverRows = [];
    for (const args of chosen.filter((a) => !["--version", "--help"].includes(a[0]) && !a.includes(blt))) {
      const argv = [BIN, ...args];
      const env = commandEnv(home, url);
      const found = probe(argv, env);
      if (!found.ok) {
        serverRows.push([label(args), found.reason ?? "failed", "", "", "", ""]);
        continue;
      }
      const timing = timeRounds(argv, [env], options);
      const fileMs = rows.find((r) => r.label === label(args))?.results.get(target)?.ms;
      serverRows.push([label(args), fmt(timing.ms[0]), fmt(timing.nodeMs), fmt(timing.ms[0] / timing.nodeMs, 2), fmt(fileMs), fmt(timing.ms[0] / fileMs, 2)]);
      process.stdout.write(".");
    }
    const serverHead = ["command (server)", `${target}y ms`, "node -e 0 ms", "÷ node", "file ms", "server ÷ file"];
    console.log(`\n\nThe ${target}-year platform on ${base} (a new database, copied with plattform copy):\n`);
    console.log(`| ${serverHead.join(" | ")} |`);
    console.log(`|${serverHead.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
    for (const line of serverRows) console.log(`| ${line.join(" | ")} |`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (options.keep) console.log(`platforms kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
