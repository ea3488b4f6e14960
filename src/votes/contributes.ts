import type { Contribution } from "../core/contributes.js";
import { problem } from "../core/contributes.js";
import { duplicateCasts, eraseCorrectionActor } from "./store.js";

/** One vote per member group and roll-call vote (elections adds: one ballot receipt per group and election). */
export const votes: Contribution = {
  area: "votes",
  erase: (db, person) => eraseCorrectionActor(db, person.pattern, `${person.placeholder} #${person.personId}`),
  checks: [
    {
      name: "one-vote-per-group",
      rank: 30,
      run: (db) => duplicateCasts(db).map((r) => problem("one-vote-per-group", "duplicateVote", { vote: r.vote, group: r.group, groupId: r.groupId, count: r.n })),
    },
  ],
};
