import { changedFields } from "../core/changes.js";
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { ambiguousName, resolveByFolding } from "../core/nameMatch.js";
import { cleanText, oneOf } from "../core/validate.js";
// A KNOWN import (scripts/check-boundaries.mjs): the store directly, so that status does not load elections/service.ts.
import { lastCertifiedTerm } from "../elections/store.js";
import type { Person } from "../people/index.js";
import { memberOn, TEAM_KINDS, termStatus, type Membership, type Team, type TeamKind, type TeamRole, type TermStatus } from "./model.js";
import { endMembership, findTeams, insertMembership, insertTeam, membershipsOfTeam, teamNames, teamOfKind, teamsNamed, updateTeam } from "./store.js";

type Audit = (entry: AuditEntry) => void;

/** The one team a user means by `ref` (id, name or short name), or a clear error. */
export function resolveTeam(db: Db, ref: string): Team {
  let found = findTeams(db, ref);
  if (found.length === 0) found = findTeams(db, `#${resolveByFolding(teamNames(db), ref, "error.teams.unknownTeam", "error.teams.unknownTeam.hint")}`);
  if (found.length === 1) return found[0]!;
  throw ambiguousName(ref, found);
}

export interface TeamInput {
  name: string;
  short?: string;
  kind: string;
}

/** A short name as typed, checked: letters, digits and hyphens. */
function teamShort(value: string): string | null {
  const short = cleanText(value, "--short", { max: 30 });
  if (short !== null && !/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(short)) throw new CliError("error.teams.invalidTeamShort", { value: short });
  return short;
}

/** No other team may have the name or short name (a team's own old ones are free to keep). */
function ensureUniqueTeam(db: Db, name: string, short: string | null, self?: number): void {
  const clash = teamsNamed(db, name, short).find((t) => t.id !== self);
  if (clash) throw new CliError("error.teams.teamExists", { name: clash.name }, 1, "error.teams.teamExists.hint");
}

export function addTeam(db: Db, audit: Audit, input: TeamInput): number {
  const name = cleanText(input.name, "name", { required: true })!;
  const short = input.short !== undefined ? teamShort(input.short) : null;
  const kind: TeamKind = oneOf(input.kind, TEAM_KINDS, "--kind", "teams.kind.");
  ensureUniqueTeam(db, name, short);
  if (kind === "strategy-finance") {
    const existing = teamOfKind(db, kind);
    if (existing) throw new CliError("error.teams.oneStrategyFinanceTeam", { name: existing.name });
  }
  const id = insertTeam(db, { name, short, kind });
  audit({ entity: "team", id, action: "add", changes: { name, short, kind } });
  return id;
}

/** Renames a team and/or changes its short name; its members, meetings and elections stay with it. */
export function editTeam(db: Db, audit: Audit, team: Team, input: { name?: string; short?: string }): Record<string, [unknown, unknown]> {
  const name = input.name !== undefined ? cleanText(input.name, "--name", { required: true })! : team.name;
  const short = input.short !== undefined ? teamShort(input.short) : team.short;
  ensureUniqueTeam(db, name, short, team.id);
  const changes = changedFields(team, { name, short });
  if (Object.keys(changes).length === 0) return changes;
  updateTeam(db, team.id, { name, short });
  audit({ entity: "team", id: team.id, action: "edit", changes });
  return changes;
}

/**
 * The Strategy & Finance team, which migration 0004 creates under its German name, named in the platform's
 * language when the platform is created: part of init, like the team's creation, so not an edit in the log.
 */
export function nameStrategyFinanceTeam(db: Db, name: string): void {
  const team = teamOfKind(db, "strategy-finance");
  if (team && team.name !== name) updateTeam(db, team.id, { name, short: team.short });
}

export interface JoinInput {
  role: TeamRole;
  from: string;
  until: string | null;
}

/** Puts a person on a team; an overlapping membership of the same person is an error. */
export function joinTeam(db: Db, audit: Audit, team: Team, person: Person, input: JoinInput, forgottenLabel: string): number {
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  if (input.until !== null && input.until <= input.from) throw new CliError("error.teams.untilNotAfterFrom", { from: dateParam(input.from), until: dateParam(input.until) });
  const overlapping = membershipsOfTeam(db, team.id, forgottenLabel).find(
    (m) => m.personId === person.id && (m.until === null || m.until > input.from) && (input.until === null || m.from < input.until),
  );
  if (overlapping)
    throw new CliError("error.teams.alreadyOnTeam", { person: person.name ?? `#${person.id}`, team: team.name, from: dateParam(overlapping.from), until: overlapping.until ? dateParam(overlapping.until) : "–" });
  const id = insertMembership(db, { teamId: team.id, personId: person.id, role: input.role, from: input.from, until: input.until, election: null });
  audit({ entity: "team_member", id, action: "join", changes: { team: team.id, person: person.id, ...input } });
  return id;
}

/** Ends a person's membership of a team on `date` (the first day they are no longer on it). */
export function leaveTeam(db: Db, audit: Audit, team: Team, person: Person, date: string, forgottenLabel: string): Membership {
  const open = membershipsOfTeam(db, team.id, forgottenLabel).find((m) => m.personId === person.id && m.from < date && (m.until === null || m.until > date));
  if (!open) throw new CliError("error.teams.notOnTeam", { person: person.name ?? `#${person.id}`, team: team.name, date });
  endMembership(db, open.id, date);
  audit({ entity: "team_member", id: open.id, action: "leave", changes: { until: [open.until, date] } });
  return { ...open, until: date };
}

/**
 * A new term: the memberships still running on `from` end that day (the history keeps them), and the elected
 * people join from `from` until `until`.
 */
export function startTerm(
  db: Db,
  audit: Audit,
  team: Team,
  personIds: number[],
  term: { from: string; until: string; election: number },
  forgottenLabel: string,
): number[] {
  for (const m of membershipsOfTeam(db, team.id, forgottenLabel)) {
    if (m.from < term.from && (m.until === null || m.until > term.from)) {
      endMembership(db, m.id, term.from);
      audit({ entity: "team_member", id: m.id, action: "term-end", changes: { until: [m.until, term.from], election: term.election } });
    }
  }
  return personIds.map((personId) => {
    const id = insertMembership(db, { teamId: team.id, personId, role: "member", from: term.from, until: term.until, election: term.election });
    audit({ entity: "team_member", id, action: "elected", changes: { team: team.id, person: personId, from: term.from, until: term.until, election: term.election } });
    return id;
  });
}

/**
 * The team's current term: from its last certified election; failing that, from the latest end date among the
 * current members. Null when there is neither.
 */
export function currentTerm(db: Db, team: Team, memberships: Membership[], today: string): TermStatus | null {
  const elected = lastCertifiedTerm(db, team.id);
  if (elected) return termStatus(elected.date, shiftDate(elected.date, elected.termMonths, "m"), elected.election, today);
  const current = memberships.filter((m) => memberOn(m, today) && m.until !== null);
  if (current.length === 0) return null;
  const until = current.map((m) => m.until!).sort().at(-1)!;
  const from = current.map((m) => m.from).sort()[0]!;
  return termStatus(from, until, null, today);
}
