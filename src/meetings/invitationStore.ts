// The invitations table (migration 0013): who was invited to a meeting by e-mail, when, by whom, and how it went.
import type { Db } from "../core/db.js";

export type InvitationStatus = "sent" | "failed" | "written";

export interface Invitation {
  personId: number;
  address: string;
  status: InvitationStatus;
  reason: string | null;
  at: string;
  by: string;
}

export function invitationsOf(db: Db, meetingId: number): Invitation[] {
  return db
    .prepare(
      `SELECT person_id AS "personId", address, status, reason, invited_at AS at, invited_by AS "by"
         FROM invitations WHERE meeting_id = ? ORDER BY person_id`,
    )
    .all(meetingId) as Invitation[];
}

/**
 * Records the latest attempt for one person (one row per meeting and person). An .eml file written with --out
 * does not overwrite a message that was sent: the person stays invited.
 */
export function recordInvitation(db: Db, meetingId: number, inv: Invitation): void {
  db.prepare(
    `INSERT INTO invitations (meeting_id, person_id, address, status, reason, invited_at, invited_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET
       address = excluded.address, status = excluded.status, reason = excluded.reason,
       invited_at = excluded.invited_at, invited_by = excluded.invited_by
     WHERE invitations.status <> 'sent' OR excluded.status <> 'written'`,
  ).run(meetingId, inv.personId, inv.address, inv.status, inv.reason, inv.at, inv.by);
}

/** For `meetings show`: how many were invited (sent), how many failed, and the last successful sending. */
export function invitationSummary(db: Db, meetingId: number): { sent: number; failed: number; written: number; last: string | null } {
  return db
    .prepare(
      `SELECT count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'written') AS written, max(CASE WHEN status = 'sent' THEN invited_at END) AS last
         FROM invitations WHERE meeting_id = ?`,
    )
    .get(meetingId) as { sent: number; failed: number; written: number; last: string | null };
}

/** The date the invitation went out, as `meetings edit --invited` sets it. */
export function setInvitedOn(db: Db, meetingId: number, date: string): void {
  db.prepare("UPDATE meetings SET invited_on = ? WHERE id = ?").run(date, meetingId);
}
