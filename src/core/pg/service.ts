// Connection services, libpq's pg_service.conf (PostgreSQL 15 documentation, "The Connection Service File"):
// node-postgres reads PGPASSWORD and ~/.pgpass but no service file, so a service named by the URL's `service`
// parameter or by PGSERVICE is read here, as libpq reads it, and its settings completed into the URL that is
// connected to. No npm package does this (the one there was is unpublished), and an INI library would read
// values libpq takes literally (quotes, `;` comments in a password) differently, hence this small reader.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, EXIT } from "../errors.js";
import { io } from "../io.js";

/** libpq's connection keywords (PostgreSQL 15 to 17): any other key in a service is a syntax error, as in libpq. */
const KEYWORDS = new Set([
  "user", "password", "passfile", "channel_binding", "connect_timeout", "dbname", "host", "hostaddr", "port",
  "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
  "keepalives_interval", "keepalives_count", "tcp_user_timeout", "sslmode", "sslnegotiation", "sslcompression",
  "sslcert", "sslkey", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "requirepeer",
  "require_auth", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "krbsrvname", "gsslib",
  "gssdelegation", "replication", "target_session_attrs", "load_balance_hosts",
]);

/** Where the system-wide file is sought without PGSYSCONFDIR: the directory of Debian's and Ubuntu's libpq. */
export const SYSTEM_CONFIG_DIR = "/etc/postgresql-common";

export type ServiceSettings = Record<string, string>;

function serviceError(key: "error.serviceFileSyntax" | "error.serviceFileNested", path: string, line: number): CliError {
  return new CliError(key, { path, line }, EXIT.usage, key === "error.serviceFileSyntax" ? "error.serviceFileSyntax.hint" : undefined);
}

/**
 * The settings of service `name` in the text of a service file, or undefined when it has no such section. As in
 * libpq: lines are trimmed, `#` starts a comment line, `[name]` starts a section, and in the wanted section each
 * line is `keyword=value` with a libpq keyword (nothing trimmed around `=`); lines of other sections are not read.
 */
export function parseServiceFile(text: string, name: string, path: string): ServiceSettings | undefined {
  let settings: ServiceSettings | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("[")) {
      if (settings) return settings; // the wanted section has ended
      // libpq compares the name and the closing bracket; what follows the bracket is not read.
      if (line.startsWith(`[${name}]`)) settings = {};
      continue;
    }
    if (!settings) continue;
    const equals = line.indexOf("=");
    if (equals < 0) throw serviceError("error.serviceFileSyntax", path, i + 1);
    const key = line.slice(0, equals);
    if (key === "service") throw serviceError("error.serviceFileNested", path, i + 1);
    if (!KEYWORDS.has(key)) throw serviceError("error.serviceFileSyntax", path, i + 1);
    settings[key] ??= line.slice(equals + 1); // the first setting of a keyword counts
  }
  return settings;
}

/**
 * The service files libpq reads, in order, each with whether it must exist: PGSERVICEFILE (an error when it cannot
 * be read) or else ~/.pg_service.conf, then pg_service.conf in PGSYSCONFDIR or the system's directory.
 */
export function serviceFiles(env: NodeJS.ProcessEnv): Array<{ path: string; required: boolean }> {
  const user = env.PGSERVICEFILE !== undefined ? { path: env.PGSERVICEFILE, required: true } : { path: join(env.HOME || homedir(), ".pg_service.conf"), required: false };
  return [user, { path: join(env.PGSYSCONFDIR ?? SYSTEM_CONFIG_DIR, "pg_service.conf"), required: false }];
}

function readServiceFile(path: string, required: boolean): string | undefined {
  try {
    if (!required && !statSync(path).isFile()) return undefined;
    return readFileSync(path, "utf8");
  } catch {
    if (!required) return undefined;
    throw new CliError("error.serviceFileUnreadable", { path }, EXIT.usage, "error.serviceFileUnreadable.hint");
  }
}

/**
 * The settings of service `name`: the first file in libpq's order that defines it counts, whole (a user file's
 * section hides the system file's of the same name). An unknown service is a usage error (exit 2), as a URL
 * with a password is: the server address cannot be used as given.
 */
export function serviceSettings(name: string, env: NodeJS.ProcessEnv = io().env): ServiceSettings {
  const files = serviceFiles(env);
  for (const { path, required } of files) {
    const text = readServiceFile(path, required);
    const settings = text === undefined ? undefined : parseServiceFile(text, name, path);
    if (settings) return settings;
  }
  throw new CliError("error.unknownService", { service: name, files: files.map((file) => file.path).join(", ") }, EXIT.usage, "error.unknownService.hint");
}

/** Whether the URL itself gives libpq's setting `key`: in its authority or path, or as a parameter. */
function givenInUrl(url: URL, key: string): boolean {
  if (url.searchParams.has(key)) return true;
  if (key === "host") return url.hostname !== "";
  if (key === "port") return url.port !== "";
  if (key === "user") return url.username !== "";
  if (key === "password") return url.password !== "";
  if (key === "dbname") return url.pathname.replace(/^\/+/, "") !== "";
  return false;
}

/**
 * The URL to connect to: `url` with the settings of its service (the `service` parameter, else PGSERVICE) added
 * where the URL does not give them itself. libpq's precedence follows: the URL's values win over the service's,
 * and the service's over the environment (PGHOST, PGPORT, PGUSER, PGPASSWORD …, which node-postgres reads only
 * for what is still missing). A URL without a service is returned as it is. The result may hold the service's
 * password: it goes to the connection only, never into a message or the audit log (they show `url`).
 */
export function connectionUrl(url: string, env: NodeJS.ProcessEnv = io().env): string {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return url; // node-postgres reads some addresses a URL parser does not (postgres://user@/db): left to it
  }
  // libpq takes the database from a `dbname` parameter as well; node-postgres only from the path.
  const dbname = target.searchParams.get("dbname");
  if (dbname !== null && target.pathname.replace(/^\/+/, "") === "") target.pathname = `/${dbname}`;
  const name = target.searchParams.get("service") ?? env.PGSERVICE;
  if (name === undefined) return dbname === null ? url : target.toString();
  for (const [key, value] of Object.entries(serviceSettings(name, env))) {
    if (givenInUrl(target, key)) continue;
    if (key === "dbname") target.pathname = `/${value}`;
    else target.searchParams.set(key, value);
  }
  return target.toString();
}

/** The database user a server URL connects as, as far as the URL and its service say (undefined: the environment's). */
export function urlUser(url: string, env: NodeJS.ProcessEnv = io().env): string | undefined {
  try {
    const target = new URL(connectionUrl(url, env));
    return decodeURIComponent(target.username) || target.searchParams.get("user") || undefined;
  } catch {
    return undefined; // not a URL, or its service cannot be read: the environment decides
  }
}
