// Shared pieces for the store tests: a fresh data file per test, an audit collector, error capture,
// and a Context over an open connection (for imports that must run as one transaction).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeAll } from "vitest";
import type { AuditEntry } from "../../src/core/context.js";
import { Context } from "../../src/core/context.js";
import { loadMessages } from "../../src/core/i18n.js";
import type { Db } from "../../src/core/db.js";
import { CliError } from "../../src/core/errors.js";
import { storeDb, tempDir } from "../helpers.js";
import { isServerUrl } from "../../src/core/config.js";
import type { ApprovalRules } from "../../src/meetings/index.js";
import { freezeMinutes } from "../../src/reports/frozen.js";
import type { Group } from "../../src/groups/model.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import type { Person } from "../../src/people/model.js";
import { addPerson, linkPerson, personFields } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";

// translate() reads the catalogues main() loads; these tests call the areas directly, in both languages.
beforeAll(() => Promise.all([loadMessages("en"), loadMessages("de")]));

const open: Db[] = [];

afterEach(() => {
  while (open.length > 0) {
    const db = open.pop()!;
    if (db.open) db.close();
  }
});

/** A migrated, empty data file that is closed after the test. */
export function freshDb(): Db {
  const db = storeDb();
  open.push(db);
  return db;
}

/** Registers a connection a test opened itself, so that it is closed afterwards. */
export function track(db: Db): Db {
  open.push(db);
  return db;
}

export function auditLog(): { entries: AuditEntry[]; audit: (entry: AuditEntry) => void } {
  const entries: AuditEntry[] = [];
  return { entries, audit: (entry) => entries.push(entry) };
}

/** Runs `work` and returns the CliError it throws; fails the test when it throws nothing or something else. */
export function cliError(work: () => unknown): CliError {
  try {
    work();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw new Error(`expected a CliError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected a CliError, but nothing was thrown");
}

/** A Context over an already prepared connection, as init and demo build one. */
/** For tests of other approval rules: approved on a day after every meeting, and without asking for a quorum. */
export const LATER_WITHOUT_QUORUM: ApprovalRules = { today: "2099-12-31", withoutQuorum: true, freeze: (db, id) => freezeMinutes(db, id, "en", "(forgotten)") };

export function contextFor(db: Db, argv: string[] = ["test"]): Context {
  const ctx = new Context({ as: "tester" }, argv, process.env, { path: db.name, source: "flag" });
  ctx.useDb(db);
  return ctx;
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Writes a CSV file beside the data file and returns its path. */
export function csvFile(db: Db, name: string, text: string): string {
  // Beside the data file; a server platform has no folder of its own.
  const path = join(isServerUrl(db.name) ? tempDir() : dirname(db.name), name);
  writeFileSync(path, text);
  return path;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entity_id: number | null;
  action: string;
  changes: string | null;
}

export function auditRows(db: Db): AuditRow[] {
  return db.prepare("SELECT * FROM audit_log ORDER BY id").all() as AuditRow[];
}

/** `n` member groups "Gruppe <i>" (G<i>) since 2020, each with its representative "Person <i>". */
export function representedGroups(db: Db, n: number, today: string): { groups: Group[]; people: Person[] } {
  const noAudit = () => undefined;
  const groups: Group[] = [];
  const people: Person[] = [];
  for (let i = 0; i < n; i++) {
    const g = getGroup(db, addGroup(db, noAudit, groupFields({ name: `Gruppe ${i}`, short: `G${i}`, joined: "2020-01-01" }, today)), today)!;
    const p = getPerson(db, addPerson(db, noAudit, personFields({ name: `Person ${i}` })), today)!;
    linkPerson(db, noAudit, p, g, "representative", "2020-01-01");
    groups.push(g);
    people.push(p);
  }
  return { groups, people };
}
