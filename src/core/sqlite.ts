// better-sqlite3's JavaScript, bundled into its own chunk: loaded by preloadSqlite (core/db.ts) when needed.
import BetterSqlite3 from "better-sqlite3";

export const Database = BetterSqlite3;
