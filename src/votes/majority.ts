// Majorities of a Kernkreis vote (DOMAIN.md, "Decisions in the Kernkreis"): pure functions, integers only.
// Never `ceil(base/2)+1` style shortcuts: each majority is the inequality the statutes state, cross-multiplied.
import { BASES, MAJORITIES } from "../platform/index.js";

export { BASES, MAJORITIES };
export type Majority = (typeof MAJORITIES)[number];
export type Base = (typeof BASES)[number];
export const VOTE_MODES = ["roll-call", "count", "secret"] as const;
export type VoteMode = (typeof VOTE_MODES)[number];
export const CHOICES = ["yes", "no", "abstain"] as const;
export type Choice = (typeof CHOICES)[number];
export type VoteResult = "adopted" | "rejected" | "no-quorum";

export interface Figures {
  yes: number;
  no: number;
  abstain: number;
  /** entitled groups present (member groups on the meeting's date with someone attending for them) */
  present: number;
  /** all member groups on the meeting's date */
  entitled: number;
}

/** The number a majority is measured against. */
export function baseOf(base: Base, f: Figures): number {
  switch (base) {
    case "yes-no":
      return f.yes + f.no; // BGB §32: abstentions and invalid votes do not count
    case "yes-no-abstain":
      return f.yes + f.no + f.abstain;
    case "present":
      return f.present;
    case "entitled":
      return f.entitled;
  }
}

/**
 * Whether `yes` (against `no`) reaches the majority of `base`. A tie is not a majority, and nothing is
 * adopted on a base of 0 (everyone abstained under yes-no, or no one was there).
 */
export function reachesMajority(majority: Majority, yes: number, no: number, base: number): boolean {
  if (base <= 0) return false;
  switch (majority) {
    case "simple":
      return 2 * yes > base;
    case "two-thirds":
      return 3 * yes >= 2 * base;
    case "three-quarters":
      return 4 * yes >= 3 * base;
    case "unanimous":
      return no === 0 && yes > 0;
  }
}

/**
 * The fewest yes votes that carry the motion on this base (with no votes against for unanimity), found by
 * trying each count against the rule itself; null when the base is 0 and nothing can carry it.
 */
export function yesNeeded(majority: Majority, base: number): number | null {
  for (let yes = 1; yes <= base; yes++) if (reachesMajority(majority, yes, 0, base)) return yes;
  return null;
}

/** The result of a vote: without a quorum nothing is decided; otherwise adopted or rejected. */
export function voteResult(quorumMet: boolean, majority: Majority, base: Base, f: Figures): VoteResult {
  if (!quorumMet) return "no-quorum";
  return reachesMajority(majority, f.yes, f.no, baseOf(base, f)) ? "adopted" : "rejected";
}
