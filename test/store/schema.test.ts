// The schema this program creates, against a file's: what restore and check compare.
import { describe, expect, it } from "vitest";
import { createDataFile, expectedSchema, migrate, openDataFile, schemaDifferences, schemaObjects } from "../../src/core/db.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/migrations/index.js";
import { join } from "node:path";
import { tempDir } from "../helpers.js";
import { onServer } from "../server.js";
import { freshDb, track } from "./support.js";

// FILE_ONLY: compares the definitions SQLite keeps in sqlite_schema; the server's schema against the file's is
// serverSchema.test.ts
describe.skipIf(onServer)("schemaDifferences", () => {
  it("a new file has the schema of its version, and so has one migrated step by step from version 1", () => {
    expect(schemaDifferences(freshDb())).toEqual([]);
    const path = join(tempDir(), "old.db");
    createDataFile(path);
    const db = track(openDataFile(path));
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaDifferences(db)).toEqual([]);
    for (let v = 2; v <= SCHEMA_VERSION; v++) {
      migrate(db, MIGRATIONS.slice(0, v));
      expect(schemaDifferences(db), `version ${v}`).toEqual([]);
    }
    expect(schemaObjects(db).length).toBe(expectedSchema(SCHEMA_VERSION).length);
  });

  it("names an extra trigger, table or view, a missing index and a changed table", () => {
    const db = freshDb();
    db.exec(`CREATE TRIGGER spy AFTER INSERT ON ballots BEGIN SELECT 1; END;
             CREATE TABLE extra (x);
             CREATE VIEW peek AS SELECT * FROM groups;
             DROP INDEX votes_by_meeting;
             ALTER TABLE ballot_receipts ADD COLUMN cast_at TEXT;`);
    expect(schemaDifferences(db)).toEqual(
      expect.arrayContaining([
        { kind: "unexpected", type: "trigger", name: "spy" },
        { kind: "unexpected", type: "table", name: "extra" },
        { kind: "unexpected", type: "view", name: "peek" },
        { kind: "missing", type: "index", name: "votes_by_meeting" },
        { kind: "changed", type: "table", name: "ballot_receipts" },
      ]),
    );
    expect(schemaDifferences(db)).toHaveLength(5);
  });
});
