// Votes in a meeting: who may vote (member groups on the meeting's date that are present), one vote per group,
// logged corrections, totals for count and secret votes, and the result with the quorum evaluated at close.
import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam, term } from "../core/errors.js";
import { cleanText, oneOf } from "../core/validate.js";
import { isMemberOn, type Group } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { attendanceSummary, currentMeeting, ensureEditable, ensureTakenPlace, itemAt } from "../meetings/index.js";
import { getMeeting } from "../meetings/index.js";
import { readSettings } from "../platform/index.js";
import { resolveOwner } from "../tasks/index.js";
import {
  BASES,
  CHOICES,
  MAJORITIES,
  VOTE_MODES,
  baseOf,
  voteResult,
  yesNeeded,
  type Base,
  type Choice,
  type Figures,
  type Majority,
  type VoteMode,
  type VoteResult,
} from "./majority.js";
import {
  getVote,
  insertCast,
  insertCorrection,
  insertVote,
  listCasts,
  listCorrections,
  listVotes,
  markClosed,
  markWithdrawn,
  setCounts,
  updateCast,
  type Cast,
  type Correction,
  type Vote,
} from "./store.js";

type Audit = (entry: AuditEntry) => void;

/** A vote by its number (`7` or `#7`). */
export function resolveVote(db: Db, ref: string): Vote {
  const value = ref.trim();
  const vote = /^#?\d{1,9}$/.test(value) ? getVote(db, Number(value.replace("#", ""))) : undefined;
  if (!vote) throw new CliError("error.unknownVote", { ref }, 1, "error.unknownVote.hint");
  return vote;
}

/** The vote as the file holds it now: a write checks its rules on this copy, inside its transaction. */
function currentVote(db: Db, vote: Vote): Vote {
  const now = getVote(db, vote.id);
  if (!now) throw new CliError("error.unknownVote", { ref: `#${vote.id}` }, 1, "error.unknownVote.hint");
  return now;
}

export function meetingOf(db: Db, vote: Vote): Meeting {
  return getMeeting(db, vote.meetingId)!;
}

/** German words are accepted too: ja, nein, enthaltung. */
const CHOICE_WORDS: Record<string, Choice> = { ja: "yes", nein: "no", enthaltung: "abstain", enthalten: "abstain" };

export function parseChoice(raw: string): Choice {
  const word = raw.trim().toLowerCase();
  // Own keys only: "constructor" is in every object, but no choice.
  return Object.hasOwn(CHOICE_WORDS, word) ? CHOICE_WORDS[word]! : oneOf(raw, CHOICES, "choice");
}

function ensureOpenMeeting(meeting: Meeting): void {
  ensureEditable(meeting);
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
}

/** A vote can change only while it is open and its meeting's minutes are not locked. */
function ensureChangeable(db: Db, vote: Vote): Meeting {
  if (vote.status === "closed")
    throw new CliError("error.voteClosed", { id: vote.id, result: vote.result ? term(`votes.result.${vote.result}`) : "" }, 1, "error.voteClosed.hint");
  if (vote.status === "withdrawn") throw new CliError("error.voteWithdrawn", { id: vote.id }, 1, "error.voteClosed.hint");
  const meeting = meetingOf(db, vote);
  ensureOpenMeeting(meeting);
  return meeting;
}

// ---- open

export interface OpenInput {
  motion: string;
  item?: string;
  mover?: string;
  mode?: string;
  majority?: string;
  base?: string;
}

export function openVote(db: Db, audit: Audit, meeting: Meeting, input: OpenInput, today: string): number {
  meeting = currentMeeting(db, meeting);
  ensureOpenMeeting(meeting);
  ensureTakenPlace(meeting, today);
  const motion = cleanText(input.motion, "motion", { required: true, max: 2000 })!;
  const settings = readSettings(db);
  const mode: VoteMode = input.mode !== undefined ? oneOf(input.mode, VOTE_MODES, "--mode") : "roll-call";
  const majority: Majority = input.majority !== undefined ? oneOf(input.majority, MAJORITIES, "--majority") : settings.majority;
  const base: Base = input.base !== undefined ? oneOf(input.base, BASES, "--base") : settings.base;
  const item = input.item !== undefined ? itemAt(db, meeting, input.item) : undefined;
  const mover = input.mover !== undefined ? resolveOwner(db, input.mover, today) : undefined;
  const fields = {
    meetingId: meeting.id,
    itemId: item?.id ?? null,
    motion,
    moverGroupId: mover?.kind === "group" ? mover.group.id : null,
    moverPersonId: mover?.kind === "person" ? mover.person.id : null,
    mode,
    majority,
    base,
  };
  const id = insertVote(db, fields);
  audit({ entity: "vote", id, action: "open", changes: { ...fields, item: item?.position ?? null } });
  return id;
}

// ---- roll call

/** The group may vote at this meeting: a member on its date, and present. */
function ensureMayVote(db: Db, meeting: Meeting, group: Group): void {
  if (!isMemberOn(group, meeting.date)) {
    if (group.joined > meeting.date)
      throw new CliError("error.voteJoinedLater", { group: group.name, joined: dateParam(group.joined), date: dateParam(meeting.date) });
    throw new CliError("error.voteHadLeft", { group: group.name, left: dateParam(group.left ?? ""), date: dateParam(meeting.date) });
  }
  const present = attendanceSummary(db, meeting, "").present.some((p) => p.groupId === group.id);
  if (!present)
    throw new CliError("error.voteNotPresent", { group: group.name, meeting: meeting.id }, 1, "error.voteNotPresent.hint");
}

function ensureRollCall(vote: Vote): void {
  if (vote.mode !== "roll-call") throw new CliError("error.voteNotRollCall", { id: vote.id, mode: term(`votes.mode.${vote.mode}`) }, 1, "error.voteNotRollCall.hint");
}

export function castVote(db: Db, audit: Audit, vote: Vote, group: Group, choice: Choice): number {
  vote = currentVote(db, vote);
  ensureRollCall(vote);
  const meeting = ensureChangeable(db, vote);
  const earlier = listCasts(db, vote.id).find((c) => c.groupId === group.id);
  if (earlier)
    throw new CliError("error.alreadyVoted", { group: group.name, id: vote.id, choice: term(`votes.choice.${earlier.choice}`) }, 1, "error.alreadyVoted.hint");
  ensureMayVote(db, meeting, group);
  const id = insertCast(db, vote.id, group.id, choice);
  audit({ entity: "vote_cast", id, action: "cast", changes: { vote: vote.id, group: group.id, choice } });
  return id;
}

/** Corrects a group's recorded vote: explicit, with a reason, in vote_corrections and the audit log. */
export function recastVote(db: Db, audit: Audit, vote: Vote, group: Group, choice: Choice, reason: string, actor: string): number {
  vote = currentVote(db, vote);
  ensureRollCall(vote);
  ensureChangeable(db, vote);
  const why = cleanText(reason, "--reason", { required: true, max: 500 })!;
  const earlier = listCasts(db, vote.id).find((c) => c.groupId === group.id);
  if (!earlier) throw new CliError("error.notVotedYet", { group: group.name, id: vote.id }, 1, "error.notVotedYet.hint");
  if (earlier.choice === choice) throw new CliError("error.recastSame", { group: group.name, choice: term(`votes.choice.${choice}`) });
  updateCast(db, earlier.id, choice);
  const id = insertCorrection(db, { voteId: vote.id, groupId: group.id, from: earlier.choice, to: choice, reason: why, actor });
  audit({ entity: "vote_cast", id: earlier.id, action: "recast", changes: { vote: vote.id, group: group.id, choice: [earlier.choice, choice], reason: why, correction: id } });
  return id;
}

// ---- count and secret votes

/** A number of votes as typed: a whole number from 0. */
export function parseCount(raw: string | undefined, field: string): number {
  const value = (raw ?? "").trim();
  if (!/^\d{1,6}$/.test(value)) throw new CliError("error.invalidCount", { field, value: raw ?? "" });
  return Number(value);
}

/** Records the totals of a count or secret vote; a recount while the vote is open replaces them (logged). */
export function countVote(db: Db, audit: Audit, vote: Vote, counts: { yes: number; no: number; abstain: number }): void {
  vote = currentVote(db, vote);
  if (vote.mode === "roll-call") throw new CliError("error.voteIsRollCall", { id: vote.id }, 1, "error.voteIsRollCall.hint");
  const meeting = ensureChangeable(db, vote);
  const present = attendanceSummary(db, meeting, "").quorum.present;
  const total = counts.yes + counts.no + counts.abstain;
  if (total > present) throw new CliError("error.countsExceedPresent", { total, present, meeting: meeting.id }, 1, "error.countsExceedPresent.hint");
  setCounts(db, vote.id, counts);
  audit({ entity: "vote", id: vote.id, action: vote.counts ? "recount" : "count", changes: vote.counts ? { before: vote.counts, after: counts } : counts });
}

// ---- close

/** The votes as they stand: from the roll call's casts, or the counted totals (null before counting). */
export function tallyOf(db: Db, vote: Vote): { yes: number; no: number; abstain: number } | null {
  if (vote.mode !== "roll-call") return vote.counts;
  const tally = { yes: 0, no: 0, abstain: 0 };
  for (const c of listCasts(db, vote.id)) tally[c.choice]++;
  return tally;
}

export function closeVote(db: Db, audit: Audit, vote: Vote): VoteResult {
  vote = currentVote(db, vote);
  const meeting = ensureChangeable(db, vote);
  const tally = tallyOf(db, vote);
  if (tally === null || tally.yes + tally.no + tally.abstain === 0)
    throw new CliError("error.voteEmpty", { id: vote.id }, 1, "error.voteEmpty.hint");
  const { quorum } = attendanceSummary(db, meeting, "");
  const rule = readSettings(db).quorum;
  const figures: Figures = { ...tally, present: quorum.present, entitled: quorum.entitled };
  const result = voteResult(quorum.met, vote.majority, vote.base, figures);
  const closing = { result, quorum: { rule, required: quorum.required, present: quorum.present, entitled: quorum.entitled, met: quorum.met } };
  markClosed(db, vote.id, closing);
  audit({ entity: "vote", id: vote.id, action: "close", changes: { ...tally, ...closing } });
  return result;
}

/**
 * Withdraws the motion of an open vote (opened by mistake, or taken back by its mover): it is not decided, the
 * minutes show it as withdrawn with the reason. Votes already given stay recorded.
 */
export function withdrawVote(db: Db, audit: Audit, vote: Vote, reason: string): void {
  vote = currentVote(db, vote);
  ensureChangeable(db, vote);
  const clean = cleanText(reason, "--reason", { required: true, max: 2000 })!;
  markWithdrawn(db, vote.id, clean);
  audit({ entity: "vote", id: vote.id, action: "withdraw", changes: { reason: clean } });
}

// ---- views

/** A vote as `--json` prints it: the vote object of CLI.md, with a few more fields. */
export interface VoteView {
  id: number;
  meeting: number;
  item: number | null;
  motion: string;
  mover: string | null;
  moverKind: "group" | "person" | null;
  mode: VoteMode;
  majority: Majority;
  base: Base;
  status: "open" | "closed" | "withdrawn";
  /** why the motion was withdrawn */
  withdrawnReason?: string;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  /** entitled groups present: at close, or now while the vote is open */
  present: number;
  entitled: number;
  quorum: { rule: string; required: number; present: number; met: boolean };
  /** the fewest yes votes that carry the motion, where the base does not depend on the votes (present, entitled) */
  needed: number | null;
  result: VoteResult | null;
  opened: string;
  closed: string | null;
  casts?: Array<{ group: string; choice: Choice }>;
  corrections?: Array<Omit<Correction, "id">>;
}

export function voteView(db: Db, vote: Vote, forgottenLabel: string): VoteView {
  const tally = tallyOf(db, vote);
  let quorum: VoteView["quorum"];
  let present: number;
  let entitled: number;
  if (vote.quorum) {
    ({ present, entitled } = vote.quorum);
    quorum = { rule: vote.quorum.rule, required: vote.quorum.required, present, met: vote.quorum.met };
  } else {
    const now = attendanceSummary(db, meetingOf(db, vote), forgottenLabel).quorum;
    ({ present, entitled } = now);
    quorum = { rule: readSettings(db).quorum, required: now.required, present, met: now.met };
  }
  const fixedBase = vote.base === "present" || vote.base === "entitled";
  const view: VoteView = {
    id: vote.id,
    meeting: vote.meetingId,
    item: vote.item,
    motion: vote.motion,
    mover: vote.moverPersonId !== null && vote.mover === null ? `${forgottenLabel} #${vote.moverPersonId}` : vote.mover,
    moverKind: vote.moverGroupId !== null ? "group" : vote.moverPersonId !== null ? "person" : null,
    mode: vote.mode,
    majority: vote.majority,
    base: vote.base,
    status: vote.status,
    yes: tally?.yes ?? null,
    no: tally?.no ?? null,
    abstain: tally?.abstain ?? null,
    present,
    entitled,
    quorum,
    needed: fixedBase ? yesNeeded(vote.majority, baseOf(vote.base, { yes: 0, no: 0, abstain: 0, present, entitled })) : null,
    result: vote.result,
    opened: vote.opened,
    closed: vote.closed,
    ...(vote.withdrawnReason !== null ? { withdrawnReason: vote.withdrawnReason } : {}),
  };
  if (vote.mode === "roll-call") {
    view.casts = listCasts(db, vote.id).map((c: Cast) => ({ group: c.group, choice: c.choice }));
    view.corrections = listCorrections(db, vote.id).map(({ id: _id, ...rest }) => rest);
  }
  return view;
}

export function votesOf(db: Db, meetingId: number | undefined, forgottenLabel: string): VoteView[] {
  return listVotes(db, { meetingId }).map((v) => voteView(db, v, forgottenLabel));
}

/**
 * A motion and its vote, as the minutes state it (DOMAIN.md, minutes item 9).
 */
export interface DecisionEntry {
  item: number | null;
  motion: string;
  mover: string | null;
  mode: "roll-call" | "count" | "secret";
  majority: string;
  base: string;
  yes: number;
  no: number;
  abstain: number;
  quorum: { required: number; present: number; met: boolean } | null;
  result: "adopted" | "rejected" | "no-quorum" | "withdrawn";
  /** a withdrawn motion: why */
  reason?: string;
  /** roll calls only: the groups on each side */
  sides: { yes: string[]; no: string[]; abstain: string[] } | null;
}

/** The closed and the withdrawn votes of a meeting as the minutes state them (DOMAIN.md, minutes item 9). */
export function decisionsOf(db: Db, meetingId: number, forgottenLabel: string): DecisionEntry[] {
  return listVotes(db, { meetingId })
    .filter((v) => v.status !== "open")
    .map((v): DecisionEntry => {
      if (v.status === "withdrawn")
        return {
          item: v.item,
          motion: v.motion,
          mover: v.moverPersonId !== null && v.mover === null ? `${forgottenLabel} #${v.moverPersonId}` : v.mover,
          mode: v.mode,
          majority: v.majority,
          base: v.base,
          yes: 0,
          no: 0,
          abstain: 0,
          quorum: null,
          result: "withdrawn",
          reason: v.withdrawnReason!,
          sides: null,
        };
      const view = voteView(db, v, forgottenLabel);
      const casts = listCasts(db, v.id);
      const side = (choice: Choice) => casts.filter((c) => c.choice === choice).map((c) => c.group);
      return {
        item: v.item,
        motion: v.motion,
        mover: view.mover,
        mode: v.mode,
        majority: v.majority,
        base: v.base,
        yes: view.yes ?? 0,
        no: view.no ?? 0,
        abstain: view.abstain ?? 0,
        quorum: v.quorum && v.quorum.rule !== "none" ? { required: v.quorum.required, present: v.quorum.present, met: v.quorum.met } : null,
        result: v.result!,
        sides: v.mode === "roll-call" ? { yes: side("yes"), no: side("no"), abstain: side("abstain") } : null,
      };
    });
}
