// The public face of people: other areas import only this file (scripts/check-boundaries.mjs).
export { PEOPLE_CSV_COLUMNS, ROLES, roleHeldOn } from "./model.js";
export type { Person, Role } from "./model.js";
export { erasePerson, importPeople, resolvePerson } from "./service.js";
export { countPeople, findPeople, getPerson, groupsWithoutRepresentative, listPeople, peopleOfGroup, rolesOfPerson } from "./store.js";
