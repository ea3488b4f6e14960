import { CommanderError } from "commander";
import { formatCommanderError, oneLine } from "./cli/commanderErrors.js";
import { buildProgram, Cli } from "./cli/program.js";
import { CliError, EXIT } from "./core/errors.js";
import { isLang, langFromEnv, loadMessages, translate, type Lang } from "./core/i18n.js";
import { io, processIo, setIo, type Io } from "./core/io.js";
import { isServer } from "./core/engine.js";

/** The language for help and for errors raised before a Context exists: --lang, PLATTFORM_LANG, LANG. */
export function langFromArgv(argv: string[], env: NodeJS.ProcessEnv = io().env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value && isLang(value)) return value;
  }
  if (env.PLATTFORM_LANG && isLang(env.PLATTFORM_LANG)) return env.PLATTFORM_LANG;
  return langFromEnv(env);
}

function printError(error: CliError, lang: Lang): void {
  const where = error.location
    ? `${translate(lang, error.location.column ? "error.atLineColumn" : "error.atLine", { line: error.location.line, column: error.location.column ?? "" })}: `
    : "";
  // User text in the message (a name typed with a line break or an escape sequence) must not break the one line.
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === "string" ? oneLine(v) : v]));
  const message = translate(lang, error.key, params);
  const hint = error.hintKey ? ` — ${translate(lang, error.hintKey, params)}` : "";
  io().stderr.write(`${oneLine(`${translate(lang, "label.error")}: ${where}${message}${hint}`)}\n`);
}

/** A file named on the command line that the system refuses (too long a name, no permission, a full disk): exit 1. */
function fromFileSystem(error: unknown): CliError | undefined {
  const { code, syscall, path } = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== "string" || typeof syscall !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return new CliError("error.fileAccess", { path: typeof path === "string" ? path : "", code }, EXIT.failed);
}

/** Database errors that are about the file, not about the program (exit 3), or about the request (exit 1). */
function fromSqlite(error: unknown, path: string, denied?: Who): CliError | undefined {
  const code = (error as { code?: unknown }).code;
  if (error instanceof Error && error.name === "PgError" && typeof code === "string") return fromServer(error, code, path, denied);
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return undefined;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new CliError("error.locked", { path }, EXIT.dataFile, "error.locked.hint");
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return new CliError("error.corruptDataFile", { path }, EXIT.dataFile, "error.corruptDataFile.hint");
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_FULL")
    return new CliError("error.cannotWriteDataFile", { detail: (error as Error).message }, EXIT.dataFile);
  return undefined;
}

/** A PostgreSQL error by its SQLSTATE class, as the SQLite ones above; anything else stays a program error. */
function fromServer(error: Error, code: string, path: string, denied?: Who): CliError | undefined {
  // lock_not_available (the write lock's timeout), deadlock, serialization failure: another writer
  if (code === "55P03" || code === "40P01" || code === "40001") return new CliError("error.locked", { path }, EXIT.dataFile, "error.locked.hint");
  if (code === "42501") {
    if (denied?.role) return new CliError("error.serverDeniedRole", { role: denied.user, platformRole: denied.role, detail: error.message }, EXIT.failed);
    return new CliError("error.serverDenied", { role: denied?.user ?? "?", detail: error.message }, EXIT.failed);
  }
  // connection exceptions, the server shutting down, too many connections
  if (code.startsWith("08") || code.startsWith("57P") || code === "53300")
    return new CliError("error.serverUnreachable", { path, detail: error.message }, EXIT.dataFile, "error.serverUnreachable.hint");
  if (code === "25006" || code.startsWith("53")) return new CliError("error.cannotWriteDataFile", { detail: error.message }, EXIT.dataFile);
  return undefined;
}

type Who = { user: string; role: string | null };

/**
 * Who was denied, for a server's "permission denied" (SQLSTATE 42501): the database user of the command's open
 * connection and its plattform role, else the user the URL connects as (libpq's order: the URL, its service,
 * PGUSER, the login name). Loaded only then: no other run needs the roles or the service files.
 */
async function deniedUser(cli: Cli, error: unknown): Promise<Who | undefined> {
  if (!(error instanceof Error && error.name === "PgError" && (error as { code?: unknown }).code === "42501")) return undefined;
  const [{ whoAmI }, { urlUser }] = await Promise.all([import("./core/pg/roles.js"), import("./core/pg/service.js")]);
  try {
    if (cli.ctx?.hasOpenDb && isServer(cli.ctx.db)) return whoAmI(cli.ctx.db);
  } catch {
    // the connection is gone: the URL's user is all there is
  }
  const user = urlUser(cli.ctx?.dataFile.path ?? "") || io().env.PGUSER || io().env.USER || "?";
  return { user, role: null };
}

/**
 * The Cli in the language of the run, its messages loaded before commander is given the help texts: --lang,
 * PLATTFORM_LANG, else the platform's setting (read here, so that commander's errors come in it too; not for
 * help or the version, which never need the data file), else LANG. Only that language's messages are loaded.
 */
async function cliFor(args: string[]): Promise<Cli> {
  let platformLang: Lang | undefined | null = null;
  const { env } = io();
  const explicit = args.some((a) => a === "--lang" || a.startsWith("--lang=")) || isLang(env.PLATTFORM_LANG ?? "");
  if (!explicit && args.length > 0 && !args.some((a) => /^(-h|--help|-V|--version|help)$/.test(a)))
    platformLang = await (await import("./core/language.js")).platformLangOf(args, env);
  const cli = new Cli(args, platformLang ?? langFromArgv(args));
  cli.platformLang = platformLang;
  await loadMessages(cli.lang);
  return cli;
}

/** A usage error, in the language of the run. */
function printUsageError(message: string, lang: Lang): void {
  io().stderr.write(`${oneLine(formatCommanderError(message, lang))}\n`);
}

/**
 * Runs one command line (argv as process.argv: node, the script, then the words) and returns its exit code.
 * `given` replaces the process's streams, environment or day for this run: tests call it in-process.
 */
export async function main(argv: string[] = process.argv, given?: Partial<Io>): Promise<number> {
  const previous = setIo(given === undefined ? undefined : processIo(given));
  try {
    return await runMain(argv);
  } finally {
    setIo(previous);
  }
}

async function runMain(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // shell completion at each Tab (src/cli/complete.ts): no commander program, no language to read
  if (args[0] === "__complete") return (await import("./cli/complete.js")).runComplete(args.slice(1));
  const cli = await cliFor(args);
  const program = buildProgram(cli);
  let exitCode: number = EXIT.ok;
  try {
    await program.parseAsync([...argv.slice(0, 2), ...voteCountArgs(args)]);
  } catch (error) {
    const lang = safeLang(cli);
    if (error instanceof CommanderError) {
      // Help asked for (--help, `help`, --version) is a success; help shown because a command was missing is not.
      exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      if (cli.usageError !== undefined) printUsageError(cli.usageError, cli.lang);
    } else if (error instanceof CliError) {
      printError(error, lang);
      exitCode = error.exitCode;
    } else if (fromSqlite(error, cli.ctx?.dataFile.path ?? "")) {
      const translated = fromSqlite(error, cli.ctx?.dataFile.path ?? "", await deniedUser(cli, error))!;
      printError(translated, lang);
      exitCode = translated.exitCode;
    } else if (fromFileSystem(error)) {
      const translated = fromFileSystem(error)!;
      printError(translated, lang);
      exitCode = translated.exitCode;
    } else {
      const message = oneLine(error instanceof Error ? error.message : String(error));
      io().stderr.write(`${translate(lang, "label.error")}: ${translate(lang, "error.internal", { message })}\n`);
      exitCode = EXIT.internal;
    }
    if (isDebug(cli, args) && error instanceof Error && !(error instanceof CommanderError)) io().stderr.write(`${error.stack ?? ""}\n`);
  } finally {
    try {
      cli.ctx?.close();
    } catch {
      // closing can only fail on an already broken file, whose error was reported above
    }
  }
  return exitCode;
}

/**
 * `votes count <vote> --yes <n>`: the global --yes is a switch and would leave the number behind as a stray
 * argument, so within that one command a --yes followed by a value (anything but an option) becomes `--yes=<n>`.
 */
export function voteCountArgs(args: string[]): string[] {
  const at = args.findIndex((arg, i) => arg === "votes" && args[i + 1] === "count");
  if (at < 0) return args;
  const out = args.slice(0, at + 2);
  for (let i = at + 2; i < args.length; i++) {
    if (args[i] === "--") return [...out, ...args.slice(i)];
    if (args[i] === "--yes" && args[i + 1] !== undefined && !/^--?[a-z]/i.test(args[i + 1]!)) out.push(`--yes=${args[++i]}`);
    else out.push(args[i]!);
  }
  return out;
}

function safeLang(cli: Cli): Lang {
  try {
    return cli.ctx ? cli.ctx.lang : cli.lang;
  } catch {
    return cli.lang;
  }
}

function isDebug(cli: Cli, args: string[]): boolean {
  return cli.ctx?.debug ?? (args.includes("--debug") || (io().env.DEBUG ?? "").split(",").includes("plattform"));
}
