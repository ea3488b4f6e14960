// The content hash that locks approved minutes (stored at approval, compared by `check`). Apart from
// service.ts so that the check, loaded with status, needs only the store.
import { createHash } from "node:crypto";
import type { Db } from "../core/db.js";
import { minutesSnapshot } from "./store.js";

export function minutesHash(db: Db, meetingId: number): string {
  return createHash("sha256").update(minutesSnapshot(db, meetingId)).digest("hex");
}
