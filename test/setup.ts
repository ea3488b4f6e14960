// Before each test file: on a PostgreSQL server (npm run test:pg), the server code is loaded for the tests that
// open platforms directly, and the databases the file created are dropped after it.
import { afterAll } from "vitest";
import { preloadServer } from "../src/core/db.js";
import { dropServerDatabases, onServer } from "./server.js";

if (onServer) {
  await preloadServer();
  // Dropping a file's databases can take a while on a busy server: not a test failure.
  afterAll(() => dropServerDatabases(), 120_000);
}
