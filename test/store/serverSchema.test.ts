// Both engines hold the same data: a new server platform has the tables, columns and indexes of a new data file.
import { describe, expect, test } from "vitest";
import { openDataFile, openSqlite, migrate, schemaVersion } from "../../src/core/db.js";
import { MIGRATIONS } from "../../src/migrations/index.js";
import { newServerDatabase, onServer } from "../server.js";

describe.skipIf(!onServer)("the server schema (needs PLATTFORM_TEST_PG: npm run test:pg)", () => {
  test("has the same tables, columns, primary keys, indexes and seed rows as the SQLite schema, at the same version", () => {
    const file = openSqlite(":memory:");
    migrate(file);
    const server = openDataFile(newServerDatabase());
    try {
      migrate(server);
      expect(schemaVersion(server)).toBe(MIGRATIONS.length);
      const sqliteColumns = (file.prepare("SELECT m.name AS t, p.name AS c, p.\"notnull\" AS n, p.pk AS pk FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1, 2").all() as Array<{ t: string; c: string; n: number; pk: number }>).map(
        (r) => `${r.t}.${r.c}${r.n || r.pk ? " not null" : ""}${r.pk ? " key" : ""}`,
      );
      const serverColumns = (
        server
          .prepare(
            `SELECT c.table_name AS t, c.column_name AS c, c.is_nullable = 'NO' AS n,
                    EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc USING (constraint_schema, constraint_name)
                             WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name AND k.column_name = c.column_name AND k.table_schema = c.table_schema) AS pk
               FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name <> 'schema_version' ORDER BY 1, 2`,
          )
          .all() as Array<{ t: string; c: string; n: number; pk: number }>
      ).map((r) => `${r.t}.${r.c}${r.n || r.pk ? " not null" : ""}${r.pk ? " key" : ""}`);
      expect(serverColumns).toEqual(sqliteColumns);
      const sqliteIndexes = file.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1").pluck().all();
      const serverIndexes = server.prepare("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' ORDER BY 1").pluck().all();
      expect(serverIndexes).toEqual(sqliteIndexes);
      // The rows the migrations insert themselves (the Strategy & Finance team) are there too.
      const seeds = "SELECT id, name, name_key, short, short_key, kind FROM teams ORDER BY id"; // created_at: when each was made
      expect(server.prepare(seeds).all()).toEqual(file.prepare(seeds).all());
      expect(server.prepare("SELECT count(*) FROM teams").pluck().get()).toBeGreaterThan(0);
    } finally {
      file.close();
      server.close();
    }
  });

  test("a second migration run finds the schema current and changes nothing", () => {
    const url = newServerDatabase();
    const first = openDataFile(url);
    migrate(first);
    first.close();
    const second = openDataFile(url);
    try {
      migrate(second);
      expect(second.prepare("SELECT count(*) FROM schema_version").pluck().get()).toBe(1);
    } finally {
      second.close();
    }
  });
});
