// Every area's contribution to status, check, people forget and the annual report. Adding an area means one line here. Each contributes.ts is small and imports only its own
// store and logic, so loading the list stays cheap on the `status` path.
import type { AnnualSectionBuilder, Check, Contribution, StatusPart } from "../core/contributes.js";
import { campaigns } from "../campaigns/contributes.js";
import { commitments } from "../commitments/contributes.js";
import { conversations } from "../conversations/contributes.js";
import { elections } from "../elections/contributes.js";
import { fundraising } from "../fundraising/contributes.js";
import { groups } from "../groups/contributes.js";
import { meetings } from "../meetings/contributes.js";
import { people } from "../people/contributes.js";
import { platform } from "../platform/contributes.js";
import { reports } from "../reports/contributes.js";
import { tasks } from "../tasks/contributes.js";
import { teams } from "../teams/contributes.js";
import { votes } from "../votes/contributes.js";

export const CONTRIBUTIONS: readonly Contribution[] = [
  platform,
  groups,
  people,
  teams,
  meetings,
  tasks,
  votes,
  elections,
  conversations,
  campaigns,
  commitments,
  fundraising,
  reports,
];

const byRank = <T extends { rank: number }>(items: T[]): T[] => items.sort((a, b) => a.rank - b.rank);

export function statusParts(): StatusPart[] {
  return byRank(CONTRIBUTIONS.flatMap((c) => c.status ?? []));
}

/** The areas' invariants in rank order; checks of the same name (from several areas) run as one. */
export function areaChecks(): Check[] {
  const merged = new Map<string, Check[]>();
  for (const check of byRank(CONTRIBUTIONS.flatMap((c) => c.checks ?? []))) merged.set(check.name, [...(merged.get(check.name) ?? []), check]);
  return [...merged].map(([name, parts]) => ({ name, run: (db) => parts.flatMap((p) => p.run(db)) }));
}

/** The annual report's section builders in rank order, each loaded now (not on the status path). */
export function annualSections(): Promise<AnnualSectionBuilder[]> {
  return Promise.all(byRank(CONTRIBUTIONS.flatMap((c) => c.annual ?? [])).map((s) => s.section()));
}
