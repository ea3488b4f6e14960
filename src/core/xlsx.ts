// An export as an Excel workbook (.xlsx) through exceljs. exceljs is required here, when an xlsx export runs, from
// node_modules (as pdfmake is for PDF): the bundle never holds it, and no other command loads it.
import type { Lang } from "./i18n.js";
import { codeText, headerOf, type SheetColumn } from "./sheet.js";

type ExcelJs = typeof import("exceljs");

/** Excel's number formats: a format code is the same in every locale; Excel shows it in the reader's. */
const MONEY_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT: Record<Lang, string> = { de: "dd.mm.yyyy", en: "yyyy-mm-dd" };

// XML 1.0 has no place for these: a note with such a character would make the whole workbook unreadable.
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * One worksheet named `sheet`: a bold, frozen header row in `lang`, then a row per record, written and committed
 * one at a time (exceljs's streaming writer), so only the compressed file is held. Amounts are number cells in
 * euros with two decimals and €, dates date cells, coded values the words of `lang`, text text cells: a text
 * cell is never run as a formula, so it keeps its exact value.
 */
export async function xlsxParts(columns: readonly SheetColumn[], rows: Iterable<Record<string, unknown>>, lang: Lang, sheet: string): Promise<Uint8Array[]> {
  const [{ createRequire }, { PassThrough }] = await Promise.all([import("node:module"), import("node:stream")]);
  const ExcelJS = createRequire(import.meta.url)("exceljs") as ExcelJs;
  const stream = new PassThrough();
  const parts: Uint8Array[] = [];
  stream.on("data", (part: Uint8Array) => parts.push(part));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "plattform";
  const worksheet = workbook.addWorksheet(sheet.replace(/[[\]*?:/\\]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = columns.map((column) => headerOf(column, lang));
  worksheet.columns = columns.map((column, i) => ({
    key: column.key,
    width: Math.max(headers[i]!.length + 2, column.type === undefined && !column.codes ? 20 : 12),
    ...(column.type === "money" ? { style: { numFmt: MONEY_FORMAT } } : column.type === "date" ? { style: { numFmt: DATE_FORMAT[lang] } } : {}),
  }));
  const head = worksheet.addRow(headers);
  head.font = { bold: true };
  head.commit();
  for (const row of rows) worksheet.addRow(columns.map((column) => xlsxValue(column, row[column.key], lang))).commit();
  worksheet.commit();
  await workbook.commit();
  await ended;
  return parts;
}

function xlsxValue(column: SheetColumn, value: unknown, lang: Lang): string | number | Date | null {
  if (value === null || value === undefined || value === "") return null;
  if (column.type === "money" && typeof value === "number") return value / 100;
  if (column.type === "number" && typeof value === "number") return value;
  if (column.type === "date" && typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // midnight UTC: exceljs counts days from the time in UTC, so the cell holds the day itself
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return codeText(column, String(value), lang).replace(NOT_IN_XML, "");
}
