// The demo's elections and decisions: last year's election of the Strategy & Finance team at the first Kernkreis
// of the demo year (Scottish STV, 5 seats, 8 candidates, secret ballots from 11 of the groups present, counted and
// certified; the previous team's term ends that day), and a handful of decisions in later meetings. Everything is
// fixed by the meeting's index (no randomness: the count needs no lot) and goes through the areas' service
// functions, inside the demo's one write transaction, while each meeting's minutes are still open.
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { resolveGroup } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { addItem, moveItem } from "../meetings/index.js";
import { getMeeting } from "../meetings/index.js";
import { resolvePerson } from "../people/index.js";
import { readSettings } from "../platform/index.js";
import {
  acceptCandidacy,
  addElection,
  castBallots,
  certify,
  countElection,
  nominate,
  recordTally,
  resolveCandidate,
  resolveElection,
  votingGroups,
} from "../elections/index.js";
import { STRATEGY_FINANCE } from "../teams/index.js";
import { joinTeam, resolveTeam } from "../teams/index.js";
import { castVote, closeVote, countVote, openVote, resolveVote } from "../votes/index.js";

type Audit = (entry: AuditEntry) => void;

/** The meeting (by index in the demo year) at which the Strategy & Finance team was elected. */
export const ELECTION_MEETING = 0;

/** The candidates, each nominated by their own group. */
const CANDIDATES: Array<[string, string]> = [
  ["Ingrid Hoffmann", "ASW"],
  ["Yusuf Demir", "NUR"],
  ["Hatice Kaya", "KOSMOS"],
  ["Miriam Rosenthal", "SPREE"],
  ["Tomasz Kowalski", "POLKO"],
  ["Birgit Neumann", "VERDI"],
  ["Olga Petrenko", "NBH"],
  ["Rania Khalil", "AMAL"],
];

/**
 * The 11 ballots, as candidate indices in order of preference, cast by the first 11 groups present (by id): a
 * count with surpluses, exclusions and the rule for the last seat, and no tie.
 */
const RANKINGS = [
  [2, 3, 6],
  [1, 3, 2],
  [4, 3, 1, 5, 2],
  [5, 3, 1],
  [2, 3, 1],
  [1, 3, 2],
  [6, 3, 1, 5, 2],
  [1, 6, 2, 4, 5],
  [1, 5, 3, 7, 6],
  [3, 2, 4, 1],
  [5, 6, 1],
];

/** The team elected the year before: their term runs out at this election. */
const PREVIOUS_TEAM: Array<[string, "lead" | "member"]> = [
  ["Ingrid Hoffmann", "lead"],
  ["Yusuf Demir", "member"],
  ["Sabine Wójcik", "member"],
  ["Tomasz Kowalski", "member"],
  ["Renate Schulze", "member"],
];

const TEXTS: Record<Lang, { electionItem: string; motions: string[] }> = {
  de: {
    electionItem: "Wahl des Strategie- und Finanzteams",
    motions: [
      "Die Plattform tritt dem Bündnis „Bezahlbare Energie Südost“ bei.",
      "Die große Versammlung findet im Herbst in der Aula der Gemeinschaftsschule am Wuhlepark statt.",
      "Der Mitgliedsbeitrag steigt ab dem nächsten Jahr auf 120 € je Gruppe.",
      "Die Plattform gründet ein Aktionsteam Pflege.",
    ],
  },
  en: {
    electionItem: "Election of the Strategy & Finance team",
    motions: [
      "The platform joins the alliance “Affordable Energy South-East”.",
      "The large public assembly takes place in the autumn in the hall of the Gemeinschaftsschule am Wuhlepark.",
      "From next year the dues rise to 120 € per group.",
      "The platform founds an action team on care.",
    ],
  },
};

/** Records the election at the meeting of index ELECTION_MEETING and decisions at some others. */
export function seedElectionsAndDecisions(db: Db, audit: Audit, lang: Lang, meeting: Meeting, index: number, today: string): void {
  if (index === ELECTION_MEETING) seedElection(db, audit, lang, meeting, today);
  seedDecisions(db, audit, lang, meeting, index, today);
}

function seedElection(db: Db, audit: Audit, lang: Lang, meeting: Meeting, today: string): void {
  const forgotten = "";
  const team = resolveTeam(db, STRATEGY_FINANCE);
  // The previous term, from the election a year before; it ends when this one is certified.
  for (const [name, role] of PREVIOUS_TEAM)
    joinTeam(db, audit, team, resolvePerson(db, name, today), { role, from: shiftDate(meeting.date, -12, "m"), until: null }, forgotten);

  const item = addItem(db, audit, meeting, { title: TEXTS[lang].electionItem, type: "election", duration: "30" }, today);
  moveItem(db, audit, getMeeting(db, meeting.id)!, String(item.position), "5");
  const id = addElection(db, audit, {
    meeting: getMeeting(db, meeting.id)!,
    team,
    seats: "5",
    method: "scottish-stv",
    item: "5",
    defaultTermMonths: readSettings(db)["term-months"],
  });
  for (const [name, group] of CANDIDATES) {
    nominate(db, audit, resolveElection(db, String(id)), resolvePerson(db, name, today), resolveGroup(db, group, today));
    acceptCandidacy(db, audit, resolveElection(db, String(id)), resolveCandidate(db, resolveElection(db, String(id)), name, today));
  }

  const voters = votingGroups(db, getMeeting(db, meeting.id)!, forgotten).sort((a, b) => a.groupId - b.groupId);
  // One pile, as `meetings run` casts it: the way that keeps ballots secret on a server too.
  const cast = RANKINGS.slice(0, voters.length);
  const groups = cast.map((_, k) => resolveGroup(db, String(voters[k]!.groupId), today));
  castBallots(db, audit, resolveElection(db, String(id)), groups, cast.map((ranking) => ranking.map((c) => CANDIDATES[c]![0])), today, forgotten);

  const { tally } = countElection(db, resolveElection(db, String(id)), undefined);
  recordTally(db, audit, resolveElection(db, String(id)), tally);
  certify(db, audit, resolveElection(db, String(id)), team, meeting.date, forgotten);
}

/** Four decisions: two roll calls, a show of hands and a secret vote (which misses its two-thirds majority). */
function seedDecisions(db: Db, audit: Audit, lang: Lang, meeting: Meeting, index: number, today: string): void {
  const motions = TEXTS[lang].motions;
  const at = [1, 3, 5, 6].indexOf(index);
  if (at < 0) return;
  const voters = votingGroups(db, meeting, "").sort((a, b) => a.groupId - b.groupId);
  const present = voters.length;
  const open = (mode: "roll-call" | "count" | "secret", mover: string, majority?: string, base?: string) =>
    resolveVote(db, String(openVote(db, audit, meeting, { motion: motions[at]!, item: "5", mover, mode, majority, base }, today)));
  switch (at) {
    case 0: {
      const vote = open("roll-call", "group:KOSMOS");
      voters.forEach((g, k) => castVote(db, audit, vote, resolveGroup(db, String(g.groupId), today), k % 5 === 3 ? "abstain" : k % 7 === 5 ? "no" : "yes"));
      closeVote(db, audit, resolveVote(db, String(vote.id)));
      break;
    }
    case 1: {
      const vote = open("count", "group:WUHLE");
      countVote(db, audit, vote, { yes: present - 1, no: 0, abstain: 1 });
      closeVote(db, audit, resolveVote(db, String(vote.id)));
      break;
    }
    case 2: {
      const vote = open("secret", "person:Olga Petrenko", "two-thirds", "present");
      const yes = Math.floor((2 * present) / 3) - 1;
      countVote(db, audit, vote, { yes, no: present - yes - 1, abstain: 1 });
      closeVote(db, audit, resolveVote(db, String(vote.id)));
      break;
    }
    case 3: {
      const vote = open("roll-call", "group:VERDI");
      voters.forEach((g, k) => castVote(db, audit, vote, resolveGroup(db, String(g.groupId), today), k % 4 === 2 ? "abstain" : "yes"));
      closeVote(db, audit, resolveVote(db, String(vote.id)));
      break;
    }
  }
}
