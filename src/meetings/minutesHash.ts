// The content hash of the rows behind approved minutes (stored at approval, compared by `check`). Apart from
// service.ts so that the check, loaded with status, needs only the store.
import type { Db } from "../core/db.js";
import { sha256 } from "../core/hash.js";
import { minutesSnapshot } from "./store.js";

export function minutesHash(db: Db, meetingId: number): string {
  return sha256(minutesSnapshot(db, meetingId));
}
