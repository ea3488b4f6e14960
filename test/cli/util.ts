// Shared assertions for the CLI tests: they run the CLI in-process through test/helpers.ts (main(argv, io)).
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Db } from "../../src/core/db.js";
import { WRITE_LOCK } from "../../src/core/pg/pgDb.js";
import { BIN, fileHash, oneLineError, run, runEnv, tempDir, type RunResult } from "../helpers.js";
import { copyDatabase, onServer, onServerArgs, openServerDb } from "../server.js";

export type RunOptions = { db?: string; env?: Record<string, string | undefined>; input?: string };

/** Runs a command that must succeed; shows stderr when it does not. */
export async function ok(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await run(args, options);
  expect(result.code, `plattform ${args.join(" ")}\n${result.stderr}`).toBe(0);
  return result;
}

/** Runs a command with --json that must succeed and returns the parsed document. */
export async function okJson<T = any>(args: string[], options: RunOptions = {}): Promise<T> {
  const result = await ok([...args, "--json"], options);
  return result.json<T>();
}

/**
 * Runs a command that must fail the way CLI.md fixes: the exit code, one line on stderr without a stack trace,
 * nothing on stdout, and the data file (when given and existing) byte for byte unchanged.
 */
export async function fails(args: string[], options: RunOptions, code: number): Promise<RunResult> {
  const before = options.db && (onServer || existsSync(options.db)) ? fileHash(options.db) : undefined;
  const result = await run(args, options);
  expect(result.code, `plattform ${args.join(" ")}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
  expect(oneLineError(result.stderr), `not one error line: ${JSON.stringify(result.stderr)}`).toBe(true);
  expect(result.stderr).not.toMatch(/^ {4}at /m);
  expect(result.stdout).toBe("");
  if (before !== undefined) expect(fileHash(options.db!), "the data file changed").toBe(before);
  return result;
}

/** A new, separate copy of a template data file, so that every test has its own file. */
export function copyOf(template: string): string {
  const path = join(tempDir(), "plattform.db");
  if (onServer) {
    copyDatabase(template, path);
    return path;
  }
  copyFileSync(template, path);
  expect(existsSync(`${template}-wal`), "template left a WAL behind").toBe(false);
  return path;
}

/** Builds a template platform by running commands; the returned file is copied per test with copyOf. */
export async function buildTemplate(commands: string[][], initArgs: string[] = ["--name", "Testplattform"]): Promise<string> {
  const db = join(tempDir(), "template.db");
  await ok(["init", ...initArgs], { db });
  for (const args of commands) await ok(args, { db });
  return db;
}

/** Reads the data file with better-sqlite3, read-only, after the process has ended. */
export function query<T = any>(path: string, sql: string, ...params: unknown[]): T[] {
  // On a server the data file stands for a database; a file that exists (a backup) is still read as SQLite.
  if (onServer && !existsSync(path)) {
    const server = openServerDb(path);
    try {
      return server.prepare(sql).all(...params) as T[];
    } finally {
      server.close();
    }
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Writes a text file (a CSV to import) into a new temporary folder and returns its path. */
export function writeTemp(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** The bytes of the data file and its WAL, for searching what must not be there. */
export function dataFileBytes(path: string): Buffer {
  const parts = [readFileSync(path)];
  for (const suffix of ["-wal", "-shm"]) if (existsSync(path + suffix)) parts.push(readFileSync(path + suffix));
  return Buffer.concat(parts);
}

/** Groups without their ids, for comparing two platforms. */
export function withoutIds<T extends { id: unknown }>(rows: T[]): Array<Omit<T, "id">> {
  return rows.map(({ id: _id, ...rest }) => rest);
}

/**
 * The lost update of issue 19: while this process holds the write lock and has made its own change (`other`,
 * through a connection of its own), `args` runs as a process of its own, reads what it edits and waits for the
 * lock; the change is committed 1.5 s later, then the process writes. Returns its exit code and stderr.
 */
export async function editWhileAnotherWrites(db: string, other: (handle: Db) => void, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const server = onServer ? openServerDb(db) : undefined;
  const handle = (server ?? new Database(db)) as unknown as Db;
  try {
    handle.exec(server ? "BEGIN" : "BEGIN IMMEDIATE");
    server?.lock(WRITE_LOCK);
    other(handle);
    const child = spawn(process.execPath, [BIN, ...onServerArgs(args)], { env: runEnv({ db }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    handle.exec("COMMIT");
    return { code: await exited, stderr };
  } finally {
    if (handle.inTransaction) handle.exec("ROLLBACK");
    handle.close();
  }
}
