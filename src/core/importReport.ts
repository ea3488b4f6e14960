// The line-by-line report of a CSV import, the same for every area.
import { CliError } from "./errors.js";

export interface ImportLine {
  line: number;
  name: string;
  action: "add" | "change" | "unchanged";
  changes?: Record<string, [unknown, unknown]>;
}

export interface ImportReport {
  added: number;
  changed: number;
  unchanged: number;
  lines: ImportLine[];
}

/** Attaches the line and column to a validation error, so the user can find it in the spreadsheet. */
export function atLine<T>(line: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CliError && !error.location) {
      const field = error.params.field;
      throw error.at(line, typeof field === "string" ? field : undefined);
    }
    throw error;
  }
}

export function summarise(lines: ImportLine[]): ImportReport {
  return {
    added: lines.filter((l) => l.action === "add").length,
    changed: lines.filter((l) => l.action === "change").length,
    unchanged: lines.filter((l) => l.action === "unchanged").length,
    lines,
  };
}
