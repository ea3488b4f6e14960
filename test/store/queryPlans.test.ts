// The hot read paths (status, agenda, minutes, lists and reports) must not scan a table that grows with the
// platform's history. The statements are collected by running the real store functions against a generated
// one-year platform with a `prepare` that records them; each is then put through EXPLAIN QUERY PLAN with the
// parameters it ran with. A `SCAN <table>` of a large table without an index fails the test.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/core/db.js";
import { openDataFile } from "../../src/core/db.js";
import { shiftDate } from "../../src/core/dates.js";
import { topicQuarters, topicTotals } from "../../src/conversations/store.js";
import { buildFundraisingReport } from "../../src/fundraising/report.js";
import { listGroups } from "../../src/groups/store.js";
import { resolveMeeting } from "../../src/meetings/service.js";
import { buildStatus } from "../../src/platform/handlers.js";
import { buildReport } from "../../src/reports/model.js";
import { listTasks } from "../../src/tasks/store.js";
import { generatePlatform } from "../bench/generate.js";
import { tempDir } from "../helpers.js";
import { contextFor } from "./support.js";

const TODAY = "2026-06-15";

/**
 * Tables that stay small however long a platform lives: a fixed set, or at most some tens of rows a year
 * (40 member groups, one election, 50 applications …). Scanning them costs next to nothing. Every other table
 * (people, meetings, agenda items, attendance, tasks, votes, conversations, income, the audit log …) grows by
 * hundreds or thousands of rows a year and needs an index on the hot paths. A new table is large until listed.
 */
const SMALL_TABLES = new Set([
  "settings", "teams", "team_members", "groups", "elections", "candidates", "minutes_amendments", "vote_corrections",
  "topics", "campaigns", "campaign_updates", "decision_makers", "assembly_turnout",
  "funders", "funder_contacts", "applications", "reporting_deadlines", "dues_assessments", "budget_lines",
]);

interface Recorded {
  sql: string;
  args: unknown[];
  /** the paths that ran it */
  where: Set<string>;
}

/** Wraps db.prepare so that every statement run (get/all/iterate/run) is recorded once, with its arguments. */
function recordStatements(db: Db): { statements: Map<string, Recorded>; phase: (name: string) => void; prepare: Db["prepare"] } {
  const statements = new Map<string, Recorded>();
  let where = "";
  const prepare = db.prepare.bind(db) as Db["prepare"];
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const statement = prepare(sql);
    const proxy: unknown = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (["get", "all", "iterate", "run"].includes(String(property))) {
            const seen = statements.get(sql);
            if (seen) seen.where.add(where);
            else statements.set(sql, { sql, args, where: new Set([where]) });
          }
          const result = value.apply(target, args);
          return result === target ? proxy : result; // pluck(), raw() … chain
        };
      },
    });
    return proxy;
  };
  return { statements, phase: (name) => (where = name), prepare };
}

function plan(prepare: Db["prepare"], recorded: Recorded): string[] {
  const rows = prepare(`EXPLAIN QUERY PLAN ${recorded.sql}`).all(...(recorded.args as [])) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

const KEYWORDS = new Set(["WHERE", "JOIN", "LEFT", "INNER", "CROSS", "ON", "USING", "ORDER", "GROUP", "LIMIT", "UNION", "NATURAL", "AS", "SET", "VALUES"]);

/** The tables behind the aliases of a statement (`FROM meetings m`, `JOIN people AS p`). */
export function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    map.set(table!, table!);
    if (alias && !KEYWORDS.has(alias.toUpperCase())) map.set(alias, table!);
  }
  return map;
}

/** The large tables a plan reads in full: `SCAN t` (or `SCAN t AS x`) without an index. */
function fullScans(details: string[], tables: Map<string, string> = new Map()): string[] {
  return details
    .map((d) => /^SCAN (\w+)(?: AS \w+)?$/.exec(d.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => tables.get(m[1]!) ?? m[1]!)
    .filter((table) => !SMALL_TABLES.has(table));
}

describe("query plans of the hot read paths", () => {
  let db: Db;
  let recorded: Map<string, Recorded>;
  let prepare: Db["prepare"];
  const previousToday = process.env.PLATTFORM_TODAY;

  beforeAll(() => {
    process.env.PLATTFORM_TODAY = TODAY;
    const path = join(tempDir(), "plans.db");
    generatePlatform(path, { years: 2, today: TODAY, seed: 7 });
    db = openDataFile(path);
    const recorder = recordStatements(db);
    recorder.phase("status");
    const ctx = contextFor(db);
    const forgotten = ctx.t("people.forgottenName");
    buildStatus(ctx);
    recorder.phase("groups list");
    listGroups(db, TODAY);
    recorder.phase("tasks list --open");
    listTasks(db, { status: "open" }, forgotten);
    recorder.phase("report agenda next");
    buildReport(db, resolveMeeting(db, "next", TODAY), "de", forgotten);
    recorder.phase("report minutes last");
    buildReport(db, resolveMeeting(db, "last", TODAY), "de", forgotten);
    recorder.phase("report listening");
    topicTotals(db, shiftDate(TODAY, -1, "y"), TODAY);
    topicQuarters(db, shiftDate(TODAY, -1, "y"), TODAY);
    recorder.phase("fundraising report");
    buildFundraisingReport(db, Number(TODAY.slice(0, 4)), TODAY, { forgotten, noSource: "–" });
    recorded = recorder.statements;
    prepare = recorder.prepare;
  }, 60_000);

  afterAll(() => {
    db?.close();
    if (previousToday === undefined) delete process.env.PLATTFORM_TODAY;
    else process.env.PLATTFORM_TODAY = previousToday;
  });

  it("records the statements of every path", () => {
    const phases = new Set([...recorded.values()].flatMap((r) => [...r.where]));
    expect([...phases].sort()).toEqual([
      "fundraising report",
      "groups list",
      "report agenda next",
      "report listening",
      "report minutes last",
      "status",
      "tasks list --open",
    ]);
    expect(recorded.size).toBeGreaterThan(20);
  });

  it("scans no large table without an index", () => {
    const problems: string[] = [];
    for (const r of recorded.values()) {
      if (!/^\s*(SELECT|WITH)\b/i.test(r.sql)) continue;
      const details = plan(prepare, r);
      for (const table of fullScans(details, aliases(r.sql)))
        problems.push(`${[...r.where].join(", ")}: SCAN ${table}\n  ${r.sql.replace(/\s+/g, " ").trim()}\n  plan: ${details.join(" | ")}`);
    }
    expect(problems, problems.join("\n\n")).toEqual([]);
  });

  it("flags a full scan of a large table, and not one of a small table or through an index", () => {
    expect(fullScans(["SCAN t", "SCAN tasks"])).toEqual(["t", "tasks"]);
    expect(fullScans(["SCAN m"], aliases("SELECT * FROM meetings m JOIN groups AS g ON g.id = m.id"))).toEqual(["meetings"]);
    expect(fullScans(["SCAN g"], aliases("SELECT * FROM meetings m JOIN groups AS g ON g.id = m.id"))).toEqual([]);
    expect(fullScans(["SCAN people"], aliases("SELECT count(*) FROM people WHERE x = 1"))).toEqual(["people"]);
    expect(fullScans(["SCAN settings", "SCAN groups"])).toEqual([]);
    expect(fullScans(["SCAN tasks USING INDEX tasks_by_status", "SCAN people USING COVERING INDEX people_by_name"])).toEqual([]);
    expect(fullScans(["SEARCH tasks USING INDEX tasks_by_status (status=?)"])).toEqual([]);
  });
});
