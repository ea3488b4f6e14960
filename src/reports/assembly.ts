// The assembly's part of the minutes: the roll call of turnout per member group, and the asks made there with the
// answers given (DOMAIN.md: large public assemblies). Built by buildReport; render/assemblyBlocks.ts lays it out.
import type { Db } from "../core/db.js";
import { assemblyView } from "../assemblies/index.js";
import type { Meeting } from "../meetings/index.js";

export interface AssemblyEntry {
  turnout: Array<{ group: string; pledged: number | null; actual: number | null }>;
  totals: { pledged: number; actual: number };
  asks: Array<{ id: number; from: string; office: string | null; body: string | null; ask: string; answer: string; due: string | null }>;
}

/** The assembly's turnout and asks; null for a meeting that is no assembly and had no commitments given. */
export function assemblyEntry(db: Db, meeting: Meeting): AssemblyEntry | null {
  const view = assemblyView(db, meeting);
  if (!view) return null;
  return {
    turnout: view.turnout.map(({ group, pledged, actual }) => ({ group, pledged, actual })),
    totals: view.totals,
    asks: view.asks.map(({ id, from, office, body, ask, answer, due }) => ({ id, from, office, body, ask, answer, due })),
  };
}
