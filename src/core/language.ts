// Which language a run speaks, where that needs the data file: the platform's `language` setting, read
// without migrating and without writing, so that its messages can be loaded before anything is printed.
import { existsSync } from "node:fs";
import { isServerUrl, resolveDataFile } from "./config.js";
import { isLang, type Lang } from "./i18n.js";

/** The platform's language setting, or undefined when the file is missing, not ours, locked or unreadable, or the server cannot be reached (the command then says why). */
export async function storedLanguageOf(path: string): Promise<Lang | undefined> {
  const server = isServerUrl(path);
  if (!server && !existsSync(path)) return undefined;
  // Loaded only when there is a platform to read: `elections tally --blt` without one needs no database driver.
  const { openToRead, preloadServer, preloadSqlite, storedLanguage } = await import("./db.js");
  await (server ? preloadServer() : preloadSqlite());
  try {
    const db = openToRead(path);
    try {
      const value = storedLanguage(db);
      return value !== undefined && isLang(value) ? value : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * The platform's language for a run, before commander parses the command line (so that its errors, too, come
 * in that language): read from the file --db, PLATTFORM_DB or the config file names; undefined if there is none.
 */
export async function platformLangOf(argv: string[], env: NodeJS.ProcessEnv): Promise<Lang | undefined> {
  let flag: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const arg = argv[i]!;
    if (arg === "--db") flag = argv[i + 1];
    else if (arg.startsWith("--db=")) flag = arg.slice(5);
  }
  let path: string;
  try {
    path = resolveDataFile(flag, env).path;
  } catch {
    return undefined; // an unreadable config file is reported by the command itself
  }
  return storedLanguageOf(path);
}
