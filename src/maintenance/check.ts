// `plattform check`: SQLite's own checks and the application's invariants, each problem with what to do.
// To check a new area, add an entry to CHECKS: a name and a function that returns its problems.
import type { Db } from "../core/db.js";
import type { Params } from "../core/errors.js";
import { minutesHash } from "../meetings/service.js";
import type { MessageKey } from "../core/i18n.js";

export interface Problem {
  /** the check that found it (a CHECKS name) */
  check: string;
  /** message and hint keys; params fill both */
  key: MessageKey;
  hintKey: MessageKey;
  params: Params;
}

export interface Check {
  name: string;
  run(db: Db): Problem[];
}

/** At most this many problems of one kind are listed: a badly damaged file would otherwise flood the screen. */
const MAX_PER_CHECK = 50;

const problem = (check: string, key: string, params: Params = {}): Problem => ({ check, key: `check.${key}` as MessageKey, hintKey: `check.${key}.hint` as MessageKey, params });

function tableNames(db: Db): Set<string> {
  return new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
}

function columnsOf(db: Db, table: string): string[] {
  return db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid").pluck().all(table) as string[];
}

const integrity: Check = {
  name: "integrity",
  run(db) {
    let rows: string[];
    try {
      rows = db.prepare("PRAGMA integrity_check").pluck().all() as string[];
    } catch (error) {
      // So damaged that SQLite stops checking: that is the finding.
      if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_CORRUPT")) throw error;
      rows = [(error as Error).message];
    }
    return rows.filter((r) => r !== "ok").map((detail) => problem("integrity", "integrity", { detail }));
  },
};

const foreignKeys: Check = {
  name: "foreign-keys",
  run(db) {
    const rows = db.prepare("PRAGMA foreign_key_check").all() as Array<{ table: string; rowid: number | null; parent: string }>;
    return rows.map((r) => problem("foreign-keys", "foreignKey", { table: r.table, row: r.rowid ?? "?", parent: r.parent }));
  },
};

/** One vote per member group and roll-call vote; one ballot receipt per group and election. */
const oneVotePerGroup: Check = {
  name: "one-vote-per-group",
  run(db) {
    const casts = db
      .prepare(
        `SELECT c.vote_id AS vote, c.group_id AS groupId, coalesce(g.name, '#' || c.group_id) AS "group", count(*) AS n
           FROM vote_casts c LEFT JOIN groups g ON g.id = c.group_id
          GROUP BY c.vote_id, c.group_id HAVING count(*) > 1 ORDER BY c.vote_id, c.group_id`,
      )
      .all() as Array<{ vote: number; groupId: number; group: string; n: number }>;
    const receipts = db
      .prepare(
        `SELECT r.election_id AS election, r.group_id AS groupId, coalesce(g.name, '#' || r.group_id) AS "group", count(*) AS n
           FROM ballot_receipts r LEFT JOIN groups g ON g.id = r.group_id
          GROUP BY r.election_id, r.group_id HAVING count(*) > 1 ORDER BY r.election_id, r.group_id`,
      )
      .all() as Array<{ election: number; groupId: number; group: string; n: number }>;
    return [
      ...casts.map((r) => problem("one-vote-per-group", "duplicateVote", { vote: r.vote, group: r.group, groupId: r.groupId, count: r.n })),
      ...receipts.map((r) => problem("one-vote-per-group", "duplicateBallot", { election: r.election, group: r.group, groupId: r.groupId, count: r.n })),
    ];
  },
};

const BALLOT_COLUMNS = ["id", "election_id", "weight", "content"];
const RECEIPT_COLUMNS = ["election_id", "group_id"];

/**
 * No ballot can be linked to a group: ballots carry no group (nor time), receipts carry no ballot (nor id, nor
 * time), and per election the receipts and the ballots cast one by one agree in number.
 */
const ballotSecrecy: Check = {
  name: "ballot-secrecy",
  run(db) {
    const found: Problem[] = [];
    const extraBallot = columnsOf(db, "ballots").filter((c) => !BALLOT_COLUMNS.includes(c));
    if (extraBallot.length > 0) found.push(problem("ballot-secrecy", "ballotColumns", { table: "ballots", columns: extraBallot.join(", ") }));
    const extraReceipt = columnsOf(db, "ballot_receipts").filter((c) => !RECEIPT_COLUMNS.includes(c));
    if (extraReceipt.length > 0) found.push(problem("ballot-secrecy", "ballotColumns", { table: "ballot_receipts", columns: extraReceipt.join(", ") }));
    const receiptSql = (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'ballot_receipts'").pluck().get() as string | undefined) ?? "";
    if (!/WITHOUT\s+ROWID/i.test(receiptSql)) found.push(problem("ballot-secrecy", "receiptRowid"));
    const counts = db
      .prepare(
        `SELECT e.id AS election, e.source AS source,
                (SELECT count(*) FROM ballot_receipts r WHERE r.election_id = e.id) AS receipts,
                (SELECT coalesce(sum(b.weight), 0) FROM ballots b WHERE b.election_id = e.id) AS ballots
           FROM elections e ORDER BY e.id`,
      )
      .all() as Array<{ election: number; source: string | null; receipts: number; ballots: number }>;
    for (const c of counts) {
      // A BLT file brings ballots without receipts; ballots cast one by one come with one receipt each.
      const expected = c.source === "blt" ? 0 : c.ballots;
      if (c.receipts !== expected) found.push(problem("ballot-secrecy", "ballotCount", { election: c.election, receipts: c.receipts, ballots: c.ballots }));
    }
    return found;
  },
};

/** Approved minutes are locked: their content hash, stored at approval, must still match. */
const approvedMinutes: Check = {
  name: "approved-minutes",
  run(db) {
    const rows = db
      .prepare("SELECT id, date, minutes_hash AS hash FROM meetings WHERE minutes = 'approved' ORDER BY date, id")
      .all() as Array<{ id: number; date: string; hash: string | null }>;
    const found: Problem[] = [];
    for (const r of rows) {
      if (r.hash === null) found.push(problem("approved-minutes", "minutesNoHash", { meeting: r.id, date: r.date }));
      else {
        const now = minutesHash(db, r.id);
        if (now !== r.hash) found.push(problem("approved-minutes", "minutesChanged", { meeting: r.id, date: r.date, stored: r.hash.slice(0, 12), now: now.slice(0, 12) }));
      }
    }
    return found;
  },
};

/**
 * Income (fundraising, schema version 7): positive amounts in cents, dues paid by a group, no more received for
 * a grant than was awarded, no negative dues or budget lines. Skipped on a file without those tables.
 */
const income: Check = {
  name: "income",
  run(db) {
    const tables = tableNames(db);
    if (!tables.has("income")) return [];
    const found: Problem[] = [];
    const bad = db.prepare("SELECT id, amount FROM income WHERE typeof(amount) <> 'integer' OR amount <= 0 ORDER BY id").all() as Array<{ id: number; amount: unknown }>;
    for (const r of bad) found.push(problem("income", "incomeAmount", { income: r.id, amount: String(r.amount) }));
    const dues = db.prepare("SELECT id FROM income WHERE kind = 'dues' AND group_id IS NULL ORDER BY id").pluck().all() as number[];
    for (const id of dues) found.push(problem("income", "duesWithoutGroup", { income: id }));
    if (tables.has("applications")) {
      const over = db
        .prepare(
          `SELECT a.id AS application, a.amount_awarded AS awarded, sum(i.amount) AS received
             FROM applications a JOIN income i ON i.application_id = a.id
            WHERE a.amount_awarded IS NOT NULL
            GROUP BY a.id HAVING sum(i.amount) > a.amount_awarded ORDER BY a.id`,
        )
        .all() as Array<{ application: number; awarded: number; received: number }>;
      for (const r of over) found.push(problem("income", "grantOverpaid", { application: r.application, awarded: cents(r.awarded), received: cents(r.received) }));
    }
    for (const table of ["dues_assessments", "budget_lines"]) {
      if (!tables.has(table)) continue;
      const negative = db.prepare(`SELECT id FROM "${table}" WHERE typeof(amount) <> 'integer' OR amount < 0 ORDER BY id`).pluck().all() as number[];
      for (const id of negative) found.push(problem("income", "negativeAmount", { table, row: id }));
    }
    return found;
  },
};

function cents(value: number): string {
  return (value / 100).toFixed(2);
}

/** Every check `plattform check` runs, in this order. */
export const CHECKS: Check[] = [integrity, foreignKeys, oneVotePerGroup, ballotSecrecy, approvedMinutes, income];

export interface CheckResult {
  name: string;
  problems: Problem[];
  /** more problems than listed */
  more: number;
}

/**
 * Runs the checks. A damaged file stops after SQLite's own checks: reading it further could mislead. A check
 * that fails to run (a table it reads is damaged) is reported as a problem of its own.
 */
export function runChecks(db: Db, checks: readonly Check[] = CHECKS): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    let problems: Problem[];
    try {
      problems = check.run(db);
    } catch (error) {
      problems = [problem(check.name, "failedToRun", { name: check.name, detail: (error as Error).message.split("\n")[0] ?? "" })];
    }
    results.push({ name: check.name, problems: problems.slice(0, MAX_PER_CHECK), more: Math.max(0, problems.length - MAX_PER_CHECK) });
    if (check.name === "integrity" && problems.length > 0) break;
  }
  return results;
}
