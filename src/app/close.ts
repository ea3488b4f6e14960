// `meetings close`: in the composition root, because a meeting closes only while none of its votes and elections
// is still open, and those are other areas' rows. A motion left open would vanish from the minutes.
import type { AuditEntry, Context } from "../core/context.js";
import type { Db } from "../core/db.js";
import { today } from "../core/dates.js";
import { CliError, dateParam } from "../core/errors.js";
import { printJson, say } from "../core/output.js";
import { listElections } from "../elections/index.js";
import { closeMeeting, currentMeeting, ensureTakenPlace, getMeeting, meetingLabel, resolveMeeting, type Meeting } from "../meetings/index.js";
import { listVotes } from "../votes/index.js";

/** Closes the meeting as held, its rules checked inside the write: taken place, no vote or election still open. */
export function closeWhenNothingOpen(db: Db, audit: (entry: AuditEntry) => void, meeting: Meeting, day: string): void {
  const now = currentMeeting(db, meeting);
  ensureTakenPlace(now, day);
  const votes = listVotes(db, { meetingId: now.id }).filter((v) => v.status === "open");
  if (votes.length > 0) throw new CliError("error.closeVotesOpen", { id: now.id, date: dateParam(now.date), votes: votes.map((v) => `#${v.id}`).join(", ") }, 1, "error.closeVotesOpen.hint");
  const elections = listElections(db, { meetingId: now.id }).filter((e) => e.status === "open");
  if (elections.length > 0)
    throw new CliError("error.closeElectionsOpen", { id: now.id, date: dateParam(now.date), elections: elections.map((e) => `#${e.id}`).join(", ") }, 1, "error.closeElectionsOpen.hint");
  closeMeeting(db, audit, now);
}

export async function close(ctx: Context, [ref]: string[]): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  ctx.write((audit) => closeWhenNothingOpen(ctx.db, audit, meeting, day));
  if (ctx.json) return printJson(getMeeting(ctx.db, meeting.id));
  say(ctx.t("meetings.closed", { label: meetingLabel(ctx, meeting) }));
}
