import type { CsvRow } from "../core/csv.js";
import type { Db } from "../core/db.js";
import { atLine, CliError } from "../core/errors.js";
import type { ImportReport } from "../core/importReport.js";
import { findByNameOrShort, getGroup } from "./store.js";
import { addGroup, editGroup, groupFields, type Audit, type GroupInput } from "./service.js";

/**
 * Applies CSV rows to the groups: a row whose name matches a group updates the columns
 * the file has; any other row adds a group. Run inside one transaction by the caller: all or nothing.
 * A name that a row before it already added or updated is an error (a duplicate row).
 */
export function importGroups(db: Db, audit: Audit, rows: Iterable<CsvRow>, today: string, report: ImportReport): ImportReport {
  const touched = new IdSet();
  for (const { line, values } of rows) {
    report.push(
      atLine(line, () => {
        const input: GroupInput = values;
        // Rows match existing groups by name; a clashing short code on a new name is reported as an error.
        const existingRow = findByNameOrShort(db, values.name?.trim() ?? "", null)[0];
        if (!existingRow) {
          const fields = groupFields(input, today);
          touched.add(addGroup(db, audit, fields));
          return { line, name: fields.name, action: "add" as const };
        }
        if (touched.has(existingRow.id)) throw new CliError("error.csvDuplicateRow", { field: "name", value: values.name ?? "" });
        touched.add(existingRow.id);
        const existing = getGroup(db, existingRow.id, today)!;
        const fields = groupFields(input, today, existing);
        const changes = editGroup(db, audit, existing, fields);
        return Object.keys(changes).length === 0
          ? { line, name: existing.name, action: "unchanged" as const }
          : { line, name: fields.name, action: "change" as const, changes };
      }),
    );
  }
  return report;
}

/** A set of row ids as a bitmap: an import of a million rows remembers each one in a bit. */
class IdSet {
  #bits = new Uint8Array(1024);

  add(id: number): void {
    if (id >> 3 >= this.#bits.length) {
      const larger = new Uint8Array(Math.max(this.#bits.length * 2, (id >> 3) + 1));
      larger.set(this.#bits);
      this.#bits = larger;
    }
    this.#bits[id >> 3]! |= 1 << (id & 7);
  }

  has(id: number): boolean {
    return ((this.#bits[id >> 3] ?? 0) & (1 << (id & 7))) !== 0;
  }
}
