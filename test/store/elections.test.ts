// The elections and teams areas against a real data file: ballot secrecy (no query can pair a group with its
// ballot), who may vote, the methods' ballot contents, counting and storing the tally, certifying a term, the
// team that exists from the first migration, and a forgotten candidate.
import { describe, expect, it } from "vitest";
import { createDataFile, migrate, openDataFile, tableNames, type Db } from "../../src/core/db.js";
import {
  acceptCandidacy,
  addElection,
  castBallot,
  castBallots,
  certify,
  countElection,
  decodeTally,
  electionView,
  importBallots,
  minutesEntries,
  nominate,
  recordTally,
  resolveCandidate,
  resolveElection,
  withdrawCandidacy,
} from "../../src/elections/service.js";
import { listCandidates, type Election } from "../../src/elections/store.js";
import { parseBlt } from "../../src/elections/blt.js";
import type { Group } from "../../src/groups/model.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import type { Meeting } from "../../src/meetings/model.js";
import { addMeeting, approve, attend, closeMeeting, meetingFields, minutesHash } from "../../src/meetings/service.js";
import { getMeeting } from "../../src/meetings/store.js";
import { MIGRATIONS } from "../../src/migrations/index.js";
import type { Person } from "../../src/people/model.js";
import { forget } from "../../src/app/forget.js";
import { addPerson, personFields } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";
import { STRATEGY_FINANCE } from "../../src/teams/model.js";
import { addTeam, currentTerm, joinTeam, resolveTeam } from "../../src/teams/service.js";
import { listTeams, membershipsOfTeam } from "../../src/teams/store.js";
import { tempDir } from "../helpers.js";
import { FILE_ONLY, onServer } from "../server.js";
import { auditRows, cliError, contextFor, count, freshDb, LATER_WITHOUT_QUORUM, representedGroups, track } from "./support.js";

const TODAY = "2026-03-01";
/**
 * One group's ballot as castBallot casts it on a data file; on a server castBallot refuses (one ballot per
 * transaction would pair it with its receipt) and a pile of one is the same write.
 */
const castOne: typeof castBallot = (db, audit, e, group, choices, today, label) => castBallots(db, audit, e, [group], [choices], today, label);

const MEETING_DATE = "2026-02-10";
const noAudit = () => undefined;

interface Platform {
  db: Db;
  groups: Group[];
  people: Person[];
  meeting: Meeting;
}

/** `n` member groups, each with a representative "Person <i>", all present at a Kernkreis on MEETING_DATE. */
function platform(n: number, options: { absent?: number[] } = {}): Platform {
  const db = freshDb();
  const { groups, people } = representedGroups(db, n, TODAY);
  const id = addMeeting(db, noAudit, meetingFields(db, { kind: "kernkreis", date: MEETING_DATE }, TODAY));
  const present = people.filter((_, i) => !(options.absent ?? []).includes(i));
  if (present.length > 0) attend(db, noAudit, getMeeting(db, id)!, present.map((p) => String(p.id)), {}, TODAY);
  return { db, groups, people, meeting: getMeeting(db, id)! };
}

function election(p: Platform, method = "scottish-stv", seats = "2", candidates = [0, 1, 2]): Election {
  const team = resolveTeam(p.db, STRATEGY_FINANCE);
  const id = addElection(p.db, noAudit, { meeting: p.meeting, team, seats, method, defaultTermMonths: 12 });
  for (const i of candidates) nominate(p.db, noAudit, resolveElection(p.db, String(id)), p.people[i]!, p.groups[i]!);
  return resolveElection(p.db, String(id));
}

const fresh = (p: Platform, e: Election) => resolveElection(p.db, String(e.id));
const cast = (p: Platform, e: Election, group: number, choices: string[]) =>
  castOne(p.db, noAudit, fresh(p, e), p.groups[group]!, choices, TODAY, "forgotten");

describe("the Strategy & Finance team exists from the first migration", () => {
  it("a new data file has it, addressable as strategy-finance", () => {
    const db = freshDb();
    expect(listTeams(db)).toEqual([{ id: 1, name: "Strategie- und Finanzteam", short: "strategy-finance", kind: "strategy-finance" }]);
    expect(resolveTeam(db, "strategy-finance").id).toBe(1);
    expect(resolveTeam(db, "STRATEGIE- UND FINANZTEAM").id).toBe(1);
  });

  it("an existing file of schema 3 gains it, its rows untouched", () => {
    const path = `${tempDir()}/old.db`;
    createDataFile(path);
    const db = track(openDataFile(path));
    migrate(db, MIGRATIONS.slice(0, 3));
    // as the program of schema 3 stored a group (today's addGroup writes columns that schema lacks)
    db.prepare("INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, created_at) VALUES ('St. Josef', 'st. josef', 'JOSEF', 'josef', 'parish', ?, ?)").run(TODAY, TODAY);
    migrate(db);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(count(db, "groups")).toBe(1);
    expect(listTeams(db).map((t) => t.short)).toEqual(["strategy-finance"]);
  });

  it("a second Strategy & Finance team is refused; other teams are added", () => {
    const db = freshDb();
    expect(cliError(() => addTeam(db, noAudit, { name: "Noch ein S&F", kind: "strategy-finance" })).key).toBe("error.teams.oneStrategyFinanceTeam");
    expect(cliError(() => addTeam(db, noAudit, { name: "strategie- und finanzteam", kind: "action" })).key).toBe("error.teams.teamExists");
    const id = addTeam(db, noAudit, { name: "Aktionsteam Wohnen", short: "wohnen", kind: "action" });
    expect(resolveTeam(db, "WOHNEN").id).toBe(id);
  });
});

describe("ballot secrecy: no query can pair a group with its ballot", () => {
  const columns = (db: Db, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);

  /** 20 groups cast approval ballots, each a different set of marks, through Context.write as the CLI does. */
  function castTwenty() {
    const p = platform(20);
    const e = election(p, "approval", "3", [0, 1, 2, 3, 4, 5]);
    const ctx = contextFor(p.db, ["elections", "ballot", String(e.id), "--group", "redacted"]);
    // 20 distinct ballots: all subsets of 1–3 of the 6 candidates would be 41; take the first 20 in a fixed order.
    const subsets: number[][] = [];
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) for (let c = b + 1; c < 6; c++) subsets.push([a, b, c]);
    const cast: Array<{ group: number; content: string }> = [];
    // On a server ballots are never cast one per transaction: the twenty come as one pile (castBallots).
    const papers = subsets.slice(0, 20).map((marks) => marks.map((i) => `Person ${i}`));
    if (onServer) ctx.write((audit) => castBallots(p.db, audit, fresh(p, e), p.groups.slice(0, 20), papers, TODAY, "forgotten"));
    for (let g = 0; g < 20; g++) {
      const marks = subsets[g]!;
      if (!onServer) ctx.write((audit) => castOne(p.db, audit, fresh(p, e), p.groups[g]!, papers[g]!, TODAY, "forgotten"));
      const ids = listCandidates(p.db, e.id);
      cast.push({ group: p.groups[g]!.id, content: JSON.stringify(marks.map((i) => ids[i]!.id).sort((x, y) => x - y)) });
    }
    return { p, e, cast };
  }

  // FILE_ONLY: SQLite's table_info, rowid and sqlite_sequence; the server's columns and system columns are
  // checked in "on a server" below.
  it.skipIf(onServer)("ballots have no group and no time; receipts have no id, no time and no ballot", () => {
    const { p } = castTwenty();
    expect(columns(p.db, "ballots").sort()).toEqual(["content", "election_id", "id", "weight"]);
    expect(columns(p.db, "ballot_receipts").sort()).toEqual(["election_id", "group_id"]);
    // WITHOUT ROWID: not even a hidden row number records the order in which groups voted.
    expect(() => p.db.prepare("SELECT rowid FROM ballot_receipts").all()).toThrow();
    // No table refers to a ballot, and ballots refer to nothing but their election.
    const tables = (p.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const table of tables) {
      const keys = p.db.prepare(`PRAGMA foreign_key_list(${table})`).all() as Array<{ table: string }>;
      expect(keys.map((k) => k.table), table).not.toContain("ballots");
      if (table === "ballots") expect(keys.map((k) => k.table)).toEqual(["elections"]);
    }
    // No AUTOINCREMENT anywhere: no sqlite_sequence that would count inserts.
    expect(tables).not.toContain("sqlite_sequence");
  });

  it("ballot ids are random: neither their order nor the table's order is the order of casting", () => {
    const { p, cast } = castTwenty();
    const rows = p.db.prepare("SELECT id, content FROM ballots").all() as Array<{ id: number; content: string }>;
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.content)).size).toBe(20);
    const castOrder = cast.map((c) => c.content);
    const byId = [...rows].sort((a, b) => a.id - b.id).map((r) => r.content);
    expect(byId).not.toEqual(castOrder);
    expect(rows.map((r) => r.content), "the table's own order").not.toEqual(castOrder);
    // Not monotonic in the order of casting, and spread over a large range.
    const idsInCastOrder = castOrder.map((content) => rows.find((r) => r.content === content)!.id);
    const increasing = idsInCastOrder.every((id, i) => i === 0 || id > idsInCastOrder[i - 1]!);
    expect(increasing).toBe(false);
    expect(Math.max(...rows.map((r) => r.id))).toBeGreaterThan(1_000_000);
  });

  it("no other table holds a ballot's id or content; the audit log records receipts only", () => {
    const { p, e, cast } = castTwenty();
    const ballots = p.db.prepare("SELECT id, content FROM ballots").all() as Array<{ id: number; content: string }>;
    const tables = [...tableNames(p.db)].filter((t) => t !== "ballots");
    for (const table of tables) {
      const text = JSON.stringify(p.db.prepare(`SELECT * FROM ${table}`).all());
      for (const b of ballots) {
        expect(text, `${table} holds ballot id ${b.id}`).not.toContain(String(b.id));
        expect(text, `${table} holds ballot content ${b.content}`).not.toContain(b.content);
      }
    }
    const receipts = auditRows(p.db).filter((r) => r.entity === "ballot_receipt");
    expect(receipts).toHaveLength(20);
    for (const r of receipts) {
      expect(r.action).toBe("cast");
      expect(r.entity_id).toBeNull();
      expect(Object.keys(JSON.parse(r.changes!)).sort()).toEqual(["election", "group"]);
      expect(JSON.parse(r.command)).toEqual(["elections", "ballot", String(e.id), "--group", "redacted"]);
    }
    expect(auditRows(p.db).some((r) => r.entity.startsWith("ballot") && r.entity !== "ballot_receipt")).toBe(false);
    // Who voted is known (receipts), what each voted is not; but the count is right.
    expect(count(p.db, "ballot_receipts")).toBe(20);
    const { tally } = countElection(p.db, fresh(p, e), 1);
    expect(tally.valid).toBe(20);
    expect(cast).toHaveLength(20);
  });
});


describe.skipIf(!onServer)("ballot secrecy on a server (needs PLATTFORM_TEST_PG: npm run test:pg)", () => {
  /** 5 groups hand in 5 different STV papers as one pile, as `meetings run` writes it on a server. */
  function pileOfFive(p = platform(5)) {
    const e = election(p, "scottish-stv", "2", [0, 1, 2, 3, 4]);
    const papers = [0, 1, 2, 3, 4].map((g) => [`Person ${g}`, `Person ${(g + 1) % 5}`]);
    const ctx = contextFor(p.db, ["meetings", "run"]);
    ctx.write((audit) => castBallots(p.db, audit, fresh(p, e), p.groups.slice(0, 5), papers, TODAY, "forgotten"));
    const ids = listCandidates(p.db, e.id).map((c) => c.id);
    // what each group's paper became, in the order the groups handed them in
    const contents = [0, 1, 2, 3, 4].map((g) => JSON.stringify([ids[g], ids[(g + 1) % 5]]));
    return { p, e, contents };
  }
  const rows = (db: Db, table: string, e: Election) =>
    db.prepare(`SELECT CAST(xmin AS TEXT) AS xmin, CAST(ctid AS TEXT) AS ctid, * FROM ${table} WHERE election_id = ? ORDER BY ctid`).all(e.id) as Array<
      Record<string, unknown> & { xmin: string; ctid: string }
    >;

  it("castBallot and `elections ballot` refuse: one ballot per transaction would pair it with its receipt", () => {
    const p = platform(3);
    const e = election(p);
    expect(cliError(() => castBallot(p.db, noAudit, fresh(p, e), p.groups[0]!, ["Person 0"], TODAY, "")).key).toBe("error.elections.ballotOnServer");
    expect(count(p.db, "ballots") + count(p.db, "ballot_receipts")).toBe(0);
  });

  it("after 5 ballots, no system column pairs a receipt with its ballot: one transaction id, receipts by group, ballots shuffled", () => {
    const { p, e, contents } = pileOfFive();
    const receipts = rows(p.db, "ballot_receipts", e);
    const ballots = rows(p.db, "ballots", e);
    expect(receipts).toHaveLength(5);
    expect(ballots.map((b) => b.content).sort()).toEqual([...contents].sort());
    // every receipt and every ballot carries the same transaction id: xmin links each receipt to all 5 ballots
    expect(new Set([...receipts, ...ballots].map((r) => r.xmin)).size).toBe(1);
    // the receipts' physical order is the groups' ids, not an order of handing in
    const groupIds = receipts.map((r) => Number(r.group_id));
    expect(groupIds).toEqual([...groupIds].sort((a, b) => a - b));
  });

  it("the ballots' physical order is random: over 4 piles, not always the order the papers were handed in", () => {
    const p = platform(5);
    const orders: boolean[] = [];
    for (let k = 0; k < 4; k++) {
      const { e, contents } = pileOfFive(p);
      orders.push(JSON.stringify(rows(p.db, "ballots", e).map((b) => b.content)) === JSON.stringify(contents));
    }
    // a shuffle keeps the order of 5 with chance 1/120; four times in a row 1 in 2·10⁸
    expect(orders.every(Boolean)).toBe(false);
  });

  it("pageinspect: the ballot tables' pages hold no dead tuple and no per-cast transaction id after the pile", () => {
    const { p, e } = pileOfFive();
    p.db.exec("CREATE EXTENSION IF NOT EXISTS pageinspect");
    const xmin = rows(p.db, "ballots", e)[0]!.xmin;
    for (const table of ["ballots", "ballot_receipts"]) {
      const pages = Number(p.db.prepare(`SELECT pg_relation_size('${table}') / CAST(current_setting('block_size') AS INTEGER)`).pluck().get());
      const items: Array<{ lp_flags: number; xmin: string; xmax: string }> = [];
      for (let page = 0; page < Math.max(pages, 1); page++)
        items.push(
          ...(p.db
            .prepare(`SELECT lp_flags, CAST(t_xmin AS TEXT) AS xmin, CAST(t_xmax AS TEXT) AS xmax FROM heap_page_items(get_raw_page('${table}', ${page}))`)
            .all() as Array<{ lp_flags: number; xmin: string; xmax: string }>),
        );
      expect(items, table).toHaveLength(5);
      // 1 = LP_NORMAL: no dead or redirected line pointer; xmax 0: no row version was ever replaced or deleted
      expect(items.every((i) => i.lp_flags === 1 && i.xmax === "0"), table).toBe(true);
      expect(new Set(items.map((i) => i.xmin)), table).toEqual(new Set([xmin]));
    }
  });
});

describe("who may cast a ballot, and what a ballot holds", () => {
  it("only a member group present at the meeting, once", () => {
    const p = platform(4, { absent: [3] });
    const late = getGroup(p.db, addGroup(p.db, noAudit, groupFields({ name: "Neu", short: "NEU", joined: "2026-02-20" }, TODAY)), TODAY)!;
    const e = election(p);
    cast(p, e, 0, ["Person 0"]);
    expect(cliError(() => cast(p, e, 0, ["Person 1"])).key).toBe("error.elections.alreadyVoted");
    expect(cliError(() => cast(p, e, 3, ["Person 1"])).key).toBe("error.elections.groupNotPresent");
    expect(cliError(() => castOne(p.db, noAudit, fresh(p, e), late, ["Person 1"], TODAY, "")).key).toBe("error.elections.groupNotMember");
    expect(count(p.db, "ballots")).toBe(1);
    expect(count(p.db, "ballot_receipts")).toBe(1);
  });

  it("a group that left before the meeting cannot be present, nor vote with an attendance an older file may hold", () => {
    const p = platform(2);
    const gone = getGroup(p.db, addGroup(p.db, noAudit, groupFields({ name: "Weg", short: "WEG", joined: "2020-01-01", left: "2026-02-01" }, TODAY)), TODAY)!;
    const rep = getPerson(p.db, addPerson(p.db, noAudit, personFields({ name: "Vertreterin Weg" })), TODAY)!;
    expect(cliError(() => attend(p.db, noAudit, p.meeting, [String(rep.id)], { for: "WEG" }, TODAY)).key).toBe("error.groupNotMemberOn");
    p.db.prepare("INSERT INTO attendance (meeting_id, status, person_id, group_id) VALUES (?, 'present', ?, ?)").run(p.meeting.id, rep.id, gone.id);
    const e = election(p, "scottish-stv", "1", [0, 1]);
    expect(cliError(() => castOne(p.db, noAudit, fresh(p, e), gone, ["Person 0"], TODAY, "")).key).toBe("error.elections.groupNotMember");
  });

  it.each<[string, string, string[], string]>([
    ["unknown person", "scottish-stv", ["Niemand"], "error.elections.unknownCandidate"],
    ["a person who is not a candidate", "scottish-stv", ["Person 3"], "error.elections.unknownCandidate"],
    ["the same candidate twice", "scottish-stv", ["Person 0", "person 0"], "error.elections.candidateTwice"],
    ["more marks than seats", "approval", ["Person 0", "Person 1", "Person 2"], "error.elections.tooManyMarks"],
    ["yes-no-abstain without =", "yes-no-abstain", ["Person 0"], "error.elections.invalidAnswer"],
    ["yes-no-abstain with a bad answer", "yes-no-abstain", ["Person 0=vielleicht"], "error.elections.invalidAnswer"],
    ["yes-no-abstain with an unknown name", "yes-no-abstain", ["Niemand=yes"], "error.elections.unknownCandidate"],
  ])("a ballot naming %s is refused and leaves nothing behind", (_what, method, choices, key) => {
    const p = platform(4);
    const e = election(p, method, "2");
    const ctx = contextFor(p.db);
    expect(cliError(() => ctx.write((audit) => castOne(p.db, audit, fresh(p, e), p.groups[0]!, choices, TODAY, ""))).key).toBe(key);
    expect(count(p.db, "ballots")).toBe(0);
    expect(count(p.db, "ballot_receipts")).toBe(0);
    expect(auditRows(p.db).filter((r) => r.entity === "ballot_receipt")).toEqual([]);
  });

  it("stores the ranking for STV, the sorted marks for approval, the answers for yes-no-abstain (by candidate id)", () => {
    for (const [method, choices, expected] of [
      ["scottish-stv", ["Person 2", "Person 0"], (ids: number[]) => [ids[2], ids[0]]],
      ["approval", ["Person 2", "Person 0"], (ids: number[]) => [ids[0], ids[2]]],
      ["yes-no-abstain", ["Person 2=nein", "Person 0=ja"], (ids: number[]) => ({ [ids[0]!]: "yes", [ids[2]!]: "no" })],
    ] as const) {
      const p = platform(3);
      const e = election(p, method, "2");
      cast(p, e, 0, [...choices]);
      const ids = listCandidates(p.db, e.id).map((c) => c.id);
      const content = (p.db.prepare("SELECT content FROM ballots").get() as { content: string }).content;
      expect(JSON.parse(content), method).toEqual(expected(ids));
    }
  });

  it("a withdrawn candidate cannot be chosen; nominations close with the first ballot", () => {
    const p = platform(4);
    const e = election(p);
    withdrawCandidacy(p.db, noAudit, e, resolveCandidate(p.db, e, "Person 2", TODAY));
    expect(cliError(() => cast(p, e, 0, ["Person 2"])).key).toBe("error.elections.candidateWithdrawn");
    cast(p, e, 0, ["Person 0"]);
    expect(cliError(() => nominate(p.db, noAudit, fresh(p, e), p.people[3]!, null)).key).toBe("error.elections.nominationsClosed");
  });
});

describe("counting, certifying, and the team's term", () => {
  function counted(p: Platform) {
    const e = election(p, "scottish-stv", "2");
    cast(p, e, 0, ["Person 0", "Person 1"]);
    cast(p, e, 1, ["Person 1", "Person 0"]);
    cast(p, e, 2, ["Person 0", "Person 2"]);
    cast(p, e, 3, ["Person 1"]);
    cast(p, e, 4, ["Person 2", "Person 0"]);
    const { tally } = countElection(p.db, fresh(p, e), 5);
    recordTally(p.db, noAudit, fresh(p, e), tally);
    return fresh(p, e);
  }

  it("a stored tally closes the ballot box, names candidates by token and shows names when read", () => {
    const p = platform(6);
    const e = counted(p);
    expect(e.status).toBe("counted");
    expect(e.tally).not.toContain("Person");
    expect(e.tally).toMatch(/\{c:\d+\}/);
    const shown = decodeTally(e.tally!, listCandidates(p.db, e.id), "forgotten");
    expect(shown.elected).toEqual(["Person 0", "Person 1"]);
    expect(shown.valid).toBe(5);
    expect(cliError(() => cast(p, e, 5, ["Person 0"])).key).toBe("error.elections.electionCounted");
    expect(cliError(() => withdrawCandidacy(p.db, noAudit, e, resolveCandidate(p.db, e, "Person 2", TODAY))).key).toBe("error.elections.electionCounted");
  });

  it("the minutes' hash covers the election and its count, but not the certification that follows approval", () => {
    const p = platform(6);
    const e = election(p, "scottish-stv", "2");
    const before = minutesHash(p.db, p.meeting.id);
    cast(p, e, 0, ["Person 0", "Person 1"]);
    cast(p, e, 1, ["Person 1", "Person 0"]);
    recordTally(p.db, noAudit, fresh(p, e), countElection(p.db, fresh(p, e), 5).tally);
    const counted = minutesHash(p.db, p.meeting.id);
    expect(counted).not.toBe(before);
    certify(p.db, noAudit, fresh(p, e), resolveTeam(p.db, STRATEGY_FINANCE), TODAY, "");
    expect(minutesHash(p.db, p.meeting.id)).toBe(counted);
  });

  it("certify: the elected join from the election date for the term; running memberships end that day; history kept", () => {
    const p = platform(6);
    const team = resolveTeam(p.db, STRATEGY_FINANCE);
    joinTeam(p.db, noAudit, team, p.people[4]!, { role: "lead", from: "2025-02-11", until: null }, "");
    joinTeam(p.db, noAudit, team, p.people[0]!, { role: "member", from: "2025-02-11", until: "2026-02-11" }, "");
    const e = counted(p);
    expect(cliError(() => certify(p.db, noAudit, resolveElection(p.db, String(election(p).id)), team, TODAY, "")).key).toBe("error.elections.notCounted");
    const result = certify(p.db, noAudit, e, team, TODAY, "");
    expect(result).toEqual({ from: MEETING_DATE, until: "2027-02-10", personIds: [p.people[0]!.id, p.people[1]!.id] });
    const rows = membershipsOfTeam(p.db, team.id, "").map((m) => [m.person, m.role, m.from, m.until, m.election]);
    expect(rows).toEqual([
      // leads first among those who started on the same day
      ["Person 4", "lead", "2025-02-11", MEETING_DATE, null],
      ["Person 0", "member", "2025-02-11", MEETING_DATE, null],
      ["Person 0", "member", MEETING_DATE, "2027-02-10", e.id],
      ["Person 1", "member", MEETING_DATE, "2027-02-10", e.id],
    ]);
    expect(currentTerm(p.db, team, membershipsOfTeam(p.db, team.id, ""), TODAY)).toMatchObject({ from: MEETING_DATE, until: "2027-02-10", election: e.id, due: false, overdue: false });
    expect(currentTerm(p.db, team, [], "2026-12-20")).toMatchObject({ due: true, overdue: false, daysLeft: 52 });
    expect(currentTerm(p.db, team, [], "2027-02-10")).toMatchObject({ due: false, overdue: true });
    expect(resolveElection(p.db, String(e.id)).status).toBe("certified");
    expect(cliError(() => certify(p.db, noAudit, resolveElection(p.db, String(e.id)), team, TODAY, "")).key).toBe("error.elections.alreadyCertified");
  });

  it("the term follows the election's term months", () => {
    const p = platform(3);
    const team = resolveTeam(p.db, STRATEGY_FINANCE);
    const id = addElection(p.db, noAudit, { meeting: p.meeting, team, seats: "1", termMonths: "24", defaultTermMonths: 12 });
    nominate(p.db, noAudit, resolveElection(p.db, String(id)), p.people[0]!, null);
    castOne(p.db, noAudit, resolveElection(p.db, String(id)), p.groups[0]!, ["Person 0"], TODAY, "");
    recordTally(p.db, noAudit, resolveElection(p.db, String(id)), countElection(p.db, resolveElection(p.db, String(id)), undefined).tally);
    expect(certify(p.db, noAudit, resolveElection(p.db, String(id)), team, TODAY, "").until).toBe("2028-02-10");
  });

  it("the minutes get candidates, method, rounds, elected and acceptance; approved minutes lock the election", () => {
    const p = platform(6);
    const e = counted(p);
    acceptCandidacy(p.db, noAudit, e, resolveCandidate(p.db, e, "Person 1", TODAY));
    const [entry] = minutesEntries(p.db, p.meeting.id, "forgotten");
    expect(entry).toMatchObject({ team: "Strategie- und Finanzteam", seats: 2, method: "scottish-stv", elected: ["Person 0", "Person 1"], accepted: ["Person 1"], valid: 5 });
    expect(entry!.candidates).toEqual(["Person 0", "Person 1", "Person 2"]);
    expect(entry!.rounds[0]!.votes.find((v) => v.name === "Person 0")!.votes).toBe("2.00000");
    closeMeeting(p.db, noAudit, getMeeting(p.db, p.meeting.id)!);
    const later = addMeeting(p.db, noAudit, meetingFields(p.db, { kind: "kernkreis", date: "2026-03-10" }, TODAY));
    approve(p.db, noAudit, getMeeting(p.db, p.meeting.id)!, getMeeting(p.db, later)!, null, LATER_WITHOUT_QUORUM);
    expect(cliError(() => acceptCandidacy(p.db, noAudit, fresh(p, e), resolveCandidate(p.db, e, "Person 0", TODAY))).key).toBe("error.minutesLocked");
  });

  it("a forgotten candidate: the stored tally never held the name; it is shown by the label", () => {
    const p = platform(6);
    const e = counted(p);
    forget(p.db, noAudit, getPerson(p.db, p.people[1]!.id, TODAY)!, "[gelöscht]");
    const raw = JSON.stringify(p.db.prepare("SELECT * FROM elections").all());
    expect(raw).not.toContain("Person 1");
    const view = electionView(p.db, fresh(p, e), "forgotten person");
    expect(view.tally!.elected).toEqual(["Person 0", `forgotten person #${p.people[1]!.id}`]);
  });
});

describe("BLT import", () => {
  it("imports ranked ballots with weights when seats and candidates match", () => {
    const p = platform(6);
    const e = election(p, "scottish-stv", "2");
    const blt = parseBlt(`3 2\n2 1 2 0\n1 3  0\n2 2 1 0\n0\n"Person  0"\n"person 1"\n"Person 2"\n"Test"\n`);
    expect(importBallots(p.db, noAudit, e, blt, "test.blt", "")).toBe(5);
    expect(count(p.db, "ballots")).toBe(3);
    expect(count(p.db, "ballot_receipts")).toBe(0);
    expect(countElection(p.db, fresh(p, e), 1).tally.valid).toBe(5);
    expect(cliError(() => cast(p, e, 0, ["Person 0"])).key).toBe("error.elections.ballotsImported");
  });

  it.each<[string, string, string]>([
    ["wrong seats", `3 1\n1 1 0\n0\n"Person 0"\n"Person 1"\n"Person 2"\n"T"\n`, "error.elections.bltSeats"],
    ["an unknown name", `3 2\n1 1 0\n0\n"Person 0"\n"Person 1"\n"Fremd"\n"T"\n`, "error.elections.bltUnknownCandidates"],
    ["a candidate missing", `2 2\n1 1 0\n0\n"Person 0"\n"Person 1"\n"T"\n`, "error.elections.bltMissingCandidates"],
    ["more ballots than groups present", `3 2\n7 1 0\n0\n"Person 0"\n"Person 1"\n"Person 2"\n"T"\n`, "error.elections.tooManyBallots"],
    ["withdrawn in the file only", `3 2\n-3\n1 1 0\n0\n"Person 0"\n"Person 1"\n"Person 2"\n"T"\n`, "error.elections.bltWithdrawn"],
  ])("refuses %s", (_what, text, key) => {
    const p = platform(6);
    const e = election(p, "scottish-stv", "2");
    expect(cliError(() => importBallots(p.db, noAudit, e, parseBlt(text), "x.blt", "")).key).toBe(key);
    expect(count(p.db, "ballots")).toBe(0);
  });

  it("only STV elections import BLT", () => {
    const p = platform(3);
    const e = election(p, "approval", "2");
    const blt = parseBlt(`3 2\n1 1 0\n0\n"Person 0"\n"Person 1"\n"Person 2"\n"T"\n`);
    expect(cliError(() => importBallots(p.db, noAudit, e, blt, "x.blt", "")).key).toBe("error.elections.importNeedsStv");
  });
});
