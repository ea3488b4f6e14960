// The public face of assemblies: other areas import only this file (scripts/check-boundaries.mjs).
export { printAssembly } from "./view.js";
export { assemblyView, setTurnout } from "./service.js";
export { trainingsOfPerson } from "./store.js";
