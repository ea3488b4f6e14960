// A Tally on the terminal: what happened in each round, a table of votes per candidate and round (split into
// blocks of rounds that fit the terminal's width), the elected, the ties and the seed of any lot.
// Every counting method's Tally prints this way.

import type { Context } from "../core/context.js";
import { colours, fitLines, sanitize } from "../core/output.js";
import type { Round, RoundCandidate, Tally, Tie } from "./tally.js";
import { io } from "../core/io.js";
import type { Lang, MessageKey } from "../core/i18n.js";
import { localDecimal } from "../core/decimal.js";

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface RenderOptions {
  /** the width to fit, in characters */
  width: number;
  t: T;
  bold?: (text: string) => string;
  green?: (text: string) => string;
  dim?: (text: string) => string;
  /** the language's decimal mark for the vote figures (de: "2,00000"); without it, the figures as counted */
  lang?: Lang;
}

/** What a round did, in the user's language (rounds of other methods bring their own action text). */
export function roundAction(round: Round, t: T, lang?: Lang): string {
  const name = sanitize(round.subject ?? "");
  switch (round.kind) {
    case "first":
      return t("tally.action.first");
    case "surplus":
      return t("tally.action.surplus", { name, surplus: lang ? localDecimal(round.surplus ?? "", lang) : (round.surplus ?? "") });
    case "exclusion":
      return t("tally.action.exclusion", { name });
    case "count":
      return t(round.action === "count of marks" ? "tally.action.countMarks" : "tally.action.countAnswers");
    default:
      return sanitize(round.action);
  }
}

function isZero(votes: string): boolean {
  return /^0+(\.0+)?$/.test(votes);
}

/** One table cell: the votes, `*` once elected, `–` for a candidate out of the count with nothing left. */
function cellText(c: RoundCandidate, figure: (votes: string) => string): string {
  if (c.state === "withdrawn") return "–";
  if (c.state === "excluded" && isZero(c.votes)) return "–";
  return c.state === "elected" ? `${figure(c.votes)}*` : `${figure(c.votes)} `;
}

function tieText(tie: Tie, t: T): string {
  const between = tie.between.map(sanitize).join(", ");
  const chosen = tie.chosen === undefined ? "" : sanitize(tie.chosen);
  const how = t(tie.decidedBy === "lot" ? "tally.tie.lot" : "tally.tie.earlierStage");
  const key = tie.purpose === "surplus" ? "tally.tie.surplus" : tie.purpose === "exclusion" ? "tally.tie.exclusion" : "tally.tie.other";
  return t(key, { round: tie.round, between, chosen, how });
}

/** The text printTally writes, as lines (without colour unless colour functions are given). */
export function renderTally(tally: Tally, options: RenderOptions): string[] {
  const { t } = options;
  const bold = options.bold ?? ((s: string) => s);
  const green = options.green ?? ((s: string) => s);
  const dim = options.dim ?? ((s: string) => s);
  const lang = options.lang;
  const figure = (votes: string) => (lang ? localDecimal(votes, lang) : votes);
  const lines: string[] = [];

  const facts = [t(`tally.method.${tally.method}`), t("tally.seats", { seats: tally.seats }), t("tally.valid", { valid: tally.valid })];
  if (tally.quota !== null) facts.push(t("tally.quota", { quota: figure(tally.quota) }));
  lines.push(facts.join(" · "));
  lines.push("");

  // What each round did.
  const numberWidth = String(tally.rounds.length).length;
  lines.push(bold(t("tally.rounds")));
  for (const round of tally.rounds) {
    let text = `${String(round.round).padStart(numberWidth + 2)}  ${roundAction(round, t, lang)}`;
    if (round.elected && round.elected.length > 0) text += ` — ${t("tally.electedNow", { names: round.elected.map(sanitize).join(", ") })}`;
    lines.push(text);
  }
  lines.push("");

  // The table, in blocks of rounds that fit the width.
  const names = (tally.rounds[0]?.candidates ?? []).map((c) => sanitize(c.name));
  const ntLabel = t("tally.nontransferable");
  const candidateLabel = t("tally.candidate");
  const nameWidth = Math.max(candidateLabel.length, ntLabel.length, ...names.map((n) => n.length));
  const cells = tally.rounds.map((round) => round.candidates.map((c) => cellText(c, figure)));
  const columnWidth = Math.max(
    4,
    ...cells.flat().map((c) => c.length),
    ...tally.rounds.map((r) => `${figure(r.nontransferable)} `.length),
  );
  const gap = 2;
  const perBlock = Math.max(1, Math.floor((options.width - nameWidth) / (columnWidth + gap)));
  for (let start = 0; start < tally.rounds.length; start += perBlock) {
    const block = tally.rounds.slice(start, start + perBlock);
    const header = candidateLabel.padEnd(nameWidth) + block.map((r) => `${r.round} `.padStart(columnWidth + gap)).join("");
    lines.push(bold(header.trimEnd()));
    names.forEach((name, i) => {
      const row = block.map((round) => {
        const text = cellText(round.candidates[i]!, figure).padStart(columnWidth + gap);
        return round.candidates[i]!.state === "elected" ? green(text) : text;
      });
      lines.push(`${name.padEnd(nameWidth)}${row.join("")}`.trimEnd());
    });
    if (tally.method === "scottish-stv" || block.some((r) => !isZero(r.nontransferable)))
      lines.push(dim(`${ntLabel.padEnd(nameWidth)}${block.map((r) => `${figure(r.nontransferable)} `.padStart(columnWidth + gap)).join("")}`.trimEnd()));
    lines.push("");
  }
  lines.push(dim(t("tally.legend")));
  lines.push("");

  lines.push(`${bold(t("tally.elected"))}: ${tally.elected.length > 0 ? tally.elected.map(sanitize).join(", ") : t("tally.nobody")}`);
  for (const tie of tally.ties) lines.push(tieText(tie, t));
  if (tally.seed !== null) lines.push(t("tally.seed", { seed: tally.seed }));
  return lines;
}

/** Prints a Tally round by round on stdout. */
export function printTally(ctx: Context, tally: Tally): void {
  const c = colours(ctx);
  const out = io().stdout;
  const width = out.isTTY && out.columns ? out.columns : 100;
  const lines = renderTally(tally, {
    width,
    t: (key, params) => ctx.t(key, params),
    bold: (s) => c.bold(s),
    green: (s) => c.green(s),
    dim: (s) => c.dim(s),
    lang: ctx.lang,
  });
  out.write(`${fitLines(out, lines.join("\n"))}\n`);
}
