// The pieces behind backup/check/log: the busy retry, the checks on a fresh file, the audit log reader,
// and the collection of a person's data through the schema's foreign keys.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withBusyRetry } from "../../src/core/db.js";
import { listAudit } from "../../src/core/auditStore.js";
import { CHECKS, runChecks, type Check } from "../../src/maintenance/check.js";
import { personData } from "../../src/maintenance/personData.js";
import { onServer, recordedActor } from "../server.js";
import { contextFor, freshDb, track } from "./support.js";

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("withBusyRetry", () => {
  it("repeats work that failed busy, and returns its result", () => {
    let calls = 0;
    expect(
      withBusyRetry(() => {
        calls++;
        if (calls < 3) throw busy();
        return "fertig";
      }),
    ).toBe("fertig");
    expect(calls).toBe(3);
  });

  it("gives up after six attempts with the busy error", () => {
    let calls = 0;
    expect(() =>
      withBusyRetry(() => {
        calls++;
        throw busy();
      }),
    ).toThrow("database is locked");
    expect(calls).toBe(6);
  });

  it("does not repeat other errors, nor work that may no longer be repeated", () => {
    let calls = 0;
    expect(() =>
      withBusyRetry(() => {
        calls++;
        throw Object.assign(new Error("constraint"), { code: "SQLITE_CONSTRAINT" });
      }),
    ).toThrow("constraint");
    expect(calls).toBe(1);
    expect(() =>
      withBusyRetry(
        () => {
          calls++;
          throw busy();
        },
        () => false,
      ),
    ).toThrow("database is locked");
    expect(calls).toBe(2);
  });

  // FILE_ONLY: SQLite's busy cases beyond its busy handler; a server write waits for the lock in lock_timeout instead
  it.skipIf(onServer)("a write whose transaction cannot start while another connection holds the lock: retried, then it succeeds", () => {
    const db = freshDb();
    const path = db.name;
    const other = track(new Database(path, { timeout: 0 }));
    const mine = track(new Database(path, { timeout: 0 }));
    other.exec("BEGIN IMMEDIATE");
    let attempts = 0;
    const insert = mine.transaction(() => mine.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run());
    const result = withBusyRetry(() => {
      attempts++;
      if (attempts === 2) other.exec("COMMIT"); // the other writer finishes while this one waits
      return insert.immediate();
    });
    expect(result.changes).toBe(1);
    expect(attempts).toBe(2);
  });
});

describe("runChecks", () => {
  it("a fresh file has no problems in any check", () => {
    const results = runChecks(freshDb());
    // A server skips the checks of the SQLite file itself (its integrity_check and its companion files).
    expect(results.map((r) => r.name)).toEqual(CHECKS.map((c) => c.name).filter((name) => !onServer || !["integrity", "files"].includes(name)));
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  });

  it("a check that cannot run is a problem of its own; the others still run", () => {
    const broken: Check = { name: "broken", run: () => { throw new Error("no such table: nowhere"); } };
    const results = runChecks(freshDb(), [broken, CHECKS.find((c) => c.name === "foreign-keys")!]);
    expect(results[0]!.problems).toEqual([{ check: "broken", key: "check.failedToRun", hintKey: "check.failedToRun.hint", params: { name: "broken", detail: "no such table: nowhere" } }]);
    expect(results[1]!.problems).toEqual([]);
  });

  it("income: a dues payment without a group and a grant paid beyond its award", () => {
    const db = freshDb();
    db.exec(`
      INSERT INTO groups (id, name, name_key, kind, joined_on, created_at) VALUES (1, 'A', 'a', 'parish', '2020-01-01', 'x');
      INSERT INTO funders (id, name, name_key, kind, created_at) VALUES (1, 'F', 'f', 'foundation', 'x');
      INSERT INTO applications (id, funder_id, title, amount_requested, probability, stage, stage_since, amount_awarded, created_at)
        VALUES (1, 1, 'T', 100000, 50, 'approved', '2026-01-01', 50000, 'x');
      INSERT INTO income (received_on, amount, kind, dues_year, created_at) VALUES ('2026-01-05', 1200, 'dues', 2026, 'x');
      INSERT INTO income (received_on, amount, kind, funder_id, application_id, created_at) VALUES ('2026-02-01', 30000, 'grant', 1, 1, 'x');
      INSERT INTO income (received_on, amount, kind, funder_id, application_id, created_at) VALUES ('2026-03-01', 30000, 'grant', 1, 1, 'x');
    `);
    const income = runChecks(db).find((r) => r.name === "income")!;
    expect(income.problems.map((p) => [p.key, p.params])).toEqual([
      ["check.duesWithoutGroup", { income: 1 }],
      ["check.grantOverpaid", { application: 1, awarded: "500.00", received: "600.00" }],
    ]);
  });
});

describe("the audit log and a person's data", () => {
  function platform() {
    const db = freshDb();
    const ctx = contextFor(db, ["people", "add", "Anna"]);
    ctx.write((audit) => {
      db.exec("INSERT INTO groups (id, name, name_key, kind, joined_on, created_at) VALUES (1, 'St. Josef', 'st. josef', 'parish', '2020-01-01', 'x')");
      audit({ entity: "group", id: 1, action: "add" });
      db.exec("INSERT INTO people (id, name, name_key, email, created_at) VALUES (1, 'Anna', 'anna', 'anna@example.org', 'x'), (2, 'Bert', 'bert', NULL, 'x')");
      audit({ entity: "person", id: 1, action: "add", changes: { name: "Anna" } });
      audit({ entity: "person", id: 2, action: "add", changes: { name: "Bert" } });
      db.exec("INSERT INTO group_roles (id, person_id, group_id, role, since) VALUES (1, 1, 1, 'member', '2020-01-01'), (2, 2, 1, 'member', '2020-01-01')");
      audit({ entity: "group_role", id: 1, action: "link" });
      audit({ entity: "group_role", id: 2, action: "link" });
    });
    return db;
  }

  it("listAudit filters by entity and actor, and --limit keeps the newest", () => {
    const db = platform();
    expect(listAudit(db, {}).map((r) => `${r.entity}#${r.entityId}`)).toEqual(["group#1", "person#1", "person#2", "group_role#1", "group_role#2"]);
    expect(listAudit(db, { entity: "person" }).map((r) => r.entityId)).toEqual([1, 2]);
    expect(listAudit(db, { who: "TESTER", limit: 2 }).map((r) => r.entityId)).toEqual([1, 2]);
    expect(listAudit(db, { who: "someone else" })).toEqual([]);
    expect(listAudit(db, { since: "2999-01-01T00:00:00.000Z" })).toEqual([]);
    expect(listAudit(db, { entity: "person" })[0]).toMatchObject({ actor: recordedActor("tester"), command: ["people", "add", "Anna"], changes: { name: "Anna" } });
  });

  it("personData: the row, the rows referring to the person with readable names, and only their audit entries", () => {
    const data = personData(platform(), 1);
    expect(data.person).toMatchObject({ id: 1, name: "Anna", email: "anna@example.org" });
    expect(data.records).toEqual([
      { table: "group_roles", column: "person_id", rows: [{ id: 1, person_id: 1, group_id: 1, role: "member", since: "2020-01-01", until: null, group: "St. Josef" }] },
    ]);
    expect(data.audit.map((a) => `${a.entity}#${a.entityId}`)).toEqual(["person#1", "group_role#1"]);
    expect(data.changesMade).toEqual([]);
  });

  it("personData includes a table added later, found through its foreign key", () => {
    const db = platform();
    db.exec(
      onServer
        ? "CREATE TABLE mentorships (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, mentor_id BIGINT REFERENCES people (id), note TEXT)"
        : "CREATE TABLE mentorships (id INTEGER PRIMARY KEY, mentor_id INTEGER REFERENCES people (id), note TEXT) STRICT",
    );
    db.exec("INSERT INTO mentorships (mentor_id, note) VALUES (1, 'begleitet Bert')");
    expect(personData(db, 1).records.map((r) => `${r.table}.${r.column}`)).toEqual(["group_roles.person_id", "mentorships.mentor_id"]);
  });
});
