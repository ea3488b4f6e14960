// scripts/check-boundaries.mjs on small trees: each rule fails when broken, and the real src/ passes.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../scripts/check-boundaries.mjs";

const SCRIPT = join(import.meta.dirname, "..", "..", "scripts", "check-boundaries.mjs");
const none = { knownImports: new Set<string>() };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A tree that keeps every rule: groups (layer 1) behind its index, people using it, SQL in the stores. */
const CLEAN: Record<string, string> = {
  "core/db.ts": 'export type Db = { prepare(sql: string): unknown };\nexport const open = (db: Db) => db.prepare("PRAGMA user_version");\n',
  "groups/store.ts": 'import type { Db } from "../core/db.js";\nexport const countGroups = (db: Db) => db.prepare("SELECT count(*) FROM groups");\n',
  "groups/index.ts": 'export { countGroups } from "./store.js";\n',
  "people/service.ts": 'import { countGroups } from "../groups/index.js";\nexport const groups = countGroups;\nconst m = /^(\\d+)$/.exec("12");\n',
  "people/index.ts": 'export { groups } from "./service.js";\n',
  "main.ts": 'import { commands } from "./people/commands.js";\nexport const all = commands;\n',
  "people/commands.ts": 'export const list = { path: "people list" };\nexport const commands = [{ ...list, run: () => import("./handlers.js") }];\n',
  "people/handlers.ts": 'import type * as def from "./commands.js";\nimport { groups } from "./service.js";\nexport const list = (d: typeof def.list) => [d, groups];\n',
};

function tree(changes: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "boundaries-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries({ ...CLEAN, ...changes })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("check-boundaries", () => {
  it("passes a tree that keeps the rules", () => {
    expect(check(tree(), none)).toEqual([]);
  });

  it("lets a handler import its definitions' types, and only their types, from any area", () => {
    const typed = 'import type * as def from "../people/commands.js";\nexport const x = (d: typeof def.list) => d;\n';
    expect(check(tree({ "groups/handlers.ts": typed }), none)).toEqual([]);
    const problems = check(tree({ "groups/handlers.ts": 'import { list } from "../people/commands.js";\nexport const x = list;\n' }), none);
    expect(problems).toEqual([
      "groups/handlers.ts:1: groups (layer 1) must not import cli (layer 6): ../people/commands.js",
      "groups/handlers.ts:1: import cli/ only through its index.ts, not ../people/commands.js",
      "groups/handlers.ts:1: area cycle: groups -> cli -> people -> groups",
    ]);
  });

  it("counts no type-only import towards a cycle (types are erased at build), but every value import", () => {
    const typeCycle = {
      "groups/a.ts": 'import type { B } from "./b.js";\nexport type A = B | 1;\nexport const a = 1;\n',
      "groups/b.ts": 'import { a } from "./a.js";\nexport type B = 2;\nexport const b = a;\n',
    };
    expect(check(tree(typeCycle), none)).toEqual([]);
    const valueCycle = { "groups/a.ts": 'import { b } from "./b.js";\nexport const a = b;\n', "groups/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n' };
    expect(check(tree(valueCycle), none)).toHaveLength(1);
  });

  it("lets the composition root's catalogue gather every area's words, and core/i18n.ts load it lazily", () => {
    const words = {
      "groups/messages/en.ts": 'export const en = { "groups.none": "No groups." };\n',
      "app/messages/en.ts": 'import { en as groups } from "../../groups/messages/en.js";\nexport const messages = { ...groups };\n',
      "core/i18n.ts": 'import type { messages } from "../app/messages/en.js";\nexport type Key = keyof typeof messages;\nexport const load = () => import("../app/messages/en.js");\n',
    };
    expect(check(tree(words), none)).toEqual([]);
    const problems = check(tree({ ...words, "people/service.ts": 'import { en } from "../groups/messages/en.js";\nexport const groups = en;\n' }), none);
    expect(problems).toEqual(["people/service.ts:1: import groups/ only through its index.ts, not ../groups/messages/en.js"]);
  });

  it("fails on an import cycle between files", () => {
    const problems = check(tree({ "groups/a.ts": 'import { b } from "./b.js";\nexport const a = 1;\n', "groups/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n' }), none);
    expect(problems).toEqual([expect.stringMatching(/^groups\/a\.ts:1: import cycle: groups\/a\.ts -> groups\/b\.ts -> groups\/a\.ts$/)]);
  });

  it("fails on an import of another area's file other than its index.ts", () => {
    const problems = check(tree({ "people/service.ts": 'import { countGroups } from "../groups/store.js";\nexport const groups = countGroups;\n' }), none);
    expect(problems).toEqual(["people/service.ts:1: import groups/ only through its index.ts, not ../groups/store.js"]);
  });

  it("fails on an import from a higher layer, and on a same-layer import not listed", () => {
    const problems = check(
      tree({
        "teams/index.ts": "export const teams = 1;\n",
        "groups/service.ts": 'import { teams } from "../teams/index.js";\nimport { groups } from "../people/index.js";\nexport const x = [teams, groups];\n',
      }),
      none,
    );
    expect(problems).toEqual([
      "groups/service.ts:1: groups (layer 1) must not import teams (layer 2): ../teams/index.js",
      "groups/service.ts:2: groups (layer 1) must not import people (layer 1): ../people/index.js",
      "groups/service.ts:2: area cycle: groups -> people -> groups",
    ]);
  });

  it("fails on an area cycle that no single file shows", () => {
    const problems = check(tree({ "groups/members.ts": 'import { groups } from "../people/index.js";\nexport const m = groups;\n' }), {
      ...none,
      sameLayer: new Set(["people>groups", "groups>people"]),
    });
    expect(problems.some((p) => /area cycle: (groups -> people -> groups|people -> groups -> people)$/.test(p))).toBe(true);
  });

  it("fails on .prepare( or .exec( SQL outside a store, core/db.ts and migrations", () => {
    const problems = check(
      tree({
        "people/service.ts": 'import type { Db } from "../core/db.js";\nexport const groups = (db: Db) =>\n  db.prepare("SELECT 1");\nexport const wipe = (db: { exec(s: string): void }) => db.exec("DELETE FROM people");\n',
        "migrations/0001_init.ts": 'export default (db: { exec(s: string): void }) => db.exec("CREATE TABLE x (id)");\n',
      }),
      none,
    );
    expect(problems).toEqual([
      "people/service.ts:3: SQL belongs in the store of the area that owns the table",
      "people/service.ts:4: SQL belongs in the store of the area that owns the table",
    ]);
  });

  it("fails on a known import that no longer exists, so the list of exceptions only shrinks", () => {
    expect(check(tree(), { knownImports: new Set(["people/service.ts>teams"]) })).toEqual([
      "scripts/check-boundaries.mjs: KNOWN entry people/service.ts>teams matches no import any more: remove it",
    ]);
  });

  it("exits 1 with one file:line per violation, and 0 on the real src/", () => {
    const broken = spawnSync(process.execPath, [SCRIPT, tree({ "groups/service.ts": 'export const q = (db: { prepare(s: string): void }) => db.prepare("SELECT 1");\n' })], { encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("groups/service.ts:1: SQL belongs in the store");
    expect(execFileSync(process.execPath, [SCRIPT], { encoding: "utf8" })).toBe("");
  });
});
