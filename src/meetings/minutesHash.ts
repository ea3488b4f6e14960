// The content hash that locks approved minutes (stored at approval, compared by `check`). Apart from
// service.ts so that the check, loaded with status, needs only the store.
import type { Db } from "../core/db.js";
import { minutesSnapshot } from "./store.js";

export function minutesHash(db: Db, meetingId: number): string {
  // node:crypto is loaded at the first hash: `status` loads this file with the check invariants but never hashes,
  // and loading it cost ~2 ms.
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(minutesSnapshot(db, meetingId)).digest("hex");
}
