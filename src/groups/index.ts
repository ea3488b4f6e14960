// The public face of groups: other areas import only this file (scripts/check-boundaries.mjs).
export { importGroups } from "./csvImport.js";
export { GROUP_CSV_COLUMNS, isMemberOn } from "./model.js";
export type { Group } from "./model.js";
export { editGroup, resolveGroup } from "./service.js";
export { countGroups, findGroups, getGroup, groupByIban, listGroups, membersOn } from "./store.js";
