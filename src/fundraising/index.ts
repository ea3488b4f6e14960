// The public face of fundraising: other areas import only this file (scripts/check-boundaries.mjs).
export type { FunderKind } from "./model.js";
export { addApplication, addFunder, addIncome, addReportingDeadline, assessDues, changeStage, markReportingDone, membersDuringYear, resolveApplication, resolveFunder, setBudget } from "./service.js";
export { eraseFromIncome, getReportingDeadline } from "./store.js";
