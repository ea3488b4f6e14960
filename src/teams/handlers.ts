import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { CliError } from "../core/errors.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { heading, printDetails, printJson, printTable, say, warn } from "../core/output.js";
import { oneOf } from "../core/validate.js";
import { resolvePerson } from "../people/index.js";
import { partitionMemberships, TEAM_ROLES, type Membership, type Team, type TermStatus } from "./model.js";
import { addTeam, currentTerm, editTeam, joinTeam, leaveTeam, resolveTeam } from "./service.js";
import { getTeam, listTeams, memberCounts, membershipsOfTeam } from "./store.js";
import { listMeetings } from "../meetings/index.js";
import type { Meeting } from "../meetings/index.js";

function forgotten(ctx: Context): string {
  return ctx.t("people.forgottenName");
}

function memberJson(m: Membership) {
  return { id: m.id, person: m.person, personId: m.personId, role: m.role, from: m.from, until: m.until, election: m.election };
}

export interface TeamDetails extends Team {
  members: ReturnType<typeof memberJson>[];
  upcoming: ReturnType<typeof memberJson>[];
  history: ReturnType<typeof memberJson>[];
  term: TermStatus | null;
  /** the team's meetings (kind team, linked with --team): planned ones ahead, and those that took place */
  meetings: { upcoming: TeamMeeting[]; past: TeamMeeting[] };
}

type TeamMeeting = Pick<Meeting, "id" | "kind" | "title" | "date" | "time" | "place" | "status" | "minutes">;

function teamMeetings(ctx: Context, team: Team, day: string): TeamDetails["meetings"] {
  const brief = ({ id, kind, title, date, time, place, status, minutes }: Meeting): TeamMeeting => ({ id, kind, title, date, time, place, status, minutes });
  const all = listMeetings(ctx.db, { teamId: team.id }).filter((m) => m.status !== "cancelled");
  const isUpcoming = (m: Meeting) => m.status === "planned" && m.date >= day;
  return { upcoming: all.filter(isUpcoming).map(brief), past: all.filter((m) => !isUpcoming(m)).reverse().map(brief) };
}

export function teamDetails(ctx: Context, team: Team, day: string): TeamDetails {
  const memberships = membershipsOfTeam(ctx.db, team.id, forgotten(ctx));
  const { current, upcoming, past } = partitionMemberships(memberships, day);
  return {
    ...team,
    members: current.map(memberJson),
    upcoming: upcoming.map(memberJson),
    history: past.map(memberJson),
    term: currentTerm(ctx.db, team, memberships, day),
    meetings: teamMeetings(ctx, team, day),
  };
}

/** Whether a team's term deserves a warning: the Strategy & Finance team always, other teams once elected. */
function watched(team: Team, term: TermStatus | null): term is TermStatus {
  return term !== null && (team.kind === "strategy-finance" || term.election !== null) && (term.due || term.overdue);
}

function warnTerm(ctx: Context, team: Team, term: TermStatus): void {
  const until = formatDate(term.until, ctx.lang);
  if (term.overdue) warn(ctx, ctx.t("teams.electionOverdue", { team: team.name, until }));
  else warn(ctx, ctx.t("teams.electionDue", { team: team.name, until, days: term.daysLeft }));
}

function kindLabel(ctx: Context, kind: Team["kind"]): string {
  return ctx.t(`teams.kind.${kind}`);
}

export async function list(ctx: Context): Promise<void> {
  const day = today();
  const teams = listTeams(ctx.db);
  const counts = memberCounts(ctx.db, day);
  const rows = teams.map((team) => {
    const term = currentTerm(ctx.db, team, membershipsOfTeam(ctx.db, team.id, forgotten(ctx)), day);
    return { ...team, members: counts.get(team.id) ?? 0, term };
  });
  if (ctx.json) return printJson(rows);
  printTable(
    ctx,
    ["#", ctx.t("label.name"), ctx.t("label.short"), ctx.t("label.kind"), ctx.t("teams.label.members"), ctx.t("teams.label.termUntil")],
    rows.map((t) => [t.id, t.name, t.short, kindLabel(ctx, t.kind), t.members, t.term ? formatDate(t.term.until, ctx.lang) : ""]),
  );
  for (const t of rows) if (watched(t, t.term)) warnTerm(ctx, t, t.term);
}

function membershipRows(ctx: Context, rows: ReturnType<typeof memberJson>[]): unknown[][] {
  return rows.map((m) => [m.person, ctx.t(`teams.role.${m.role}`), formatDate(m.from, ctx.lang), formatDate(m.until, ctx.lang)]);
}

export async function show(ctx: Context, [ref]: Args<typeof def.show>): Promise<void> {
  const day = today();
  const team = resolveTeam(ctx.db, ref!);
  const details = teamDetails(ctx, team, day);
  const { term } = details;
  if (watched(team, term)) warnTerm(ctx, team, term);
  if (ctx.json) return printJson(details);
  printDetails(ctx, [
    [ctx.t("label.team"), `${team.name} (#${team.id})`],
    [ctx.t("label.short"), team.short],
    [ctx.t("label.kind"), kindLabel(ctx, team.kind)],
    [
      ctx.t("teams.label.term"),
      term ? ctx.t("teams.termLine", { from: formatDate(term.from, ctx.lang), until: formatDate(term.until, ctx.lang), election: term.election !== null ? `#${term.election}` : "–" }) : null,
    ],
  ]);
  const head = [ctx.t("label.name"), ctx.t("label.role"), ctx.t("teams.label.from"), ctx.t("label.until")];
  heading(ctx, ctx.t("teams.members"));
  if (details.members.length === 0) say(ctx.t("teams.noMembers"));
  else printTable(ctx, head, membershipRows(ctx, details.members));
  if (details.upcoming.length > 0) {
    heading(ctx, ctx.t("teams.upcoming"));
    printTable(ctx, head, membershipRows(ctx, details.upcoming));
  }
  if (details.history.length > 0) {
    heading(ctx, ctx.t("teams.history"));
    printTable(ctx, head, membershipRows(ctx, details.history));
  }
  const meetingRows = (rows: TeamMeeting[]) =>
    rows.map((m) => [m.id, formatDate(m.date, ctx.lang), m.time, m.title ?? ctx.t(`meetingKind.${m.kind}`), m.place]);
  const meetingHead = ["#", ctx.t("label.date"), ctx.t("label.time"), ctx.t("label.title"), ctx.t("label.place")];
  if (details.meetings.upcoming.length > 0) {
    heading(ctx, ctx.t("teams.upcomingMeetings"));
    printTable(ctx, meetingHead, meetingRows(details.meetings.upcoming));
  }
  if (details.meetings.past.length > 0) {
    heading(ctx, ctx.t("teams.pastMeetings"));
    printTable(ctx, meetingHead, meetingRows(details.meetings.past));
  }
}

export async function add(ctx: Context, [name]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const id = ctx.write((audit) => addTeam(ctx.db, audit, { name: name!, short: opts.short, kind: opts.kind ?? "" }));
  const team = getTeam(ctx.db, id)!;
  if (ctx.json) return printJson(teamDetails(ctx, team, today()));
  say(ctx.t("teams.added", { name: team.name, id }));
}

export async function edit(ctx: Context, [ref]: Args<typeof def.edit>, opts: Opts<typeof def.edit>): Promise<void> {
  const input = { name: opts.name, short: opts.short };
  if (input.name === undefined && input.short === undefined) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const team = resolveTeam(ctx.db, ref!);
  const changes = ctx.write((audit) => editTeam(ctx.db, audit, team, input));
  const updated = getTeam(ctx.db, team.id)!;
  if (ctx.json) return printJson(teamDetails(ctx, updated, today()));
  say(Object.keys(changes).length === 0 ? ctx.t("teams.unchanged", { name: updated.name }) : ctx.t("teams.edited", { name: updated.name, fields: Object.keys(changes).join(", ") }));
}

export async function join(ctx: Context, [teamRef, personRef]: Args<typeof def.join>, opts: Opts<typeof def.join>): Promise<void> {
  const day = today();
  const team = resolveTeam(ctx.db, teamRef!);
  const person = resolvePerson(ctx.db, personRef!, day);
  const role = opts.role !== undefined ? oneOf(opts.role, TEAM_ROLES, "--role") : "member";
  const from = opts.from !== undefined ? parseDate(opts.from, "--from", day) : day;
  const until = opts.until !== undefined ? parseDate(opts.until, "--until", day) : null;
  const id = ctx.write((audit) => joinTeam(ctx.db, audit, team, person, { role, from, until }, forgotten(ctx)));
  const membership = membershipsOfTeam(ctx.db, team.id, forgotten(ctx)).find((m) => m.id === id)!;
  if (ctx.json) return printJson({ team: team.name, teamId: team.id, ...memberJson(membership) });
  say(ctx.t("teams.joined", { person: membership.person, team: team.name, from: formatDate(from, ctx.lang) }));
}

export async function leave(ctx: Context, [teamRef, personRef]: Args<typeof def.leave>, opts: Opts<typeof def.leave>): Promise<void> {
  const day = today();
  const team = resolveTeam(ctx.db, teamRef!);
  const person = resolvePerson(ctx.db, personRef!, day);
  const date = opts.date !== undefined ? parseDate(opts.date, "--date", day) : day;
  const membership = ctx.write((audit) => leaveTeam(ctx.db, audit, team, person, date, forgotten(ctx)));
  if (ctx.json) return printJson({ team: team.name, teamId: team.id, ...memberJson(membership) });
  say(ctx.t("teams.left", { person: membership.person, team: team.name, date: formatDate(date, ctx.lang) }));
}
