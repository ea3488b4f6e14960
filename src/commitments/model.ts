// Commitments (Zusagen) of decision makers: pure types and rules, no I/O.

export const ANSWERS = ["yes", "no", "partial", "absent"] as const;
export type Answer = (typeof ANSWERS)[number];
export const COMMITMENT_STATUSES = ["pending", "in-progress", "kept", "broken"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** How far ahead `status` looks for commitments coming due. */
export const DUE_SOON_DAYS = 30;

export interface DecisionMaker {
  id: number;
  name: string;
  office: string | null;
  body: string | null;
}

export interface CommitmentUpdate {
  date: string;
  status: CommitmentStatus;
  note: string | null;
}

export interface Commitment {
  id: number;
  ask: string;
  /** the decision maker's name */
  from: string;
  decisionMakerId: number;
  office: string | null;
  body: string | null;
  answer: Answer;
  /** the meeting where it was given (typically an assembly) */
  meeting: number | null;
  /** the date the answer was given */
  date: string;
  due: string | null;
  status: CommitmentStatus;
  /** the date of the latest status: the answer's date until a follow-up changes it */
  statusDate: string;
}

/** Still to be kept: pending or in progress. */
export function isOpen(c: Pick<Commitment, "status">): boolean {
  return c.status === "pending" || c.status === "in-progress";
}

/** Overdue: still open and its due date has passed (a commitment due today is not overdue yet). */
export function isOverdue(c: Pick<Commitment, "status" | "due">, today: string): boolean {
  return isOpen(c) && c.due !== null && c.due < today;
}

/**
 * A whole-number percentage of `part` in `whole`, rounded half up, in integer arithmetic (no floats):
 * 2 of 3 → 67, 1 of 8 → 13. Null when `whole` is 0 (no rate to give).
 */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((200 * part + whole) / (2 * whole));
}

export interface KeptFigures {
  total: number;
  kept: number;
  broken: number;
  inProgress: number;
  pending: number;
  overdue: number;
  /** kept / (kept + broken) as a whole percentage, rounded half up; null while none is kept or broken */
  keptRate: number | null;
}

/** The figures of a set of commitments: the kept rate counts only those decided (kept or broken). */
export function keptFigures(commitments: Array<Pick<Commitment, "status" | "due">>, today: string): KeptFigures {
  const count = (status: CommitmentStatus) => commitments.filter((c) => c.status === status).length;
  const kept = count("kept");
  const broken = count("broken");
  return {
    total: commitments.length,
    kept,
    broken,
    inProgress: count("in-progress"),
    pending: count("pending"),
    overdue: commitments.filter((c) => isOverdue(c, today)).length,
    keptRate: percent(kept, kept + broken),
  };
}
