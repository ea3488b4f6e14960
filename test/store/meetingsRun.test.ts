// The interactive minute-taking walk (src/app/run/run.ts) with scripted prompts in place of @inquirer/prompts:
// every answer must be in the data file before the next question is asked, and Ctrl-C must keep them.
import { describe, expect, it } from "vitest";
import { onServer } from "../server.js";
import type { Db } from "../../src/core/db.js";
import { CliError } from "../../src/core/errors.js";
import type { PromptChoice, Prompter } from "../../src/core/prompts.js";
import { addGroup, groupFields, leaveGroup } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import type { Role } from "../../src/people/model.js";
import { addPerson, linkPerson, personFields } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";
import { parseTemplate } from "../../src/meetings/model.js";
import { runMeeting } from "../../src/app/run/run.js";
import { addItem, addMeeting, approve, cancelMeeting, closeMeeting, meetingFields } from "../../src/meetings/service.js";
import { addElection, nominate, resolveElection } from "../../src/elections/service.js";
import { resolvePerson } from "../../src/people/service.js";
import { resolveTeam } from "../../src/teams/service.js";
import { voteView } from "../../src/votes/service.js";
import { getVote, listVotes } from "../../src/votes/store.js";
import { getMeeting, listAttendance, notesOfMeeting } from "../../src/meetings/store.js";
import { listTasks } from "../../src/tasks/store.js";
import { auditLog, auditRows, contextFor, count, freshDb, LATER_WITHOUT_QUORUM } from "./support.js";

const TODAY = "2026-12-03";

// ---- a small platform: three member groups, one that has left, four people

function setUp(db: Db): { meetingId: number } {
  const { audit } = auditLog();
  const group = (name: string, short: string) => getGroup(db, addGroup(db, audit, groupFields({ name, short, joined: "2020-01-01" }, TODAY)), TODAY)!;
  const josef = group("St. Josef", "JOSEF");
  const nur = group("Moscheeverein Al-Nur", "NUR");
  const kosmos = group("Mieterinitiative Kosmosviertel", "KOSMOS");
  const gone = group("Sportverein Grün-Weiß", "GW");
  leaveGroup(db, audit, gone, "2025-06-30", TODAY);
  const person = (name: string, g: typeof josef, role: Role) => {
    const p = getPerson(db, addPerson(db, audit, personFields({ name })), TODAY)!;
    linkPerson(db, audit, p, g, role, "2020-01-01");
  };
  person("Maria Schmidt", josef, "representative");
  person("Uwe Schmidt", josef, "member");
  person("Ali Yılmaz", nur, "representative");
  person("Hatice Kaya", kosmos, "key-person");
  const fields = meetingFields(db, { kind: "kernkreis", date: TODAY, time: "19:00", end: "21:00", place: "Gemeindesaal" }, TODAY);
  const template = parseTemplate("info 10 Begrüßung\nreport 30 Berichte aus den Kampagnen\ndiscussion 10 Verschiedenes");
  return { meetingId: addMeeting(db, audit, fields, template) };
}

// ---- scripted prompts

interface Call {
  kind: "input" | "select" | "checkbox" | "confirm";
  message: string;
  choices: Array<PromptChoice<unknown>>;
  /** rows in the data file at the moment the question was asked */
  rows: { attendance: number; notes: number; tasks: number };
}
type Answer = (call: Call) => unknown;

/** Answers from a script, in order; when the script runs out, the "person" presses Ctrl-C. */
function scripted(db: Db, answers: Answer[]): { prompts: Prompter; calls: Call[] } {
  const calls: Call[] = [];
  const ask = async (kind: Call["kind"], options: { message: string; choices?: Array<PromptChoice<unknown>> }): Promise<any> => {
    const call: Call = {
      kind,
      message: options.message,
      choices: options.choices ?? [],
      rows: { attendance: count(db, "attendance"), notes: count(db, "item_notes"), tasks: count(db, "tasks") },
    };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw Object.assign(new Error("User force closed the prompt with SIGINT"), { name: "ExitPromptError" });
    return answer(call);
  };
  return {
    calls,
    prompts: {
      input: (o) => ask("input", o),
      select: (o) => ask("select", o as never),
      checkbox: (o) => ask("checkbox", o as never),
      confirm: (o) => ask("confirm", o),
    },
  };
}

const expectKind = (call: Call, kind: Call["kind"]) => expect(call.kind, `${call.message}: expected ${kind}`).toBe(kind);
const input = (text: string): Answer => (call) => (expectKind(call, "input"), text);
const confirm = (yes: boolean): Answer => (call) => (expectKind(call, "confirm"), yes);
/** Ticks exactly the choices whose label contains one of the texts. */
const tick = (...texts: string[]): Answer => (call) => {
  expectKind(call, "checkbox");
  return call.choices.filter((c) => texts.some((t) => c.name.includes(t))).map((c) => c.value);
};
/** Keeps the ticks as offered (what pressing enter does). */
const keep: Answer = (call) => (expectKind(call, "checkbox"), call.choices.filter((c) => c.checked).map((c) => c.value));
const pick = (text: string): Answer => (call) => {
  expectKind(call, "select");
  const choice = call.choices.find((c) => c.name.includes(text));
  expect(choice, `no choice "${text}" in ${call.choices.map((c) => c.name).join(", ")}`).toBeDefined();
  return choice!.value;
};

function presentNames(db: Db, meetingId: number): string[] {
  return listAttendance(db, meetingId)
    .filter((r) => r.status === "present")
    .map((r) => r.person!)
    .sort();
}

function walk(db: Db, meetingId: number, answers: Answer[]) {
  const ctx = contextFor(db, ["meetings", "run", String(meetingId)]);
  const { prompts, calls } = scripted(db, answers);
  const printed: string[] = [];
  const run = runMeeting(ctx, getMeeting(db, meetingId)!, prompts, (line) => printed.push(line), TODAY);
  return { run, calls, printed };
}

// ---- the tests

describe("meetings run: a whole walk", () => {
  it("records attendance, guests, excuses, notes and tasks, saving each answer before the next question, then closes", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const { run, calls, printed } = walk(db, meetingId, [
      tick("Maria Schmidt", "Ali Yılmaz"), // attendance
      input("Bezirksstadträtin Weber"), // guests
      tick("Kosmosviertel"), // excused
      input("Alle begrüßt"), // item 1: note
      input(""), // item 1: no task
      input("Kosmosviertel: 40 Haushalte befragt"), // item 2: note
      input("Saal reservieren"), // item 2: task title
      pick("Maria Schmidt"), // owner
      input("20.12.2026"), // due
      input("Flyer verteilen"), // item 2: second task
      pick("someone else"), // owner
      input("KOSMOS"), // a group by short code
      input(""), // no due date
      input(""), // item 2: no more tasks
      input(""), // item 3: no note
      input(""), // item 3: no task
      confirm(true), // close
    ]);
    expect(await run).toEqual({ interrupted: false, closed: true });

    // every question was asked after the previous answer had been written
    const at = (message: RegExp) => calls.find((c) => message.test(c.message))!;
    expect(at(/Guests/).rows.attendance).toBe(2);
    expect(at(/excused/).rows.attendance).toBe(3); // + the guest
    expect(calls.filter((c) => /Notes/.test(c.message)).map((c) => c.rows.notes)).toEqual([0, 1, 2]);
    expect(calls.filter((c) => /^Task/.test(c.message)).map((c) => c.rows.tasks)).toEqual([0, 0, 1, 2, 2]);
    expect(at(/Close/).rows).toEqual({ attendance: 4, notes: 2, tasks: 2 });

    // the attendance choices: member groups only (not the one that left), representatives first
    expect(calls[0]!.choices.map((c) => c.name)).toEqual([
      "Mieterinitiative Kosmosviertel: Hatice Kaya (key person)",
      "Moscheeverein Al-Nur: Ali Yılmaz (representative)",
      "St. Josef: Maria Schmidt (representative)",
      "St. Josef: Uwe Schmidt (member)",
    ]);
    // only the groups without anyone present can be excused
    expect(at(/excused/).choices.map((c) => c.name)).toEqual(["Mieterinitiative Kosmosviertel"]);

    expect(presentNames(db, meetingId)).toEqual(["Ali Yılmaz", "Maria Schmidt"]);
    const rows = listAttendance(db, meetingId);
    expect(rows.filter((r) => r.status === "guest").map((r) => r.guestName)).toEqual(["Bezirksstadträtin Weber"]);
    expect(rows.filter((r) => r.status === "excused").map((r) => r.group)).toEqual(["Mieterinitiative Kosmosviertel"]);
    expect(notesOfMeeting(db, meetingId).map((n) => n.text)).toEqual(["Alle begrüßt", "Kosmosviertel: 40 Haushalte befragt"]);
    expect(listTasks(db, { meetingId }, "?").map((t) => [t.title, t.owner, t.due, t.item])).toEqual([
      ["Saal reservieren", "Maria Schmidt", "2026-12-20", 2],
      ["Flyer verteilen", "Mieterinitiative Kosmosviertel", null, 2],
    ]);
    expect(getMeeting(db, meetingId)).toMatchObject({ status: "held", minutes: "draft" });
    expect(printed.some((l) => l.includes("2 of 3 member groups present, 1 excused, 0 absent"))).toBe(true);

    // each save went through the audit log, as with the one-shot commands
    const actions = auditRows(db).filter((r) => r.command.includes('"run"')).map((r) => `${r.entity}:${r.action}`);
    expect(actions).toEqual([
      "attendance:present",
      "attendance:present",
      "attendance:guest",
      "attendance:excuse",
      "item_note:add",
      "item_note:add",
      "task:add",
      "task:add",
      "meeting:close",
    ]);
  });

  it("asks again after an answer the rules refuse (a wrong date, an unknown owner) and keeps the walk going", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const { run, printed } = walk(db, meetingId, [
      tick(), // nobody ticked
      input(""),
      keep, // excused: none
      input(""),
      input("Protokoll verschicken"),
      pick("someone else"),
      input("Niemand Bekanntes"), // unknown
      input("Uwe Schmidt"),
      input("31.02.2027"), // no such day
      input("+2w"),
      input(""),
    ]);
    expect(await run).toEqual({ interrupted: true, closed: false });
    expect(printed.filter((l) => l.startsWith("error: "))).toHaveLength(2);
    expect(listTasks(db, { meetingId }, "?").map((t) => [t.title, t.owner, t.due, t.item])).toEqual([["Protokoll verschicken", "Uwe Schmidt", "2026-12-17", 1]]);
  });
});

describe("meetings run: Ctrl-C and resuming", () => {
  it("an interruption half-way keeps every answer given; a half-entered task is not saved", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const first = walk(db, meetingId, [
      tick("Maria Schmidt", "Hatice Kaya", "Uwe Schmidt"),
      input(""),
      // nobody to excuse: every group but Al-Nur is present, Al-Nur is asked about
      keep,
      input("Alle begrüßt"),
      input("Saal reservieren"), // a task title … and then Ctrl-C at the owner question
    ]);
    expect(await first.run).toEqual({ interrupted: true, closed: false });
    expect(first.calls.at(-1)!.kind).toBe("select");
    expect(presentNames(db, meetingId)).toEqual(["Hatice Kaya", "Maria Schmidt", "Uwe Schmidt"]);
    expect(notesOfMeeting(db, meetingId).map((n) => n.text)).toEqual(["Alle begrüßt"]);
    expect(count(db, "tasks")).toBe(0);
    expect(getMeeting(db, meetingId)).toMatchObject({ status: "planned", minutes: "none" });

    // running again: present people come up ticked, the note taken is shown, nothing is recorded twice
    const second = walk(db, meetingId, [
      keep, // attendance as it is
      input(""),
      keep,
      input(""), // item 1: no further note
      input(""),
      input("Kampagne Mieten: Termin beim Bezirk"),
      input(""),
      input(""),
      input(""),
      confirm(false), // do not close yet
    ]);
    expect(await second.run).toEqual({ interrupted: false, closed: false });
    expect(second.calls[0]!.choices.filter((c) => c.checked).map((c) => c.name)).toEqual([
      "Mieterinitiative Kosmosviertel: Hatice Kaya (key person)",
      "St. Josef: Maria Schmidt (representative)",
      "St. Josef: Uwe Schmidt (member)",
    ]);
    expect(second.printed).toContain("  ✎ Alle begrüßt");
    expect(presentNames(db, meetingId)).toEqual(["Hatice Kaya", "Maria Schmidt", "Uwe Schmidt"]);
    expect(notesOfMeeting(db, meetingId).map((n) => n.text)).toEqual(["Alle begrüßt", "Kampagne Mieten: Termin beim Bezirk"]);
    expect(getMeeting(db, meetingId)!.status).toBe("planned");
  });

  it("Ctrl-C at the very first question changes nothing", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const before = auditRows(db).length;
    const { run } = walk(db, meetingId, []);
    expect(await run).toEqual({ interrupted: true, closed: false });
    expect(count(db, "attendance")).toBe(0);
    expect(auditRows(db)).toHaveLength(before);
  });

  it("unticking on a second run takes the presence back (audited); an excuse can be taken back the same way", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    await walk(db, meetingId, [tick("Maria Schmidt", "Uwe Schmidt"), input(""), tick("Al-Nur", "Kosmosviertel")]).run;
    expect(presentNames(db, meetingId)).toEqual(["Maria Schmidt", "Uwe Schmidt"]);
    expect(listAttendance(db, meetingId).filter((r) => r.status === "excused")).toHaveLength(2);

    await walk(db, meetingId, [tick("Maria Schmidt", "Ali Yılmaz"), input(""), keep]).run;
    expect(presentNames(db, meetingId)).toEqual(["Ali Yılmaz", "Maria Schmidt"]);
    // Al-Nur is present now, so it is no longer offered (its excuse stays in the data but does not count)
    const excused = listAttendance(db, meetingId).filter((r) => r.status === "excused").map((r) => r.group);
    expect(excused).toContain("Mieterinitiative Kosmosviertel");

    await walk(db, meetingId, [keep, input(""), tick()]).run;
    expect(listAttendance(db, meetingId).filter((r) => r.status === "excused" && r.group === "Mieterinitiative Kosmosviertel")).toEqual([]);
    const withdrawals = auditRows(db).filter((r) => r.action === "withdraw");
    expect(withdrawals.map((r) => JSON.parse(r.changes!).status)).toEqual(["present", "excused"]);
  });

  it("a person ticked for two groups is recorded once", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const { audit } = auditLog();
    linkPerson(db, audit, getPerson(db, 1, TODAY)!, getGroup(db, 2, TODAY)!, "member", "2020-01-01"); // Maria also in Al-Nur
    const { run, printed } = walk(db, meetingId, [tick("Maria Schmidt"), input("")]);
    await run;
    expect(presentNames(db, meetingId)).toEqual(["Maria Schmidt"]);
    expect(printed.some((l) => l.includes("one group only"))).toBe(true);
  });
});

describe("meetings run: what it refuses", () => {
  it("approved (locked) minutes and cancelled meetings, before asking anything", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    const { audit } = auditLog();
    closeMeeting(db, audit, getMeeting(db, meetingId)!);
    const later = addMeeting(db, audit, meetingFields(db, { kind: "kernkreis", date: "2027-01-14" }, TODAY));
    approve(db, audit, getMeeting(db, meetingId)!, getMeeting(db, later)!, null, LATER_WITHOUT_QUORUM);
    const locked = walk(db, meetingId, []);
    await expect(locked.run).rejects.toMatchObject({ key: "error.minutesLocked" });
    expect(locked.calls).toEqual([]);

    const cancelled = addMeeting(db, audit, meetingFields(db, { kind: "team", date: "2027-02-01" }, TODAY));
    cancelMeeting(db, audit, getMeeting(db, cancelled)!);
    const refused = walk(db, cancelled, []);
    await expect(refused.run).rejects.toBeInstanceOf(CliError);
    expect(refused.calls).toEqual([]);
  });

  it("a held meeting with draft minutes can still be completed, and is not offered for closing again", async () => {
    const db = freshDb();
    const { meetingId } = setUp(db);
    closeMeeting(db, auditLog().audit, getMeeting(db, meetingId)!);
    const { run, calls } = walk(db, meetingId, [keep, input(""), keep, input("Nachtrag"), input(""), input(""), input(""), input(""), input("")]);
    expect(await run).toEqual({ interrupted: false, closed: false });
    expect(calls.some((c) => c.kind === "confirm")).toBe(false);
    expect(notesOfMeeting(db, meetingId).map((n) => n.text)).toEqual(["Nachtrag"]);
  });
});

// ---- votes and ballots during the walk

describe("meetings run: votes on decision items and ballots on election items", () => {
  /** The small platform with a decision item (4) and an election item (5) holding an STV election, 2 seats. */
  function withDecisions(db: Db, method = "scottish-stv"): { meetingId: number; electionId: number } {
    const { meetingId } = setUp(db);
    const { audit } = auditLog();
    const meeting = getMeeting(db, meetingId)!;
    addItem(db, audit, meeting, { title: "Antrag: Mietenkampagne starten", type: "decision" }, TODAY);
    addItem(db, audit, meeting, { title: "Wahl des Strategie- und Finanzteams", type: "election" }, TODAY);
    const electionId = addElection(db, audit, { meeting, team: resolveTeam(db, "strategy-finance"), seats: "2", method, item: "5", defaultTermMonths: 12 });
    for (const name of ["Maria Schmidt", "Ali Yılmaz", "Hatice Kaya"])
      nominate(db, audit, resolveElection(db, String(electionId)), resolvePerson(db, name, TODAY), null);
    return { meetingId, electionId };
  }

  /** Attendance, guests, excuses and the three template items answered with nothing. */
  const opening = (...present: string[]): Answer[] => [
    tick(...present),
    input(""),
    ...(present.length < 3 ? [keep] : []), // excuses are asked only while a member group is missing
    ...Array.from({ length: 6 }, () => input("")),
  ];

  it("opens a roll call, asks each present member group, closes it with the result, and saves every answer at once", async () => {
    const db = freshDb();
    const { meetingId } = withDecisions(db);
    const { run, calls, printed } = walk(db, meetingId, [
      ...opening("Maria Schmidt", "Ali Yılmaz", "Hatice Kaya"),
      input(""), // item 4: no note
      confirm(true), // put a motion to the vote
      input(""), // the item's title is the motion
      pick("St. Josef"), // mover
      pick("roll call"),
      pick("simple majority"),
      pick("yes"), // Kosmosviertel
      pick("no"), // Al-Nur
      pick("yes"), // St. Josef
      confirm(true), // close
      confirm(false), // no other vote
      input(""), // item 4: no task
      input(""), // item 5: no note
      tick(), // no ballots handed in yet
      confirm(false), // do not count
      input(""), // item 5: no task
      confirm(false), // do not close the meeting
    ]);
    expect(await run).toEqual({ interrupted: false, closed: false });
    const votes = listVotes(db, { meetingId });
    expect(votes).toHaveLength(1);
    const view = voteView(db, votes[0]!, "?");
    expect(view).toMatchObject({ motion: "Antrag: Mietenkampagne starten", item: 4, mover: "St. Josef", mode: "roll-call", status: "closed", yes: 2, no: 1, abstain: 0, result: "adopted" });
    expect(view.casts).toEqual([
      { group: "Mieterinitiative Kosmosviertel", choice: "yes" },
      { group: "Moscheeverein Al-Nur", choice: "no" },
      { group: "St. Josef", choice: "yes" },
    ]);
    // the groups are asked in turn, only the present member groups
    expect(calls.filter((c) => / votes$/.test(c.message)).map((c) => c.message)).toEqual([
      "Mieterinitiative Kosmosviertel votes",
      "Moscheeverein Al-Nur votes",
      "St. Josef votes",
    ]);
    expect(printed.some((l) => /Vote #1 \(Kernkreis .*\) closed: adopted \(2 yes, 1 no, 0 abstentions/.test(l))).toBe(true);
    const actions = auditRows(db).filter((r) => r.entity === "vote" || r.entity === "vote_cast").map((r) => `${r.entity}:${r.action}`);
    expect(actions[0]).toBe("vote:open");
    expect(actions.at(-1)).toBe("vote:close");
  });

  it("records a count vote's totals, asks again when they exceed the groups present, and a second run finishes an open vote", async () => {
    const db = freshDb();
    const { meetingId } = withDecisions(db);
    const first = walk(db, meetingId, [
      ...opening("Maria Schmidt", "Ali Yılmaz"),
      input(""),
      confirm(true),
      input("Wir beteiligen uns an der Mieterversammlung"),
      pick("no mover"),
      pick("show of hands"),
      pick("two-thirds"),
      input("3"), // 3 yes with 2 groups present: refused
      input("0"),
      input("0"),
      input("2"),
      input("0"),
      input("0"),
      confirm(false), // leave the vote open; then Ctrl-C
    ]);
    expect((await first.run).interrupted).toBe(true);
    expect(first.printed.some((l) => /3 votes counted, but only 2 member groups are present/.test(l))).toBe(true);
    const open = listVotes(db, { meetingId })[0]!;
    expect(open).toMatchObject({ status: "open", mode: "count", majority: "two-thirds", counts: { yes: 2, no: 0, abstain: 0 }, moverGroupId: null });

    const second = walk(db, meetingId, [
      ...opening("Maria Schmidt", "Ali Yılmaz"),
      input(""),
      input("2"), // the open vote is recounted and closed
      input("0"),
      input("0"),
      confirm(true),
      confirm(false),
    ]);
    expect((await second.run).interrupted).toBe(true);
    expect(voteView(db, getVote(db, open.id)!, "?")).toMatchObject({ status: "closed", result: "adopted", yes: 2 });
    expect(listVotes(db, { meetingId })).toHaveLength(1);
  });

  it("takes the ballot papers after the groups that handed them in, stores them apart from the groups, and counts", async () => {
    const db = freshDb();
    const { meetingId, electionId } = withDecisions(db);
    const { run, calls, printed } = walk(db, meetingId, [
      ...opening("Maria Schmidt", "Ali Yılmaz", "Hatice Kaya"),
      input(""),
      confirm(false), // no vote on item 4
      input(""),
      input(""), // item 5: no note
      tick("St. Josef", "Al-Nur", "Kosmosviertel"),
      input("1 2"), // paper 1: Maria, then Ali
      input("7"), // no candidate 7: asked again
      input("1,3"), // paper 2
      input("2 1 3"), // paper 3
      confirm(true), // count
      input(""),
      confirm(false),
    ]);
    expect(await run).toEqual({ interrupted: false, closed: false });
    expect(calls.filter((c) => /Ballot paper/.test(c.message)).map((c) => c.message.slice(0, 22))).toEqual([
      "Ballot paper 1 of 3: t",
      "Ballot paper 2 of 3: t",
      "Ballot paper 2 of 3: t",
      "Ballot paper 3 of 3: t",
    ]);
    expect(printed.some((l) => l.includes("Type candidate numbers from 1 to 3"))).toBe(true);
    expect(count(db, "ballots")).toBe(3);
    expect(count(db, "ballot_receipts")).toBe(3);
    const ballotColumns = (
      db.prepare(onServer ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'ballots'" : "SELECT name FROM pragma_table_info('ballots')").all() as Array<{ name: string }>
    ).map((r) => r.name);
    expect(ballotColumns.some((c) => /group/.test(c))).toBe(false);
    const election = resolveElection(db, String(electionId));
    expect(election.status).toBe("counted");
    expect(printed.some((l) => l.includes("Elected: Maria Schmidt, Ali Yılmaz"))).toBe(true);
    // the audit log records who voted, never what
    const ballotAudit = auditRows(db).filter((r) => r.entity === "ballot_receipt");
    expect(ballotAudit).toHaveLength(3);
    expect(ballotAudit.every((r) => !/Maria|Hatice|\[/.test(r.changes ?? ""))).toBe(true);
  });

  it("asks yes, no or abstain per candidate on a yes-no-abstain ballot", async () => {
    const db = freshDb();
    const { meetingId, electionId } = withDecisions(db, "yes-no-abstain");
    const { run } = walk(db, meetingId, [
      ...opening("Maria Schmidt", "Ali Yılmaz"),
      input(""),
      confirm(false),
      input(""),
      input(""),
      tick("St. Josef", "Al-Nur"),
      pick("yes"), pick("no"), pick("yes"), // paper 1: Maria, Ali, Hatice
      pick("yes"), pick("abstain"), pick("no"), // paper 2
      confirm(true),
      input(""),
      confirm(false),
    ]);
    expect((await run).interrupted).toBe(false);
    const tally = JSON.parse(resolveElection(db, String(electionId)).tally!) as { elected: string[] };
    expect(tally.elected).toHaveLength(1); // only Maria has more yes than no
  });
});
