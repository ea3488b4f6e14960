// Before each test file: on a PostgreSQL server (npm run test:pg), the server code is loaded for the tests that
// open platforms directly, the runner gets a turn of the event loop after each test, and the databases the file
// created are dropped after it.
import { afterAll, afterEach } from "vitest";
import { preloadServer } from "../src/core/db.js";
import { dropServerDatabases, onServer } from "./server.js";

if (onServer) {
  await preloadServer();
  // Dropping a file's databases can take a while on a busy server: not a test failure.
  afterAll(() => dropServerDatabases(), 120_000);
  // A test on a server spends its time in the synchronous bridge; the runner's messages to this worker are read
  // only on a turn of the event loop, and vitest gives up on a worker that has not answered for a minute. Between
  // tests, awaiting promises alone is no such turn: this is one.
  afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
}
