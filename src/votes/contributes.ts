import type { Contribution } from "../core/contributes.js";
import { problem } from "../core/contributes.js";
import { duplicateCasts, eraseCorrectionActor, eraseFromOpenVotes } from "./store.js";

/** One vote per member group and roll-call vote (elections adds: one ballot receipt per group and election). */
export const votes: Contribution = {
  area: "votes", text: {
    votes: { motion: "area", mode: "none", majority: "none", base: "none", status: "none", result: "none", quorum_rule: "none", opened_at: "none", closed_at: "none", withdrawn_reason: "area" },
    vote_casts: { choice: "none", cast_at: "none" },
    vote_corrections: { from_choice: "none", to_choice: "none", reason: "area", actor: "area", made_at: "none" },
  },
  erase: (db, person) => {
    eraseCorrectionActor(db, person.pattern, `${person.placeholder} #${person.personId}`);
    eraseFromOpenVotes(db, person.pattern, person.placeholder);
  },
  checks: [
    {
      name: "one-vote-per-group",
      rank: 30,
      run: (db) => duplicateCasts(db).map((r) => problem("one-vote-per-group", "duplicateVote", { vote: r.vote, group: r.group, groupId: r.groupId, count: r.n })),
    },
  ],
};
