// Every read command on the demo, in German and in English, scanned for words of the other language: a word
// the program prints must come from the catalogue of the language asked for (issue 13). One demo, then the runs.
//
// The demo's own data (names, titles, notes, places — written in German) is not the program's wording: every
// string the --json outputs hold, except lowercase codes such as "adopted" or "yes-no", is cut out of the text
// before the scan, so that "Kirchengemeinde Alt-Schöneweide" does not count as German in English output while
// "adopted" in German output still fails.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, tempDir } from "../helpers.js";
import { demoWorld, WORLD_TODAY } from "../worlds.js";

const TODAY = WORLD_TODAY;
const ENV = { PLATTFORM_TODAY: TODAY };

/** The read commands of the areas; `report annual` takes the demo's year. */
const READS: string[][] = [
  ["status"],
  ["groups", "list"],
  ["groups", "show", "1"],
  ["people", "list"],
  ["people", "show", "1"],
  ["meetings", "list"],
  ["meetings", "show", "next"],
  ["meetings", "show", "last"],
  ["votes", "list"],
  ["votes", "show", "1"],
  ["votes", "show", "3"],
  ["elections", "list"],
  ["elections", "show", "1"],
  ["teams", "list"],
  ["teams", "show", "1"],
  ["tasks", "list"],
  ["conversations", "list"],
  ["campaigns", "list"],
  ["campaigns", "show", "1"],
  ["commitments", "list"],
  ["fundraising", "report"],
  ["fundraising", "funders", "list"],
  ["fundraising", "applications", "list"],
  ["fundraising", "applications", "show", "1"],
  ["fundraising", "income", "list"],
  ["fundraising", "dues", "status"],
  ["fundraising", "budget", "show"],
  ["fundraising", "deadlines"],
  ["report", "agenda", "next"],
  ["report", "minutes", "last"],
  ["report", "annual", "2026"],
  ["report", "commitments"],
  ["report", "attendance"],
  ["report", "conversations"],
  ["report", "coverage"],
  ["report", "listening"],
  ["meetings", "show", "10"],
  ["topics", "list"],
  ["config", "get"],
  ["log", "--limit", "20"],
];

/** Where the demo's data is listed in full, for cutting it out of the text. */
const DATA: string[][] = [
  ["groups", "list"],
  ["people", "list"],
  ["meetings", "list"],
  ["meetings", "show", "next"],
  ["meetings", "show", "last"],
  ["meetings", "show", "1"],
  ["votes", "list"],
  ["elections", "show", "1"],
  ["teams", "list"],
  ["tasks", "list"],
  ["conversations", "list"],
  ["campaigns", "list"],
  ["campaigns", "show", "1"],
  ["campaigns", "show", "2"],
  ["campaigns", "show", "3"],
  ["commitments", "list"],
  ["fundraising", "funders", "list"],
  ["fundraising", "applications", "list"],
  ["fundraising", "applications", "show", "1"],
  ["fundraising", "income", "list"],
  ["fundraising", "budget", "show"],
  ["fundraising", "deadlines"],
  ["config", "get"],
  ["log", "--limit", "20"],
];

/** English words that a German text of the program must not contain (a part of a code such as yes-no is no word). */
const ENGLISH =
  /(?<![\w-])(adopted|rejected|abstain|abstentions?|approved|submitted|drafting|withdrawn|the|and|of|with|by|members?|present|excused|overdue|due|open|days?|seats?|marks|pending|kept|broken|none|held|planned|draft|yes|no)(?![\w-])/i;
/** German words that an English text of the program must not contain. */
const GERMAN =
  /(?<![\w-])(Tage?n?|Sitze?|angenommen|abgelehnt|Enthaltung(en)?|und|der|die|das|mit|von|überfällig|offen|fällig|bewilligt|eingereicht|anwesend|entschuldigt|Gruppen?|Sitzung(en)?|keine?|nicht|ja|nein)(?![\w-])|[äöüß]/i;

/**
 * What a command may show besides its language's words: `config get` the values `config set` takes (quorum
 * none), `log` what was recorded — its actions (present, update) and the changes as JSON.
 */
const RECORDED: Record<string, (text: string) => string> = {
  "config get": (text) => text.replace(/(?<![\w-])none(?=,)/g, " "),
  "log --limit 20": (text) => text.replace(/\{.*$/gm, " ").replace(/#\d+\s+[a-z-]+/g, " "),
};

let db: string;
let userData: string[];

/** The string values of a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/**
 * A text without the demo's data in it: the longest strings first, so that no part of one is left behind;
 * a long one also where a table cut it short ("Die Plattform tritt dem Bündnis …").
 */
function withoutUserData(text: string, command: string): string {
  let rest = text;
  for (const s of userData) {
    rest = rest.split(s).join(" ");
    if (s.length > 30) rest = rest.split("\n").map((line) => (line.includes(s.slice(0, 25)) ? line.replace(new RegExp(`${escape(s.slice(0, 25))}[^…]*…`), " ") : line)).join("\n");
  }
  return (RECORDED[command] ?? ((t: string) => t))(rest);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function read(args: string[], lang: "de" | "en"): Promise<string> {
  const result = await run(["--lang", lang, ...args], { db, env: ENV });
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result.stdout + result.stderr;
}

/** The offending words of a text, each with a little of its line for the failure message. */
function offending(text: string, words: RegExp): string[] {
  const global = new RegExp(words.source, "gi");
  return text.split("\n").flatMap((line) => [...line.matchAll(global)].map((m) => `${m[0]}  ←  ${line.trim().slice(0, 100)}`));
}

beforeAll(async () => {
  db = demoWorld();
  const found = new Set<string>();
  for (const args of DATA) {
    const result = await run([...args, "--json"], { db, env: ENV });
    expect(result.code, `${args.join(" ")} --json: ${result.stderr}`).toBe(0);
    // lowercase codes ("adopted", "yes-no") and dates stay: they are the program's words or no words at all
    for (const s of strings(JSON.parse(result.stdout))) if (!/^[a-z0-9 .:_-]*$/.test(s) && s.trim().length > 1) found.add(s);
  }
  userData = [...found].sort((a, b) => b.length - a.length);
}, 120_000);

describe("every read command speaks one language", () => {
  it.each(READS.map((args) => [args.join(" "), args]))("%s in German has no English words", async (_name, args) => {
    expect(offending(withoutUserData(await read(args as string[], "de"), _name as string), ENGLISH)).toEqual([]);
  });

  it.each(READS.map((args) => [args.join(" "), args]))("%s in English has no German words", async (_name, args) => {
    expect(offending(withoutUserData(await read(args as string[], "en"), _name as string), GERMAN)).toEqual([]);
  });
});

describe("a count of one is singular", () => {
  it("a deadline in one day, and one overdue by one day", async () => {
    // the demo's interim report of application #1 is due on 2026-12-25
    const before = { db, env: { PLATTFORM_TODAY: "2026-12-24" } };
    const after = { db, env: { PLATTFORM_TODAY: "2026-12-26" } };
    expect((await run(["--lang", "de", "fundraising", "deadlines"], before)).stdout).toMatch(/ in 1 Tag\n/);
    expect((await run(["--lang", "en", "fundraising", "deadlines"], before)).stdout).toMatch(/ in 1 day\n/);
    expect((await run(["--lang", "de", "fundraising", "deadlines"], after)).stdout).toMatch(/ ÜBERFÄLLIG seit 1 Tag\n/);
    expect((await run(["--lang", "en", "fundraising", "deadlines"], after)).stdout).toMatch(/ OVERDUE by 1 day\n/);
    expect((await run(["--lang", "en", "fundraising", "deadlines"], after)).stdout).toMatch(/ OVERDUE by 9 days\n/);
  });

  it("an election of one seat", async () => {
    const blt = join(tempDir(), "one.blt");
    writeFileSync(blt, '2 1\n1 2 0\n2 1 0\n1 1 0\n0\n"A"\n"B"\n"One seat"\n');
    expect((await run(["--lang", "de", "elections", "tally", "--blt", blt], {})).stdout).toMatch(/ · 1 Sitz · /);
    expect((await run(["--lang", "en", "elections", "tally", "--blt", blt], {})).stdout).toMatch(/ · 1 seat · /);
  });
});

describe("errors come in the platform's language, even when LANG says nothing German", () => {
  // the demo's platform is German; LANG=C.UTF-8 (test/helpers.ts) and no --lang
  it.each([
    ["an unknown option (commander, before the data file is open)", ["groups", "list", "--bogus"], 2, /^Fehler: unbekannte Option „--bogus“/],
    ["an invalid choice (commander)", ["report", "minutes", "last", "--format", "docx"], 2, /^Fehler: Option --format <format>: „docx“ ist nicht erlaubt/],
    ["an unknown command (commander)", ["groups", "lsit"], 2, /^Fehler: unbekannter Befehl/],
    ["an invalid --due", ["tasks", "add", "X", "--owner", "1", "--due", "soon"], 1, /^Fehler: --due: „soon“ ist kein gültiges Datum/],
    ["a bad setting", ["config", "set", "quorum", "many"], 1, /^Fehler: „many“ ist kein gültiger Wert für quorum — erlaubt: none, half, <Anzahl der Gruppen>$/],
    ["a stage change that is not allowed", ["fundraising", "stage", "1", "idea"], 1, /^Fehler: Antrag #1 kann nicht von bewilligt zu Idee wechseln/],
    ["a vote on a closed vote", ["votes", "cast", "1", "1", "yes"], 1, /^Fehler: Abstimmung #1 ist geschlossen \(angenommen\)/],
  ])("%s", async (_what, args, code, message) => {
    const result = await run(args as string[], { db, env: ENV });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr.trimEnd()).toMatch(message as RegExp);
    // commands in backticks and the values a setting takes are typed as they are
    expect(offending(result.stderr.replace(/`[^`]*`/g, " ").replace(/erlaubt: .*$/m, " "), ENGLISH)).toEqual([]);
  });

  it("a CSV line error in our words, with its line", async () => {
    const csv = join(tempDir(), "gruppen.csv");
    writeFileSync(csv, "name,short\nA,B,C\n");
    expect((await run(["groups", "import", csv], { db, env: ENV })).stderr).toMatch(/^Fehler: .*gruppen\.csv, Zeile 2: 3 Felder, aber die Kopfzeile hat 2\n$/);
  });

  it("restore of a file that is no backup", async () => {
    const bad = join(tempDir(), "kaputt.db");
    writeFileSync(bad, "no database");
    expect((await run(["restore", bad, "--yes"], { db, env: ENV })).stderr).toMatch(/^Fehler: .*kaputt\.db ist keine plattform-Datendatei/);
  });
});
