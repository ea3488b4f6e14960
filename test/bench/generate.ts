// Builds a deterministic synthetic platform of N years through the project's own store and service
// functions, in one immediate transaction (Context.write, so the audit log fills as in real use).
// Bundled with esbuild and run by test/bench/bench.mjs; not part of the CLI.
//
// Per year: 40 member groups (the previous year's groups leave when the new ones join, so about 40 are
// members at any time), 400 people with roles for them, 24 Kernkreis meetings with agenda, attendance,
// notes and approved minutes, 200 team meetings of five action teams, 500 tasks, 60 votes, one election
// of the Strategy & Finance team, and (test/bench/extras.ts) 2,000 conversations, 50 applications and
// 1,000 income rows. The "current" picture (open tasks, draft minutes, member groups) stays the same
// size however many years there are: only history grows.
import { Context, type AuditEntry } from "../../src/core/context.js";
import { isServerUrl } from "../../src/core/config.js";
import { shiftDate } from "../../src/core/dates.js";
import { createDataFile, migrate, openDataFile, type Db } from "../../src/core/db.js";
import { getGroup, insertGroup } from "../../src/groups/store.js";
import type { GroupKind } from "../../src/groups/model.js";
import type { Meeting } from "../../src/meetings/model.js";
import { attendanceSummary, minutesHash } from "../../src/meetings/service.js";
import { freezeMinutes } from "../../src/reports/frozen.js";
import { approveMinutes, getMeeting, insertAttendance, insertItem, insertMeeting, insertNote, setMeetingState, type MeetingFields } from "../../src/meetings/store.js";
import { insertPerson, insertRole, getPerson } from "../../src/people/store.js";
import type { Role } from "../../src/people/model.js";
import { defaultSettings } from "../../src/platform/settings.js";
import { writeSettings } from "../../src/platform/store.js";
import { insertTask, markDone } from "../../src/tasks/store.js";
import type { Team } from "../../src/teams/model.js";
import { insertTeam, teamOfKind } from "../../src/teams/store.js";
import { closeVote, openVote } from "../../src/votes/service.js";
import { getVote, insertCast, setCounts } from "../../src/votes/store.js";
import { acceptCandidacy, addElection, castBallots, certify, countElection, nominate, recordTally } from "../../src/elections/service.js";
import { getElection, listCandidates } from "../../src/elections/store.js";
import { extraAreas } from "./extras.js";

type Audit = (entry: AuditEntry) => void;

export interface GenerateOptions {
  years: number;
  /** the platform's "today" (PLATTFORM_TODAY when timing it) */
  today: string;
  seed: number;
}

export interface Generated {
  years: number;
  counts: Record<string, number>;
}

/** Hooks for areas that may or may not exist yet; see generateExtras at the bottom. */
export interface ExtraArea {
  name: string;
  perYear: (ctx: YearContext) => void;
}

export interface YearContext {
  db: Db;
  audit: Audit;
  random: Random;
  year: number;
  from: string;
  until: string;
  today: string;
  groupIds: number[];
  personIds: number[];
  count: (what: string, n?: number) => void;
}

/** mulberry32: small, fast and good enough to make the same platform from the same seed. */
export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** k distinct elements, in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    for (let i = 0; i < Math.min(k, copy.length); i++) {
      const j = i + this.int(copy.length - i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  }
}

const FIRST = [
  "Anna", "Ahmet", "Birgit", "Can", "Claudia", "Dariusz", "Elif", "Emma", "Fatma", "Felix", "Grażyna", "Hannah", "Hatice",
  "Ingrid", "Ivan", "Jonas", "Julia", "Kemal", "Lea", "Leon", "Lukas", "Maria", "Mehmet", "Miriam", "Nguyen", "Noah",
  "Olga", "Paul", "Rania", "Sabine", "Samir", "Sophie", "Thomas", "Uwe", "Viktor", "Yusuf", "Zeynep", "Ali", "Bernd", "Chiara",
];
const LAST = [
  "Schmidt", "Müller", "Kaya", "Demir", "Hoffmann", "Nowak", "Yılmaz", "Weber", "Wagner", "Becker", "Schulz", "Koch",
  "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
  "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Şahin", "Tran", "Öztürk", "Kowalski", "Rosenthal", "Berger",
  "Wójcik", "Arslan", "Popescu", "Haddad", "Fischer",
];
const INITIALS = "ABCDEFGHJKLMNOPRSTUVWZ";
const NAME_SPACE = FIRST.length * INITIALS.length * LAST.length;

/** A unique, readable name for every index below NAME_SPACE (35,200); indexes are spread over the space. */
export function personName(index: number): string {
  const i = (index * 7919) % NAME_SPACE; // 7919 is prime and does not divide NAME_SPACE: a permutation
  const first = FIRST[i % FIRST.length]!;
  const initial = INITIALS[Math.floor(i / FIRST.length) % INITIALS.length]!;
  const last = LAST[Math.floor(i / (FIRST.length * INITIALS.length)) % LAST.length]!;
  return `${first} ${initial}. ${last}`;
}

const GROUP_KINDS: GroupKind[] = ["parish", "mosque", "synagogue", "school", "tenants", "migrants", "sports", "union", "culture", "social", "other"];
const GROUP_WORDS = ["St. Josef", "Al-Nur", "Kosmosviertel", "Weiße Siedlung", "Dahmestraße", "Gropiusstadt", "Rixdorf", "Alt-Glienicke", "Adlershof", "Köpenick"];
const PLACES = ["Gemeindesaal St. Josef", "Moscheeverein Al-Nur", "Nachbarschaftshaus Süd", "Aula der Gemeinschaftsschule"];
const TEAMS = ["Aktionsteam Wohnen", "Aktionsteam Schulwege", "Aktionsteam Pflege", "Aktionsteam Heizkosten", "Zuhörteam"];
const AGENDA: Array<[string, "info" | "decision" | "report" | "discussion", number]> = [
  ["Begrüßung und Vorstellungsrunde", "info", 10],
  ["Genehmigung des Protokolls der letzten Sitzung", "decision", 5],
  ["Berichte aus den Kampagnen und Aktionsteams", "report", 30],
  ["Finanzen und Fundraising", "report", 15],
  ["Beschlüsse", "decision", 20],
  ["Termine", "info", 10],
];
const NOTES = [
  "Kampagne Heizkosten: 412 Unterschriften gesammelt, Übergabe an die Bezirksbürgermeisterin ist geplant.",
  "Aktionsteam Schulwege: Die Ampel an der Dahmestraße ist zugesagt, Umsetzung bis zum Sommer.",
  "Aktionsteam Wohnen: Hausversammlungen in der Weißen Siedlung, 38 Haushalte beteiligt.",
  "Zuhörkampagne: 214 Einzelgespräche seit dem Frühjahr; am häufigsten genannt: Mieten, Schulen, Pflege.",
  "Antrag bei der Stiftung Nachbarschaft über 45.000 € ist eingereicht.",
];

export const PER_YEAR = {
  groups: 40,
  people: 400,
  kernkreis: 24,
  teamMeetings: 200,
  conversations: 2000,
  tasks: 500,
  votes: 60,
  elections: 1,
  applications: 50,
  income: 1000,
} as const;

/** Creates `path` (which must not exist) and fills it; `extras` default to conversations and fundraising. */
export function generatePlatform(path: string, options: GenerateOptions, extras: ExtraArea[] = extraAreas()): Generated {
  // a server database (the test run's stand-in for a file) exists already, with the schema and no platform
  if (!isServerUrl(path) && !createDataFile(path)) throw new Error(`${path} exists already`);
  const db = openDataFile(path);
  try {
    migrate(db);
    const ctx = new Context({ as: "bench" }, ["bench", "generate", `--years=${options.years}`], process.env, { path, source: "flag" });
    ctx.useDb(db);
    const counts: Record<string, number> = {};
    ctx.write((audit) => {
      writeSettings(db, defaultSettings(`Benchmark-Plattform ${options.years} J.`, "de"));
      generateYears(db, audit, options, counts, extras);
    });
    return { years: options.years, counts };
  } finally {
    db.close();
  }
}

function generateYears(db: Db, audit: Audit, options: GenerateOptions, counts: Record<string, number>, extras: ExtraArea[]): void {
  const random = new Random(options.seed);
  const count = (what: string, n = 1) => (counts[what] = (counts[what] ?? 0) + n);
  const start = shiftDate(options.today, -options.years, "y");
  const sf = teamOfKind(db, "strategy-finance")!;
  const teamIds = TEAMS.map((name, i) => {
    const id = insertTeam(db, { name, short: `team-${i + 1}`, kind: "action" });
    audit({ entity: "team", id, action: "add", changes: { name } });
    return id;
  });
  let previousKernkreis: Meeting | undefined;
  const previousTeamMeeting = new Map<number, Meeting>();
  let personIndex = 0;

  for (let year = 0; year < options.years; year++) {
    const from = shiftDate(start, year, "y");
    const until = shiftDate(start, year + 1, "y");
    const last = year === options.years - 1;
    // ---- groups and people: this year's member groups; they leave when next year's join
    const groupIds: number[] = [];
    const representatives: number[] = [];
    const personIds: number[] = [];
    for (let g = 0; g < PER_YEAR.groups; g++) {
      const name = `${random.pick(GROUP_WORDS)} ${year + 1}-${g + 1}`;
      const fields = {
        name,
        short: `G${year + 1}-${g + 1}`,
        kind: random.pick(GROUP_KINDS),
        joined: from,
        left: last ? null : until,
        email: `kontakt${year}-${g}@example.org`,
        phone: null,
        notes: null,
        iban: null,
      };
      const id = insertGroup(db, fields);
      audit({ entity: "group", id, action: "add", changes: fields });
      groupIds.push(id);
      for (let p = 0; p < PER_YEAR.people / PER_YEAR.groups; p++) {
        const person = { name: personName(personIndex++), email: `person${personIndex}@example.org`, phone: null, notes: null };
        const pid = insertPerson(db, person);
        audit({ entity: "person", id: pid, action: "add", changes: person });
        const role: Role = p === 0 ? "representative" : p < 3 ? "key-person" : "member";
        const rid = insertRole(db, pid, id, role, from);
        if (!last) db.prepare("UPDATE group_roles SET until = ? WHERE id = ?").run(until, rid);
        audit({ entity: "group_role", id: rid, action: "link", changes: { person: pid, group: id, role, since: from } });
        personIds.push(pid);
        if (p === 0) representatives.push(pid);
      }
    }
    count("groups", PER_YEAR.groups);
    count("people", PER_YEAR.people);

    // ---- Kernkreis meetings, every ~15 days; the last one before today stays in draft
    const kernkreisDates = Array.from({ length: PER_YEAR.kernkreis }, (_, i) => shiftDate(from, 3 + Math.floor((i * 365) / PER_YEAR.kernkreis), "d"));
    const taskMeetings: Array<{ meeting: Meeting; itemId: number }> = [];
    const votesHere = spread(PER_YEAR.votes, PER_YEAR.kernkreis);
    const kernkreisApprovals: Array<[number, number]> = [];
    const electionAt = 12;
    kernkreisDates.forEach((date, i) => {
      const meeting = kernkreis(db, audit, random, date, personIds);
      const items = AGENDA.map(([title, type, duration], position) => {
        const id = insertItem(db, meeting.id, { position: position + 1, title, type, presenterId: random.pick(personIds), duration });
        return id;
      });
      count("agendaItems", items.length);
      const present = attendKernkreis(db, audit, random, meeting, groupIds, representatives);
      count("attendance", present.length);
      for (const itemId of items.slice(2, 4)) {
        insertNote(db, itemId, random.pick(NOTES));
        count("notes");
      }
      taskMeetings.push({ meeting, itemId: items[4]! });
      for (let v = 0; v < votesHere[i]!; v++) vote(db, audit, random, meeting, present, v);
      count("votes", votesHere[i]!);
      if (i === electionAt) {
        election(db, audit, random, meeting, sf, present, personIds, options.today);
        count("elections");
      }
      setMeetingState(db, meeting.id, "held", "draft");
      audit({ entity: "meeting", id: meeting.id, action: "close" });
      // Approved once the year's tasks are recorded (below): approved minutes gain nothing afterwards.
      if (previousKernkreis) kernkreisApprovals.push([previousKernkreis.id, meeting.id]);
      previousKernkreis = getMeeting(db, meeting.id)!;
    });
    count("kernkreis", PER_YEAR.kernkreis);

    // ---- team meetings: five teams, 40 meetings each
    for (let m = 0; m < PER_YEAR.teamMeetings; m++) {
      const t = m % teamIds.length;
      const date = shiftDate(from, 1 + Math.floor((m * 363) / PER_YEAR.teamMeetings), "d");
      const id = insertMeeting(db, meetingFields({ kind: "team", date, time: "18:00", end: "19:30", place: random.pick(PLACES), team: TEAMS[t]!, teamId: teamIds[t]! }));
      audit({ entity: "meeting", id, action: "add", changes: { kind: "team", date } });
      const itemId = insertItem(db, id, { position: 1, title: "Stand der Kampagne", type: "report", presenterId: null, duration: 30 });
      insertItem(db, id, { position: 2, title: "Nächste Schritte", type: "discussion", presenterId: null, duration: 30 });
      insertNote(db, itemId, random.pick(NOTES));
      for (const pid of random.sample(personIds, 5)) insertAttendance(db, id, "present", pid, null, null);
      setMeetingState(db, id, "held", "draft");
      const earlier = previousTeamMeeting.get(t);
      if (earlier) approve(db, audit, earlier, getMeeting(db, id)!);
      previousTeamMeeting.set(t, getMeeting(db, id)!);
    }
    count("teamMeetings", PER_YEAR.teamMeetings);

    // ---- tasks: from the Kernkreis meetings; all done in past years, about 40 open (12 overdue) now
    for (let k = 0; k < PER_YEAR.tasks; k++) {
      const { meeting, itemId } = taskMeetings[k % taskMeetings.length]!;
      const due = shiftDate(meeting.date, 7 + random.int(60), "d");
      const byGroup = random.chance(0.2);
      const id = insertTask(db, {
        title: `Aufgabe ${year + 1}.${k + 1}: ${random.pick(["Saal reservieren", "Flyer drucken", "Gespräch führen", "Antrag schreiben", "Protokoll verschicken"])}`,
        ownerPersonId: byGroup ? null : random.pick(personIds),
        ownerGroupId: byGroup ? random.pick(groupIds) : null,
        due,
        meetingId: meeting.id,
        itemId,
      });
      audit({ entity: "task", id, action: "add", changes: { meeting: meeting.id, due } });
      const open = last && (due >= options.today ? k % 3 !== 0 : k % 40 === 0);
      if (!open) markDone(db, id, due < options.today ? due : shiftDate(options.today, -1, "d"));
    }
    count("tasks", PER_YEAR.tasks);
    for (const [approved, at] of kernkreisApprovals.splice(0)) approve(db, audit, getMeeting(db, approved)!, getMeeting(db, at)!);

    for (const extra of extras) extra.perYear({ db, audit, random, year, from, until, today: options.today, groupIds, personIds, count });
  }

  // ---- the next Kernkreis, two weeks ahead, with its agenda
  const next = kernkreis(db, audit, random, shiftDate(options.today, 14, "d"), []);
  AGENDA.forEach(([title, type, duration], position) => insertItem(db, next.id, { position: position + 1, title, type, presenterId: null, duration }));
  count("kernkreis");
}

/** n things spread over k slots as evenly as whole numbers allow. */
function spread(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(((i + 1) * n) / k) - Math.floor((i * n) / k));
}

function meetingFields(f: Partial<MeetingFields> & Pick<MeetingFields, "kind" | "date">): MeetingFields {
  return {
    title: null,
    time: null,
    end: null,
    place: null,
    team: null,
    teamId: null,
    chairId: null,
    secretaryId: null,
    invited: null,
    ...f,
  };
}

function kernkreis(db: Db, audit: Audit, random: Random, date: string, people: number[]): Meeting {
  const fields = meetingFields({
    kind: "kernkreis",
    date,
    time: "19:00",
    end: "21:00",
    place: random.pick(PLACES),
    chairId: people.length ? random.pick(people) : null,
    secretaryId: people.length ? random.pick(people) : null,
    invited: shiftDate(date, -14, "d"),
  });
  const id = insertMeeting(db, fields);
  audit({ entity: "meeting", id, action: "add", changes: fields });
  return getMeeting(db, id)!;
}

/** About 28 of the 40 groups come, each with its representative; four send an excuse; one guest. */
function attendKernkreis(db: Db, audit: Audit, random: Random, meeting: Meeting, groupIds: number[], representatives: number[]): number[] {
  const order = random.sample(
    groupIds.map((g, i) => i),
    groupIds.length,
  );
  const present = order.slice(0, 26 + random.int(5));
  for (const i of present) {
    const id = insertAttendance(db, meeting.id, "present", representatives[i]!, groupIds[i]!, null);
    audit({ entity: "attendance", id, action: "attend", changes: { meeting: meeting.id, person: representatives[i], group: groupIds[i] } });
  }
  for (const i of order.slice(present.length, present.length + 4)) insertAttendance(db, meeting.id, "excused", null, groupIds[i]!, null);
  insertAttendance(db, meeting.id, "guest", null, null, "Gast der Stadtteilzeitung");
  return present.map((i) => groupIds[i]!);
}

function vote(db: Db, audit: Audit, random: Random, meeting: Meeting, present: number[], n: number): void {
  const mode = n % 10 < 6 ? "roll-call" : n % 10 < 9 ? "count" : "secret";
  const id = openVote(db, audit, meeting, { motion: `Die Plattform unterstützt Antrag ${meeting.id}/${n + 1}.`, item: "5", mode }, meeting.date);
  if (mode === "roll-call") {
    for (const groupId of present) {
      const choice = random.chance(0.7) ? "yes" : random.chance(0.5) ? "no" : "abstain";
      const castId = insertCast(db, id, groupId, choice);
      audit({ entity: "vote_cast", id: castId, action: "cast", changes: { vote: id, group: groupId, choice } });
    }
  } else {
    const yes = Math.floor(present.length * 0.6);
    setCounts(db, id, { yes, no: present.length - yes - 2, abstain: 2 });
  }
  closeVote(db, audit, getVote(db, id)!);
}

function election(db: Db, audit: Audit, random: Random, meeting: Meeting, team: Team, present: number[], personIds: number[], today: string): void {
  const id = addElection(db, audit, { meeting, team, seats: "5", defaultTermMonths: 12, item: "5" });
  const candidates = random.sample(personIds, 8);
  for (const pid of candidates) {
    const person = getPerson(db, pid, meeting.date)!;
    nominate(db, audit, getElection(db, id)!, person, null);
  }
  for (const c of listCandidates(db, id)) acceptCandidacy(db, audit, getElection(db, id)!, c);
  const names = candidates.map((pid) => getPerson(db, pid, meeting.date)!.name!);
  // One pile, as a server takes secret ballots (and a file alike).
  const groups = present.map((groupId) => getGroup(db, groupId, meeting.date)!);
  castBallots(db, audit, getElection(db, id)!, groups, groups.map(() => random.sample(names, 3 + random.int(5))), meeting.date, "?");
  const counted = countElection(db, getElection(db, id)!, 1);
  recordTally(db, audit, getElection(db, id)!, counted.tally);
  certify(db, audit, getElection(db, id)!, team, today < meeting.date ? meeting.date : today, "?");
}

function approve(db: Db, audit: Audit, meeting: Meeting, at: Meeting): void {
  const hash = minutesHash(db, meeting.id);
  // As `meetings approve --without-quorum` would: an approving meeting without a quorum is stated as such.
  const withoutQuorum = !attendanceSummary(db, at, "").quorum.met;
  approveMinutes(db, meeting.id, at.id, null, hash, withoutQuorum);
  const fingerprint = freezeMinutes(db, meeting.id, "de", "(vergessen)");
  audit({ entity: "meeting", id: meeting.id, action: "approve", changes: { at: at.id, hash, fingerprint, ...(withoutQuorum ? { withoutQuorum } : {}) } });
}

/** The 10,000-people CSV for the import benchmark: names that the generated platforms do not use. */
export function peopleCsv(rows: number, groupShorts: string[], seed: number): string {
  const random = new Random(seed);
  const lines = ["name,email,phone,group,role,since,notes"];
  for (let i = 0; i < rows; i++) {
    const role = i % 10 === 0 ? "key-person" : "member";
    lines.push([personName(20_000 + i), `import${i}@example.org`, `+49 30 ${1000000 + i}`, random.pick(groupShorts), role, "2026-01-01", ""].join(","));
  }
  return `${lines.join("\n")}\n`;
}
