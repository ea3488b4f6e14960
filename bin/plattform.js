#!/usr/bin/env node
// Loads the bundle built by `npm run build` (run by `npm install` through the prepare script).
import module from "node:module";

module.enableCompileCache?.();
// `plattform groups list | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
// PLATTFORM_DEBUG_IMPORTS=1: list the files and packages this run loaded, at exit (a start-up guard).
if (process.env.PLATTFORM_DEBUG_IMPORTS) (await import("../dist/debug-imports.js")).enable(new URL("..", import.meta.url).href);
// `plattform --version` alone needs nothing of the program: answered before the bundle is loaded.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const { readFileSync } = await import("node:fs");
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  const { main } = await import("../dist/main.js");
  process.exitCode = await main(process.argv);
}
