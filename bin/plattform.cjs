#!/usr/bin/env node
// Loads the bundle built by `npm run build` (run by `npm install` through the prepare script). CommonJS, so
// that `plattform --version` is answered before Node starts its ES module loader (a few ms of every start).
"use strict";

require("node:module").enableCompileCache?.();
// `plattform groups list | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const args = process.argv.slice(2);
// `plattform --version` alone needs nothing of the program: answered before the bundle is loaded.
const versionOnly = args.length === 1 && (args[0] === "--version" || args[0] === "-V");
const printVersion = () => {
  const { readFileSync } = require("node:fs");
  process.stdout.write(`${JSON.parse(readFileSync(`${__dirname}/../package.json`, "utf8")).version}\n`);
};
if (versionOnly && !process.env.PLATTFORM_DEBUG_IMPORTS) printVersion();
else
  (async () => {
    // PLATTFORM_DEBUG_IMPORTS=1: list the files and packages this run loaded, at exit (a start-up guard).
    if (process.env.PLATTFORM_DEBUG_IMPORTS)
      (await import("../dist/debug-imports.js")).enable(require("node:url").pathToFileURL(`${__dirname}/../`).href);
    if (versionOnly) return printVersion();
    const { main } = await import("../dist/main.js");
    process.exitCode = await main(process.argv);
  })();
