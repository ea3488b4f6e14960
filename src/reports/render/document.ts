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

function decisionBlocks(lang: Lang, decisions: DecisionEntry[]): Block[] {
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  return decisions.flatMap((d, index) => {
    const heading: Block = { type: "heading", level: 3, text: `${p("minutes.motion", { n: index + 1 })}${d.item !== null ? ` (${p("col.item")} ${d.item})` : ""}` };
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

function electionBlocks(lang: Lang, elections: ElectionEntry[]): Block[] {
  const p = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  return elections.flatMap((e) => {
    const blocks: Block[] = [
      { type: "heading", level: 3, text: `${p("election.heading", { team: e.team })}${e.item !== null ? ` (${p("col.item")} ${e.item})` : ""}` },
      {
        type: "fields",
        rows: [
          [p("elections.label.seats"), String(e.seats)],
          [p("elections.label.method"), p(`method.${e.method}` as MessageKey)],
          [p("elections.label.candidates"), e.candidates.join(", ")],
          [p("elections.label.elected"), e.elected.join(", ") || p("minutes.noneListed")],
          [p("election.accepted"), e.accepted.join(", ") || p("minutes.noneListed")],
          ...(e.valid != null ? [[p("election.valid"), String(e.valid)] as [string, string]] : []),
          ...(e.quota != null ? [[p("election.quota"), e.quota] as [string, string]] : []),
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
    if (e.rounds.length > 0) {
      const names = [...new Set(e.rounds.flatMap((r) => r.votes.map((v) => v.name)))];
      blocks.push({
        type: "table",
        head: [p("col.candidate"), ...e.rounds.map((r) => p("col.round", { n: r.round }))],
        rows: names.map((name) => [name, ...e.rounds.map((r) => r.votes.find((v) => v.name === name)?.votes ?? "")]),
        numeric: e.rounds.map((_, i) => i + 1),
      });
    }
    return blocks;
  });
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

  if (model.items.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.items") });
    for (const item of model.items) {
      blocks.push({ type: "heading", level: 3, text: p("minutes.item", { position: item.position, title: item.title }) });
      if (item.presenter) blocks.push({ type: "paragraph", text: [{ strong: `${p("field.presenter")}:` }, ` ${item.presenter}`] });
      if (item.campaigns && item.campaigns.length > 0) blocks.push(campaignList(lang, item.campaigns));
      if (item.notes.length === 0) blocks.push({ type: "paragraph", text: [p("minutes.noNotes")], role: "muted" });
      else for (const note of item.notes) blocks.push({ type: "paragraph", text: [note] });
    }
  }

  if (model.decisions.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.decisions") });
    blocks.push(...decisionBlocks(lang, model.decisions));
  }
  if (model.elections.length > 0) {
    blocks.push({ type: "heading", level: 2, text: p("minutes.elections") });
    blocks.push(...electionBlocks(lang, model.elections));
  }
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
  if (!model.fingerprint) return { lang, title, blocks };
  const code = shortFingerprint(model.fingerprint);
  return { lang, title, blocks, footer: p("minutes.fingerprint", { code }) };
}

export function reportDocument(model: ReportModel, kind: ReportKind): ReportDocument {
  return kind === "agenda" ? agendaDocument(model) : minutesDocument(model);
}

