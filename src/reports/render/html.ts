// Self-contained, printable HTML for the agenda and the minutes: one file, inline styles, no scripts, no
// external resources. Every piece of text is escaped.
import { sanitize } from "../../core/output.js";
import { bindCurrency } from "../../core/money.js";
import type { ReportModel } from "../model.js";
import { closingStart, reportDocument, type Block, type Inline, type ReportDocument, type ReportKind } from "./document.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content and attribute values; control characters are dropped, amounts kept on one line. */
export function escapeHtml(text: string): string {
  return bindCurrency(sanitize(text)).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const STYLE = `
  :root { color-scheme: light; }
  body { font: 11pt/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  header { border-bottom: 2px solid #333; margin-bottom: 1rem; }
  header .platform { font-size: 10pt; letter-spacing: .04em; text-transform: uppercase; color: #444; margin: 0; }
  h1 { font-size: 18pt; margin: .2rem 0 .6rem; }
  h2 { font-size: 13pt; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #bbb; }
  h3 { font-size: 11pt; margin: 1rem 0 .3rem; }
  h4 { font-size: 10.5pt; font-style: italic; margin: .8rem 0 .2rem; }
  p { margin: .3rem 0; white-space: pre-wrap; }
  p.muted { color: #555; font-style: italic; }
  p.status { border: 1px solid #999; background: #f4f4f4; padding: .3rem .6rem; }
  p.quorum { font-weight: 600; }
  dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
  dl.fields dt { font-weight: 600; }
  dl.fields dd { margin: 0; white-space: pre-wrap; }
  ul { margin: .3rem 0; padding-left: 1.4rem; }
  li { white-space: pre-wrap; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
  th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.num, th.num { text-align: right; }
  .signatures { display: flex; gap: 3rem; margin-top: 3.5rem; }
  .signature { flex: 1; }
  footer.fingerprint { margin-top: 2rem; font-size: 8pt; color: #555; }
  .signature .line { border-top: 1px solid #000; padding-top: .2rem; margin-top: 2.5rem; font-size: 9.5pt; }
  .watermark { display: none; }
  @media print {
    @page { size: A4; margin: 2cm 2cm 2.2cm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
    .closing, .signatures { break-inside: avoid; page-break-inside: avoid; }
    .signatures { break-before: avoid; page-break-before: avoid; }
    .watermark { display: block; position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 90pt; font-weight: 700; color: rgba(0, 0, 0, .08); transform: rotate(-35deg); z-index: -1; }
    body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
    h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    table, tr, .signatures, dl.fields { break-inside: avoid; page-break-inside: avoid; }
    th { background: none; }
    p.status { background: none; }
  }
`;

function inline(runs: Inline[]): string {
  return runs.map((run) => (typeof run === "string" ? escapeHtml(run) : `<strong>${escapeHtml(run.strong)}</strong>`)).join("");
}

function block(b: Block): string {
  switch (b.type) {
    case "title":
      return `<header>\n<p class="platform">${escapeHtml(b.subtitle)}</p>\n<h1>${escapeHtml(b.text)}</h1>\n</header>`;
    case "heading":
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case "fields":
      return `<dl class="fields">\n${b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("\n")}\n</dl>`;
    case "paragraph":
      return `<p${b.role ? ` class="${b.role}"` : ""}>${inline(b.text)}</p>`;
    case "list":
      return `<ul>\n${b.items.map((item) => `<li>${inline(item)}</li>`).join("\n")}\n</ul>`;
    case "table": {
      const numeric = new Set(b.numeric ?? []);
      const cls = (i: number) => (numeric.has(i) ? ' class="num"' : "");
      const head = `<thead><tr>${b.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
      const rows = b.rows.map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
      return `<table>\n${head}\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
    case "signatures":
      return `<div class="signatures">\n${b.people
        .map((p) => `<div class="signature"><div class="line">${escapeHtml(b.caption)}<br>${escapeHtml(p.role)}${p.name ? `: ${escapeHtml(p.name)}` : ""}</div></div>`)
        .join("\n")}\n</div>`;
  }
}

/** The blocks, the closing section (see closingStart) kept on one printed page with the signature lines. */
function body(blocks: Block[]): string[] {
  const closing = closingStart(blocks);
  if (closing === undefined) return blocks.map(block);
  return [...blocks.slice(0, closing).map(block), '<div class="closing">', ...blocks.slice(closing).map(block), "</div>"];
}

export function renderHtml(model: ReportModel, kind: ReportKind): string {
  return renderDocumentHtml(reportDocument(model, kind), kind);
}

/** Any document of blocks as one printable page (the fundraising report, other reports); `bodyClass` names it. */
export function renderDocumentHtml(doc: ReportDocument, bodyClass: string): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${doc.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    // Defence in depth: even text that escaped escaping could load or run nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    `<body class="${escapeHtml(bodyClass)}">`,
    // Shown in print only, on every page (position: fixed repeats on each printed page).
    ...(doc.watermark ? [`<div class="watermark" aria-hidden="true">${escapeHtml(doc.watermark)}</div>`] : []),
    ...body(doc.blocks),
    ...(doc.footer ? [`<footer class="fingerprint">${escapeHtml(doc.footer)}</footer>`] : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
