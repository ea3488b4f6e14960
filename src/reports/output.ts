// One document, three outputs: the organizing reports (commitments, attendance, annual) build their blocks once
// and print them as a terminal table, as Markdown (--format md) or as HTML (--format html); --json prints the
// data instead.
import type { Context } from "../core/context.js";
import { heading, printDetails, printJson, printTable, say, writeOut } from "../core/output.js";
import type { Block, Inline, ReportDocument } from "./render/document.js";

/** Where a report goes: its format (commander has checked the choices) and file. */
export interface ReportOutput {
  readonly format?: string | undefined;
  readonly out?: string | undefined;
}

function plain(runs: Inline[]): string {
  return runs.map((r) => (typeof r === "string" ? r : r.strong)).join("");
}

/** The blocks on a terminal: headings, detail lines, aligned tables (plain columns in a pipe). */
export function printBlocks(ctx: Context, blocks: Block[]): void {
  for (const b of blocks) {
    switch (b.type) {
      case "title":
        heading(ctx, b.text);
        break;
      case "heading":
        heading(ctx, b.text);
        break;
      case "fields":
        printDetails(ctx, b.rows);
        break;
      case "paragraph":
        say(plain(b.text));
        break;
      case "list":
        for (const item of b.items) say(`  • ${plain(item)}`);
        break;
      case "table":
        printTable(ctx, b.head, b.rows);
        break;
      case "signatures":
        break;
    }
  }
}

/** Prints a report: its data with --json, else the document as --format asks (terminal by default). */
export async function emitReport(ctx: Context, opts: ReportOutput, doc: ReportDocument, data: unknown, bodyClass: string): Promise<void> {
  const format = opts.format; // commander has checked the choices
  const out = opts.out;
  if (ctx.json) return out === undefined ? printJson(data) : writeOut(out, `${JSON.stringify(data, null, 2)}\n`);
  if (format === "md") {
    const { renderBlocksMarkdown } = await import("./render/markdown.js");
    return writeOut(out, renderBlocksMarkdown(doc.blocks));
  }
  if (format === "html") {
    const { renderDocumentHtml } = await import("./render/html.js");
    return writeOut(out, renderDocumentHtml(doc, bodyClass));
  }
  if (out !== undefined) {
    // A file without --format gets Markdown: a terminal table belongs on a terminal.
    const { renderBlocksMarkdown } = await import("./render/markdown.js");
    return writeOut(out, renderBlocksMarkdown(doc.blocks));
  }
  printBlocks(ctx, doc.blocks);
}
