// `report commitments`: the commitments by decision maker and by body, with the kept rate and the overdue items.
import type { Context } from "../core/context.js";
import type { Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { compareIso, formatDate, parseDate, today } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { isOverdue, keptFigures, type Commitment, type KeptFigures } from "../commitments/index.js";
import { findCommitments } from "../commitments/index.js";
import type { Params } from "../core/errors.js";
import { translate, type Lang, type MessageKey } from "../core/i18n.js";
import { rateText } from "./labels.js";
import { emitReport } from "./output.js";
import type { Block, ReportDocument } from "./render/document.js";
import { compareNames } from "../core/validate.js";


export interface OverdueCommitment extends Commitment {
  /** whole days since the due date */
  daysOverdue: number;
}

export interface DecisionMakerFigures extends KeptFigures {
  decisionMaker: string;
  office: string | null;
  body: string | null;
}

export interface BodyFigures extends KeptFigures {
  body: string | null;
}

/** The JSON of CLI.md: { total, kept, broken, keptRate, overdue, byDecisionMaker } and more. */
export interface CommitmentsReport extends Omit<KeptFigures, "overdue"> {
  since: string | null;
  today: string;
  overdue: OverdueCommitment[];
  byDecisionMaker: DecisionMakerFigures[];
  byBody: BodyFigures[];
}

function days(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

function groupBy<K>(rows: Commitment[], key: (c: Commitment) => K): Map<K, Commitment[]> {
  const map = new Map<K, Commitment[]>();
  for (const c of rows) map.set(key(c), [...(map.get(key(c)) ?? []), c]);
  return map;
}

const byName = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : compareNames(a, b));

/** The figures over `rows` (the commitments given since `since`, all when null), as of `day`. */
export function commitmentsReport(rows: Commitment[], day: string, since: string | null = null): CommitmentsReport {
  const byDecisionMaker = [...groupBy(rows, (c) => c.decisionMakerId).values()]
    .map((list) => ({ decisionMaker: list[0]!.from, office: list[0]!.office, body: list[0]!.body, ...keptFigures(list, day) }))
    .sort((a, b) => byName(a.decisionMaker, b.decisionMaker));
  const byBody = [...groupBy(rows, (c) => c.body).entries()].map(([body, list]) => ({ body, ...keptFigures(list, day) })).sort((a, b) => byName(a.body, b.body));
  const { overdue: _count, ...figures } = keptFigures(rows, day);
  return {
    ...figures,
    since,
    today: day,
    overdue: rows
      .filter((c) => isOverdue(c, day))
      .map((c) => ({ ...c, daysOverdue: days(c.due!, day) }))
      .sort((a, b) => compareIso(a.due!, b.due!) || a.id - b.id),
    byDecisionMaker,
    byBody,
  };
}

export function buildCommitmentsReport(db: Db, day: string, since: string | null): CommitmentsReport {
  return commitmentsReport(findCommitments(db, { since: since ?? undefined }), day, since);
}

function figureRow(f: KeptFigures, lang: Lang): string[] {
  return [f.total, f.kept, f.broken, f.inProgress, f.pending, f.overdue].map(String).concat(rateText(lang, f.keptRate));
}

/** The report as blocks; `level` 1 makes a document of its own, 2 a section of the annual report. */
export function commitmentsBlocks(report: CommitmentsReport, lang: Lang, level: 1 | 2 = 1): Block[] {
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const sub = level === 1 ? 2 : 3;
  const blocks: Block[] = [];
  if (level === 1) blocks.push({ type: "title", text: t("commitments.title"), subtitle: "" });
  if (report.since) blocks.push({ type: "paragraph", text: [t("commitments.since", { date: formatDate(report.since, lang) })] });
  if (report.total === 0) {
    blocks.push({ type: "paragraph", text: [t("commitments.report.none")], role: "muted" });
    return blocks;
  }
  blocks.push({
    type: "paragraph",
    text: [t("commitments.summary", { total: report.total, kept: report.kept, broken: report.broken, inProgress: report.inProgress, pending: report.pending, rate: rateText(lang, report.keptRate) })],
  });
  blocks.push({ type: "paragraph", text: [t("commitments.rateRule")], role: "muted" });
  const figureHead = [t("col.total"), t("col.kept"), t("col.broken"), t("col.inProgress"), t("col.pending"), t("col.overdue"), t("col.keptRate")];
  blocks.push({ type: "heading", level: sub, text: t("commitments.byDecisionMaker") });
  blocks.push({
    type: "table",
    head: [t("commitments.label.from"), t("commitments.label.office"), t("commitments.label.body"), ...figureHead],
    rows: report.byDecisionMaker.map((d) => [d.decisionMaker, d.office ?? "", d.body ?? "", ...figureRow(d, lang)]),
    numeric: [3, 4, 5, 6, 7, 8, 9],
  });
  blocks.push({ type: "heading", level: sub, text: t("commitments.byBody") });
  blocks.push({
    type: "table",
    head: [t("commitments.label.body"), ...figureHead],
    rows: report.byBody.map((b) => [b.body ?? t("commitments.noBody"), ...figureRow(b, lang)]),
    numeric: [1, 2, 3, 4, 5, 6, 7],
  });
  blocks.push({ type: "heading", level: sub, text: t("commitments.report.overdue") });
  blocks.push(
    report.overdue.length === 0
      ? { type: "paragraph", text: [t("commitments.noOverdue")], role: "muted" }
      : {
          type: "table",
          head: ["#", t("commitments.label.from"), t("commitments.label.ask"), t("commitments.label.answer"), t("col.due"), t("minutes.statusLabel")],
          rows: report.overdue.map((c) => [String(c.id), c.from, c.ask, t(`commitments.answer.${c.answer}`), formatDate(c.due, lang), t(`commitments.status.${c.status}`)]),
          numeric: [0],
        },
  );
  return blocks;
}

export function commitmentsDocument(report: CommitmentsReport, lang: Lang, platform: string): ReportDocument {
  const blocks = commitmentsBlocks(report, lang);
  const title = blocks[0];
  if (title && title.type === "title") title.subtitle = platform;
  return { lang, title: `${translate(lang, "commitments.title")} — ${platform}`, blocks };
}

/** `report commitments [--since <d>] [--format md|html] [--out <file>]`. */
export async function reportCommitments(ctx: Context, opts: Opts<typeof def.commitments>): Promise<void> {
  const day = today();
  const since = typeof opts.since === "string" ? parseDate(opts.since, "--since", day) : null;
  const report = buildCommitmentsReport(ctx.db, day, since);
  const { readSettings } = await import("../platform/index.js");
  await emitReport(ctx, opts, commitmentsDocument(report, ctx.lang, readSettings(ctx.db).name), report, "commitments");
}
