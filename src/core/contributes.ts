// What an area adds to the features that span all areas (status, `check`, `people forget`, the annual report).
// Each area exports one Contribution from its contributes.ts; src/app/contributions.ts collects them in one list,
// and the features iterate that list instead of importing every area. Keep contributes.ts light: `status` loads
// all of them, so anything heavy goes behind import().
import type { Context } from "./context.js";
import type { Db } from "./db.js";
import type { Block } from "./document.js";
import type { Params } from "./errors.js";
import type { Lang, MessageKey } from "./i18n.js";

export interface Problem {
  /** the check that found it (a Check name) */
  check: string;
  /** message and hint keys; params fill both */
  key: MessageKey;
  hintKey: MessageKey;
  params: Params;
}

export interface Check {
  name: string;
  run(db: Db): Problem[];
}

export const problem = (check: string, key: string, params: Params = {}): Problem => ({ check, key: `check.${key}` as MessageKey, hintKey: `check.${key}.hint` as MessageKey, params });

/**
 * A piece of `status`. Ranks place the pieces of all areas in one order (the order of the JSON keys, the
 * details table and the sections printed after it differ, so each has its own rank).
 */
export interface StatusPart<T = unknown> {
  /** the key in `status --json` and its rank */
  key: string;
  rank: number;
  build(ctx: Context, day: string): T;
  /** rows of the details table, each with its rank */
  details?(ctx: Context, value: T): Array<[rank: number, label: string, value: string | null]>;
  /** what is printed after the table, at this rank */
  after?: { rank: number; print(ctx: Context, value: T, report: Readonly<Record<string, unknown>>): void };
}

/** What `people forget` knows when it asks the areas to erase a person from their tables. */
export interface Forgetting {
  personId: number;
  /** matches every spelling of the person's former name, e-mail and phone in free text */
  pattern: RegExp;
  /** the text that replaces them ("forgotten person") */
  placeholder: string;
}

/**
 * How `people forget` treats a TEXT column. "scrub": free text that may name anyone; every spelling of the
 * person's name, e-mail and phone in it is replaced. "area": the area's own erase handles it (the person's own
 * row, the audit log, text that belongs to approved minutes and so stays). "none": no personal data (codes,
 * kinds, dates, hashes, names of organisations).
 */
export type TextColumn = "scrub" | "area" | "none";

/** An area's TEXT columns, table by table: every one is declared (test/store/personalData.test.ts checks). */
export type TextColumns = Record<string, Record<string, TextColumn>>;

export interface Contribution {
  area: string;
  /** how `people forget` treats each TEXT column of this area's tables */
  text?: TextColumns;
  /** erases the person's personal data from this area's tables (`people forget`, inside its transaction) */
  erase?(db: Db, person: Forgetting): void;
  status?: StatusPart[];
  /** invariants `check` runs; checks of one name from several areas are run as one, ordered by rank */
  checks?: Array<Check & { rank: number }>;
  /** sections of `report annual`, by rank; loaded only when the report is made */
  annual?: Array<{ rank: number; section(): Promise<AnnualSectionBuilder> }>;
}

// The annual report (report annual <year>).

/** What every section builder gets: the year, its first and last day, and the date the report is made. */
export interface AnnualInput {
  db: Db;
  lang: Lang;
  year: number;
  from: string;
  to: string;
  today: string;
  forgottenLabel: string;
}

/** One section: its key in the JSON, its data, and its blocks (under a level-2 heading `title`). */
export interface AnnualSection {
  key: string;
  title: string;
  data: unknown;
  blocks: Block[];
}

/** Builds a section, or null to leave it out. */
export type AnnualSectionBuilder = (input: AnnualInput) => AnnualSection | null;
