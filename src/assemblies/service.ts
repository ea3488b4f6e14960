// Assemblies (meetings of kind `assembly`): the roll call of turnout per member group, and the asks made there.
import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, term } from "../core/errors.js";
import type { Group } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { currentMeeting, ensureEditable } from "../meetings/index.js";
import type { Commitment } from "../commitments/index.js";
import { listCommitments } from "../commitments/index.js";
import { saveTurnout, turnoutOf, turnoutRow, type Turnout } from "./store.js";

type Audit = (entry: AuditEntry) => void;

/** A number of people as typed: a whole number from 0 to 100 000. */
export function parseHeadcount(raw: string, field: string): number {
  const value = raw.trim();
  if (!/^\d{1,6}$/.test(value) || Number(value) > 100_000) throw new CliError("error.assemblies.invalidHeadcount", { field, value: raw });
  return Number(value);
}

/**
 * Records how many people a group pledged to bring to an assembly and how many came. A figure not given keeps
 * its earlier value; the change is logged.
 */
export function setTurnout(db: Db, audit: Audit, meeting: Meeting, group: Group, input: { pledged?: number; actual?: number }): Turnout {
  meeting = currentMeeting(db, meeting);
  if (meeting.kind !== "assembly") throw new CliError("error.assemblies.notAssembly", { id: meeting.id, kind: term(`meetingKind.${meeting.kind}`) });
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  ensureEditable(meeting);
  if (input.pledged === undefined && input.actual === undefined) throw new CliError("error.nothingToChange", {}, 1, "error.assemblies.turnoutHint");
  const before = turnoutRow(db, meeting.id, group.id);
  const pledged = input.pledged ?? before?.pledged ?? null;
  const actual = input.actual ?? before?.actual ?? null;
  saveTurnout(db, meeting.id, group.id, pledged, actual);
  audit({
    entity: "assembly_turnout",
    id: meeting.id,
    action: "set",
    changes: { group: group.id, pledged: [before?.pledged ?? null, pledged], actual: [before?.actual ?? null, actual] },
  });
  return turnoutOf(db, meeting.id).find((t) => t.groupId === group.id)!;
}

export interface AssemblyView {
  turnout: Turnout[];
  /** sums over the groups; a group without a figure adds nothing */
  totals: { pledged: number; actual: number };
  /** the asks made at the meeting, each with its answer (the commitments recorded with --at) */
  asks: Commitment[];
}

/** What `meetings show` and the minutes add for an assembly (or any meeting where commitments were given). */
export function assemblyView(db: Db, meeting: Meeting): AssemblyView | null {
  const turnout = turnoutOf(db, meeting.id);
  const asks = listCommitments(db, { meetingId: meeting.id });
  if (meeting.kind !== "assembly" && turnout.length === 0 && asks.length === 0) return null;
  return {
    turnout,
    totals: {
      pledged: turnout.reduce((sum, t) => sum + (t.pledged ?? 0), 0),
      actual: turnout.reduce((sum, t) => sum + (t.actual ?? 0), 0),
    },
    asks,
  };
}
