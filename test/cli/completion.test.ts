// Issue 18 item 4: `plattform completion bash|zsh|fish` and the hidden `plattform __complete <words…>` it calls.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_LISTS, completions, GLOBAL_OPTIONS } from "../../src/cli/complete.js";
import { buildProgram, Cli } from "../../src/cli/program.js";
import { GROUP_KINDS } from "../../src/groups/model.js";
import { MEETING_KINDS } from "../../src/meetings/model.js";
import { FUNDER_KINDS, INCOME_KINDS, STAGES } from "../../src/fundraising/model.js";
import { ROLES } from "../../src/people/model.js";
import { TEAM_KINDS, TEAM_ROLES } from "../../src/teams/model.js";
import { CONVERSATION_KINDS } from "../../src/conversations/model.js";
import { BIN, fileHash, newPlatform, run, runEnv, spawnRun, tempDir } from "../helpers.js";
import { dbTarget } from "../server.js";
import { demoWorld, WORLD_TODAY } from "../worlds.js";

const DEMO_CODES = ["AMAL", "JOSEF", "NUR"];

/** Completes like bash: sources the script, sets COMP_WORDS/COMP_CWORD, calls the function, prints COMPREPLY. */
function bashComplete(line: string, db: string): string[] {
  const bin = join(tempDir(), "bin");
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, "plattform"));
  const words = line.split(" ");
  const script = [
    'source <(plattform completion bash)',
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_plattform",
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  const env = runEnv({ db, env: { PATH: `${bin}:${process.env.PATH}`, PLATTFORM_TODAY: WORLD_TODAY } });
  const result = spawnSync("bash", ["-c", script], { env, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split("\n").filter(Boolean);
}

describe("plattform completion", () => {
  it("bash: `plattform groups show <Tab>` offers the demo's group codes, read from the data file unchanged", () => {
    const db = demoWorld();
    const before = fileHash(db);
    const offered = bashComplete("plattform groups show ", db);
    for (const code of DEMO_CODES) expect(offered).toContain(code);
    expect(bashComplete("plattform groups show JO", db)).toEqual(["JOSEF"]);
    expect(fileHash(db)).toBe(before);
    expect(existsSync(`${db}-shm`)).toBe(false);
  });

  it("bash: commands, subcommands, options, values and files", () => {
    const db = demoWorld();
    expect(bashComplete("plattform gro", db)).toEqual(["groups"]);
    expect(bashComplete("plattform meetings ", db)).toEqual(expect.arrayContaining(["add", "list", "show", "item"]));
    expect(bashComplete("plattform people list --ro", db)).toEqual(["--role"]);
    expect(bashComplete("plattform people list --role ", db)).toEqual([...ROLES]);
    expect(bashComplete("plattform funds stage 1 ", db)).toEqual([...STAGES]);
  });

  it("zsh and fish scripts are printed too; another shell is a usage error", async () => {
    expect((await run(["completion", "zsh"])).stdout).toContain("compdef _plattform plattform");
    expect((await run(["completion", "fish"])).stdout).toContain("complete -c plattform");
    const other = await run(["completion", "tcsh"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/tcsh/);
  });

  it("__complete offers people, meetings (next, last, ids), votes and elections, and honours --db", async () => {
    const db = demoWorld();
    const env = { PLATTFORM_TODAY: WORLD_TODAY };
    const people = spawnRun(["__complete", "--db", db, "people", "show", ""], { env }).stdout.split("\n");
    expect(people.length).toBeGreaterThan(10);
    const meetings = spawnRun(["__complete", "meetings", "show", ""], { db, env }).stdout.split("\n");
    expect(meetings.slice(0, 2)).toEqual(["next", "last"]);
    expect(meetings).toContain("1");
    expect(spawnRun(["__complete", "votes", "show", ""], { db }).stdout).toMatch(/^\d+$/m);
    expect(spawnRun(["__complete", "elections", "tally", ""], { db }).stdout).toMatch(/^\d+$/m);
    expect(spawnRun(["__complete", "groups", "import", ""], { db }).stdout).toBe(":files\n");
  });

  it("__complete prints nothing (and exits 0) without a data file, or for a file that is not ours", async () => {
    const missing = join(tempDir(), "none.db");
    const result = spawnRun(["__complete", "groups", "show", ""], { db: missing });
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(missing)).toBe(false);
  });

  it("a Tab writes nothing to the data file", async () => {
    const db = await newPlatform();
    await run(["groups", "add", "St. Josef", "--short", "JOSEF"], { db });
    const before = fileHash(db);
    expect(await completions(["--db", dbTarget(db), "groups", "show", ""])).toEqual(["JOSEF", "St. Josef"]);
    expect(spawnRun(["__complete", "groups", "show", ""], { db }).code).toBe(0);
    expect(fileHash(db)).toBe(before);
  });
});

describe("the completion's own lists stay those of the program", () => {
  it("the code lists equal the areas' models", () => {
    expect(CODE_LISTS.kind!.groups).toEqual([...GROUP_KINDS]);
    expect(CODE_LISTS.kind!.meetings).toEqual([...MEETING_KINDS]);
    expect(CODE_LISTS.kind!["fundraising funders"]).toEqual([...FUNDER_KINDS]);
    expect(CODE_LISTS.kind!["fundraising income"]).toEqual([...INCOME_KINDS]);
    expect(CODE_LISTS.kind!.teams).toEqual([...TEAM_KINDS]);
    expect(CODE_LISTS.kind!.conversations).toEqual([...CONVERSATION_KINDS]);
    expect(CODE_LISTS.role!.people).toEqual([...ROLES]);
    expect(CODE_LISTS.role!.teams).toEqual([...TEAM_ROLES]);
    expect(CODE_LISTS.stage!.fundraising).toEqual([...STAGES]);
  });

  it("the global options are the program's", () => {
    const program = buildProgram(new Cli([], "en"));
    const longs = program.options.map((o) => o.long).filter((l) => l !== "--version");
    expect(GLOBAL_OPTIONS.map((o) => o.long).filter((l) => l !== "--help").sort()).toEqual(longs.sort());
    for (const option of GLOBAL_OPTIONS) {
      const declared = program.options.find((o) => o.long === option.long);
      if (declared) expect(Boolean(option.value), option.long).toBe(declared.required || declared.optional);
    }
  });
});
