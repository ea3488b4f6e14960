// The elections area's SQL: elections, candidates, ballot receipts and ballots. Receipts (who voted) and
// ballots (what was voted) are written and read by separate functions that share nothing a query could join on.
import type { Db } from "../core/db.js";
import { isServer } from "../core/engine.js";

export const METHODS = ["scottish-stv", "approval", "yes-no-abstain"] as const;
export type Method = (typeof METHODS)[number];
export type ElectionStatus = "open" | "counted" | "certified";
export const CANDIDATE_STATUSES = ["nominated", "accepted", "withdrawn"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export interface Election {
  id: number;
  meetingId: number;
  meetingDate: string;
  /** the agenda item's id and position, when the election is tied to one */
  itemId: number | null;
  item: number | null;
  teamId: number;
  team: string;
  seats: number;
  method: Method;
  termMonths: number;
  status: ElectionStatus;
  /** how the ballots came in: cast one by one, or imported from a BLT file; null before the first */
  source: "ballots" | "blt" | null;
  /** the last count as stored: JSON with candidates as {c:<id>} */
  tally: string | null;
  seed: number | null;
  certifiedOn: string | null;
}

const SELECT_ELECTION = `
  SELECT e.id, e.meeting_id AS "meetingId", m.date AS "meetingDate", e.item_id AS "itemId", i.position AS item,
         e.team_id AS "teamId", t.name AS team, e.seats, e.method, e.term_months AS "termMonths", e.status, e.source,
         e.tally, e.seed, e.certified_on AS "certifiedOn"
    FROM elections e JOIN meetings m ON m.id = e.meeting_id JOIN teams t ON t.id = e.team_id
    LEFT JOIN agenda_items i ON i.id = e.item_id`;

export function getElection(db: Db, id: number): Election | undefined {
  return db.prepare(`${SELECT_ELECTION} WHERE e.id = ?`).get(id) as Election | undefined;
}

export function listElections(db: Db, filter: { meetingId?: number; teamId?: number } = {}): Election[] {
  // Only the filters given, so that a meeting's elections come through elections_by_meeting.
  const where = [filter.meetingId !== undefined && "e.meeting_id = @meeting", filter.teamId !== undefined && "e.team_id = @team"].filter(Boolean);
  return db
    .prepare(`${SELECT_ELECTION} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY m.date, e.id`)
    .all({ meeting: filter.meetingId ?? null, team: filter.teamId ?? null }) as Election[];
}

export function insertElection(
  db: Db,
  e: { meetingId: number; itemId: number | null; teamId: number; seats: number; method: Method; termMonths: number },
): number {
  return Number(
    db
      .prepare("INSERT INTO elections (meeting_id, item_id, team_id, seats, method, term_months, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(e.meetingId, e.itemId, e.teamId, e.seats, e.method, e.termMonths, new Date().toISOString()),
  );
}

export function setSource(db: Db, id: number, source: "ballots" | "blt"): void {
  db.prepare("UPDATE elections SET source = ? WHERE id = ?").run(source, id);
}

export function storeTally(db: Db, id: number, tally: string, seed: number | null): void {
  db.prepare("UPDATE elections SET status = 'counted', tally = ?, seed = ? WHERE id = ?").run(tally, seed, id);
}

export function markCertified(db: Db, id: number, date: string): void {
  db.prepare("UPDATE elections SET status = 'certified', certified_on = ? WHERE id = ?").run(date, id);
}

/** The last certified election of a team: its date (the meeting's) and the term it gave. */
export function lastCertifiedTerm(db: Db, teamId: number): { election: number; date: string; termMonths: number } | undefined {
  return db
    .prepare(
      `SELECT e.id AS election, m.date, e.term_months AS "termMonths"
         FROM elections e JOIN meetings m ON m.id = e.meeting_id
        WHERE e.team_id = ? AND e.status = 'certified' ORDER BY m.date DESC, e.id DESC LIMIT 1`,
    )
    .get(teamId) as { election: number; date: string; termMonths: number } | undefined;
}

// ---- candidates

export interface Candidate {
  id: number;
  personId: number;
  /** the person's name; null once forgotten */
  name: string | null;
  nominatedById: number | null;
  nominatedBy: string | null;
  status: CandidateStatus;
}

export function listCandidates(db: Db, electionId: number): Candidate[] {
  return db
    .prepare(
      `SELECT c.id, c.person_id AS "personId", p.name, c.nominated_by AS "nominatedById", g.name AS "nominatedBy", c.status
         FROM candidates c JOIN people p ON p.id = c.person_id LEFT JOIN groups g ON g.id = c.nominated_by
        WHERE c.election_id = ? ORDER BY c.id`,
    )
    .all(electionId) as Candidate[];
}

export function insertCandidate(db: Db, electionId: number, personId: number, nominatedBy: number | null): number {
  return Number(
    db.prepare("INSERT INTO candidates (election_id, person_id, nominated_by) VALUES (?, ?, ?) RETURNING id").pluck().get(electionId, personId, nominatedBy),
  );
}

export function setCandidateStatus(db: Db, candidateId: number, status: CandidateStatus): void {
  db.prepare("UPDATE candidates SET status = ? WHERE id = ?").run(status, candidateId);
}

// ---- who has voted

export function hasReceipt(db: Db, electionId: number, groupId: number): boolean {
  return db.prepare("SELECT 1 FROM ballot_receipts WHERE election_id = ? AND group_id = ?").get(electionId, groupId) !== undefined;
}

export function insertReceipt(db: Db, electionId: number, groupId: number): void {
  db.prepare("INSERT INTO ballot_receipts (election_id, group_id) VALUES (?, ?)").run(electionId, groupId);
}

/** The groups that have voted, by name (never in the order they voted). */
export function votedGroups(db: Db, electionId: number): Array<{ groupId: number; group: string }> {
  return db
    .prepare(
      `SELECT r.group_id AS "groupId", g.name AS "group" FROM ballot_receipts r JOIN groups g ON g.id = r.group_id
        WHERE r.election_id = ? ORDER BY g.name_key`,
    )
    .all(electionId) as Array<{ groupId: number; group: string }>;
}

// ---- what was voted

/** Ballot ids are drawn at random from a large range, so that they carry no order of casting. */
const BALLOT_ID_LIMIT = 2 ** 47;

export function insertBallot(db: Db, electionId: number, content: string, weight = 1): void {
  const taken = db.prepare("SELECT 1 FROM ballots WHERE id = ?");
  // node:crypto is loaded here, when a ballot is cast: loading it cost every command that reads elections ~2 ms.
  const { randomInt } = process.getBuiltinModule("node:crypto");
  let id = randomInt(1, BALLOT_ID_LIMIT);
  while (taken.get(id) !== undefined) id = randomInt(1, BALLOT_ID_LIMIT);
  db.prepare("INSERT INTO ballots (id, election_id, weight, content) VALUES (?, ?, ?, ?)").run(id, electionId, weight, content);
}

/**
 * Rewrites an election's receipts (by group) and ballots (by id) in a fixed order. SQLite places new records
 * within a page, and new entries in an index page, in the order they arrive; rewriting them all after each
 * ballot leaves a layout that follows the groups' and the ballots' ids, not the order in which they came in.
 */
export function resealBallotBox(db: Db, electionId: number): void {
  const ballots = db.prepare("SELECT id, weight, content FROM ballots WHERE election_id = ? ORDER BY id").all(electionId) as Array<{
    id: number;
    weight: number;
    content: string;
  }>;
  const groups = db.prepare("SELECT group_id FROM ballot_receipts WHERE election_id = ? ORDER BY group_id").pluck().all(electionId) as number[];
  db.prepare("DELETE FROM ballots WHERE election_id = ?").run(electionId);
  db.prepare("DELETE FROM ballot_receipts WHERE election_id = ?").run(electionId);
  const ballot = db.prepare("INSERT INTO ballots (id, election_id, weight, content) VALUES (?, ?, ?, ?)");
  for (const b of ballots) ballot.run(b.id, electionId, b.weight, b.content);
  for (const g of groups) insertReceipt(db, electionId, g);
}

/** The ballots of an election, ordered by their content (so that equal ballots come together). */
export function listBallots(db: Db, electionId: number): Array<{ weight: number; content: string }> {
  return db.prepare("SELECT weight, content FROM ballots WHERE election_id = ? ORDER BY content, id").all(electionId) as Array<{
    weight: number;
    content: string;
  }>;
}

export function countBallots(db: Db, electionId: number): number {
  return (db.prepare("SELECT coalesce(sum(weight), 0) AS n FROM ballots WHERE election_id = ?").get(electionId) as { n: number }).n;
}

// What `check` reads to prove ballot secrecy (elections/contributes.ts).

/** Groups with more than one ballot receipt in an election. */
export function duplicateReceipts(db: Db): Array<{ election: number; groupId: number; group: string; n: number }> {
  return db
    .prepare(
      `SELECT r.election_id AS election, r.group_id AS "groupId", coalesce(g.name, '#' || r.group_id) AS "group", count(*) AS n
         FROM ballot_receipts r LEFT JOIN groups g ON g.id = r.group_id
        GROUP BY r.election_id, r.group_id, g.name HAVING count(*) > 1 ORDER BY r.election_id, r.group_id`,
    )
    .all() as Array<{ election: number; groupId: number; group: string; n: number }>;
}

export function columnsOf(db: Db, table: "ballots" | "ballot_receipts"): string[] {
  const sql = isServer(db)
    ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"
    : "SELECT name FROM pragma_table_info(?) ORDER BY cid";
  return db.prepare(sql).pluck().all(table) as string[];
}

export function receiptTableSql(db: Db): string {
  return (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'ballot_receipts'").pluck().get() as string | undefined) ?? "";
}

/** Per election: receipts given and ballots cast (by weight). */
export function receiptAndBallotCounts(db: Db): Array<{ election: number; source: string | null; receipts: number; ballots: number }> {
  return db
    .prepare(
      `SELECT e.id AS election, e.source AS source,
              (SELECT count(*) FROM ballot_receipts r WHERE r.election_id = e.id) AS receipts,
              (SELECT coalesce(sum(b.weight), 0) FROM ballots b WHERE b.election_id = e.id) AS ballots
         FROM elections e ORDER BY e.id`,
    )
    .all() as Array<{ election: number; source: string | null; receipts: number; ballots: number }>;
}

/** Elections against the meeting-day rules: ballots at a meeting still ahead, or still open although their meeting was closed. */
export function electionsOutOfDay(db: Db, today: string): Array<{ election: number; meeting: number; date: string; what: "ahead" | "open" }> {
  return db
    .prepare(
      `SELECT e.id AS election, m.id AS meeting, m.date, CASE WHEN m.date > @today THEN 'ahead' ELSE 'open' END AS what
         FROM elections e JOIN meetings m ON m.id = e.meeting_id
        WHERE (m.date > @today AND EXISTS (SELECT 1 FROM ballots b WHERE b.election_id = e.id))
           OR (e.status = 'open' AND m.status = 'held')
        ORDER BY m.date, e.id`,
    )
    .all({ today }) as Array<{ election: number; meeting: number; date: string; what: "ahead" | "open" }>;
}
