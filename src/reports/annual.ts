// `report annual <year>`: the Jahresbericht, as Markdown or self-contained HTML (--json: its data). It is made of
// sections: the eight of ANNUAL_SECTIONS here, and those other areas contribute (fundraising), collected in
// rank order by src/app/contributions.ts.
import type { Context } from "../core/context.js";
import { compareIso, formatDate, today } from "../core/dates.js";
import { CliError, type Params } from "../core/errors.js";
import { translate, type MessageKey } from "../core/i18n.js";
import { ANSWERS } from "../commitments/index.js";
import { findCommitments } from "../commitments/index.js";
import { minutesEntries } from "../elections/index.js";
import { isMemberOn } from "../groups/index.js";
import { listGroups } from "../groups/index.js";
import { MEETING_KINDS, type Meeting } from "../meetings/index.js";
import { listMeetings } from "../meetings/index.js";
import { readSettings } from "../platform/index.js";
import { decisionsOf } from "../votes/index.js";
import { attendanceBlocks, buildAttendance } from "./attendance.js";
import { commitmentsReport } from "./commitments.js";
import { kindLabel, rateText } from "./labels.js";
import { campaignsStartedBy, campaignUpdatesBy } from "../campaigns/index.js";
import { conversationFigures } from "../conversations/index.js";
import { approvedModel } from "./frozen.js";
import { emitReport } from "./output.js";
import type { AnnualInput, AnnualSection, AnnualSectionBuilder } from "../core/contributes.js";
import type { Block, ReportDocument } from "../core/document.js";
import { compareNames } from "../core/validate.js";


export type { AnnualInput, AnnualSection, AnnualSectionBuilder };

const muted = (text: string): Block => ({ type: "paragraph", text: [text], role: "muted" });

/**
 * The meetings of the year that took place (any kind), oldest first: closed as held, or planned and already past
 * (assemblies, trainings and actions are often never closed). Cancelled ones are not counted.
 */
function heldIn(input: AnnualInput): Meeting[] {
  return listMeetings(input.db, { from: input.from, until: input.to }).filter((m) => m.status === "held" || (m.status === "planned" && m.date < input.today));
}

export function groupsSection(input: AnnualInput): AnnualSection {
  const { lang, from, to } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const groups = listGroups(input.db, input.today, { all: true });
  const joined = groups.filter((g) => g.joined >= from && g.joined <= to).sort((a, b) => compareIso(a.joined, b.joined) || compareNames(a.name, b.name));
  const left = groups.filter((g) => g.left !== null && g.left >= from && g.left <= to).sort((a, b) => compareIso(a.left!, b.left!) || compareNames(a.name, b.name));
  const data = {
    atStart: groups.filter((g) => isMemberOn(g, from)).length,
    atEnd: groups.filter((g) => isMemberOn(g, to)).length,
    joined: joined.map((g) => ({ name: g.name, short: g.short, date: g.joined })),
    left: left.map((g) => ({ name: g.name, short: g.short, date: g.left! })),
  };
  const blocks: Block[] = [
    { type: "paragraph", text: [t("annual.groupsLine", { start: data.atStart, end: data.atEnd, joined: joined.length, left: left.length })] },
  ];
  if (joined.length > 0 || left.length > 0)
    blocks.push({
      type: "table",
      head: [t("label.group"), t("label.joined"), t("label.left")],
      rows: [...data.joined.map((g) => [g.name, formatDate(g.date, lang), ""]), ...data.left.map((g) => [g.name, "", formatDate(g.date, lang)])],
    });
  return { key: "groups", title: t("annual.groups"), data, blocks };
}

export function meetingsSection(input: AnnualInput): AnnualSection {
  const { lang } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const held = heldIn(input);
  const byKind = Object.fromEntries(MEETING_KINDS.map((k) => [k, held.filter((m) => m.kind === k).length]));
  const data = {
    count: held.length,
    byKind,
    meetings: held.map((m) => ({ id: m.id, kind: m.kind, date: m.date, title: m.title, team: m.team, place: m.place })),
  };
  if (held.length === 0) return { key: "meetings", title: t("annual.meetings"), data, blocks: [muted(t("annual.noMeetings"))] };
  return {
    key: "meetings",
    title: t("annual.meetings"),
    data,
    blocks: [
      { type: "paragraph", text: [t("annual.meetingsLine", { count: held.length })] },
      {
        type: "table",
        head: [t("label.kind"), t("col.count")],
        rows: MEETING_KINDS.filter((k) => byKind[k]! > 0).map((k) => [kindLabel(lang, k), String(byKind[k])]),
        numeric: [1],
      },
      {
        type: "table",
        head: [t("label.date"), t("label.kind"), t("label.title")],
        rows: held.map((m) => [formatDate(m.date, lang), kindLabel(lang, m.kind), [m.title, m.team].filter(Boolean).join(" – ")]),
      },
    ],
  };
}

export function attendanceSection(input: AnnualInput): AnnualSection {
  // Membership "now" is the year's end for a past year: a group that left since still counts for its year.
  const asOf = input.to < input.today ? input.to : input.today;
  const { meetings, rows } = buildAttendance(input.db, asOf, input.from, input.to);
  const data = rows.map(({ group, present, held, rate, drifting, excused }) => ({ group, present, held, rate, drifting, excused }));
  return { key: "attendance", title: translate(input.lang, "annual.attendance"), data, blocks: attendanceBlocks(rows, meetings.length, input.lang, null, 2) };
}

export function decisionsSection(input: AnnualInput): AnnualSection {
  const { lang } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  // Approved minutes say what was decided as they were approved (reports/frozen.ts); drafts say it from today's data.
  const votes = heldIn(input).flatMap((m) =>
    (approvedModel(input.db, m.id)?.decisions ?? decisionsOf(input.db, m.id, input.forgottenLabel)).map((d) => ({ date: m.date, meeting: m.id, ...d })),
  );
  const count = (result: string) => votes.filter((v) => v.result === result).length;
  const data = {
    count: votes.length,
    adopted: count("adopted"),
    rejected: count("rejected"),
    noQuorum: count("no-quorum"),
    votes: votes.map((v) => ({ date: v.date, meeting: v.meeting, motion: v.motion, mover: v.mover, yes: v.yes, no: v.no, abstain: v.abstain, result: v.result })),
  };
  if (votes.length === 0) return { key: "decisions", title: t("minutes.decisions"), data, blocks: [muted(t("annual.noDecisions"))] };
  return {
    key: "decisions",
    title: t("minutes.decisions"),
    data,
    blocks: [
      { type: "paragraph", text: [t("annual.decisionsLine", { count: data.count, adopted: data.adopted, rejected: data.rejected, noQuorum: data.noQuorum })] },
      {
        type: "table",
        head: [t("label.date"), t("label.motion"), t("col.votes"), t("label.result")],
        rows: data.votes.map((v) => [formatDate(v.date, lang), v.motion, `${v.yes} / ${v.no} / ${v.abstain}`, t(`votes.result.${v.result}`)]),
      },
    ],
  };
}

export function electionsSection(input: AnnualInput): AnnualSection {
  const { lang } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const elections = listMeetings(input.db, { from: input.from, until: input.to })
    .filter((m) => m.status !== "cancelled")
    .flatMap((m) => (approvedModel(input.db, m.id)?.elections ?? minutesEntries(input.db, m.id, input.forgottenLabel)).map((e) => ({ date: m.date, meeting: m.id, team: e.team, seats: e.seats, method: e.method, elected: e.elected })));
  if (elections.length === 0) return { key: "elections", title: t("minutes.elections"), data: elections, blocks: [muted(t("annual.noElections"))] };
  return {
    key: "elections",
    title: t("minutes.elections"),
    data: elections,
    blocks: [
      {
        type: "table",
        head: [t("label.date"), t("label.team"), t("elections.label.seats"), t("elections.label.elected")],
        rows: elections.map((e) => [formatDate(e.date, lang), e.team, String(e.seats), e.elected.join(", ") || t("minutes.noneListed")]),
        numeric: [2],
      },
    ],
  };
}

const ACTIVE = new Set(["research", "action", "negotiation"]);

export function campaignsSection(input: AnnualInput): AnnualSection {
  const { lang, from, to } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const updates = campaignUpdatesBy(input.db, to);
  const campaigns = campaignsStartedBy(input.db, to)
    .map((c) => {
      const own = updates.filter((u) => u.campaignId === c.id);
      const before = own.filter((u) => u.date < from);
      const during = own.filter((u) => u.date >= from);
      const statusAtStart = before.at(-1)?.status ?? c.startedStatus;
      const latest = own.at(-1);
      return {
        name: c.name,
        topic: c.topic,
        team: c.team,
        goal: c.goal,
        started: c.started,
        status: latest?.status ?? c.startedStatus,
        updates: during.length,
        latest: during.length > 0 ? { date: during.at(-1)!.date, text: during.at(-1)!.text } : null,
        // part of the year: started in it, active at its start, or reported on during it
        inYear: c.started >= from || ACTIVE.has(statusAtStart) || during.length > 0,
      };
    })
    .filter((c) => c.inYear)
    .map(({ inYear: _inYear, ...c }) => c);
  if (campaigns.length === 0) return { key: "campaigns", title: t("annual.campaigns"), data: campaigns, blocks: [muted(t("annual.noCampaigns"))] };
  return {
    key: "campaigns",
    title: t("annual.campaigns"),
    data: campaigns,
    blocks: [
      {
        type: "table",
        head: [t("col.campaign"), t("campaigns.label.topic"), t("label.team"), t("minutes.statusLabel"), t("col.latest")],
        rows: campaigns.map((c) => [c.name, c.topic, c.team, t(`campaigns.status.${c.status}` as MessageKey), c.latest ? `${formatDate(c.latest.date, lang)}: ${c.latest.text}` : ""]),
      },
    ],
  };
}

export function conversationsSection(input: AnnualInput): AnnualSection {
  const { lang } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const figures = conversationFigures(input.db, input.from, input.to);
  const data = {
    count: figures.count,
    people: figures.people,
    groups: figures.groups,
    byKind: Object.fromEntries(figures.byKind.map((k) => [k.kind, k.count])),
    byHolder: figures.byHolder.map((h) => ({ holder: h.holder ?? `${input.forgottenLabel} #${h.holderId}`, count: h.count })),
  };
  if (figures.count === 0) return { key: "conversations", title: t("annual.conversations"), data, blocks: [muted(t("annual.noConversations"))] };
  return {
    key: "conversations",
    title: t("annual.conversations"),
    data,
    blocks: [
      { type: "paragraph", text: [t("annual.conversationsLine", { count: data.count, people: data.people, groups: data.groups })] },
      { type: "table", head: [t("label.kind"), t("col.count")], rows: figures.byKind.map((k) => [t(`conversations.kind.${k.kind}` as MessageKey), String(k.count)]), numeric: [1] },
      { type: "table", head: [t("col.holder"), t("col.count")], rows: data.byHolder.map((h) => [h.holder, String(h.count)]), numeric: [1] },
    ],
  };
}

export function commitmentsSection(input: AnnualInput): AnnualSection {
  const { lang } = input;
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const rows = findCommitments(input.db, { since: input.from, until: input.to });
  const report = commitmentsReport(rows, input.today, input.from);
  const answers = Object.fromEntries(ANSWERS.map((a) => [a, rows.filter((c) => c.answer === a).length])) as Record<(typeof ANSWERS)[number], number>;
  const data = {
    total: report.total,
    answers,
    kept: report.kept,
    broken: report.broken,
    keptRate: report.keptRate,
    commitments: rows.map(({ id, ask, from, office, body, answer, date, due, status }) => ({ id, ask, from, office, body, answer, date, due, status })),
  };
  if (rows.length === 0) return { key: "commitments", title: t("annual.commitments"), data, blocks: [muted(t("annual.noCommitments"))] };
  const blocks: Block[] = [
    {
      type: "paragraph",
      text: [t("annual.commitmentsLine", { total: report.total, ...answers, kept: report.kept, broken: report.broken, rate: rateText(lang, report.keptRate) })],
    },
    {
      type: "table",
      head: [t("col.given"), t("commitments.label.from"), t("commitments.label.ask"), t("commitments.label.answer"), t("minutes.statusLabel")],
      rows: rows.map((c) => [formatDate(c.date, lang), c.from, c.ask, t(`commitments.answer.${c.answer}`), t(`commitments.status.${c.status}`)]),
    },
    { type: "heading", level: 3, text: t("commitments.byDecisionMaker") },
    {
      type: "table",
      head: [t("commitments.label.from"), t("commitments.label.body"), t("col.total"), t("col.kept"), t("col.broken"), t("col.keptRate")],
      rows: report.byDecisionMaker.map((d) => [d.decisionMaker, d.body ?? "", String(d.total), String(d.kept), String(d.broken), rateText(lang, d.keptRate)]),
      numeric: [2, 3, 4, 5],
    },
  ];
  return { key: "commitments", title: t("annual.commitments"), data, blocks };
}

/**
 * The sections built here, in the order the report shows them (reports/contributes.ts ranks them); other areas
 * contribute theirs (fundraising: after the commitments) through their contributes.ts.
 */
export const ANNUAL_SECTIONS: AnnualSectionBuilder[] = [
  groupsSection,
  meetingsSection,
  attendanceSection,
  decisionsSection,
  electionsSection,
  campaignsSection,
  conversationsSection,
  commitmentsSection,
];

export interface AnnualReport {
  year: number;
  platform: string;
  from: string;
  to: string;
  sections: Record<string, unknown>;
}

export function buildAnnual(input: AnnualInput, platform: string, builders: readonly AnnualSectionBuilder[]): { data: AnnualReport; doc: ReportDocument } {
  const t = (key: MessageKey, params: Params = {}) => translate(input.lang, key, params);
  const sections = builders.map((build) => build(input)).filter((s): s is AnnualSection => s !== null);
  const blocks: Block[] = [
    { type: "title", text: t("annual.heading", { year: input.year }), subtitle: platform },
    { type: "paragraph", text: [t("annual.period", { from: formatDate(input.from, input.lang), to: formatDate(input.to, input.lang) })], role: "muted" },
  ];
  for (const s of sections) blocks.push({ type: "heading", level: 2, text: s.title }, ...s.blocks);
  return {
    data: { year: input.year, platform, from: input.from, to: input.to, sections: Object.fromEntries(sections.map((s) => [s.key, s.data])) },
    doc: { lang: input.lang, title: `${t("annual.title", { year: input.year })} — ${platform}`, blocks },
  };
}

/** `report annual <year> [--format md|html] [--out <file>]`: Markdown by default. */
export async function reportAnnual(ctx: Context, yearText: string, opts: { format?: "md" | "html"; out?: string }, builders: readonly AnnualSectionBuilder[]): Promise<void> {
  if (!/^\d{4}$/.test(yearText.trim()) || Number(yearText) < 1900 || Number(yearText) > 2999) throw new CliError("error.reports.invalidYear", { value: yearText });
  const year = Number(yearText);
  const input: AnnualInput = {
    db: ctx.db,
    lang: ctx.lang,
    year,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    today: today(),
    forgottenLabel: ctx.t("people.forgottenName"),
  };
  const { data, doc } = buildAnnual(input, readSettings(ctx.db).name, builders);
  await emitReport(ctx, { ...opts, format: typeof opts.format === "string" ? opts.format : "md" }, doc, data, "annual");
}
