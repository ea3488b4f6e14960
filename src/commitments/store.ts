// The SQL of commitments, decision makers and their follow-ups; nothing else in the program touches these tables.
import type { Db } from "../core/db.js";
import { nameKey } from "../core/validate.js";
import type { Answer, Commitment, CommitmentStatus, CommitmentUpdate, DecisionMaker } from "./model.js";

// ---- decision makers

export function findDecisionMakers(db: Db, ref: string): DecisionMaker[] {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  return db.prepare("SELECT id, name, office, body FROM decision_makers WHERE id = ? OR name_key = ? ORDER BY id").all(byId, nameKey(trimmed)) as DecisionMaker[];
}

export function decisionMakerByName(db: Db, name: string): DecisionMaker | undefined {
  return db.prepare("SELECT id, name, office, body FROM decision_makers WHERE name_key = ?").get(nameKey(name)) as DecisionMaker | undefined;
}

export function insertDecisionMaker(db: Db, dm: Omit<DecisionMaker, "id">): number {
  return Number(
    db
      .prepare("INSERT INTO decision_makers (name, name_key, office, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(dm.name, nameKey(dm.name), dm.office, dm.body, new Date().toISOString()),
  );
}

export function updateDecisionMaker(db: Db, id: number, office: string | null, body: string | null): void {
  db.prepare("UPDATE decision_makers SET office = ?, body = ? WHERE id = ?").run(office, body, id);
}

// ---- commitments

const SELECT_COMMITMENT = `
  SELECT c.id, c.ask, d.name AS "from", c.decision_maker_id AS "decisionMakerId", d.office, d.body, c.answer,
         c.meeting_id AS meeting, c.given_on AS date, c.due_on AS due, c.status, c.status_on AS "statusDate"
    FROM commitments c JOIN decision_makers d ON d.id = c.decision_maker_id`;

export interface NewCommitment {
  ask: string;
  decisionMakerId: number;
  answer: Answer;
  meetingId: number | null;
  date: string;
  due: string | null;
}

export function insertCommitment(db: Db, c: NewCommitment): number {
  return Number(
    db
      .prepare(
        `INSERT INTO commitments (ask, decision_maker_id, answer, meeting_id, given_on, due_on, status, status_on, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id`,
      )
      .pluck().get(c.ask, c.decisionMakerId, c.answer, c.meetingId, c.date, c.due, c.date, new Date().toISOString()),
  );
}

export function getCommitment(db: Db, id: number): Commitment | undefined {
  return db.prepare(`${SELECT_COMMITMENT} WHERE c.id = ?`).get(id) as Commitment | undefined;
}

export interface CommitmentFilter {
  status?: CommitmentStatus;
  decisionMakerId?: number;
  meetingId?: number;
  /** open and due before this date */
  overdueOn?: string;
  /** open and due on or before this date */
  dueUntil?: string;
  /** given on or after / on or before these dates */
  from?: string;
  until?: string;
}

export function listCommitments(db: Db, filter: CommitmentFilter = {}): Commitment[] {
  return db
    .prepare(
      `${SELECT_COMMITMENT}
        WHERE (CAST(@status AS TEXT) IS NULL OR c.status = @status)
          AND (CAST(@dm AS BIGINT) IS NULL OR c.decision_maker_id = @dm)
          AND (CAST(@meeting AS BIGINT) IS NULL OR c.meeting_id = @meeting)
          AND (CAST(@overdueOn AS TEXT) IS NULL OR (c.status IN ('pending', 'in-progress') AND c.due_on IS NOT NULL AND c.due_on < @overdueOn))
          AND (CAST(@dueUntil AS TEXT) IS NULL OR (c.status IN ('pending', 'in-progress') AND c.due_on IS NOT NULL AND c.due_on <= @dueUntil))
          AND (CAST(@from AS TEXT) IS NULL OR c.given_on >= @from)
          AND (CAST(@until AS TEXT) IS NULL OR c.given_on <= @until)
        ORDER BY c.given_on, c.id`,
    )
    .all({
      status: filter.status ?? null,
      dm: filter.decisionMakerId ?? null,
      meeting: filter.meetingId ?? null,
      overdueOn: filter.overdueOn ?? null,
      dueUntil: filter.dueUntil ?? null,
      from: filter.from ?? null,
      until: filter.until ?? null,
    }) as Commitment[];
}

export function setCommitmentStatus(db: Db, id: number, status: CommitmentStatus, date: string): void {
  db.prepare("UPDATE commitments SET status = ?, status_on = ? WHERE id = ?").run(status, date, id);
}

export function insertUpdate(db: Db, commitmentId: number, u: CommitmentUpdate): number {
  return Number(
    db
      .prepare("INSERT INTO commitment_updates (commitment_id, on_date, status, note, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(commitmentId, u.date, u.status, u.note, new Date().toISOString()),
  );
}

/** The follow-ups of a commitment, oldest first. */
export function updatesOf(db: Db, commitmentId: number): CommitmentUpdate[] {
  return db
    .prepare("SELECT on_date AS date, status, note FROM commitment_updates WHERE commitment_id = ? ORDER BY on_date, id")
    .all(commitmentId) as CommitmentUpdate[];
}

/** The latest follow-up by date (then by entry), which gives the commitment's status. */
export function latestUpdate(db: Db, commitmentId: number): CommitmentUpdate | undefined {
  return db
    .prepare("SELECT on_date AS date, status, note FROM commitment_updates WHERE commitment_id = ? ORDER BY on_date DESC, id DESC LIMIT 1")
    .get(commitmentId) as CommitmentUpdate | undefined;
}
