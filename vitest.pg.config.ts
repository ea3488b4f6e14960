// npm run test:pg: the store and CLI suites against a PostgreSQL server (PLATTFORM_TEST_PG, see test/server.ts).
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

if (!process.env.PLATTFORM_TEST_PG) throw new Error("PLATTFORM_TEST_PG must name a PostgreSQL server, e.g. postgres://plattform@127.0.0.1:54329 (scripts/pg-cluster.sh starts one)");

/**
 * Test files not (yet) run against a server, each with its reason; the list only shrinks. Empty: every store and
 * CLI test file runs on both engines (single tests about the SQLite file itself are skipped there, with FILE_ONLY).
 */
const NOT_ON_SERVER: Record<string, string> = {
};

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/store/**/*.test.ts", "test/cli/**/*.test.ts"],
    exclude: [...(base.test?.exclude ?? ["**/node_modules/**"]), ...Object.keys(NOT_ON_SERVER)],
  },
});
