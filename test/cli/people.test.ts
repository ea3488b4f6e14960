// people add/list/show/edit/link/unlink/forget/import/export through the built binary.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { onServer, serverText } from "../server.js";
import { editPersonInput } from "../../src/people/service.js";
import { fileHash, run, tempDir } from "../helpers.js";
import { buildTemplate, copyOf, dataFileBytes, editWhileAnotherWrites, fails, ok, okJson, query, writeTemp } from "./util.js";

type Role = { group: string; role: string; since: string; until: string | null };
type Person = { id: number; name: string | null; email: string | null; phone: string | null; notes: string | null; forgotten: boolean; groups: Role[] };

/**
 * Groups St. Josef (JOSEF) and Al-Nur (NUR); Maria Schmidt represents JOSEF since 2024-03-01,
 * Ali Yılmaz is a key person for NUR since 2020-01-01, Paul Zimmermann has no role.
 */
let template: string;
beforeAll(async () => {
  template = await buildTemplate([
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-03-14"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2016-06-20"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2024-03-01", "--email", "maria@example.org"],
    ["people", "add", "Ali Yılmaz", "--group", "NUR", "--role", "key-person", "--since", "2020-01-01"],
    ["people", "add", "Paul Zimmermann"],
  ]);
}, 60_000);

const platform = () => copyOf(template);

describe("people: bad input fails with one line and changes nothing", () => {
  it.each<[string, string[], number]>([
    ["add: duplicate name", ["people", "add", "Maria Schmidt"], 1],
    ["add: duplicate name in another case", ["people", "add", "MARIA SCHMIDT"], 1],
    ["add: duplicate name in another case, beyond ASCII", ["people", "add", "ALİ YILMAZ"], 1],
    ["add: unknown --group", ["people", "add", "Eva", "--group", "Nirgendwo"], 1],
    ["add: --role without --group", ["people", "add", "Eva", "--role", "member"], 2],
    ["add: invalid --role", ["people", "add", "Eva", "--group", "JOSEF", "--role", "boss"], 1],
    ["add: empty name", ["people", "add", ""], 1],
    ["add: bad email", ["people", "add", "Eva", "--email", "eva(at)example.org"], 1],
    ["add: bad phone", ["people", "add", "Eva", "--phone", "ring ring"], 1],
    ["add: invalid --since", ["people", "add", "Eva", "--group", "JOSEF", "--since", "30.02.2025"], 1],
    ["add: missing name", ["people", "add"], 2],
    ["edit: unknown person", ["people", "edit", "Niemand", "--email", "n@example.org"], 1],
    ["edit: no options", ["people", "edit", "Maria Schmidt"], 1],
    ["edit: bad email", ["people", "edit", "Maria Schmidt", "--email", "maria"], 1],
    ["edit: name of another person", ["people", "edit", "Maria Schmidt", "--name", "ali yılmaz"], 1],
    ["edit: empty name", ["people", "edit", "Maria Schmidt", "--name", " "], 1],
    ["link: role already held", ["people", "link", "Maria Schmidt", "JOSEF", "--role", "representative"], 1],
    ["link: unknown group", ["people", "link", "Maria Schmidt", "Nirgendwo"], 1],
    ["link: unknown person", ["people", "link", "Niemand", "JOSEF"], 1],
    ["link: invalid role", ["people", "link", "Maria Schmidt", "NUR", "--role", "chair"], 1],
    ["link: invalid --since", ["people", "link", "Maria Schmidt", "NUR", "--since", "gestern abend"], 1],
    ["unlink: no role for that group", ["people", "unlink", "Maria Schmidt", "NUR"], 1],
    ["unlink: a role not held", ["people", "unlink", "Maria Schmidt", "JOSEF", "--role", "key-person"], 1],
    ["unlink: no role at all", ["people", "unlink", "Paul Zimmermann", "JOSEF"], 1],
    ["unlink: --until before the role began", ["people", "unlink", "Maria Schmidt", "JOSEF", "--until", "2024-02-01"], 1],
    ["unlink: unknown group", ["people", "unlink", "Maria Schmidt", "Nirgendwo"], 1],
    ["forget: unknown person", ["people", "forget", "Niemand", "--yes"], 1],
    ["show: unknown person", ["people", "show", "Niemand"], 1],
    ["list: unknown --group", ["people", "list", "--group", "Nirgendwo"], 1],
    ["list: invalid --role", ["people", "list", "--role", "boss"], 1],
    ["export: unknown format", ["people", "export", "--format", "xml"], 2],
  ])("%s", async (_what, args, code) => {
    await fails(args, { db: platform() }, code);
  });

  it("--role without --group says what is missing", async () => {
    const result = await fails(["people", "add", "Eva", "--role", "representative"], { db: platform() }, 2);
    expect(result.stderr).toContain("--group");
  });

  it("forget without --yes and without a terminal exits 1 with a hint about --yes", async () => {
    const db = platform();
    const result = await fails(["people", "forget", "Maria Schmidt"], { db, input: "y\n" }, 1);
    expect(result.stderr).toContain("--yes");
    expect(await okJson<Person>(["people", "show", "Maria Schmidt"], { db })).toMatchObject({ name: "Maria Schmidt", forgotten: false });
  });

  it("forget --no-input without --yes exits 1 too", async () => {
    const result = await fails(["people", "forget", "Maria Schmidt", "--no-input"], { db: platform() }, 1);
    expect(result.stderr).toContain("--yes");
  });

  it("forgetting twice exits 1; a forgotten person cannot be edited or linked", async () => {
    const db = platform();
    const { id } = await okJson<Person>(["people", "forget", "Paul Zimmermann", "--yes"], { db });
    await fails(["people", "forget", String(id), "--yes"], { db }, 1);
    await fails(["people", "edit", String(id), "--email", "p@example.org"], { db }, 1);
    await fails(["people", "link", String(id), "JOSEF"], { db }, 1);
  });

  it("export --out into a missing folder exits 1 with one line", async () => {
    const dir = join(tempDir(), "fehlt");
    await fails(["people", "export", "--out", join(dir, "personen.csv")], { db: platform() }, 1);
    expect(existsSync(dir)).toBe(false);
  });
});

describe("people import: errors", () => {
  it("an unknown group on a row names the line and column, and imports nothing", async () => {
    const db = platform();
    const csv = writeTemp("personen.csv", "name,group,role\nEva Berger,JOSEF,member\nFatma Demir,NIRGENDWO,member\n");
    const result = await fails(["people", "import", csv], { db }, 1);
    expect(result.stderr).toMatch(/line 3\b/);
    expect(result.stderr).toContain("group");
    expect(result.stderr).toContain("NIRGENDWO");
    const names = (await okJson<Person[]>(["people", "list"], { db })).map((p) => p.name);
    expect(names).not.toContain("Eva Berger");
  });

  it.each([
    ["a bad e-mail", "name,email\nEva,eva@example.org\nFatma,fatma\n", /line 3\b.*email/],
    ["an invalid role", "name,group,role\nEva,JOSEF,member\nFatma,JOSEF,chair\n", /line 3\b.*role/],
    ["a role without a group", "name,group,role\nEva,JOSEF,member\nFatma,,member\n", /line 3\b/],
    ["a bad since date", "name,group,since\nEva,JOSEF,2020-01-01\nFatma,JOSEF,2020-02-31\n", /line 3\b.*since/],
    ["an unknown column", "name,birthday\nEva,1990-01-01\n", /birthday/],
    ["an empty name", "name,email\nEva,eva@example.org\n,x@example.org\n", /line 3\b/],
  ])("%s", async (_what, content, pattern) => {
    const db = platform();
    const csv = writeTemp("personen.csv", content);
    const result = await fails(["people", "import", csv], { db }, 1);
    expect(result.stderr).toMatch(pattern);
    expect(await okJson<Person[]>(["people", "list"], { db })).toHaveLength(3);
  });

  it("a missing file", async () => {
    await fails(["people", "import", join(tempDir(), "fehlt.csv")], { db: platform() }, 1);
  });
});

describe("people edit beside another write (issue 19)", () => {
  it("an edit waiting for the lock keeps the other field another connection changed meanwhile", async () => {
    const db = platform();
    const maria = async () => (await okJson<Person[]>(["people", "list"], { db })).find((p) => p.name === "Maria Schmidt")!;
    const id = (await maria()).id;
    const result = await editWhileAnotherWrites(
      db,
      (handle) => editPersonInput(handle, () => undefined, id, { phone: "030 222" }, "2026-03-01"),
      ["people", "edit", "Maria Schmidt", "--notes", "kommt dienstags"],
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await maria()).toMatchObject({ phone: "030 222", notes: "kommt dienstags" });
  });
});

describe("people: success paths", () => {
  it("add with --group and --role prints the person with the role", async () => {
    const db = platform();
    const person = await okJson<Person>(
      ["people", "add", "Eva Berger", "--group", "NUR", "--role", "representative", "--since", "1.2.2025", "--email", "eva@example.org", "--phone", "0151 2345678"],
      { db },
    );
    expect(person).toMatchObject({
      id: expect.any(Number),
      name: "Eva Berger",
      email: "eva@example.org",
      phone: "0151 2345678",
      forgotten: false,
      groups: [{ group: "Moscheeverein Al-Nur", role: "representative", since: "2025-02-01", until: null }],
    });
  });

  it("add with --group and no --role makes a member from today", async () => {
    const db = platform();
    const person = await okJson<Person>(["people", "add", "Eva Berger", "--group", "JOSEF"], { db, env: { PLATTFORM_TODAY: "2026-04-01" } });
    expect(person.groups).toEqual([expect.objectContaining({ group: "St. Josef", role: "member", since: "2026-04-01" })]);
  });

  it("list filters by --group and --role", async () => {
    const db = platform();
    await ok(["people", "link", "Paul Zimmermann", "JOSEF", "--role", "member", "--since", "2025-01-01"], { db });
    const names = async (args: string[]) => (await okJson<Person[]>(["people", "list", ...args], { db })).map((p) => p.name);
    expect(await names([])).toEqual(["Ali Yılmaz", "Maria Schmidt", "Paul Zimmermann"]);
    expect(await names(["--group", "JOSEF"])).toEqual(["Maria Schmidt", "Paul Zimmermann"]);
    expect(await names(["--group", "nur"])).toEqual(["Ali Yılmaz"]);
    expect(await names(["--role", "representative"])).toEqual(["Maria Schmidt"]);
    expect(await names(["--role", "key-person"])).toEqual(["Ali Yılmaz"]);
    expect(await names(["--group", "JOSEF", "--role", "member"])).toEqual(["Paul Zimmermann"]);
    expect(await names(["--group", "NUR", "--role", "representative"])).toEqual([]);
  });

  it("show includes the roles history, past and present", async () => {
    const db = platform();
    await ok(["people", "link", "Maria Schmidt", "NUR", "--role", "key-person", "--since", "2022-01-01"], { db });
    await ok(["people", "unlink", "Maria Schmidt", "NUR", "--until", "2023-01-01"], { db });
    const maria = await okJson(["people", "show", "Maria Schmidt"], { db });
    expect(maria.name).toBe("Maria Schmidt");
    expect(maria.groups).toEqual([expect.objectContaining({ group: "St. Josef", role: "representative" })]);
    expect(maria.roles).toEqual([
      { group: "Moscheeverein Al-Nur", role: "key-person", since: "2022-01-01", until: "2023-01-01" },
      { group: "St. Josef", role: "representative", since: "2024-03-01", until: null },
    ]);
    expect(await okJson(["people", "show", String(maria.id)], { db })).toEqual(maria);
  });

  it("link and unlink change the person's current roles", async () => {
    const db = platform();
    const linked = await okJson<Person>(["people", "link", "Paul Zimmermann", "NUR", "--role", "key-person", "--since", "2025-05-05"], { db });
    expect(linked.groups).toEqual([{ group: "Moscheeverein Al-Nur", role: "key-person", since: "2025-05-05", until: null }]);
    expect((await okJson<Person[]>(["people", "list", "--group", "NUR", "--role", "key-person"], { db })).map((p) => p.name)).toContain("Paul Zimmermann");

    const unlinked = await okJson<Person>(["people", "unlink", "Paul Zimmermann", "NUR", "--until", "2025-12-31"], { db, env: { PLATTFORM_TODAY: "2026-01-15" } });
    expect(unlinked.groups).toEqual([]);
    expect((await okJson<Person[]>(["people", "list", "--group", "NUR", "--role", "key-person"], { db, env: { PLATTFORM_TODAY: "2026-01-15" } })).map((p) => p.name)).not.toContain("Paul Zimmermann");
    const roles = (await okJson(["people", "show", "Paul Zimmermann"], { db })).roles;
    expect(roles).toEqual([{ group: "Moscheeverein Al-Nur", role: "key-person", since: "2025-05-05", until: "2025-12-31" }]);
  });

  it("a person may hold two roles for one group; unlink --role ends only that one", async () => {
    const db = platform();
    await ok(["people", "link", "Maria Schmidt", "JOSEF", "--role", "key-person", "--since", "2024-06-01"], { db });
    const maria = await okJson<Person>(["people", "unlink", "Maria Schmidt", "JOSEF", "--role", "key-person", "--until", "2025-01-01"], { db });
    expect(maria.groups).toEqual([expect.objectContaining({ group: "St. Josef", role: "representative" })]);
  });

  it("edit changes the given fields", async () => {
    const db = platform();
    const edited = await okJson<Person>(["people", "edit", "Maria Schmidt", "--phone", "030 1111111", "--name", "Maria Schmidt-Özdemir"], { db });
    expect(edited).toMatchObject({ name: "Maria Schmidt-Özdemir", phone: "030 1111111", email: "maria@example.org" });
    expect((await okJson<Person>(["people", "show", "Maria Schmidt-Özdemir"], { db })).id).toBe(edited.id);
    await fails(["people", "show", "Maria Schmidt"], { db }, 1);
  });

  it("names with quotes, accents and markup round-trip exactly", async () => {
    const db = platform();
    for (const name of ["O'Brien", "Çağlar Öztürk", "<b>bold</b>", 'Jan "Janek" Nowak', "Zoë Ångström-Łukasiewicz"]) {
      const added = await okJson<Person>(["people", "add", name, "--group", "JOSEF"], { db });
      expect(added.name).toBe(name);
      expect((await okJson<Person>(["people", "show", String(added.id)], { db })).name).toBe(name);
      expect((await okJson<Person>(["people", "show", name], { db })).id).toBe(added.id);
    }
    const names = (await okJson<Person[]>(["people", "list", "--group", "JOSEF"], { db })).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["O'Brien", "Çağlar Öztürk", "<b>bold</b>"]));
  });

  it("import adds and updates people with roles; --dry-run changes nothing", async () => {
    const db = platform();
    const csv = writeTemp(
      "personen.csv",
      "name,email,phone,group,role,since,notes\n" +
        "Eva Berger,eva@example.org,,JOSEF,member,2025-01-01,\n" +
        "Maria Schmidt,maria@example.org,,JOSEF,representative,2024-03-01,\n" +
        "Paul Zimmermann,paul@example.org,,,,,\n",
    );
    const before = fileHash(db);
    const dry = await okJson(["people", "import", csv, "--dry-run"], { db });
    expect(dry).toMatchObject({ dryRun: true, added: 1, changed: 1, unchanged: 1 });
    expect(fileHash(db)).toBe(before);

    const real = await okJson(["people", "import", csv], { db });
    expect(real).toMatchObject({ dryRun: false, added: 1, changed: 1, unchanged: 1 });
    expect((await okJson<Person>(["people", "show", "Eva Berger"], { db })).groups).toEqual([
      { group: "St. Josef", role: "member", since: "2025-01-01", until: null },
    ]);
    expect((await okJson<Person>(["people", "show", "Paul Zimmermann"], { db })).email).toBe("paul@example.org");
    expect(await okJson(["people", "import", csv], { db })).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
  });

  it("export csv imports back unchanged", async () => {
    const db = platform();
    const csv = join(tempDir(), "personen.csv");
    await ok(["people", "export", "--out", csv], { db });
    expect(readFileSync(csv, "utf8").split("\n")[0]).toBe("name,email,phone,group,role,since,notes");
    expect(await okJson(["people", "import", csv], { db })).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
  });

  it("export --format json is the list", async () => {
    const db = platform();
    expect(JSON.parse((await ok(["people", "export", "--format", "json"], { db })).stdout)).toEqual(await okJson(["people", "list"], { db }));
  });
});

describe("people forget", () => {
  const NAME = "Hannelore Quast";
  const EMAIL = "hannelore.quast@example.org";
  const PHONE = "0151 98765432";

  /** A person mentioned in several audit entries: added with a role, edited, linked and unlinked by name. */
  async function platformWithHannelore(): Promise<{ db: string; id: number }> {
    const db = platform();
    const { id } = await okJson<Person>(["people", "add", NAME, "--group", "JOSEF", "--role", "key-person", "--since", "2020-01-01"], { db });
    await ok(["people", "edit", NAME, "--email", EMAIL, "--phone", PHONE], { db });
    await ok(["people", "link", NAME.toUpperCase(), "NUR", "--since", "2021-01-01"], { db });
    await ok(["people", "unlink", NAME, "NUR", "--until", "2022-01-01"], { db });
    return { db, id };
  }

  // On a server: its live rows (test/cli/maintenance-server.test.ts reads every page after forget).
  const contains = (db: string, text: string) => (onServer ? serverText(db).includes(text) : dataFileBytes(db).includes(Buffer.from(text, "utf8")));

  it("--yes erases the name, keeps the anonymised history, and leaves no trace of the name in the file", async () => {
    const { db, id } = await platformWithHannelore();
    expect(contains(db, NAME), "the test needs the name in the file before").toBe(true);
    expect(contains(db, EMAIL)).toBe(true);

    const forgotten = await okJson<Person>(["people", "forget", NAME, "--yes"], { db });
    expect(forgotten).toMatchObject({ id, name: null, email: null, phone: null, forgotten: true });

    const shown = await okJson(["people", "show", String(id)], { db });
    expect(shown).toMatchObject({ id, name: null, forgotten: true });
    expect(shown.roles).toEqual([
      { group: "St. Josef", role: "key-person", since: "2020-01-01", until: null },
      { group: "Moscheeverein Al-Nur", role: "member", since: "2021-01-01", until: "2022-01-01" },
    ]);
    expect((await okJson<Person[]>(["people", "list"], { db })).map((p) => p.id)).not.toContain(id);
    expect((await okJson<Person[]>(["people", "list", "--all"], { db })).map((p) => p.id)).toContain(id);
    await fails(["people", "show", NAME], { db }, 1);
    expect((await okJson(["status"], { db })).people).toEqual({ total: 4, forgotten: 1 });
    expect((await okJson(["groups", "show", "JOSEF"], { db })).people).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, name: null, role: "key-person" })]),
    );

    expect(existsSync(`${db}-wal`)).toBe(false);
    for (const secret of [NAME, NAME.toUpperCase(), EMAIL, PHONE, "Hannelore"]) {
      expect(contains(db, secret), `“${secret}” is still in the data file`).toBe(false);
    }
    const log = query<{ actor: string; command: string; action: string }>(db, "SELECT actor, command, action FROM audit_log ORDER BY id");
    expect(log.at(-1)).toMatchObject({ action: "forget" });
  });

  it("works by id and in German", async () => {
    const { db, id } = await platformWithHannelore();
    const result = await ok(["people", "forget", String(id), "--yes", "--lang", "de"], { db });
    expect(result.stdout).toContain("gelöscht");
    expect(contains(db, NAME)).toBe(false);
  });

  it("a former name (before a rename) does not survive forget", async () => {
    const { db } = await platformWithHannelore();
    await ok(["people", "edit", NAME, "--name", "Hannelore Quast-Berg"], { db });
    await ok(["people", "forget", "Hannelore Quast-Berg", "--yes"], { db });
    expect(contains(db, "Hannelore")).toBe(false);
  });

  it("notes do not survive forget", async () => {
    const db = platform();
    await ok(["people", "add", NAME, "--notes", "Pflegt ihre Mutter, Diagnose Demenz"], { db });
    await ok(["people", "forget", NAME, "--yes"], { db });
    expect(contains(db, "Diagnose Demenz")).toBe(false);
  });

  it("without --yes nothing is erased, even with 'y' on stdin", async () => {
    const db = platform();
    const result = await run(["people", "forget", "Maria Schmidt"], { db, input: "y\n" });
    expect(result.code).toBe(1);
    expect((await okJson<Person>(["people", "show", "Maria Schmidt"], { db })).forgotten).toBe(false);
  });
});

describe("people list of a long list", () => {
  it("prints every person in batches, the same in columns and as JSON as for a short list", async () => {
    const db = join(tempDir(), "many.db");
    await ok(["init", "--name", "Viele", "--lang", "en"], { db });
    await ok(["groups", "add", "Gruppe", "--short", "G", "--joined", "2019-01-01"], { db });
    const rows = Array.from({ length: 1234 }, (_, i) => `Person ${String(i).padStart(4, "0")},p${i}@example.org,G,member,2020-01-01`);
    await ok(["people", "import", writeTemp("viele.csv", ["name,email,group,role,since", ...rows, ""].join("\n"))], { db });
    const list = await okJson<Array<{ id: number; name: string; groups: Array<{ group: string }> }>>(["people", "list"], { db });
    expect(list).toHaveLength(1234);
    expect(list.every((p) => p.groups.length === 1 && p.groups[0]!.group === "Gruppe")).toBe(true);
    expect(list.map((p) => p.name)).toEqual(rows.map((r) => r.split(",")[0]));
    const lines = (await ok(["people", "list"], { db })).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1235);
    expect(lines[1]).toMatch(/^1 +Person 0000 +Gruppe \(member\) +p0@example\.org$/);
    expect(new Set(lines.slice(1).map((l) => l.indexOf("Person")))).toEqual(new Set([lines[1]!.indexOf("Person")]));
  });
});
