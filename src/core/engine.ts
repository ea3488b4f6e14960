// Which engine a connection talks to, and the few pieces of SQL the engines spell differently, for the stores to
// choose from side by side. Kept apart from db.ts so that any store may import it without a cycle.
import type { Db } from "./db.js";

/**
 * A subquery of the numbers in one JSON array parameter (`id IN (${jsonIds(db)})`, bound to JSON.stringify(ids)):
 * one statement for any number of ids, on either engine.
 */
export function jsonIds(db: Db): string {
  return isServer(db) ? "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json)) AS value" : "SELECT value FROM json_each(?)";
}

/** Whether `db` is a connection to a PostgreSQL server; engine-specific SQL is chosen by this, in the stores. */
export function isServer(db: Db): boolean {
  return (db as unknown as { engine?: unknown }).engine === "pg";
}
