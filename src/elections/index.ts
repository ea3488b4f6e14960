// The public face of elections: other areas import only this file (scripts/check-boundaries.mjs).
export { acceptCandidacy, addElection, candidateName, castBallot, castBallots, ballotContent, certify, countElection, decodeTally, minutesEntries, nominate, recordTally, resolveCandidate, resolveElection, votingGroups } from "./service.js";
export { electionsOutOfDay, hasReceipt, lastCertifiedTerm, listCandidates, listElections } from "./store.js";
export type { Candidate, Election } from "./store.js";
export type { ElectionEntry } from "./service.js";
