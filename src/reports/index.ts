// The public face of reports: other areas import only this file (scripts/check-boundaries.mjs).
export { emitReport } from "./output.js";
export type { Block, ReportDocument, ReportKind } from "./render/document.js";
export { buildReport } from "./model.js";
export { renderMarkdown } from "./render/markdown.js";
