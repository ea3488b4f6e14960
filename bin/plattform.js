#!/usr/bin/env node
// Loads the bundle built by `npm run build` (run by `npm install` through the prepare script).
import module from "node:module";

module.enableCompileCache?.();
const { main } = await import("../dist/main.js");
process.exitCode = await main(process.argv);
