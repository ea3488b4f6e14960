// A command resolves its meeting, vote or election before its write transaction begins; while it waits for the
// lock, another process may approve the minutes, close the vote or count the election. Every write checks its
// rules again on the row as the file holds it inside the transaction: here each write is handed the copy read
// before the other change, and must be refused, leaving nothing behind.
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/core/db.js";
import { addElection, castBallots, countElection, nominate, recordTally, resolveElection } from "../../src/elections/service.js";
import type { Group } from "../../src/groups/model.js";
import type { Meeting } from "../../src/meetings/model.js";
import {
  addItem,
  addMeeting,
  addNote,
  approve,
  attend,
  changeNote,
  closeMeeting,
  editMeeting,
  excuse,
  fieldsOf,
  meetingFields,
  moveAttendance,
  moveItem,
  removeItem,
  renameItem,
  unattend,
} from "../../src/meetings/service.js";
import { getMeeting } from "../../src/meetings/store.js";
import type { Person } from "../../src/people/model.js";
import { addTask, resolveOwner } from "../../src/tasks/service.js";
import { STRATEGY_FINANCE } from "../../src/teams/model.js";
import { resolveTeam } from "../../src/teams/service.js";
import { castVote, closeVote, openVote, resolveVote } from "../../src/votes/service.js";
import { cliError, count, freshDb, LATER_WITHOUT_QUORUM, representedGroups } from "./support.js";

const TODAY = "2026-03-01";
const noAudit = () => undefined;

interface Platform {
  db: Db;
  groups: Group[];
  people: Person[];
  meeting: Meeting;
  later: Meeting;
}

/** Three member groups with a representative each, all present at a Kernkreis on 10 February with one item. */
function platform(): Platform {
  const db = freshDb();
  const { groups, people } = representedGroups(db, 3, TODAY);
  const id = addMeeting(db, noAudit, meetingFields(db, { kind: "kernkreis", date: "2026-02-10" }, TODAY));
  addItem(db, noAudit, getMeeting(db, id)!, { title: "Haushalt" }, TODAY);
  attend(db, noAudit, getMeeting(db, id)!, people.slice(0, 2).map((p) => String(p.id)), {}, TODAY);
  const later = addMeeting(db, noAudit, meetingFields(db, { kind: "kernkreis", date: "2026-02-24" }, TODAY));
  return { db, groups, people, meeting: getMeeting(db, id)!, later: getMeeting(db, later)! };
}

/** Closes the meeting and approves its minutes at the later one, as another process would meanwhile. */
function approveMeanwhile(p: Platform): void {
  closeMeeting(p.db, noAudit, getMeeting(p.db, p.meeting.id)!);
  approve(p.db, noAudit, getMeeting(p.db, p.meeting.id)!, getMeeting(p.db, p.later.id)!, null, LATER_WITHOUT_QUORUM);
}

describe("a write resolved before another process approved the minutes is refused", () => {
  it.each([
    ["a note", (p: Platform, stale: Meeting) => addNote(p.db, noAudit, stale, "1", "zu spät"), "item_notes"],
    ["an agenda item", (p: Platform, stale: Meeting) => addItem(p.db, noAudit, stale, { title: "Nachtrag" }, TODAY), "agenda_items"],
    ["attendance", (p: Platform, stale: Meeting) => attend(p.db, noAudit, stale, [String(p.people[2]!.id)], {}, TODAY), "attendance"],
    ["an excuse", (p: Platform, stale: Meeting) => excuse(p.db, noAudit, stale, "G2", TODAY), "attendance"],
    ["a task", (p: Platform, stale: Meeting) => addTask(p.db, noAudit, { title: "Nachfassen", owner: resolveOwner(p.db, "G0", TODAY), due: null, meeting: stale, item: "1" }), "tasks"],
    ["a vote", (p: Platform, stale: Meeting) => openVote(p.db, noAudit, stale, { motion: "Antrag" }, TODAY), "votes"],
  ] as const)("%s: locked minutes, nothing added", (_what, write, table) => {
    const p = platform();
    const stale = getMeeting(p.db, p.meeting.id)!;
    expect(stale.minutes).toBe("none");
    const before = count(p.db, table);
    approveMeanwhile(p);
    expect(cliError(() => write(p, stale)).key).toBe("error.minutesLocked");
    expect(count(p.db, table)).toBe(before);
  });

  it("closing a meeting another process has closed (or approving minutes approved meanwhile) is refused", () => {
    const p = platform();
    const stale = getMeeting(p.db, p.meeting.id)!;
    approveMeanwhile(p);
    expect(cliError(() => closeMeeting(p.db, noAudit, stale)).key).toBe("error.cannotClose");
    expect(cliError(() => approve(p.db, noAudit, stale, p.later, null, LATER_WITHOUT_QUORUM)).key).toBe("error.minutesLocked");
  });
});

/** The rows of a table, in id order: to prove that a refused correction changed nothing. */
function rows(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
}

describe("a draft correction resolved before another process approved the minutes is refused", () => {
  // The "minutes not approved" rule is checked on the row read inside the write's transaction, on both engines.
  it.each([
    ["renaming an item", (p: Platform, stale: Meeting) => renameItem(p.db, noAudit, stale, "1", "Umbenannt"), "agenda_items"],
    ["moving an item", (p: Platform, stale: Meeting) => moveItem(p.db, noAudit, stale, "2", "1"), "agenda_items"],
    ["removing an item", (p: Platform, stale: Meeting) => removeItem(p.db, noAudit, stale, "2"), "agenda_items"],
    ["editing a note", (p: Platform, stale: Meeting, note: number) => changeNote(p.db, noAudit, stale, String(note), "berichtigt"), "item_notes"],
    ["removing a note", (p: Platform, stale: Meeting, note: number) => changeNote(p.db, noAudit, stale, String(note), null), "item_notes"],
    ["withdrawing attendance", (p: Platform, stale: Meeting) => unattend(p.db, noAudit, stale, String(p.people[0]!.id), undefined, TODAY), "attendance"],
    ["moving attendance to another group", (p: Platform, stale: Meeting) => moveAttendance(p.db, noAudit, stale, String(p.people[0]!.id), "G2", TODAY), "attendance"],
    ["editing the meeting", (p: Platform, stale: Meeting) => editMeeting(p.db, noAudit, stale, { ...fieldsOf(stale), place: "Anderswo" }), "meetings"],
  ] as const)("%s: locked minutes, nothing changed", (_what, write, table) => {
    const p = platform();
    addItem(p.db, noAudit, p.meeting, { title: "Verschiedenes" }, TODAY);
    const note = addNote(p.db, noAudit, p.meeting, "1", "Entwurf");
    const stale = getMeeting(p.db, p.meeting.id)!;
    expect(stale.minutes).toBe("none");
    approveMeanwhile(p);
    const before = rows(p.db, table);
    expect(cliError(() => write(p, stale, note)).key).toBe("error.minutesLocked");
    expect(rows(p.db, table)).toEqual(before);
  });
});

describe("a vote cast with a copy read before another process closed the vote is refused", () => {
  it("no cast is added to the closed vote, whose result stands", () => {
    const p = platform();
    const id = openVote(p.db, noAudit, p.meeting, { motion: "Antrag" }, TODAY);
    const stale = resolveVote(p.db, String(id));
    castVote(p.db, noAudit, resolveVote(p.db, String(id)), p.groups[0]!, "yes");
    closeVote(p.db, noAudit, resolveVote(p.db, String(id)));
    expect(cliError(() => castVote(p.db, noAudit, stale, p.groups[1]!, "no")).key).toBe("error.voteClosed");
    expect(count(p.db, "vote_casts")).toBe(1);
  });
});

describe("a ballot cast with a copy read before another process counted the election is refused", () => {
  it("never acknowledged and left out of the count: no receipt, no ballot, the stored result unchanged", () => {
    const p = platform();
    const team = resolveTeam(p.db, STRATEGY_FINANCE);
    const id = addElection(p.db, noAudit, { meeting: p.meeting, team, seats: "1", method: "scottish-stv", defaultTermMonths: 12 });
    for (const i of [0, 1]) nominate(p.db, noAudit, resolveElection(p.db, String(id)), p.people[i]!, p.groups[i]!);
    castBallots(p.db, noAudit, resolveElection(p.db, String(id)), [p.groups[0]!], [["Person 0"]], TODAY, "");
    const stale = resolveElection(p.db, String(id));
    const { tally } = countElection(p.db, resolveElection(p.db, String(id)), 1);
    const stored = recordTally(p.db, noAudit, resolveElection(p.db, String(id)), tally);
    expect(cliError(() => castBallots(p.db, noAudit, stale, [p.groups[1]!], [["Person 1"]], TODAY, "")).key).toBe("error.elections.electionCounted");
    expect(count(p.db, "ballots")).toBe(1);
    expect(count(p.db, "ballot_receipts")).toBe(1);
    expect(resolveElection(p.db, String(id)).tally).toBe(stored);
  });
});
