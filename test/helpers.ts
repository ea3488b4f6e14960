import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDataFile, migrate, openDataFile, type Db } from "../src/core/db.js";
import { main as sourceMain } from "../src/main.js";
import { newServerDatabase, onServer, onServerArgs, serverHash, serverUrlOf } from "./server.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * PLATTFORM_TEST_BUILT=1 runs the in-process CLI tests against the built bundle (dist/main.js, CommonJS)
 * instead of the sources: a check of the build itself. Tests that reach into the program's modules beside
 * run() (test hooks, stores) then see the sources' copies, not the bundle's.
 */
const main: typeof sourceMain = process.env.PLATTFORM_TEST_BUILT ? (createRequire(import.meta.url)(join(ROOT, "dist", "main.js")) as { main: typeof sourceMain }).main : sourceMain;
export const BIN = join(ROOT, "bin", "plattform.cjs");

/** A new folder inside the run's temporary root (see test/globalSetup.ts), which is removed after the run. */
export function tempDir(): string {
  return mkdtempSync(join(process.env.PLATTFORM_TEST_TMP ?? tmpdir(), "plattform-test-"));
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  json: <T = any>() => T;
}

type RunOptions = { db?: string; env?: Record<string, string | undefined>; input?: string };

/**
 * A user's environment for one run: no terminal, no colour, its own HOME (so the XDG paths and the config file
 * are the test's), and PLATTFORM_DB pointing at `db` when given.
 */
export function runEnv(options: RunOptions = {}): Record<string, string> {
  const home = options.env?.HOME ?? tempDir();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_DATA_HOME: join(home, ".local", "share"),
    XDG_CONFIG_HOME: join(home, ".config"),
    NO_COLOR: "1",
    LANG: "C.UTF-8",
  };
  if (options.db) env.PLATTFORM_DB = options.db;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  if (onServer && env.PLATTFORM_DB) env.PLATTFORM_DB = serverUrlOf(env.PLATTFORM_DB);
  return env;
}

/** Collects what a run writes to one stream; text is decoded once at the end, as a pipe reader would. */
class Capture {
  readonly chunks: Buffer[] = [];
  readonly isTTY = false;
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
    return true;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

function result(code: number | null, stdout: string, stderr: string): RunResult {
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/**
 * Runs the CLI in this process, through main(argv, io), with the environment of runEnv and streams that
 * capture the output: the same command line a user types, without starting Node for it. Standard input is no
 * terminal and is never read (`input` matters to spawnRun only): a confirmation then needs --yes.
 */
export async function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(["node", "plattform", ...onServerArgs(args)], { stdout, stderr, stdin: { isTTY: false }, env: runEnv(options) });
  return result(code, stdout.text(), stderr.text());
}

/**
 * run() with the command line exactly as given, also in the server run: for tests that name real files and server
 * URLs side by side (a copy between a file and a server). `options.db` is not taken: name the data file with --db.
 */
export async function runExactly(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(["node", "plattform", ...args], { stdout, stderr, stdin: { isTTY: false }, env: runEnv({ env }) });
  return result(code, stdout.text(), stderr.text());
}

/** Runs the built binary as its own process: for what only a process shows (start-up, exit, signals). */
export function spawnRun(args: string[], options: RunOptions = {}): RunResult {
  const spawned = spawnSync(process.execPath, [BIN, ...onServerArgs(args)], { env: runEnv(options), input: options.input ?? "", encoding: "utf8" });
  return result(spawned.status, spawned.stdout, spawned.stderr);
}

/** A new platform in a new temporary file; returns its path. */
export async function newPlatform(extra: string[] = []): Promise<string> {
  const db = join(tempDir(), "plattform.db");
  const outcome = await run(["init", "--name", "Testplattform", ...extra], { db });
  if (outcome.code !== 0) throw new Error(`init failed: ${outcome.stderr}`);
  return db;
}

/** The data file's bytes, hashed: to prove that a failed command changed nothing. */
export function fileHash(path: string): string {
  if (onServer) return serverHash(path);
  const hash = createHash("sha256");
  for (const suffix of ["", "-wal"]) if (existsSync(path + suffix)) hash.update(readFileSync(path + suffix));
  return hash.digest("hex");
}

/** Asserts the shape of CLI.md errors: exactly one line on stderr, no stack trace. */
export function oneLineError(stderr: string): boolean {
  const lines = stderr.trimEnd().split("\n");
  return lines.length === 1 && /^(error|Fehler): /.test(lines[0]!) && !/\n\s+at /.test(stderr);
}

/** A migrated, empty data file for store tests. */
export function storeDb(): Db {
  if (onServer) {
    const db = openDataFile(newServerDatabase());
    migrate(db);
    return db;
  }
  const path = join(tempDir(), "store.db");
  createDataFile(path);
  const db = openDataFile(path);
  migrate(db);
  return db;
}
