import { describe, expect, it } from "vitest";
import { recordedActor } from "../server.js";
import { readCsv, toCsv } from "../../src/core/csv.js";
import type { Db } from "../../src/core/db.js";
import { CliError } from "../../src/core/errors.js";
import { ImportReport } from "../../src/core/importReport.js";
import { runImport } from "../../src/core/transfer.js";
import { importGroups } from "../../src/groups/csvImport.js";
import { GROUP_CSV_COLUMNS } from "../../src/groups/model.js";
import { addGroup, groupFields, leaveGroup } from "../../src/groups/service.js";
import { getGroup, listGroups } from "../../src/groups/store.js";
import { auditLog, auditRows, cliError, contextFor, count, csvFile, freshDb } from "./support.js";

const TODAY = "2026-03-01";

const GOOD = [
  "name,short,kind,joined,email",
  "St. Marien,marien,parish,2020-01-15,buero@marien.example",
  "Mieterinitiative Süd,mis,tenants,1.6.2021,",
  "Moschee am Park,,mosque,2022-09-01,info@moschee.example",
  "",
].join("\n");

function rows(db: Db, text: string, name = "groups.csv") {
  return readCsv(csvFile(db, name, text), GROUP_CSV_COLUMNS, ["name"]);
}

function snapshot(db: Db): unknown[] {
  return db.prepare("SELECT id, name, short, kind, joined_on, left_on, email, phone, notes FROM groups ORDER BY id").all();
}

describe("importGroups", () => {
  it("adds every new row, reports line numbers and audits each addition", () => {
    const db = freshDb();
    const { entries, audit } = auditLog();
    const report = importGroups(db, audit, rows(db, GOOD), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 3, changed: 0, unchanged: 0 });
    expect([...report.lines].map((l) => [l.line, l.name, l.action])).toEqual([
      [2, "St. Marien", "add"],
      [3, "Mieterinitiative Süd", "add"],
      [4, "Moschee am Park", "add"],
    ]);
    expect(db.prepare("SELECT name, short, kind, joined_on, email FROM groups ORDER BY id").all()).toEqual([
      { name: "St. Marien", short: "marien", kind: "parish", joined_on: "2020-01-15", email: "buero@marien.example" },
      { name: "Mieterinitiative Süd", short: "mis", kind: "tenants", joined_on: "2021-06-01", email: null },
      { name: "Moschee am Park", short: null, kind: "mosque", joined_on: "2022-09-01", email: "info@moschee.example" },
    ]);
    expect(entries.map((e) => [e.entity, e.action])).toEqual([
      ["group", "add"],
      ["group", "add"],
      ["group", "add"],
    ]);
  });

  it("counts added, changed and unchanged rows against existing groups, and audits only real changes", () => {
    const db = freshDb();
    const existing = addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15" }, TODAY));
    addGroup(db, auditLog().audit, groupFields({ name: "Mieterinitiative Süd", short: "mis", kind: "tenants", joined: "2021-06-01" }, TODAY));
    const { entries, audit } = auditLog();
    const text = [
      "name,short,kind,joined",
      "St. Marien,marien,parish,2020-01-15", // nothing differs
      "Mieterinitiative Süd,mis,tenants,2021-07-01", // joined differs
      "Kita Sonnenschein,kita,social,2023-02-01", // new
    ].join("\n");
    const report = importGroups(db, audit, rows(db, text), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 1, changed: 1, unchanged: 1 });
    expect([...report.lines][0]).toEqual({ line: 2, name: "St. Marien", action: "unchanged" });
    expect([...report.lines][1]).toEqual({ line: 3, name: "Mieterinitiative Süd", action: "change", changes: { joined: ["2021-06-01", "2021-07-01"] } });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ entity: "group", action: "edit", changes: { joined: ["2021-06-01", "2021-07-01"] } });
    expect(entries[1]).toMatchObject({ entity: "group", action: "add" });
    expect(count(db, "groups")).toBe(3);
    expect(db.prepare("SELECT name FROM groups WHERE id = ?").pluck().get(existing)).toBe("St. Marien");
  });

  it("matches a row to a group by name in any case and takes the file's spelling of the name", () => {
    const db = freshDb();
    const id = addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien" }, TODAY));
    const { entries, audit } = auditLog();
    const report = importGroups(db, audit, rows(db, "name,short\nST. MARIEN,marien\n"), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 0, changed: 1, unchanged: 0 });
    expect([...report.lines][0]?.changes).toEqual({ name: ["St. Marien", "ST. MARIEN"] });
    expect(db.prepare("SELECT id, name FROM groups").all()).toEqual([{ id, name: "ST. MARIEN" }]);
    expect(entries).toHaveLength(1);
  });

  it("changes only the columns the file has", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", phone: "030 123456" }, TODAY));
    importGroups(db, auditLog().audit, rows(db, "name,email\nSt. Marien,buero@marien.example\n"), TODAY, new ImportReport());
    expect(db.prepare("SELECT short, kind, joined_on, phone, email FROM groups").get()).toEqual({
      short: "marien",
      kind: "parish",
      joined_on: "2020-01-15",
      phone: "030 123456",
      email: "buero@marien.example",
    });
  });

  it("re-importing the same file changes nothing and writes no audit entry", () => {
    const db = freshDb();
    const ctx = contextFor(db, ["groups", "import", "groups.csv"]);
    const first = runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, GOOD), TODAY, new ImportReport()));
    expect(first.added).toBe(3);
    const before = snapshot(db);
    const logged = count(db, "audit_log");
    expect(logged).toBe(3);

    const again = runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, GOOD), TODAY, new ImportReport()));
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(snapshot(db)).toEqual(before);
    expect(count(db, "audit_log")).toBe(logged);
  });

  it("the audit rows written through the Context carry the actor, the command line and the JSON changes", () => {
    const db = freshDb();
    const ctx = contextFor(db, ["groups", "import", "groups.csv"]);
    runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, GOOD), TODAY, new ImportReport()));
    const logged = auditRows(db);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatchObject({ actor: recordedActor("tester"), command: '["groups","import","groups.csv"]', entity: "group", action: "add" });
    expect(JSON.parse(logged[0]!.changes!)).toMatchObject({ name: "St. Marien", short: "marien", kind: "parish" });
    expect(new Set(logged.map((r) => r.at)).size).toBe(1); // one write, one moment
  });

  it("an invalid date on line 4 is reported with line and column", () => {
    const db = freshDb();
    const text = ["name,kind,joined", "St. Marien,parish,2020-01-15", "Mieterinitiative Süd,tenants,2021-06-01", "Moschee am Park,mosque,31.02.2022"].join("\n");
    const error = cliError(() => importGroups(db, auditLog().audit, rows(db, text), TODAY, new ImportReport()));
    expect(error.key).toBe("error.invalidDate");
    expect(error.location).toEqual({ line: 4, column: "joined" });
  });

  it("counts physical lines: a quoted cell spanning lines and blank lines shift the reported line", () => {
    const db = freshDb();
    const text = ['name,kind,notes,joined', 'St. Marien,parish,"Pfarrbüro\nDi–Do",2020-01-15', "", "Moschee am Park,mosque,,gestern-ish"].join("\n");
    const error = cliError(() => importGroups(db, auditLog().audit, rows(db, text), TODAY, new ImportReport()));
    expect(error.location).toEqual({ line: 5, column: "joined" });
  });

  it("an error in the file leaves nothing of the file saved when run as one transaction, and logs nothing", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "Altenclub", joined: "2019-01-01" }, TODAY));
    const before = snapshot(db);
    const ctx = contextFor(db, ["groups", "import", "bad.csv"]);
    const text = [
      "name,kind,joined",
      "St. Marien,parish,2020-01-15",
      "Altenclub,social,2019-01-01", // a change to an existing group, before the bad line
      "Moschee am Park,mosque,2022-13-01",
      "Kita Sonnenschein,social,2023-02-01",
    ].join("\n");
    let thrown: unknown;
    try {
      runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, text, "bad.csv"), TODAY, new ImportReport()));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).location).toEqual({ line: 4, column: "joined" });
    expect(snapshot(db)).toEqual(before);
    expect(count(db, "audit_log")).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it("a name twice in the file is an error on the second line", () => {
    const db = freshDb();
    const ctx = contextFor(db);
    const text = "name,kind\nSt. Marien,parish\nst. marien,school\n";
    let thrown: unknown;
    try {
      runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, text), TODAY, new ImportReport()));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).key).toBe("error.csvDuplicateRow");
    expect((thrown as CliError).location).toEqual({ line: 3, column: "name" });
    expect(count(db, "groups")).toBe(0);
  });

  it("a new row whose short code another group has is an error at its line; nothing saved", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien", joined: "2020-01-15" }, TODAY));
    const ctx = contextFor(db);
    let thrown: unknown;
    try {
      runImport(ctx, false, (audit) => importGroups(db, audit, rows(db, "name,short\nKita,kita\nMarienschule,Marien\n"), TODAY, new ImportReport()));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as CliError).key).toBe("error.shortTaken");
    expect((thrown as CliError).location?.line).toBe(3);
    expect(count(db, "groups")).toBe(1);
  });

  it("a dry run returns the same report but leaves the table and the audit log unchanged", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2019-01-01" }, TODAY));
    const before = snapshot(db);
    const ctx = contextFor(db);
    const report = runImport(ctx, true, (audit) => importGroups(db, audit, rows(db, GOOD), TODAY, new ImportReport()));
    expect(report).toMatchObject({ added: 2, changed: 1, unchanged: 0 });
    expect([...report.lines][0]).toMatchObject({
      line: 2,
      action: "change",
      changes: { joined: ["2019-01-01", "2020-01-15"], email: [null, "buero@marien.example"] },
    });
    expect(snapshot(db)).toEqual(before);
    expect(count(db, "audit_log")).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it("a dry run of a bad file reports the same error as a real run", () => {
    const db = freshDb();
    const ctx = contextFor(db);
    const text = "name,kind\nSt. Marien,church\n";
    let thrown: unknown;
    try {
      runImport(ctx, true, (audit) => importGroups(db, audit, rows(db, text), TODAY, new ImportReport()));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as CliError).key).toBe("error.notOneOf");
    expect((thrown as CliError).location).toEqual({ line: 2, column: "kind" });
    expect(count(db, "groups")).toBe(0);
  });
});

describe("readCsv for groups", () => {
  it("accepts semicolons, a BOM and headers in any case, and undoes formula neutralisation", () => {
    const db = freshDb();
    const text = "\uFEFFName;Kind;Notes\nSt. Marien;parish;'=1+1\n";
    expect(rows(db, text)).toEqual([{ line: 2, values: { name: "St. Marien", kind: "parish", notes: "=1+1" } }]);
  });

  it("refuses an unknown column, naming it", () => {
    const db = freshDb();
    const error = cliError(() => rows(db, "name,website\nA,https://a.example\n"));
    expect(error.key).toBe("error.csvUnknownColumn");
    expect(error.params.column).toBe("website");
  });

  it("refuses a file without the name column", () => {
    const db = freshDb();
    expect(cliError(() => rows(db, "kind,joined\nparish,2020-01-01\n")).key).toBe("error.csvMissingColumn");
  });
});

describe("groups export → import round trip", () => {
  /** What `groups export` writes: every group, in the import's columns. */
  function exported(db: Db): string {
    return toCsv(GROUP_CSV_COLUMNS, listGroups(db, TODAY, { all: true }) as unknown as Array<Record<string, unknown>>);
  }

  it("an exported file imports back unchanged, formula-like cells included", () => {
    const db = freshDb();
    const audit = auditLog().audit;
    addGroup(db, audit, groupFields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", phone: "+49 30 1234567" }, TODAY));
    addGroup(db, audit, groupFields({ name: "=Gemeinschaft", kind: "culture", joined: "2021-01-01", notes: "-- Treffen montags\nim Saal, \"groß\"" }, TODAY));
    const gone = addGroup(db, audit, groupFields({ name: "@Jugend", joined: "2019-01-01", email: "jugend@example.org" }, TODAY));
    leaveGroup(db, audit, getGroup(db, gone, TODAY)!, "2025-12-31", TODAY);
    const before = snapshot(db);
    const text = exported(db);
    expect(text).toContain("'=Gemeinschaft"); // neutralised for spreadsheets

    const { entries, audit: audit2 } = auditLog();
    const report = importGroups(db, audit2, rows(db, text), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(snapshot(db)).toEqual(before);
    expect(entries).toEqual([]);
  });

  it("an exported file imported into an empty platform recreates the groups", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", left: "2026-01-01" }, TODAY));
    const text = exported(db);
    const other = freshDb();
    const report = importGroups(other, auditLog().audit, rows(other, text), TODAY, new ImportReport());
    expect(report.added).toBe(1);
    expect(db.prepare("SELECT name, short, kind, joined_on, left_on FROM groups").all()).toEqual(
      other.prepare("SELECT name, short, kind, joined_on, left_on FROM groups").all(),
    );
  });

    it("a value starting with an apostrophe and a formula character survives the round trip", () => {
    const db = freshDb();
    addGroup(db, auditLog().audit, groupFields({ name: "St. Marien", joined: "2020-01-15", notes: "'+1 für den Antrag" }, TODAY));
    const report = importGroups(db, auditLog().audit, rows(db, exported(db)), TODAY, new ImportReport());
    expect(report).toMatchObject({ changed: 0, unchanged: 1 });
    expect(db.prepare("SELECT notes FROM groups").pluck().get()).toBe("'+1 für den Antrag");
  });
});
