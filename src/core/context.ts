import { userInfo } from "node:os";
import { resolveDataFile, type DbSource } from "./config.js";
import { auditInserter, databaseActor } from "./auditStore.js";
import { isServer } from "./engine.js";
import { holdsPlatform, openDataFile, prepareSchema, sleepMs, storedLanguage, withBusyRetry, withFileToItself, type Db } from "./db.js";
import { DataFileError, UsageError } from "./errors.js";
import { isLang, langFromEnv, loadMessages, translate, type Lang, type MessageKey } from "./i18n.js";
import { storedLanguageOf } from "./language.js";
import type { Params } from "./errors.js";
import { io } from "./io.js";
import { guardFromOutput } from "./output.js";

/** The global options of CLI.md, as commander hands them over. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  lang?: string;
  as?: string;
  yes?: boolean;
  input?: boolean; // false with --no-input
  color?: boolean; // false with --no-color
  debug?: boolean;
  wide?: boolean; // every column of a table, however wide
}

export interface AuditEntry {
  entity: string;
  id: number | null;
  action: string;
  changes?: unknown;
}

/** Everything a command needs from the outside world: options, the data file, language, output switches. */
export class Context {
  #db: Db | undefined;
  #langFromPlatform: Lang | undefined;
  /** The language as last worked out; cleared when the platform's setting is read. */
  #lang: Lang | undefined;
  readonly dataFile: { path: string; source: DbSource };
  /** The command line as recorded in the audit log; a command may redact it (people forget). */
  commandLine: string[];

  constructor(
    readonly options: GlobalOptions,
    argv: string[],
    readonly env: NodeJS.ProcessEnv = io().env,
    dataFile?: { path: string; source: DbSource },
  ) {
    if (options.lang !== undefined && !isLang(options.lang))
      throw new UsageError("error.invalidLang", { value: options.lang });
    this.dataFile = dataFile ?? resolveDataFile(options.db, env);
    guardFromOutput(this.dataFile.path);
    this.commandLine = argv;
  }

  get json(): boolean {
    return this.options.json === true;
  }

  get debug(): boolean {
    return this.options.debug === true || (this.env.DEBUG ?? "").split(",").includes("plattform");
  }

  /** Colour only for a terminal that wants it: --no-color, NO_COLOR, TERM=dumb and pipes turn it off. */
  get color(): boolean {
    if (this.options.color === false || this.json) return false;
    if (this.env.NO_COLOR !== undefined && this.env.NO_COLOR !== "") return false;
    if (this.env.TERM === "dumb") return false;
    return io().stdout.isTTY === true;
  }

  /** Prompts only when a person can answer: both ends are terminals and --no-input is not set. */
  get canPrompt(): boolean {
    return this.options.input !== false && io().stdin.isTTY === true && io().stdout.isTTY === true;
  }

  get actor(): string {
    if (this.options.as) return this.options.as;
    if (this.env.PLATTFORM_USER) return this.env.PLATTFORM_USER;
    try {
      return userInfo().username;
    } catch {
      return "unknown";
    }
  }

  /** Worked out once (a list translates each of its thousands of rows, and every look at the environment costs). */
  get lang(): Lang {
    return (this.#lang ??= this.#workOutLang());
  }

  #workOutLang(): Lang {
    if (this.options.lang && isLang(this.options.lang)) return this.options.lang;
    const fromEnv = this.env.PLATTFORM_LANG;
    if (fromEnv && isLang(fromEnv)) return fromEnv;
    if (this.#langFromPlatform) return this.#langFromPlatform;
    return langFromEnv(this.env);
  }

  /**
   * Loads the messages of the language this run speaks, before anything is printed. Unless --lang or
   * PLATTFORM_LANG decide it, that is the platform's setting: read from the data file read-only here, because
   * the file itself is opened only when (and if) the command needs it, and translate() cannot wait.
   */
  async loadMessages(stored: Lang | undefined | null = null): Promise<void> {
    const fixed = (this.options.lang && isLang(this.options.lang)) || (this.env.PLATTFORM_LANG && isLang(this.env.PLATTFORM_LANG));
    // `stored`: the setting as main() already read it (undefined: none); null: not read yet.
    if (!fixed && !this.#langFromPlatform) this.#setLangFromPlatform(stored === null ? await storedLanguageOf(this.dataFile.path) : stored);
    await loadMessages(this.lang);
  }

  #setLangFromPlatform(language: Lang | undefined): void {
    this.#langFromPlatform = language;
    this.#lang = undefined;
  }

  t(key: MessageKey, params: Params = {}): string {
    return translate(this.lang, key, params);
  }

  /** The data file, opened (and migrated if it is older) on first use. */
  get db(): Db {
    if (!this.#db) {
      const db = openDataFile(this.dataFile.path, { existing: true });
      try {
        prepareSchema(db, this.dataFile.path);
        // A server database that has the schema but no platform yet is what a missing file is: init comes first.
        if (!holdsPlatform(db)) throw new DataFileError("error.notInitialised", { path: this.dataFile.path }, "error.noDataFile.hint");
      } catch (error) {
        db.close();
        throw error;
      }
      this.useDb(db);
    }
    return this.#db!;
  }

  /** Adopts an already prepared connection (init and demo create their own). */
  useDb(db: Db): void {
    this.#db = db;
    const language = storedLanguage(db);
    if (language && isLang(language)) this.#setLangFromPlatform(language);
  }

  get hasOpenDb(): boolean {
    return this.#db !== undefined;
  }

  /**
   * Runs a write as one immediate transaction. Everything passed to `audit` is logged inside the same
   * transaction, so the change and its record land together or not at all.
   */
  write<T>(work: (audit: (entry: AuditEntry) => void) => T): T {
    const db = this.db;
    const log = auditInserter(db);
    const at = new Date().toISOString();
    // once per write: os.userInfo() for every entry of a large import added up
    const actor = isServer(db) ? databaseActor(db, this.options.as || this.env.PLATTFORM_USER) : this.actor;
    let started = false;
    const run = db.transaction(() => {
      started = true;
      const result = work((entry) => {
        log.add(at, actor, JSON.stringify(this.commandLine), entry.entity, entry.id, entry.action, entry.changes === undefined ? null : JSON.stringify(entry.changes));
      });
      log.seal();
      return result;
    });
    // Only starting the transaction is retried when busy: once the work has run, a failure is its own.
    return withBusyRetry(() => run.immediate(), () => !started);
  }

  /**
   * core/db.ts withFileToItself for a command: while another connection has the file open, this one is closed
   * and tried again (a little later, for up to three seconds). Two commands that both wait for the file to
   * themselves would otherwise keep each other out. `work` must reach the data file through `ctx.db`.
   */
  withFileToItself<T>(work: () => T): T {
    const deadline = Date.now() + 3000;
    for (;;) {
      try {
        return withFileToItself(this.db, work, 0);
      } catch (error) {
        if (!(error instanceof DataFileError && error.key === "error.notAlone") || Date.now() > deadline) throw error;
        this.close();
        sleepMs(20 + Math.random() * 130);
      }
    }
  }

  close(): void {
    if (this.#db?.open) this.#db.close();
    this.#db = undefined;
  }
}
