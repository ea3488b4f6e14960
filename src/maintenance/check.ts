// `plattform check`: SQLite's own checks and the application's invariants, each problem with what to do.
// An area adds its invariants in its contributes.ts (checks); they run after SQLite's own checks.
import { areaChecks } from "../app/index.js";
import { problem, type Check, type Problem } from "../core/contributes.js";
import { auditChainBreak, lastAuditId } from "../core/auditStore.js";
import { CliError } from "../core/errors.js";
import { existsSync } from "node:fs";
import { isReadOnlyFile, isServer, schemaDifferences, schemaVersion, type Db } from "../core/db.js";
import { today } from "../core/dates.js";
import { countElection, electionsOutOfDay, listElections } from "../elections/index.js";
import { approvedAhead, recordedAhead } from "../meetings/index.js";
import { votesOutOfDay } from "../votes/index.js";
import { expectedShape, foreignKeyProblems, indexShapes, integrityProblems, serverExtraObjects, serverForeignKeyProblems, tableShape, tables } from "./store.js";

export type { Check, Problem };

/** At most this many problems of one kind are listed: a badly damaged file would otherwise flood the screen. */
const MAX_PER_CHECK = 50;

/** SQLite's own checks of the file (its pages, its companion files): a server has no such file. */
const FILE_ONLY = new Set(["integrity", "files"]);

const integrity: Check = {
  name: "integrity",
  run(db) {
    let rows: string[];
    try {
      rows = integrityProblems(db);
    } catch (error) {
      // So damaged that SQLite stops checking: that is the finding.
      if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_CORRUPT")) throw error;
      rows = [(error as Error).message];
    }
    return rows.filter((r) => r !== "ok").map((detail) => problem("integrity", "integrity", { detail }));
  },
};

const foreignKeys: Check = {
  name: "foreign-keys",
  run(db) {
    // A server enforces its foreign keys; rows can still lack their parent where someone bypassed them.
    const rows = isServer(db) ? serverForeignKeyProblems(db) : foreignKeyProblems(db);
    return rows.map((r) => problem("foreign-keys", "foreignKey", { table: r.table, row: r.rowid ?? "?", parent: r.parent }));
  },
};

/**
 * Each counted election's stored result is what its ballots give when counted again (with the stored seed of
 * the lot): a ballot added, removed or changed afterwards, or an edited result, shows here. In the check rather
 * than the elections area's contributions, so that `status` does not load the counting code.
 */
const storedCounts: Check = {
  name: "election-counts",
  run(db) {
    const found: Problem[] = [];
    for (const election of listElections(db)) {
      if (election.tally === null) continue;
      let recount: string;
      try {
        recount = JSON.stringify(countElection(db, election, election.seed ?? undefined).tally);
      } catch (error) {
        // no ballots or candidates left to count: differs from any stored result; anything else is a failure
        if (!(error instanceof CliError)) throw error;
        recount = "";
      }
      if (recount !== election.tally) found.push(problem("election-counts", "recountDiffers", { election: election.id }));
    }
    return found;
  },
};

/**
 * The meeting-day rules, for what an older version (or an edit outside plattform) left behind: nothing recorded for
 * a meeting still ahead, no vote or election left open at a closed meeting, and minutes approved at a meeting that
 * had taken place.
 */
const meetingDay: Check = {
  name: "meeting-day",
  run(db) {
    const day = today();
    const found: Problem[] = recordedAhead(db, day).map((r) => problem("meeting-day", r.what === "held" ? "heldAhead" : "presentAhead", { meeting: r.meeting, date: r.date }));
    for (const v of votesOutOfDay(db, day)) found.push(problem("meeting-day", v.what === "ahead" ? "voteAhead" : "voteLeftOpen", { vote: v.vote, meeting: v.meeting, date: v.date }));
    for (const e of electionsOutOfDay(db, day))
      found.push(problem("meeting-day", e.what === "ahead" ? "ballotsAhead" : "electionLeftOpen", { election: e.election, meeting: e.meeting, date: e.date }));
    // (Whether the approving meeting was quorate depends on the quorum setting of that day, which is not kept:
    // today's setting would judge old approvals by a new rule, so that is checked only at approval.)
    for (const a of approvedAhead(db, day)) found.push(problem("meeting-day", "approvedAhead", a));
    return found;
  },
};

/** The audit log is a hash chain (core/auditStore.ts): the first link that does not hold is reported. */
const auditChain: Check = {
  name: "audit-log",
  run(db) {
    const broken = auditChainBreak(db);
    if (broken === null) return [];
    if (broken.kind === "head") return [problem("audit-log", "auditHead", { entry: broken.entry ?? "–", last: lastAuditId(db) ?? "–" })];
    return [problem("audit-log", broken.kind === "changed" ? "auditChanged" : "auditUnsealed", { entry: broken.entry })];
  },
};

/** The schema is exactly what this program creates: nothing added (a trigger could copy secret ballots), missing or changed. */
const schema: Check = {
  name: "schema",
  run: (db) =>
    (isServer(db) ? serverSchemaDifferences(db) : schemaDifferences(db)).map((d) =>
      problem("schema", d.kind === "unexpected" ? "schemaUnexpected" : d.kind === "missing" ? "schemaMissing" : "schemaChanged", { type: d.type, name: d.name }),
    ),
};

/**
 * A server's schema against the one this program creates for its version: the same tables with the same columns,
 * keys and constraints, the same indexes, and no trigger, view, rule or function (plattform creates none; a
 * trigger could copy secret ballots).
 */
function serverSchemaDifferences(db: Db): SchemaDifference[] {
  const expected = expectedShape(schemaVersion(db));
  const tablesNow = new Map(tables(db).map((table) => [table, tableShape(db, table).join("\n")]));
  const tablesWanted = new Map([...expected.tables].map(([table, shape]) => [table, shape.join("\n")]));
  return [
    ...differences("table", tablesNow, tablesWanted),
    ...differences("index", indexShapes(db), expected.indexes),
    ...serverExtraObjects(db).map((extra) => ({ kind: "unexpected" as const, type: extra.type, name: extra.name })),
  ];
}

type SchemaDifference = { kind: "unexpected" | "missing" | "changed"; type: string; name: string };

/** The objects of one type found but not expected, expected but missing, and found in another shape. */
function differences(type: string, found: Map<string, string>, expected: Map<string, string>): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  for (const [name, shape] of found) {
    const want = expected.get(name);
    if (want === undefined) out.push({ kind: "unexpected", type, name });
    else if (shape !== want) out.push({ kind: "changed", type, name });
  }
  for (const name of expected.keys()) if (!found.has(name)) out.push({ kind: "missing", type, name });
  return out;
}

/**
 * A -shm (or -wal) this user cannot write beside a data file it can: left by a read of the file while it was
 * read-only, it makes every later write fail.
 */
const companionFiles: Check = {
  name: "files",
  run(db) {
    if (isReadOnlyFile(db.name)) return [];
    return ["-shm", "-wal"]
      .map((suffix) => db.name + suffix)
      .filter((file) => existsSync(file) && isReadOnlyFile(file))
      .map((file) => problem("files", "companionReadOnly", { file, path: db.name }));
  },
};

/** The checks of `checks` that do not apply to `db` (SQLite's own, on a server). */
export function skippedChecks(db: Db, checks: readonly Check[] = CHECKS): string[] {
  return isServer(db) ? checks.filter((c) => FILE_ONLY.has(c.name)).map((c) => c.name) : [];
}

/** Every check `plattform check` runs, in this order. */
export const CHECKS: Check[] = [integrity, foreignKeys, schema, companionFiles, ...areaChecks(), meetingDay, storedCounts, auditChain];

export interface CheckResult {
  name: string;
  problems: Problem[];
  /** more problems than listed */
  more: number;
}

/**
 * Runs the checks. A damaged file stops after SQLite's own checks: reading it further could mislead. A check
 * that fails to run (a table it reads is damaged) is reported as a problem of its own.
 */
export function runChecks(db: Db, checks: readonly Check[] = CHECKS): CheckResult[] {
  const results: CheckResult[] = [];
  const skipped = skippedChecks(db, checks);
  for (const check of checks) {
    if (skipped.includes(check.name)) continue;
    let problems: Problem[];
    try {
      problems = check.run(db);
    } catch (error) {
      problems = [problem(check.name, "failedToRun", { name: check.name, detail: (error as Error).message.split("\n")[0] ?? "" })];
    }
    results.push({ name: check.name, problems: problems.slice(0, MAX_PER_CHECK), more: Math.max(0, problems.length - MAX_PER_CHECK) });
    if (check.name === "integrity" && problems.length > 0) break;
  }
  return results;
}
