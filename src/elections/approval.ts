// Approval (block) voting: each ballot marks at most as many candidates as there are seats; the candidates with the
// most marks win. A tie for the last seats is decided by lot, one seat at a time, and every draw is recorded.
import { Lot } from "./lot.js";
import type { CountInput, Round, RoundCandidate, Tally, Tie } from "./tally.js";

export interface ApprovalBallot {
  weight: number;
  /** indices (0-based) of the candidates marked */
  marks: number[];
}

export interface CountOptions {
  /** the seed for lots; without it one is drawn when the first lot is needed */
  seed?: number;
  /** a source of lots (tests); overrides seed */
  lot?: Lot;
}

/**
 * Of the `eligible` candidates (indices), the `seats` with the highest `score`, in order of score; a tie for the
 * last seats is drawn by lot, one seat at a time. Shared by approval and yes/no/abstain.
 */
export function electByScore(
  eligible: number[],
  score: readonly number[],
  seats: number,
  names: readonly string[],
  lot: Lot,
  round = 1,
): { elected: number[]; ties: Tie[] } {
  const ranked = [...eligible].sort((a, b) => score[b]! - score[a]! || a - b);
  if (ranked.length <= seats) return { elected: ranked, ties: [] };
  const boundary = score[ranked[seats - 1]!]!;
  const elected = ranked.filter((c) => score[c]! > boundary);
  let tied = ranked.filter((c) => score[c] === boundary);
  const ties: Tie[] = [];
  while (elected.length < seats) {
    // Everyone still tied fits: no lot needed for them.
    if (tied.length <= seats - elected.length) {
      elected.push(...tied);
      break;
    }
    const chosen = lot.pick(tied);
    ties.push({ round, between: tied.map((c) => names[c]!), decidedBy: "lot", purpose: "election", chosen: names[chosen]! });
    elected.push(chosen);
    tied = tied.filter((c) => c !== chosen);
  }
  return { elected, ties };
}

/** The seed to report: the one given or drawn, or null when no lot was needed and none was given. */
export function reportedSeed(lot: Lot, seedGiven: boolean): number | null {
  return (lot.drawn || seedGiven) && lot.seed !== undefined ? lot.seed : null;
}

export function countApproval(input: CountInput, ballots: readonly ApprovalBallot[], options: CountOptions = {}): Tally {
  const lot = options.lot ?? new Lot(options.seed);
  const n = input.candidates.length;
  const withdrawn = new Set(input.withdrawn);
  const marks = new Array<number>(n).fill(0);
  let valid = 0;
  let blank = 0;
  for (const ballot of ballots) {
    const marked = [...new Set(ballot.marks)];
    // More marks than seats, or a mark for no candidate, makes a ballot invalid: it is not counted at all.
    if (marked.length > input.seats || marked.some((c) => !Number.isInteger(c) || c < 0 || c >= n)) continue;
    valid += ballot.weight;
    const counted = marked.filter((c) => !withdrawn.has(c));
    if (counted.length === 0) blank += ballot.weight;
    for (const c of counted) marks[c]! += ballot.weight;
  }
  const eligible = input.candidates.map((_, i) => i).filter((i) => !withdrawn.has(i) && marks[i]! > 0);
  const { elected, ties } = electByScore(eligible, marks, input.seats, input.candidates, lot);
  const electedSet = new Set(elected);
  const candidates: RoundCandidate[] = input.candidates.map((name, i) => ({
    name,
    state: withdrawn.has(i) ? "withdrawn" : electedSet.has(i) ? "elected" : "excluded",
    votes: String(marks[i]),
  }));
  const round: Round = {
    round: 1,
    action: "count of marks",
    kind: "count",
    candidates,
    nontransferable: String(blank),
    elected: elected.map((c) => input.candidates[c]!),
  };
  return {
    method: "approval",
    seats: input.seats,
    quota: null,
    valid,
    elected: elected.map((c) => input.candidates[c]!),
    rounds: [round],
    ties,
    seed: reportedSeed(lot, options.seed !== undefined),
  };
}
