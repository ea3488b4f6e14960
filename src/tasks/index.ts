// The public face of tasks: other areas import only this file (scripts/check-boundaries.mjs).
export { taskHeader, taskRows } from "./view.js";
export { addTask, completeTask, resolveOwner } from "./service.js";
export type { Owner } from "./service.js";
export { countTasks, getTask, listTasks } from "./store.js";
export type { Task } from "./store.js";
