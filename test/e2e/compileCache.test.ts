// bin/load-bundle.cjs keeps V8's code cache of the bundle's files in dist/.v8-cache/: written by the first run
// of a command, read by the next. A cache must never change what a run does: a damaged or foreign one is
// rejected by V8 and written again. Each test runs a copy of the program (bin/, dist/, package.json), so that
// the shared dist/ of the other tests is not touched.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newPlatform, ROOT, runEnv, tempDir } from "../helpers.js";

/** A copy of the built program in a new folder, without a cache, with the real node_modules beside it. */
function programCopy(): string {
  const dir = tempDir();
  for (const part of ["bin", "dist", "package.json"])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (source) => !source.includes(".v8-cache") });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

const cacheDir = (program: string) => join(program, "dist", ".v8-cache", `${process.version}-${process.arch}`);

function runCopy(program: string, args: string[], db: string) {
  const result = spawnSync(process.execPath, [join(program, "bin", "plattform.cjs"), ...args], { env: runEnv({ db }), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("V8's code cache of the bundle", () => {
  it("the first run writes a cache for each file it loaded, readable by its owner only; the next run reads it and prints the same", async () => {
    const program = programCopy();
    const db = await newPlatform();
    const first = runCopy(program, ["groups", "list", "--json"], db);
    expect(first.code, first.stderr).toBe(0);
    const cached = readdirSync(cacheDir(program));
    expect(cached).toContain("main.js.cache");
    expect(cached.filter((f) => f.startsWith("chunks-")).length).toBeGreaterThan(5);
    expect(cached.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(statSync(cacheDir(program)).mode & 0o777).toBe(0o700);
    for (const file of cached) expect(statSync(join(cacheDir(program), file)).mode & 0o777, file).toBe(0o600);

    const before = readFileSync(join(cacheDir(program), "main.js.cache"));
    const second = runCopy(program, ["groups", "list", "--json"], db);
    expect(second).toEqual(first);
    // a cache V8 accepted is not written again
    expect(readFileSync(join(cacheDir(program), "main.js.cache")).equals(before)).toBe(true);
  });

  it("a damaged cache file is rejected, changes nothing in the run, and is written anew", async () => {
    const program = programCopy();
    const db = await newPlatform();
    const clean = runCopy(program, ["status"], db);
    expect(clean.code, clean.stderr).toBe(0);
    const damaged = Buffer.alloc(statSync(join(cacheDir(program), "main.js.cache")).size, 7);
    writeFileSync(join(cacheDir(program), "main.js.cache"), damaged);
    const afterDamage = runCopy(program, ["status"], db);
    expect(afterDamage).toEqual(clean);
    expect(readFileSync(join(cacheDir(program), "main.js.cache")).equals(damaged)).toBe(false);
  });

  it("a run without a cache folder and one whose cache cannot be written behave alike", async () => {
    const program = programCopy();
    const db = await newPlatform();
    // a file where the cache folder would go: nothing can be written, the run goes on without a cache
    writeFileSync(join(program, "dist", ".v8-cache"), "not a folder");
    const blocked = runCopy(program, ["groups", "list"], db);
    expect(blocked.code, blocked.stderr).toBe(0);
    expect(blocked.stderr).toBe("");
    expect(existsSync(cacheDir(program))).toBe(false);
  });
});
