// The votes area against a real data file: who may vote (members on the meeting's date that are present), one
// vote per group, logged corrections, counts against the groups present, the quorum at close, locked minutes,
// the minutes' decisions, and the migration to schema 3.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDataFile, migrate, openDataFile, prepareSchema, schemaVersion, type Db } from "../../src/core/db.js";
import type { Group } from "../../src/groups/model.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import { parseTemplate, STANDARD_TEMPLATE, type Meeting } from "../../src/meetings/model.js";
import { addMeeting, approve, attend, cancelMeeting, closeMeeting, meetingFields, moveItem, removeItem } from "../../src/meetings/service.js";
import { getMeeting, minutesSnapshot } from "../../src/meetings/store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/migrations/index.js";
import { addPerson, linkPerson, personFields } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";
import { writeSetting } from "../../src/platform/store.js";
import { buildReport } from "../../src/reports/model.js";
import type { Choice } from "../../src/votes/majority.js";
import {
  castVote,
  closeVote,
  countVote,
  decisionsOf,
  openVote,
  parseChoice,
  parseCount,
  recastVote,
  resolveVote,
  voteView,
  type OpenInput,
} from "../../src/votes/service.js";
import { getVote, listCasts, listCorrections } from "../../src/votes/store.js";
import { tempDir } from "../helpers.js";
import { onServer } from "../server.js";
import { auditLog, auditRows, cliError, contextFor, count, freshDb, LATER_WITHOUT_QUORUM, track } from "./support.js";

const TODAY = "2026-03-20";
const DATE = "2026-03-10";
const noAudit = () => undefined;

function group(db: Db, name: string, short: string, joined = "2015-01-01", left?: string): Group {
  const id = addGroup(db, noAudit, groupFields({ name, short, joined, left }, TODAY));
  return getGroup(db, id, TODAY)!;
}

function representative(db: Db, name: string, g: Group, since = g.joined): void {
  const id = addPerson(db, noAudit, personFields({ name }));
  linkPerson(db, noAudit, getPerson(db, id, TODAY)!, g, "representative", since);
}

function meeting(db: Db, date = DATE): Meeting {
  const id = addMeeting(db, noAudit, meetingFields(db, { kind: "kernkreis", date }, TODAY), parseTemplate(STANDARD_TEMPLATE.de));
  return getMeeting(db, id)!;
}

/**
 * Twelve member groups (G01…G12, one representative each, R01…R12), a group that left the day before the
 * meeting (VORTAG, representative "Vera Vortag") and one that joined the day after (DANACH, "Dana Danach").
 */
function platform(present = 12) {
  const db = freshDb();
  const groups: Group[] = [];
  for (let n = 1; n <= 12; n++) {
    const code = String(n).padStart(2, "0");
    const g = group(db, `Gruppe ${code}`, `G${code}`);
    representative(db, `R${code}`, g);
    groups.push(g);
  }
  const vortag = group(db, "Ausgetreten am Vortag", "VORTAG", "2015-01-01", "2026-03-09");
  representative(db, "Vera Vortag", vortag);
  const danach = group(db, "Beigetreten am Folgetag", "DANACH", "2026-03-11");
  representative(db, "Dana Danach", danach);
  const m = meeting(db);
  const reps = groups.slice(0, present).map((_, i) => `R${String(i + 1).padStart(2, "0")}`);
  if (reps.length > 0) attend(db, noAudit, m, reps, {}, TODAY);
  return { db, groups, vortag, danach, m };
}

/**
 * Someone present for a group that is no member on the meeting's day. `meetings attend` refuses that now; a file
 * from before the rule may still hold such a row, and the votes must not count it.
 */
function presentFromAnOlderFile(db: Db, m: Meeting, name: string, group: Group): void {
  expect(cliError(() => attend(db, noAudit, m, [name], { for: group.short ?? group.name }, TODAY)).key).toBe("error.groupNotMemberOn");
  const person = db.prepare("SELECT id FROM people WHERE name = ?").pluck().get(name) as number;
  db.prepare("INSERT INTO attendance (meeting_id, status, person_id, group_id) VALUES (?, 'present', ?, ?)").run(m.id, person, group.id);
}

function open(db: Db, m: Meeting, input: Partial<OpenInput> = {}) {
  return getVote(db, openVote(db, noAudit, m, { motion: "Die Plattform unterstützt die Mieterversammlung.", ...input }, TODAY))!;
}

const fresh = (db: Db, id: number) => getVote(db, id)!;

/** Casts the choices in order for G01, G02, … */
function castAll(db: Db, voteId: number, groups: Group[], choices: Choice[]): void {
  choices.forEach((choice, i) => castVote(db, noAudit, fresh(db, voteId), groups[i]!, choice));
}

const choices = (yes: number, no: number, abstain: number): Choice[] => [
  ...Array<Choice>(yes).fill("yes"),
  ...Array<Choice>(no).fill("no"),
  ...Array<Choice>(abstain).fill("abstain"),
];

describe("opening a vote", () => {
  it("takes majority and base from the settings unless given, and records item and mover", () => {
    const { db, groups, m } = platform();
    const { entries, audit } = auditLog();
    const v1 = getVote(db, openVote(db, audit, m, { motion: "  Antrag A  ", item: "5", mover: "G03" }, TODAY))!;
    expect(v1).toMatchObject({ motion: "Antrag A", item: 5, mover: "Gruppe 03", moverGroupId: groups[2]!.id, mode: "roll-call", majority: "simple", base: "yes-no", status: "open" });
    expect(entries).toEqual([expect.objectContaining({ entity: "vote", id: v1.id, action: "open" })]);

    writeSetting(db, "majority", "two-thirds");
    writeSetting(db, "base", "present");
    expect(open(db, m, { mover: "person:R01" })).toMatchObject({ majority: "two-thirds", base: "present", mover: "R01", moverGroupId: null });
    expect(open(db, m, { mode: "secret", majority: "unanimous", base: "entitled" })).toMatchObject({ mode: "secret", majority: "unanimous", base: "entitled", mover: null });
  });

  it.each<[string, Partial<OpenInput>, string]>([
    ["an empty motion", { motion: "   " }, "error.required"],
    ["an unknown item", { item: "9" }, "error.unknownItem"],
    ["an unknown mover", { mover: "Niemand" }, "error.unknownOwner"],
    ["an unknown mode", { mode: "hands" }, "error.notOneOf"],
    ["an unknown majority", { majority: "most" }, "error.notOneOf"],
    ["an unknown base", { base: "all" }, "error.notOneOf"],
  ])("refuses %s", (_what, input, key) => {
    const { db, m } = platform();
    expect(cliError(() => open(db, m, input)).key).toBe(key);
    expect(count(db, "votes")).toBe(0);
  });

  it("refuses locked minutes and cancelled meetings", () => {
    const { db, m } = platform();
    closeMeeting(db, noAudit, m);
    const later = meeting(db, "2026-04-14");
    approve(db, noAudit, getMeeting(db, m.id)!, later, null, LATER_WITHOUT_QUORUM);
    expect(cliError(() => open(db, getMeeting(db, m.id)!)).key).toBe("error.minutesLocked");
    const cancelled = meeting(db, "2026-05-12");
    cancelMeeting(db, noAudit, cancelled);
    expect(cliError(() => open(db, getMeeting(db, cancelled.id)!)).key).toBe("error.meetingCancelled");
    expect(count(db, "votes")).toBe(0);
  });
});

describe("a roll call: one vote per present member group", () => {
  it("5 yes, 4 no, 3 abstentions under a simple majority of yes and no: adopted, with the groups on each side", () => {
    const { db, groups, m } = platform();
    const v = open(db, m, { item: "5", mover: "G01" });
    castAll(db, v.id, groups, choices(5, 4, 3));
    expect(voteView(db, fresh(db, v.id), "")).toMatchObject({ yes: 5, no: 4, abstain: 3, present: 12, entitled: 12, status: "open", result: null });
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("adopted");
    const closed = fresh(db, v.id);
    expect(closed.quorum).toEqual({ rule: "half", required: 7, present: 12, entitled: 12, met: true });
    expect(closed.closed).not.toBeNull();

    const [decision] = decisionsOf(db, m.id, "");
    expect(decision).toEqual({
      item: 5,
      motion: "Die Plattform unterstützt die Mieterversammlung.",
      mover: "Gruppe 01",
      mode: "roll-call",
      majority: "simple",
      base: "yes-no",
      yes: 5,
      no: 4,
      abstain: 3,
      quorum: { required: 7, present: 12, met: true },
      result: "adopted",
      sides: {
        yes: ["Gruppe 01", "Gruppe 02", "Gruppe 03", "Gruppe 04", "Gruppe 05"],
        no: ["Gruppe 06", "Gruppe 07", "Gruppe 08", "Gruppe 09"],
        abstain: ["Gruppe 10", "Gruppe 11", "Gruppe 12"],
      },
    });
  });

  it("4 yes and 4 no is a tie: rejected", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castAll(db, v.id, groups, choices(4, 4, 4));
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("rejected");
  });

  it("everyone abstains: rejected (base 0)", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castAll(db, v.id, groups, choices(0, 0, 12));
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("rejected");
  });

  it("9 groups present, base 'present': 5 yes carry it, 4 do not", () => {
    const { db, groups, m } = platform(9);
    const five = open(db, m, { base: "present" });
    expect(voteView(db, five, "").needed).toBe(5);
    castAll(db, five.id, groups, choices(5, 0, 4));
    expect(closeVote(db, noAudit, fresh(db, five.id))).toBe("adopted");
    const four = open(db, m, { base: "present" });
    castAll(db, four.id, groups, choices(4, 1, 4));
    expect(closeVote(db, noAudit, fresh(db, four.id))).toBe("rejected");
  });

  it("a group that left the day before the meeting cannot be present, may not vote, and is not entitled", () => {
    const { db, vortag, m } = platform();
    presentFromAnOlderFile(db, m, "Vera Vortag", vortag);
    const v = open(db, m);
    const error = cliError(() => castVote(db, noAudit, v, vortag, "yes"));
    expect(error.key).toBe("error.voteHadLeft");
    expect(error.params).toMatchObject({ left: { date: "2026-03-09" }, date: { date: DATE } });
    expect(voteView(db, v, "")).toMatchObject({ present: 12, entitled: 12 });
    expect(count(db, "vote_casts")).toBe(0);
  });

  it("a group that joined after the meeting may not vote", () => {
    const { db, danach, m } = platform();
    presentFromAnOlderFile(db, m, "Dana Danach", danach);
    const error = cliError(() => castVote(db, noAudit, open(db, m), danach, "no"));
    expect(error.key).toBe("error.voteJoinedLater");
    expect(count(db, "vote_casts")).toBe(0);
  });

  it("an absent member group may not vote", () => {
    const { db, groups, m } = platform(11);
    expect(cliError(() => castVote(db, noAudit, open(db, m), groups[11]!, "yes")).key).toBe("error.voteNotPresent");
    expect(count(db, "vote_casts")).toBe(0);
  });

  it("a second vote by the same group is an error, not an overwrite; the database refuses it too", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castVote(db, noAudit, v, groups[0]!, "yes");
    const error = cliError(() => castVote(db, noAudit, fresh(db, v.id), groups[0]!, "no"));
    expect(error.key).toBe("error.alreadyVoted");
    expect(error.hintKey).toBe("error.alreadyVoted.hint");
    expect(listCasts(db, v.id).map((c) => c.choice)).toEqual(["yes"]);
    expect(() => db.prepare("INSERT INTO vote_casts (vote_id, group_id, choice, cast_at) VALUES (?, ?, 'no', 'x')").run(v.id, groups[0]!.id)).toThrow(/UNIQUE|duplicate key/);
  });

  it("a failed cast inside a write changes nothing, the audit log included", () => {
    const { db, groups, m } = platform();
    const ctx = contextFor(db, ["votes", "cast"]);
    const id = ctx.write((audit) => openVote(db, audit, m, { motion: "Antrag" }, TODAY));
    ctx.write((audit) => castVote(db, audit, fresh(db, id), groups[0]!, "yes"));
    const before = auditRows(db).length;
    expect(cliError(() => ctx.write((audit) => castVote(db, audit, fresh(db, id), groups[0]!, "no"))).key).toBe("error.alreadyVoted");
    expect(auditRows(db)).toHaveLength(before);
    expect(count(db, "vote_casts")).toBe(1);
  });

  it("a roll call takes no totals, and a count vote takes no roll call", () => {
    const { db, groups, m } = platform();
    expect(cliError(() => countVote(db, noAudit, open(db, m), { yes: 1, no: 0, abstain: 0 })).key).toBe("error.voteIsRollCall");
    expect(cliError(() => castVote(db, noAudit, open(db, m, { mode: "count" }), groups[0]!, "yes")).key).toBe("error.voteNotRollCall");
  });
});

describe("corrections: votes recast", () => {
  it("changes the recorded vote and logs what it was, what it became, why and who, in its table and the audit log", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castVote(db, noAudit, v, groups[0]!, "yes");
    const { entries, audit } = auditLog();
    recastVote(db, audit, fresh(db, v.id), groups[0]!, "no", "  Versehentlich als Ja erfasst ", "Protokoll");
    expect(listCasts(db, v.id).map((c) => c.choice)).toEqual(["no"]);
    expect(listCorrections(db, v.id)).toEqual([
      { id: expect.any(Number), group: "Gruppe 01", from: "yes", to: "no", reason: "Versehentlich als Ja erfasst", actor: "Protokoll", at: expect.any(String) },
    ]);
    expect(entries).toEqual([
      expect.objectContaining({ entity: "vote_cast", action: "recast", changes: expect.objectContaining({ choice: ["yes", "no"], reason: "Versehentlich als Ja erfasst" }) }),
    ]);
    expect(voteView(db, fresh(db, v.id), "").corrections).toHaveLength(1);
  });

  it.each<[string, string, Choice, string]>([
    ["a group that has not voted", "G02", "no", "error.notVotedYet"],
    ["the same choice again", "G01", "yes", "error.recastSame"],
  ])("refuses %s", (_what, ref, choice, key) => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castVote(db, noAudit, v, groups[0]!, "yes");
    const target = groups.find((g) => g.short === ref)!;
    expect(cliError(() => recastVote(db, noAudit, fresh(db, v.id), target, choice, "Grund", "x")).key).toBe(key);
    expect(count(db, "vote_corrections")).toBe(0);
  });

  it("refuses an empty reason", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castVote(db, noAudit, v, groups[0]!, "yes");
    expect(cliError(() => recastVote(db, noAudit, fresh(db, v.id), groups[0]!, "no", "  ", "x")).key).toBe("error.required");
    expect(listCasts(db, v.id).map((c) => c.choice)).toEqual(["yes"]);
  });
});

describe("count and secret votes", () => {
  it("takes totals up to the entitled groups present; more is refused", () => {
    const { db, vortag, m } = platform(10);
    presentFromAnOlderFile(db, m, "Vera Vortag", vortag); // present, but not entitled: not counted
    const v = open(db, m, { mode: "count" });
    const error = cliError(() => countVote(db, noAudit, v, { yes: 6, no: 4, abstain: 1 }));
    expect(error.key).toBe("error.countsExceedPresent");
    expect(error.params).toMatchObject({ total: 11, present: 10 });
    expect(fresh(db, v.id).counts).toBeNull();
    countVote(db, noAudit, v, { yes: 6, no: 3, abstain: 1 });
    expect(fresh(db, v.id).counts).toEqual({ yes: 6, no: 3, abstain: 1 });
  });

  it("a recount while open replaces the totals and logs both", () => {
    const { db, m } = platform();
    const v = open(db, m, { mode: "secret" });
    countVote(db, noAudit, v, { yes: 5, no: 4, abstain: 3 });
    const { entries, audit } = auditLog();
    countVote(db, audit, fresh(db, v.id), { yes: 4, no: 5, abstain: 3 });
    expect(entries).toEqual([expect.objectContaining({ action: "recount", changes: { before: { yes: 5, no: 4, abstain: 3 }, after: { yes: 4, no: 5, abstain: 3 } } })]);
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("rejected");
    expect(decisionsOf(db, m.id, "")[0]).toMatchObject({ mode: "secret", yes: 4, no: 5, abstain: 3, sides: null });
  });

  it("the database keeps totals whole and all three together", () => {
    const { db, m } = platform();
    const v = open(db, m, { mode: "count" });
    expect(() => db.prepare("UPDATE votes SET yes_count = -1, no_count = 0, abstain_count = 0 WHERE id = ?").run(v.id)).toThrow(/CHECK|check constraint/);
    expect(() => db.prepare("UPDATE votes SET yes_count = 1 WHERE id = ?").run(v.id)).toThrow(/CHECK|check constraint/);
    const roll = open(db, m);
    expect(() => db.prepare("UPDATE votes SET yes_count = 1, no_count = 0, abstain_count = 0 WHERE id = ?").run(roll.id)).toThrow(/CHECK|check constraint/);
  });
});

describe("closing: the quorum at the moment of the vote", () => {
  it("6 of 12 groups present under 'half': no-quorum, however clear the vote", () => {
    const { db, groups, m } = platform(6);
    const v = open(db, m);
    castAll(db, v.id, groups, choices(6, 0, 0));
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("no-quorum");
    expect(fresh(db, v.id).quorum).toEqual({ rule: "half", required: 7, present: 6, entitled: 12, met: false });
    expect(decisionsOf(db, m.id, "")[0]).toMatchObject({ result: "no-quorum", quorum: { required: 7, present: 6, met: false } });
  });

  it("is evaluated at close, with the attendance then; the figures stay as they were at close", () => {
    const { db, groups, m } = platform(6);
    const v = open(db, m);
    castAll(db, v.id, groups, choices(6, 0, 0));
    attend(db, noAudit, m, ["R07"], {}, TODAY); // arrives before the vote closes
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("adopted");
    attend(db, noAudit, m, ["R08"], {}, TODAY); // arrives after it closed
    expect(voteView(db, fresh(db, v.id), "")).toMatchObject({ present: 7, quorum: { present: 7, required: 7, met: true } });
  });

  it("follows the quorum setting: none, or a number of groups; 'none' is not stated in the minutes", () => {
    const { db, groups, m } = platform(6);
    writeSetting(db, "quorum", "none");
    const a = open(db, m);
    castAll(db, a.id, groups, choices(4, 2, 0));
    expect(closeVote(db, noAudit, fresh(db, a.id))).toBe("adopted");
    expect(fresh(db, a.id).quorum).toMatchObject({ rule: "none", met: true });
    writeSetting(db, "quorum", "7");
    const b = open(db, m);
    castAll(db, b.id, groups, choices(4, 2, 0));
    expect(closeVote(db, noAudit, fresh(db, b.id))).toBe("no-quorum");
    expect(decisionsOf(db, m.id, "").map((d) => d.quorum)).toEqual([null, { required: 7, present: 6, met: false }]);
  });

  it("refuses a vote with nothing recorded", () => {
    const { db, m } = platform();
    expect(cliError(() => closeVote(db, noAudit, open(db, m))).key).toBe("error.voteEmpty");
    expect(cliError(() => closeVote(db, noAudit, open(db, m, { mode: "count" }))).key).toBe("error.voteEmpty");
  });

  it("a closed vote cannot be changed: no cast, recast, count or second close", () => {
    const { db, groups, m } = platform();
    const roll = open(db, m);
    castVote(db, noAudit, roll, groups[0]!, "yes");
    closeVote(db, noAudit, fresh(db, roll.id));
    const counted = open(db, m, { mode: "count" });
    countVote(db, noAudit, counted, { yes: 3, no: 1, abstain: 0 });
    closeVote(db, noAudit, fresh(db, counted.id));
    expect(cliError(() => castVote(db, noAudit, fresh(db, roll.id), groups[1]!, "yes")).key).toBe("error.voteClosed");
    expect(cliError(() => recastVote(db, noAudit, fresh(db, roll.id), groups[0]!, "no", "Grund", "x")).key).toBe("error.voteClosed");
    expect(cliError(() => closeVote(db, noAudit, fresh(db, roll.id))).key).toBe("error.voteClosed");
    expect(cliError(() => countVote(db, noAudit, fresh(db, counted.id), { yes: 1, no: 1, abstain: 1 })).key).toBe("error.voteClosed");
    expect(fresh(db, counted.id).counts).toEqual({ yes: 3, no: 1, abstain: 0 });
    // The schema itself refuses a closed vote without a result.
    expect(() => db.prepare("UPDATE votes SET result = NULL WHERE id = ?").run(roll.id)).toThrow(/CHECK|check constraint/);
  });

  it("votes of a meeting whose minutes were then approved cannot be changed either", () => {
    const { db, groups, m } = platform();
    const v = open(db, m);
    castVote(db, noAudit, v, groups[0]!, "yes");
    closeMeeting(db, noAudit, m);
    approve(db, noAudit, getMeeting(db, m.id)!, meeting(db, "2026-04-14"), null, LATER_WITHOUT_QUORUM);
    expect(cliError(() => castVote(db, noAudit, fresh(db, v.id), groups[1]!, "yes")).key).toBe("error.minutesLocked");
    expect(cliError(() => closeVote(db, noAudit, fresh(db, v.id))).key).toBe("error.minutesLocked");
  });
});

describe("the minutes", () => {
  it("list the closed votes of the meeting as decisions, in order, and leave open ones out", () => {
    const { db, groups, m } = platform();
    const first = open(db, m, { motion: "Erster Antrag", mover: "person:R02" });
    castAll(db, first.id, groups, choices(7, 5, 0));
    closeVote(db, noAudit, fresh(db, first.id));
    open(db, m, { motion: "Noch offen" });
    const third = open(db, m, { motion: "Dritter Antrag", mode: "count", majority: "two-thirds" });
    countVote(db, noAudit, third, { yes: 8, no: 4, abstain: 0 });
    closeVote(db, noAudit, fresh(db, third.id));
    const report = buildReport(db, getMeeting(db, m.id)!, "de", "vergessen");
    expect(report.decisions.map((d) => [d.motion, d.mover, d.result])).toEqual([
      ["Erster Antrag", "R02", "adopted"],
      ["Dritter Antrag", null, "adopted"],
    ]);
  });
});

describe("the minutes hash", () => {
  it("covers every column of schema 3's votes, and a column added later does not change it", () => {
    const { db, groups, m } = platform();
    const vote = open(db, m, { motion: "Erster Antrag", mover: "person:R02" });
    castAll(db, vote.id, groups, choices(7, 5, 0));
    closeVote(db, noAudit, fresh(db, vote.id));
    const snapshot = minutesSnapshot(db, m.id);
    // Every column the votes table had when approved minutes first hashed it is in the snapshot.
    // (withdrawn_reason came with schema 10; the withdrawal itself shows in the status column, and its text in the frozen minutes)
    const sql = onServer
      ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'votes' ORDER BY ordinal_position"
      : "SELECT name FROM pragma_table_info('votes') ORDER BY cid";
    const columns = (db.prepare(sql).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== "withdrawn_reason");
    const [votes] = (JSON.parse(snapshot) as { votes: Array<Record<string, unknown>> }).votes;
    expect(Object.keys(votes!)).toEqual(columns);
    expect(votes!.result).toBe("adopted");
    db.exec("ALTER TABLE votes ADD COLUMN added_later TEXT DEFAULT 'x'");
    expect(minutesSnapshot(db, m.id)).toBe(snapshot);
    db.prepare("UPDATE votes SET motion = 'Geändert' WHERE id = ?").run(vote.id);
    expect(minutesSnapshot(db, m.id)).not.toBe(snapshot);
  });
});

describe("the agenda", () => {
  it("an item with a vote cannot be removed; moving it keeps the vote with it", () => {
    const { db, m } = platform();
    open(db, m, { item: "5" });
    expect(cliError(() => removeItem(db, noAudit, m, "5")).key).toBe("error.itemHasRecords");
    moveItem(db, noAudit, m, "5", "2");
    expect(getVote(db, 1)!.item).toBe(2);
  });
});

describe("parsing", () => {
  it.each([
    ["yes", "yes"],
    ["NO", "no"],
    ["abstain", "abstain"],
    ["ja", "yes"],
    ["Nein", "no"],
    ["Enthaltung", "abstain"],
  ])("choice %s → %s", (raw, expected) => {
    expect(parseChoice(raw)).toBe(expected);
  });

  it("refuses other choices and counts that are not whole numbers", () => {
    expect(cliError(() => parseChoice("maybe")).key).toBe("error.notOneOf");
    for (const raw of ["-1", "1.5", "zwei", "", "1e3"]) expect(cliError(() => parseCount(raw, "--yes")).key).toBe("error.invalidCount");
    expect(parseCount(" 7 ", "--yes")).toBe(7);
  });

  it("resolves votes by number only", () => {
    const { db, m } = platform();
    const v = open(db, m);
    expect(resolveVote(db, `#${v.id}`).id).toBe(v.id);
    expect(cliError(() => resolveVote(db, "99")).key).toBe("error.unknownVote");
    expect(cliError(() => resolveVote(db, "Antrag")).key).toBe("error.unknownVote");
  });
});

describe("migration to schema 3", () => {
  it("a version-2 file with a meeting gains the votes tables, rows intact, and takes votes", () => {
    const path = join(tempDir(), "plattform.db");
    expect(createDataFile(path)).toBe(true);
    const old = openDataFile(path);
    migrate(old, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(old)).toBe(2);
    old.prepare("INSERT INTO settings (key, value) VALUES ('name', 'Altplattform')").run();
    old
      .prepare("INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run("St. Marien", "st. marien", "MARIEN", "marien", "parish", "2020-01-15", "2020-01-15T10:00:00.000Z");
    old.prepare("INSERT INTO people (name, name_key, created_at) VALUES (?, ?, ?)").run("Anna Berg", "anna berg", "2021-06-01T10:00:00.000Z");
    old.prepare("INSERT INTO group_roles (person_id, group_id, role, since) VALUES (1, 1, 'representative', '2021-06-01')").run();
    old.prepare("INSERT INTO meetings (kind, date, created_at) VALUES ('kernkreis', '2026-03-10', '2026-02-01T10:00:00.000Z')").run();
    old.close();

    const db = track(openDataFile(path));
    prepareSchema(db, path);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    for (const table of ["votes", "vote_casts", "vote_corrections"]) expect(tables).toContain(table);
    expect(db.prepare("SELECT date FROM meetings").pluck().all()).toEqual(["2026-03-10"]);

    const m = getMeeting(db, 1)!;
    attend(db, noAudit, m, ["Anna Berg"], {}, TODAY);
    const v = open(db, m);
    castVote(db, noAudit, v, getGroup(db, 1, TODAY)!, "yes");
    expect(closeVote(db, noAudit, fresh(db, v.id))).toBe("adopted");
  });

  it("votes is the third migration, before elections", () => {
    expect(MIGRATIONS[2]).toContain("CREATE TABLE votes");
    expect(MIGRATIONS.findIndex((m) => (typeof m === "string" ? m : m.sql).includes("CREATE TABLE vote_casts"))).toBe(2);
  });
});
