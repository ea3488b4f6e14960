import type { Contribution, StatusPart } from "../core/contributes.js";
import { formatDate, shiftDate } from "../core/dates.js";
import { heading, say } from "../core/output.js";
import { eraseNotesWith, followUpsDue, type FollowUp } from "./store.js";

/** How far ahead the dashboard looks for follow-ups of conversations. */
export const FOLLOW_UP_DAYS = 14;

/** How many follow-ups the dashboard lists by name. */
const SHOWN = 10;

/** Conversations whose follow-up date is within FOLLOW_UP_DAYS or past, not yet followed up. */
const followUps: StatusPart<Array<FollowUp & { overdue: boolean }>> = {
  key: "followUpsDue",
  rank: 120,
  build(ctx, day) {
    const forgotten = ctx.t("people.forgottenName");
    return followUpsDue(ctx.db, shiftDate(day, FOLLOW_UP_DAYS, "d")).map((f) => ({
      ...f,
      holder: f.holder ?? `${forgotten} #${f.holderId}`,
      with: f.with.map((w) => w ?? forgotten),
      overdue: f.followUp < day,
    }));
  },
  details: (ctx, due) => [
    [80, ctx.t("status.followUps"), ctx.t("status.followUpsValue", { due: due.length, overdue: due.filter((f) => f.overdue).length, days: FOLLOW_UP_DAYS })],
  ],
  after: {
    rank: 30,
    print(ctx, due) {
      if (due.length === 0) return;
      heading(ctx, ctx.t("status.followUpsHeading"));
      // The most urgent ones; the dashboard stays short (--json has them all).
      for (const f of due.slice(0, SHOWN))
        say(`  • ${formatDate(f.followUp, ctx.lang)}${f.overdue ? ` (${ctx.t("commitments.overdue")})` : ""}: ${f.holder} → ${f.with.join(", ")}${f.nextStep ? ` — ${f.nextStep}` : ""}`);
      if (due.length > SHOWN) say(`  ${ctx.t("status.more", { count: due.length - SHOWN })}`);
    },
  },
};

export const conversations: Contribution = {
  area: "conversations", text: {
    conversations: { kind: "none", held_on: "none", notes: "scrub", next_step: "scrub", follow_up_on: "none", created_at: "none" },
    topics: { name: "none", name_key: "none", created_at: "none" },
  },
  status: [followUps as StatusPart],
  // What they said in conversations is theirs too: the notes go, the record that a conversation took place stays.
  erase: (db, person) => void eraseNotesWith(db, person.personId),
};
