// `report conversations`, `report coverage` and `report listening`: the organizer's figures on the listening work.
// Each builds its rows once, then prints them as --json, a terminal table, Markdown or HTML (reports/output.ts).
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "../reports/commands.js";
import { formatDate, parseDate, shiftDate, today } from "../core/dates.js";
import { readSettings } from "../platform/index.js";
import type { Block, ReportDocument } from "../core/document.js";
import { conversationsByHolderMonth, coverage, coverageCutoff, listening, parseMonths } from "./model.js";
import { conversationFacts, keyPersons, lastConversations, topicQuarters, topicTotals } from "./store.js";

/** How many quarters the table shows; --json has every quarter of the period. */
const QUARTERS_SHOWN = 4;

function since(opts: { readonly since?: string | undefined }, day: string): string | null {
  return opts.since !== undefined ? parseDate(opts.since, "--since", day) : null;
}

function doc(ctx: Context, title: string, lines: string[], table: Block | null, empty: string): ReportDocument {
  const blocks: Block[] = [{ type: "title", text: title, subtitle: readSettings(ctx.db).name }];
  for (const line of lines) blocks.push({ type: "paragraph", text: [line], role: "muted" });
  blocks.push(table ?? { type: "paragraph", text: [empty], role: "muted" });
  return { lang: ctx.lang, title: `${title} — ${readSettings(ctx.db).name}`, blocks };
}

function period(ctx: Context, from: string | null, day: string): string {
  return from === null ? ctx.t("conversations.report.untilOnly", { until: formatDate(day, ctx.lang) }) : ctx.t("conversations.report.period", { from: formatDate(from, ctx.lang), until: formatDate(day, ctx.lang) });
}

/** `report conversations [--since]`: conversations per holder per month, and new people versus repeat. */
export async function conversations(ctx: Context, _args: Args<typeof def.conversations>, opts: Opts<typeof def.conversations>): Promise<void> {
  const day = today();
  const from = since(opts, day);
  const rows = conversationsByHolderMonth(conversationFacts(ctx.db, day, ctx.t("people.forgottenName")), from);
  const total = rows.reduce(
    (sum, r) => ({ conversations: sum.conversations + r.conversations, new: sum.new + r.new, repeat: sum.repeat + r.repeat }),
    { conversations: 0, new: 0, repeat: 0 },
  );
  const table: Block | null =
    rows.length === 0
      ? null
      : {
          type: "table",
          head: [ctx.t("conversations.report.month"), ctx.t("conversations.label.by"), ctx.t("conversations.report.conversations"), ctx.t("conversations.report.people"), ctx.t("conversations.report.new"), ctx.t("conversations.report.repeat")],
          rows: [
            ...rows.map((r) => [r.month, r.holder, String(r.conversations), String(r.people), String(r.new), String(r.repeat)]),
            [ctx.t("conversations.report.total"), "", String(total.conversations), "", String(total.new), String(total.repeat)],
          ],
          numeric: [2, 3, 4, 5],
        };
  const document = doc(ctx, ctx.t("conversations.report.conversationsTitle"), [period(ctx, from, day), ctx.t("conversations.report.newExplained")], table, ctx.t("conversations.none"));
  await (await import("../reports/index.js")).emitReport(ctx, opts, document, rows, "report-conversations");
}

/** `report coverage [--months 6]`: key persons per group, when someone last spoke with each, the cold ones. */
export async function coverageReport(ctx: Context, _args: Args<typeof def.coverageReport>, opts: Opts<typeof def.coverageReport>): Promise<void> {
  const day = today();
  const months = parseMonths(opts.months);
  const forgotten = ctx.t("people.forgottenName");
  const rows = coverage(keyPersons(ctx.db, day, forgotten), lastConversations(ctx.db, day, forgotten), day, months);
  const cold = rows.filter((r) => r.cold).length;
  const table: Block | null =
    rows.length === 0
      ? null
      : {
          type: "table",
          head: [ctx.t("label.group"), ctx.t("conversations.report.keyPerson"), ctx.t("conversations.report.lastConversation"), ctx.t("conversations.label.by"), ctx.t("label.status")],
          rows: rows.map((r) => [r.group, r.person, r.lastConversation ? formatDate(r.lastConversation, ctx.lang) : ctx.t("conversations.report.never"), r.by ?? "", r.cold ? ctx.t("conversations.report.cold") : ""]),
        };
  const summary = ctx.t("conversations.report.coldSummary", { cold, total: rows.length, months, since: formatDate(coverageCutoff(day, months), ctx.lang) });
  const document = doc(ctx, ctx.t("conversations.report.coverageTitle"), rows.length === 0 ? [] : [summary], table, ctx.t("conversations.report.noKeyPersons"));
  await (await import("../reports/index.js")).emitReport(
    ctx,
    opts,
    document,
    rows.map((r) => ({ person: r.person, group: r.group, lastConversation: r.lastConversation, cold: r.cold, personId: r.personId, by: r.by })),
    "report-coverage",
  );
}

/**
 * `report listening [--since]`: topics ranked by distinct people and groups who raised them, with the quarters.
 * Without --since it covers the last 12 months: the organizer asks what people raise now, and the report's
 * cost stays flat as the years of conversations add up.
 */
export async function listeningReport(ctx: Context, _args: Args<typeof def.listeningReport>, opts: Opts<typeof def.listeningReport>): Promise<void> {
  const day = today();
  const chosen = since(opts, day);
  const from = chosen ?? shiftDate(day, -1, "y");
  const rows = listening(topicTotals(ctx.db, from, day), topicQuarters(ctx.db, from, day), from, day);
  const shown = rows[0]?.trend.slice(-QUARTERS_SHOWN).map((q) => q.quarter) ?? [];
  const table: Block | null =
    rows.length === 0
      ? null
      : {
          type: "table",
          head: ["#", ctx.t("conversations.report.topic"), ctx.t("conversations.report.people"), ctx.t("label.groups"), ctx.t("conversations.report.mentions"), ...shown],
          rows: rows.map((r, i) => [
            String(i + 1),
            r.topic,
            String(r.people),
            String(r.groups),
            String(r.mentions),
            ...r.trend.slice(-QUARTERS_SHOWN).map((q) => String(q.mentions)),
          ]),
          numeric: [0, 2, 3, 4, ...shown.map((_, i) => 5 + i)],
        };
  const explained = [period(ctx, from, day), ctx.t("conversations.report.listeningExplained")];
  if (chosen === null) explained.push(ctx.t("conversations.report.listeningDefault"));
  const document = doc(ctx, ctx.t("conversations.report.listeningTitle"), explained, table, ctx.t("conversations.report.noTopics"));
  await (await import("../reports/index.js")).emitReport(ctx, opts, document, rows, "report-listening");
}
