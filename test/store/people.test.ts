import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/core/csv.js";
import type { Db } from "../../src/core/db.js";
import { CliError } from "../../src/core/errors.js";
import { ImportReport } from "../../src/core/importReport.js";
import { runImport } from "../../src/core/transfer.js";
import type { Group } from "../../src/groups/model.js";
import { addGroup, groupFields, leaveGroup } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import { PEOPLE_CSV_COLUMNS, type Person } from "../../src/people/model.js";
import { addPerson, editPerson, importPeople, linkPerson, personFields, resolvePerson, unlinkPerson } from "../../src/people/service.js";
import { getPerson, groupsWithoutRepresentative, listPeople, peopleOfGroup, rolesOfPerson } from "../../src/people/store.js";
import { auditLog, cliError, contextFor, count, csvFile, freshDb } from "./support.js";

const TODAY = "2026-03-01";

function group(db: Db, name: string, short?: string, joined = "2020-01-01"): Group {
  const id = addGroup(db, auditLog().audit, groupFields({ name, short, joined }, TODAY));
  return getGroup(db, id, TODAY)!;
}

function person(db: Db, name: string, extra: { email?: string; phone?: string } = {}): Person {
  const id = addPerson(db, auditLog().audit, personFields({ name, ...extra }));
  return getPerson(db, id, TODAY)!;
}

function roleRows(db: Db): unknown[] {
  return db.prepare("SELECT person_id, group_id, role, since, until FROM group_roles ORDER BY id").all();
}

describe("addPerson, editPerson, resolvePerson", () => {
  it("stores the person and audits the fields", () => {
    const db = freshDb();
    const { entries, audit } = auditLog();
    const fields = personFields({ name: " Anna Berg ", email: "anna@example.org", phone: "+49 30 1234567" });
    const id = addPerson(db, audit, fields);
    expect(db.prepare("SELECT name, email, phone, notes, forgotten_at FROM people WHERE id = ?").get(id)).toEqual({
      name: "Anna Berg",
      email: "anna@example.org",
      phone: "+49 30 1234567",
      notes: null,
      forgotten_at: null,
    });
    expect(entries).toEqual([{ entity: "person", id, action: "add", changes: fields }]);
  });

  it("refuses a duplicate name in another case: error.personExists, no row", () => {
    const db = freshDb();
    person(db, "Anna Berg");
    const { entries, audit } = auditLog();
    const error = cliError(() => addPerson(db, audit, personFields({ name: "anna BERG" })));
    expect(error.key).toBe("error.personExists");
    expect(count(db, "people")).toBe(1);
    expect(entries).toEqual([]);
  });

    it("refuses a duplicate name that differs in the case of non-ASCII letters", () => {
    const db = freshDb();
    person(db, "Çağlar Öztürk");
    expect(cliError(() => addPerson(db, auditLog().audit, personFields({ name: "çağlar öztürk" }))).key).toBe("error.personExists");
    expect(count(db, "people")).toBe(1);
  });

  it("edits with [old, new] changes, and refuses another person's name", () => {
    const db = freshDb();
    person(db, "Ben Adler");
    const anna = person(db, "Anna Berg", { email: "anna@example.org" });
    const { entries, audit } = auditLog();
    const changes = editPerson(db, audit, anna, personFields({ email: "anna.berg@example.org" }, anna));
    expect(changes).toEqual({ email: ["anna@example.org", "anna.berg@example.org"] });
    expect(entries).toEqual([{ entity: "person", id: anna.id, action: "edit", changes }]);
    const again = getPerson(db, anna.id, TODAY)!;
    expect(cliError(() => editPerson(db, audit, again, personFields({ name: "BEN ADLER" }, again))).key).toBe("error.personExists");
    expect(getPerson(db, anna.id, TODAY)?.name).toBe("Anna Berg");
    expect(entries).toHaveLength(1);
  });

  it("resolves by id, #id and name in any case; unknown is an error", () => {
    const db = freshDb();
    const anna = person(db, "Anna Berg");
    expect(resolvePerson(db, String(anna.id), TODAY).id).toBe(anna.id);
    expect(resolvePerson(db, `#${anna.id}`, TODAY).id).toBe(anna.id);
    expect(resolvePerson(db, "ANNA berg", TODAY).id).toBe(anna.id);
    expect(cliError(() => resolvePerson(db, "Ben", TODAY)).key).toBe("error.unknownPerson");
  });
});

describe("linkPerson and unlinkPerson", () => {
  it("lets a person act for two groups; the roles and the audit entries are recorded", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien", "marien");
    const mieter = group(db, "Mieterinitiative Süd", "mis");
    const anna = person(db, "Anna Berg");
    const { entries, audit } = auditLog();
    const r1 = linkPerson(db, audit, anna, marien, "representative", "2025-01-01");
    const r2 = linkPerson(db, audit, anna, mieter, "key-person", "2025-06-01");
    expect(roleRows(db)).toEqual([
      { person_id: anna.id, group_id: marien.id, role: "representative", since: "2025-01-01", until: null },
      { person_id: anna.id, group_id: mieter.id, role: "key-person", since: "2025-06-01", until: null },
    ]);
    expect(entries).toEqual([
      { entity: "group_role", id: r1, action: "link", changes: { person: anna.id, group: marien.id, role: "representative", since: "2025-01-01" } },
      { entity: "group_role", id: r2, action: "link", changes: { person: anna.id, group: mieter.id, role: "key-person", since: "2025-06-01" } },
    ]);
    expect(getPerson(db, anna.id, TODAY)?.groups).toEqual([
      { group: "Mieterinitiative Süd", role: "key-person", since: "2025-06-01", until: null },
      { group: "St. Marien", role: "representative", since: "2025-01-01", until: null },
    ]);
  });

  it("a role that starts in the future is not held today", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const anna = person(db, "Anna Berg");
    linkPerson(db, auditLog().audit, anna, marien, "member", "2026-04-01");
    expect(getPerson(db, anna.id, TODAY)?.groups).toEqual([]);
    expect(getPerson(db, anna.id, "2026-04-01")?.groups).toHaveLength(1);
  });

  it("refuses the same active role twice: error.roleExists, no second row", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const anna = person(db, "Anna Berg");
    linkPerson(db, auditLog().audit, anna, marien, "representative", "2025-01-01");
    const { entries, audit } = auditLog();
    const error = cliError(() => linkPerson(db, audit, anna, marien, "representative", "2026-01-01"));
    expect(error.key).toBe("error.roleExists");
    expect(error.params).toMatchObject({ person: "Anna Berg", group: "St. Marien", role: "representative" });
    expect(count(db, "group_roles")).toBe(1);
    expect(entries).toEqual([]);
  });

  it("allows another role for the same group, and the same role again after it ended", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const anna = person(db, "Anna Berg");
    linkPerson(db, auditLog().audit, anna, marien, "representative", "2024-01-01");
    linkPerson(db, auditLog().audit, anna, marien, "key-person", "2024-01-01");
    unlinkPerson(db, auditLog().audit, anna, marien, "representative", "2025-01-01");
    linkPerson(db, auditLog().audit, anna, marien, "representative", "2025-06-01");
    expect(rolesOfPerson(db, anna.id).map((r) => [r.role, r.since, r.until])).toEqual([
      ["representative", "2024-01-01", "2025-01-01"],
      ["key-person", "2024-01-01", null],
      ["representative", "2025-06-01", null],
    ]);
  });

  it("ends the current roles for a group on a date, keeping the history; audits [old, new] until", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const mieter = group(db, "Mieterinitiative Süd");
    const anna = person(db, "Anna Berg");
    const rep = linkPerson(db, auditLog().audit, anna, marien, "representative", "2024-01-01");
    linkPerson(db, auditLog().audit, anna, marien, "member", "2024-01-01");
    linkPerson(db, auditLog().audit, anna, mieter, "member", "2024-01-01");
    const { entries, audit } = auditLog();
    expect(unlinkPerson(db, audit, anna, marien, "representative", "2026-02-01")).toBe(1);
    expect(entries).toEqual([{ entity: "group_role", id: rep, action: "unlink", changes: { until: [null, "2026-02-01"] } }]);
    // Without a role: every remaining role for that group ends; the other group's role stays.
    expect(unlinkPerson(db, audit, anna, marien, undefined, "2026-02-15")).toBe(1);
    expect(roleRows(db)).toEqual([
      { person_id: anna.id, group_id: marien.id, role: "representative", since: "2024-01-01", until: "2026-02-01" },
      { person_id: anna.id, group_id: marien.id, role: "member", since: "2024-01-01", until: "2026-02-15" },
      { person_id: anna.id, group_id: mieter.id, role: "member", since: "2024-01-01", until: null },
    ]);
    expect(getPerson(db, anna.id, TODAY)?.groups.map((g) => g.group)).toEqual(["Mieterinitiative Süd"]);
    // The day before the end, the role still counted.
    expect(getPerson(db, anna.id, "2026-01-31")?.groups).toHaveLength(3);
  });

  it("an unlink that fails on one role leaves the others open when run as one write", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const anna = person(db, "Anna Berg");
    linkPerson(db, auditLog().audit, anna, marien, "member", "2024-01-01");
    linkPerson(db, auditLog().audit, anna, marien, "representative", "2026-02-15");
    const before = roleRows(db);
    const ctx = contextFor(db, ["people", "unlink", "Anna Berg", "St. Marien"]);
    let thrown: unknown;
    try {
      ctx.write((audit) => unlinkPerson(db, audit, anna, marien, undefined, "2026-02-01"));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as CliError).key).toBe("error.untilBeforeSince");
    expect(roleRows(db)).toEqual(before);
    expect(count(db, "audit_log")).toBe(0);
  });

  it("refuses to end a role the person does not hold, or before it began", () => {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const mieter = group(db, "Mieterinitiative Süd");
    const anna = person(db, "Anna Berg");
    linkPerson(db, auditLog().audit, anna, marien, "member", "2025-01-01");
    expect(cliError(() => unlinkPerson(db, auditLog().audit, anna, mieter, undefined, TODAY)).key).toBe("error.noRole");
    expect(cliError(() => unlinkPerson(db, auditLog().audit, anna, marien, "representative", TODAY)).key).toBe("error.noRole");
    expect(cliError(() => unlinkPerson(db, auditLog().audit, anna, marien, "member", "2024-12-31")).key).toBe("error.untilBeforeSince");
    expect(roleRows(db)).toEqual([{ person_id: anna.id, group_id: marien.id, role: "member", since: "2025-01-01", until: null }]);
  });
});

describe("listPeople and groupsWithoutRepresentative", () => {
  function setup() {
    const db = freshDb();
    const marien = group(db, "St. Marien");
    const mieter = group(db, "Mieterinitiative Süd");
    const anna = person(db, "Anna Berg");
    const ben = person(db, "ben Adler");
    const cem = person(db, "Cem Yıldız");
    const dora = person(db, "Dora Kranz");
    const audit = auditLog().audit;
    linkPerson(db, audit, anna, marien, "representative", "2024-01-01");
    linkPerson(db, audit, anna, mieter, "member", "2024-01-01");
    linkPerson(db, audit, ben, marien, "member", "2024-01-01");
    linkPerson(db, audit, cem, mieter, "representative", "2024-01-01");
    unlinkPerson(db, audit, cem, mieter, "representative", "2026-01-01"); // ended
    return { db, marien, mieter, anna, ben, cem, dora };
  }

  it("lists everyone not forgotten, sorted by name regardless of case", () => {
    const { db } = setup();
    expect(listPeople(db, TODAY).map((p) => p.name)).toEqual(["Anna Berg", "ben Adler", "Cem Yıldız", "Dora Kranz"]);
  });

  it("filters by group, by role, and by both, counting only roles held today", () => {
    const { db, marien, mieter } = setup();
    expect(listPeople(db, TODAY, { groupId: marien.id }).map((p) => p.name)).toEqual(["Anna Berg", "ben Adler"]);
    expect(listPeople(db, TODAY, { groupId: mieter.id }).map((p) => p.name)).toEqual(["Anna Berg"]);
    expect(listPeople(db, TODAY, { role: "representative" }).map((p) => p.name)).toEqual(["Anna Berg"]);
    expect(listPeople(db, TODAY, { groupId: mieter.id, role: "representative" })).toEqual([]);
    expect(listPeople(db, TODAY, { groupId: marien.id, role: "member" }).map((p) => p.name)).toEqual(["ben Adler"]);
    // Before Cem's role ended, Cem represented the tenants.
    expect(listPeople(db, "2025-12-31", { groupId: mieter.id, role: "representative" }).map((p) => p.name)).toEqual(["Cem Yıldız"]);
  });

  it("excludes forgotten people unless asked to include them", () => {
    const { db, dora } = setup();
    db.prepare("UPDATE people SET name = NULL, email = NULL, phone = NULL, notes = NULL, forgotten_at = ? WHERE id = ?").run(
      "2026-02-01T00:00:00.000Z",
      dora.id,
    );
    expect(listPeople(db, TODAY).map((p) => p.id)).not.toContain(dora.id);
    const all = listPeople(db, TODAY, { includeForgotten: true });
    expect(all.find((p) => p.id === dora.id)).toMatchObject({ name: null, forgotten: true });
    expect(all).toHaveLength(4);
  });

  it("names member groups without a current representative; not those that left", () => {
    const { db, marien } = setup();
    expect(groupsWithoutRepresentative(db, TODAY)).toEqual(["Mieterinitiative Süd"]); // Cem's role ended
    expect(groupsWithoutRepresentative(db, "2025-12-31")).toEqual([]);
    const gone = group(db, "Altenclub", undefined, "2019-01-01");
    const kita = group(db, "Kita Sonnenschein", undefined, "2019-01-01");
    leaveGroup(db, auditLog().audit, gone, "2026-02-01", TODAY);
    expect(groupsWithoutRepresentative(db, TODAY)).toEqual([kita.name, "Mieterinitiative Süd"]);
    expect(groupsWithoutRepresentative(db, TODAY)).not.toContain(marien.name);
  });

  it("peopleOfGroup lists current people first, representatives before members, then those whose role ended", () => {
    const { db, mieter, anna, cem } = setup();
    expect(peopleOfGroup(db, mieter.id)).toEqual([
      { personId: anna.id, name: "Anna Berg", role: "member", since: "2024-01-01", until: null },
      { personId: cem.id, name: "Cem Yıldız", role: "representative", since: "2024-01-01", until: "2026-01-01" },
    ]);
  });
});

describe("importPeople", () => {
  const header = "name,email,phone,group,role,since";

  function setup() {
    const db = freshDb();
    const marien = group(db, "St. Marien", "marien");
    const mieter = group(db, "Mieterinitiative Süd", "mis");
    return { db, marien, mieter };
  }

  function rows(db: Db, text: string) {
    return readCsv(csvFile(db, "people.csv", text), PEOPLE_CSV_COLUMNS, ["name"]);
  }

  const MULTI = [
    header,
    "Anna Berg,anna@example.org,,marien,representative,2024-01-01",
    "Anna Berg,anna@example.org,,mis,key-person,2024-03-01",
    "Ben Adler,,030 987654,St. Marien,,2025-01-01",
    "Cem Yıldız,,,,,",
  ].join("\n");

  it("adds people, one role per row: the same person on several rows acts for several groups", () => {
    const { db, marien, mieter } = setup();
    const { entries, audit } = auditLog();
    const report = importPeople(db, audit, rows(db, MULTI), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 3, changed: 1, unchanged: 0 });
    expect([...report.lines].map((l) => [l.line, l.name, l.action])).toEqual([
      [2, "Anna Berg", "add"],
      [3, "Anna Berg", "change"],
      [4, "Ben Adler", "add"],
      [5, "Cem Yıldız", "add"],
    ]);
    expect([...report.lines][1]?.changes).toEqual({ role: [null, "Mieterinitiative Süd: key-person"] });
    expect(count(db, "people")).toBe(3);
    const anna = resolvePerson(db, "Anna Berg", TODAY);
    const ben = resolvePerson(db, "Ben Adler", TODAY);
    expect(anna.email).toBe("anna@example.org");
    expect(roleRows(db)).toEqual([
      { person_id: anna.id, group_id: marien.id, role: "representative", since: "2024-01-01", until: null },
      { person_id: anna.id, group_id: mieter.id, role: "key-person", since: "2024-03-01", until: null },
      { person_id: ben.id, group_id: marien.id, role: "member", since: "2025-01-01", until: null },
    ]);
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual([
      "person:add",
      "group_role:link",
      "group_role:link",
      "person:add",
      "group_role:link",
      "person:add",
    ]);
  });

  it("re-importing the same file changes nothing and audits nothing", () => {
    const { db } = setup();
    const ctx = contextFor(db, ["people", "import", "people.csv"]);
    runImport(ctx, false, (audit) => importPeople(db, audit, rows(db, MULTI), TODAY, new ImportReport()));
    const people = db.prepare("SELECT * FROM people ORDER BY id").all();
    const roles = roleRows(db);
    const logged = count(db, "audit_log");
    const again = runImport(ctx, false, (audit) => importPeople(db, audit, rows(db, MULTI), TODAY, new ImportReport()));
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    expect(db.prepare("SELECT * FROM people ORDER BY id").all()).toEqual(people);
    expect(roleRows(db)).toEqual(roles);
    expect(count(db, "audit_log")).toBe(logged);
  });

  it("a role without a group is an error at its line and column 'role'; nothing of the file is saved", () => {
    const { db } = setup();
    const ctx = contextFor(db);
    const text = [header, "Anna Berg,anna@example.org,,marien,representative,2024-01-01", "Ben Adler,,,,member,"].join("\n");
    let thrown: unknown;
    try {
      runImport(ctx, false, (audit) => importPeople(db, audit, rows(db, text), TODAY, new ImportReport()));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).key).toBe("error.roleWithoutGroup");
    expect((thrown as CliError).location).toEqual({ line: 3, column: "role" });
    expect(count(db, "people")).toBe(0);
    expect(count(db, "group_roles")).toBe(0);
    expect(count(db, "audit_log")).toBe(0);
  });

  it("an unknown group is an error in column 'group'; an unknown role in column 'role'", () => {
    const { db } = setup();
    const unknown = cliError(() => importPeople(db, auditLog().audit, rows(db, `${header}\nAnna Berg,,,Moschee,,\n`), TODAY, new ImportReport()));
    expect(unknown.key).toBe("error.unknownGroup");
    expect(unknown.location).toEqual({ line: 2, column: "group" });
    const db2 = setup().db;
    const badRole = cliError(() => importPeople(db2, auditLog().audit, rows(db2, `${header}\nAnna Berg,,,marien,chair,\n`), TODAY, new ImportReport()));
    expect(badRole.key).toBe("error.notOneOf");
    expect(badRole.location).toEqual({ line: 2, column: "role" });
  });

  it("a dry run reports but saves nothing", () => {
    const { db } = setup();
    const report = runImport(contextFor(db), true, (audit) => importPeople(db, audit, rows(db, MULTI), TODAY, new ImportReport()));
    expect(report.added).toBe(3);
    expect(count(db, "people")).toBe(0);
    expect(count(db, "group_roles")).toBe(0);
    expect(count(db, "audit_log")).toBe(0);
  });

    it("a row for a role whose end is scheduled (what people export writes) imports back unchanged", () => {
    const { db, marien } = setup();
    const anna = person(db, "Anna Berg", { email: "anna@example.org" });
    linkPerson(db, auditLog().audit, anna, marien, "representative", "2024-01-01");
    unlinkPerson(db, auditLog().audit, anna, marien, "representative", "2026-06-30"); // ends after today
    expect(getPerson(db, anna.id, TODAY)?.groups).toEqual([{ group: "St. Marien", role: "representative", since: "2024-01-01", until: "2026-06-30" }]);
    const text = "name,email,phone,notes,group,role,since\nAnna Berg,anna@example.org,,,St. Marien,representative,2024-01-01\n";
    const report = importPeople(db, auditLog().audit, rows(db, text), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 0, changed: 0, unchanged: 1 });
    expect(count(db, "group_roles")).toBe(1);
  });

  it("a row for an existing person updates the columns given and adds a role they do not hold", () => {
    const { db, mieter } = setup();
    const anna = person(db, "Anna Berg", { email: "old@example.org", phone: "030 111222" });
    const { entries, audit } = auditLog();
    const report = importPeople(db, audit, rows(db, "name,email,group\nanna berg,anna@example.org,mis\n"), TODAY, new ImportReport());
    expect(report).toMatchObject({ added: 0, changed: 1 });
    expect([...report.lines][0]?.changes).toEqual({
      name: ["Anna Berg", "anna berg"],
      email: ["old@example.org", "anna@example.org"],
      role: [null, "Mieterinitiative Süd: member"],
    });
    const after = getPerson(db, anna.id, TODAY)!;
    expect(after).toMatchObject({ email: "anna@example.org", phone: "030 111222" });
    expect(after.groups).toEqual([{ group: mieter.name, role: "member", since: TODAY, until: null }]);
    expect(entries.map((e) => e.action)).toEqual(["edit", "link"]);
  });
});
