// The blocks a document is made of (agenda, minutes, annual and fundraising reports): plain text the renderers in
// src/reports/render lay out. Here, below every area, because areas build blocks of their own report sections.
import type { Lang } from "./i18n.js";

/** A run of text; `strong` ones are emphasised. */
export type Inline = string | { strong: string };

export type Block =
  | { type: "title"; text: string; subtitle: string }
  | { type: "heading"; text: string; level: 2 | 3 | 4 }
  | { type: "fields"; rows: Array<[string, string]> }
  | { type: "paragraph"; text: Inline[]; role?: "status" | "quorum" | "muted" }
  | { type: "list"; items: Inline[][] }
  | { type: "table"; head: string[]; rows: string[][]; numeric?: number[] }
  | { type: "signatures"; caption: string; people: Array<{ role: string; name: string | null }> };

export interface ReportDocument {
  lang: Lang;
  /** the document's title, e.g. for the HTML <title> and the PDF's metadata */
  title: string;
  blocks: Block[];
  /** a line at the foot of every page (PDF) or of the document: the fingerprint of approved minutes */
  footer?: string;
  /** across every printed page (draft minutes: "ENTWURF", "DRAFT") */
  watermark?: string;
}
