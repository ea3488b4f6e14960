// votes open/cast/recast/count/close/show/list: parse the options, call the service, print a table or JSON.
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, TIME_ZONE, today } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { heading, printDetails, printJson, printTable, say } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import { meetingLabel } from "../meetings/index.js";
import { attendanceSummary, resolveMeeting } from "../meetings/index.js";
import { getMeeting } from "../meetings/index.js";
import {
  castVote,
  closeVote,
  withdrawVote,
  countVote,
  meetingOf,
  openVote,
  parseChoice,
  parseCount,
  recastVote,
  resolveVote,
  voteView,
  votesOf,
  type VoteView,
} from "./service.js";
import { getVote } from "./store.js";

function view(ctx: Context, id: number): VoteView {
  return voteView(ctx.db, getVote(ctx.db, id)!, ctx.t("people.forgottenName"));
}

function figures(ctx: Context, v: VoteView): string {
  return v.yes === null ? ctx.t("votes.notCounted") : ctx.t("votes.figures", { yes: v.yes, no: v.no ?? 0, abstain: v.abstain ?? 0 });
}

function rule(ctx: Context, v: VoteView): string {
  return `${ctx.t(`votes.majority.${v.majority}`)} ${ctx.t(`votes.base.${v.base}`)}`;
}

/** The meeting a vote belongs to, as its confirmations name it ("Kernkreis 10.03.2026 19:00"). */
function meetingOfView(ctx: Context, v: VoteView): string {
  return meetingLabel(ctx, getMeeting(ctx.db, v.meeting)!);
}

function state(ctx: Context, v: VoteView): string {
  if (v.status === "withdrawn") return ctx.t("votes.result.withdrawn");
  return v.result ? ctx.t(`votes.result.${v.result}`) : ctx.t("votes.status.open");
}

export async function open(ctx: Context, [meetingRef, motion]: Args<typeof def.open>, opts: Opts<typeof def.open>): Promise<void> {
  const day = today();
  const id = ctx.write((audit) => {
    const meeting = resolveMeeting(ctx.db, meetingRef!, day);
    return openVote(
      ctx.db,
      audit,
      meeting,
      { motion: motion!, item: opts.item, mover: opts.mover, mode: opts.mode, majority: opts.majority, base: opts.base },
      day,
    );
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  const meeting = getMeeting(ctx.db, v.meeting)!;
  say(ctx.t("votes.opened", { id, meeting: meetingLabel(ctx, meeting), mode: ctx.t(`votes.mode.${v.mode}`), rule: rule(ctx, v) }));
}

export async function cast(ctx: Context, [voteRef, groupRef, choiceWord]: Args<typeof def.cast>): Promise<void> {
  const day = today();
  const choice = parseChoice(choiceWord!);
  const { id, group } = ctx.write((audit) => {
    const vote = resolveVote(ctx.db, voteRef!);
    const group = resolveGroup(ctx.db, groupRef!, day);
    castVote(ctx.db, audit, vote, group, choice);
    return { id: vote.id, group };
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  say(ctx.t("votes.cast", { group: group.name, choice: ctx.t(`votes.choice.${choice}`), id, label: meetingOfView(ctx, v), figures: figures(ctx, v) }));
}

export async function recast(ctx: Context, [voteRef, groupRef, choiceWord]: Args<typeof def.recast>, opts: Opts<typeof def.recast>): Promise<void> {
  const day = today();
  const choice = parseChoice(choiceWord!);
  const { id, group } = ctx.write((audit) => {
    const vote = resolveVote(ctx.db, voteRef!);
    const group = resolveGroup(ctx.db, groupRef!, day);
    recastVote(ctx.db, audit, vote, group, choice, opts.reason ?? "", ctx.actor);
    return { id: vote.id, group };
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  say(ctx.t("votes.recast", { group: group.name, choice: ctx.t(`votes.choice.${choice}`), id, label: meetingOfView(ctx, v), figures: figures(ctx, v) }));
}

export async function count(ctx: Context, [voteRef]: Args<typeof def.count>, opts: Opts<typeof def.count>): Promise<void> {
  for (const key of ["yes", "no", "abstain"] as const)
    if (opts[key] === undefined) throw new UsageError("usage.requiredOption", { name: `--${key} <n>` }, "usage.hint");
  const counts = { yes: parseCount(opts.yes, "--yes"), no: parseCount(opts.no, "--no"), abstain: parseCount(opts.abstain, "--abstain") };
  const id = ctx.write((audit) => {
    const vote = resolveVote(ctx.db, voteRef!);
    countVote(ctx.db, audit, vote, counts);
    return vote.id;
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  say(ctx.t("votes.counted", { id, label: meetingOfView(ctx, v), figures: figures(ctx, v), present: v.present }));
}

export async function close(ctx: Context, [voteRef]: Args<typeof def.close>): Promise<void> {
  const id = ctx.write((audit) => {
    const vote = resolveVote(ctx.db, voteRef!);
    closeVote(ctx.db, audit, vote);
    return vote.id;
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  say(ctx.t("votes.closed", { id, label: meetingOfView(ctx, v), result: ctx.t(`votes.result.${v.result!}`), figures: figures(ctx, v), rule: rule(ctx, v) }));
  say(`${ctx.t("label.quorum")}: ${quorumText(ctx, v)}`);
}

export async function withdraw(ctx: Context, [voteRef]: Args<typeof def.withdraw>, opts: Opts<typeof def.withdraw>): Promise<void> {
  const id = ctx.write((audit) => {
    const vote = resolveVote(ctx.db, voteRef!);
    withdrawVote(ctx.db, audit, vote, opts.reason!);
    return vote.id;
  });
  const v = view(ctx, id);
  if (ctx.json) return printJson(v);
  say(ctx.t("votes.withdrawn", { id, label: meetingOfView(ctx, v), motion: v.motion }));
}

function quorumText(ctx: Context, v: VoteView): string {
  const params = { present: v.present, entitled: v.entitled, required: v.quorum.required };
  if (v.quorum.rule === "none") return ctx.t("votes.quorumNone", params);
  return ctx.t(v.quorum.met ? "votes.quorumMet" : "votes.quorumMissed", params);
}

/** An audit timestamp as the platform's local date and time (Europe/Berlin). */
function localTime(ctx: Context, iso: string): string {
  const [date, time] = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, dateStyle: "short", timeStyle: "short" }).format(new Date(iso)).split(" ");
  return `${formatDate(date!, ctx.lang)} ${time}`;
}

export async function show(ctx: Context, [voteRef]: Args<typeof def.show>): Promise<void> {
  const vote = resolveVote(ctx.db, voteRef!);
  const v = voteView(ctx.db, vote, ctx.t("people.forgottenName"));
  if (ctx.json) return printJson(v);
  const meeting = meetingOf(ctx.db, vote);
  printDetails(ctx, [
    [ctx.t("label.vote"), `#${v.id}`],
    [ctx.t("label.meeting"), `${meetingLabel(ctx, meeting)} (#${meeting.id})`],
    [ctx.t("label.item"), v.item],
    [ctx.t("label.motion"), v.motion],
    [ctx.t("label.mover"), v.mover],
    [ctx.t("label.mode"), ctx.t(`votes.mode.${v.mode}`)],
    [ctx.t("label.majority"), rule(ctx, v)],
    [ctx.t("label.votes"), figures(ctx, v)],
    [ctx.t("label.needed"), v.needed],
    [ctx.t("label.quorum"), quorumText(ctx, v)],
    [ctx.t("label.result"), state(ctx, v)],
  ]);
  if (v.casts) {
    heading(ctx, ctx.t("votes.rollCall"));
    if (v.casts.length === 0) say(ctx.t("votes.noCasts"));
    else printTable(ctx, [ctx.t("label.group"), ctx.t("label.choice")], v.casts.map((c) => [c.group, ctx.t(`votes.choice.${c.choice}`)]));
    if (v.status === "open") {
      const voted = new Set(v.casts.map((c) => c.group));
      const waiting = attendanceSummary(ctx.db, meeting, ctx.t("people.forgottenName"))
        .present.filter((p) => p.entitled && !voted.has(p.group))
        .map((p) => p.group);
      if (waiting.length > 0) say(ctx.t("votes.waiting", { groups: waiting.join(", ") }));
    }
  }
  if (v.corrections && v.corrections.length > 0) {
    heading(ctx, ctx.t("votes.corrections"));
    for (const c of v.corrections)
      say(ctx.t("votes.correctionLine", { at: localTime(ctx, c.at), actor: c.actor, group: c.group, from: ctx.t(`votes.choice.${c.from}`), to: ctx.t(`votes.choice.${c.to}`), reason: c.reason }));
  }
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const meeting = opts.meeting !== undefined ? resolveMeeting(ctx.db, opts.meeting, today()) : undefined;
  const votes = votesOf(ctx.db, meeting?.id, ctx.t("people.forgottenName"));
  if (ctx.json) return printJson(votes);
  if (votes.length === 0) return say(ctx.t("votes.none"));
  const dates = new Map<number, string>();
  const dateOf = (id: number) => {
    if (!dates.has(id)) dates.set(id, formatDate(getMeeting(ctx.db, id)!.date, ctx.lang));
    return dates.get(id)!;
  };
  printTable(
    ctx,
    ["#", ctx.t("label.date"), ctx.t("label.item"), ctx.t("label.motion"), ctx.t("label.mode"), ctx.t("label.yes"), ctx.t("label.no"), ctx.t("label.abstain"), ctx.t("label.result")],
    votes.map((v) => [
      v.id,
      `${dateOf(v.meeting)} (#${v.meeting})`,
      v.item,
      v.motion.length > 60 ? `${v.motion.slice(0, 59)}…` : v.motion,
      ctx.t(`votes.mode.${v.mode}`),
      v.yes,
      v.no,
      v.abstain,
      state(ctx, v),
    ]),
    [{ priority: 9 }, { priority: 8 }, { priority: 3 }, { priority: 7 }, { priority: 2 }, { priority: 6, align: "right" }, { priority: 6, align: "right" }, { priority: 6, align: "right" }, { priority: 10 }],
  );
}
