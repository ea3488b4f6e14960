// The public face of commitments: other areas import only this file (scripts/check-boundaries.mjs).
export { decisionMakerLabel, statusLabel } from "./view.js";
export { ANSWERS, isOverdue, keptFigures, percent } from "./model.js";
export type { Commitment, CommitmentStatus, KeptFigures } from "./model.js";
export { addCommitment, findCommitments, updateCommitment } from "./service.js";
export { getCommitment, listCommitments } from "./store.js";
