// The PostgreSQL side of the synchronous bridge (src/core/pg/pgDb.ts): runs in a worker thread, where node-postgres
// may be asynchronous; the main thread waits for each answer (synckit). Plain JavaScript, so that the sources and
// the built program start the same file without a TypeScript loader.
import { runAsWorker } from "synckit";
import pg from "pg";
import Cursor from "pg-cursor";
import { parse } from "pg-connection-string";
import pgPass from "pgpass";

// Numbers as the SQLite side returns them: bigint (count, sum, ids) and numeric (sum of bigint) as JS numbers,
// booleans (a comparison in a select list) as 1 and 0.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));
pg.types.setTypeParser(16, (value) => (value === "t" ? 1 : 0));

const clients = new Map();
/**
 * Open cursors (a statement's rows read in batches, PgStatement.iterate), by id: { client, cursor, rest }. While a
 * cursor is open its connection answers nothing else, so another statement on that connection first reads the
 * cursor's remaining rows into `rest` (better-sqlite3 allows reads while iterating; code written for it may do so).
 */
const cursors = new Map();
let nextId = 1;

/** A PostgreSQL error as plain data: the main thread rebuilds it with its SQLSTATE code. */
function failure(error) {
  return { error: { message: String(error?.message ?? error), code: error?.code ?? null } };
}

/**
 * libpq's order for a password the URL (or its service) does not give: PGPASSWORD, then the password file
 * (~/.pgpass or PGPASSFILE). Read here rather than by node-postgres, whose own reading of the file prints a
 * deprecation warning on stderr (and ends with pg 9).
 */
function password(params) {
  if (process.env.PGPASSWORD !== undefined) return process.env.PGPASSWORD;
  return new Promise((resolve, reject) =>
    pgPass(params, (found) => (found === undefined ? reject(new Error(`the server asks for the password of ${params.user}; none was given`)) : resolve(found))),
  );
}

async function connect(url, applicationName) {
  // The URL parsed here: given as connectionString, its empty password would replace the function.
  // sslmode as libpq reads it (require: encrypted, the certificate unchecked), not node-postgres's default, which
  // treats every mode as verify-full and prints a security warning on stderr.
  const settings = parse(url, { useLibpqCompat: !/[?&]uselibpqcompat=/i.test(url) });
  const client = new pg.Client({ ...settings, password: settings.password || password, application_name: applicationName });
  try {
    await client.connect();
  } catch (error) {
    // A connection refused during authentication (no password, say) still holds the server's backend, which waits
    // for the password until authentication_timeout and meanwhile holds up DROP DATABASE on the whole server.
    client.connection.stream.destroy();
    throw error;
  }
  // A broken connection must not crash the worker: the next query reports it.
  client.on("error", () => {});
  const id = nextId++;
  clients.set(id, client);
  return { id };
}

runAsWorker(async (operation, id, text, values, arrayRows) => {
  try {
    if (operation === "connect") return await connect(text, values);
    if (operation === "read" || operation === "closeCursor") return await onCursor(operation, id, text);
    const client = clients.get(id);
    if (!client) return failure(new Error("connection closed"));
    if (operation === "close") {
      for (const [cursorId, open] of cursors) if (open.client === client) cursors.delete(cursorId);
      clients.delete(id);
      await client.end();
      return {};
    }
    await setAsideCursorOf(client);
    if (operation === "cursor") {
      const cursorId = nextId++;
      cursors.set(cursorId, { client, cursor: client.query(new Cursor(text, values, { rowMode: arrayRows ? "array" : undefined })), rest: undefined });
      return { id: cursorId };
    }
    const answered = await client.query({ text, values, rowMode: arrayRows ? "array" : undefined });
    // Several statements at once (exec) answer with one result each: the last one counts, as in SQLite.
    const result = Array.isArray(answered) ? answered[answered.length - 1] : answered;
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    return failure(error);
  }
});

/** The next `count` rows of a cursor (fewer at the end), or closes it. */
async function onCursor(operation, id, count) {
  const open = cursors.get(id);
  if (!open) return operation === "read" ? failure(new Error("cursor closed")) : {};
  if (operation === "read") {
    if (open.rest) return { rows: open.rest.splice(0, count) };
    try {
      return { rows: await open.cursor.read(count) };
    } catch (error) {
      cursors.delete(id);
      return failure(error);
    }
  }
  cursors.delete(id);
  if (!open.rest) await open.cursor.close();
  return {};
}

/** Reads the rest of `client`'s open cursor into memory and closes it, so that the client can answer again. */
async function setAsideCursorOf(client) {
  for (const open of cursors.values()) {
    if (open.client !== client || open.rest) continue;
    const rest = [];
    for (;;) {
      const rows = await open.cursor.read(10_000);
      rest.push(...rows);
      if (rows.length === 0) break;
    }
    await open.cursor.close();
    open.rest = rest;
  }
}
