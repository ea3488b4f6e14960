import type { CsvRow } from "../core/csv.js";
import type { Db } from "../core/db.js";
import { CliError } from "../core/errors.js";
import { atLine, summarise, type ImportLine, type ImportReport } from "../core/importReport.js";
import { findByNameOrShort, getGroup } from "./store.js";
import { addGroup, editGroup, groupFields, type Audit, type GroupInput } from "./service.js";

/**
 * Applies CSV rows to the groups: a row whose name matches a group updates the columns
 * the file has; any other row adds a group. Run inside one transaction by the caller: all or nothing.
 */
export function importGroups(db: Db, audit: Audit, rows: CsvRow[], today: string): ImportReport {
  const seen = new Set<string>();
  const lines: ImportLine[] = [];
  for (const { line, values } of rows) {
    lines.push(
      atLine(line, () => {
        const input: GroupInput = values;
        const key = (values.name ?? "").trim().toLowerCase();
        if (seen.has(key)) throw new CliError("error.csvDuplicateRow", { field: "name", value: values.name ?? "" });
        seen.add(key);
        // Rows match existing groups by name; a clashing short code on a new name is reported as an error.
        const existingRow = findByNameOrShort(db, values.name?.trim() ?? "", null)[0];
        if (!existingRow) {
          const fields = groupFields(input, today);
          addGroup(db, audit, fields);
          return { line, name: fields.name, action: "add" as const };
        }
        const existing = getGroup(db, existingRow.id, today)!;
        const fields = groupFields(input, today, existing);
        const changes = editGroup(db, audit, existing, fields);
        return Object.keys(changes).length === 0
          ? { line, name: existing.name, action: "unchanged" as const }
          : { line, name: fields.name, action: "change" as const, changes };
      }),
    );
  }
  return summarise(lines);
}
