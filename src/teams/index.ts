// The public face of teams: other areas import only this file (scripts/check-boundaries.mjs).
export { STRATEGY_FINANCE } from "./model.js";
export type { Team, TermStatus } from "./model.js";
export { addTeam, currentTerm, joinTeam, nameStrategyFinanceTeam, resolveTeam, startTerm } from "./service.js";
export { membershipsOfTeam, teamOfKind } from "./store.js";
