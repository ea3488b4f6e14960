// Conversations, topics and the three listening reports (conversations, coverage, listening) through the built
// binary, on a small history with "today" pinned to 1 March 2026.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate, copyOf, fails, ok, okJson, query, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const at = (db: string): RunOptions => ({ db, env: { PLATTFORM_TODAY: TODAY } });

const ASW = "Ev. Kirchengemeinde Alt-Schöneweide";
const NUR = "Moscheeverein Al-Nur";
const KOSMOS = "Mieterinitiative Kosmosviertel";
const WEISSE = "Mietergemeinschaft Weiße Siedlung";

/**
 * Groups ASW, NUR, KOSMOS, WEISSE (members) and BWJ (left at the end of 2025). Key persons today: Matthias (ASW),
 * Samira (NUR), Ayşe and Fatma (KOSMOS), Lea (WEISSE); Otto was ASW's key person until 2025-12-31, Rüdiger is
 * BWJ's. Hatice (no group) and Yusuf (NUR representative) hold the conversations:
 *   #1 2025-06-10 Hatice with Ayşe: Mieten
 *   #2 2025-08-31 Yusuf with Lea: Mieten
 *   #3 2025-09-01 Yusuf with Jan and Samira, house meeting for NUR: Mieten
 *   #4 2025-10-01 Hatice with Ayşe: mieten, Schule (Ayşe raises Mieten a second time)
 *   #5 2025-10-20 Hatice with Jan: no topic
 *   #6 2026-01-20 Hatice with Matthias: Pflege
 *   #7 2025-05-05 Hatice with Otto: Mieten (Otto no longer a key person)
 */
let template: string;
beforeAll(async () => {
  const add = (date: string, by: string, withWhom: string[], extra: string[] = []) => ["conversations", "add", "--date", date, "--by", by, "--with", ...withWhom, ...extra];
  template = await buildTemplate(
    [
      ["groups", "add", ASW, "--short", "ASW", "--kind", "parish", "--joined", "2016-03-14"],
      ["groups", "add", NUR, "--short", "NUR", "--kind", "mosque", "--joined", "2016-06-20"],
      ["groups", "add", KOSMOS, "--short", "KOSMOS", "--kind", "tenants", "--joined", "2016-11-07"],
      ["groups", "add", WEISSE, "--short", "WEISSE", "--kind", "tenants", "--joined", "2020-03-02"],
      ["groups", "add", "SV Blau-Weiß", "--short", "BWJ", "--kind", "sports", "--joined", "2017-06-12"],
      ["people", "add", "Hatice Kaya"],
      ["people", "add", "Ayşe Yıldız", "--group", "KOSMOS", "--role", "key-person", "--since", "2020-01-01"],
      ["people", "add", "Jan Kowalski", "--group", "NUR", "--role", "member", "--since", "2020-01-01"],
      ["people", "add", "Matthias Krüger", "--group", "ASW", "--role", "key-person", "--since", "2018-05-02"],
      ["people", "add", "Samira Bouzid", "--group", "NUR", "--role", "key-person", "--since", "2020-11-02"],
      ["people", "add", "Lea Hartmann", "--group", "WEISSE", "--role", "key-person", "--since", "2023-06-19"],
      ["people", "add", "Yusuf Demir", "--group", "NUR", "--role", "representative", "--since", "2016-06-20"],
      ["people", "add", "Fatma Öztürk", "--group", "KOSMOS", "--role", "key-person", "--since", "2019-10-08"],
      ["people", "add", "Otto Brandt", "--group", "ASW", "--role", "key-person", "--since", "2020-01-01"],
      ["people", "unlink", "Otto Brandt", "ASW", "--until", "2025-12-31"],
      ["people", "add", "Rüdiger Voigt", "--group", "BWJ", "--role", "key-person", "--since", "2017-06-12"],
      ["groups", "leave", "BWJ", "--date", "2025-12-31"],
      add("2025-06-10", "Hatice Kaya", ["Ayşe Yıldız"], ["--topics", "Mieten"]),
      add("2025-08-31", "Yusuf Demir", ["Lea Hartmann"], ["--topics", "Mieten"]),
      add("2025-09-01", "Yusuf Demir", ["Jan Kowalski", "Samira Bouzid"], ["--kind", "house-meeting", "--group", "NUR", "--topics", "Mieten"]),
      add("1.10.2025", "Hatice Kaya", ["ayşe yıldız"], ["--topics", "mieten, Schule", "--notes", "Nachzahlung 1.800 €", "--next-step", "kommt zur Hausversammlung", "--follow-up", "+2w"]),
      add("2025-10-20", "hatice kaya", ["Jan Kowalski"]),
      add("2026-01-20", "Hatice Kaya", ["Matthias Krüger"], ["--topics", "Pflege", "--kind", "research"]),
      add("2025-05-05", "Hatice Kaya", ["Otto Brandt"], ["--topics", "MIETEN"]),
    ].map((args) => [...args]),
  );
}, 90_000);

// buildTemplate runs without PLATTFORM_TODAY: every date above is explicit and in the past.
const platform = () => at(copyOf(template));

type Conversation = {
  id: number;
  kind: string;
  date: string;
  by: string;
  with: Array<{ person: string; group: string | null }>;
  topics: string[];
  notes: string | null;
  nextStep: string | null;
  followUp: string | null;
};

describe("conversations add, list, show", () => {
  it("add --json prints the created conversation; the group comes from the person's role; topics are matched regardless of case", async () => {
    const c = await okJson<Conversation>(["1on1", "add", "--with", "Samira Bouzid", "Ayşe Yıldız", "--by", "Hatice Kaya", "--date", "2026-02-20", "--topics", "SCHULE,Kita, kita"], platform());
    expect(c).toMatchObject({
      id: 8,
      kind: "one-to-one",
      date: "2026-02-20",
      by: "Hatice Kaya",
      with: [
        { person: "Ayşe Yıldız", group: KOSMOS },
        { person: "Samira Bouzid", group: NUR },
      ],
      topics: ["Kita", "Schule"],
      notes: null,
      nextStep: null,
      followUp: null,
    });
  });

  it("a new topic is reported on stderr; an existing one is not", async () => {
    const { db, env } = platform();
    const result = await ok(["conversations", "add", "--with", "Jan Kowalski", "--by", "Hatice Kaya", "--topics", "Pflege,Nahverkehr"], { db, env });
    expect(result.stderr).toBe("new topic “Nahverkehr”\n");
    expect(result.stdout).toBe(`Recorded conversation #8: one-to-one of Hatice Kaya with Jan Kowalski (${NUR}) on ${TODAY}.\n`);
  });

  it("show gives notes, next step and follow-up (relative to the conversation's date); the audit log has no notes", async () => {
    const { db, env } = platform();
    expect(await okJson<Conversation>(["conversations", "show", "4"], { db, env })).toMatchObject({
      date: "2025-10-01",
      topics: ["Mieten", "Schule"],
      notes: "Nachzahlung 1.800 €",
      nextStep: "kommt zur Hausversammlung",
      followUp: "2025-10-15",
    });
    const log = query<{ command: string; changes: string }>(db!, "SELECT command, changes FROM audit_log WHERE entity = 'conversation' AND entity_id = 4");
    expect(log).toHaveLength(1);
    expect(`${log[0]!.command}${log[0]!.changes}`).not.toContain("1.800");
    expect(`${log[0]!.command}${log[0]!.changes}`).not.toContain("Hausversammlung");
  });

  it("list filters by person, group, holder, topic and period", async () => {
    const { db, env } = platform();
    const ids = async (...args: string[]) => (await okJson<Conversation[]>(["conversations", "list", ...args], { db, env })).map((c) => c.id);
    expect(await ids()).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(await ids("--person", "Jan Kowalski")).toEqual([3, 5]);
    expect(await ids("--group", "NUR")).toEqual([3, 5]);
    expect(await ids("--group", "KOSMOS")).toEqual([1, 4]);
    expect(await ids("--by", "Yusuf Demir")).toEqual([2, 3]);
    expect(await ids("--topic", "mieten")).toEqual([7, 1, 2, 3, 4]);
    expect(await ids("--since", "2025-09-01", "--until", "31.10.2025")).toEqual([3, 4, 5]);
    expect(await ids("--topic", "Pflege", "--by", "Yusuf Demir")).toEqual([]);
    expect((await ok(["conversations", "list", "--topic", "Pflege", "--by", "Yusuf Demir"], { db, env })).stdout).toBe("No conversations.\n");
  });

  it("topics list counts the conversations of each topic", async () => {
    const topics = await okJson<Array<{ name: string; conversations: number; last: string }>>(["topics", "list"], platform());
    expect(topics.map((t) => [t.name, t.conversations, t.last])).toEqual([
      ["Mieten", 5, "2025-10-01"],
      ["Pflege", 1, "2026-01-20"],
      ["Schule", 1, "2025-10-01"],
    ]);
  });

  it("topics add makes a topic with no conversations; --json prints it", async () => {
    expect(await okJson(["topics", "add", "Nahverkehr"], platform())).toMatchObject({ id: 4, name: "Nahverkehr", conversations: 0, last: null });
  });
});

describe("report listening", () => {
  it("counts distinct people and distinct groups: Ayşe raising Mieten twice counts once among the people, twice among the mentions", async () => {
    const rows = await okJson<Array<{ topic: string; people: number; groups: number; mentions: number; trend: Array<{ quarter: string; mentions: number }> }>>(
      ["report", "listening"],
      platform(),
    );
    // Mieten: Otto (ASW), Ayşe twice (KOSMOS), Lea (WEISSE), Jan and Samira (NUR) → 5 people, 4 groups, 5 conversations.
    expect(rows.map(({ topic, people, groups, mentions }) => ({ topic, people, groups, mentions }))).toEqual([
      { topic: "Mieten", people: 5, groups: 4, mentions: 5 },
      { topic: "Pflege", people: 1, groups: 1, mentions: 1 },
      { topic: "Schule", people: 1, groups: 1, mentions: 1 },
    ]);
    // Without --since: the last 12 months, from 2025-03-01, so the trend starts with that quarter.
    expect(rows[0]!.trend).toEqual([
      { quarter: "2025-Q1", mentions: 0 },
      { quarter: "2025-Q2", mentions: 2 },
      { quarter: "2025-Q3", mentions: 2 },
      { quarter: "2025-Q4", mentions: 1 },
      { quarter: "2026-Q1", mentions: 0 },
    ]);
  });

  it("without --since covers the last 12 months: a conversation on the first day counts, one the day before only with --since", async () => {
    const { db, env } = platform();
    const add = (date: string, person: string) => ok(["conversations", "add", "--date", date, "--by", "Hatice Kaya", "--with", person, "--topics", "Mieten"], { db, env });
    await add("2025-03-01", "Fatma Öztürk");
    await add("2025-02-28", "Rüdiger Voigt");
    const mieten = async (args: string[]) => (await okJson<Array<{ topic: string; people: number; groups: number; mentions: number }>>(["report", "listening", ...args], { db, env }))[0]!;
    // Fatma (KOSMOS, like Ayşe) adds a person and a mention, not a group; Rüdiger's conversation is too old.
    expect(await mieten([])).toMatchObject({ topic: "Mieten", people: 6, groups: 4, mentions: 6 });
    expect(await mieten(["--since", "2025-02-28"])).toMatchObject({ topic: "Mieten", people: 7, groups: 5, mentions: 7 });
    const md = (await ok(["report", "listening", "--format", "md"], { db, env })).stdout;
    expect(md).toContain("From 2025-03-01 to 2026-03-01.");
    expect(md).toContain("Without --since the report covers the last 12 months");
    expect((await ok(["report", "listening", "--since", "2025-02-28", "--format", "md"], { db, env })).stdout).not.toContain("Without --since");
  });

  it("--since leaves out earlier conversations", async () => {
    const rows = await okJson<Array<{ topic: string; people: number; groups: number; mentions: number }>>(["report", "listening", "--since", "2025-09-01"], platform());
    expect(rows.map(({ topic, people, groups, mentions }) => [topic, people, groups, mentions])).toEqual([
      ["Mieten", 3, 2, 2],
      ["Pflege", 1, 1, 1],
      ["Schule", 1, 1, 1],
    ]);
  });

  it("is a table on the terminal and Markdown with --format md, in German with --lang de", async () => {
    const { db, env } = platform();
    const table = (await ok(["report", "listening", "--since", "2025-09-01"], { db, env })).stdout;
    expect(table).toMatch(/^1\s+Mieten\s+3\s+2\s+2\s+1\s+1\s+0$/m);
    const md = (await ok(["report", "listening", "--since", "2025-09-01", "--format", "md", "--lang", "de"], { db, env })).stdout;
    expect(md).toContain("# Zuhören: Themen nach Personen und Gruppen");
    expect(md).toContain("| # | Thema | Personen | Gruppen | Nennungen | 2025-Q3 | 2025-Q4 | 2026-Q1 |");
    expect(md).toContain("| 1 | Mieten | 3 | 2 | 2 | 1 | 1 | 0 |");
  });
});

describe("report coverage", () => {
  it("marks exactly the key persons without a conversation in the last 6 months (Lea: a day too early; Fatma: never)", async () => {
    const rows = await okJson<Array<{ person: string; group: string; lastConversation: string | null; cold: boolean }>>(["report", "coverage"], platform());
    expect(rows.map(({ person, group, lastConversation, cold }) => ({ person, group, lastConversation, cold }))).toEqual([
      { person: "Matthias Krüger", group: ASW, lastConversation: "2026-01-20", cold: false },
      { person: "Lea Hartmann", group: WEISSE, lastConversation: "2025-08-31", cold: true },
      { person: "Ayşe Yıldız", group: KOSMOS, lastConversation: "2025-10-01", cold: false },
      { person: "Fatma Öztürk", group: KOSMOS, lastConversation: null, cold: true },
      { person: "Samira Bouzid", group: NUR, lastConversation: "2025-09-01", cold: false },
    ]);
  });

  it("--months 3 moves the line; the table says how many are cold", async () => {
    const { db, env } = platform();
    const rows = await okJson<Array<{ person: string; cold: boolean }>>(["report", "coverage", "--months", "3"], { db, env });
    expect(rows.filter((r) => r.cold).map((r) => r.person)).toEqual(["Lea Hartmann", "Ayşe Yıldız", "Fatma Öztürk", "Samira Bouzid"]);
    const table = (await ok(["report", "coverage", "--months", "3"], { db, env })).stdout;
    expect(table).toContain("4 of 5 key persons without a conversation in the last 3 months (since 2025-12-01).");
    expect(table).toMatch(/Fatma Öztürk\s+never\s+cold/);
  });
});

describe("report conversations", () => {
  type Row = { holder: string; month: string; conversations: number; people: number; new: number; repeat: number };
  const shape = (rows: Row[]) => rows.map((r) => [r.month, r.holder, r.conversations, r.people, r.new, r.repeat]);

  it("counts per holder and month; a person is new at their first conversation ever, whoever held it", async () => {
    expect(shape(await okJson<Row[]>(["report", "conversations"], platform()))).toEqual([
      ["2025-05", "Hatice Kaya", 1, 1, 1, 0],
      ["2025-06", "Hatice Kaya", 1, 1, 1, 0],
      ["2025-08", "Yusuf Demir", 1, 1, 1, 0],
      ["2025-09", "Yusuf Demir", 1, 2, 2, 0],
      ["2025-10", "Hatice Kaya", 2, 2, 0, 2],
      ["2026-01", "Hatice Kaya", 1, 1, 1, 0],
    ]);
  });

  it("--since shows later months only, judging new and repeat on the whole history; --format md has a total line", async () => {
    const { db, env } = platform();
    expect(shape(await okJson<Row[]>(["report", "conversations", "--since", "2025-10-01"], { db, env }))).toEqual([
      ["2025-10", "Hatice Kaya", 2, 2, 0, 2],
      ["2026-01", "Hatice Kaya", 1, 1, 1, 0],
    ]);
    const md = (await ok(["report", "conversations", "--since", "2025-10-01", "--format", "md"], { db, env })).stdout;
    expect(md).toContain("| 2025-10 | Hatice Kaya | 2 | 2 | 0 | 2 |");
    expect(md).toContain("| Total |   | 3 |   | 1 | 2 |");
  });
});

describe("bad input: exit 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  const add = ["conversations", "add", "--by", "Hatice Kaya"];
  it.each<[string, string[], number]>([
    ["add: an unknown person in --with", [...add, "--with", "Niemand"], 1],
    ["add: one known and one unknown person in --with", [...add, "--with", "Jan Kowalski", "Niemand", "--topics", "Neu"], 1],
    ["add: an unknown holder", ["conversations", "add", "--by", "Niemand", "--with", "Jan Kowalski"], 1],
    ["add: without --with, no terminal", add, 2],
    ["add: without --by, no terminal", ["conversations", "add", "--with", "Jan Kowalski"], 2],
    ["add: without --by, --no-input", ["conversations", "add", "--with", "Jan Kowalski", "--no-input"], 2],
    ["add: a bad --date", [...add, "--with", "Jan Kowalski", "--date", "31.02.2026"], 1],
    ["add: a date in the future", [...add, "--with", "Jan Kowalski", "--date", "+1d"], 1],
    ["add: a bad --follow-up", [...add, "--with", "Jan Kowalski", "--follow-up", "bald"], 1],
    ["add: a follow-up before the conversation", [...add, "--with", "Jan Kowalski", "--date", "2026-02-01", "--follow-up", "2026-01-31"], 1],
    ["add: an unknown --kind", [...add, "--with", "Jan Kowalski", "--kind", "phone-call"], 2],
    ["add: an unknown --group", [...add, "--with", "Jan Kowalski", "--group", "NOPE"], 1],
    ["add: the holder among --with", [...add, "--with", "Jan Kowalski", "Hatice Kaya"], 1],
    ["add: a topic with control characters", [...add, "--with", "Jan Kowalski", "--topics", "Mie\u0007ten"], 1],
    ["show: an unknown conversation", ["conversations", "show", "99"], 1],
    ["show: not a number", ["conversations", "show", "Mieten"], 1],
    ["list: an unknown topic", ["conversations", "list", "--topic", "Nirgends"], 1],
    ["list: an unknown person", ["conversations", "list", "--person", "Niemand"], 1],
    ["list: a bad --since", ["conversations", "list", "--since", "gestern abend"], 1],
    ["list: --until before --since", ["conversations", "list", "--since", "2026-01-01", "--until", "2025-01-01"], 1],
    ["topics add: an existing topic in other letters", ["topics", "add", "MIETEN"], 1],
    ["report coverage: --months 0", ["report", "coverage", "--months", "0"], 1],
    ["report coverage: --months six", ["report", "coverage", "--months", "six"], 1],
    ["report listening: a bad --since", ["report", "listening", "--since", "2025-13-01"], 1],
    ["report conversations: --format pdf", ["report", "conversations", "--format", "pdf"], 2],
  ])("%s", async (_what, args, code) => {
    await fails(args, platform(), code);
  });

  it("the messages say what is wrong", async () => {
    expect((await fails([...add, "--with", "Niemand"], platform(), 1)).stderr).toMatch(/^error: no person “Niemand”/);
    expect((await fails(add, platform(), 2)).stderr).toMatch(/^error: missing --with — /);
    expect((await fails([...add, "--with", "Jan Kowalski", "--date", "31.02.2026"], platform(), 1)).stderr).toContain("31.02.2026");
  });
});

describe("help", () => {
  it.each([
    ["conversations"],
    ["conversations", "add"],
    ["conversations", "list"],
    ["conversations", "show"],
    ["1on1", "add"],
    ["topics"],
    ["topics", "list"],
    ["topics", "add"],
    ["campaigns"],
    ["campaigns", "add"],
    ["campaigns", "list"],
    ["campaigns", "show"],
    ["campaigns", "update"],
    ["report", "conversations"],
    ["report", "coverage"],
    ["report", "listening"],
  ])("%s %s --help leads with examples, in English and German", async (...command) => {
    const en = (await ok([...command, "--help"])).stdout;
    expect(en.indexOf("Examples")).toBeGreaterThanOrEqual(0);
    expect(en.indexOf("Examples")).toBeLessThan(en.indexOf("Usage"));
    expect(en).toContain("$ plattform ");
    const de = (await ok([...command, "--help", "--lang", "de"])).stdout;
    expect(de).toContain("Beispiele");
  });
});
