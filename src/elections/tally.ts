// The result of counting an election, in the shape CLI.md fixes for `--json`. Every method returns it.

export type CandidateState = "hopeful" | "elected" | "excluded" | "withdrawn";

export interface RoundCandidate {
  name: string;
  state: CandidateState;
  /** decimal string with the method's precision: "1913.00000" for Scottish STV, "7" for counting methods */
  votes: string;
}

export interface Round {
  round: number;
  /** what happened in this round, e.g. "first preferences", "surplus of A", "exclusion of B", "elected: C" */
  action: string;
  candidates: RoundCandidate[];
  nontransferable: string;
  /** what kind of step this round is (for translated output); absent for methods with a single round */
  kind?: "first" | "surplus" | "exclusion" | "count";
  /** the candidate whose surplus is transferred or who is excluded */
  subject?: string;
  /** the surplus transferred in this round (STV) */
  surplus?: string;
  /** votes lost, up to this round, by truncating transfer values (STV) */
  residual?: string;
  /** names elected at the end of this round, in order of election */
  elected?: string[];
}

export interface Tie {
  round: number;
  between: string[];
  decidedBy: "earlier-stage" | "lot";
  /** what the tie was about */
  purpose?: "surplus" | "exclusion" | "election";
  /** the candidate the tie was decided for (whose surplus goes first, who is excluded, who is elected) */
  chosen?: string;
}

export interface Tally {
  method: "scottish-stv" | "approval" | "yes-no-abstain";
  seats: number;
  quota: string | null;
  valid: number;
  elected: string[];
  rounds: Round[];
  ties: Tie[];
  /** the seed of the lot, when one was drawn (or given with --seed); null when no lot was needed */
  seed: number | null;
}

/** An election as every counting method sees it: candidates by index, ballots by index. */
export interface CountInput {
  title?: string;
  candidates: string[];
  seats: number;
  /** indices (0-based) of withdrawn candidates */
  withdrawn: number[];
}

/** A ranked ballot (STV): candidate indices in order of preference, with a weight (BLT files group equal ballots). */
export interface RankedBallot {
  weight: number;
  ranking: number[];
}
