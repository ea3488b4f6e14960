// The line-by-line report of a CSV import, the same for every area.
import { Spool } from "./spool.js";
import type { Encoding } from "./textFile.js";

export interface ImportLine {
  line: number;
  name: string;
  action: "add" | "change" | "unchanged";
  changes?: Record<string, [unknown, unknown]>;
}

/** The counts of an import and its lines, which a large import keeps outside memory (see Spool). */
export class ImportReport {
  /** how the file was read */
  encoding: Encoding = "utf-8";
  added = 0;
  changed = 0;
  unchanged = 0;
  readonly #lines: Spool<ImportLine>;

  constructor(inMemory?: number) {
    this.#lines = new Spool<ImportLine>(inMemory);
  }

  push(line: ImportLine): void {
    if (line.action === "add") this.added++;
    else if (line.action === "change") this.changed++;
    else this.unchanged++;
    this.#lines.push(line);
  }

  /** The lines in file order; may be read more than once. */
  get lines(): Iterable<ImportLine> {
    return this.#lines;
  }

  close(): void {
    this.#lines.close();
  }
}
