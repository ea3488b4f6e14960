#!/usr/bin/env node
// Loads the bundle built by `npm run build` (run by `npm install` through the prepare script). CommonJS like the
// bundle, so that no run starts Node's ES module loader (a few ms of every start).
"use strict";

const args = process.argv.slice(2);
// `plattform --version` alone needs nothing of the program: answered before the bundle is loaded.
const versionOnly = args.length === 1 && (args[0] === "--version" || args[0] === "-V");
const printVersion = () => {
  const { readFileSync, writeSync } = require("node:fs");
  // written to the descriptor: process.stdout would load Node's stream modules for one line
  try {
    writeSync(1, `${JSON.parse(readFileSync(`${__dirname}/../package.json`, "utf8")).version}\n`);
  } catch (error) {
    if (error.code !== "EPIPE") throw error; // a reader that stops early is not an error
  }
};
if (versionOnly && !process.env.PLATTFORM_DEBUG_IMPORTS) printVersion();
else
  (async () => {
    // with V8's code cache, see bin/load-bundle.cjs
    const dist = require("./load-bundle.cjs").bundle(require("node:path").join(__dirname, "..", "dist"));
    // PLATTFORM_DEBUG_IMPORTS=1: list the files and packages this run loaded, at exit (a start-up guard).
    if (process.env.PLATTFORM_DEBUG_IMPORTS) dist.load("debug-imports.js").enable(require("node:url").pathToFileURL(`${__dirname}/../`).href);
    if (versionOnly) return printVersion();
    process.exitCode = await dist.load("main.js").main(process.argv);
    dist.saveCache();
  })();
