// The public face of votes: other areas import only this file (scripts/check-boundaries.mjs).
export { MAJORITIES, VOTE_MODES } from "./majority.js";
export type { Choice, Majority, VoteMode } from "./majority.js";
export { castVote, closeVote, countVote, decisionsOf, openVote, parseCount, resolveVote, voteView } from "./service.js";
export { getVote, listVotes, votesOutOfDay } from "./store.js";
export type { Vote } from "./store.js";
export type { DecisionEntry } from "./service.js";
