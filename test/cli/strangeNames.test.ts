// Valid but strange names survive exactly: JSON gives them back byte for byte; HTML escapes them, CSV defuses
// formulas, and the terminal output strips control characters (which plattform never accepts as input, but
// another program may have written into the file).
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPlatform } from "../helpers.js";
import { onServer, openServerDb } from "../server.js";
import { copyOf, fails, ok, okJson, writeTemp } from "./util.js";

const NAMES = [
  "O'Brien",
  "Çağlar Öztürk",
  "<b>Fett</b>",
  "=SUM(A1)",
  "+49 Gruppe",
  "@Nachbarschaft",
  "مجموعة الأمل",
  "קהילת שלום",
  "Robert'); DROP TABLE groups;--",
  "İlkay & Iğdır \"Zentrum\"",
];

let template: string;
const dirs: string[] = [];
beforeAll(async () => {
  template = await newPlatform(["--lang", "en"]);
  dirs.push(join(template, ".."));
}, 60_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("a round trip through --json", () => {
  it.each(NAMES)("group and person %j", async (name) => {
    const db = copyOf(template);
    const group = await okJson(["groups", "add", name, "--kind", "other"], { db });
    expect(group.name).toBe(name);
    expect((await okJson(["groups", "show", String(group.id)], { db })).name).toBe(name);
    expect((await okJson<Array<{ name: string }>>(["groups", "list"], { db })).map((g) => g.name)).toEqual([name]);
    const person = await okJson(["people", "add", name, "--group", String(group.id)], { db });
    expect(person.name).toBe(name);
    expect(person.groups).toEqual([expect.objectContaining({ group: name })]);
    expect((await okJson(["people", "show", name], { db })).name).toBe(name);
  });
});

describe("in the outputs", () => {
  it("CSV export neutralises formulas, and imports back to the same names", async () => {
    const db = copyOf(template);
    for (const name of NAMES) await ok(["groups", "add", name, "--kind", "other"], { db });
    const csv = (await ok(["groups", "export"], { db })).stdout;
    expect(csv).toContain("\n'=SUM(A1),");
    expect(csv).toContain("\n'+49 Gruppe,");
    expect(csv).toContain("\n'@Nachbarschaft,");
    expect(csv).not.toMatch(/^[=+@]/m);
    const fresh = copyOf(template);
    await ok(["groups", "import", writeTemp("groups.csv", csv)], { db: fresh });
    expect((await okJson<Array<{ name: string }>>(["groups", "list"], { db: fresh })).map((g) => g.name).sort()).toEqual([...NAMES].sort());
  });

  it("HTML escapes them", async () => {
    const db = copyOf(template);
    await ok(["meetings", "add", "kernkreis", "--date", "2026-04-01", "--place", "<b>Fett</b>"], { db });
    await ok(["meetings", "item", "add", "1", "<script>alert(1)</script> & =SUM(A1)"], { db });
    await ok(["meetings", "item", "add", "1", "مجموعة الأمل"], { db });
    const html = (await ok(["report", "agenda", "1", "--format", "html"], { db })).stdout;
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; =SUM(A1)");
    expect(html).toContain("&lt;b&gt;Fett&lt;/b&gt;");
    expect(html).toContain("مجموعة الأمل");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>Fett");
  });

  it("the terminal gets no control characters; --json keeps the stored text exactly", async () => {
    const db = copyOf(template);
    const stored = "Rot\u001b[31m\u0007Gruppe\u009b2J\u001b]0;Titel\u0007 Ende";
    // plattform refuses control characters as input …
    await fails(["groups", "add", stored, "--kind", "other"], { db }, 1);
    // … but another program may write them into the file.
    const conn = onServer ? openServerDb(db) : new Database(db);
    conn.prepare("INSERT INTO groups (name, name_key, kind, joined_on, created_at) VALUES (?, ?, 'other', '2020-01-01', '2020-01-01T00:00:00.000Z')").run(stored, stored.toLowerCase());
    conn.close();
    for (const args of [["groups", "list"], ["groups", "show", "1"], ["status"]]) {
      const out = (await ok(args, { db })).stdout;
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect((await ok(["groups", "list"], { db })).stdout).toContain("RotGruppe Ende");
    expect((await okJson(["groups", "show", "1"], { db })).name).toBe(stored);
  });

  it("right-to-left names line up in the terminal table as they are", async () => {
    const db = copyOf(template);
    await ok(["groups", "add", "مجموعة الأمل", "--short", "AMAL", "--kind", "migrants"], { db });
    expect((await ok(["groups", "list"], { db })).stdout).toContain("مجموعة الأمل");
  });
});
