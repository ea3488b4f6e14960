// PDF for the minutes (and the agenda), laid out by pdfmake. pdfmake and its fonts are loaded here, at the
// moment a PDF is asked for, never at start-up (they cost ~100 ms). They are loaded with Node's own require from
// node_modules rather than bundled, because pdfkit reads its font data from files next to its own code.
import { sanitize as sanitizeText } from "../../core/output.js";
import { bindCurrency } from "../../core/money.js";
import type { ReportModel } from "../model.js";
import { closingStart, reportDocument, type Block, type Inline, type ReportDocument, type ReportKind } from "./document.js";

/** The part of pdfmake 0.3's Node API used here. */
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

type Node = Record<string, unknown> | string;

const GREY = "#555555";

/** Text for the page: control characters dropped, an amount kept on one line with its currency sign. */
function sanitize(text: string): string {
  return bindCurrency(sanitizeText(text));
}

function runs(text: Inline[]): Node[] {
  return text.map((run) => (typeof run === "string" ? { text: sanitize(run) } : { text: sanitize(run.strong), bold: true }));
}

/** The column that gets the remaining width: the one with the longest text. */
function widths(head: string[], rows: string[][]): Array<string | number> {
  const longest = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const star = longest.indexOf(Math.max(...longest));
  return head.map((_, i) => (i === star ? "*" : "auto"));
}

function node(b: Block): Node[] {
  switch (b.type) {
    case "title":
      return [
        { text: sanitize(b.subtitle).toUpperCase(), fontSize: 9, color: GREY, characterSpacing: 0.5 },
        { text: sanitize(b.text), fontSize: 17, bold: true, margin: [0, 2, 0, 4] },
        { canvas: [{ type: "line", x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 1.5 }], margin: [0, 0, 0, 8] },
      ];
    case "heading":
      return [
        b.level === 2
          ? { text: sanitize(b.text), fontSize: 12.5, bold: true, margin: [0, 14, 0, 4], headlineLevel: 2 }
          : b.level === 3
            ? { text: sanitize(b.text), fontSize: 10.5, bold: true, margin: [0, 8, 0, 2], headlineLevel: 3 }
            : { text: sanitize(b.text), fontSize: 10, bold: true, italics: true, margin: [0, 6, 0, 2], headlineLevel: 4 },
      ];
    case "fields":
      return [
        {
          table: { widths: ["auto", "*"], body: b.rows.map(([label, value]) => [{ text: sanitize(label), bold: true }, sanitize(value)]) },
          layout: "noBorders",
          margin: [0, 2, 0, 6],
        },
      ];
    case "paragraph": {
      const text = runs(b.text);
      if (b.role === "status")
        return [{ table: { widths: ["*"], body: [[{ text, fillColor: "#f2f2f2", margin: [4, 3, 4, 3] }]] }, margin: [0, 0, 0, 6] }];
      if (b.role === "muted") return [{ text, italics: true, color: GREY, margin: [0, 1, 0, 3] }];
      return [{ text, bold: b.role === "quorum", margin: [0, 1, 0, 3] }];
    }
    case "list":
      return [{ ul: b.items.map((item) => ({ text: runs(item) })), margin: [0, 1, 0, 4] }];
    case "table": {
      const numeric = new Set(b.numeric ?? []);
      const align = (i: number) => (numeric.has(i) ? "right" : "left");
      return [
        {
          table: {
            headerRows: 1,
            widths: widths(b.head, b.rows),
            body: [
              b.head.map((h, i) => ({ text: sanitize(h), bold: true, fillColor: "#eeeeee", alignment: align(i) })),
              ...b.rows.map((row) => row.map((c, i) => ({ text: sanitize(c), alignment: align(i) }))),
            ],
          },
          layout: "lightHorizontalLines",
          // Wide tables (the rounds of an election) a little smaller, so that their columns keep to one line.
          ...(b.head.length >= 5 ? { fontSize: 9 } : {}),
          margin: [0, 2, 0, 6],
        },
      ];
    }
    case "signatures":
      return [
        {
          columns: b.people.map((p) => ({
            stack: [
              { canvas: [{ type: "line", x1: 0, y1: 0, x2: 210, y2: 0, lineWidth: 0.7 }] },
              { text: sanitize(b.caption), fontSize: 8.5, color: GREY, margin: [0, 2, 0, 0] },
              { text: sanitize(`${p.role}${p.name ? `: ${p.name}` : ""}`), fontSize: 9.5 },
            ],
          })),
          columnGap: 40,
          margin: [0, 48, 0, 0],
          unbreakable: true,
        },
      ];
  }
}

/** The content: the closing section (see closingStart) is kept on one page with the signature lines after it. */
function content(blocks: Block[]): Node[] {
  // A later title starts a document of its own on a new page (the agenda's appendix: the draft minutes).
  const nodes = (b: Block, i: number): Node[] => (i > 0 && b.type === "title" ? [{ text: "", pageBreak: "before" } as Node, ...node(b)] : node(b));
  const closing = closingStart(blocks);
  if (closing === undefined) return blocks.flatMap(nodes);
  return [...blocks.slice(0, closing).flatMap(nodes), { stack: blocks.slice(closing).flatMap((b, i) => nodes(b, closing + i)), unbreakable: true }];
}

/** pdfmake's document definition of a report (without loading pdfmake): what renderPdf lays out. */
export function pdfDefinition(doc: ReportDocument, model: ReportModel): Record<string, unknown> {
  return {
    info: {
      title: sanitize(doc.title),
      creator: "plattform",
      producer: "plattform (pdfmake)",
      // Approved minutes print the same bytes every time: dated by their approval, not by the moment of printing
      // (pdfkit derives the file's ID from this date too).
      ...(model.fingerprint && model.approval ? { creationDate: new Date(`${model.approval.at.date}T12:00:00Z`) } : {}),
    },
    // Marked as tagged, in the document's language (pdfkit's MarkInfo and structure root; pdfmake 0.3 adds no
    // structure elements for its content).
    tagged: true,
    language: doc.lang,
    displayTitle: true,
    pageSize: "A4",
    pageMargins: [56, 56, 56, 60],
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    ...(doc.watermark ? { watermark: { text: sanitize(doc.watermark), color: "#888888", opacity: 0.15, bold: true, fontSize: 96 } } : {}),
    content: content(doc.blocks),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: sanitize(doc.footer ? `${doc.title}\n${doc.footer}` : doc.title), fontSize: 7.5, color: GREY },
        { text: `${page} / ${pages}`, fontSize: 7.5, color: GREY, alignment: "right", width: "auto" },
      ],
      margin: [56, 20, 56, 0],
    }),
    // A heading is never left alone at the bottom of a page.
    pageBreakBefore: (current: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      current.headlineLevel !== undefined && current.startPosition.verticalRatio > 0.9,
  };
}

/** The agenda or the minutes as the bytes of a PDF file. */
export async function renderPdf(model: ReportModel, kind: ReportKind): Promise<Buffer> {
  const doc = reportDocument(model, kind);
  const [{ createRequire }, { dirname, resolve, sep }] = await Promise.all([import("node:module"), import("node:path")]);
  const load = createRequire(import.meta.url);
  const pdfmake = load("pdfmake") as PdfMake;
  const fontsFile = load.resolve("pdfmake/fonts/Roboto.js");
  const fontsDir = resolve(dirname(fontsFile));
  pdfmake.setFonts(load(fontsFile) as Record<string, Record<string, string>>);
  // A report loads nothing from the network and no file but pdfmake's own fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fontsDir + sep));
  return pdfmake.createPdf(pdfDefinition(doc, model)).getBuffer();
}
