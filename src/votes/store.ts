// The votes area's SQL: votes, the groups' votes in roll calls, and corrections. Nothing else talks to these tables.
import { scrubText, type Db } from "../core/db.js";
import type { Base, Choice, Majority, VoteMode, VoteResult } from "./majority.js";

export interface Vote {
  id: number;
  meetingId: number;
  itemId: number | null;
  /** the agenda item's position, when the motion belongs to one */
  item: number | null;
  motion: string;
  moverGroupId: number | null;
  moverPersonId: number | null;
  /** the mover's name; null when no mover was recorded or the person has been forgotten */
  mover: string | null;
  mode: VoteMode;
  majority: Majority;
  base: Base;
  status: "open" | "closed" | "withdrawn";
  /** why the motion was withdrawn (`votes withdraw`); null otherwise */
  withdrawnReason: string | null;
  /** count and secret votes: the totals, null until counted */
  counts: { yes: number; no: number; abstain: number } | null;
  result: VoteResult | null;
  /** the quorum as evaluated at close; null while open */
  quorum: { rule: string; required: number; present: number; entitled: number; met: boolean } | null;
  opened: string;
  closed: string | null;
}

interface VoteRow {
  id: number;
  meeting_id: number;
  item_id: number | null;
  item: number | null;
  motion: string;
  mover_group_id: number | null;
  mover_person_id: number | null;
  mover_group: string | null;
  mover_person: string | null;
  mode: VoteMode;
  majority: Majority;
  base: Base;
  status: "open" | "closed" | "withdrawn";
  withdrawn_reason: string | null;
  yes_count: number | null;
  no_count: number | null;
  abstain_count: number | null;
  result: VoteResult | null;
  quorum_rule: string | null;
  quorum_required: number | null;
  quorum_present: number | null;
  quorum_entitled: number | null;
  quorum_met: number | null;
  opened_at: string;
  closed_at: string | null;
}

const SELECT_VOTE = `
  SELECT v.*, i.position AS item, g.name AS mover_group, p.name AS mover_person
    FROM votes v
    LEFT JOIN agenda_items i ON i.id = v.item_id
    LEFT JOIN groups g ON g.id = v.mover_group_id
    LEFT JOIN people p ON p.id = v.mover_person_id`;

function toVote(row: VoteRow): Vote {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    itemId: row.item_id,
    item: row.item,
    motion: row.motion,
    moverGroupId: row.mover_group_id,
    moverPersonId: row.mover_person_id,
    mover: row.mover_group ?? row.mover_person,
    mode: row.mode,
    majority: row.majority,
    base: row.base,
    status: row.status,
    withdrawnReason: row.withdrawn_reason,
    counts: row.yes_count === null ? null : { yes: row.yes_count, no: row.no_count!, abstain: row.abstain_count! },
    result: row.result,
    quorum:
      row.quorum_met === null
        ? null
        : {
            rule: row.quorum_rule!,
            required: row.quorum_required!,
            present: row.quorum_present!,
            entitled: row.quorum_entitled!,
            met: row.quorum_met === 1,
          },
    opened: row.opened_at,
    closed: row.closed_at,
  };
}

export interface NewVote {
  meetingId: number;
  itemId: number | null;
  motion: string;
  moverGroupId: number | null;
  moverPersonId: number | null;
  mode: VoteMode;
  majority: Majority;
  base: Base;
}

export function insertVote(db: Db, v: NewVote): number {
  return Number(
    db
      .prepare(
        `INSERT INTO votes (meeting_id, item_id, motion, mover_group_id, mover_person_id, mode, majority, base, opened_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck().get(v.meetingId, v.itemId, v.motion, v.moverGroupId, v.moverPersonId, v.mode, v.majority, v.base, new Date().toISOString()),
  );
}

export function getVote(db: Db, id: number): Vote | undefined {
  const row = db.prepare(`${SELECT_VOTE} WHERE v.id = ?`).get(id) as VoteRow | undefined;
  return row && toVote(row);
}

/** Votes in the order they were taken: by meeting date, then as opened. */
export function listVotes(db: Db, filter: { meetingId?: number } = {}): Vote[] {
  const rows = db
    .prepare(
      // Without "(@meeting IS NULL OR …)", so that one meeting's votes come through votes_by_meeting.
      `${SELECT_VOTE} JOIN meetings m ON m.id = v.meeting_id
        ${filter.meetingId !== undefined ? "WHERE v.meeting_id = @meeting" : ""}
        ORDER BY m.date, m.id, v.id`,
    )
    .all({ meeting: filter.meetingId ?? null }) as VoteRow[];
  return rows.map(toVote);
}

export function setCounts(db: Db, id: number, counts: { yes: number; no: number; abstain: number }): void {
  db.prepare("UPDATE votes SET yes_count = ?, no_count = ?, abstain_count = ? WHERE id = ?").run(counts.yes, counts.no, counts.abstain, id);
}

export interface Closing {
  result: VoteResult;
  quorum: { rule: string; required: number; present: number; entitled: number; met: boolean };
}

export function markClosed(db: Db, id: number, c: Closing): void {
  db.prepare(
    `UPDATE votes SET status = 'closed', result = ?, quorum_rule = ?, quorum_required = ?, quorum_present = ?, quorum_entitled = ?,
            quorum_met = ?, closed_at = ? WHERE id = ? AND status = 'open'`,
  ).run(c.result, c.quorum.rule, c.quorum.required, c.quorum.present, c.quorum.entitled, c.quorum.met ? 1 : 0, new Date().toISOString(), id);
}

/** A motion withdrawn while its vote was open: it is not decided, and the minutes say so with the reason. */
export function markWithdrawn(db: Db, id: number, reason: string): void {
  db.prepare("UPDATE votes SET status = 'withdrawn', withdrawn_reason = ?, closed_at = ? WHERE id = ? AND status = 'open'").run(reason, new Date().toISOString(), id);
}

// ---- roll calls

export interface Cast {
  id: number;
  groupId: number;
  group: string;
  choice: Choice;
}

/** A roll call's votes, by group name. */
export function listCasts(db: Db, voteId: number): Cast[] {
  return db
    .prepare(
      `SELECT c.id, c.group_id AS "groupId", g.name AS "group", c.choice
         FROM vote_casts c JOIN groups g ON g.id = c.group_id
        WHERE c.vote_id = ? ORDER BY g.name_key, c.id`,
    )
    .all(voteId) as Cast[];
}

export function insertCast(db: Db, voteId: number, groupId: number, choice: Choice): number {
  return Number(
    db.prepare("INSERT INTO vote_casts (vote_id, group_id, choice, cast_at) VALUES (?, ?, ?, ?) RETURNING id").pluck().get(voteId, groupId, choice, new Date().toISOString()),
  );
}

export function updateCast(db: Db, castId: number, choice: Choice): void {
  db.prepare("UPDATE vote_casts SET choice = ? WHERE id = ?").run(choice, castId);
}

// ---- corrections

export interface Correction {
  id: number;
  group: string;
  from: Choice;
  to: Choice;
  reason: string;
  actor: string;
  at: string;
}

export function insertCorrection(
  db: Db,
  c: { voteId: number; groupId: number; from: Choice; to: Choice; reason: string; actor: string },
): number {
  return Number(
    db
      .prepare("INSERT INTO vote_corrections (vote_id, group_id, from_choice, to_choice, reason, actor, made_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(c.voteId, c.groupId, c.from, c.to, c.reason, c.actor, new Date().toISOString()),
  );
}

export function listCorrections(db: Db, voteId: number): Correction[] {
  return db
    .prepare(
      `SELECT c.id, g.name AS "group", c.from_choice AS "from", c.to_choice AS "to", c.reason, c.actor, c.made_at AS at
         FROM vote_corrections c JOIN groups g ON g.id = c.group_id
        WHERE c.vote_id = ? ORDER BY c.id`,
    )
    .all(voteId) as Correction[];
}

/** Groups with more than one cast in a roll-call vote (for `check`). */
export function duplicateCasts(db: Db): Array<{ vote: number; groupId: number; group: string; n: number }> {
  return db
    .prepare(
      `SELECT c.vote_id AS vote, c.group_id AS "groupId", coalesce(g.name, '#' || c.group_id) AS "group", count(*) AS n
         FROM vote_casts c LEFT JOIN groups g ON g.id = c.group_id
        GROUP BY c.vote_id, c.group_id, g.name HAVING count(*) > 1 ORDER BY c.vote_id, c.group_id`,
    )
    .all() as Array<{ vote: number; groupId: number; group: string; n: number }>;
}

/** Votes against the meeting-day rules: at a meeting still ahead, or still open although their meeting was closed. */
export function votesOutOfDay(db: Db, today: string): Array<{ vote: number; meeting: number; date: string; what: "ahead" | "open" }> {
  return db
    .prepare(
      `SELECT v.id AS vote, m.id AS meeting, m.date, CASE WHEN m.date > @today THEN 'ahead' ELSE 'open' END AS what
         FROM votes v JOIN meetings m ON m.id = v.meeting_id
        WHERE m.date > @today OR (v.status = 'open' AND m.status = 'held')
        ORDER BY m.date, v.id`,
    )
    .all({ today }) as Array<{ vote: number; meeting: number; date: string; what: "ahead" | "open" }>;
}

/** `people forget`: a correction made by the person (`--as`) names them by a stable pseudonym instead. */
export function eraseCorrectionActor(db: Db, pattern: RegExp, pseudonym: string): void {
  scrubText(db, "vote_corrections", "actor", pattern, pseudonym);
}

/** `people forget` in motions, reasons of withdrawal and of corrections, except in approved minutes (the locked record). */
export function eraseFromOpenVotes(db: Db, pattern: RegExp, placeholder: string): void {
  const open = "meeting_id IN (SELECT id FROM meetings WHERE minutes <> 'approved')";
  scrubText(db, "votes", "motion", pattern, placeholder, open);
  scrubText(db, "votes", "withdrawn_reason", pattern, placeholder, open);
  scrubText(db, "vote_corrections", "reason", pattern, placeholder, `vote_id IN (SELECT id FROM votes WHERE ${open})`);
}
