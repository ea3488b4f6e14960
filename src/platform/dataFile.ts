// Creating the data file of a new platform (init, demo).
import { rmSync } from "node:fs";
import { isServerUrl } from "../core/config.js";
import { createDataFile, emptyServerPlatform, isEmptyFile, migrate, openDataFile, prepareSchema, schemaVersion, type Db } from "../core/db.js";
import { DataFileError } from "../core/errors.js";
import { hasPlatform } from "./store.js";

/**
 * Opens `path` for a new platform: creates it (mode 0600) when missing and brings an empty file to the
 * current schema. An existing platform or a foreign file is refused; a file created here is removed on failure.
 */
export function openForNewPlatform(path: string, existing: (db: Db) => void): { db: Db; created: boolean } {
  const created = createDataFile(path);
  let db: Db | undefined;
  try {
    db = openDataFile(path);
    if (!created && schemaVersion(db) > 0) {
      prepareSchema(db, path);
      if (hasPlatform(db)) existing(db);
    } else if (!created && !isEmptyFile(db)) {
      throw new DataFileError("error.foreignFile", { path });
    }
    migrate(db);
    return { db, created };
  } catch (error) {
    db?.close();
    if (created) removeDataFile(path);
    throw error;
  }
}

export function removeDataFile(path: string): void {
  if (isServerUrl(path)) return emptyServerPlatform(path);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}
