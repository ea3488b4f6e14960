// Every TEXT column is declared, in its area's contributes.ts, as free text that `people forget` scrubs, as
// handled by the area's own erase, or as holding no personal data. A new column without a declaration fails here.
import { describe, expect, it } from "vitest";
import { CONTRIBUTIONS } from "../../src/app/contributions.js";
import { onServer } from "../server.js";
import { freshDb } from "./support.js";

describe("personal data declarations", () => {
  it("cover every TEXT column of the schema exactly once, and name no column that does not exist", () => {
    const db = freshDb();
    const textColumns = onServer
      ? (db
          .prepare("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'schema_version' ORDER BY table_name, ordinal_position")
          .pluck()
          .all() as string[])
      : (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).flatMap((table) =>
          (db.prepare("SELECT name, type FROM pragma_table_info(?)").all(table) as Array<{ name: string; type: string }>).filter((c) => c.type === "TEXT").map((c) => `${table}.${c.name}`),
        );
    const declared = CONTRIBUTIONS.flatMap((area) => Object.entries(area.text ?? {}).flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`)));
    expect(textColumns.filter((c) => !declared.includes(c)), "TEXT columns without a declaration").toEqual([]);
    expect(declared.filter((c) => !textColumns.includes(c)), "declarations of no TEXT column").toEqual([]);
    expect(declared.filter((c, i) => declared.indexOf(c) !== i), "declared twice").toEqual([]);
  });
});
