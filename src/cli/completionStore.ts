// The words shell completion offers from the data file: read without migrating and without writing.
import type { Db } from "../core/db.js";
import { isServer } from "../core/engine.js";

export type DataSource = "group" | "person" | "meeting" | "vote" | "election" | "team";

/** Each query lists what a user may type for that kind of name; a missing table (an older schema) lists nothing. */
const QUERIES: Record<DataSource, string[]> = {
  group: ["SELECT short FROM groups WHERE short IS NOT NULL ORDER BY short", "SELECT name FROM groups ORDER BY name"],
  person: ["SELECT name FROM people WHERE name IS NOT NULL ORDER BY name"],
  meeting: ["SELECT CAST(id AS TEXT) FROM meetings ORDER BY id DESC"],
  vote: ["SELECT CAST(id AS TEXT) FROM votes ORDER BY id DESC"],
  election: ["SELECT CAST(id AS TEXT) FROM elections ORDER BY id DESC"],
  team: ["SELECT short FROM teams WHERE short IS NOT NULL ORDER BY short", "SELECT name FROM teams ORDER BY name"],
};

export function completionWords(db: Db, source: DataSource): string[] {
  const words: string[] = [];
  for (const sql of QUERIES[source]) {
    try {
      words.push(...(db.prepare(sql).pluck().all() as string[]));
    } catch {
      // a table this file's schema does not have yet
    }
  }
  return words;
}

/** A Tab neither writes nor waits long: query_only for a file; for a server a read-only session, 1 s at most a query. */
export function readOnly(db: Db): void {
  if (isServer(db)) db.exec("SET default_transaction_read_only = on; SET statement_timeout = '1s'");
  else db.pragma("query_only = ON");
}
