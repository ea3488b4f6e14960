// What the agenda and the minutes say, in order, as a few kinds of blocks of plain (unescaped) text. The
// Markdown, HTML and PDF renderers only lay these blocks out and escape the text for their format, so that all
// three formats say the same things.
import { formatDate } from "../../core/dates.js";
import type { Block, Inline, ReportDocument } from "../../core/document.js";
import type { Lang } from "../../core/i18n.js";
import { translate, type MessageKey } from "../../core/i18n.js";
import type { Params } from "../../core/errors.js";
import { kindLabel } from "../labels.js";
import { assemblyBlocks } from "./assemblyBlocks.js";
import type { DecisionEntry, ElectionEntry, MeetingRef, ReportItem, ReportModel, ReportTask } from "../model.js";
import { shortFingerprint } from "../../core/hash.js";
import { startTimes } from "../startTimes.js";
import { localDecimal } from "../../core/decimal.js";

export type ReportKind = "agenda" | "minutes";
export type { Block, Inline, ReportDocument };

/** "Kernkreis on 2026-12-03", or with its title: "Team meeting “Wohnen” on 2026-12-03". */
export function meetingName(lang: Lang, m: MeetingRef): string {
  const kind = kindLabel(lang, m.kind);
  const date = formatDate(m.date, lang);
  return m.title ? translate(lang, "meeting.titled", { kind, title: m.title, date }) : translate(lang, "meeting.on", { kind, date });
}

function timeOf(lang: Lang, m: MeetingRef): string {
  if (m.time && m.end) return translate(lang, "meeting.fromTo", { start: m.time, end: m.end });
  if (m.time) return translate(lang, "meeting.at", { time: m.time });
  return "";
}

/** "Kernkreis on 2026-12-03, 19:00–21:00, Gemeindesaal": a meeting with when and where. */
function meetingWithPlace(lang: Lang, m: MeetingRef): string {
  return [meetingName(lang, m), timeOf(lang, m), m.place ?? ""].filter((s) => s !== "").join(", ");
}

/** What, who, by when; in the minutes also the agenda item the task comes from. */
function taskTable(lang: Lang, tasks: ReportTask[], withItem: boolean): Block {
  const head = [translate(lang, "label.task"), translate(lang, "col.owner"), translate(lang, "col.byWhen")];
  const row = (t: ReportTask) => [t.title, t.owner, formatDate(t.due, lang) || "–"];
  if (!withItem) return { type: "table", head, rows: tasks.map(row) };
  return {
    type: "table",
    head: [...head, translate(lang, "label.item")],
    rows: tasks.map((t) => [...row(t), t.item === null ? "" : String(t.item)]),
    numeric: [3],
  };
}

/** The latest report of each active campaign, one line each: campaign, team, status, date, text. */
function campaignList(lang: Lang, reports: NonNullable<ReportItem["campaigns"]>): Block {
  return {
    type: "list",
    items: reports.map((r) => [
      { strong: r.campaign },
      ` ${translate(lang, "campaign.meta", { team: r.team, status: translate(lang, `campaigns.status.${r.status}`), date: formatDate(r.date, lang) })}: ${r.text}`,
    ]),
  };
}

export function agendaDocument(model: ReportModel): ReportDocument {
  const { lang, meeting } = model;
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const name = meetingName(lang, meeting);
  const blocks: Block[] = [
    { type: "title", text: p("agenda.heading", { meeting: name }), subtitle: model.platform },
    {
      type: "fields",
      rows: [
        [p("field.kind"), kindLabel(lang, meeting.kind)],
        [p("label.title"), meeting.title ?? ""],
        [p("label.team"), meeting.team ?? ""],
        [p("label.date"), formatDate(meeting.date, lang)],
        [p("field.time"), timeOf(lang, meeting)],
        [p("label.place"), meeting.place ?? ""],
        [p("field.chair"), meeting.chair ?? ""],
        [p("label.secretary"), meeting.secretary ?? ""],
        [p("field.invited"), formatDate(meeting.invited, lang)],
      ].filter(([, value]) => value !== "") as Array<[string, string]>,
    },
    { type: "paragraph", text: [p("agenda.welcome")] },
  ];
  // Apologies received in advance (meetings excuse): groups, then people.
  const apologies = [...model.attendance.excused, ...model.attendance.excusedPeople];
  if (apologies.length > 0) blocks.push({ type: "paragraph", text: [{ strong: `${p("agenda.apologies")}:` }, ` ${apologies.join(", ")}`] });
  blocks.push({ type: "heading", level: 2, text: p("meetings.agenda") });
  if (model.items.length === 0) blocks.push({ type: "paragraph", text: [p("agenda.noItems")], role: "muted" });
  else {
    const starts = startTimes(meeting.time, model.items); // for a model without them (built before reports/agenda.ts)
    blocks.push({
      type: "table",
      head: [p("col.item"), p("col.start"), p("col.title"), p("col.presenter"), p("col.duration")],
      rows: model.items.map((i, n) => [String(i.position), (i.start !== undefined ? i.start : starts[n]) ?? "", i.title, i.presenter ?? "", i.duration === null ? "" : String(i.duration)]),
      numeric: [0, 1, 4],
    });
    const planned = model.items.reduce((sum, i) => sum + (i.duration ?? 0), 0);
    if (planned > 0) blocks.push({ type: "paragraph", text: [p("agenda.planned", { minutes: planned })], role: "muted" });
  }
  for (const item of model.items.filter((i) => i.campaigns && i.campaigns.length > 0)) {
    blocks.push({ type: "heading", level: 3, text: p("minutes.item", { position: item.position, title: item.title }) });
    blocks.push(campaignList(lang, item.campaigns!));
  }
  blocks.push({ type: "heading", level: 2, text: p("agenda.previous") });
  blocks.push({
    type: "paragraph",
    text: [model.awaitingApproval ? p("agenda.previousText", { meeting: meetingName(lang, model.awaitingApproval) }) : p("agenda.noPrevious")],
  });
  blocks.push({ type: "heading", level: 2, text: p("agenda.dueTasks") });
  blocks.push(model.dueTasks.length === 0 ? { type: "paragraph", text: [p("agenda.noDueTasks")], role: "muted" } : taskTable(lang, model.dueTasks, false));
  if (model.appendix) {
    // The draft minutes up for approval, as the minutes print them, under a title that says they are the appendix.
    const [title, ...rest] = minutesDocument({ ...model.appendix, lang }).blocks;
    if (title?.type === "title") blocks.push({ ...title, subtitle: `${p("agenda.appendix")} — ${title.subtitle}` });
    blocks.push(...rest.filter((b) => b.type !== "signatures")); // a draft is signed once approved
  }
  return { lang, title: `${p("agenda.title")}: ${name} — ${model.platform}`, blocks };
}

function statusText(model: ReportModel): string {
  const { lang, meeting, approval } = model;
  if (approval) {
    const at = meetingName(lang, approval.at);
    const status = approval.corrections
      ? translate(lang, "minutes.statusCorrected", { meeting: at, corrections: approval.corrections })
      : translate(lang, "minutes.statusApproved", { meeting: at });
    return approval.withoutQuorum ? `${status} ${translate(lang, "minutes.approvedWithoutQuorum")}` : status;
  }
  return translate(lang, meeting.status === "held" ? "minutes.statusDraft" : "minutes.statusOpen");
}

function quorumText(model: ReportModel): string {
  const { lang, quorum } = model;
  const figures = { present: quorum.present, entitled: quorum.entitled, required: quorum.required };
  if (quorum.rule === "none") return translate(lang, "minutes.quorumNone", figures);
  const rule = translate(lang, quorum.rule === "half" ? "minutes.ruleHalf" : "minutes.ruleCount", figures);
  return translate(lang, quorum.met ? "minutes.quorumMet" : "minutes.quorumMissed", { ...figures, rule });
}

/**
 * Each motion with its number among the meeting's motions: under its agenda item (`level` 4, the item named by the
 * heading above it) or in the decisions section (`level` 3, with its item if it names one).
 */
function decisionBlocks(lang: Lang, decisions: Array<[DecisionEntry, number]>, level: 3 | 4): Block[] {
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  return decisions.flatMap(([d, n]) => {
    const heading: Block = { type: "heading", level, text: `${p("minutes.motion", { n })}${d.item !== null && level === 3 ? ` (${p("col.item")} ${d.item})` : ""}` };
    if (d.result === "withdrawn") {
      // Not decided: no figures, only that and why it was withdrawn.
      const rows: Array<[string, string]> = [
        [p("label.motion"), d.motion],
        [p("decision.mover"), d.mover ?? p("field.notRecorded")],
        [p("label.result"), p("votes.result.withdrawn")],
        [p("decision.withdrawnReason"), d.reason ?? ""],
      ];
      return [heading, { type: "fields", rows }];
    }
    const rows: Array<[string, string]> = [
      [p("label.motion"), d.motion],
      [p("decision.mover"), d.mover ?? p("field.notRecorded")],
      [p("decision.mode"), p(`votes.mode.${d.mode}`)],
      [p("decision.majority"), `${p(`votes.majority.${d.majority}` as MessageKey)} ${p(`base.${d.base}` as MessageKey)}`],
      [p("decision.figures"), p("decision.figuresText", { yes: d.yes, no: d.no, abstain: d.abstain })],
    ];
    if (d.quorum)
      rows.push([
        p("decision.quorum"),
        p("decision.quorumText", { present: d.quorum.present, required: d.quorum.required, state: p(d.quorum.met ? "decision.quorumMet" : "decision.quorumMissed") }),
      ]);
    rows.push([p("label.result"), p(`votes.result.${d.result}`)]);
    const blocks: Block[] = [heading, { type: "fields", rows }];
    if (d.sides)
      blocks.push({
        type: "list",
        items: (
          [
            ["label.yes", d.sides.yes],
            ["label.no", d.sides.no],
            ["decision.sideAbstain", d.sides.abstain],
          ] as const
        ).map(([key, groups]) => [{ strong: `${p(key)} (${groups.length}):` }, ` ${groups.join(", ") || p("minutes.noneListed")}`]),
      });
    return blocks;
  });
}

/** Rounds per table: a candidate column, three rounds and the outcome fit an A4 page's width. */
const ROUNDS_PER_TABLE = 3;

/** "2.00000" as an integer count of its last decimal place (200000), with the number of decimals; null if no figure. */
function units(figure: string): { value: number; decimals: number } | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(figure);
  return m ? { value: Number(`${m[1]}${m[2] ?? ""}`), decimals: (m[2] ?? "").length } : null;
}

function figureOf(value: number, decimals: number): string {
  if (decimals === 0) return String(value);
  const digits = String(value).padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

function isZeroFigure(figure: string | undefined): boolean {
  return figure === undefined || /^0+(\.0+)?$/.test(figure);
}

/**
 * The votes per round as tables of at most ROUNDS_PER_TABLE rounds: the candidates with the round in which each
 * was elected or excluded marked, then (STV) the non-transferable votes, any loss by rounding, the sum, which is
 * the valid votes in every round, and the quota; last, each candidate's outcome. Minutes frozen before the
 * candidates' states were kept show what is known: the votes, the remainder to the valid votes, elected or not.
 */
function roundsTables(lang: Lang, e: ElectionEntry): Block[] {
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const figure = (votes: string) => localDecimal(votes, lang);
  const names = [...new Set(e.rounds.flatMap((r) => r.votes.map((v) => v.name)))];
  const withStates = e.rounds.every((r) => r.votes.every((v) => v.state !== undefined));
  const firstRound = (name: string, state: "elected" | "excluded") =>
    e.rounds.find((r) => r.votes.some((v) => v.name === name && v.state === state))?.round;
  const outcome = (name: string): string => {
    if (!withStates) return p(e.elected.includes(name) ? "election.electedMark" : "election.notElected");
    const elected = firstRound(name, "elected");
    if (elected !== undefined) return p("election.electedIn", { n: elected });
    const excluded = firstRound(name, "excluded");
    return excluded !== undefined ? p("election.excludedIn", { n: excluded }) : p("election.notElected");
  };
  const cell = (round: ElectionEntry["rounds"][number], name: string): string => {
    const v = round.votes.find((c) => c.name === name);
    if (!v) return "–";
    if (v.state === "excluded") return firstRound(name, "excluded") === round.round ? p("election.excludedMark") : "–";
    if (v.state === "elected" && firstRound(name, "elected") === round.round) return `${figure(v.votes)} ${p("election.electedMark")}`;
    return figure(v.votes);
  };

  // The rows below the candidates, STV only: every round then adds up to the valid votes.
  const extra: Array<[string, (round: ElectionEntry["rounds"][number]) => string]> = [];
  if (e.quota != null) {
    const sum = (round: ElectionEntry["rounds"][number], more: Array<string | undefined>) => {
      const all = [...round.votes.map((v) => v.votes), ...more].map((f) => units(f ?? "0"));
      if (all.some((u) => u === null)) return null;
      const decimals = Math.max(...all.map((u) => u!.decimals));
      return { value: all.reduce((total, u) => total + u!.value * 10 ** (decimals - u!.decimals), 0), decimals };
    };
    const known = e.rounds.every((r) => r.nontransferable !== undefined);
    if (known) {
      extra.push([p("election.nontransferable"), (r) => figure(r.nontransferable!)]);
      if (e.rounds.some((r) => !isZeroFigure(r.residual))) extra.push([p("election.residual"), (r) => figure(r.residual ?? "0")]);
      extra.push([p("election.total"), (r) => {
        const total = sum(r, [r.nontransferable, r.residual]);
        return total ? figure(figureOf(total.value, total.decimals)) : "";
      }]);
    } else if (e.valid != null) {
      // Frozen before the non-transferable votes were kept: what the candidates lack to the valid votes.
      extra.push([p("election.remainder"), (r) => {
        const total = sum(r, []);
        return total ? figure(figureOf(e.valid! * 10 ** total.decimals - total.value, total.decimals)) : "";
      }]);
    }
    extra.push([p("election.quota"), () => figure(e.quota!)]);
  }

  const tables = Math.ceil(e.rounds.length / ROUNDS_PER_TABLE);
  const perTable = Math.ceil(e.rounds.length / tables);
  const blocks: Block[] = [];
  for (let start = 0; start < e.rounds.length; start += perTable) {
    const rounds = e.rounds.slice(start, start + perTable);
    blocks.push({
      type: "table",
      head: [p("col.candidate"), ...rounds.map((r) => p("col.round", { n: r.round })), p("col.outcome")],
      rows: [
        ...names.map((name) => [name, ...rounds.map((r) => cell(r, name)), outcome(name)]),
        ...extra.map(([label, value]) => [label, ...rounds.map(value), ""]),
      ],
      numeric: rounds.map((_, i) => i + 1),
    });
  }
  return blocks;
}

/** Each election: under its agenda item (`level` 4) or in the elections section (`level` 3, with its item). */
function electionBlocks(lang: Lang, elections: ElectionEntry[], level: 3 | 4): Block[] {
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  return elections.flatMap((e) => {
    const blocks: Block[] = [
      { type: "heading", level, text: `${p("election.heading", { team: e.team })}${e.item !== null && level === 3 ? ` (${p("col.item")} ${e.item})` : ""}` },
      {
        type: "fields",
        rows: [
          [p("elections.label.seats"), String(e.seats)],
          [p("elections.label.method"), p(`method.${e.method}` as MessageKey)],
          [p("elections.label.candidates"), e.candidates.join(", ")],
          [p("elections.label.elected"), e.elected.join(", ") || p("minutes.noneListed")],
          [p("election.accepted"), e.accepted.join(", ") || p("minutes.noneListed")],
          ...(e.valid != null ? [[p("election.valid"), String(e.valid)] as [string, string]] : []),
          ...(e.quota != null ? [[p("election.quota"), localDecimal(e.quota, lang)] as [string, string]] : []),
          ...(e.ties ?? []).map(
            (t) =>
              [
                p("election.tie", { round: t.round }),
                p("election.tieText", {
                  between: t.between.join(", "),
                  outcome: t.chosen ? p(`election.tieOutcome.${t.purpose ?? "election"}`, { name: t.chosen }) : "",
                  how: p(t.decidedBy === "lot" ? "tally.tie.lot" : "election.byEarlierStage"),
                }),
              ] as [string, string],
          ),
          ...(e.seed != null ? [[p("election.seed"), String(e.seed)] as [string, string]] : []),
        ],
      },
    ];
    if (e.rounds.length > 0) blocks.push(...roundsTables(lang, e));
    return blocks;
  });
}

/** The decisions and elections section: one line each for those shown under their item, in full the others. */
function summaryBlocks(model: ReportModel, underItem: (item: number | null) => boolean): Block[] {
  const { lang } = model;
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const blocks: Block[] = [];
  const numbered = model.decisions.map((d, i) => [d, i + 1] as [DecisionEntry, number]);
  if (numbered.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.decisions") });
    blocks.push({
      type: "table",
      head: [p("col.number"), p("col.item"), p("label.motion"), p("col.figures"), p("label.result")],
      rows: numbered.map(([d, n]) => [
        String(n),
        d.item === null ? "–" : String(d.item),
        d.motion,
        d.result === "withdrawn" ? "–" : `${d.yes} / ${d.no} / ${d.abstain}`,
        p(`votes.result.${d.result}`),
      ]),
      numeric: [0, 1],
    });
    blocks.push(...decisionBlocks(lang, numbered.filter(([d]) => !underItem(d.item)), 3));
  }
  if (model.elections.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.elections") });
    blocks.push({
      type: "table",
      head: [p("label.team"), p("col.item"), p("elections.label.elected")],
      rows: model.elections.map((e) => [e.team, e.item === null ? "–" : String(e.item), e.elected.join(", ") || p("minutes.noneListed")]),
      numeric: [1],
    });
    blocks.push(...electionBlocks(lang, model.elections.filter((e) => !underItem(e.item)), 3));
  }
  return blocks;
}

export function minutesDocument(model: ReportModel): ReportDocument {
  const { lang, meeting, attendance } = model;
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const name = meetingName(lang, meeting);
  const notRecorded = p("field.notRecorded");
  const none = p("minutes.noneListed");
  const blocks: Block[] = [
    { type: "title", text: p("minutes.heading", { meeting: name }), subtitle: model.platform },
    { type: "paragraph", text: [{ strong: `${p("minutes.statusLabel")}:` }, ` ${statusText(model)}`], role: "status" },
    {
      type: "fields",
      rows: (
        [
          [p("field.platform"), model.platform],
          [p("field.kind"), kindLabel(lang, meeting.kind)],
          [p("label.title"), meeting.title ?? ""],
          [p("label.team"), meeting.team ?? ""],
          [p("label.place"), meeting.place ?? notRecorded],
          [p("label.date"), formatDate(meeting.date, lang)],
          [p("field.start"), meeting.time ?? notRecorded],
          [p("field.end"), meeting.end ?? notRecorded],
          [p("field.chair"), meeting.chair ?? notRecorded],
          [p("label.secretary"), meeting.secretary ?? notRecorded],
          [p("field.invited"), formatDate(meeting.invited, lang) || notRecorded],
        ] as Array<[string, string]>
      ).filter(([, value]) => value !== ""),
    },
    { type: "heading", level: 2, text: p("meetings.attendance") },
    { type: "paragraph", text: [p("minutes.entitled", { count: attendance.entitled })] },
    { type: "heading", level: 3, text: p("minutes.present", { count: attendance.present.length }) },
    attendance.present.length === 0
      ? { type: "paragraph", text: [none], role: "muted" }
      : {
          type: "list",
          items: attendance.present.map((g) => [
            { strong: g.group },
            `${g.member ? "" : ` (${p("minutes.notMember")})`}: ${g.people.join(", ")}`,
          ]),
        },
    { type: "heading", level: 3, text: p("minutes.excused", { count: attendance.excused.length }) },
    attendance.excused.length === 0 ? { type: "paragraph", text: [none], role: "muted" } : { type: "list", items: attendance.excused.map((g) => [g]) },
    { type: "heading", level: 3, text: p("minutes.absent", { count: attendance.absent.length }) },
    attendance.absent.length === 0 ? { type: "paragraph", text: [none], role: "muted" } : { type: "list", items: attendance.absent.map((g) => [g]) },
  ];
  if (attendance.guests.length > 0) {
    blocks.push({ type: "heading", level: 3, text: p("minutes.guests", { count: attendance.guests.length }) });
    blocks.push({ type: "list", items: attendance.guests.map((g) => [g]) });
  }
  if (attendance.excusedPeople.length > 0) {
    blocks.push({ type: "heading", level: 3, text: p("minutes.excusedPeople", { count: attendance.excusedPeople.length }) });
    blocks.push({ type: "list", items: attendance.excusedPeople.map((g) => [g]) });
  }

  blocks.push({ type: "heading", level: 2, text: p("label.quorum") });
  blocks.push({ type: "paragraph", text: [quorumText(model)], role: "quorum" });

  blocks.push({ type: "heading", level: 2, text: p("minutes.agenda") });
  blocks.push(
    model.items.length === 0
      ? { type: "paragraph", text: [p("agenda.noItems")], role: "muted" }
      : {
          type: "table",
          head: [p("col.item"), p("col.title"), p("col.presenter")],
          rows: model.items.map((i) => [String(i.position), i.title, i.presenter ?? ""]),
          numeric: [0],
        },
  );

  blocks.push({ type: "heading", level: 2, text: p("minutes.approval") });
  const approvals = model.approvals.map((a) => {
    const text = a.corrections
      ? p("minutes.approvedAsCorrected", { meeting: meetingName(lang, a.meeting), corrections: a.corrections })
      : p("minutes.approvedAsDistributed", { meeting: meetingName(lang, a.meeting) });
    return a.withoutQuorum ? `${text} ${p("minutes.approvedWithoutQuorum")}` : text;
  });
  if (approvals.length === 0)
    approvals.push(model.awaitingApproval ? p("minutes.notYetApproved", { meeting: meetingName(lang, model.awaitingApproval) }) : p("minutes.noApproval"));
  for (const text of approvals) blocks.push({ type: "paragraph", text: [text] });

  // Votes and elections stand under their agenda item; the summary below lists them all.
  const underItem = (position: number | null) => position !== null && model.items.some((i) => i.position === position);
  if (model.items.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.items") });
    for (const item of model.items) {
      blocks.push({ type: "heading", level: 3, text: p("minutes.item", { position: item.position, title: item.title }) });
      if (item.presenter) blocks.push({ type: "paragraph", text: [{ strong: `${p("field.presenter")}:` }, ` ${item.presenter}`] });
      if (item.campaigns && item.campaigns.length > 0) blocks.push(campaignList(lang, item.campaigns));
      for (const note of item.notes) blocks.push({ type: "paragraph", text: [note] });
      const decisions = model.decisions.map((d, i) => [d, i + 1] as [DecisionEntry, number]).filter(([d]) => d.item === item.position);
      const elections = model.elections.filter((e) => e.item === item.position);
      blocks.push(...decisionBlocks(lang, decisions, 4), ...electionBlocks(lang, elections, 4));
      if (item.notes.length === 0 && !(item.campaigns && item.campaigns.length > 0) && decisions.length === 0 && elections.length === 0)
        blocks.push({ type: "paragraph", text: [p("minutes.noNotes")], role: "muted" });
    }
  }

  blocks.push(...summaryBlocks(model, underItem));
  if (model.assembly) blocks.push(...assemblyBlocks(lang, model.assembly, (d) => formatDate(d, lang)));

  blocks.push({ type: "heading", level: 2, text: p("minutes.tasks") });
  blocks.push(model.tasks.length === 0 ? { type: "paragraph", text: [p("minutes.noTasks")], role: "muted" } : taskTable(lang, model.tasks, true));

  blocks.push({ type: "heading", level: 2, text: p("minutes.next") });
  blocks.push({ type: "paragraph", text: [model.next ? meetingWithPlace(lang, model.next) : p("minutes.noNext")] });

  if (model.amendments.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.amendments") });
    blocks.push({
      type: "list",
      items: model.amendments.map((a) => [{ strong: `${formatDate(a.date, lang)}, ${a.author}:` }, ` ${a.text}`]),
    });
  }

  blocks.push({
    type: "signatures",
    caption: p("minutes.dateSignature"),
    people: [
      { role: p("label.secretary"), name: meeting.secretary },
      { role: p("field.chair"), name: meeting.chair },
    ],
  });
  const title = `${p("minutes.title")}: ${name} — ${model.platform}`;
  // Minutes not yet approved say so across every printed page.
  if (!model.approval) return { lang, title, blocks, watermark: p("minutes.watermark") };
  if (!model.fingerprint) return { lang, title, blocks };
  const code = shortFingerprint(model.fingerprint);
  return { lang, title, blocks, footer: p("minutes.fingerprint", { code }) };
}

/**
 * Where the closing part of a document begins: the last section (from its level-2 heading) before the signature
 * lines, which the printed page keeps together with them; undefined for a document without signatures.
 */
export function closingStart(blocks: Block[]): number | undefined {
  const signatures = blocks.findIndex((b) => b.type === "signatures");
  if (signatures < 0) return undefined;
  for (let i = signatures - 1; i >= 0; i--) if (blocks[i]!.type === "heading" && (blocks[i] as { level: number }).level === 2) return i;
  return signatures;
}

export function reportDocument(model: ReportModel, kind: ReportKind): ReportDocument {
  return kind === "agenda" ? agendaDocument(model) : minutesDocument(model);
}

