// Scottish STV, as the Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45–52:
//
// - first stage: every valid ballot paper counts for its first preference (rule 45);
// - quota: valid votes divided by seats + 1, fraction disregarded, plus one (rule 46);
// - a candidate whose votes reach the quota at the end of a stage is deemed elected (rule 47);
// - a surplus (votes above the quota) is transferred from ALL the papers the candidate holds, each at
//   surplus × (the paper's value when received) / (the candidate's total), to five decimal places, any
//   remainder ignored (rule 48); the largest surplus first; equal surpluses by the most recent earlier stage at
//   which the candidates' votes were unequal, then by lot (rule 49);
// - when no surplus is left, the continuing candidate with the fewest votes is excluded and all their papers pass
//   on at the value they had when received; equal lowest candidates as for surpluses (rules 50, 51);
// - when the continuing candidates are as many as the vacancies left, they are all elected; when the vacancies
//   are filled, the count ends (rule 52).
//
// All arithmetic is on integers: votes are whole numbers of units of 1/100000 of a vote. Never floating point.

import { CliError } from "../core/errors.js";
import { Lot } from "./lot.js";
import type { CandidateState, CountInput, RankedBallot, Round, Tally, Tie } from "./tally.js";

/** Units per vote: five decimal places. */
export const SCALE = 100_000;

/** A number of units as a decimal string with five places: 191300000 → "1913.00000". */
export function formatUnits(units: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a whole number of units: ${units}`);
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = Math.floor(abs / SCALE);
  const fraction = String(abs % SCALE).padStart(5, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** A decimal string with at most five places as units: "1913.5" → 191350000. For tests and for reading reports. */
export function parseUnits(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal with at most 5 places: ${text}`);
  const units = Number(m[2]) * SCALE + Number((m[3] ?? "").padEnd(5, "0"));
  return m[1] ? -units : units;
}

/** Droop quota of rule 46, in whole votes: floor(valid / (seats + 1)) + 1. */
export function droopQuota(valid: number, seats: number): number {
  return Math.floor(valid / (seats + 1)) + 1;
}

/**
 * The transfer value of rule 48(3), in units: surplus × value / total, truncated to five places.
 * All three arguments are in units, so the exact result is floor(surplus × value / total) units.
 */
export function transferValue(surplus: number, value: number, total: number): number {
  if (total <= 0) throw new RangeError("transfer from a candidate without votes");
  const product = surplus * value;
  if (Number.isSafeInteger(product)) return Math.floor(product / total);
  return Number((BigInt(surplus) * BigInt(value)) / BigInt(total));
}

/** Whole votes times the paper value, in units, checked to stay exact. */
function times(count: number, value: number): number {
  const product = count * value;
  if (!Number.isSafeInteger(product)) throw new CliError("error.stv.tooManyVotes");
  return product;
}

/** A bundle of identical ballot papers: same preferences, same current value. */
interface Papers {
  ranking: readonly number[];
  /** index into ranking of the candidate who holds these papers now */
  at: number;
  count: number;
  /** the value of each paper, in units */
  value: number;
}

export interface StvOptions {
  /** the seed for lots; without it one is drawn when the first lot is needed */
  seed?: number;
  /** a source of lots (tests); overrides seed */
  lot?: Lot;
  /** told the number of each round as it is recorded (a progress line) */
  onRound?: (round: number) => void;
}

type State = "hopeful" | "elected" | "excluded" | "withdrawn";

/** Counts ranked ballots by Scottish STV. Candidates and ballots use 0-based indices. */
export function countScottishStv(input: CountInput, ballots: readonly RankedBallot[], options: StvOptions = {}): Tally {
  return new ScottishCount(input, ballots, options.lot ?? new Lot(options.seed), options.seed !== undefined, options.onRound).run();
}

class ScottishCount {
  readonly n: number;
  readonly names: string[];
  readonly seats: number;
  readonly state: State[];
  readonly votes: number[];
  readonly piles: Papers[][];
  /** whether an elected candidate's surplus still waits to be transferred */
  readonly pending: boolean[];
  nontransferable = 0;
  /** votes lost by truncating transfer values (kept, so that the totals add up) */
  residual = 0;
  valid = 0;
  quota = 0;
  readonly elected: number[] = [];
  readonly rounds: Round[] = [];
  /** votes of every candidate at the end of each stage, for looking back at ties */
  readonly history: number[][] = [];
  readonly ties: Tie[] = [];

  constructor(
    input: CountInput,
    readonly ballots: readonly RankedBallot[],
    readonly lot: Lot,
    readonly seedGiven: boolean,
    readonly onRound: ((round: number) => void) | undefined,
  ) {
    this.n = input.candidates.length;
    this.names = input.candidates;
    this.seats = input.seats;
    this.state = input.candidates.map((_, i) => (input.withdrawn.includes(i) ? "withdrawn" : "hopeful"));
    this.votes = new Array<number>(this.n).fill(0);
    this.piles = input.candidates.map(() => []);
    this.pending = new Array<boolean>(this.n).fill(false);
  }

  run(): Tally {
    this.firstStage();
    for (;;) {
      const vacancies = this.seats - this.elected.length;
      const hopeful = this.hopeful();
      if (vacancies <= 0) {
        // Rule 52: the vacancies are filled; the count ends, and the others are not elected.
        for (const c of hopeful) this.state[c] = "excluded";
        this.amendLastRound([]);
        break;
      }
      if (hopeful.length <= vacancies) {
        // Rule 52(1): as many continuing candidates as vacancies: all are elected, no further transfer.
        // Elected together; listed in the order of the ballot paper.
        for (const c of hopeful) this.declareElected(c);
        this.amendLastRound(hopeful);
        break;
      }
      const withSurplus = this.elected.filter((c) => this.pending[c] && this.votes[c]! > this.quota * SCALE);
      if (withSurplus.length > 0) this.transferSurplus(this.choose(withSurplus, "surplus"));
      else this.exclude(this.choose(hopeful, "exclusion"));
    }
    return {
      method: "scottish-stv",
      seats: this.seats,
      quota: formatUnits(this.quota * SCALE),
      valid: this.valid,
      elected: this.elected.map((c) => this.names[c]!),
      rounds: this.rounds,
      ties: this.ties,
      seed: this.seedGiven || this.lot.drawn ? (this.lot.seed ?? null) : null,
    };
  }

  hopeful(): number[] {
    const result: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.state[c] === "hopeful") result.push(c);
    return result;
  }

  /** Candidates by votes, most first; equal votes in candidate order. */
  byVotesDescending(candidates: number[]): number[] {
    return [...candidates].sort((a, b) => this.votes[b]! - this.votes[a]! || a - b);
  }

  /** Moves papers on to their next preference for a continuing candidate; false if there is none. */
  advance(papers: Papers): boolean {
    for (let k = papers.at + 1; k < papers.ranking.length; k++) {
      if (this.state[papers.ranking[k]!] === "hopeful") {
        papers.at = k;
        return true;
      }
    }
    return false;
  }

  firstStage(): void {
    for (const ballot of this.ballots) {
      if (ballot.weight <= 0) continue;
      const papers: Papers = { ranking: ballot.ranking, at: -1, count: ballot.weight, value: SCALE };
      if (!this.advance(papers)) continue; // no preference for a standing candidate: not a valid vote
      this.valid += ballot.weight;
      this.piles[papers.ranking[papers.at]!]!.push(papers);
    }
    if (!Number.isSafeInteger(this.valid * SCALE)) throw new CliError("error.stv.tooManyVotes");
    if (this.valid === 0) throw new CliError("error.stv.noValidBallots");
    for (let c = 0; c < this.n; c++) this.votes[c] = this.piles[c]!.reduce((sum, p) => sum + times(p.count, p.value), 0);
    this.quota = droopQuota(this.valid, this.seats);
    const newlyElected = this.electReachingQuota();
    this.record({ kind: "first", action: "first preferences" }, newlyElected);
  }

  /** Rule 47: every continuing candidate at or above the quota is deemed elected, most votes first. */
  electReachingQuota(): number[] {
    // With no more continuing candidates than vacancies, rule 52(1) elects them all together instead.
    if (this.hopeful().length <= this.seats - this.elected.length) return [];
    const reached = this.hopeful().filter((c) => this.votes[c]! >= this.quota * SCALE);
    const ordered = this.byVotesDescending(reached).slice(0, Math.max(0, this.seats - this.elected.length));
    for (const c of ordered) {
      this.declareElected(c);
      this.pending[c] = this.votes[c]! > this.quota * SCALE;
    }
    return ordered;
  }

  declareElected(c: number): void {
    this.state[c] = "elected";
    this.elected.push(c);
  }

  /** Passes papers on: each bundle at `valueOf(old value)` to the next continuing candidate, or non-transferable. */
  passOn(pile: Papers[], valueOf: (value: number) => number): number {
    let moved = 0;
    for (const papers of pile) {
      papers.value = valueOf(papers.value);
      const amount = times(papers.count, papers.value);
      moved += amount;
      if (this.advance(papers)) {
        const to = papers.ranking[papers.at]!;
        this.piles[to]!.push(papers);
        this.votes[to]! += amount;
      } else {
        this.nontransferable += amount;
      }
    }
    return moved;
  }

  /** Rules 48 and 49: the surplus of an elected candidate passes on from all of their papers. */
  transferSurplus(c: number): void {
    const total = this.votes[c]!;
    const quota = this.quota * SCALE;
    const surplus = total - quota;
    const pile = this.piles[c]!;
    this.piles[c] = [];
    const moved = this.passOn(pile, (value) => transferValue(surplus, value, total));
    this.residual += surplus - moved;
    this.votes[c] = quota;
    this.pending[c] = false;
    const newlyElected = this.electReachingQuota();
    this.record(
      { kind: "surplus", action: `surplus of ${this.names[c]}`, subject: this.names[c]!, surplus: formatUnits(surplus) },
      newlyElected,
    );
  }

  /** Rules 50 and 51: the excluded candidate's papers pass on at the value they had when received. */
  exclude(c: number): void {
    this.state[c] = "excluded";
    const pile = this.piles[c]!;
    this.piles[c] = [];
    this.passOn(pile, (value) => value);
    this.votes[c] = 0;
    const newlyElected = this.electReachingQuota();
    this.record({ kind: "exclusion", action: `exclusion of ${this.names[c]}`, subject: this.names[c]! }, newlyElected);
  }

  /**
   * The candidate whose surplus goes first (most votes) or who is excluded (fewest votes). Equal candidates are
   * told apart at the most recent earlier stage where their votes differed (rules 49(b), 50(3)); where they were
   * equal at every stage, by lot.
   */
  choose(candidates: number[], purpose: "surplus" | "exclusion"): number {
    const better = purpose === "surplus" ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
    const extreme = (values: number[], among: number[]): number[] => {
      let best = values[among[0]!]!;
      for (const c of among) if (better(values[c]!, best)) best = values[c]!;
      return among.filter((c) => values[c] === best);
    };
    let tied = extreme(this.votes, candidates);
    if (tied.length === 1) return tied[0]!;
    const between = tied.map((c) => this.names[c]!);
    const round = this.rounds.length + 1;
    // The current votes are those at the end of the latest stage; look further back from the one before it.
    for (let s = this.history.length - 2; s >= 0 && tied.length > 1; s--) tied = extreme(this.history[s]!, tied);
    if (tied.length === 1) {
      this.ties.push({ round, between, decidedBy: "earlier-stage", purpose, chosen: this.names[tied[0]!]! });
      return tied[0]!;
    }
    const chosen = this.lot.pick(tied);
    this.ties.push({ round, between, decidedBy: "lot", purpose, chosen: this.names[chosen]! });
    return chosen;
  }

  record(what: Pick<Round, "action" | "kind" | "subject" | "surplus">, newlyElected: number[]): void {
    this.history.push([...this.votes]);
    this.rounds.push({
      round: this.rounds.length + 1,
      ...what,
      candidates: this.snapshot(),
      nontransferable: formatUnits(this.nontransferable),
      residual: formatUnits(this.residual),
      elected: newlyElected.map((c) => this.names[c]!),
    });
    this.onRound?.(this.rounds.length);
  }

  snapshot(): Round["candidates"] {
    return this.names.map((name, c) => ({ name, state: this.state[c] as CandidateState, votes: formatUnits(this.votes[c]!) }));
  }

  /** Elections (or the end) without a transfer belong to the stage that led to them. */
  amendLastRound(newlyElected: number[]): void {
    const last = this.rounds[this.rounds.length - 1]!;
    last.candidates = this.snapshot();
    last.elected = [...(last.elected ?? []), ...newlyElected.map((c) => this.names[c]!)];
  }
}
