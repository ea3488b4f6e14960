// A guard for the start-up path that times nothing: which files and packages `plattform --version`, `--help`
// and `elections tally --blt` load (PLATTFORM_DEBUG_IMPORTS=1 lists them at exit), and what dist/main.js
// imports statically. Heavy libraries must stay behind the commands that use them (issue 7; measure with
// `npm run bench`).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledSources } from "../../src/core/debugImports.js";
import { newPlatform, ROOT, run, spawnRun, tempDir } from "../helpers.js";
import { demoWorld } from "../worlds.js";

const BLT = fileURLToPath(new URL("../data/stv/scottish/Partick-West-2007.blt", import.meta.url));

/** Never on the path of --version or --help: prompts, PDF, Markdown, CSV, calendar, validation, the database. */
const HEAVY = [
  "@inquirer/prompts",
  "@inquirer/core",
  "inquirer",
  "pdfmake",
  "exceljs",
  "markdown-it",
  "csv-parse",
  "csv-stringify",
  "ical-generator",
  "nodemailer",
  "zod",
  "asciichart",
  "chalk",
  "cli-table3",
  "date-fns (root)",
  "better-sqlite3",
];

interface Loaded {
  files: string[];
  /** what the run asked of ICU (Intl objects, localeCompare …), from the `intl <what>` lines */
  intl: string[];
  /** packages (and date-fns (root)) bundled into the loaded files, and packages required at run time */
  packages: Set<string>;
  /** the program's own source files bundled into the loaded files */
  sources: Set<string>;
}

/** Runs the binary with PLATTFORM_DEBUG_IMPORTS=1 and reads the list it prints at exit. */
async function loaded(args: string[], db?: string): Promise<Loaded> {
  const result = spawnRun(args, { db, env: { PLATTFORM_DEBUG_IMPORTS: "1" } });
  expect(result.code, result.stderr).toBe(0);
  const files: string[] = [];
  const packages = new Set<string>();
  const sources = new Set<string>();
  const intl = result.stderr.split("\n").flatMap((line) => (line.startsWith("intl ") ? [line.slice(5)] : []));
  for (const line of result.stderr.split("\n")) {
    const m = /^(import|require) (\S+?)(?:: (.*))?$/.exec(line);
    if (!m) continue;
    files.push(m[2]!);
    for (const source of (m[3] ?? "").split(", ").filter(Boolean)) (source.startsWith("src/") ? sources : packages).add(source);
  }
  return { files, packages, intl, sources };
}

const heavyIn = (packages: Iterable<string>) => [...packages].filter((p) => HEAVY.includes(p) || p.startsWith("@inquirer/"));

describe("start-up path (PLATTFORM_DEBUG_IMPORTS)", () => {
  it("--version loads no bundle file at all, and no package", async () => {
    const { files, packages } = await loaded(["--version"]);
    expect(files.filter((f) => f === "dist/main.js")).toEqual([]);
    expect([...packages]).toEqual([]);
  });

  it("--help loads commander and the program's own files, nothing heavy", async () => {
    const { files, packages } = await loaded(["--help"]);
    expect(files).toContain("dist/main.js");
    expect(packages.has("commander")).toBe(true);
    expect(heavyIn(packages)).toEqual([]);
  });

  it("a Tab (__complete) loads nothing heavy beyond better-sqlite3 for the names, and asks nothing of ICU", async () => {
    const { packages, intl } = await loaded(["__complete", "groups", "show", ""], demoWorld());
    expect(heavyIn(packages)).toEqual(["better-sqlite3"]);
    expect(intl).toEqual([]);
  });

  it("a subcommand's --help loads nothing heavy either", async () => {
    const { packages } = await loaded(["report", "minutes", "--help"]);
    expect(heavyIn(packages)).toEqual([]);
  });

  it("elections tally --blt counts a ballot file without loading better-sqlite3", async () => {
    const { packages } = await loaded(["elections", "tally", "--blt", BLT]);
    expect(heavyIn(packages)).toEqual([]);
  });

  it("exceljs is loaded by an xlsx export only, not by a CSV export", async () => {
    const db = await newPlatform();
    const out = join(tempDir(), "gruppen.xlsx");
    expect((await loaded(["groups", "export", "--format", "xlsx", "--out", out], db)).packages.has("exceljs")).toBe(true);
    expect((await loaded(["groups", "export", "--out", join(tempDir(), "gruppen.csv")], db)).packages.has("exceljs")).toBe(false);
  });

  it("nodemailer is loaded when invitations are built only, not by meetings invite --dry-run", async () => {
    const db = await newPlatform();
    for (const args of [
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"],
      ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2020-01-01", "--email", "maria@example.org"],
      ["meetings", "add", "kernkreis", "--date", "+2w", "--time", "19:00"],
    ])
      expect((await run(args, { db })).code).toBe(0);
    expect((await loaded(["meetings", "invite", "next", "--dry-run"], db)).packages.has("nodemailer")).toBe(false);
    expect((await loaded(["meetings", "invite", "next", "--out", tempDir()], db)).packages.has("nodemailer")).toBe(true);
  });

  it("lists what a command with a data file loads (better-sqlite3, bundled, loaded when a file is to be opened)", async () => {
    const db = await newPlatform();
    const { files, packages } = await loaded(["groups", "list"], db);
    expect(packages.has("better-sqlite3")).toBe(true);
    // its JavaScript comes from the bundle, not through CommonJS from node_modules (8–12 ms at every start)
    expect(files.filter((f) => f.startsWith("node_modules/better-sqlite3/"))).toEqual([]);
    expect(heavyIn(packages).filter((p) => p !== "better-sqlite3")).toEqual([]);
  });

  it("a data file's command loads none of the server's code (its roles use node:crypto, its service files node:os)", async () => {
    const db = await newPlatform();
    const { sources } = await loaded(["groups", "list"], db);
    expect(sources.has("src/groups/handlers.ts")).toBe(true);
    expect([...sources].filter((s) => s.startsWith("src/core/pg/"))).toEqual([]);
  });
});

describe("no ICU on the everyday path (Node 20 spends 20–30 ms starting it at the first Intl call)", () => {
  let demo: string;
  beforeAll(() => {
    demo = demoWorld();
  });

  it.each([[["--version"]], [["--help"]], [["groups", "list"]], [["status"]], [["people", "list"]], [["tasks", "list", "--open"]], [["meetings", "list"]], [["meetings", "show", "next"]], [["report", "agenda", "next"]], [["report", "minutes", "last"]], [["fundraising", "report"]]])(
    "%j makes no Intl object and calls no locale-aware method",
    async (args) => {
      const { intl } = await loaded(args, demo);
      expect(intl).toEqual([]);
    },
  );

  it("the guard sees ICU when it is used: `log` formats its times with Intl", async () => {
    const { intl } = await loaded(["log", "--limit", "1"], demo);
    expect(intl.length).toBeGreaterThan(0);
  });
});

describe("dist/main.js imports nothing heavy statically", () => {
  type Recorded = Record<string, { inputs: string[]; imports: string[] }>;
  const recorded = (): Recorded => JSON.parse(readFileSync(join(ROOT, "dist", "sources.json"), "utf8")) as Recorded;

  /** dist/main.js and every file it imports statically, not through import(), as the build recorded them. */
  function staticGraph(files: Recorded): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of files[file]?.imports ?? []) {
        if (files[spec]) visit(spec);
        else if (!spec.startsWith("node:")) throw new Error(`${file} imports the package ${spec} statically`);
      }
    };
    visit("main.js");
    return [...seen];
  }

  it("bundles only commander and the program's own code into the start-up files", () => {
    expect(existsSync(join(ROOT, "dist", "main.js"))).toBe(true);
    const files = recorded();
    const graph = staticGraph(files);
    expect(graph).toContain("main.js");
    const packages = new Set(graph.flatMap((f) => bundledSources(files[f]!.inputs)).filter((s) => !s.startsWith("src/")));
    expect([...packages]).toEqual(["commander"]);
  });

  it("the record names every file of dist/ and what went into it", () => {
    const files = recorded();
    expect(Object.keys(files)).toContain("main.js");
    expect(Object.keys(files).filter((f) => f.startsWith("chunks/")).length).toBeGreaterThan(10);
    expect(bundledSources(files["main.js"]!.inputs)).toContain("src/main.ts");
  });
});

describe("bundledSources", () => {
  it("names packages by name, date-fns's root index apart from its subpaths, and own files by path", () => {
    const inputs = [
      "node_modules/commander/lib/command.js",
      "node_modules/@inquirer/core/dist/esm/index.js",
      "node_modules/date-fns/addDays.js",
      "node_modules/date-fns/index.js",
      "src/core/i18n.ts",
      "node_modules/commander/lib/help.js",
    ];
    expect(bundledSources(inputs)).toEqual(["commander", "@inquirer/core", "date-fns", "date-fns (root)", "src/core/i18n.ts"]);
  });
});
