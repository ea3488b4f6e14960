// The columns of the fundraising exports (income, applications): headers, types and coded values, for CSV and
// xlsx in the platform's language (src/core/sheet.ts). Amounts are cents, dates ISO dates, as in the JSON.
import type { SheetColumn } from "../core/sheet.js";
import { INCOME_KINDS, STAGES } from "./model.js";

const YES_NO = { prefix: "funds.", values: ["yes", "no"] };

export const INCOME_SHEET: readonly SheetColumn[] = [
  { key: "id", header: "funds.column.id", type: "number" },
  { key: "date", header: "funds.column.date", type: "date" },
  { key: "amount", header: "funds.column.amount", type: "money" },
  { key: "kind", header: "funds.column.kind", codes: { prefix: "funds.incomeKind.", values: INCOME_KINDS } },
  { key: "source", header: "funds.column.source" },
  { key: "source_kind", header: "funds.column.sourceKind", codes: { prefix: "funds.sourceKind.", values: ["funder", "group", "person", "text"] } },
  { key: "fund", header: "funds.column.fund" },
  { key: "application", header: "funds.column.application", type: "number" },
  { key: "dues_year", header: "funds.column.duesYear", type: "number" },
  { key: "note", header: "funds.column.note" },
];

export const APPLICATION_SHEET: readonly SheetColumn[] = [
  { key: "id", header: "funds.column.id", type: "number" },
  { key: "funder", header: "funds.column.funder" },
  { key: "title", header: "funds.column.title" },
  { key: "amount", header: "funds.column.amount", type: "money" },
  { key: "probability", header: "funds.column.probability", type: "number" },
  { key: "deadline", header: "funds.column.deadline", type: "date" },
  { key: "decision", header: "funds.column.decision", type: "date" },
  { key: "stage", header: "funds.column.stage", codes: { prefix: "funds.stage.", values: STAGES } },
  { key: "since", header: "funds.column.since", type: "date" },
  { key: "awarded", header: "funds.column.awarded", type: "money" },
  { key: "restricted", header: "funds.column.restricted", codes: YES_NO },
  { key: "purpose", header: "funds.column.purpose" },
  { key: "received", header: "funds.column.received", type: "money" },
];

export const DUES_SHEET: readonly SheetColumn[] = [
  { key: "year", header: "funds.column.year", type: "number" },
  { key: "group", header: "funds.column.group" },
  { key: "assessed", header: "funds.column.assessed", type: "money" },
  { key: "paid", header: "funds.column.paid", type: "money" },
  { key: "outstanding", header: "funds.column.outstanding", type: "money" },
];

/** Each export's columns by the name of its worksheet's message (funds.sheet.<name>). */
export const SHEETS = { income: INCOME_SHEET, applications: APPLICATION_SHEET, dues: DUES_SHEET };
