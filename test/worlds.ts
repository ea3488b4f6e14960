// Shared fixture worlds (built once per run in test/globalSetup.ts): each call hands out a copy of its own.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { tempDir } from "./helpers.js";
import { copyDatabase, onServer } from "./server.js";

export { WORLD_TODAY } from "./globalSetup.js";

/** A fresh copy of the German demo platform as of WORLD_TODAY (run it with PLATTFORM_TODAY=WORLD_TODAY). */
export function demoWorld(): string {
  const path = join(tempDir(), "demo.db");
  if (onServer) {
    copyDatabase(inject("demoWorld"), path);
    return path;
  }
  copyFileSync(inject("demoWorld"), path);
  return path;
}
