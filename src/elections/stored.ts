// `plattform elections tally <election> [--seed <n>]`: counts a stored election by its method, stores the result
// with the election (which closes its ballot box) and prints it: the Tally of CLI.md with --json, else round by round.
import { parseEncoding, readTextFile } from "../core/textFile.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { basename } from "node:path";
import type { Context } from "../core/context.js";
import { isServer } from "../core/engine.js";
import { formatDate, today } from "../core/dates.js";
import { CliError, UsageError, term } from "../core/errors.js";
import { heading, note, printDetails, printJson, printTable, say, warn, writeOut } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import { resolveMeeting } from "../meetings/index.js";
import { getMeeting, meetingLabel } from "../meetings/index.js";
import { resolvePerson } from "../people/index.js";
import { readSettings } from "../platform/index.js";
import { resolveTeam } from "../teams/index.js";
import { parseBlt, toBlt } from "./blt.js";
import { parseSeed } from "./lot.js";
import { printTally } from "./roundsTable.js";
import { progress } from "../core/progress.js";
import {
  acceptCandidacy,
  addElection,
  candidateName,
  castBallot,
  certify,
  countElection,
  decodeTally,
  electionView,
  importBallots,
  nominate,
  prepareCount,
  recordTally,
  resolveCandidate,
  resolveElection,
  withdrawCandidacy,
  type ElectionView,
} from "./service.js";
import { getElection, listElections } from "./store.js";
import type { RankedBallot } from "./tally.js";
import type { YesNoAbstainCandidate } from "./yesNoAbstain.js";


export async function tallyElection(ctx: Context, ref: string, opts: Opts<typeof def.tally>): Promise<void> {
  const given = parseSeed(opts.seed);
  const election = resolveElection(ctx.db, ref);
  const meeting = getMeeting(ctx.db, election.meetingId)!;
  // A certified result, or one in approved minutes, stands: the recount is compared with it, not stored.
  const final = election.status === "certified" || (election.status === "counted" && meeting.minutes === "approved");
  const line = progress(ctx, (round) => ctx.t("elections.tallyProgress", { round }));
  const onRound = (round: number) => line.update(round);
  let counted: ReturnType<typeof countElection> | undefined;
  let stored: string;
  try {
    // A recount without --seed repeats the stored count's lot exactly.
    counted = final ? countElection(ctx.db, election, given ?? election.seed ?? undefined, onRound) : undefined;
    stored = final
      ? (election.tally ?? JSON.stringify(counted!.tally))
      : ctx.write((audit) => {
          // Counted inside the write's transaction: no ballot can be cast between the count and the stored result,
          // and one that waited for the lock is refused afterwards (the election is counted), never left out.
          const now = resolveElection(ctx.db, String(election.id));
          counted = countElection(ctx.db, now, given ?? now.seed ?? undefined, onRound);
          return recordTally(ctx.db, audit, now, counted.tally);
        });
  } finally {
    line.done();
  }
  const { tally, prepared } = counted!;
  const result = decodeTally(stored, prepared.candidates, ctx.t("people.forgottenName"));
  if (final && election.tally !== null && JSON.stringify(JSON.parse(election.tally).elected) !== JSON.stringify(tally.elected))
    warn(ctx, ctx.t("elections.recountDiffers", { id: election.id }));
  if (ctx.json) return printJson(result);
  heading(ctx, ctx.t("elections.tallyHeading", { team: election.team, id: election.id }));
  printTally(ctx, result);
  if (result.method === "yes-no-abstain") {
    say("");
    for (const c of result.rounds[0]?.candidates ?? []) {
      const line = c as YesNoAbstainCandidate;
      if (line.state === "withdrawn") continue;
      say(ctx.t("elections.yesNoAbstainLine", { name: line.name, yes: line.yes, no: line.no, abstain: line.abstain }));
    }
  }
  if (!final) say(`\n${ctx.t("elections.tallyStored", { id: election.id })}`);
}

// ---- the other commands on stored elections (handlers.ts loads this module only when one of them runs)

const forgotten = (ctx: Context) => ctx.t("people.forgottenName");

function printView(ctx: Context, view: ElectionView): void {
  printDetails(ctx, [
    [ctx.t("elections.label.election"), `#${view.id}`],
    [ctx.t("label.team"), view.team],
    [ctx.t("label.meeting"), `${formatDate(view.meetingDate, ctx.lang)} (#${view.meeting})${view.item !== null ? `, ${ctx.t("elections.label.item")} ${view.item}` : ""}`],
    [ctx.t("elections.label.seats"), view.seats],
    [ctx.t("elections.label.method"), ctx.t(`elections.method.${view.method}`)],
    [ctx.t("elections.label.term"), ctx.t("elections.termMonths", { months: view.termMonths })],
    [ctx.t("label.status"), ctx.t(`elections.status.${view.status}`) + (view.certified ? ` (${formatDate(view.certified, ctx.lang)})` : "")],
    [ctx.t("elections.label.ballots"), view.source === "blt" ? ctx.t("elections.ballotsImported", { n: view.ballots }) : view.ballots],
  ]);
  heading(ctx, ctx.t("elections.candidates"));
  if (view.candidates.length === 0) say(ctx.t("elections.noCandidates"));
  else
    printTable(
      ctx,
      ["#", ctx.t("label.name"), ctx.t("elections.label.nominatedBy"), ctx.t("label.status")],
      view.candidates.map((c, i) => [i + 1, c.person, c.nominatedBy, ctx.t(`elections.candidateStatus.${c.status}`)]),
    );
  if (view.voted.length > 0 || view.notVoted.length > 0) {
    heading(ctx, ctx.t("elections.voting"));
    if (view.voted.length > 0) say(`${ctx.t("elections.voted", { n: view.voted.length })}: ${view.voted.join(", ")}`);
    if (view.notVoted.length > 0) say(`${ctx.t("elections.notVoted", { n: view.notVoted.length })}: ${view.notVoted.join(", ")}`);
  }
  if (view.tally) {
    heading(ctx, ctx.t("elections.result"));
    say(`${ctx.t("elections.label.elected")}: ${view.tally.elected.join(", ") || "–"}`);
    if (view.tally.seed !== null) say(ctx.t("elections.seedLine", { seed: view.tally.seed }));
  }
}

function view(ctx: Context, id: number): ElectionView {
  return electionView(ctx.db, getElection(ctx.db, id)!, forgotten(ctx));
}

export async function addCommand(ctx: Context, [meetingRef]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  if (opts.team === undefined) throw new UsageError("usage.requiredOption", { name: "--team <team>" }, "usage.hint");
  if (opts.seats === undefined) throw new UsageError("usage.requiredOption", { name: "--seats <n>" }, "usage.hint");
  const meeting = resolveMeeting(ctx.db, meetingRef!, day);
  const team = resolveTeam(ctx.db, opts.team!);
  const id = ctx.write((audit) =>
    addElection(ctx.db, audit, {
      meeting,
      team,
      seats: opts.seats!,
      method: opts.method,
      termMonths: opts.termMonths,
      item: opts.item,
      defaultTermMonths: readSettings(ctx.db)["term-months"],
    }),
  );
  const added = view(ctx, id);
  if (ctx.json) return printJson(added);
  say(ctx.t("elections.added", { id, team: team.name, date: formatDate(meeting.date, ctx.lang), seats: added.seats, method: ctx.t(`elections.method.${added.method}`) }));
}

export async function nominateCommand(ctx: Context, [electionRef, personRef]: Args<typeof def.nominate>, opts: Opts<typeof def.nominate>): Promise<void> {
  const day = today();
  const election = resolveElection(ctx.db, electionRef!);
  const person = resolvePerson(ctx.db, personRef!, day);
  const by = opts.by !== undefined ? resolveGroup(ctx.db, opts.by!, day) : null;
  ctx.write((audit) => nominate(ctx.db, audit, election, person, by));
  if (ctx.json) return printJson(view(ctx, election.id));
  say(ctx.t(by ? "elections.nominatedBy" : "elections.nominated", { person: person.name!, id: election.id, group: by?.name ?? "" }));
}

async function candidacy(ctx: Context, [electionRef, personRef]: string[], action: "accept" | "withdraw"): Promise<void> {
  const election = resolveElection(ctx.db, electionRef!);
  const candidate = resolveCandidate(ctx.db, election, personRef!, today());
  ctx.write((audit) => (action === "accept" ? acceptCandidacy : withdrawCandidacy)(ctx.db, audit, election, candidate));
  if (ctx.json) return printJson(view(ctx, election.id));
  say(ctx.t(action === "accept" ? "elections.accepted" : "elections.withdrawn", { person: candidateName(candidate, forgotten(ctx)), id: election.id }));
}

export async function acceptCommand(ctx: Context, args: Args<typeof def.accept>): Promise<void> {
  return candidacy(ctx, args, "accept");
}

export async function withdrawCommand(ctx: Context, args: Args<typeof def.withdraw>): Promise<void> {
  return candidacy(ctx, args, "withdraw");
}

/**
 * `elections ballot <election> --group <g> <choice>...`. The audit log gets the command line without the choices:
 * it records that the group voted, never what.
 */
export async function ballotCommand(ctx: Context, [electionRef, ...choices]: Args<typeof def.ballot>, opts: Opts<typeof def.ballot>): Promise<void> {
  const groupRef = opts.group;
  ctx.commandLine = ["elections", "ballot", electionRef ?? "", "--group", groupRef ?? ""];
  if (groupRef === undefined) throw new UsageError("usage.requiredOption", { name: "--group <group>" }, "usage.hint");
  const day = today();
  const election = resolveElection(ctx.db, electionRef!);
  const group = resolveGroup(ctx.db, groupRef, day);
  // A server keeps each transaction's id with its rows: one ballot per transaction would pair it with its receipt.
  if (isServer(ctx.db)) throw new CliError("error.elections.ballotOnServer", { id: election.id }, 1, "error.elections.ballotOnServer.hint");
  // With the file to itself: afterwards the file is rebuilt, so that nothing in its layout reflects the order of the
  // ballots, and the write-ahead log, whose frames would show the pages commit by commit, is empty; no other
  // connection can have kept a snapshot of them. Another program with the file open: refused, nothing written.
  ctx.withFileToItself(() => ctx.write((audit) => castBallot(ctx.db, audit, election, group, choices, day, forgotten(ctx))));
  const after = view(ctx, election.id);
  // Only that the ballot was received: its content is not echoed.
  if (ctx.json) return printJson({ election: election.id, group: group.name, ballots: after.ballots, notVoted: after.notVoted });
  say(ctx.t("elections.ballotCast", { group: group.name, id: election.id, label: meetingLabel(ctx, getMeeting(ctx.db, election.meetingId)!), n: after.ballots }));
}

export async function importCommand(ctx: Context, [electionRef, file]: Args<typeof def.importBallots>, opts: Opts<typeof def.importBallots>): Promise<void> {
  const election = resolveElection(ctx.db, electionRef!);
  const blt = parseBlt(readTextFile(file!, opts.encoding === undefined ? undefined : parseEncoding(opts.encoding)).text);
  const total = ctx.write((audit) => importBallots(ctx.db, audit, election, blt, basename(file!), forgotten(ctx)));
  if (ctx.json) return printJson(view(ctx, election.id));
  say(ctx.t("elections.imported", { n: total, id: election.id }));
}

export async function exportCommand(ctx: Context, [electionRef]: Args<typeof def.exportBallots>, opts: Opts<typeof def.exportBallots>): Promise<void> {
  const election = resolveElection(ctx.db, electionRef!);
  if (election.method !== "scottish-stv") throw new CliError("error.elections.exportNeedsStv", { method: term(`elections.method.${election.method}`) });
  // While ballots are still being cast, their content stays sealed: comparing exports would tell who voted what.
  if (election.status === "open") throw new CliError("error.elections.exportOpen", { id: election.id }, 1, "error.elections.exportOpen.hint");
  const prepared = prepareCount(ctx.db, election);
  const names = prepared.candidates.map((c) => candidateName(c, forgotten(ctx)));
  const grouped = new Map<string, RankedBallot>();
  for (const ballot of prepared.ranked) {
    const key = ballot.ranking.join(" ");
    const entry = grouped.get(key);
    if (entry) entry.weight += ballot.weight;
    else grouped.set(key, { weight: ballot.weight, ranking: ballot.ranking });
  }
  const ballots = [...grouped.values()].sort((a, b) => b.weight - a.weight || a.ranking.join(" ").localeCompare(b.ranking.join(" ")));
  const title = `${election.team} ${election.meetingDate}`;
  await writeOut(opts.out, toBlt({ ...prepared.input, candidates: names, title }, ballots));
  if (opts.out !== undefined) note(ctx.t("elections.exported", { path: opts.out!, n: prepared.ballots }));
}

export async function showCommand(ctx: Context, [electionRef]: Args<typeof def.show>): Promise<void> {
  const election = resolveElection(ctx.db, electionRef!);
  const shown = electionView(ctx.db, election, forgotten(ctx));
  if (ctx.json) return printJson(shown);
  printView(ctx, shown);
}

export async function listCommand(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const meeting = opts.meeting !== undefined ? resolveMeeting(ctx.db, opts.meeting!, day) : undefined;
  const team = opts.team !== undefined ? resolveTeam(ctx.db, opts.team!) : undefined;
  const views = listElections(ctx.db, { meetingId: meeting?.id, teamId: team?.id }).map((e) => electionView(ctx.db, e, forgotten(ctx)));
  if (ctx.json) return printJson(views);
  if (views.length === 0) return say(ctx.t("elections.none"));
  printTable(
    ctx,
    ["#", ctx.t("label.date"), ctx.t("label.team"), ctx.t("elections.label.seats"), ctx.t("elections.label.method"), ctx.t("elections.label.candidates"), ctx.t("elections.label.ballots"), ctx.t("label.status")],
    views.map((v) => [
      v.id,
      formatDate(v.meetingDate, ctx.lang),
      v.team,
      v.seats,
      ctx.t(`elections.method.${v.method}`),
      v.candidates.filter((c) => c.status !== "withdrawn").length,
      v.ballots,
      ctx.t(`elections.status.${v.status}`),
    ]),
  );
}

export async function certifyCommand(ctx: Context, [electionRef]: Args<typeof def.certify>): Promise<void> {
  const day = today();
  const election = resolveElection(ctx.db, electionRef!);
  const team = resolveTeam(ctx.db, String(election.teamId));
  const result = ctx.write((audit) => certify(ctx.db, audit, election, team, day, forgotten(ctx)));
  const certified = view(ctx, election.id);
  const notAccepted = certified.candidates.filter((c) => result.personIds.includes(c.personId) && c.status !== "accepted").map((c) => c.person);
  if (notAccepted.length > 0) warn(ctx, ctx.t("elections.notAccepted", { names: notAccepted.join(", ") }));
  if (ctx.json) return printJson({ ...certified, term: { from: result.from, until: result.until } });
  say(
    ctx.t("elections.certified", {
      team: team.name,
      names: certified.tally?.elected.join(", ") ?? "",
      from: formatDate(result.from, ctx.lang),
      until: formatDate(result.until, ctx.lang),
    }),
  );
}
