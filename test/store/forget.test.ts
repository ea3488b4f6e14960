import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { onServer } from "../server.js";
import type { Db } from "../../src/core/db.js";
import { insertIncome } from "../../src/fundraising/store.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import type { Person } from "../../src/people/model.js";
import { forget } from "../../src/app/forget.js";
import { addPerson, editPerson, linkPerson, personFields, unlinkPerson } from "../../src/people/service.js";
import { countPeople, forgetPerson, getPerson, listPeople, peopleOfGroup } from "../../src/people/store.js";
import { auditLog, auditRows, cliError, contextFor, count, freshDb } from "./support.js";

const TODAY = "2026-03-01";
const PLACEHOLDER = "(forgotten)";

interface Secret {
  name: string;
  email: string;
  phone: string;
}

const insertAudit = (db: Db, command: unknown, entity: string, entityId: number | null, action: string, changes: unknown) =>
  db
    // The next id given explicitly, as the program's own audit writer does (a server's identity sequence is not used).
    .prepare("INSERT INTO audit_log (id, at, actor, command, entity, entity_id, action, changes) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM audit_log), ?, ?, ?, ?, ?, ?, ?)")
    .run("2026-02-01T10:00:00.000Z", "organizer", JSON.stringify(command), entity, entityId, action, changes === null ? null : JSON.stringify(changes));

/** A person with roles for two groups, written through a Context so the audit log holds real rows. */
function setup(secret: Secret) {
  const db = freshDb();
  const write = (argv: string[]) => contextFor(db, argv);
  const marien = write(["groups", "add", "St. Marien"]).write((audit) =>
    addGroup(db, audit, groupFields({ name: "St. Marien", joined: "2020-01-01" }, TODAY)),
  );
  const mieter = write(["groups", "add", "Mieterinitiative Süd"]).write((audit) =>
    addGroup(db, audit, groupFields({ name: "Mieterinitiative Süd", joined: "2020-01-01" }, TODAY)),
  );
  const id = write(["people", "add", secret.name, "--email", secret.email, "--phone", secret.phone]).write((audit) =>
    addPerson(db, audit, personFields({ name: secret.name, email: secret.email, phone: secret.phone, notes: "spricht Türkisch" })),
  );
  const person = getPerson(db, id, TODAY)!;
  write(["people", "link", secret.name, "St. Marien", "--role", "representative"]).write((audit) =>
    linkPerson(db, audit, person, getGroup(db, marien, TODAY)!, "representative", "2024-01-01"),
  );
  write(["people", "link", secret.name.toLowerCase(), "mis"]).write((audit) =>
    linkPerson(db, audit, person, getGroup(db, mieter, TODAY)!, "member", "2024-01-01"),
  );
  write(["people", "unlink", secret.name, "mis"]).write((audit) => unlinkPerson(db, audit, person, getGroup(db, mieter, TODAY)!, "member", "2025-01-01"));
  // Someone else, whose data must survive.
  const otherId = write(["people", "add", "Ben Adler", "--email", "ben@example.org"]).write((audit) =>
    addPerson(db, audit, personFields({ name: "Ben Adler", email: "ben@example.org" })),
  );
  return { db, id, otherId, marien, mieter };
}

function doForget(db: Db, id: number): Array<{ entity: string; id: number | null; action: string }> {
  const person = getPerson(db, id, TODAY)!;
  const ctx = contextFor(db, ["people", "forget", `#${id}`]);
  const { entries, audit } = auditLog();
  ctx.write((logged) =>
    forget(
      db,
      (entry) => {
        audit(entry);
        logged(entry);
      },
      person,
      PLACEHOLDER,
    ),
  );
  return entries;
}

/** Every text in the audit log, lowercased, for searching. */
function auditText(db: Db): string[] {
  return auditRows(db).map((r) => `${r.actor}\n${r.command}\n${r.entity}\n${r.action}\n${r.changes ?? ""}`);
}

function expectNoTrace(db: Db, needles: string[]): void {
  for (const text of auditText(db)) {
    for (const needle of needles) expect(text.toLowerCase()).not.toContain(needle.toLowerCase());
  }
}

const ANNA: Secret = { name: 'Anna "Nani" Berg', email: "Anna.Berg@Example.org", phone: "+49 30 1234567" };
const CAGLAR: Secret = { name: "Çağlar Öztürk", email: "caglar@example.org", phone: "0176 5550123" };

describe("forget", () => {
  it("erases the person's row but keeps the person's id, roles and counts", () => {
    const { db, id, marien, mieter } = setup(ANNA);
    const rolesBefore = db.prepare("SELECT id, person_id, group_id, role, since, until FROM group_roles ORDER BY id").all();
    const peopleBefore = countPeople(db);
    expect(rolesBefore).toHaveLength(2);

    const entries = doForget(db, id);

    const row = db.prepare("SELECT name, email, phone, notes, forgotten_at FROM people WHERE id = ?").get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ name: null, email: null, phone: null, notes: null });
    expect(typeof row.forgotten_at).toBe("string");
    expect(Number.isNaN(Date.parse(row.forgotten_at as string))).toBe(false);
    expect(db.prepare("SELECT id, person_id, group_id, role, since, until FROM group_roles ORDER BY id").all()).toEqual(rolesBefore);
    expect(countPeople(db)).toEqual({ total: peopleBefore.total, forgotten: 1 });
    expect(peopleOfGroup(db, marien).map((p) => [p.personId, p.name, p.role])).toEqual([[id, null, "representative"]]);
    expect(peopleOfGroup(db, mieter)).toHaveLength(1);
    expect(getPerson(db, id, TODAY)).toMatchObject({ name: null, forgotten: true });
    expect(listPeople(db, TODAY).map((p) => p.id)).not.toContain(id);
    expect(entries).toEqual([{ entity: "person", id, action: "forget" }]);
  });

  it("leaves no trace of the name, e-mail or phone in the audit log, whatever the spelling", () => {
    const { db, id } = setup(ANNA);
    // Mentions a user could have typed elsewhere: a lowercased name in a command, JSON-escaped in changes,
    // the e-mail in capitals in another group's notes.
    insertAudit(db, ["meetings", "attend", "anna \"nani\" berg"], "meeting", 7, "attend", { note: `with ${ANNA.name}` });
    insertAudit(db, ["groups", "edit", "St. Marien", "--notes", `Kontakt: ${ANNA.email.toUpperCase()}, ${ANNA.phone}`], "group", 1, "edit", {
      notes: [null, `Kontakt: ${ANNA.email.toUpperCase()}, ${ANNA.phone}`],
    });
    insertAudit(db, ["conversations", "add", "--with", 'ANNA "NANI" BERG'], "conversation", 3, "add", { with: 'anna "nani" berg' });
    const before = auditText(db).join("\n");
    expect(before).toContain('Anna \\"Nani\\" Berg'); // the name is in the log JSON-escaped ...
    expect(before).toContain('anna \\"nani\\" berg'); // ... and lowercased

    doForget(db, id);

    expectNoTrace(db, [
      ANNA.name,
      JSON.stringify(ANNA.name).slice(1, -1),
      ANNA.email,
      ANNA.phone,
      "Nani", // the nickname was part of the name
    ]);
    const after = auditText(db).join("\n");
    expect(after).toContain(PLACEHOLDER);
    // Other data survives.
    expect(after).toContain("Ben Adler");
    expect(after).toContain("ben@example.org");
    expect(after).toContain("St. Marien");
    expect(after).toContain("Kontakt: ");
  });

  it("entries about the forgotten person lose their details; other entries keep theirs", () => {
    const { db, id, otherId } = setup(ANNA);
    doForget(db, id);
    const rows = auditRows(db);
    const aboutHer = rows.filter((r) => r.entity === "person" && r.entity_id === id);
    expect(aboutHer.map((r) => r.action)).toEqual(["add", "forget"]);
    expect(aboutHer.every((r) => r.changes === null)).toBe(true);
    expect(aboutHer[1]!.command).toBe(JSON.stringify(["people", "forget", `#${id}`]));
    const aboutBen = rows.find((r) => r.entity === "person" && r.entity_id === otherId)!;
    expect(JSON.parse(aboutBen.changes!)).toMatchObject({ name: "Ben Adler", email: "ben@example.org" });
    // Role history in the log still says which person and group, by id only.
    const links = rows.filter((r) => r.entity === "group_role" && r.action === "link");
    expect(links.map((r) => JSON.parse(r.changes!).person)).toEqual([id, id]);
  });

  it("matches a non-ASCII name typed in lowercase", () => {
    const { db, id } = setup(CAGLAR);
    insertAudit(db, ["conversations", "add", "--with", "çağlar öztürk"], "conversation", 1, "add", { with: "ÇAĞLAR ÖZTÜRK", topic: "Miete" });
    insertAudit(db, ["people", "show", "çağlar"], "person", 999, "show", null);
    expect(auditText(db).join("\n")).toContain("çağlar öztürk");

    doForget(db, id);

    const texts = auditText(db);
    for (const needle of ["Çağlar Öztürk", "çağlar öztürk", "ÇAĞLAR ÖZTÜRK", CAGLAR.email, CAGLAR.phone]) {
      for (const text of texts) expect(text).not.toContain(needle);
    }
    expect(texts.join("\n")).toContain("Miete");
  });

  // FILE_ONLY: the bytes of the SQLite file; on a server, test/cli/maintenance-server.test.ts reads every page after forget.
  it.skipIf(onServer)("leaves no bytes of the name, e-mail or phone in the data file once it is closed", () => {
    const { db, id } = setup(CAGLAR);
    const path = db.name;
    doForget(db, id);
    db.close(); // the last connection checkpoints the WAL into the file and removes it
    expect(existsSync(`${path}-wal`)).toBe(false);
    const bytes = readFileSync(path);
    for (const needle of [CAGLAR.name, CAGLAR.name.toLowerCase(), CAGLAR.email, CAGLAR.phone, "spricht Türkisch"]) {
      expect(bytes.includes(Buffer.from(needle, "utf8"))).toBe(false);
    }
    expect(bytes.includes(Buffer.from("Ben Adler", "utf8"))).toBe(true);
  });

    it("matches a Turkish name with İ and ı written in capitals or lowercase", () => {
    const name = "İlknur Yılmaz";
    const { db, id } = setup({ name, email: "ilknur@example.org", phone: "030 5550199" });
    insertAudit(db, ["conversations", "add", "--with", name.toUpperCase()], "conversation", 1, "add", { with: name.toLocaleLowerCase("tr") });
    doForget(db, id);
    for (const text of auditText(db)) {
      expect(text).not.toContain(name.toUpperCase());
      expect(text).not.toContain(name.toLocaleLowerCase("tr"));
    }
  });

  it("refuses to forget a person twice", () => {
    const { db, id } = setup(CAGLAR);
    doForget(db, id);
    const logged = count(db, "audit_log");
    const forgotten = getPerson(db, id, TODAY)!;
    const { entries, audit } = auditLog();
    const error = cliError(() => forget(db, audit, forgotten, PLACEHOLDER));
    expect(error.key).toBe("error.personForgotten");
    expect(error.params.id).toBe(id);
    expect(entries).toEqual([]);
    expect(count(db, "audit_log")).toBe(logged);
  });

  it("a forgotten person can be neither edited nor linked, and the name is free again", () => {
    const { db, id, marien } = setup(CAGLAR);
    doForget(db, id);
    const forgotten: Person = getPerson(db, id, TODAY)!;
    expect(cliError(() => editPerson(db, auditLog().audit, forgotten, personFields({ name: "X" }))).key).toBe("error.personForgotten");
    expect(cliError(() => linkPerson(db, auditLog().audit, forgotten, getGroup(db, marien, TODAY)!, "member", TODAY)).key).toBe(
      "error.personForgotten",
    );
    const again = addPerson(db, auditLog().audit, personFields({ name: CAGLAR.name }));
    expect(again).not.toBe(id);
  });

  it("erases the whole e-mail even when the name is a prefix of it", () => {
    const db = freshDb();
    const id = addPerson(db, auditLog().audit, personFields({ name: "Nani", email: "nani@nani-berg.de" }));
    insertAudit(db, ["people", "edit", "#1", "--email", "nani@nani-berg.de"], "group", 1, "note", { contact: "nani@nani-berg.de" });
    forgetPerson(db, id, ["Nani", "nani@nani-berg.de"], "2026-03-01T00:00:00.000Z", PLACEHOLDER);
    expectNoTrace(db, ["nani", "berg.de"]);
  });

  it("store forgetPerson erases only the given person's row", () => {
    const { db, id, otherId } = setup(ANNA);
    forgetPerson(db, id, [ANNA.name, ANNA.email, ANNA.phone], "2026-03-01T00:00:00.000Z", PLACEHOLDER);
    expect(db.prepare("SELECT forgotten_at FROM people WHERE id = ?").pluck().get(id)).toBe("2026-03-01T00:00:00.000Z");
    expect(db.prepare("SELECT name, email, forgotten_at FROM people WHERE id = ?").get(otherId)).toEqual({
      name: "Ben Adler",
      email: "ben@example.org",
      forgotten_at: null,
    });
  });

  it("erases whole words only: forgetting Ali leaves Alina's entries alone", () => {
    const db = freshDb();
    const id = addPerson(db, auditLog().audit, personFields({ name: "Ali" }));
    insertAudit(db, ["people", "add", "Alina Berg"], "person", 99, "add", { name: "Alina Berg" });
    insertAudit(db, ["people", "edit", "Ali", "--phone", "0151 1234567"], "person", 98, "edit", { note: "talked to Ali today" });
    forgetPerson(db, id, ["Ali"], "2026-03-01T00:00:00.000Z", PLACEHOLDER);
    const rows = db.prepare("SELECT command, changes FROM audit_log WHERE entity_id IN (98, 99) ORDER BY entity_id").all() as Array<{ command: string; changes: string }>;
    expect(rows[0]).toEqual({ command: JSON.stringify(["people", "edit", PLACEHOLDER, "--phone", "0151 1234567"]), changes: JSON.stringify({ note: `talked to ${PLACEHOLDER} today` }) });
    expect(rows[1]).toEqual({ command: JSON.stringify(["people", "add", "Alina Berg"]), changes: JSON.stringify({ name: "Alina Berg" }) });
  });

  it("erases former names and notes recorded by earlier edits", () => {
    const db = freshDb();
    const ctx = contextFor(db, ["people", "add", "Anna Berg", "--notes", "Hat drei Kinder"]);
    const id = ctx.write((audit) => addPerson(db, audit, personFields({ name: "Anna Berg", notes: "Hat drei Kinder" })));
    contextFor(db, ["people", "edit", "Anna Berg", "--name", "Anna Berg-Yilmaz"]).write((audit) =>
      editPerson(db, audit, getPerson(db, id, TODAY)!, personFields({ name: "Anna Berg-Yilmaz" }, getPerson(db, id, TODAY)!)),
    );
    forget(db, auditLog().audit, getPerson(db, id, TODAY)!, PLACEHOLDER);
    expectNoTrace(db, ["Anna Berg", "Hat drei Kinder"]);
  });
  it("erases the person from income: their payments' bank text, and their name in other texts and notes", () => {
    const db = freshDb();
    const { audit } = auditLog();
    const id = addPerson(db, audit, personFields({ name: "Zeynep Kaya", email: "zeynep@example.org" }));
    const income = (personId: number | null, sourceText: string | null, note: string | null, importKey: string | null = null) =>
      insertIncome(db, { date: "2026-02-01", amount: 2500, kind: "donation", funderId: null, groupId: null, personId, sourceText, applicationId: null, fund: null, duesYear: null, note, importKey });
    const own = income(id, "KAYA ZEYNEP SPENDE", "über zeynep@example.org bestätigt", "key-1");
    const other = income(null, "Spende Zeynep Kaya und Ben Adler", "Zeynep Kayas Nachbarin", "key-2");
    const untouched = income(null, "Sammlung Gemeindefest", "Zeynepa Kaya-Verein", null);
    forget(db, audit, getPerson(db, id, TODAY)!, PLACEHOLDER);
    const row = (incomeId: number) => db.prepare("SELECT person_id, amount, source_text, note, import_key FROM income WHERE id = ?").get(incomeId);
    expect(row(own)).toEqual({ person_id: id, amount: 2500, source_text: null, note: `über ${PLACEHOLDER} bestätigt`, import_key: "key-1" });
    // Whole words only: "Kayas" is not the name, and stays; the name itself goes.
    expect(row(other)).toEqual({ person_id: null, amount: 2500, source_text: `Spende ${PLACEHOLDER} und Ben Adler`, note: "Zeynep Kayas Nachbarin", import_key: "key-2" });
    expect(row(untouched)).toEqual({ person_id: null, amount: 2500, source_text: "Sammlung Gemeindefest", note: "Zeynepa Kaya-Verein", import_key: null });
  });
});
