// npm run test:pg: the store and CLI suites against a PostgreSQL server (PLATTFORM_TEST_PG, see test/server.ts).
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

if (!process.env.PLATTFORM_TEST_PG) throw new Error("PLATTFORM_TEST_PG must name a PostgreSQL server, e.g. postgres://plattform@127.0.0.1:54329 (scripts/pg-cluster.sh starts one)");

export default defineConfig({ ...base, test: { ...base.test, include: ["test/store/**/*.test.ts", "test/cli/**/*.test.ts"] } });
