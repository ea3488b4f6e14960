import type { MessageKey } from "./i18n.js";

/** Exit codes fixed by CLI.md. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  dataFile: 3,
  internal: 70,
} as const;

/** A parameter that is itself a word of the catalogue (a stage, a choice): translated with the message. */
export interface Term {
  term: MessageKey;
}
/** A calendar date (YYYY-MM-DD) in a message: written as the language of the message writes dates. */
export interface DateValue {
  date: string;
}
/** An amount of money (cents) in a message: written as the language of the message writes money. */
export interface MoneyValue {
  cents: number;
}
export type Params = Record<string, string | number | Term | DateValue | MoneyValue>;

/** A date for a message parameter: `{ date: dateParam(meeting.date) }` reads 10.03.2026 in German. */
export function dateParam(isoDate: string): DateValue {
  return { date: isoDate };
}

/** Money for a message parameter: `{ amount: moneyParam(1235) }` reads 12,35 € in German, €12.35 in English. */
export function moneyParam(cents: number): MoneyValue {
  return { cents };
}

/** A value such as `approved` as a word of the language the message is shown in: `term(\`funds.stage.${stage}\`)`. */
export function term(key: MessageKey): Term {
  return { term: key };
}

/**
 * An expected failure: the request cannot be done. It carries a message key (translated when printed,
 * because the language may only be known once the data file is open) and the exit code.
 */
export class CliError extends Error {
  /** Where in an input file the problem is (CSV imports): printed before the message. */
  location?: { line: number; column?: string };

  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    readonly exitCode: number = EXIT.failed,
    readonly hintKey?: MessageKey,
  ) {
    super(key);
    this.name = "CliError";
  }

  at(line: number, column?: string): this {
    this.location = { line, column };
    return this;
  }
}

/** The command line itself is wrong (exit 2). */
export class UsageError extends CliError {
  constructor(key: MessageKey, params: Params = {}, hintKey?: MessageKey) {
    super(key, params, EXIT.usage, hintKey);
    this.name = "UsageError";
  }
}

/** The data file is missing, locked, corrupt or too new (exit 3). */
export class DataFileError extends CliError {
  constructor(key: MessageKey, params: Params = {}, hintKey?: MessageKey) {
    super(key, params, EXIT.dataFile, hintKey);
    this.name = "DataFileError";
  }
}

export function fail(key: MessageKey, params: Params = {}, hintKey?: MessageKey): never {
  throw new CliError(key, params, EXIT.failed, hintKey);
}

/** Attaches the line and column to a validation error of an import, so the user can find it in the spreadsheet. */
export function atLine<T>(line: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CliError && !error.location) {
      const field = error.params.field;
      throw error.at(line, typeof field === "string" ? field : undefined);
    }
    throw error;
  }
}
