// The composition root's public face, for the other app-layer folders (maintenance, demo).
export { areaChecks, CONTRIBUTIONS, statusParts } from "./contributions.js";
export { forget } from "./forget.js";
export { provideDataSteps } from "./dataSteps.js";
