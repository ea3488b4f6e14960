// `people forget`: the person's row in people, then whatever each area holds about them (their contributions).
import type { AuditEntry } from "../core/context.js";
import { chainAuditLog } from "../core/auditStore.js";
import { noteWrittenTables, scrubText, type Db } from "../core/db.js";
import { allFrozenMinutes, getMeeting, type Meeting } from "../meetings/index.js";
import { erasePerson, type Person } from "../people/index.js";
import { CONTRIBUTIONS } from "./contributions.js";

/**
 * Erases the person everywhere the program controls, except in approved minutes: they are the association's
 * locked record and keep their text. Returns the meetings whose approved minutes still name the person.
 */
export function forget(db: Db, audit: (entry: AuditEntry) => void, person: Person, placeholder: string): Meeting[] {
  const pattern = erasePerson(db, person, placeholder);
  for (const area of CONTRIBUTIONS) area.erase?.(db, { personId: person.id, pattern, placeholder });
  // Free text of every area (notes, titles, purposes, contacts …), as each declares its TEXT columns.
  for (const area of CONTRIBUTIONS)
    for (const [table, columns] of Object.entries(area.text ?? {}))
      for (const [column, how] of Object.entries(columns)) if (how === "scrub") scrubText(db, table, column, pattern, placeholder);
  // The erasure rewrote earlier audit entries: the chain is sealed again over them, and the entry below says why.
  chainAuditLog(db);
  const kept = allFrozenMinutes(db).filter((f) => {
    pattern.lastIndex = 0;
    return pattern.test(f.model);
  });
  audit({ entity: "person", id: person.id, action: "forget", ...(kept.length > 0 ? { changes: { keptInApprovedMinutes: kept.map((f) => f.meetingId) } } : {}) });
  noteWrittenTables(db);
  return kept.map((f) => getMeeting(db, f.meetingId)!);
}
