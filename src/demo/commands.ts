// The demo commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, lazy, type Runnable } from "../core/define.js";

export const demo = command({
  path: "demo",
  help: "help.demo",
  examples: ["demo", "demo --db /tmp/demo.db"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  lazy(demo, handlers, "demo"),
];
