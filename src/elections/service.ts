// Elections of a team by the Kernkreis: add, nominate, accept/withdraw, secret ballots, BLT import, count, certify.
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { isServer } from "../core/engine.js";
import { CliError, dateParam, term } from "../core/errors.js";
import { nameKey, oneOf } from "../core/validate.js";
import { isMemberOn, type Group } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { attendanceSummary, currentMeeting, ensureEditable, ensureTakenPlace, itemAt } from "../meetings/index.js";
import { getMeeting } from "../meetings/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import type { Team } from "../teams/index.js";
import { startTerm } from "../teams/index.js";
import { countApproval, type ApprovalBallot } from "./approval.js";
import type { BltElection } from "./blt.js";
import {
  countBallots,
  getElection,
  insertBallot,
  insertCandidate,
  insertElection,
  insertReceipt,
  hasReceipt,
  listBallots,
  listCandidates,
  listElections,
  markCertified,
  METHODS,
  resealBallotBox,
  setCandidateStatus,
  setSource,
  storeTally,
  votedGroups,
  type Candidate,
  type Election,
  type Method,
} from "./store.js";
import { countScottishStv } from "./stv.js";
import type { CountInput, RankedBallot, Tally } from "./tally.js";
import { countYesNoAbstain, parseAnswer, type Answer, type YesNoAbstainBallot } from "./yesNoAbstain.js";

type Audit = (entry: AuditEntry) => void;

export function resolveElection(db: Db, ref: string): Election {
  const value = ref.trim();
  const election = /^#?\d{1,9}$/.test(value) ? getElection(db, Number(value.replace("#", ""))) : undefined;
  if (!election) throw new CliError("error.elections.unknownElection", { ref }, 1, "error.elections.unknownElection.hint");
  return election;
}

/**
 * The election as the file holds it now: a write checks its rules on this copy, inside its transaction, so that a
 * ballot arriving after the count (or a count while a ballot waits for the lock) is refused, never lost.
 */
function currentElection(db: Db, election: Election): Election {
  const now = getElection(db, election.id);
  if (!now) throw new CliError("error.elections.unknownElection", { ref: `#${election.id}` }, 1, "error.elections.unknownElection.hint");
  return now;
}

function meetingOf(db: Db, election: Election): Meeting {
  return getMeeting(db, election.meetingId)!;
}

/** An election's record belongs to its meeting's minutes: once they are approved, it is locked. */
function ensureUnlocked(db: Db, election: Election): Meeting {
  const meeting = meetingOf(db, election);
  ensureEditable(meeting);
  return meeting;
}

function ensureOpen(election: Election): void {
  if (election.status === "certified") throw new CliError("error.elections.electionCertified", { id: election.id });
  if (election.status === "counted") throw new CliError("error.elections.electionCounted", { id: election.id }, 1, "error.elections.electionCounted.hint");
}

/** How a candidate appears in counts, lists and minutes. */
export function candidateName(c: Pick<Candidate, "name" | "personId">, forgottenLabel: string): string {
  return c.name ?? `${forgottenLabel} #${c.personId}`;
}

// ---- add, nominate, accept, withdraw

export interface ElectionInput {
  meeting: Meeting;
  team: Team;
  seats: string;
  method?: string;
  termMonths?: string;
  item?: string;
  defaultTermMonths: number;
}

export function addElection(db: Db, audit: Audit, input: ElectionInput): number {
  const { team } = input;
  const meeting = currentMeeting(db, input.meeting);
  ensureEditable(meeting);
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  if (!/^\d{1,2}$/.test(input.seats.trim()) || Number(input.seats) < 1) throw new CliError("error.elections.invalidSeats", { value: input.seats });
  const seats = Number(input.seats);
  const method: Method = input.method !== undefined ? oneOf(input.method, METHODS, "--method") : "scottish-stv";
  let termMonths = input.defaultTermMonths;
  if (input.termMonths !== undefined) {
    if (!/^\d{1,2}$/.test(input.termMonths.trim()) || Number(input.termMonths) < 1 || Number(input.termMonths) > 60)
      throw new CliError("error.elections.invalidTermMonths", { value: input.termMonths });
    termMonths = Number(input.termMonths);
  }
  const itemId = input.item !== undefined ? itemAt(db, meeting, input.item).id : null;
  const id = insertElection(db, { meetingId: meeting.id, itemId, teamId: team.id, seats, method, termMonths });
  audit({ entity: "election", id, action: "add", changes: { meeting: meeting.id, team: team.id, seats, method, termMonths, item: itemId } });
  return id;
}

function ballotsStarted(db: Db, election: Election): boolean {
  return election.source !== null || countBallots(db, election.id) > 0 || votedGroups(db, election.id).length > 0;
}

export function nominate(db: Db, audit: Audit, election: Election, person: Person, by: Group | null): number {
  election = currentElection(db, election);
  const meeting = ensureUnlocked(db, election);
  ensureOpen(election);
  if (ballotsStarted(db, election)) throw new CliError("error.elections.nominationsClosed", { id: election.id });
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  if (listCandidates(db, election.id).some((c) => c.personId === person.id))
    throw new CliError("error.elections.alreadyCandidate", { person: person.name!, id: election.id });
  if (by && !isMemberOn(by, meeting.date)) throw new CliError("error.elections.groupNotMember", { group: by.name, date: dateParam(meeting.date) });
  const id = insertCandidate(db, election.id, person.id, by?.id ?? null);
  audit({ entity: "candidate", id, action: "nominate", changes: { election: election.id, person: person.id, by: by?.id ?? null } });
  return id;
}

/** The candidate a user means: a person (by id or name) who stands in this election. */
export function resolveCandidate(db: Db, election: Election, ref: string, today: string): Candidate {
  const person = resolvePerson(db, ref, today);
  const candidate = listCandidates(db, election.id).find((c) => c.personId === person.id);
  if (!candidate) throw new CliError("error.elections.notCandidate", { person: person.name ?? `#${person.id}`, id: election.id }, 1, "error.elections.notCandidate.hint");
  return candidate;
}

export function acceptCandidacy(db: Db, audit: Audit, election: Election, candidate: Candidate): void {
  election = currentElection(db, election);
  ensureUnlocked(db, election);
  if (election.status === "certified") throw new CliError("error.elections.electionCertified", { id: election.id });
  if (candidate.status === "withdrawn") throw new CliError("error.elections.candidateWithdrawn", { person: candidate.name ?? `#${candidate.personId}` });
  if (candidate.status === "accepted") throw new CliError("error.elections.alreadyAccepted", { person: candidate.name ?? `#${candidate.personId}` });
  setCandidateStatus(db, candidate.id, "accepted");
  audit({ entity: "candidate", id: candidate.id, action: "accept", changes: { election: election.id, person: candidate.personId } });
}

export function withdrawCandidacy(db: Db, audit: Audit, election: Election, candidate: Candidate): void {
  election = currentElection(db, election);
  ensureUnlocked(db, election);
  ensureOpen(election);
  if (candidate.status === "withdrawn") throw new CliError("error.elections.candidateWithdrawn", { person: candidate.name ?? `#${candidate.personId}` });
  setCandidateStatus(db, candidate.id, "withdrawn");
  audit({ entity: "candidate", id: candidate.id, action: "withdraw", changes: { election: election.id, person: candidate.personId } });
}

// ---- ballots

/** The member groups present at the election's meeting: the ones that may cast a ballot. */
export function votingGroups(db: Db, meeting: Meeting, forgottenLabel: string): Array<{ groupId: number; group: string }> {
  return attendanceSummary(db, meeting, forgottenLabel)
    .present.filter((p) => p.entitled)
    .map((p) => ({ groupId: p.groupId, group: p.group }));
}

/** A choice on the command line names a candidate: a person's id or name, who stands and has not withdrawn. */
function choiceCandidate(candidates: Candidate[], ref: string, db: Db, today: string, electionId: number): Candidate {
  let person: Person;
  try {
    person = resolvePerson(db, ref, today);
  } catch (error) {
    if (error instanceof CliError && error.key === "error.unknownPerson") throw new CliError("error.elections.unknownCandidate", { ref, id: electionId }, 1, "error.elections.unknownCandidate.hint");
    throw error;
  }
  const candidate = candidates.find((c) => c.personId === person.id);
  if (!candidate) throw new CliError("error.elections.unknownCandidate", { ref, id: electionId }, 1, "error.elections.unknownCandidate.hint");
  if (candidate.status === "withdrawn") throw new CliError("error.elections.candidateWithdrawn", { person: candidate.name ?? ref });
  return candidate;
}

/**
 * Turns the choices typed for a ballot into its stored content (JSON of candidate ids):
 * STV a ranking `[3,1,2]`, approval the marks `[1,3]` (sorted), yes/no/abstain `{"1":"yes","3":"no"}`.
 */
export function ballotContent(db: Db, election: Election, choices: string[], today: string): string {
  const candidates = listCandidates(db, election.id);
  if (choices.length === 0) throw new CliError("error.elections.emptyBallot");
  const seen = new Set<number>();
  const once = (c: Candidate, ref: string) => {
    if (seen.has(c.id)) throw new CliError("error.elections.candidateTwice", { ref });
    seen.add(c.id);
  };
  switch (election.method) {
    case "scottish-stv": {
      const ranking = choices.map((ref) => {
        const c = choiceCandidate(candidates, ref, db, today, election.id);
        once(c, ref);
        return c.id;
      });
      return JSON.stringify(ranking);
    }
    case "approval": {
      if (choices.length > election.seats) throw new CliError("error.elections.tooManyMarks", { marks: choices.length, seats: election.seats });
      const marks = choices.map((ref) => {
        const c = choiceCandidate(candidates, ref, db, today, election.id);
        once(c, ref);
        return c.id;
      });
      return JSON.stringify(marks.sort((a, b) => a - b));
    }
    case "yes-no-abstain": {
      const answers: Array<[number, Answer]> = choices.map((choice) => {
        const at = choice.lastIndexOf("=");
        const answer = at > 0 ? parseAnswer(choice.slice(at + 1)) : undefined;
        if (at <= 0 || answer === undefined) throw new CliError("error.elections.invalidAnswer", { choice }, 1, "error.elections.invalidAnswer.hint");
        const ref = choice.slice(0, at);
        const c = choiceCandidate(candidates, ref, db, today, election.id);
        once(c, ref);
        return [c.id, answer];
      });
      answers.sort((a, b) => a[0] - b[0]);
      return JSON.stringify(Object.fromEntries(answers.map(([id, answer]) => [String(id), answer])));
    }
  }
}

/**
 * Casts one group's secret ballot. The receipt (this group has voted) and the ballot (what it says) go to
 * separate tables with nothing in common but the election; the audit log records the receipt only.
 * On a data file only, under core/db.ts withFileToItself: a server keeps each transaction's id on its rows and
 * their dead versions, which would pair the receipt with the ballot; there castBallots takes a whole pile.
 */
export function castBallot(db: Db, audit: Audit, election: Election, group: Group, choices: string[], today: string, forgottenLabel: string): void {
  if (isServer(db)) throw new CliError("error.elections.ballotOnServer", { id: election.id }, 1, "error.elections.ballotOnServer.hint");
  castBallots(db, audit, election, [group], [choices], today, forgottenLabel);
}

/**
 * Casts a pile of ballot papers handed in by `groups` (one paper each, in no relation to their order): for
 * `meetings run`, which holds the papers until the pile is typed. One transaction writes the receipts in group
 * order and the ballots in a random order with random ids, so that on a server every row of the batch carries the
 * same transaction id and its place in the table says nothing about which group handed in which paper. No row
 * is rewritten on a server (a rewrite would leave dead versions with the older batches' transaction ids); a data
 * file is resealed instead (resealBallotBox) and compacted by the caller.
 */
export function castBallots(db: Db, audit: Audit, election: Election, groups: Group[], papers: string[][], today: string, forgottenLabel: string): void {
  election = currentElection(db, election);
  const meeting = ensureUnlocked(db, election);
  ensureOpen(election);
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  ensureTakenPlace(meeting, today);
  if (election.source === "blt") throw new CliError("error.elections.ballotsImported", { id: election.id });
  if (groups.length !== papers.length) throw new Error(`castBallots: ${groups.length} groups, ${papers.length} papers`);
  const voting = new Set(votingGroups(db, meeting, forgottenLabel).map((g) => g.groupId));
  const byId = [...groups].sort((a, b) => a.id - b.id);
  byId.forEach((group, k) => {
    if (!isMemberOn(group, meeting.date)) throw new CliError("error.elections.groupNotMember", { group: group.name, date: dateParam(meeting.date) });
    if (!voting.has(group.id)) throw new CliError("error.elections.groupNotPresent", { group: group.name, id: meeting.id }, 1, "error.elections.groupNotPresent.hint");
    if (hasReceipt(db, election.id, group.id) || byId[k - 1]?.id === group.id)
      throw new CliError("error.elections.alreadyVoted", { group: group.name, id: election.id });
  });
  const contents = papers.map((choices) => ballotContent(db, election, choices, today));
  for (const group of byId) insertReceipt(db, election.id, group.id);
  for (const content of shuffled(contents)) insertBallot(db, election.id, content);
  if (!isServer(db)) resealBallotBox(db, election.id);
  if (election.source === null) setSource(db, election.id, "ballots");
  for (const group of byId) audit({ entity: "ballot_receipt", id: null, action: "cast", changes: { election: election.id, group: group.id } });
}

/** A random order (Fisher–Yates with node:crypto, loaded only when ballots are cast). */
function shuffled<T>(items: T[]): T[] {
  const { randomInt } = process.getBuiltinModule("node:crypto");
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Imports the ballots of a BLT file (counted on paper or in other software) into an STV election without
 * ballots: same seats, same candidates (names compared case-insensitively, spaces collapsed), no more ballots
 * than member groups present.
 */
export function importBallots(db: Db, audit: Audit, election: Election, blt: BltElection, file: string, forgottenLabel: string): number {
  election = currentElection(db, election);
  const meeting = ensureUnlocked(db, election);
  ensureOpen(election);
  if (election.method !== "scottish-stv") throw new CliError("error.elections.importNeedsStv", { method: term(`elections.method.${election.method}`) });
  if (ballotsStarted(db, election)) throw new CliError("error.elections.ballotsExist", { id: election.id });
  if (blt.seats !== election.seats) throw new CliError("error.elections.bltSeats", { file: blt.seats, seats: election.seats });
  const key = (name: string) => nameKey(name.replace(/\s+/g, " ").trim());
  const candidates = listCandidates(db, election.id);
  const byName = new Map(candidates.filter((c) => c.name !== null).map((c) => [key(c.name!), c]));
  const mapped = blt.candidates.map((name) => byName.get(key(name)));
  const unknown = blt.candidates.filter((_, i) => mapped[i] === undefined);
  if (unknown.length > 0) throw new CliError("error.elections.bltUnknownCandidates", { names: unknown.join(", ") }, 1, "error.elections.bltUnknownCandidates.hint");
  const inFile = new Set(mapped.map((c) => c!.id));
  const missing = candidates.filter((c) => c.status !== "withdrawn" && !inFile.has(c.id)).map((c) => candidateName(c, forgottenLabel));
  if (missing.length > 0) throw new CliError("error.elections.bltMissingCandidates", { names: missing.join(", ") });
  const withdrawnInFile = blt.withdrawn.map((i) => mapped[i]!).filter((c) => c.status !== "withdrawn");
  if (withdrawnInFile.length > 0)
    throw new CliError("error.elections.bltWithdrawn", { names: withdrawnInFile.map((c) => candidateName(c, forgottenLabel)).join(", ") }, 1, "error.elections.bltWithdrawn.hint");
  const total = blt.ballots.reduce((sum, b) => sum + b.weight, 0);
  const groups = votingGroups(db, meeting, forgottenLabel).length;
  if (total > groups) throw new CliError("error.elections.tooManyBallots", { ballots: total, groups, id: meeting.id });
  if (total === 0) throw new CliError("error.elections.noBallotsInFile", { file });
  for (const ballot of blt.ballots) {
    if (ballot.weight === 0) continue;
    insertBallot(db, election.id, JSON.stringify(ballot.ranking.map((i) => mapped[i]!.id)), ballot.weight);
  }
  setSource(db, election.id, "blt");
  audit({ entity: "election", id: election.id, action: "import", changes: { file, ballots: total } });
  return total;
}

// ---- counting

/** The token a candidate stands under in a stored count; names are put in when it is shown. */
const token = (candidateId: number) => `{c:${candidateId}}`;
const TOKEN = /\{c:(\d+)\}/g;

export interface PreparedCount {
  input: CountInput;
  candidates: Candidate[];
  ranked: RankedBallot[];
  approval: ApprovalBallot[];
  yesNoAbstain: YesNoAbstainBallot[];
  ballots: number;
}

/** The election as the counting methods see it: candidates by index (named by token), ballots by index. */
export function prepareCount(db: Db, election: Election): PreparedCount {
  const candidates = listCandidates(db, election.id);
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const input: CountInput = {
    title: `${election.team} #${election.id}`,
    candidates: candidates.map((c) => token(c.id)),
    seats: election.seats,
    withdrawn: candidates.flatMap((c, i) => (c.status === "withdrawn" ? [i] : [])),
  };
  const prepared: PreparedCount = { input, candidates, ranked: [], approval: [], yesNoAbstain: [], ballots: 0 };
  for (const { weight, content } of listBallots(db, election.id)) {
    prepared.ballots += weight;
    const parsed = JSON.parse(content) as number[] | Record<string, Answer>;
    if (Array.isArray(parsed)) {
      const indices = parsed.map((id) => index.get(id)!).filter((i) => i !== undefined);
      prepared.ranked.push({ weight, ranking: indices });
      prepared.approval.push({ weight, marks: indices });
    } else {
      const answers: Partial<Record<number, Answer>> = {};
      for (const [id, answer] of Object.entries(parsed)) {
        const i = index.get(Number(id));
        if (i !== undefined) answers[i] = answer;
      }
      prepared.yesNoAbstain.push({ weight, answers });
    }
  }
  return prepared;
}

/** Counts an election by its method. The result names candidates by token: see `decodeTally`. */
export function countElection(db: Db, election: Election, seed: number | undefined, onRound?: (round: number) => void): { tally: Tally; prepared: PreparedCount } {
  const prepared = prepareCount(db, election);
  if (prepared.candidates.every((c) => c.status === "withdrawn")) throw new CliError("error.elections.noCandidates", { id: election.id }, 1, "error.elections.noCandidates.hint");
  if (prepared.ballots === 0) throw new CliError("error.elections.noBallots", { id: election.id }, 1, "error.elections.noBallots.hint");
  const options = { seed };
  const tally =
    election.method === "scottish-stv"
      ? countScottishStv(prepared.input, prepared.ranked, { ...options, onRound })
      : election.method === "approval"
        ? countApproval(prepared.input, prepared.approval, options)
        : countYesNoAbstain(prepared.input, prepared.yesNoAbstain, options);
  return { tally, prepared };
}

/** A stored (tokenised) count with the candidates' names put in; forgotten people appear by their label. */
export function decodeTally(stored: string, candidates: Candidate[], forgottenLabel: string): Tally {
  const names = new Map(candidates.map((c) => [c.id, candidateName(c, forgottenLabel)]));
  return JSON.parse(stored.replace(TOKEN, (whole, id: string) => (names.has(Number(id)) ? JSON.stringify(names.get(Number(id))).slice(1, -1) : whole))) as Tally;
}

/** The candidate ids behind the tokens of a stored count's elected list, in order of election. */
function electedCandidateIds(stored: string): number[] {
  const tally = JSON.parse(stored) as Tally;
  return tally.elected.map((name) => Number(/^\{c:(\d+)\}$/.exec(name)?.[1]));
}

/** Stores a count with the election (closing its ballot box); a certified election keeps its count. */
export function recordTally(db: Db, audit: Audit, election: Election, tally: Tally): string {
  election = currentElection(db, election);
  ensureUnlocked(db, election);
  if (election.status === "certified") throw new CliError("error.elections.electionCertified", { id: election.id });
  const stored = JSON.stringify(tally);
  storeTally(db, election.id, stored, tally.seed);
  const candidates = new Map(listCandidates(db, election.id).map((c) => [c.id, c.personId]));
  audit({
    entity: "election",
    id: election.id,
    action: "tally",
    changes: { seed: tally.seed, valid: tally.valid, elected: electedCandidateIds(stored).map((id) => candidates.get(id) ?? null) },
  });
  return stored;
}

// ---- certify

export interface Certification {
  from: string;
  until: string;
  personIds: number[];
}

/**
 * The elected people join the team from the election date (the meeting's) for the election's term; the
 * memberships still running then end that day.
 */
export function certify(db: Db, audit: Audit, election: Election, team: Team, today: string, forgottenLabel: string): Certification {
  election = currentElection(db, election);
  if (election.status === "certified") throw new CliError("error.elections.alreadyCertified", { id: election.id, date: election.certifiedOn ? dateParam(election.certifiedOn) : "" });
  if (election.status !== "counted" || election.tally === null) throw new CliError("error.elections.notCounted", { id: election.id }, 1, "error.elections.notCounted.hint");
  const candidates = new Map(listCandidates(db, election.id).map((c) => [c.id, c]));
  const elected = electedCandidateIds(election.tally).map((id) => candidates.get(id)!);
  if (elected.length === 0) throw new CliError("error.elections.nobodyElected", { id: election.id });
  const from = election.meetingDate;
  const until = shiftDate(from, election.termMonths, "m");
  const personIds = elected.map((c) => c.personId);
  startTerm(db, audit, team, personIds, { from, until, election: election.id }, forgottenLabel);
  markCertified(db, election.id, today);
  audit({ entity: "election", id: election.id, action: "certify", changes: { team: team.id, from, until, members: personIds } });
  return { from, until, personIds };
}

// ---- reading

export interface ElectionView {
  id: number;
  meeting: number;
  meetingDate: string;
  item: number | null;
  team: string;
  teamId: number;
  seats: number;
  method: Method;
  termMonths: number;
  status: Election["status"];
  source: Election["source"];
  candidates: Array<{ id: number; person: string; personId: number; nominatedBy: string | null; status: Candidate["status"] }>;
  /** ballots cast or imported (BLT weights summed) */
  ballots: number;
  /** the groups that have voted, by name */
  voted: string[];
  /** member groups present at the meeting that have not voted yet (while the election is open) */
  notVoted: string[];
  tally: Tally | null;
  seed: number | null;
  certified: string | null;
}

export function electionView(db: Db, election: Election, forgottenLabel: string): ElectionView {
  const candidates = listCandidates(db, election.id);
  const voted = votedGroups(db, election.id);
  const votedIds = new Set(voted.map((v) => v.groupId));
  const notVoted =
    election.status === "open" && election.source !== "blt"
      ? votingGroups(db, meetingOf(db, election), forgottenLabel)
          .filter((g) => !votedIds.has(g.groupId))
          .map((g) => g.group)
      : [];
  return {
    id: election.id,
    meeting: election.meetingId,
    meetingDate: election.meetingDate,
    item: election.item,
    team: election.team,
    teamId: election.teamId,
    seats: election.seats,
    method: election.method,
    termMonths: election.termMonths,
    status: election.status,
    source: election.source,
    candidates: candidates.map((c) => ({
      id: c.id,
      person: candidateName(c, forgottenLabel),
      personId: c.personId,
      nominatedBy: c.nominatedBy,
      status: c.status,
    })),
    ballots: countBallots(db, election.id),
    voted: voted.map((v) => v.group),
    notVoted,
    tally: election.tally === null ? null : decodeTally(election.tally, candidates, forgottenLabel),
    seed: election.seed,
    certified: election.certifiedOn,
  };
}

/**
 * An election, as the minutes state it (DOMAIN.md, minutes item 10).
 */
export interface ElectionEntry {
  item: number | null;
  team: string;
  seats: number;
  method: string;
  candidates: string[];
  /**
   * vote figures per round, as decimal strings with the method's precision; each candidate's state and the
   * round's non-transferable votes and rounding loss (STV) are absent from minutes frozen before they were added
   */
  rounds: Array<{
    round: number;
    action: string;
    votes: Array<{ name: string; votes: string; state?: "hopeful" | "elected" | "excluded" }>;
    nontransferable?: string;
    residual?: string;
  }>;
  elected: string[];
  /** of the elected, those who accepted */
  accepted: string[];
  /** the seed of the lot, when a lot was drawn (null or absent otherwise) */
  seed?: number | null;
  /** every tie, and how it was decided */
  ties?: Array<{ round: number; between: string[]; decidedBy: "earlier-stage" | "lot"; purpose?: "surplus" | "exclusion" | "election"; chosen?: string }>;
  /** valid ballots, and the quota (STV) */
  valid?: number | null;
  quota?: string | null;
}

/** The elections of a meeting as its minutes state them (DOMAIN.md, minutes item 10). */
export function minutesEntries(db: Db, meetingId: number, forgottenLabel: string): ElectionEntry[] {
  return listElections(db, { meetingId }).map((election) => {
    const candidates = listCandidates(db, election.id);
    const tally = election.tally === null ? null : decodeTally(election.tally, candidates, forgottenLabel);
    const accepted = new Set(candidates.filter((c) => c.status === "accepted").map((c) => candidateName(c, forgottenLabel)));
    const lotDrawn = tally !== null && tally.ties.some((t) => t.decidedBy === "lot");
    return {
      item: election.item,
      team: election.team,
      seats: election.seats,
      method: election.method,
      candidates: candidates.filter((c) => c.status !== "withdrawn").map((c) => candidateName(c, forgottenLabel)),
      rounds: (tally?.rounds ?? []).map((r) => ({
        round: r.round,
        action: r.action,
        votes: r.candidates
          .filter((c) => c.state !== "withdrawn")
          .map((c) => {
            const yna = c as typeof c & { yes?: number; no?: number; abstain?: number };
            return { name: c.name, votes: yna.yes !== undefined ? `${yna.yes} / ${yna.no} / ${yna.abstain}` : c.votes, state: c.state as "hopeful" | "elected" | "excluded" };
          }),
        nontransferable: r.nontransferable,
        ...(r.residual !== undefined ? { residual: r.residual } : {}),
      })),
      elected: tally?.elected ?? [],
      accepted: (tally?.elected ?? []).filter((name) => accepted.has(name)),
      seed: lotDrawn ? tally!.seed : null,
      ties: tally?.ties ?? [],
      valid: tally?.valid ?? null,
      quota: tally?.quota ?? null,
    };
  });
}
