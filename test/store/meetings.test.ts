// The meetings area against a real data file: attendance and quorum on the meeting's date, addressing
// meetings, the agenda's order, the lifecycle of the minutes with its lock, and the migration to schema 2.
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDataFile, migrate, openDataFile, prepareSchema, schemaVersion, type Db } from "../../src/core/db.js";
import type { Group } from "../../src/groups/model.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import type { Meeting, TemplateItem } from "../../src/meetings/model.js";
import { parseTemplate, STANDARD_TEMPLATE } from "../../src/meetings/model.js";
import {
  addItem,
  addMeeting,
  addNote,
  amend,
  approve,
  attend,
  attendanceSummary,
  cancelMeeting,
  closeMeeting,
  editMeeting,
  excuse,
  fieldsOf,
  meetingFields,
  minutesHash,
  moveItem,
  removeItem,
  resolveMeeting,
  type MeetingInput,
} from "../../src/meetings/service.js";
import { getMeeting, listAmendments, listItems, minutesSnapshot } from "../../src/meetings/store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/migrations/index.js";
import type { Person } from "../../src/people/model.js";
import { addPerson, linkPerson, personFields } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";
import { writeSetting } from "../../src/platform/store.js";
import { addTask, completeTask, resolveOwner } from "../../src/tasks/service.js";
import { getTask, listTasks } from "../../src/tasks/store.js";
import { tempDir } from "../helpers.js";
import { auditLog, cliError, contextFor, count, freshDb, LATER_WITHOUT_QUORUM, track } from "./support.js";

const TODAY = "2026-03-01";
const noAudit = () => undefined;

function group(db: Db, name: string, short: string, joined = "2020-01-01", left?: string): Group {
  const id = addGroup(db, noAudit, groupFields({ name, short, joined, left }, TODAY));
  return getGroup(db, id, TODAY)!;
}

function person(db: Db, name: string, ...groups: Array<[Group, string?]>): Person {
  const id = addPerson(db, noAudit, personFields({ name }));
  for (const [g, since] of groups) linkPerson(db, noAudit, getPerson(db, id, TODAY)!, g, "representative", since ?? g.joined);
  return getPerson(db, id, TODAY)!;
}

function meeting(db: Db, input: MeetingInput, template: TemplateItem[] = []): Meeting {
  const id = addMeeting(db, noAudit, meetingFields(db, { kind: "kernkreis", ...input }, TODAY), template);
  return getMeeting(db, id)!;
}

/** Re-reads a meeting: the service functions take the state as it was read. */
const fresh = (db: Db, m: Meeting) => getMeeting(db, m.id)!;

const standard = () => parseTemplate(STANDARD_TEMPLATE.de);

describe("attendanceSummary: entitled groups are the member groups on the meeting's date", () => {
  const DATE = "2026-03-10";
  /** Attendance is recorded on or after the meeting's day. */
  const AFTER = "2026-03-12";

  function platform() {
    const db = freshDb();
    const g = {
      asw: group(db, "Alt-Schöneweide", "ASW"),
      nur: group(db, "Al-Nur", "NUR"),
      kosmos: group(db, "Kosmosviertel", "KOSMOS"),
      dahme: group(db, "Grundschule an der Dahme", "DAHME"),
      wuhle: group(db, "Wuhlepark", "WUHLE"),
      leftBefore: group(db, "Ausgetreten am Vortag", "VORTAG", "2018-01-01", "2026-03-09"),
      leftOnDay: group(db, "Ausgetreten am Tag", "TAG", "2018-01-01", "2026-03-10"),
      leftAfter: group(db, "Ausgetreten am Folgetag", "FOLGE", "2018-01-01", "2026-03-11"),
      joinedOnDay: group(db, "Neu am Tag", "NEU", "2026-03-10"),
      joinedAfter: group(db, "Neu danach", "SPAETER", "2026-03-11"),
    };
    const p = {
      ingrid: person(db, "Ingrid Hoffmann", [g.asw]),
      matthias: person(db, "Matthias Krüger", [g.asw]),
      yusuf: person(db, "Yusuf Demir", [g.nur]),
      hatice: person(db, "Hatice Kaya", [g.kosmos]),
      ruediger: person(db, "Rüdiger Voigt", [g.leftBefore]),
      neu: person(db, "Nina Neu", [g.joinedOnDay, "2026-03-10"]),
    };
    return { db, g, p, m: meeting(db, { date: DATE, time: "19:00", end: "21:00" }) };
  }

  it("counts present groups with their people, excused and absent groups, against the members on the date", () => {
    const { db, p, m } = platform();
    const { entries, audit } = auditLog();
    expect(attend(db, audit, m, ["Ingrid Hoffmann", "Matthias Krüger", "yusuf demir", String(p.neu.id)], {}, AFTER)).toBe(4);
    expect(excuse(db, audit, m, "DAHME", TODAY)).toEqual({ kind: "group", name: "Grundschule an der Dahme" });
    expect(entries.map((e) => e.action)).toEqual(["present", "present", "present", "present", "excuse"]);

    const summary = attendanceSummary(db, m, "(forgotten)");
    // ASW, NUR, KOSMOS, DAHME, WUHLE, leftAfter (still a member that day), joinedOnDay.
    expect(summary.entitled).toBe(7);
    expect(summary.present).toEqual([
      { group: "Al-Nur", groupId: expect.any(Number), people: ["Yusuf Demir"], entitled: true },
      { group: "Alt-Schöneweide", groupId: expect.any(Number), people: ["Ingrid Hoffmann", "Matthias Krüger"], entitled: true },
      { group: "Neu am Tag", groupId: expect.any(Number), people: ["Nina Neu"], entitled: true },
    ]);
    expect(summary.excused).toEqual(["Grundschule an der Dahme"]);
    expect(summary.absent.sort()).toEqual(["Ausgetreten am Folgetag", "Kosmosviertel", "Wuhlepark"]);
    expect(summary.absent).not.toContain("Ausgetreten am Vortag");
    expect(summary.absent).not.toContain("Ausgetreten am Tag");
    expect(summary.absent).not.toContain("Neu danach");
    // Default rule 'half': 2·3 = 6 is not more than 7.
    expect(summary.quorum).toEqual({ rule: "half", required: 4, present: 3, entitled: 7, met: false });

    attend(db, noAudit, m, ["Hatice Kaya"], {}, AFTER);
    expect(attendanceSummary(db, m, "(forgotten)").quorum).toEqual({ rule: "half", required: 4, present: 4, entitled: 7, met: true });
  });

  it("someone acting for a group that is no member on the day (left the day before, joins the day after) is refused", () => {
    const { db, g, m } = platform();
    const error = cliError(() => attend(db, noAudit, m, ["Rüdiger Voigt"], {}, AFTER));
    expect(error.key).toBe("error.groupNotMemberOn");
    expect(error.params).toMatchObject({ group: "Ausgetreten am Vortag", id: m.id, date: { date: DATE } });
    person(db, "Sina Später", [g.joinedAfter, "2026-03-11"]);
    expect(cliError(() => attend(db, noAudit, m, ["Sina Später"], { for: "SPAETER" }, AFTER)).key).toBe("error.groupNotMemberOn");
    expect(count(db, "attendance")).toBe(0);
    expect(attendanceSummary(db, m, "(forgotten)").quorum.present).toBe(0);
  });

  it("no attendance for a meeting still ahead; excuses may come in advance", () => {
    const { db, m } = platform();
    const error = cliError(() => attend(db, noAudit, m, ["Ingrid Hoffmann"], {}, "2026-03-09"));
    expect(error.key).toBe("error.meetingNotYet");
    expect(error.params).toMatchObject({ id: m.id, date: { date: DATE } });
    expect(cliError(() => attend(db, noAudit, m, ["Frau Gast"], { guest: true }, "2026-03-09")).key).toBe("error.meetingNotYet");
    expect(count(db, "attendance")).toBe(0);
    excuse(db, noAudit, m, "NUR", "2026-03-09");
    attend(db, noAudit, m, ["Ingrid Hoffmann"], {}, DATE); // on the day itself
    expect(count(db, "attendance")).toBe(2);
  });

  it("the quorum follows the platform setting: none, half, or a number of groups", () => {
    const { db, m } = platform();
    attend(db, noAudit, m, ["Ingrid Hoffmann", "Yusuf Demir", "Hatice Kaya"], {}, AFTER);
    expect(attendanceSummary(db, m, "").quorum).toMatchObject({ rule: "half", required: 4, present: 3, met: false });
    writeSetting(db, "quorum", "3");
    expect(attendanceSummary(db, m, "").quorum).toEqual({ rule: "count", required: 3, present: 3, entitled: 7, met: true });
    writeSetting(db, "quorum", "4");
    expect(attendanceSummary(db, m, "").quorum).toEqual({ rule: "count", required: 4, present: 3, entitled: 7, met: false });
    writeSetting(db, "quorum", "none");
    expect(attendanceSummary(db, m, "").quorum).toMatchObject({ rule: "none", met: true });
  });

  it("guests and excused people are listed apart from the groups", () => {
    const { db, m } = platform();
    attend(db, noAudit, m, ["Frau Gast vom Bezirksamt", "Hatice Kaya"], { guest: true }, AFTER);
    excuse(db, noAudit, m, "Yusuf Demir", TODAY);
    const summary = attendanceSummary(db, m, "");
    expect(summary.guests.sort()).toEqual(["Frau Gast vom Bezirksamt", "Hatice Kaya"]);
    expect(summary.excusedPeople).toEqual(["Yusuf Demir"]);
    expect(summary.present).toEqual([]);
    expect(summary.excused).toEqual([]);
    expect(summary.quorum.present).toBe(0);
  });

  it("a person with two groups needs --for; the error lists both", () => {
    const { db, g, m } = platform();
    person(db, "Khaled Al-Masri", [g.nur], [g.kosmos]);
    const error = cliError(() => attend(db, noAudit, m, ["Khaled Al-Masri"], {}, AFTER));
    expect(error.key).toBe("error.attendWhichGroup");
    expect(String(error.params.groups).split(", ").sort()).toEqual(["Al-Nur", "Kosmosviertel"]);
    attend(db, noAudit, m, ["Khaled Al-Masri"], { for: "KOSMOS" }, AFTER);
    expect(attendanceSummary(db, m, "").present.map((p) => p.group)).toEqual(["Kosmosviertel"]);
    // present for each group he represents, once each
    attend(db, noAudit, m, ["Khaled Al-Masri"], { for: "NUR" }, AFTER);
    expect(attendanceSummary(db, m, "").present.map((p) => p.group)).toEqual(["Al-Nur", "Kosmosviertel"]);
    expect(attendanceSummary(db, m, "").quorum.present).toBe(2);
    expect(cliError(() => attend(db, noAudit, m, ["Khaled Al-Masri"], { for: "NUR" }, AFTER)).key).toBe("error.alreadyPresent");
  });

  it("someone entered after the meeting attends for the group they act for today; someone with no group is refused", () => {
    const { db, g, m } = platform();
    person(db, "Neu Eingetragen", [g.wuhle, TODAY]); // role from 2026-03-01, the meeting is on 2026-03-10: held on the day
    const later = meeting(db, { date: "2026-02-20" }); // before the role began: falls back to today's role
    attend(db, noAudit, later, ["Neu Eingetragen"], {}, AFTER);
    expect(attendanceSummary(db, later, "").present.map((p) => p.group)).toEqual(["Wuhlepark"]);
    addPerson(db, noAudit, personFields({ name: "Ohne Gruppe" }));
    expect(cliError(() => attend(db, noAudit, m, ["Ohne Gruppe"], {}, AFTER)).key).toBe("error.attendWithoutGroup");
  });

  it("excusing a present group, or the same group twice, is refused", () => {
    const { db, m } = platform();
    attend(db, noAudit, m, ["Ingrid Hoffmann"], {}, AFTER);
    expect(cliError(() => excuse(db, noAudit, m, "ASW", TODAY)).key).toBe("error.groupPresent");
    excuse(db, noAudit, m, "NUR", TODAY);
    expect(cliError(() => excuse(db, noAudit, m, "NUR", TODAY)).key).toBe("error.alreadyExcused");
    expect(count(db, "attendance")).toBe(2);
  });

  it("the same person twice is refused, also within one command", () => {
    const { db, m } = platform();
    attend(db, noAudit, m, ["Ingrid Hoffmann"], {}, AFTER);
    expect(cliError(() => attend(db, noAudit, m, ["Ingrid Hoffmann"], {}, AFTER)).key).toBe("error.alreadyPresent");
    expect(cliError(() => attend(db, noAudit, m, ["Yusuf Demir", "yusuf demir"], {}, AFTER)).key).toBe("error.alreadyPresent");
  });

  it("in a write transaction, an unknown second person leaves no attendance behind", () => {
    const { db, m } = platform();
    const ctx = contextFor(db);
    expect(cliError(() => ctx.write((audit) => attend(db, audit, m, ["Ingrid Hoffmann", "Niemand"], {}, AFTER))).key).toBe("error.unknownPerson");
    expect(count(db, "attendance")).toBe(0);
    expect(count(db, "audit_log")).toBe(0);
  });
});

describe("resolveMeeting", () => {
  function platform() {
    const db = freshDb();
    const past = meeting(db, { date: "2026-01-20", time: "19:00" });
    const held = meeting(db, { date: "2026-02-10", time: "19:00" });
    closeMeeting(db, noAudit, held);
    const planned = meeting(db, { date: "2026-03-17", time: "19:00" });
    const later = meeting(db, { date: "2026-04-28", time: "19:00" });
    return { db, past, held: fresh(db, held), planned, later };
  }

  it("by id, #id, next, last and a date in either form", () => {
    const { db, past, held, planned } = platform();
    expect(resolveMeeting(db, String(past.id), TODAY).id).toBe(past.id);
    expect(resolveMeeting(db, `#${held.id}`, TODAY).id).toBe(held.id);
    expect(resolveMeeting(db, "next", TODAY).id).toBe(planned.id);
    expect(resolveMeeting(db, " NEXT ", TODAY).id).toBe(planned.id);
    expect(resolveMeeting(db, "nächste", TODAY).id).toBe(planned.id);
    expect(resolveMeeting(db, "last", TODAY).id).toBe(held.id);
    expect(resolveMeeting(db, "letzte", TODAY).id).toBe(held.id);
    expect(resolveMeeting(db, "2026-01-20", TODAY).id).toBe(past.id);
    expect(resolveMeeting(db, "17.3.2026", TODAY).id).toBe(planned.id);
    expect(resolveMeeting(db, "+16d", TODAY).id).toBe(planned.id);
  });

  it("next skips cancelled meetings; last is the latest held or past one", () => {
    const { db, planned, later, held } = platform();
    cancelMeeting(db, noAudit, planned);
    expect(resolveMeeting(db, "next", TODAY).id).toBe(later.id);
    expect(resolveMeeting(db, "last", "2026-03-20").id).toBe(held.id);
    expect(resolveMeeting(db, "last", "2026-05-01").id).toBe(later.id);
  });

  it("a meeting today is both next and last; the day after it is last only", () => {
    const { db, planned, later } = platform();
    expect(resolveMeeting(db, "next", "2026-03-17").id).toBe(planned.id);
    expect(resolveMeeting(db, "last", "2026-03-17").id).toBe(planned.id);
    expect(resolveMeeting(db, "next", "2026-03-18").id).toBe(later.id);
    expect(resolveMeeting(db, "last", "2026-03-18").id).toBe(planned.id);
    expect(resolveMeeting(db, "last", "2026-03-16").id).not.toBe(planned.id);
  });

  it("two meetings on one date: the date is ambiguous and the error lists both", () => {
    const { db, planned } = platform();
    const team = meeting(db, { kind: "team", date: "2026-03-17", title: "Aktionsteam Wohnen" });
    const error = cliError(() => resolveMeeting(db, "2026-03-17", TODAY));
    expect(error.key).toBe("error.ambiguous");
    expect(error.params.candidates).toContain(`#${planned.id} kernkreis`);
    expect(error.params.candidates).toContain(`#${team.id} team Aktionsteam Wohnen`);
    expect(resolveMeeting(db, String(team.id), TODAY).id).toBe(team.id);
  });

  it.each([["99"], ["2026-05-05"], ["31.02.2026"], ["Kernkreis"], [""]])("%j is an unknown meeting", (ref) => {
    const { db } = platform();
    expect(cliError(() => resolveMeeting(db, ref, TODAY)).key).toBe("error.unknownMeeting");
  });

  it("no meeting ahead: next is unknown", () => {
    const db = freshDb();
    meeting(db, { date: "2026-01-20" });
    expect(cliError(() => resolveMeeting(db, "next", TODAY)).key).toBe("error.unknownMeeting");
  });
});

describe("the agenda: moving and removing renumbers", () => {
  const titles = (db: Db, m: Meeting) => listItems(db, m.id).map((i) => `${i.position} ${i.title}`);

  it("the standard template lays out 7 items in order", () => {
    const db = freshDb();
    const m = meeting(db, { date: "2026-03-10" }, standard());
    expect(listItems(db, m.id).map((i) => [i.position, i.type, i.duration])).toEqual([
      [1, "info", 10],
      [2, "decision", 5],
      [3, "report", 30],
      [4, "report", 15],
      [5, "decision", 20],
      [6, "info", 10],
      [7, "discussion", 10],
    ]);
  });

  it("moveItem to the front, to the end, and back", () => {
    const db = freshDb();
    const m = meeting(db, { date: "2026-03-10" }, parseTemplate("info A\ninfo B\ninfo C\ninfo D"));
    const { entries, audit } = auditLog();
    moveItem(db, audit, m, "3", "1");
    expect(titles(db, m)).toEqual(["1 C", "2 A", "3 B", "4 D"]);
    moveItem(db, audit, m, "1", "4");
    expect(titles(db, m)).toEqual(["1 A", "2 B", "3 D", "4 C"]);
    moveItem(db, audit, m, "2", "2");
    expect(titles(db, m)).toEqual(["1 A", "2 B", "3 D", "4 C"]);
    expect(entries[0]).toMatchObject({ entity: "agenda_item", action: "move", changes: { position: [3, 1] } });
  });

  it.each([["0"], ["5"], ["x"], ["-1"], [""]])("moveItem to %j is refused and changes nothing", (to) => {
    const db = freshDb();
    const m = meeting(db, { date: "2026-03-10" }, parseTemplate("info A\ninfo B\ninfo C\ninfo D"));
    expect(cliError(() => moveItem(db, noAudit, m, "1", to)).key).toBe("error.unknownItem");
    expect(cliError(() => moveItem(db, noAudit, m, to, "1")).key).toBe("error.unknownItem");
    expect(titles(db, m)).toEqual(["1 A", "2 B", "3 C", "4 D"]);
  });

  it("removeItem closes the gap; an item with notes or tasks stays", () => {
    const db = freshDb();
    const owner = person(db, "Anna Berg");
    const m = meeting(db, { date: "2026-03-10" }, parseTemplate("info A\ninfo B\ninfo C\ninfo D"));
    removeItem(db, noAudit, m, "2");
    expect(titles(db, m)).toEqual(["1 A", "2 C", "3 D"]);
    addNote(db, noAudit, m, "2", "Bericht von C");
    expect(cliError(() => removeItem(db, noAudit, m, "2")).key).toBe("error.itemHasRecords");
    addTask(db, noAudit, { title: "Einladen", owner: { kind: "person", person: owner }, due: null, meeting: m, item: "3" });
    expect(cliError(() => removeItem(db, noAudit, m, "3")).key).toBe("error.itemHasRecords");
    expect(cliError(() => removeItem(db, noAudit, m, "4")).key).toBe("error.unknownItem");
    expect(titles(db, m)).toEqual(["1 A", "2 C", "3 D"]);
    removeItem(db, noAudit, m, "1");
    expect(titles(db, m)).toEqual(["1 C", "2 D"]);
    // The task still points at its item, now number 2.
    expect(listTasks(db, { meetingId: m.id }, "").map((t) => t.item)).toEqual([2]);
  });

  it("addItem appends, validates type and duration", () => {
    const db = freshDb();
    const m = meeting(db, { date: "2026-03-10" }, standard());
    expect(addItem(db, noAudit, m, { title: "Wahl des S&F-Teams", type: "election", duration: "45" }, TODAY)).toMatchObject({ position: 8, type: "election", duration: 45 });
    expect(cliError(() => addItem(db, noAudit, m, { title: "X", type: "vote" }, TODAY)).key).toBe("error.notOneOf");
    expect(cliError(() => addItem(db, noAudit, m, { title: "X", duration: "0" }, TODAY)).key).toBe("error.invalidDuration");
    expect(cliError(() => addItem(db, noAudit, m, { title: "X", duration: "1h" }, TODAY)).key).toBe("error.invalidDuration");
    expect(cliError(() => addItem(db, noAudit, m, { title: "  " }, TODAY)).key).toBe("error.required");
    expect(listItems(db, m.id)).toHaveLength(8);
  });
});

describe("meeting fields", () => {
  it.each<[MeetingInput, string]>([
    [{ kind: "kernkreis", date: "31.02.2026" }, "error.invalidDate"],
    [{ kind: "kernkreis", date: "2026-03-10", time: "21:00", end: "19:00" }, "error.endBeforeStart"],
    [{ kind: "kernkreis", date: "2026-03-10", time: "19:00", end: "19:00" }, "error.endBeforeStart"],
    [{ kind: "kernkreis", date: "2026-03-10", time: "25:00" }, "error.invalidTime"],
    [{ kind: "party", date: "2026-03-10" }, "error.notOneOf"],
    [{ kind: "kernkreis" }, "error.required"],
    [{ kind: "kernkreis", date: "2026-03-10", chair: "Niemand" }, "error.unknownPerson"],
  ])("%j → %s", (input, key) => {
    const db = freshDb();
    expect(cliError(() => meetingFields(db, input, TODAY)).key).toBe(key);
  });

  it("an edit checks the new end against the stored start", () => {
    const db = freshDb();
    const m = meeting(db, { date: "2026-03-10", time: "19:00", end: "21:00" });
    expect(cliError(() => meetingFields(db, { end: "18:30" }, TODAY, fieldsOf(m))).key).toBe("error.endBeforeStart");
    expect(meetingFields(db, { end: "21:30", place: "Gemeindesaal" }, TODAY, fieldsOf(m))).toMatchObject({ time: "19:00", end: "21:30", place: "Gemeindesaal", date: "2026-03-10" });
  });
});

describe("the minutes: close, approve with a hash, locked, amended", () => {
  function platform() {
    const db = freshDb();
    const asw = group(db, "Alt-Schöneweide", "ASW");
    const nur = group(db, "Al-Nur", "NUR");
    const ingrid = person(db, "Ingrid Hoffmann", [asw]);
    person(db, "Yusuf Demir", [nur]);
    const first = meeting(db, { date: "2026-01-20", time: "19:00", end: "21:00", secretary: "Ingrid Hoffmann" }, standard());
    attend(db, noAudit, first, ["Ingrid Hoffmann"], {}, TODAY);
    excuse(db, noAudit, first, "NUR", TODAY);
    addNote(db, noAudit, first, "3", "Kampagne Heizkosten: 40 Unterschriften");
    addTask(db, noAudit, { title: "Flyer drucken", owner: { kind: "person", person: ingrid }, due: "2026-02-01", meeting: first, item: "3" });
    const second = meeting(db, { date: "2026-03-10", time: "19:00", end: "21:00" }, standard());
    return { db, first, second, ingrid, asw };
  }

  it("approve needs draft minutes, a later meeting, and stores approver and hash", () => {
    const { db, first, second } = platform();
    expect(cliError(() => approve(db, noAudit, first, second, null, LATER_WITHOUT_QUORUM)).key).toBe("error.minutesNotClosed");
    closeMeeting(db, noAudit, first);
    const closed = fresh(db, first);
    expect(closed).toMatchObject({ status: "held", minutes: "draft" });
    expect(cliError(() => closeMeeting(db, noAudit, closed)).key).toBe("error.cannotClose");
    expect(cliError(() => approve(db, noAudit, closed, closed, null, LATER_WITHOUT_QUORUM)).key).toBe("error.approveAtLater");
    const earlier = meeting(db, { date: "2026-01-01" });
    expect(cliError(() => approve(db, noAudit, closed, earlier, null, LATER_WITHOUT_QUORUM)).key).toBe("error.approveAtLater");

    const { entries, audit } = auditLog();
    const expectedHash = createHash("sha256").update(minutesSnapshot(db, first.id)).digest("hex");
    const fingerprint = approve(db, audit, closed, second, "TOP 3 berichtigt: 45 Unterschriften", LATER_WITHOUT_QUORUM);
    // the frozen minutes are stored, and the fingerprint is their SHA-256
    const frozen = db.prepare("SELECT model, fingerprint FROM approved_minutes WHERE meeting_id = ?").get(first.id) as { model: string; fingerprint: string };
    expect(frozen.fingerprint).toBe(fingerprint);
    expect(createHash("sha256").update(frozen.model).digest("hex")).toBe(fingerprint);
    expect(JSON.parse(frozen.model)).toMatchObject({ meeting: { id: first.id }, approval: { at: { id: second.id }, corrections: "TOP 3 berichtigt: 45 Unterschriften" } });
    const row = db.prepare("SELECT status, minutes, approved_by_id, approval_note, minutes_hash FROM meetings WHERE id = ?").get(first.id);
    expect(row).toEqual({ status: "held", minutes: "approved", approved_by_id: second.id, approval_note: "TOP 3 berichtigt: 45 Unterschriften", minutes_hash: expectedHash });
    expect(expectedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(minutesHash(db, first.id)).toBe(expectedHash);
    expect(entries).toEqual([{ entity: "meeting", id: first.id, action: "approve", changes: { at: second.id, note: "TOP 3 berichtigt: 45 Unterschriften", hash: expectedHash, fingerprint, withoutQuorum: true } }]);
    expect(fresh(db, first)).toMatchObject({ minutes: "approved", approvedBy: second.id });
    expect(cliError(() => approve(db, noAudit, fresh(db, first), second, null, LATER_WITHOUT_QUORUM)).key).toBe("error.minutesLocked");
  });

  it("the snapshot covers what the minutes are made of: a note changes the hash", () => {
    const { db, first } = platform();
    const before = minutesHash(db, first.id);
    addNote(db, noAudit, first, "1", "Vorstellungsrunde");
    expect(minutesHash(db, first.id)).not.toBe(before);
  });

  it("after approval every edit of the minutes throws error.minutesLocked and changes nothing", () => {
    const { db, first, second, ingrid, asw } = platform();
    closeMeeting(db, noAudit, first);
    approve(db, noAudit, fresh(db, first), second, null, LATER_WITHOUT_QUORUM);
    const locked = fresh(db, first);
    const hash = minutesHash(db, first.id);
    const snapshot = minutesSnapshot(db, first.id);
    const audits = count(db, "audit_log");
    person(db, "Nachzüglerin", [asw]);

    const attempts: Array<[string, () => unknown]> = [
      ["addNote", () => addNote(db, noAudit, locked, "3", "nachträglich")],
      ["addItem", () => addItem(db, noAudit, locked, { title: "Nachtrag" }, TODAY)],
      ["moveItem", () => moveItem(db, noAudit, locked, "1", "2")],
      ["removeItem", () => removeItem(db, noAudit, locked, "7")],
      ["attend", () => attend(db, noAudit, locked, ["Nachzüglerin"], {}, TODAY)],
      ["attend --guest", () => attend(db, noAudit, locked, ["Frau Gast"], { guest: true }, TODAY)],
      ["excuse", () => excuse(db, noAudit, locked, "ASW", TODAY)],
      ["editMeeting", () => editMeeting(db, noAudit, locked, meetingFields(db, { place: "Anderswo" }, TODAY, fieldsOf(locked)))],
      ["addTask --meeting", () => addTask(db, noAudit, { title: "Nachtrag", owner: { kind: "person", person: ingrid }, due: null, meeting: locked })],
    ];
    for (const [what, attempt] of attempts) expect(cliError(attempt).key, what).toBe("error.minutesLocked");
    expect(cliError(() => cancelMeeting(db, noAudit, locked)).key).toBe("error.cannotCancel");
    expect(cliError(() => closeMeeting(db, noAudit, locked)).key).toBe("error.cannotClose");
    expect(minutesSnapshot(db, first.id)).toBe(snapshot);
    expect(minutesHash(db, first.id)).toBe(hash);
    expect(count(db, "audit_log")).toBe(audits);
  });

  it("a task from approved minutes can still be done: its status is not part of the minutes", () => {
    const { db, first, second } = platform();
    closeMeeting(db, noAudit, first);
    approve(db, noAudit, fresh(db, first), second, null, LATER_WITHOUT_QUORUM);
    const task = listTasks(db, { meetingId: first.id }, "")[0]!;
    completeTask(db, noAudit, task, "2026-02-02");
    expect(getTask(db, task.id, "")).toMatchObject({ status: "done", done: "2026-02-02" });
    expect(cliError(() => completeTask(db, noAudit, getTask(db, task.id, "")!, "2026-02-03")).key).toBe("error.taskDone");
  });

  it("approving at a meeting whose own minutes are locked is refused: it would change them", () => {
    const { db, first, second } = platform();
    const third = meeting(db, { date: "2026-04-21" });
    closeMeeting(db, noAudit, second);
    approve(db, noAudit, fresh(db, second), third, null, LATER_WITHOUT_QUORUM);
    closeMeeting(db, noAudit, first);
    expect(cliError(() => approve(db, noAudit, fresh(db, first), fresh(db, second), null, LATER_WITHOUT_QUORUM)).key).toBe("error.minutesLocked");
    expect(fresh(db, first).minutes).toBe("draft");
    approve(db, noAudit, fresh(db, first), third, null, LATER_WITHOUT_QUORUM);
    expect(fresh(db, first)).toMatchObject({ minutes: "approved", approvedBy: third.id });
  });

  it("amend only after approval, dated and signed", () => {
    const { db, first, second } = platform();
    expect(cliError(() => amend(db, noAudit, first, "Korrektur", "Ingrid", "2026-03-11")).key).toBe("error.amendDraft");
    closeMeeting(db, noAudit, first);
    expect(cliError(() => amend(db, noAudit, fresh(db, first), "Korrektur", "Ingrid", "2026-03-11")).key).toBe("error.amendDraft");
    expect(count(db, "minutes_amendments")).toBe(0);
    approve(db, noAudit, fresh(db, first), second, null, LATER_WITHOUT_QUORUM);
    const hash = minutesHash(db, first.id);
    const { entries, audit } = auditLog();
    const id = amend(db, audit, fresh(db, first), "  TOP 3: es waren 45 Unterschriften ", "Ingrid", "2026-03-11");
    expect(listAmendments(db, first.id)).toEqual([{ id, text: "TOP 3: es waren 45 Unterschriften", author: "Ingrid", date: "2026-03-11" }]);
    expect(entries[0]).toMatchObject({ entity: "minutes_amendment", id, action: "add" });
    expect(cliError(() => amend(db, noAudit, fresh(db, first), "   ", "Ingrid", "2026-03-11")).key).toBe("error.required");
    // An amendment is recorded beside the minutes, not in them: the approved content keeps its hash.
    expect(minutesHash(db, first.id)).toBe(hash);
  });

  it("a cancelled meeting takes no notes, items or attendance", () => {
    const { db, second } = platform();
    cancelMeeting(db, noAudit, second);
    const cancelled = fresh(db, second);
    expect(cancelled).toMatchObject({ status: "cancelled", minutes: "none" });
    expect(cliError(() => addNote(db, noAudit, cancelled, "1", "x")).key).toBe("error.meetingCancelled");
    expect(cliError(() => addItem(db, noAudit, cancelled, { title: "x" }, TODAY)).key).toBe("error.meetingCancelled");
    expect(cliError(() => attend(db, noAudit, cancelled, ["Ingrid Hoffmann"], {}, TODAY)).key).toBe("error.meetingCancelled");
    expect(cliError(() => closeMeeting(db, noAudit, cancelled)).key).toBe("error.cannotClose");
  });
});

describe("tasks", () => {
  it("an owner name that is both a person and a group is ambiguous; a short code is not", () => {
    const db = freshDb();
    const g = group(db, "Kosmos", "KOS");
    person(db, "Kosmos");
    const error = cliError(() => resolveOwner(db, "kosmos", TODAY));
    expect(error.key).toBe("error.ambiguousOwner");
    expect(error.params.candidates).toContain("Kosmos");
    expect(resolveOwner(db, "KOS", TODAY)).toMatchObject({ kind: "group", group: { id: g.id } });
    expect(cliError(() => resolveOwner(db, "Niemand", TODAY)).key).toBe("error.unknownOwner");
  });

  it("ids are numbered per area: a bare id is ambiguous, person:<id> and group:<id> say which", () => {
    const db = freshDb();
    const g = group(db, "Alt-Schöneweide", "ASW");
    const p = person(db, "Ingrid Hoffmann", [g]);
    expect(p.id).toBe(g.id);
    const error = cliError(() => resolveOwner(db, String(p.id), TODAY));
    expect(error.key).toBe("error.ambiguousOwner");
    expect(error.hintKey).toBe("error.ambiguousOwner.hint");
    expect(error.params.candidates).toBe(`person:${p.id} Ingrid Hoffmann, group:${g.id} Alt-Schöneweide`);
    expect(resolveOwner(db, `person:${p.id}`, TODAY)).toMatchObject({ kind: "person", person: { id: p.id } });
    expect(resolveOwner(db, `GROUP: ${g.id}`, TODAY)).toMatchObject({ kind: "group", group: { id: g.id } });
    expect(resolveOwner(db, "gruppe:asw", TODAY)).toMatchObject({ kind: "group", group: { id: g.id } });
    expect(cliError(() => resolveOwner(db, "person:ASW", TODAY)).key).toBe("error.unknownPerson");
    expect(cliError(() => resolveOwner(db, "group:Ingrid Hoffmann", TODAY)).key).toBe("error.unknownGroup");
  });

  it("--item needs --meeting; an unknown item is refused", () => {
    const db = freshDb();
    const p = person(db, "Anna Berg");
    const owner = { kind: "person" as const, person: p };
    expect(cliError(() => addTask(db, noAudit, { title: "x", owner, due: null, item: "1" })).key).toBe("error.itemWithoutMeeting");
    const m = meeting(db, { date: "2026-03-10" }, standard());
    expect(cliError(() => addTask(db, noAudit, { title: "x", owner, due: null, meeting: m, item: "8" })).key).toBe("error.unknownItem");
    expect(count(db, "tasks")).toBe(0);
  });
});

describe("migration from schema 1", () => {
  it("a version-1 file with a group and a person migrates to the current schema, rows intact, backup beside it", () => {
    const path = join(tempDir(), "plattform.db");
    expect(createDataFile(path)).toBe(true);
    const old = openDataFile(path);
    migrate(old, [MIGRATIONS[0]!]);
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO settings (key, value) VALUES ('name', 'Altplattform')").run();
    old
      .prepare("INSERT INTO groups (name, name_key, short, short_key, kind, joined_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run("St. Marien", "st. marien", "MARIEN", "marien", "parish", "2020-01-15", "2020-01-15T10:00:00.000Z");
    old.prepare("INSERT INTO people (name, name_key, email, created_at) VALUES (?, ?, ?, ?)").run("Anna Berg", "anna berg", "anna@example.org", "2021-06-01T10:00:00.000Z");
    old.prepare("INSERT INTO group_roles (person_id, group_id, role, since) VALUES (1, 1, 'representative', '2021-06-01')").run();
    old.close();

    const db = track(openDataFile(path));
    prepareSchema(db, path);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    expect(db.prepare("SELECT name, short, kind, joined_on FROM groups").all()).toEqual([{ name: "St. Marien", short: "MARIEN", kind: "parish", joined_on: "2020-01-15" }]);
    expect(db.prepare("SELECT name, name_key, email FROM people").all()).toEqual([{ name: "Anna Berg", name_key: "anna berg", email: "anna@example.org" }]);
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).sort();
    for (const table of ["meetings", "agenda_items", "item_notes", "attendance", "tasks", "minutes_amendments"]) expect(tables).toContain(table);

    const backups = readdirSync(dirname(path)).filter((f) => f.startsWith(`${basename(path)}.v1-`) && f.endsWith(".bak"));
    expect(backups).toHaveLength(1);
    const backup = track(openDataFile(join(dirname(path), backups[0]!)));
    expect(schemaVersion(backup)).toBe(1);
    expect(backup.prepare("SELECT name FROM groups").pluck().all()).toEqual(["St. Marien"]);

    // The migrated file works: a meeting for the old group's representative.
    const m = meeting(db, { date: "2026-02-26" }, standard());
    attend(db, noAudit, m, ["Anna Berg"], {}, TODAY);
    expect(attendanceSummary(db, m, "").quorum).toEqual({ rule: "half", required: 1, present: 1, entitled: 1, met: true });

    // Opening it again migrates nothing and writes no second backup.
    prepareSchema(db, path);
    expect(readdirSync(dirname(path)).filter((f) => f.endsWith(".bak"))).toHaveLength(1);
    expect(existsSync(path)).toBe(true);
  });
});
