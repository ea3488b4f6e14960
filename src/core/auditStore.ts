// The audit log: written by Context.write for every change, read by `log` and the personal-data export.
import type { Db } from "./db.js";

/** The statement Context.write logs each change with, inside the change's own transaction. */
export function auditInserter(db: Db) {
  return db.prepare("INSERT INTO audit_log (at, actor, command, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)");
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
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log
          WHERE (@since IS NULL OR at >= @since)
            AND (@entity IS NULL OR entity = @entity)
            AND (@who IS NULL OR actor = @who COLLATE NOCASE)
          ORDER BY id DESC LIMIT @limit
       ) ORDER BY id`,
    )
    .all({ since: filter.since ?? null, entity: filter.entity ?? null, who: filter.who ?? null, limit: filter.limit ?? -1 }) as Raw[];
  return rows.map(toAuditRow);
}

export function auditEntities(db: Db): string[] {
  return db.prepare("SELECT DISTINCT entity FROM audit_log ORDER BY entity").pluck().all() as string[];
}

/** Entries about the given rows of one entity type (for a person's data export). */
export function auditAbout(db: Db, entity: string, ids: number[]): AuditRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare("SELECT id, at, actor, command, entity, entity_id, action, changes FROM audit_log WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY id")
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
