import type { Context } from "../core/context.js";
import type { Check, Contribution, Problem, StatusPart } from "../core/contributes.js";
import { problem } from "../core/contributes.js";
import { formatDate } from "../core/dates.js";
import { heading, say } from "../core/output.js";
import type { Meeting } from "./model.js";
import { minutesHash } from "./minutesHash.js";
import { allFrozenMinutes, approvedMinutesHashes, eraseAmendmentAuthor, eraseFromOpenMinutes, brokenAmendment, draftMinutes, nextMeeting, presentWhileNoMember } from "./store.js";
import { sha256 } from "../core/hash.js";

/** "Kernkreis, 03.12.2026 19:00, Gemeindesaal" for the dashboard. */
function meetingLine(ctx: Context, m: Meeting): string {
  const kind = ctx.t(`meetingKind.${m.kind}`);
  const what = m.title ? `${m.title} (${kind})` : kind;
  return [what, `${formatDate(m.date, ctx.lang)}${m.time ? ` ${m.time}` : ""}`, m.place].filter(Boolean).join(", ") + ` (#${m.id})`;
}

const next: StatusPart<Meeting | null> = {
  key: "nextMeeting",
  rank: 80,
  build: (ctx, day) => nextMeeting(ctx.db, day) ?? null,
  details: (ctx, m) => [[50, ctx.t("status.nextMeeting"), m ? meetingLine(ctx, m) : ctx.t("status.noNextMeeting")]],
};

/** Held meetings whose minutes are in draft. */
const awaitingApproval: StatusPart<Meeting[]> = {
  key: "minutesAwaitingApproval",
  rank: 100,
  build: (ctx) => draftMinutes(ctx.db),
  after: {
    rank: 20,
    print(ctx, meetings) {
      if (meetings.length === 0) return;
      heading(ctx, ctx.t("status.minutesAwaitingApproval"));
      for (const m of meetings) say(`  • ${meetingLine(ctx, m)}`);
    },
  },
};

/**
 * Approved minutes are locked: the rows behind them still give the content hash stored at approval, the stored
 * approved version still gives its fingerprint, and each amendment's seal follows from the one before.
 */
const approvedMinutes: Check & { rank: number } = {
  name: "approved-minutes",
  rank: 50,
  run(db) {
    const found: Problem[] = [];
    const frozen = new Map(allFrozenMinutes(db).map((f) => [f.meetingId, f]));
    for (const r of approvedMinutesHashes(db)) {
      const where = { meeting: r.id, date: r.date };
      if (r.hash === null) found.push(problem("approved-minutes", "minutesNoHash", where));
      else {
        const now = minutesHash(db, r.id);
        if (now !== r.hash) found.push(problem("approved-minutes", "minutesChanged", { ...where, stored: r.hash.slice(0, 12), now: now.slice(0, 12) }));
      }
      const approved = frozen.get(r.id);
      if (!approved) {
        found.push(problem("approved-minutes", "minutesNotFrozen", where));
        continue;
      }
      const now = sha256(approved.model);
      if (now !== approved.fingerprint)
        found.push(problem("approved-minutes", "snapshotChanged", { ...where, stored: approved.fingerprint.slice(0, 12), now: now.slice(0, 12) }));
      const amendment = brokenAmendment(db, r.id, approved.fingerprint);
      if (amendment !== null) found.push(problem("approved-minutes", "amendmentChanged", { ...where, amendment }));
    }
    return found;
  },
};

/** Only member groups on the meeting's day can be present: an older row for another group is reported. */
const attendanceOfMembers: Check & { rank: number } = {
  name: "attendance",
  rank: 55,
  run: (db) => presentWhileNoMember(db).map((r) => problem("attendance", "presentNoMember", { meeting: r.meeting, date: r.date, group: r.group })),
};

export const meetings: Contribution = {
  area: "meetings", text: {
    // Text of approved minutes stays (the locked record); the meetings area erases it from all others.
    meetings: { kind: "none", title: "area", date: "none", start_time: "none", end_time: "none", place: "area", team: "none", invited_on: "none", status: "none", minutes: "none", approval_note: "area", minutes_hash: "none", created_at: "none" },
    agenda_items: { title: "area", type: "none" },
    item_notes: { text: "area", created_at: "none" },
    attendance: { status: "none", guest_name: "area" },
    minutes_amendments: { text: "area", author: "area", made_on: "none", created_at: "none", seal: "none" },
    approved_minutes: { model: "area", fingerprint: "none", frozen_at: "none" },
    // Who was invited when: the address and the server's answer may name the person; the sender is whoever ran it.
    invitations: { address: "scrub", status: "none", reason: "scrub", invited_at: "none", invited_by: "scrub" },
  },
  erase: (db, person) => {
    eraseAmendmentAuthor(db, person.pattern, `${person.placeholder} #${person.personId}`);
    eraseFromOpenMinutes(db, person.pattern, person.placeholder);
  },
  status: [next as StatusPart, awaitingApproval as StatusPart],
  checks: [approvedMinutes, attendanceOfMembers],
};
