// One temporary root for the whole run: every test's folders go inside it, and it is removed at the end.
// The e2e tests spawn the built binary, so dist/ must be built from the sources being tested: a dist/ older
// than any source file is built again here (a plain `npx vitest` would otherwise test whatever lies around).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { dbTarget, dropServerDatabases, makeSchemaTemplate, onServer } from "./server.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** The time dist/ was built, or 0 when there is none. */
function builtAt(): number {
  const main = join(ROOT, "dist", "main.js");
  return existsSync(main) ? statSync(main).mtimeMs : 0;
}

export function ensureFreshBuild(): void {
  const sources = Math.max(newestChange(join(ROOT, "src")), newestChange(join(ROOT, "scripts", "build.mjs")), newestChange(join(ROOT, "package.json")));
  if (builtAt() >= sources) return;
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "inherit" });
  if (builtAt() < sources) throw new Error("dist/ is older than src/ even after `node scripts/build.mjs`: the e2e tests would test a stale build");
}

/**
 * Shared fixture worlds, built once per run with the built program and copied by each test that uses one
 * (test/worlds.ts): the German demo platform as of WORLD_TODAY.
 */
export const WORLD_TODAY = "2026-12-05";

function buildDemoWorld(root: string): string {
  const path = join(root, "worlds", "demo-de.db");
  const home = join(root, "worlds", "home");
  try {
    execFileSync(process.execPath, [join(ROOT, "bin", "plattform.cjs"), "--lang", "de", "demo", "--db", dbTarget(path)], {
      env: { PATH: process.env.PATH ?? "", HOME: home, LANG: "C.UTF-8", NO_COLOR: "1", PLATTFORM_TODAY: WORLD_TODAY },
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    // On a server the tests that use the demo fail one by one (and say so); the others still run.
    if (!onServer) throw error;
    console.warn(`the demo world could not be built on the server: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
  return path;
}

export default async function setup({ provide }: { provide: (key: "demoWorld", value: string) => void }): Promise<() => void> {
  ensureFreshBuild();
  if (onServer) {
    const { migrate, openDataFile, preloadServer } = await import("../src/core/db.js");
    await preloadServer();
    process.env.PLATTFORM_TEST_PG_TEMPLATE = makeSchemaTemplate((url) => {
      const db = openDataFile(url);
      migrate(db);
      db.close();
    });
  }
  const root = mkdtempSync(join(tmpdir(), "plattform-tests-"));
  process.env.PLATTFORM_TEST_TMP = root;
  provide("demoWorld", buildDemoWorld(root));
  return () => {
    dropServerDatabases();
    rmSync(root, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    demoWorld: string;
  }
}
