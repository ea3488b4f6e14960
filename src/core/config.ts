import envPaths from "env-paths";
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { CliError } from "./errors.js";
import { io } from "./io.js";

export interface Paths {
  data: string;
  config: string;
}

export function appPaths(env: NodeJS.ProcessEnv = io().env): Paths {
  const paths = envPaths("plattform", { suffix: "" });
  if (process.platform === "darwin" || process.platform === "win32") return { data: paths.data, config: paths.config };
  // env-paths reads the process's XDG variables; a run with its own environment (in-process tests) has its own.
  return {
    data: env.XDG_DATA_HOME ? join(env.XDG_DATA_HOME, "plattform") : paths.data,
    config: env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, "plattform") : paths.config,
  };
}

export function configFilePath(): string {
  return join(appPaths().config, "config.json");
}

export type DbSource = "flag" | "env" | "config" | "default";

/** A PostgreSQL connection URL (the platform lives on a server) rather than a file name. */
export function isServerUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * A server URL must not carry a password: credentials come only the ways libpq knows (PGPASSWORD, ~/.pgpass, a
 * service file: core/pg/service.ts), so that none is ever written into the audit log's command lines, a config
 * file or a message.
 */
function serverUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError("error.badServerUrl", { url }, 2);
  }
  // libpq (and node-postgres) also take a password as a parameter: ?password=
  if (parsed.password !== "" || parsed.searchParams.has("password")) throw new CliError("error.passwordInUrl", {}, 2, "error.passwordInUrl.hint");
  return url;
}

/** The data file, by the precedence CLI.md fixes: --db, PLATTFORM_DB, the config file, the XDG data directory. */
export function resolveDataFile(flag: string | undefined, env: NodeJS.ProcessEnv = io().env): { path: string; source: DbSource } {
  if (flag) return { path: isServerUrl(flag) ? serverUrl(flag) : resolve(flag), source: "flag" };
  if (env.PLATTFORM_DB) return { path: isServerUrl(env.PLATTFORM_DB) ? serverUrl(env.PLATTFORM_DB) : resolve(env.PLATTFORM_DB), source: "env" };
  const fromConfig = readConfigFile().db;
  if (fromConfig) {
    const path = isServerUrl(fromConfig) ? serverUrl(fromConfig) : isAbsolute(fromConfig) ? fromConfig : resolve(appPaths().config, fromConfig);
    return { path, source: "config" };
  }
  return { path: join(appPaths().data, "plattform.db"), source: "default" };
}

/** The demo lives in its own file so that it never touches the user's real data. */
export function demoDataFile(): string {
  return join(appPaths().data, "demo.db");
}

interface ConfigFile {
  db?: string;
}

function readConfigFile(): ConfigFile {
  const path = configFilePath();
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
    if (parsed === null || typeof parsed !== "object") throw new Error("not an object");
    const db = (parsed as Record<string, unknown>).db;
    if (db !== undefined && typeof db !== "string") throw new Error("db is not a string");
    return { db };
  } catch {
    throw new CliError("error.badConfigFile", { path }, 1, "error.badConfigFile.hint");
  }
}
