// The commands whose handlers live in the composition root, bound here: their definitions stay in the areas
// whose help lists them (the registry swaps these in by path).
import { lazy, type Runnable } from "../core/define.js";
import { close, run } from "../meetings/commands.js";
import { forget } from "../people/commands.js";
import { init, status } from "../platform/commands.js";
import { annual } from "../reports/commands.js";

const handlers = () => import("./handlers.js");

export const commands: Runnable[] = [
  lazy(init, () => import("./init.js"), "init"),
  lazy(status, handlers, "status"),
  lazy(forget, handlers, "forget"),
  lazy(annual, handlers, "annual"),
  lazy(run, () => import("./run/run.js"), "run"),
  lazy(close, () => import("./close.js"), "close"),
];
