// Yes/No/Abstain per candidate, as German associations often elect: a candidate needs more yes than no votes
// (a tie is no majority); of those, the `seats` with the most yes votes are elected, a tie for the last seats
// drawn by lot.
import { electByScore, reportedSeed, type CountOptions } from "./approval.js";
import { Lot } from "./lot.js";
import type { CountInput, Round, RoundCandidate, Tally } from "./tally.js";

export const ANSWERS = ["yes", "no", "abstain"] as const;
export type Answer = (typeof ANSWERS)[number];

export interface YesNoAbstainBallot {
  weight: number;
  /** the answer per candidate index; a candidate not mentioned counts as an abstention */
  answers: Partial<Record<number, Answer>>;
}

/** A candidate's line in the count: the yes votes as `votes`, and all three figures. */
export interface YesNoAbstainCandidate extends RoundCandidate {
  yes: number;
  no: number;
  abstain: number;
  /** more yes than no */
  majority: boolean;
}

/** Parses one answer as typed: yes|no|abstain, or the German ja|nein|enthaltung. */
export function parseAnswer(text: string): Answer | undefined {
  const value = text.trim().toLowerCase();
  const map: Record<string, Answer> = { yes: "yes", y: "yes", ja: "yes", j: "yes", no: "no", n: "no", nein: "no", abstain: "abstain", a: "abstain", enthaltung: "abstain", e: "abstain" };
  return Object.hasOwn(map, value) ? map[value] : undefined;
}

export function countYesNoAbstain(input: CountInput, ballots: readonly YesNoAbstainBallot[], options: CountOptions = {}): Tally {
  const lot = options.lot ?? new Lot(options.seed);
  const n = input.candidates.length;
  const withdrawn = new Set(input.withdrawn);
  const yes = new Array<number>(n).fill(0);
  const no = new Array<number>(n).fill(0);
  const abstain = new Array<number>(n).fill(0);
  let valid = 0;
  for (const ballot of ballots) {
    valid += ballot.weight;
    for (let c = 0; c < n; c++) {
      const answer = ballot.answers[c] ?? "abstain";
      (answer === "yes" ? yes : answer === "no" ? no : abstain)[c]! += ballot.weight;
    }
  }
  const eligible = input.candidates.map((_, i) => i).filter((i) => !withdrawn.has(i) && yes[i]! > no[i]!);
  const { elected, ties } = electByScore(eligible, yes, input.seats, input.candidates, lot);
  const electedSet = new Set(elected);
  const candidates: YesNoAbstainCandidate[] = input.candidates.map((name, i) => ({
    name,
    state: withdrawn.has(i) ? "withdrawn" : electedSet.has(i) ? "elected" : "excluded",
    votes: String(yes[i]),
    yes: yes[i]!,
    no: no[i]!,
    abstain: abstain[i]!,
    majority: yes[i]! > no[i]!,
  }));
  const round: Round = {
    round: 1,
    action: "count of yes, no and abstain",
    kind: "count",
    candidates,
    nontransferable: "0",
    elected: elected.map((c) => input.candidates[c]!),
  };
  return {
    method: "yes-no-abstain",
    seats: input.seats,
    quota: null,
    valid,
    elected: elected.map((c) => input.candidates[c]!),
    rounds: [round],
    ties,
    seed: reportedSeed(lot, options.seed !== undefined),
  };
}
