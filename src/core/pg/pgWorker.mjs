// The PostgreSQL side of the synchronous bridge (src/core/pg/pgDb.ts): runs in a worker thread, where node-postgres
// may be asynchronous; the main thread waits for each answer (synckit). Plain JavaScript, so that the sources and
// the built program start the same file without a TypeScript loader.
import { runAsWorker } from "synckit";
import pg from "pg";

// Numbers as the SQLite side returns them: bigint (count, sum, ids) and numeric (sum of bigint) as JS numbers,
// booleans (a comparison in a select list) as 1 and 0.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));
pg.types.setTypeParser(16, (value) => (value === "t" ? 1 : 0));

const clients = new Map();
let nextId = 1;

/** A PostgreSQL error as plain data: the main thread rebuilds it with its SQLSTATE code. */
function failure(error) {
  return { error: { message: String(error?.message ?? error), code: error?.code ?? null, constraint: error?.constraint ?? null, detail: error?.detail ?? null } };
}

async function connect(url, applicationName) {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  // A broken connection must not crash the worker: the next query reports it.
  client.on("error", () => {});
  const id = nextId++;
  clients.set(id, client);
  return { id };
}

runAsWorker(async (operation, id, text, values, arrayRows) => {
  try {
    if (operation === "connect") return await connect(text, values);
    const client = clients.get(id);
    if (!client) return failure(new Error("connection closed"));
    if (operation === "close") {
      clients.delete(id);
      await client.end();
      return {};
    }
    const answered = await client.query({ text, values, rowMode: arrayRows ? "array" : undefined });
    // Several statements at once (exec) answer with one result each: the last one counts, as in SQLite.
    const result = Array.isArray(answered) ? answered[answered.length - 1] : answered;
    return { rows: result.rows, rowCount: result.rowCount ?? 0, fields: result.fields.map((field) => field.name) };
  } catch (error) {
    return failure(error);
  }
});
