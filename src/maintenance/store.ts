// Schema-level SQL of the maintenance commands (check, backup, restore, personal-data export): pragmas and
// sqlite_schema, the same for every table. The areas' own invariants query their stores (contributes.ts).
import type { Db } from "../core/db.js";

export function integrityProblems(db: Db): string[] {
  return db.prepare("PRAGMA integrity_check").pluck().all() as string[];
}

export function foreignKeyProblems(db: Db): Array<{ table: string; rowid: number | null; parent: string }> {
  return db.prepare("PRAGMA foreign_key_check").all() as Array<{ table: string; rowid: number | null; parent: string }>;
}
