import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDataFile, migrate, openDataFile, type Db } from "../src/core/db.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(ROOT, "bin", "plattform.js");

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

/**
 * Runs the built binary as a user would: no terminal, no colour, its own HOME (so the XDG paths and the
 * config file are the test's), and PLATTFORM_DB pointing at `db` when given.
 */
export function run(args: string[], options: { db?: string; env?: Record<string, string | undefined>; input?: string } = {}): RunResult {
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
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input: options.input ?? "", encoding: "utf8" });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}

/** A new platform in a new temporary file; returns its path. */
export function newPlatform(extra: string[] = []): string {
  const db = join(tempDir(), "plattform.db");
  const result = run(["init", "--name", "Testplattform", ...extra], { db });
  if (result.code !== 0) throw new Error(`init failed: ${result.stderr}`);
  return db;
}

/** The data file's bytes, hashed: to prove that a failed command changed nothing. */
export function fileHash(path: string): string {
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
  const path = join(tempDir(), "store.db");
  createDataFile(path);
  const db = openDataFile(path);
  migrate(db);
  return db;
}
