// A platform's rows, table by table, from one database into another of either engine: the backup of a server (a
// SQLite file, the same kind as a file's backup), its restore, and `plattform copy` between a file and a server.
import type { Db } from "../core/db.js";
import { allRows, deferForeignKeys, emptyTables, foreignKeys, insertRows, resetIdentities, tables } from "./store.js";

/** The platform's tables, each after the tables it refers to, so that rows go in with their foreign keys checked. */
export function tableOrder(db: Db): string[] {
  const all = tables(db);
  const parents = new Map(all.map((table) => [table, foreignKeys(db, table).map((k) => k.table).filter((p) => p !== table)]));
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) place(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of all) place(table, new Set());
  return ordered;
}

/**
 * Replaces every row of `target` with the rows of `source` (both at the same schema version), inside the caller's
 * transactions: a snapshot of the source, one transaction on the target. Returns the number of rows copied.
 */
export function copyRows(source: Db, target: Db, onPercent?: (percent: number) => void): number {
  const order = tableOrder(source);
  deferForeignKeys(target);
  emptyTables(target, tableOrder(target));
  let copied = 0;
  order.forEach((table, i) => {
    onPercent?.(Math.floor((100 * i) / order.length));
    const rows = allRows(source, table);
    insertRows(target, table, rows);
    copied += rows.length;
  });
  resetIdentities(target);
  return copied;
}
