// `people forget`: the person's row in people, then whatever each area holds about them (their contributions).
import type { AuditEntry } from "../core/context.js";
import { chainAuditLog } from "../core/auditStore.js";
import type { Db } from "../core/db.js";
import { erasePerson, type Person } from "../people/index.js";
import { CONTRIBUTIONS } from "./contributions.js";

export function forget(db: Db, audit: (entry: AuditEntry) => void, person: Person, placeholder: string): void {
  const pattern = erasePerson(db, person, placeholder);
  for (const area of CONTRIBUTIONS) area.erase?.(db, { personId: person.id, pattern, placeholder });
  // The erasure rewrote earlier audit entries: the chain is sealed again over them, and the entry below says why.
  chainAuditLog(db);
  audit({ entity: "person", id: person.id, action: "forget" });
}
