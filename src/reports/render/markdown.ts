// Markdown (CommonMark with GFM tables) for the agenda and the minutes. User text is escaped so that a group
// named "*Team* | <b>" stays text: it neither formats, nor breaks a table, nor becomes HTML.
import { sanitize } from "../../core/output.js";
import type { ReportModel } from "../model.js";
import { reportDocument, type Block, type Inline, type ReportKind } from "./document.js";

/** Inline characters that would format, link, break a table cell or become HTML. */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&"); // "&amp;" stays as typed, not an entity
}

/** What would start a block at the beginning of a line: a heading, list item, setext underline or thematic break. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^\s+/, "") // leading spaces would make an indented code block
    .replace(/^([#+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Markdown-significant characters in user text, escaped; line breaks kept; control characters dropped.
 * `atLineStart`: the text begins a line (a paragraph, a list item), so block syntax must be escaped there too.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  return sanitize(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => {
      const escaped = escapeInline(line);
      return index > 0 || atLineStart ? escapeLineStart(escaped) : escaped;
    })
    .join("\n");
}

function inline(runs: Inline[]): string {
  return runs
    .map((run, index) => (typeof run === "string" ? escapeMarkdown(run, index === 0) : `**${escapeMarkdown(run.strong, false)}**`))
    .join("");
}

/** Lines of a paragraph or list item: hard breaks, continuation lines indented by `indent`. */
function lines(text: string, indent = ""): string {
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join("  \n");
}

function cell(text: string): string {
  return escapeMarkdown(text, false).replace(/\n/g, " ") || " ";
}

function block(b: Block): string {
  switch (b.type) {
    case "title":
      return `# ${escapeMarkdown(b.text, false).replace(/\n/g, " ")}\n\n*${escapeMarkdown(b.subtitle, false).replace(/\n/g, " ")}*`;
    case "heading":
      return `${"#".repeat(b.level)} ${escapeMarkdown(b.text, false).replace(/\n/g, " ")}`;
    case "fields":
      return b.rows.map(([label, value]) => `- **${escapeMarkdown(label, false)}:** ${lines(escapeMarkdown(value, false), "  ")}`).join("\n");
    case "paragraph": {
      const text = lines(inline(b.text));
      return b.role === "status" ? text.split("\n").map((l) => `> ${l}`).join("\n") : b.role === "muted" ? `*${text}*` : text;
    }
    case "list":
      return b.items.map((item) => `- ${lines(inline(item), "  ")}`).join("\n");
    case "table": {
      const numeric = new Set(b.numeric ?? []);
      const head = `| ${b.head.map(cell).join(" | ")} |`;
      const rule = `|${b.head.map((_, i) => (numeric.has(i) ? "---:" : "---")).join("|")}|`;
      const rows = b.rows.map((row) => `| ${row.map(cell).join(" | ")} |`);
      return [head, rule, ...rows].join("\n");
    }
    case "signatures":
      return b.people
        .map((p) => `\n${".".repeat(48)}  \n${escapeMarkdown(`${b.caption} — ${p.role}${p.name ? `: ${p.name}` : ""}`).replace(/\n/g, " ")}`)
        .join("\n\n");
  }
}

export function renderMarkdown(model: ReportModel, kind: ReportKind): string {
  const doc = reportDocument(model, kind);
  const footer = doc.footer ? ["---", `*${escapeMarkdown(doc.footer)}*`] : [];
  return `${[...doc.blocks.map(block), ...footer].join("\n\n")}\n`;
}

/** Blocks from outside the agenda and the minutes (the fundraising report, sections of other reports). */
export function renderBlocksMarkdown(blocks: Block[]): string {
  return `${blocks.map(block).join("\n\n")}\n`;
}
