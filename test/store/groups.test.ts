import { describe, expect, it } from "vitest";
import type { Db } from "../../src/core/db.js";
import { translate } from "../../src/core/i18n.js";
import { CliError } from "../../src/core/errors.js";
import type { GroupFields } from "../../src/groups/model.js";
import { addGroup, editGroup, groupFields, leaveGroup, resolveGroup, type GroupInput } from "../../src/groups/service.js";
import { countGroups, getGroup, listGroups } from "../../src/groups/store.js";
import { auditLog, cliError, count, freshDb } from "./support.js";

const TODAY = "2026-03-01";

function fields(input: GroupInput): GroupFields {
  return groupFields(input, TODAY);
}

function add(db: Db, input: GroupInput, audit = auditLog().audit): number {
  return addGroup(db, audit, fields(input));
}

function row(db: Db, id: number): Record<string, unknown> | undefined {
  return db.prepare("SELECT name, short, kind, joined_on, left_on, email, phone, notes FROM groups WHERE id = ?").get(id) as
    | Record<string, unknown>
    | undefined;
}

describe("groupFields", () => {
  it("fills defaults: kind other, joined today, nothing else", () => {
    expect(fields({ name: "  Moschee Neukölln  " })).toEqual({
      name: "Moschee Neukölln",
      short: null,
      kind: "other",
      joined: TODAY,
      left: null,
      email: null,
      phone: null,
      notes: null,
      iban: null,
    });
  });

  it("normalises kind and dates as a user types them", () => {
    const f = fields({ name: "St. Marien", kind: " Parish ", joined: "15.1.2020", left: "2026-12-31" });
    expect(f.kind).toBe("parish");
    expect(f.joined).toBe("2020-01-15");
    expect(f.left).toBe("2026-12-31");
  });

  it.each<[GroupInput, string, string | undefined]>([
    [{ name: "" }, "error.required", "name"],
    [{ name: "A", kind: "church" }, "error.notOneOf", "kind"],
    [{ name: "A", joined: "2026-02-30" }, "error.invalidDate", "joined"],
    [{ name: "A", short: "has space" }, "error.invalidShort", undefined],
    [{ name: "A", joined: "2026-01-10", left: "2026-01-09" }, "error.leftBeforeJoined", undefined],
    [{ name: "A", email: "not-an-address" }, "error.invalidEmail", "email"],
  ])("rejects %j with %s", (input, key, field) => {
    const error = cliError(() => fields(input));
    expect(error.key).toBe(key);
    expect(error.params.field).toBe(field);
  });

  it("on an edit keeps what was not given and clears what was given empty", () => {
    const base = fields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", email: "buero@marien.example" });
    const edited = groupFields({ email: "", notes: "Pfarrbüro Di–Do" }, TODAY, base);
    expect(edited).toEqual({ ...base, email: null, notes: "Pfarrbüro Di–Do" });
  });
});

describe("addGroup", () => {
  it("stores the row and records an audit entry with the fields", () => {
    const db = freshDb();
    const { entries, audit } = auditLog();
    const f = fields({ name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", phone: "+49 30 1234567" });
    const id = addGroup(db, audit, f);
    expect(row(db, id)).toEqual({
      name: "St. Marien",
      short: "marien",
      kind: "parish",
      joined_on: "2020-01-15",
      left_on: null,
      email: null,
      phone: "+49 30 1234567",
      notes: null,
    });
    expect(entries).toEqual([{ entity: "group", id, action: "add", changes: f }]);
  });

  it("refuses a duplicate name in another case: error.groupExists, no row, no audit entry", () => {
    const db = freshDb();
    add(db, { name: "St. Marien" });
    const { entries, audit } = auditLog();
    const error = cliError(() => add(db, { name: "ST. MARIEN", short: "other" }, audit));
    expect(error.key).toBe("error.groupExists");
    expect(error.params.name).toBe("St. Marien");
    expect(count(db, "groups")).toBe(1);
    expect(entries).toEqual([]);
  });

    it("refuses a duplicate name that differs in the case of a non-ASCII letter (Ö/ö)", () => {
    const db = freshDb();
    add(db, { name: "Ökumenisches Zentrum" });
    const error = cliError(() => add(db, { name: "ökumenisches zentrum" }));
    expect(error.key).toBe("error.groupExists");
    expect(count(db, "groups")).toBe(1);
  });

  it("refuses a short code another group has (any case): error.shortTaken, no row", () => {
    const db = freshDb();
    add(db, { name: "St. Marien", short: "marien" });
    const error = cliError(() => add(db, { name: "Marienschule", short: "MARIEN" }));
    expect(error.key).toBe("error.shortTaken");
    expect(error.params).toMatchObject({ short: "MARIEN", name: "St. Marien" });
    expect(count(db, "groups")).toBe(1);
  });

  it("allows many groups without a short code", () => {
    const db = freshDb();
    add(db, { name: "A" });
    add(db, { name: "B" });
    expect(count(db, "groups")).toBe(2);
  });
});

describe("resolveGroup", () => {
  function setup(): { db: Db; marien: number; mieter: number } {
    const db = freshDb();
    const marien = add(db, { name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15" });
    const mieter = add(db, { name: "Mieterinitiative Süd", short: "mis", kind: "tenants", joined: "2021-06-01" });
    return { db, marien, mieter };
  }

  it.each([
    ["the id", (ids: { marien: number }) => String(ids.marien)],
    ["#id", (ids: { marien: number }) => `#${ids.marien}`],
    ["the name", () => "St. Marien"],
    ["the name in another case", () => "st. MARIEN"],
    ["the name with spaces around it", () => "  St. Marien "],
    ["the short code", () => "marien"],
    ["the short code in capitals", () => "MARIEN"],
  ])("finds a group by %s", (_label, ref) => {
    const { db, marien } = setup();
    const group = resolveGroup(db, ref({ marien }), TODAY);
    expect(group.id).toBe(marien);
    expect(group.name).toBe("St. Marien");
    expect(group.status).toBe("active");
  });

  it("finds the other group by its own short code", () => {
    const { db, mieter } = setup();
    expect(resolveGroup(db, "mis", TODAY).id).toBe(mieter);
  });

  it("reports an unknown ref", () => {
    const { db } = setup();
    const error = cliError(() => resolveGroup(db, "Moschee", TODAY));
    expect(error.key).toBe("error.unknownGroup");
    expect(error.params.ref).toBe("Moschee");
    expect(cliError(() => resolveGroup(db, "#999", TODAY)).key).toBe("error.unknownGroup");
  });

    it("finds a group by its name with a non-ASCII letter in another case", () => {
    const db = freshDb();
    const id = add(db, { name: "Ökumenisches Zentrum" });
    expect(resolveGroup(db, "ökumenisches zentrum", TODAY).id).toBe(id);
  });

  it("reports a ref that is one group's short code and another group's name as ambiguous, listing both", () => {
    const db = freshDb();
    const a = add(db, { name: "Kiezgruppe Britz", short: "KGB" });
    const b = add(db, { name: "KGB" });
    const error = cliError(() => resolveGroup(db, "kgb", TODAY));
    expect(error.key).toBe("error.ambiguous");
    const candidates = String(error.params.candidates);
    expect(candidates).toContain(`#${a} Kiezgruppe Britz`);
    expect(candidates).toContain(`#${b} KGB`);
  });

  it("reports a number that is one group's id and another group's name as ambiguous", () => {
    const db = freshDb();
    const first = add(db, { name: "Erste" });
    add(db, { name: String(first) });
    expect(cliError(() => resolveGroup(db, String(first), TODAY)).key).toBe("error.ambiguous");
  });
});

describe("editGroup", () => {
  it("updates the row and audits each changed field as [old, new]", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", short: "marien", kind: "parish", joined: "2020-01-15", email: "alt@marien.example" });
    const group = getGroup(db, id, TODAY)!;
    const { entries, audit } = auditLog();
    const next = groupFields({ name: "Kirchengemeinde St. Marien", email: "buero@marien.example" }, TODAY, group);
    const changes = editGroup(db, audit, group, next);
    expect(changes).toEqual({
      name: ["St. Marien", "Kirchengemeinde St. Marien"],
      email: ["alt@marien.example", "buero@marien.example"],
    });
    expect(entries).toEqual([{ entity: "group", id, action: "edit", changes }]);
    expect(row(db, id)).toMatchObject({ name: "Kirchengemeinde St. Marien", short: "marien", email: "buero@marien.example" });
  });

  it("with nothing changed writes nothing and audits nothing", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", short: "marien" });
    const group = getGroup(db, id, TODAY)!;
    const { entries, audit } = auditLog();
    expect(editGroup(db, audit, group, groupFields({ name: "St. Marien" }, TODAY, group))).toEqual({});
    expect(entries).toEqual([]);
  });

  it("may change only the case of the group's own name", () => {
    const db = freshDb();
    const id = add(db, { name: "st. marien" });
    const group = getGroup(db, id, TODAY)!;
    editGroup(db, auditLog().audit, group, groupFields({ name: "St. Marien" }, TODAY, group));
    expect(row(db, id)?.name).toBe("St. Marien");
  });

  it("refuses another group's name or short code and leaves the row as it was", () => {
    const db = freshDb();
    add(db, { name: "St. Marien", short: "marien" });
    const id = add(db, { name: "Marienschule", short: "ms" });
    const group = getGroup(db, id, TODAY)!;
    const { entries, audit } = auditLog();
    expect(cliError(() => editGroup(db, audit, group, groupFields({ name: "st. marien" }, TODAY, group))).key).toBe("error.groupExists");
    expect(cliError(() => editGroup(db, audit, group, groupFields({ short: "Marien" }, TODAY, group))).key).toBe("error.shortTaken");
    expect(row(db, id)).toMatchObject({ name: "Marienschule", short: "ms" });
    expect(entries).toEqual([]);
  });
});

describe("leaveGroup, listGroups, countGroups", () => {
  it("records the leaving date and audits it as a change of 'left'", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", joined: "2020-01-15" });
    const { entries, audit } = auditLog();
    const left = leaveGroup(db, audit, getGroup(db, id, TODAY)!, "2026-02-28", TODAY);
    expect(left.left).toBe("2026-02-28");
    expect(left.status).toBe("left");
    expect(row(db, id)?.left_on).toBe("2026-02-28");
    expect(entries).toEqual([{ entity: "group", id, action: "edit", changes: { left: [null, "2026-02-28"] } }]);
  });

  it("a leaving date in the future keeps the group active until then", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", joined: "2020-01-15" });
    const group = leaveGroup(db, auditLog().audit, getGroup(db, id, TODAY)!, "2026-06-30", TODAY);
    expect(group.status).toBe("active");
    expect(listGroups(db, TODAY).map((g) => g.id)).toEqual([id]);
    expect(listGroups(db, "2026-06-30")).toEqual([]);
  });

  it("refuses a leaving date before the joining date and changes nothing", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", joined: "2020-01-15" });
    const { entries, audit } = auditLog();
    const error = cliError(() => leaveGroup(db, audit, getGroup(db, id, TODAY)!, "2020-01-14", TODAY));
    expect(error.key).toBe("error.leftBeforeJoined");
    expect(row(db, id)?.left_on).toBeNull();
    expect(entries).toEqual([]);
  });

  it("refuses to leave twice: error.alreadyLeft, first date kept", () => {
    const db = freshDb();
    const id = add(db, { name: "St. Marien", joined: "2020-01-15" });
    leaveGroup(db, auditLog().audit, getGroup(db, id, TODAY)!, "2025-12-31", TODAY);
    const error = cliError(() => leaveGroup(db, auditLog().audit, getGroup(db, id, TODAY)!, "2026-01-31", TODAY));
    expect(error).toBeInstanceOf(CliError);
    expect(error.key).toBe("error.alreadyLeft");
    expect(error.params.date).toEqual({ date: "2025-12-31" });
    expect(translate("de", error.key, error.params)).toContain("31.12.2025");
    expect(row(db, id)?.left_on).toBe("2025-12-31");
  });

  it("lists members only, sorted by name, unless all; counts active and left", () => {
    const db = freshDb();
    expect(countGroups(db, TODAY)).toEqual({ active: 0, left: 0 });
    const zion = add(db, { name: "Zionskirche", joined: "2019-05-01" });
    const alt = add(db, { name: "Altenclub", joined: "2019-05-01" });
    const gone = add(db, { name: "Mieterinitiative Süd", joined: "2019-05-01" });
    leaveGroup(db, auditLog().audit, getGroup(db, gone, TODAY)!, "2026-03-01", TODAY); // left today: no longer a member

    expect(listGroups(db, TODAY).map((g) => g.id)).toEqual([alt, zion]);
    const all = listGroups(db, TODAY, { all: true });
    expect(all.map((g) => g.id)).toEqual([alt, gone, zion]);
    expect(all.find((g) => g.id === gone)?.status).toBe("left");
    expect(countGroups(db, TODAY)).toEqual({ active: 2, left: 1 });
    // The day before it left, the group was still a member.
    expect(listGroups(db, "2026-02-28").map((g) => g.id)).toEqual([alt, gone, zion]);
    expect(countGroups(db, "2026-02-28")).toEqual({ active: 3, left: 0 });
  });
});
