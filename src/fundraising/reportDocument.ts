// The fundraising report as blocks of plain text (see reports/render/document.ts): the same blocks make the
// Markdown and HTML report, and the fundraising section of the annual report. Money in the language's format.
import { formatDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { translate, type Lang, type MessageKey } from "../core/i18n.js";
import { formatMoney } from "../core/money.js";
import type { Block, ReportDocument } from "../core/document.js";
import { INCOME_KINDS, OPEN_STAGES } from "./model.js";
import { buildFundraisingReport, type FundraisingReport } from "./report.js";

/** "März 2026" / "March 2026" — a coverage month for people (from the catalogue: Intl is slow to start). */
export function monthLabel(yearMonth: string, lang: Lang): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return `${translate(lang, `month.${m}` as MessageKey)} ${y}`;
}

export function coverageText(report: Pick<FundraisingReport, "coveredUntil" | "year"> & { budget: { total: number } }, lang: Lang): string {
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  if (report.budget.total === 0) return t("funds.coverage.noBudget", { year: report.year });
  if (report.coveredUntil === null) return t("funds.coverage.none", { year: report.year });
  return t(report.coveredUntil.endsWith("-12") ? "funds.coverage.full" : "funds.coverage.until", { month: monthLabel(report.coveredUntil, lang) });
}

/** The report's sections; `level` is the level of their headings (2 on its own, 3 inside the annual report). */
export function fundraisingBlocks(r: FundraisingReport, lang: Lang, level: 2 | 3): Block[] {
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const money = (cents: number) => formatMoney(cents, lang);
  const sub = (text: string): Block => ({ type: "heading", level, text });
  const blocks: Block[] = [];

  blocks.push(sub(t("funds.section.income")));
  blocks.push({
    type: "table",
    head: [t("funds.col.kind"), t("funds.col.amount")],
    rows: [...INCOME_KINDS.map((k) => [t(`funds.incomeKind.${k}`), money(r.income.byKind[k])]), [t("funds.col.total"), money(r.income.total)]],
    numeric: [1],
  });
  if (r.income.bySource.length > 0) {
    blocks.push(sub(t("funds.section.bySource")));
    blocks.push({
      type: "table",
      head: [t("funds.col.source"), t("funds.col.sourceKind"), t("funds.col.amount")],
      rows: r.income.bySource.map((s) => [s.source, t(`funds.sourceKind.${s.kind}`), money(s.total)]),
      numeric: [2],
    });
  }

  blocks.push(sub(t("funds.section.funds")));
  blocks.push({
    type: "table",
    head: [t("funds.col.fund"), t("funds.col.amount")],
    rows: [
      ...r.funds.byFund.map((f) => [t("funds.restrictedFund", { fund: f.fund }), money(f.total)]),
      [t("funds.restrictedTotal"), money(r.funds.restricted)],
      [t("funds.col.general"), money(r.funds.general)],
    ],
    numeric: [1],
  });

  blocks.push(sub(t("funds.section.pipeline")));
  blocks.push({
    type: "table",
    head: [t("funds.col.stage"), t("funds.col.count"), t("funds.col.requested"), t("funds.col.expected")],
    rows: [
      ...OPEN_STAGES.map((s) => [t(`funds.stage.${s}`), String(r.pipeline.byStage[s].count), money(r.pipeline.byStage[s].requested), money(r.pipeline.byStage[s].expectedValue)]),
      [t("funds.col.total"), String(r.pipeline.count), money(r.pipeline.requested), money(r.pipeline.expectedValue)],
    ],
    numeric: [1, 2, 3],
  });
  blocks.push({ type: "paragraph", text: [t("funds.pipelineRule", { date: formatDate(r.asOf, lang) })], role: "muted" });

  if (r.grants.list.length > 0) {
    blocks.push(sub(t("funds.section.grants")));
    blocks.push({
      type: "table",
      head: [
        "#",
        t("funds.col.application"),
        t("funds.col.funder"),
        t("funds.col.awarded"),
        t("funds.col.received"),
        t("funds.col.outstanding"),
        t("funds.col.receivedInYear"),
        t("funds.col.expectedInYear"),
        t("funds.col.securedInYear"),
      ],
      rows: r.grants.list.map((g) => [
        String(g.id),
        g.title,
        g.funder,
        money(g.awarded),
        money(g.received),
        money(g.outstanding),
        money(g.receivedInYear),
        money(g.expectedInYear),
        money(g.securedInYear),
      ]),
      numeric: [0, 3, 4, 5, 6, 7, 8],
    });
    blocks.push({ type: "paragraph", text: [t("funds.grantRule")], role: "muted" });
  }

  blocks.push(sub(t("funds.section.dues")));
  blocks.push({
    type: "fields",
    rows: [
      [t("funds.col.assessed"), money(r.dues.assessed)],
      [t("funds.col.paid"), money(r.dues.paid)],
      [t("funds.col.outstanding"), money(r.dues.outstanding)],
    ],
  });

  blocks.push(sub(t("funds.section.budget")));
  if (r.budget.lines.length > 0)
    blocks.push({
      type: "table",
      head: [t("funds.col.line"), t("funds.col.amount")],
      rows: [...r.budget.lines.map((l) => [l.line, money(l.amount)]), [t("funds.col.total"), money(r.budget.total)]],
      numeric: [1],
    });
  blocks.push({
    type: "fields",
    rows: [
      [t("funds.budget.received"), money(r.budget.received)],
      [t("funds.budget.approved"), money(r.budget.approved)],
      [t("funds.budget.secured"), money(r.budget.secured)],
      [t("funds.budget.gap"), money(r.budget.gap)],
      [t("funds.budget.duesOutstanding"), money(r.budget.duesOutstanding)],
      [t("funds.budget.pipeline"), money(r.budget.pipeline)],
      [t("funds.budget.expected"), money(r.budget.expected)],
    ],
  });
  blocks.push({ type: "paragraph", text: [{ strong: coverageText(r, lang) }] });
  blocks.push({ type: "paragraph", text: [t("funds.coverageRule")], role: "muted" });
  return blocks;
}

export function fundraisingDocument(r: FundraisingReport, lang: Lang, platform: string): ReportDocument {
  const title = translate(lang, "funds.reportTitle", { year: r.year });
  return { lang, title: `${title} — ${platform}`, blocks: [{ type: "title", text: title, subtitle: platform }, ...fundraisingBlocks(r, lang, 2)] };
}

/**
 * The fundraising section of a report for a year: the model data and its blocks (a level-2 heading, then the
 * sections at level 3), for the reports' renderers (renderBlocksMarkdown, renderDocumentHtml).
 */
export function fundraisingSection(
  db: Db,
  year: number,
  lang: Lang,
  options: { asOf: string; forgottenLabel: string },
): { model: FundraisingReport; blocks: Block[] } {
  const model = buildFundraisingReport(db, year, options.asOf, { forgotten: options.forgottenLabel, noSource: translate(lang, "funds.noSource") });
  return { model, blocks: [{ type: "heading", level: 2, text: translate(lang, "funds.section.title") }, ...fundraisingBlocks(model, lang, 3)] };
}
