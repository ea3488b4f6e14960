// The rules of commitments: who the decision maker is, where and when the answer was given, follow-ups.
import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { cleanNotes, cleanText, nameKey, oneOf } from "../core/validate.js";
import type { Meeting } from "../meetings/index.js";
import { currentMeeting, ensureEditable } from "../meetings/index.js";
import { ANSWERS, COMMITMENT_STATUSES, type Commitment, type CommitmentStatus, type DecisionMaker } from "./model.js";
import {
  decisionMakerByName,
  findDecisionMakers,
  getCommitment,
  insertCommitment,
  insertDecisionMaker,
  insertUpdate,
  latestUpdate,
  listCommitments,
  setCommitmentStatus,
  updateDecisionMaker,
} from "./store.js";

type Audit = (entry: AuditEntry) => void;

/** A commitment by its number (`7` or `#7`). */
export function resolveCommitment(db: Db, ref: string): Commitment {
  const m = /^#?(\d{1,9})$/.exec(ref.trim());
  const found = m ? getCommitment(db, Number(m[1])) : undefined;
  if (!found) throw new CliError("error.commitments.unknown", { ref }, 1, "error.commitments.unknown.hint");
  return found;
}

/** A decision maker by id or name (for filters: an unknown one is an error). */
export function resolveDecisionMaker(db: Db, ref: string): DecisionMaker {
  const found = findDecisionMakers(db, ref);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new CliError("error.commitments.unknownDecisionMaker", { ref }, 1, "error.commitments.unknownDecisionMaker.hint");
  throw new CliError("error.ambiguous", { ref, candidates: found.map((d) => `#${d.id} ${d.name}`).join(", ") });
}

export interface CommitmentInput {
  ask: string;
  from: string;
  office?: string;
  body?: string;
  answer: string;
  meeting: Meeting | null;
  /** the answer's date, already parsed; defaults to the meeting's date, else today */
  date: string | null;
  due: string | null;
}

/**
 * The decision maker named `name`: reused when known (a given office or body updates theirs, logged), added
 * otherwise.
 */
function decisionMakerFor(db: Db, audit: Audit, name: string, office: string | null | undefined, body: string | null | undefined): number {
  const known = decisionMakerByName(db, name);
  if (!known) {
    const id = insertDecisionMaker(db, { name, office: office ?? null, body: body ?? null });
    audit({ entity: "decision_maker", id, action: "add", changes: { name, office: office ?? null, body: body ?? null } });
    return id;
  }
  const nextOffice = office === undefined ? known.office : office;
  const nextBody = body === undefined ? known.body : body;
  if (nextOffice !== known.office || nextBody !== known.body) {
    updateDecisionMaker(db, known.id, nextOffice, nextBody);
    audit({ entity: "decision_maker", id: known.id, action: "edit", changes: { office: [known.office, nextOffice], body: [known.body, nextBody] } });
  }
  return known.id;
}

export function addCommitment(db: Db, audit: Audit, input: CommitmentInput, today: string): number {
  const ask = cleanText(input.ask, "--ask", { required: true, max: 1000 })!;
  const from = cleanText(input.from, "--from", { required: true })!;
  const office = input.office !== undefined ? cleanText(input.office, "--office") : undefined;
  const body = input.body !== undefined ? cleanText(input.body, "--body") : undefined;
  const answer = oneOf(input.answer, ANSWERS, "--answer");
  const meeting = input.meeting ? currentMeeting(db, input.meeting) : null;
  if (meeting) {
    if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
    // The asks made at a meeting are part of its minutes: once they are approved, nothing is added to them.
    ensureEditable(meeting);
  }
  const date = input.date ?? meeting?.date ?? today;
  if (input.due !== null && input.due < date) throw new CliError("error.commitments.dueBeforeDate", { due: dateParam(input.due), date: dateParam(date) });
  const decisionMakerId = decisionMakerFor(db, audit, from, office, body);
  const id = insertCommitment(db, { ask, decisionMakerId, answer, meetingId: meeting?.id ?? null, date, due: input.due });
  audit({ entity: "commitment", id, action: "add", changes: { ask, decisionMaker: decisionMakerId, answer, meeting: meeting?.id ?? null, date, due: input.due } });
  return id;
}

export interface UpdateInput {
  status: string;
  note?: string;
  date: string;
}

/**
 * A dated follow-up: kept in the history, and the commitment's status becomes that of its latest follow-up by
 * date (a follow-up entered late for an earlier day does not overwrite a newer one).
 */
export function updateCommitment(db: Db, audit: Audit, commitment: Commitment, input: UpdateInput): CommitmentStatus {
  const status = oneOf(input.status, COMMITMENT_STATUSES, "--status");
  const note = input.note !== undefined ? cleanNotes(input.note, "--note") : null;
  if (input.date < commitment.date) throw new CliError("error.commitments.updateBeforeDate", { date: dateParam(input.date), given: dateParam(commitment.date) });
  insertUpdate(db, commitment.id, { date: input.date, status, note });
  const latest = latestUpdate(db, commitment.id)!;
  setCommitmentStatus(db, commitment.id, latest.status, latest.date);
  audit({ entity: "commitment", id: commitment.id, action: "update", changes: { status: [commitment.status, latest.status], date: input.date, note } });
  return latest.status;
}

/** Commitments by the filters of `commitments list`; the body matches case-insensitively in any script. */
export interface CommitmentQuery {
  status?: CommitmentStatus;
  decisionMaker?: DecisionMaker;
  body?: string;
  /** open and due before this date */
  overdueOn?: string;
  /** given on or after / on or before */
  since?: string;
  until?: string;
  meetingId?: number;
}

export function findCommitments(db: Db, filter: CommitmentQuery): Commitment[] {
  const rows = listCommitments(db, {
    status: filter.status,
    decisionMakerId: filter.decisionMaker?.id,
    overdueOn: filter.overdueOn,
    meetingId: filter.meetingId,
    from: filter.since,
    until: filter.until,
  });
  if (filter.body === undefined) return rows;
  const key = nameKey(filter.body.trim());
  return rows.filter((c) => c.body !== null && nameKey(c.body) === key);
}
