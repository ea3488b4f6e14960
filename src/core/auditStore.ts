// The audit log: written by Context.write for every change, read by `log` and the personal-data export.
import type { Db } from "./db.js";
import { jsonIds } from "./engine.js";
import { sha256 } from "./hash.js";

// ---- the hash chain: each entry carries the SHA-256 of the previous entry's hash and its own fields, and
// audit_head keeps the newest link, so that an entry changed, deleted, inserted or cut off the end shows.

/** An entry's fields in the order they are hashed. */
type Linked = [id: number, at: string, actor: string, command: string, entity: string, entityId: number | null, action: string, changes: string | null];

/** The hash of an entry following the entry whose hash is `previous` ("" for the first). */
export function auditLink(previous: string, fields: Linked): string {
  return sha256(`${previous}\n${JSON.stringify(fields)}`);
}

/**
 * Logs the changes of one write, inside its transaction: `add` inserts an entry linked to the one before, and
 * `seal` (at the end of the write) moves the chain's head to the newest entry.
 */
export function auditInserter(db: Db) {
  const insert = db.prepare("INSERT INTO audit_log (id, at, actor, command, entity, entity_id, action, changes, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  let last: { id: number; hash: string } | undefined;
  return {
    add(at: string, actor: string, command: string, entity: string, entityId: number | null, action: string, changes: string | null): void {
      last ??= (db.prepare("SELECT id, coalesce(hash, '') AS hash FROM audit_log ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: "" };
      const id = last.id + 1;
      const hash = auditLink(last.hash, [id, at, actor, command, entity, entityId, action, changes]);
      insert.run(id, at, actor, command, entity, entityId, action, changes, hash);
      last = { id, hash };
    },
    seal(): void {
      if (last) moveHead(db, last.id, last.hash);
    },
  };
}

function moveHead(db: Db, id: number, hash: string): void {
  db.prepare("INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash").run(id, hash);
}

/** An entry as stored, with its link (Raw is declared below, with the reading functions). */
interface ChainRow extends Raw {
  hash: string | null;
}

const fieldsOf = (r: ChainRow): Linked => [r.id, r.at, r.actor, r.command, r.entity, r.entity_id, r.action, r.changes];

/**
 * (Re)computes the chain from entry `fromId` on and moves the head: for the migration that starts the chain, and
 * for `people forget`, which rewrites earlier entries (and logs that it did).
 */
export function chainAuditLog(db: Db, fromId = 1): void {
  let previous = fromId <= 1 ? "" : ((db.prepare("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1").pluck().get(fromId) as string | null | undefined) ?? "");
  const update = db.prepare("UPDATE audit_log SET hash = ? WHERE id = ?");
  const page = db.prepare("SELECT id, at, actor, command, entity, entity_id, action, changes, hash FROM audit_log WHERE id >= ? ORDER BY id LIMIT 1000");
  let last: { id: number; hash: string } | undefined;
  // In pages: a statement still reading cannot be interleaved with the updates, and the log can be long.
  for (let rows = page.all(fromId) as ChainRow[]; rows.length > 0; rows = page.all(last!.id + 1) as ChainRow[]) {
    for (const row of rows) {
      const hash = auditLink(previous, fieldsOf(row));
      if (hash !== row.hash) update.run(hash, row.id);
      previous = hash;
      last = { id: row.id, hash };
    }
  }
  if (last) moveHead(db, last.id, last.hash);
  else if (fromId <= 1) db.prepare("DELETE FROM audit_head").run();
}

/** Where the chain breaks: the first entry whose hash does not follow, or a head that is not the newest entry. */
export type ChainBreak = { entry: number; kind: "changed" | "unsealed" } | { entry: number | null; kind: "head" };

export function auditChainBreak(db: Db): ChainBreak | null {
  let previous = "";
  let last: { id: number; hash: string } | undefined;
  for (const row of db.prepare("SELECT id, at, actor, command, entity, entity_id, action, changes, hash FROM audit_log ORDER BY id").iterate() as IterableIterator<ChainRow>) {
    if (row.hash === null) return { entry: row.id, kind: "unsealed" };
    // A changed entry, one deleted before it or one inserted: the link to the previous hash does not hold.
    if (auditLink(previous, fieldsOf(row)) !== row.hash) return { entry: row.id, kind: "changed" };
    previous = row.hash;
    last = { id: row.id, hash: row.hash };
  }
  const head = db.prepare("SELECT last_id AS id, hash FROM audit_head WHERE id = 1").get() as { id: number; hash: string } | undefined;
  if (last === undefined) return head ? { entry: head.id, kind: "head" } : null;
  if (!head || head.id !== last.id || head.hash !== last.hash) return { entry: head?.id ?? null, kind: "head" };
  return null;
}

export interface AuditRow {
  id: number;
  /** ISO instant, UTC */
  at: string;
  actor: string;
  /** the command line, as its arguments */
  command: string[];
  entity: string;
  entityId: number | null;
  action: string;
  changes: unknown;
}

export interface AuditFilter {
  /** ISO instant: entries at or after it */
  since?: string;
  entity?: string;
  who?: string;
  limit?: number;
}

export type RawAuditRow = Raw;

interface Raw {
  id: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entity_id: number | null;
  action: string;
  changes: string | null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toAuditRow(r: Raw): AuditRow {
  const command = parseJson(r.command);
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    command: Array.isArray(command) ? command.map(String) : [String(command)],
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: parseJson(r.changes),
  };
}

/** Entries matching the filter, oldest first; with a limit, the newest `limit` of them. */
export function listAudit(db: Db, filter: AuditFilter): AuditRow[] {
  return [...iterateAudit(db, filter)];
}

/** listAudit one entry at a time: the log of a long-lived platform has hundreds of thousands. */
export function* iterateAudit(db: Db, filter: AuditFilter): Generator<AuditRow> {
  for (const row of iterateRawAudit(db, filter)) yield toAuditRow(row);
}

/** The entries as stored (command and changes as JSON text), for printing them without parsing each. */
export function* iterateRawAudit(db: Db, filter: AuditFilter): Generator<RawAuditRow> {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log
          WHERE (CAST(@since AS TEXT) IS NULL OR at >= @since)
            AND (CAST(@entity AS TEXT) IS NULL OR entity = @entity)
            AND (CAST(@who AS TEXT) IS NULL OR actor = @who COLLATE NOCASE)
          ORDER BY id DESC LIMIT @limit
       ) AS newest ORDER BY id`,
    )
    // No limit: the largest both engines take (SQLite's -1 is its own).
    .iterate({ since: filter.since ?? null, entity: filter.entity ?? null, who: filter.who ?? null, limit: filter.limit ?? Number.MAX_SAFE_INTEGER }) as IterableIterator<Raw>;
  yield* rows;
}

export function auditEntities(db: Db): string[] {
  return db.prepare("SELECT DISTINCT entity FROM audit_log ORDER BY entity").pluck().all() as string[];
}

/** Entries about the given rows of one entity type (for a person's data export). */
export function auditAbout(db: Db, entity: string, ids: number[]): AuditRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log WHERE entity = ? AND entity_id IN (${jsonIds(db)}) ORDER BY id`)
    .all(entity, JSON.stringify(ids)) as Raw[];
  return rows.map(toAuditRow);
}

/** Entries of changes made under the given name (for a person's data export). */
export function auditByActor(db: Db, actor: string): AuditRow[] {
  const rows = db
    .prepare("SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log WHERE actor = ? COLLATE NOCASE ORDER BY id")
    .all(actor) as Raw[];
  return rows.map(toAuditRow);
}

/** The time of the newest entry, null for an empty log. */
export function lastAuditAt(db: Db): string | null {
  return (db.prepare("SELECT max(at) FROM audit_log").pluck().get() as string | null) ?? null;
}

/** The id of the newest entry, null for an empty log. */
export function lastAuditId(db: Db): number | null {
  return (db.prepare("SELECT max(id) FROM audit_log").pluck().get() as number | null) ?? null;
}
