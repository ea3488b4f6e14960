#!/usr/bin/env node
// Loads the bundle built by `npm run build` (run by `npm install` through the prepare script).
import module from "node:module";

module.enableCompileCache?.();
// `plattform groups list | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import("../dist/main.js");
process.exitCode = await main(process.argv);
