import { writeFileSync } from "node:fs";
import { io } from "./io.js";

/**
 * Pause points for the crash tests: with PLATTFORM_TEST_PAUSE_<POINT>=<n> set, the process writes the marker
 * file named by PLATTFORM_TEST_PAUSE_MARKER and sleeps (PLATTFORM_TEST_PAUSE_MS, default 60 s) when it reaches
 * point <n>, so that a test can kill it there. Without those variables a pause point costs one cached lookup.
 */
export type PausePoint = "IMPORT_AT" | "MIGRATION_AT";

let wanted: Partial<Record<PausePoint, string>> | undefined;
let wantedFor: NodeJS.ProcessEnv | undefined;
const paused = new Set<string>();

function wantedPoints(): Partial<Record<PausePoint, string>> {
  if (wanted === undefined || wantedFor !== io().env) {
    wanted = {};
    wantedFor = io().env;
    for (const point of ["IMPORT_AT", "MIGRATION_AT"] as const) {
      const value = io().env[`PLATTFORM_TEST_PAUSE_${point}`];
      if (value) wanted[point] = value;
    }
  }
  return wanted;
}

/** True when any pause point is set: callers may then do the (slightly) costlier wrapping. */
export function pausePointsActive(): boolean {
  return Object.keys(wantedPoints()).length > 0;
}

export function pauseAt(point: PausePoint, n: number): void {
  const value = wantedPoints()[point];
  if (value === undefined || value !== String(n) || paused.has(`${point}:${n}`)) return;
  paused.add(`${point}:${n}`);
  const marker = io().env.PLATTFORM_TEST_PAUSE_MARKER;
  if (marker) writeFileSync(marker, `${process.pid}\n`);
  const ms = Number(io().env.PLATTFORM_TEST_PAUSE_MS ?? 60_000);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number.isFinite(ms) && ms > 0 ? ms : 60_000);
}
