// The steps of `meetings run` for decision and election items: a vote on a motion (opened, cast group by group
// or counted, closed) and the ballots of an election. Like the rest of the walk, every answer is saved at once.
import { isServer, withFileToItself } from "../../core/db.js";
import { CliError } from "../../core/errors.js";
import { ballotContent, candidateName, castBallot, castBallots, countElection, decodeTally, recordTally, resolveElection, votingGroups } from "../../elections/index.js";
import { hasReceipt, listCandidates, listElections, type Candidate, type Election } from "../../elections/index.js";
import { getGroup } from "../../groups/index.js";
import { readSettings } from "../../platform/index.js";
import { castVote, closeVote, countVote, openVote, parseCount, voteView } from "../../votes/index.js";
import { MAJORITIES, VOTE_MODES, type Choice, type Majority, type VoteMode } from "../../votes/index.js";
import { getVote, listVotes, type Vote } from "../../votes/index.js";
import { meetingLabel, type AgendaItem } from "../../meetings/index.js";
import { message, trySave, type Walk } from "./walk.js";
import type { MessageKey } from "../../core/i18n.js";

const forgotten = (walk: Walk) => walk.ctx.t("people.forgottenName");

// ---- votes

/** A decision item: open votes on it are finished first, then further motions can be put to the vote. */
export async function askVotes(walk: Walk, item: AgendaItem): Promise<void> {
  const { ctx, db, meeting } = walk;
  const onItem = () => listVotes(db, { meetingId: meeting.id }).filter((v) => v.itemId === item.id);
  for (const vote of onItem()) {
    if (vote.status === "closed") walk.print(`  ${resultLine(walk, vote.id)}`);
    else await finishVote(walk, vote);
  }
  for (;;) {
    const another = onItem().length > 0;
    if (!(await walk.prompts.confirm({ message: ctx.t(another ? "run.voteAnother" : "run.votePrompt"), default: !another }))) return;
    const motion = (await walk.prompts.input({ message: ctx.t("run.voteMotion"), default: item.title })).trim() || item.title;
    const mover = await walk.prompts.select<number | null>({
      message: ctx.t("run.voteMover"),
      choices: [
        { name: ctx.t("run.voteNoMover"), value: null },
        ...votingGroups(db, meeting, forgotten(walk)).map((g) => ({ name: g.group, value: g.groupId })),
      ],
      default: null,
    });
    const mode = await walk.prompts.select<VoteMode>({
      message: ctx.t("run.voteMode"),
      choices: VOTE_MODES.map((m) => ({ name: ctx.t(`votes.mode.${m}`), value: m })),
      default: "roll-call",
    });
    const majority = await walk.prompts.select<Majority>({
      message: ctx.t("run.voteMajority"),
      choices: MAJORITIES.map((m) => ({ name: ctx.t(`votes.majority.${m}`), value: m })),
      default: readSettings(db).majority,
    });
    let id = 0;
    const opened = trySave(walk, () => {
      id = ctx.write((audit) =>
        openVote(db, audit, meeting, { motion, item: String(item.position), mover: mover === null ? undefined : `group:#${mover}`, mode, majority }, walk.day),
      );
    });
    if (!opened) continue;
    await finishVote(walk, getVote(db, id)!);
  }
}

/** Records the groups' votes (roll call) or the totals (count, secret), then offers to close the vote. */
async function finishVote(walk: Walk, vote: Vote): Promise<void> {
  const { ctx, db, meeting } = walk;
  walk.print(`  ${ctx.t("run.voteOn", { id: vote.id, motion: vote.motion, mode: ctx.t(`votes.mode.${vote.mode}`) })}`);
  if (vote.mode === "roll-call") {
    const cast = new Set((voteView(db, vote, forgotten(walk)).casts ?? []).map((c) => c.group));
    for (const group of votingGroups(db, meeting, forgotten(walk))) {
      if (cast.has(group.group)) continue;
      const choice = await walk.prompts.select<Choice | null>({
        message: ctx.t("run.voteCast", { group: group.group }),
        choices: [
          ...(["yes", "no", "abstain"] as const).map((c) => ({ name: ctx.t(`votes.choice.${c}`), value: c })),
          { name: ctx.t("run.voteNotCast"), value: null },
        ],
      });
      if (choice === null) continue;
      trySave(walk, () => ctx.write((audit) => castVote(db, audit, getVote(db, vote.id)!, getGroup(db, group.groupId, walk.day)!, choice)));
    }
  } else {
    for (;;) {
      // A vote counted in an earlier run offers its totals again.
      const before = getVote(db, vote.id)!.counts ?? { yes: 0, no: 0, abstain: 0 };
      const ask = async (key: MessageKey, was: number) => (await walk.prompts.input({ message: ctx.t(key), default: String(was) })).trim();
      const yes = await ask("run.voteYes", before.yes);
      const no = await ask("run.voteNo", before.no);
      const abstain = await ask("run.voteAbstain", before.abstain);
      const counted = trySave(walk, () =>
        ctx.write((audit) =>
          countVote(db, audit, getVote(db, vote.id)!, { yes: parseCount(yes, "--yes"), no: parseCount(no, "--no"), abstain: parseCount(abstain, "--abstain") }),
        ),
      );
      if (counted) break;
    }
  }
  if (!(await walk.prompts.confirm({ message: ctx.t("run.voteClose"), default: true }))) return;
  if (trySave(walk, () => ctx.write((audit) => closeVote(db, audit, getVote(db, vote.id)!)))) walk.print(`  ${resultLine(walk, vote.id)}`);
}

function resultLine(walk: Walk, id: number): string {
  const { ctx, db } = walk;
  const v = voteView(db, getVote(db, id)!, forgotten(walk));
  const figures = v.yes === null ? ctx.t("votes.notCounted") : ctx.t("votes.figures", { yes: v.yes, no: v.no ?? 0, abstain: v.abstain ?? 0 });
  const rule = `${ctx.t(`votes.majority.${v.majority}`)} ${ctx.t(`votes.base.${v.base}`)}`;
  return ctx.t("votes.closed", { id, label: meetingLabel(ctx, walk.meeting), result: ctx.t(`votes.result.${v.result!}`), figures, rule });
}

// ---- ballots

/**
 * An election item: for each open election on it, the secretary ticks the groups that have handed in a ballot,
 * then types the ballot papers in the order they come off the pile. The papers are not asked for group by group,
 * and the data file keeps receipts and ballots apart (see castBallot), so nothing pairs a group with its paper.
 */
export async function askBallots(walk: Walk, item: AgendaItem): Promise<void> {
  const { ctx, db, meeting } = walk;
  const elections = listElections(db, { meetingId: meeting.id }).filter((e) => e.itemId === item.id);
  for (const election of elections) {
    walk.print(`  ${ctx.t("run.electionOn", { id: election.id, team: election.team, seats: election.seats, method: ctx.t(`elections.method.${election.method}`) })}`);
    if (election.status !== "open" || election.source === "blt") {
      walk.print(`  ${ctx.t("run.electionNotOpen", { id: election.id })}`);
      continue;
    }
    const candidates = listCandidates(db, election.id).filter((c) => c.status !== "withdrawn");
    if (candidates.length === 0) {
      walk.print(`  ${ctx.t("error.elections.noCandidates", { id: election.id })}`);
      continue;
    }
    candidates.forEach((c, i) => walk.print(`    ${i + 1}. ${candidateName(c, forgotten(walk))}`));
    const waiting = votingGroups(db, meeting, forgotten(walk)).filter((g) => !hasReceipt(db, election.id, g.groupId));
    if (waiting.length > 0) {
      const handedIn = await walk.prompts.checkbox<number>({
        message: ctx.t("run.ballotGroups"),
        choices: waiting.map((g) => ({ name: g.group, value: g.groupId })),
      });
      if (isServer(db)) await typePile(walk, election, candidates, handedIn);
      else
        for (let paper = 0; paper < handedIn.length; paper++) {
          const group = getGroup(db, handedIn[paper]!, walk.day)!;
          for (;;) {
            const choices = await askPaper(walk, election, candidates, paper + 1, handedIn.length);
            // As `elections ballot`: with the file to itself, compacted afterwards (core/db.ts withFileToItself).
            const saved = trySave(walk, () => withFileToItself(db, () => ctx.write((audit) => castBallot(db, audit, election, group, choices, walk.day, forgotten(walk)))));
            if (saved) break;
          }
        }
    }
    if (await walk.prompts.confirm({ message: ctx.t("run.electionCount"), default: true })) countAndStore(walk, election);
  }
}

/**
 * On a server: the papers are held here until the whole pile is typed, then written in one transaction with the
 * receipts, the ballots shuffled (elections castBallots). A ballot written as it is typed would carry its own
 * transaction id, which a server keeps on the row (and its dead versions, and the WAL), next to its receipt's.
 */
async function typePile(walk: Walk, election: Election, candidates: Candidate[], handedIn: number[]): Promise<void> {
  const { ctx, db } = walk;
  const papers: string[][] = [];
  for (let paper = 0; paper < handedIn.length; paper++) {
    for (;;) {
      const choices = await askPaper(walk, election, candidates, paper + 1, handedIn.length);
      // checked now, so that one bad paper does not refuse the pile at the end
      if (trySave(walk, () => ballotContent(db, election, choices, walk.day))) {
        papers.push(choices);
        break;
      }
    }
  }
  if (papers.length === 0) return;
  const groups = handedIn.map((id) => getGroup(db, id, walk.day)!);
  const saved = trySave(walk, () => ctx.write((audit) => castBallots(db, audit, election, groups, papers, walk.day, forgotten(walk))));
  walk.print(`  ${ctx.t(saved ? "run.ballotsSaved" : "run.ballotsNotSaved", { n: papers.length, id: election.id })}`);
}

/** One ballot paper as choices castBallot understands: `#<person id>`, or `#<id>=yes|no|abstain`. */
async function askPaper(walk: Walk, election: Election, candidates: Candidate[], paper: number, papers: number): Promise<string[]> {
  const { ctx } = walk;
  const name = (c: Candidate) => candidateName(c, forgotten(walk));
  switch (election.method) {
    case "scottish-stv":
      for (;;) {
        const answer = await walk.prompts.input({ message: ctx.t("run.ballotRanking", { paper, papers }) });
        const picks = answer.split(/[\s,;]+/).filter((p) => p !== "");
        const bad = picks.find((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > candidates.length);
        if (picks.length > 0 && bad === undefined) return picks.map((p) => `#${candidates[Number(p) - 1]!.personId}`);
        walk.print(`  ${ctx.t("run.ballotRankingInvalid", { max: candidates.length })}`);
      }
    case "approval": {
      const marks = await walk.prompts.checkbox<number>({
        message: ctx.t("run.ballotMarks", { paper, papers, seats: election.seats }),
        choices: candidates.map((c) => ({ name: name(c), value: c.personId })),
      });
      return marks.map((id) => `#${id}`);
    }
    case "yes-no-abstain": {
      const answers: string[] = [];
      walk.print(`  ${ctx.t("run.ballotPaper", { paper, papers })}`);
      for (const c of candidates) {
        const answer = await walk.prompts.select<string>({
          message: name(c),
          choices: (["yes", "no", "abstain"] as const).map((a) => ({ name: ctx.t(`votes.choice.${a}`), value: a })),
        });
        answers.push(`#${c.personId}=${answer}`);
      }
      return answers;
    }
  }
}

function countAndStore(walk: Walk, election: Election): void {
  const { ctx, db } = walk;
  try {
    // counted inside the write's transaction, so that the stored result holds every ballot cast before it
    const { stored, candidates } = ctx.write((audit) => {
      const now = resolveElection(db, String(election.id));
      const { tally, prepared } = countElection(db, now, undefined);
      return { stored: recordTally(db, audit, now, tally), candidates: prepared.candidates };
    });
    const result = decodeTally(stored, candidates, forgotten(walk));
    walk.print(`  ${ctx.t("run.electionElected", { names: result.elected.join(", ") || "—" })}`);
    if (result.seed !== null) walk.print(`  ${ctx.t("run.electionSeed", { seed: result.seed })}`);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    walk.print(`  ${message(walk, error)}`);
  }
}