// A PostgreSQL connection with the synchronous face of better-sqlite3 (prepare → get/all/run/iterate/pluck, exec,
// transaction), so that the stores run unchanged on either engine. node-postgres runs in a worker thread
// (pgWorker.mjs); each call waits for its answer (synckit, Atomics.wait). Why synchronous: README, "Architecture".
import { createSyncFn } from "synckit";
import { connectionUrl } from "./service.js";

export { pgSchemaSql } from "./schema.js";

type WorkerAnswer = {
  rows?: unknown[];
  rowCount?: number;
  id?: number;
  error?: { message: string; code: string | null };
};
/** One request to the worker: `text` is the SQL, the URL (connect) or the number of rows to read (a cursor's read). */
type Call = (operation: string, id: number, text?: string | number, values?: unknown, arrayRows?: boolean) => WorkerAnswer;

let call: Call | undefined;

/** The worker, started at the first connection (its path: beside this module, in the sources and in dist/chunks). */
function bridge(): Call {
  return (call ??= createSyncFn(new URL("./pgWorker.mjs", import.meta.url).pathname) as unknown as Call);
}

/** A PostgreSQL error with its SQLSTATE as `code` (23505 unique violation, 42501 permission denied …). */
export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "PgError";
  }
}

function answer(result: WorkerAnswer): WorkerAnswer {
  if (result.error) throw new PgError(result.error.message, result.error.code);
  return result;
}

interface Translated {
  text: string;
  /** What each $n takes: the k-th positional value (a number) or the named one (@name, :name, $name). */
  slots: Array<number | string>;
  positional: number;
}

const translations = new Map<string, Translated>();

/**
 * SQLite's placeholders (?, @name, :name, $name) as PostgreSQL's $1, $2 …, outside string literals, quoted
 * names and comments. A name used twice gets one number.
 */
export function pgPlaceholders(sql: string): Translated {
  const cached = translations.get(sql);
  if (cached) return cached;
  let text = "";
  const slots: Array<number | string> = [];
  let positional = 0;
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      text += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const j = end < 0 ? sql.length : end;
      text += sql.slice(i, j);
      i = j;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const j = end < 0 ? sql.length : end + 2;
      text += sql.slice(i, j);
      i = j;
    } else if (c === "?") {
      text += `$${slots.push(positional++)}`;
      i++;
    } else if ((c === "@" || c === "$" || (c === ":" && sql[i + 1] !== ":" && sql[i - 1] !== ":")) && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      const name = match[0];
      let index = slots.indexOf(name);
      if (index < 0) index = slots.push(name) - 1;
      text += `$${index + 1}`;
      i += 1 + name.length;
    } else {
      text += c;
      i++;
    }
  }
  const translated = { text, slots, positional };
  translations.set(sql, translated);
  return translated;
}

/** A value as the server should receive it: what better-sqlite3 binds, with undefined as NULL. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function isNamedBinding(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value) && !(value instanceof Date);
}

/** The values of one call in $n order, from arguments as better-sqlite3 takes them (positional, arrays, one object of names). */
function values(translated: Translated, args: unknown[]): unknown[] {
  const named = (args.find(isNamedBinding) ?? {}) as Record<string, unknown>;
  const flat = args.filter((arg) => !isNamedBinding(arg)).flat();
  if (flat.length !== translated.positional) throw new RangeError(`Too ${flat.length < translated.positional ? "few" : "many"} parameter values were provided`);
  return translated.slots.map((slot) => {
    if (typeof slot === "number") return bindable(flat[slot]);
    if (!(slot in named)) throw new RangeError(`Missing named parameter "${slot}"`);
    return bindable(named[slot]);
  });
}

/** Rows per round trip when iterating: few round trips, and little memory however long the list. */
const CURSOR_BATCH = 1000;

export class PgStatement {
  #pluck = false;
  readonly reader: boolean;
  readonly busy = false;

  constructor(
    private readonly db: PgDb,
    readonly source: string,
  ) {
    this.reader = /^\s*(SELECT|WITH|VALUES)\b/i.test(source) || /\bRETURNING\b/i.test(source);
  }

  pluck(on = true): this {
    this.#pluck = on;
    return this;
  }

  #query(args: unknown[]): WorkerAnswer {
    const translated = pgPlaceholders(this.source);
    return this.db.query(translated.text, values(translated, args), this.#pluck);
  }

  #row(row: unknown): unknown {
    return this.#pluck ? (row as unknown[])[0] : row;
  }

  get(...args: unknown[]): unknown {
    const rows = this.#query(args).rows ?? [];
    return rows.length > 0 ? this.#row(rows[0]) : undefined;
  }

  all(...args: unknown[]): unknown[] {
    return (this.#query(args).rows ?? []).map((row) => this.#row(row));
  }

  /** The rows one by one, read from a cursor a batch at a time: a long list never sits in memory whole. */
  *iterate(...args: unknown[]): IterableIterator<unknown> {
    const translated = pgPlaceholders(this.source);
    const cursor = this.db.openCursor(translated.text, values(translated, args), this.#pluck);
    try {
      for (;;) {
        const rows = this.db.readCursor(cursor, CURSOR_BATCH);
        for (const row of rows) yield this.#row(row);
        if (rows.length < CURSOR_BATCH) return;
      }
    } finally {
      this.db.closeCursor(cursor);
    }
  }

  /** No rowid on the server: an insert that needs its id asks for it with RETURNING id (as every insert here does). */
  run(...args: unknown[]): { changes: number } {
    return { changes: this.#query(args).rowCount ?? 0 };
  }
}

/** The advisory lock keys of a platform's database: one writer at a time (as SQLite's write lock), and migrations. */
export const WRITE_LOCK = 1;
export const MIGRATION_LOCK = 2;
const LOCK_SPACE = 0x706c6174; // "plat"
const LOCK_TIMEOUT_MS = 10_000;

type TransactionFunction<T extends (...args: never[]) => unknown> = T & { deferred: T; immediate: T; exclusive: T };

export class PgDb {
  readonly engine = "pg";
  readonly memory = false;
  readonly readonly = false;
  #id: number | undefined;
  #depth = 0;
  #savepoints = 0;

  /**
   * `url` as given (a service it names is read here, see service.ts); `name`: the URL as messages and the audit
   * log show it, without a password.
   */
  constructor(
    url: string,
    readonly name: string,
  ) {
    const connected = answer(bridge()("connect", 0, connectionUrl(url), "plattform"));
    this.#id = connected.id!;
    // SQLite's busy timeout: a write waits this long for another writer's lock, then fails (exit 3), rather than
    // waiting for ever (two connections of one process share the bridge: the holder could never finish).
    // No JIT compilation: the platform's queries are short, and compiling one (20 ms and more, on the planner's
    // estimate of its cost) took longer than running it.
    this.exec(`SET lock_timeout = '${LOCK_TIMEOUT_MS}ms'; SET jit = off`);
  }

  get open(): boolean {
    return this.#id !== undefined;
  }

  get inTransaction(): boolean {
    return this.#depth > 0;
  }

  query(text: string, params: unknown[], arrayRows = false): WorkerAnswer {
    return answer(bridge()("query", this.#connection(), text, params, arrayRows));
  }

  #connection(): number {
    if (this.#id === undefined) throw new TypeError("The database connection is not open");
    return this.#id;
  }

  /** A cursor over the rows of `text` (see PgStatement.iterate); its id. */
  openCursor(text: string, params: unknown[], arrayRows: boolean): number {
    return answer(bridge()("cursor", this.#connection(), text, params, arrayRows)).id!;
  }

  readCursor(cursor: number, count: number): unknown[] {
    return answer(bridge()("read", cursor, count)).rows ?? [];
  }

  closeCursor(cursor: number): void {
    if (this.#id !== undefined) bridge()("closeCursor", cursor);
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this, sql);
  }

  /** Runs SQL without parameters; several statements at once are allowed. */
  exec(sql: string): this {
    this.query(sql, []);
    return this;
  }

  /** Waits for the platform's advisory lock `key` until the transaction ends. */
  lock(key: number): void {
    // Keyed by the schema as well: platforms may share a database, each in its own schema.
    this.query("SELECT pg_advisory_xact_lock(hashtext(current_schema()) # $1, $2)", [LOCK_SPACE, key]);
  }

  /**
   * better-sqlite3's transaction functions: BEGIN … COMMIT, ROLLBACK when `work` throws, a savepoint when nested.
   * `.immediate` also takes the platform's write lock at once, as SQLite's BEGIN IMMEDIATE takes the file's.
   */
  transaction<T extends (...args: never[]) => unknown>(work: T): TransactionFunction<T> {
    const run = (lock: boolean) =>
      ((...args: Parameters<T>) => {
        if (this.#depth > 0) return this.#nested(work, args);
        this.exec("BEGIN");
        this.#depth = 1;
        try {
          if (lock) this.lock(WRITE_LOCK);
          const result = work(...args);
          this.exec("COMMIT");
          return result;
        } catch (error) {
          if (this.open) this.exec("ROLLBACK");
          throw error;
        } finally {
          this.#depth = 0;
        }
      }) as T;
    const plain = run(false);
    return Object.assign(plain, { deferred: plain, immediate: run(true), exclusive: run(true) });
  }

  #nested<T extends (...args: never[]) => unknown>(work: T, args: Parameters<T>): ReturnType<T> {
    const name = `nested_${++this.#savepoints}`;
    this.exec(`SAVEPOINT ${name}`);
    this.#depth++;
    try {
      const result = work(...args) as ReturnType<T>;
      this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      this.exec(`RELEASE SAVEPOINT ${name}`);
      throw error;
    } finally {
      this.#depth--;
    }
  }

  close(): this {
    if (this.#id !== undefined) bridge()("close", this.#id);
    this.#id = undefined;
    return this;
  }
}

/** Whether `db` is a server connection (the stores keep engine-specific SQL side by side, chosen by this). */
export function isPg(db: unknown): db is PgDb {
  return (db as { engine?: unknown } | null)?.engine === "pg";
}
