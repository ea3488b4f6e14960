// The conventions of CLI.md that every command shares: languages, colour, JSON, help, version, global options,
// error lines and --debug.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, oneLineError, run, tempDir } from "../helpers.js";
import { buildTemplate, copyOf, fails, ok, okJson } from "./util.js";

/** An English platform with two groups (one left) and two people (one a member of JOSEF). */
let english: string;
/** The same, set up as a German platform. */
let german: string;
beforeAll(async () => {
  const commands = [
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-03-14", "--email", "info@stjosef.example"],
    ["groups", "add", "Kita Sonnenschein", "--short", "KITA", "--kind", "school", "--joined", "2018-01-01"],
    ["groups", "leave", "KITA", "--date", "2024-12-31"],
    ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "member", "--since", "2020-01-01"],
    ["people", "add", "Ali Yılmaz", "--group", "JOSEF", "--role", "representative", "--since", "2020-01-01"],
  ];
  english = await buildTemplate(commands, ["--name", "Testplattform", "--lang", "en"]);
  german = await buildTemplate(commands, ["--name", "Testplattform", "--lang", "de"]);
}, 60_000);

const READ_COMMANDS: string[][] = [
  ["groups", "list"],
  ["groups", "list", "--all"],
  ["groups", "show", "JOSEF"],
  ["groups", "show", "KITA"],
  ["people", "list"],
  ["people", "list", "--group", "JOSEF", "--role", "member"],
  ["people", "show", "Maria Schmidt"],
  ["status"],
  ["config", "get"],
  ["config", "get", "quorum"],
];

describe("languages", () => {
  // [command, words that must appear in German, words that must appear in English]
  const cases: Array<[string[], string[], string[]]> = [
    [["groups", "list", "--all"], ["Kürzel", "Art", "Beigetreten", "Mitglied", "ausgetreten 31.12.2024", "Kirchengemeinde"], ["Short", "Kind", "Joined", "member", "left 2024-12-31", "parish"]],
    [["groups", "show", "JOSEF"], ["Kürzel", "Beigetreten", "Personen", "Rolle", "Vertreter/in", "14.03.2016"], ["Short", "Joined", "People", "Role", "representative", "2016-03-14"]],
    [["people", "list"], ["Gruppen", "Telefon", "Mitglied"], ["Groups", "Phone", "member"]],
    [["people", "show", "Maria Schmidt"], ["Rollen", "Gruppe", "Seit", "Mitglied", "01.01.2020"], ["Roles", "Group", "Since", "member", "2020-01-01"]],
    [["status"], ["Mitgliedsgruppen", "1 aktiv, 1 ausgetreten", "Personen", "Datendatei"], ["Member groups", "1 active, 1 left", "People", "Data file"]],
    [["config", "get"], ["Einstellung", "Wert", "Name der Plattform"], ["Setting", "Value", "Name of the platform"]],
  ];

  it.each(cases)("%j in --lang de and --lang en", async (args, deWords, enWords) => {
    for (const db of [copyOf(english), copyOf(german)]) {
      const de = (await ok([...args, "--lang", "de"], { db })).stdout;
      const en = (await ok(["--lang", "en", ...args], { db })).stdout;
      for (const word of deWords) expect(de).toContain(word);
      for (const word of enWords) expect(en).toContain(word);
      expect(en).not.toContain(deWords[0]);
      expect(de).not.toContain(enWords[0]);
    }
  });

  it.each<[string, string[], number]>([
    ["an unknown group", ["groups", "show", "Nirgendwo"], 1],
    ["an invalid date", ["groups", "add", "Neu", "--joined", "31.02.2026"], 1],
    ["an unknown command", ["grops"], 2],
    ["an unknown option", ["groups", "list", "--bogus"], 2],
    ["a missing argument", ["groups", "add"], 2],
  ])("errors in both languages: %s", async (_what, args, code) => {
    const db = copyOf(english);
    expect((await fails([...args, "--lang", "de"], { db }, code)).stderr).toMatch(/^Fehler: /);
    expect((await fails([...args, "--lang", "en"], { db: copyOf(german) }, code)).stderr).toMatch(/^error: /);
  });

  it("a missing data file in both languages", async () => {
    const db = `${tempDir()}/fehlt.db`;
    expect((await fails(["status", "--lang", "de"], { db }, 3)).stderr).toMatch(/^Fehler: .*plattform init/);
    expect((await fails(["status", "--lang", "en"], { db }, 3)).stderr).toMatch(/^error: .*plattform init/);
  });

  it("without --lang: the platform's language", async () => {
    expect((await ok(["groups", "list"], { db: copyOf(german) })).stdout).toContain("Kürzel");
    expect((await ok(["groups", "list"], { db: copyOf(english) })).stdout).toContain("Short");
    expect((await fails(["groups", "show", "Nirgendwo"], { db: copyOf(german) }, 1)).stderr).toMatch(/^Fehler: /);
  });

  it("PLATTFORM_LANG beats the platform's language, --lang beats PLATTFORM_LANG", async () => {
    expect((await ok(["groups", "list"], { db: copyOf(english), env: { PLATTFORM_LANG: "de" } })).stdout).toContain("Kürzel");
    expect((await ok(["groups", "list"], { db: copyOf(german), env: { PLATTFORM_LANG: "en" } })).stdout).toContain("Short");
    expect((await ok(["groups", "list", "--lang", "en"], { db: copyOf(english), env: { PLATTFORM_LANG: "de" } })).stdout).toContain("Short");
  });

  it("a German LANG makes a new platform German", async () => {
    const db = `${tempDir()}/plattform.db`;
    await ok(["init"], { db, env: { LANG: "de_DE.UTF-8" } });
    expect((await okJson(["config", "get"], { db })).language).toBe("de");
    expect((await ok(["status"], { db })).stdout).toContain("Mitgliedsgruppen");
  });

  it("help in German", async () => {
    const help = (await ok(["groups", "add", "--help", "--lang", "de"])).stdout;
    expect(help).toContain("Beispiele");
    expect(help).toContain("Mitgliedsgruppe anlegen");
    expect((await ok(["--help"], { env: { PLATTFORM_LANG: "de" } })).stdout).toContain("Beispiele");
  });
});

describe("no colour codes where they do not belong", () => {
  const ESC = "\u001b";

  it.each(READ_COMMANDS)("%s %s %s with NO_COLOR=1, piped, and --no-color", async (...args) => {
    const db = copyOf(english);
    for (const env of [{}, { NO_COLOR: undefined }]) {
      const result = await ok(args, { db, env });
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout).not.toContain(ESC);
      expect(result.stderr).not.toContain(ESC);
    }
    expect((await ok([...args, "--no-color"], { db, env: { NO_COLOR: undefined } })).stdout).not.toContain(ESC);
  });

  it("help, errors and the demo tour carry no escape characters", async () => {
    const db = copyOf(english);
    for (const env of [{}, { NO_COLOR: undefined }]) {
      for (const args of [["--help"], ["groups", "--help"], ["groups", "add", "--help"], ["people", "list", "--help"]]) {
        const result = await ok(args, { db, env });
        expect(result.stdout).toContain("Examples");
        expect(result.stdout).not.toContain(ESC);
      }
      expect((await run(["groups", "show", "Nirgendwo"], { db, env })).stderr).not.toContain(ESC);
      expect((await run(["grops"], { db, env })).stderr).not.toContain(ESC);
      expect((await ok(["demo", "--db", `${tempDir()}/demo.db`], { env })).stdout).not.toContain(ESC);
    }
  });

  it("escape sequences in user input are refused, so they never reach a terminal", async () => {
    const db = copyOf(english);
    await fails(["groups", "edit", "JOSEF", "--notes", "rot \u001b[31mROT\u001b[0m"], { db }, 1);
    await fails(["people", "add", "\u001b[31mRot"], { db }, 1);
  });
});

describe("--json", () => {
  it.each(READ_COMMANDS)("%s %s %s prints one JSON document", async (...args) => {
    const db = copyOf(english);
    const result = await ok([...args, "--json"], { db });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout).not.toContain("\u001b");
    // the same before the subcommand
    expect(JSON.parse((await ok(["--json", ...args], { db })).stdout)).toEqual(JSON.parse(result.stdout));
  });

  it("list prints an array, show prints an object", async () => {
    const db = copyOf(english);
    expect(Array.isArray(await okJson(["groups", "list"], { db }))).toBe(true);
    expect(Array.isArray(await okJson(["people", "list"], { db }))).toBe(true);
    const person = await okJson(["people", "show", "Maria Schmidt"], { db });
    expect(person).toMatchObject({ id: expect.any(Number), name: "Maria Schmidt", groups: [{ group: "St. Josef", role: "member" }] });
  });

  it("exports in JSON parse", async () => {
    const db = copyOf(english);
    expect(JSON.parse((await ok(["groups", "export", "--format", "json"], { db })).stdout)).toHaveLength(2);
    expect(JSON.parse((await ok(["people", "export", "--format", "json"], { db })).stdout)).toHaveLength(2);
  });

  it("JSON is the same in both languages", async () => {
    for (const args of READ_COMMANDS) {
      const db = copyOf(english);
      expect(await okJson([...args, "--lang", "de"], { db })).toEqual(await okJson([...args, "--lang", "en"], { db }));
    }
  });

  it("an error with --json still goes to stderr, one line, nothing on stdout", async () => {
    await fails(["groups", "show", "Nirgendwo", "--json"], { db: copyOf(english) }, 1);
  });
});

describe("version and help", () => {
  it("--version and -V print the version and exit 0", async () => {
    for (const flag of ["--version", "-V"]) {
      const result = await ok([flag]);
      expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  const COMMANDS = [
    [], ["init"], ["demo"], ["status"], ["config"], ["config", "get"], ["config", "set"],
    ["groups"], ["groups", "add"], ["groups", "list"], ["groups", "show"], ["groups", "edit"], ["groups", "leave"], ["groups", "import"], ["groups", "export"],
    ["people"], ["people", "add"], ["people", "list"], ["people", "show"], ["people", "edit"], ["people", "link"], ["people", "unlink"], ["people", "forget"], ["people", "import"], ["people", "export"],
  ];

  it.each(COMMANDS)("%s %s --help leads with examples", async (...command) => {
    for (const flag of command.length % 2 === 0 ? ["--help"] : ["-h"]) {
      const result = await ok([...command, flag]);
      expect(result.stdout).toContain("Examples");
      expect(result.stdout.indexOf("Examples")).toBeLessThan(result.stdout.indexOf("Usage"));
      expect(result.stdout).toContain("$ plattform");
    }
  });

  it("help needs no data file and creates none", async () => {
    const db = `${tempDir()}/plattform.db`;
    await ok(["groups", "add", "--help"], { db });
    await ok(["people", "--help"], { db });
    expect((await run(["status"], { db })).code).toBe(3);
  });

  it("`plattform help groups` exits 0", async () => {
    const result = await run(["help", "groups"]);
    expect(result.stdout).toContain("Examples");
    expect(result.code).toBe(0);
  });

  it("groups add --help --lang de shows Beispiele", async () => {
    expect((await ok(["groups", "add", "--help", "--lang", "de"])).stdout).toContain("Beispiele");
    expect((await ok(["--lang", "de", "groups", "add", "--help"])).stdout).toContain("Beispiele");
  });
});

describe("global options before or after the subcommand", () => {
  it("--json, --db, --lang and --as work in either place", async () => {
    const db = copyOf(english);
    const before = JSON.parse((await ok(["--json", "groups", "list"], { db })).stdout);
    const after = JSON.parse((await ok(["groups", "list", "--json"], { db })).stdout);
    expect(after).toEqual(before);
    expect(after).toHaveLength(1);

    expect(JSON.parse((await ok(["groups", "list", "--json", "--db", db], { env: { PLATTFORM_DB: undefined } })).stdout)).toEqual(before);
    expect(JSON.parse((await ok(["--db", db, "groups", "list", "--json"], { env: { PLATTFORM_DB: undefined } })).stdout)).toEqual(before);
    expect((await ok(["groups", "list", "--lang=de"], { db })).stdout).toContain("Kürzel");
  });
});

describe("errors and --debug", () => {
  it("without --debug: one line; with --debug: the stack too", async () => {
    const db = copyOf(english);
    const plain = await fails(["groups", "add", "St. Josef"], { db }, 1);
    expect(plain.stderr.trimEnd().split("\n")).toHaveLength(1);

    for (const [args, env] of [
      [["groups", "add", "St. Josef", "--debug"], {}],
      [["--debug", "groups", "add", "St. Josef"], {}],
      [["groups", "add", "St. Josef"], { DEBUG: "plattform" }],
    ] as Array<[string[], Record<string, string>]>) {
      const result = await run(args, { db, env });
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[0]).toBe(plain.stderr.trimEnd());
      expect(result.stderr).toMatch(/\n\s+at /);
    }
  });

  it("--debug shows the stack of a data file error", async () => {
    const result = await run(["status", "--debug"], { db: `${tempDir()}/fehlt.db` });
    expect(result.code).toBe(3);
    expect(result.stderr.trimEnd().split("\n").length).toBeGreaterThan(1);
  });

  it("errors follow the form `error: <what> — <hint>`", async () => {
    const db = copyOf(english);
    for (const args of [["groups", "show", "Nirgendwo"], ["groups", "add", "St. Josef"], ["grops"], ["people", "forget", "Maria Schmidt"]]) {
      const result = await run(args, { db });
      expect(oneLineError(result.stderr)).toBe(true);
      expect(result.stderr).toMatch(/^error: .+ — .+\n$/);
    }
  });

  it("a closed pipe on stdout ends the command quietly", async () => {
    const db = copyOf(english);
    const child = spawn(process.execPath, [BIN, "groups", "list", "--all"], {
      env: { PATH: process.env.PATH ?? "", HOME: tempDir(), NO_COLOR: "1", LANG: "C.UTF-8", PLATTFORM_DB: db },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain("EPIPE");
  });
});
