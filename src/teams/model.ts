// Teams and their members' terms: pure rules, no I/O.

export const TEAM_KINDS = ["strategy-finance", "action", "other"] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_ROLES = ["lead", "member"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The short name of the Strategy & Finance team, which every platform has from `init`. */
export const STRATEGY_FINANCE = "strategy-finance";

/** How close the end of a term must be for `teams show` to warn that a new election is due. */
export const ELECTION_DUE_DAYS = 60;

export interface Team {
  id: number;
  name: string;
  short: string | null;
  kind: TeamKind;
}

export interface Membership {
  id: number;
  teamId: number;
  personId: number;
  /** the person's name, or the forgotten-person label */
  person: string;
  role: TeamRole;
  /** first day on the team */
  from: string;
  /** the day the membership ended (exclusive), null while open-ended */
  until: string | null;
  /** the certified election this term comes from */
  election: number | null;
}

/** A membership counts on a date from its first day until the day before `until`. */
export function memberOn(m: Pick<Membership, "from" | "until">, date: string): boolean {
  return m.from <= date && (m.until === null || m.until > date);
}

/** Splits memberships into those current on `date`, those starting later, and the past ones (history). */
export function partitionMemberships(memberships: Membership[], date: string): { current: Membership[]; upcoming: Membership[]; past: Membership[] } {
  return {
    current: memberships.filter((m) => memberOn(m, date)),
    upcoming: memberships.filter((m) => m.from > date),
    past: memberships.filter((m) => m.until !== null && m.until <= date && m.from <= date),
  };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export interface TermStatus {
  from: string;
  /** the day the term ends (exclusive: the last day of the term is the day before) */
  until: string;
  /** the election the term comes from, if it was elected */
  election: number | null;
  daysLeft: number;
  /** the term ends within ELECTION_DUE_DAYS: a new election is due */
  due: boolean;
  /** the term has ended */
  overdue: boolean;
}

export function termStatus(from: string, until: string, election: number | null, today: string): TermStatus {
  const daysLeft = daysBetween(today, until);
  return { from, until, election, daysLeft, due: daysLeft > 0 && daysLeft <= ELECTION_DUE_DAYS, overdue: daysLeft <= 0 };
}
