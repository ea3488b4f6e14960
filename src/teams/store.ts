import type { NameCandidate } from "../core/nameMatch.js";
import type { Db } from "../core/db.js";
import { nameKey } from "../core/validate.js";
import type { Membership, Team, TeamKind, TeamRole } from "./model.js";

const TEAM_COLUMNS = "id, name, short, kind";

export function listTeams(db: Db): Team[] {
  return db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams ORDER BY kind <> 'strategy-finance', name COLLATE NOCASE, id`).all() as Team[];
}

export function getTeam(db: Db, id: number): Team | undefined {
  return db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ?`).get(id) as Team | undefined;
}

/** Teams a user may mean by `ref`: the id, the name or the short name (case-insensitive). */
export function findTeams(db: Db, ref: string): Team[] {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  return db
    .prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE id = ? OR name_key = ? OR short_key = ? ORDER BY id`)
    .all(byId, nameKey(trimmed), nameKey(trimmed)) as Team[];
}

/** Every team's id, name and short code: what a name that matched nothing exactly is compared with. */
export function teamNames(db: Db): NameCandidate[] {
  return db.prepare("SELECT id, name, short FROM teams ORDER BY id").all() as NameCandidate[];
}

export function teamsNamed(db: Db, name: string, short: string | null): Team[] {
  return db
    .prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE name_key IN (?, ?) OR short_key IN (?, ?)`)
    .all(nameKey(name), short === null ? null : nameKey(short), nameKey(name), short === null ? null : nameKey(short)) as Team[];
}

export function teamOfKind(db: Db, kind: TeamKind): Team | undefined {
  return db.prepare(`SELECT ${TEAM_COLUMNS} FROM teams WHERE kind = ? ORDER BY id LIMIT 1`).get(kind) as Team | undefined;
}

export function insertTeam(db: Db, team: Omit<Team, "id">): number {
  return Number(
    db
      .prepare("INSERT INTO teams (name, name_key, short, short_key, kind, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(team.name, nameKey(team.name), team.short, team.short === null ? null : nameKey(team.short), team.kind, new Date().toISOString()),
  );
}

export function updateTeam(db: Db, id: number, team: Pick<Team, "name" | "short">): void {
  db.prepare("UPDATE teams SET name = ?, name_key = ?, short = ?, short_key = ? WHERE id = ?").run(
    team.name,
    nameKey(team.name),
    team.short,
    team.short === null ? null : nameKey(team.short),
    id,
  );
}

interface MembershipRow {
  id: number;
  teamId: number;
  personId: number;
  name: string | null;
  role: TeamRole;
  from: string;
  until: string | null;
  election: number | null;
}

/** Every membership of a team, current and past, in the order of their start. */
export function membershipsOfTeam(db: Db, teamId: number, forgottenLabel: string): Membership[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.team_id AS "teamId", m.person_id AS "personId", p.name, m.role, m.since AS "from", m.until, m.election_id AS election
         FROM team_members m JOIN people p ON p.id = m.person_id
        WHERE m.team_id = ? ORDER BY m.since, m.role <> 'lead', p.name COLLATE NOCASE, m.id`,
    )
    .all(teamId) as MembershipRow[];
  return rows.map(({ name, ...rest }) => ({ ...rest, person: name ?? `${forgottenLabel} #${rest.personId}` }));
}

export function insertMembership(
  db: Db,
  m: { teamId: number; personId: number; role: TeamRole; from: string; until: string | null; election: number | null },
): number {
  return Number(
    db
      .prepare("INSERT INTO team_members (team_id, person_id, role, since, until, election_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(m.teamId, m.personId, m.role, m.from, m.until, m.election),
  );
}

export function endMembership(db: Db, id: number, until: string): void {
  db.prepare("UPDATE team_members SET until = ? WHERE id = ?").run(until, id);
}

/** The number of people on each team on a date. */
export function memberCounts(db: Db, date: string): Map<number, number> {
  const rows = db
    .prepare(`SELECT team_id AS "teamId", count(DISTINCT person_id) AS n FROM team_members WHERE since <= ? AND (until IS NULL OR until > ?) GROUP BY team_id`)
    .all(date, date) as Array<{ teamId: number; n: number }>;
  return new Map(rows.map((r) => [r.teamId, r.n]));
}
