// elections add/nominate/accept/withdraw/ballot/import/export/show/list/tally/certify through the built binary:
// a scripted election of the Strategy & Finance team, ballot secrecy checked on the data file itself, the
// certified term in `teams show`, the other methods with reproducible lots, and bad input for every write.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, tempDir } from "../helpers.js";
import { copyOf, dataFileBytes, fails, ok, okJson, query, writeTemp, type RunOptions } from "./util.js";
import { FILE_ONLY, onServer } from "../server.js";
import { castPile } from "./writeCommands.js";

const TODAY = "2026-03-01";
const MEETING = "2026-02-10";
const at = (db: string): RunOptions => ({ db, env: { PLATTFORM_TODAY: TODAY } });

type Tally = {
  method: string;
  seats: number;
  quota: string | null;
  valid: number;
  elected: string[];
  rounds: Array<{ round: number; action: string; candidates: Array<{ name: string; state: string; votes: string }>; nontransferable: string }>;
  ties: Array<{ round: number; between: string[]; decidedBy: string }>;
  seed: number | null;
};
type ElectionView = {
  id: number;
  meeting: number;
  team: string;
  seats: number;
  method: string;
  termMonths: number;
  status: string;
  candidates: Array<{ person: string; nominatedBy: string | null; status: string }>;
  ballots: number;
  voted: string[];
  notVoted: string[];
  tally: Tally | null;
};
type Member = { person: string; role: string; from: string; until: string | null; election: number | null };
type TeamView = { id: number; name: string; short: string; kind: string; members: Member[]; history: Member[]; term: { from: string; until: string; due: boolean; overdue: boolean } | null };

/**
 * Twelve member groups G1–G12 with representatives "Person 1"–"Person 12"; LATE joined after the meeting and GONE
 * had left before it: neither can be present. Kernkreis #1 on 10.2.2026: G1–G11 present, G12 absent. Elections: #1 Scottish STV, 2 seats, Person 1–4 (nominated by their groups, Person 1 accepted);
 * #2 approval, 2 seats, Person 1–4; #3 yes-no-abstain, 2 seats, Person 1–3.
 */
let template: string;
beforeAll(async () => {
  const groups = ["name,short,kind,joined,left,email,phone,notes"];
  const people = ["name,email,phone,group,role,since,notes"];
  for (let i = 1; i <= 12; i++) {
    groups.push(`Gruppe ${i},G${i},other,2020-01-01,,,,`);
    people.push(`Person ${i},,,G${i},representative,2020-01-01,`);
  }
  groups.push("Spät dabei,LATE,other,2026-03-01,,,,", "Ausgetreten,GONE,other,2020-01-01,2026-01-01,,,");
  people.push("Person L,,,LATE,representative,2026-03-01,", "Person X,,,GONE,representative,2020-01-01,");
  template = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform", "--lang", "en"], { db: template });
  const present = Array.from({ length: 11 }, (_, i) => `Person ${i + 1}`);
  for (const args of [
    ["groups", "import", writeTemp("groups.csv", `${groups.join("\n")}\n`)],
    ["people", "import", writeTemp("people.csv", `${people.join("\n")}\n`)],
    ["meetings", "add", "kernkreis", "--date", MEETING, "--template", "standard"],
    ["meetings", "attend", "1", ...present],
    ["elections", "add", "1", "--team", "strategy-finance", "--seats", "2", "--item", "5"],
    ...[1, 2, 3, 4].map((i) => ["elections", "nominate", "1", `Person ${i}`, "--by", `G${i}`]),
    ["elections", "accept", "1", "Person 1"],
    ["elections", "add", "1", "--team", "strategy-finance", "--seats", "2", "--method", "approval"],
    ...[1, 2, 3, 4].map((i) => ["elections", "nominate", "2", `Person ${i}`]),
    ["elections", "add", "1", "--team", "strategy-finance", "--seats", "2", "--method", "yes-no-abstain"],
    ...[1, 2, 3].map((i) => ["elections", "nominate", "3", `Person ${i}`]),
  ])
    await ok(args, at(template));
}, 120_000);

const platform = () => copyOf(template);

/** Eleven distinct rankings of Person 1–4, cast by G1–G11 in this order. */
const RANKINGS = [
  [1, 2, 3, 4],
  [2, 1],
  [1, 3],
  [3, 4, 1],
  [4, 3, 2, 1],
  [2, 3],
  [1, 4, 2],
  [3, 1],
  [2, 4, 3],
  [4, 1],
  [1, 2, 4],
].map((r) => r.map((i) => `Person ${i}`));

async function castAll(db: string): Promise<void> {
  if (onServer) return castPile(db, "1", RANKINGS.map((_, k) => `G${k + 1}`), RANKINGS, TODAY);
  for (const [k, ranking] of RANKINGS.entries()) await ok(["elections", "ballot", "1", "--group", `G${k + 1}`, ...ranking], at(db));
}

/** One group's ballot: through `elections ballot` on a data file; on a server a pile of one (the command is refused). */
async function ballot(db: string, election: number, group: string, ...choices: string[]): Promise<void> {
  if (onServer) return castPile(db, String(election), [group], [choices], TODAY);
  await ok(["elections", "ballot", String(election), "--group", group, ...choices], at(db));
}

describe("a scripted election of the Strategy & Finance team", () => {
  it("the team exists right after init", async () => {
    const db = join(tempDir(), "new.db");
    await ok(["init", "--name", "Neu"], { db });
    const team = await okJson<TeamView>(["teams", "show", "strategy-finance"], { db });
    expect(team).toMatchObject({ name: "Strategy & Finance team", short: "strategy-finance", kind: "strategy-finance", members: [], term: null });
    expect((await okJson<TeamView[]>(["teams", "list"], { db })).map((t) => t.short)).toEqual(["strategy-finance"]);
  });

  it("meetings close refuses while an election of the meeting is open, naming the elections", async () => {
    const db = platform();
    const result = await fails(["meetings", "close", "1"], at(db), 1);
    expect(result.stderr).toMatch(/^error: meeting #1 \(2026-02-10\) still has open elections: #1, #2, #3 — count each election first/);
  });

  it("ballots, refusals, tally, certify: teams show lists the elected for one year from the election date", async () => {
    const db = platform();
    await castAll(db);
    // A second ballot, an absent group, a group not yet a member, a group that had left: refused, nothing written.
    // (On a server the command refuses every ballot, see below; these rules: test/store/elections.test.ts.)
    if (!onServer) expect((await fails(["elections", "ballot", "1", "--group", "G1", "Person 2"], at(db), 1)).stderr).toContain("already cast its ballot");
    if (!onServer) expect((await fails(["elections", "ballot", "1", "--group", "G12", "Person 2"], at(db), 1)).stderr).toContain("not present");
    if (!onServer) expect((await fails(["elections", "ballot", "1", "--group", "LATE", "Person 2"], at(db), 1)).stderr).toContain("not a member group");
    if (!onServer) expect((await fails(["elections", "ballot", "1", "--group", "GONE", "Person 2"], at(db), 1)).stderr).toContain("not a member group");

    const shown = await okJson<ElectionView>(["elections", "show", "1"], at(db));
    expect(shown).toMatchObject({ status: "open", ballots: 11, seats: 2, method: "scottish-stv", termMonths: 12, notVoted: [] });
    expect(shown.voted).toHaveLength(11);
    expect(shown.tally).toBeNull();

    const tally = await okJson<Tally>(["elections", "tally", "1"], at(db));
    expect(Object.keys(tally)).toEqual(expect.arrayContaining(["method", "seats", "quota", "valid", "elected", "rounds", "ties", "seed"]));
    expect(tally).toMatchObject({ method: "scottish-stv", seats: 2, valid: 11, quota: "4.00000" });
    expect(tally.elected).toHaveLength(2);
    expect(tally.rounds[0]!.candidates.map((c) => c.name)).toEqual(["Person 1", "Person 2", "Person 3", "Person 4"]);
    expect(tally.rounds[0]!.candidates.find((c) => c.name === "Person 1")!.votes).toBe("4.00000");
    // The ballot box is closed now.
    if (!onServer) expect((await fails(["elections", "ballot", "1", "--group", "G11", "Person 2"], at(db), 1)).stderr).toContain("counted");

    const certified = await okJson<ElectionView & { term: { from: string; until: string } }>(["elections", "certify", "1"], at(db));
    expect(certified.status).toBe("certified");
    expect(certified.term).toEqual({ from: MEETING, until: "2027-02-10" });
    const team = await okJson<TeamView>(["teams", "show", "strategy-finance"], at(db));
    expect(team.members.map((m) => m.person)).toEqual([...tally.elected].sort());
    for (const m of team.members) expect(m).toMatchObject({ role: "member", from: MEETING, until: "2027-02-10", election: 1 });
    expect(team.term).toMatchObject({ from: MEETING, until: "2027-02-10", due: false, overdue: false });
    // Certified is final.
    await fails(["elections", "certify", "1"], at(db), 1);
    await fails(["elections", "accept", "1", "Person 2"], at(db), 1);
    // A recount of a certified election repeats the stored count.
    expect((await okJson<Tally>(["elections", "tally", "1"], at(db))).elected).toEqual(tally.elected);
  });

  it("the minutes show the election: candidates, method, rounds, elected", async () => {
    const db = platform();
    await castAll(db);
    const tally = await okJson<Tally>(["elections", "tally", "1"], at(db));
    const minutes = (await ok(["report", "minutes", "1"], at(db))).stdout;
    // Under its agenda item, and in the summary of elections.
    expect(minutes).toMatch(/### Item 5: [^\n]*\n\n#### Election: Strategy & Finance team\n/);
    expect(minutes).toMatch(/## Elections\n\n\| Team \| # \| Elected \|\n\|---\|---:\|---\|\n\| Strategy & Finance team \| 5 \| /);
    expect(minutes).toContain("Person 1, Person 2, Person 3, Person 4");
    expect(minutes).toContain(`**Elected:** ${tally.elected.join(", ")}`);
    expect(minutes).toContain("| Round 1 |");
    expect(minutes).toContain("4.00000");
  });

  it("the warning when the term is about to end, and when it has ended", async () => {
    const db = platform();
    await castAll(db);
    await ok(["elections", "tally", "1"], at(db));
    await ok(["elections", "certify", "1"], at(db));
    const soon = await run(["teams", "show", "strategy-finance"], { db, env: { PLATTFORM_TODAY: "2027-01-01" } });
    expect(soon.code).toBe(0);
    expect(soon.stderr).toMatch(/^warning: the term of Strategy & Finance team ends on 2027-02-10, in 40 days: a new election is due\n$/);
    const over = await run(["teams", "show", "strategy-finance", "--json"], { db, env: { PLATTFORM_TODAY: "2027-03-01" } });
    expect(over.stderr).toContain("a new election is overdue");
    expect(JSON.parse(over.stdout).term).toMatchObject({ overdue: true });
    expect(JSON.parse(over.stdout).members).toEqual([]);
    expect(JSON.parse(over.stdout).history).toHaveLength(2);
    expect((await run(["teams", "show", "strategy-finance"], at(db))).stderr).toBe("");
  });
});

describe("ballot secrecy, checked on the data file", () => {
  // FILE_ONLY: the data file's bytes, sqlite_schema and PRAGMA; on a server the transaction ids and pages are
  // checked in test/store/elections.test.ts ("ballot secrecy on a server").
  it.skipIf(onServer)("no table, no audit entry and no row order pairs a group with its ballot", async () => {
    const db = platform();
    await castAll(db);
    const tables = query<{ name: string }>(db, "SELECT name FROM sqlite_schema WHERE type = 'table'").map((t) => t.name);
    expect(tables).not.toContain("sqlite_sequence");
    const columns = (table: string) => query<{ name: string }>(db, `PRAGMA table_info(${table})`).map((c) => c.name).sort();
    expect(columns("ballots")).toEqual(["content", "election_id", "id", "weight"]);
    expect(columns("ballot_receipts")).toEqual(["election_id", "group_id"]);

    const ballots = query<{ id: number; content: string }>(db, "SELECT id, content FROM ballots WHERE election_id = 1");
    expect(ballots).toHaveLength(11);
    // The ballots in the order they were cast (each ranking is distinct), by candidate id = Person number here.
    const castOrder = RANKINGS.map((r) => JSON.stringify(r.map((name) => Number(name.split(" ")[1]))));
    expect(new Set(ballots.map((b) => b.content))).toEqual(new Set(castOrder));
    const idsInCastOrder = castOrder.map((content) => ballots.find((b) => b.content === content)!.id);
    expect(idsInCastOrder.every((id, i) => i === 0 || id > idsInCastOrder[i - 1]!), "ids increase in the order of casting").toBe(false);
    expect(ballots.map((b) => b.content), "the table's own order is the order of casting").not.toEqual(castOrder);

    // Not even the file's layout: each ballot is stored once, and where it sits follows its random id, not the
    // order of casting (the ballot box is rewritten in id order, and the file rebuilt, after every ballot).
    const bytes = dataFileBytes(db);
    const offsets = ballots.map((b) => {
      const needle = Buffer.from(b.content);
      const first = bytes.indexOf(needle);
      expect(first, b.content).toBeGreaterThan(0);
      expect(bytes.indexOf(needle, first + 1), `${b.content} is stored twice`).toBe(-1);
      return { id: b.id, content: b.content, offset: first };
    });
    const byOffset = [...offsets].sort((a, b) => a.offset - b.offset).map((o) => o.id);
    const byId = offsets.map((o) => o.id).sort((a, b) => a - b);
    expect([byId, [...byId].reverse()]).toContainEqual(byOffset);

    // Every other table, the audit log included: no ballot id and no ballot content anywhere.
    for (const table of tables.filter((t) => t !== "ballots")) {
      const text = JSON.stringify(query(db, `SELECT * FROM ${table}`));
      for (const b of ballots) {
        expect(text, `${table} holds a ballot id`).not.toContain(String(b.id));
        expect(text, `${table} holds a ballot's content`).not.toContain(b.content);
      }
    }
    // The audit log has the receipts only, and the command lines without the choices.
    const audit = query<{ command: string; entity: string; changes: string }>(db, "SELECT command, entity, changes FROM audit_log WHERE command LIKE '%ballot%'");
    expect(audit).toHaveLength(11);
    for (const row of audit) {
      expect(row.entity).toBe("ballot_receipt");
      expect(row.command).not.toMatch(/Person/);
      expect(JSON.parse(row.command)).toEqual(["elections", "ballot", "1", "--group", expect.stringMatching(/^G\d+$/)]);
      expect(Object.keys(JSON.parse(row.changes)).sort()).toEqual(["election", "group"]);
    }
    // The ballot command's output does not echo the choices either.
    const echoed = await ok(["elections", "ballot", "2", "--group", "G1", "Person 3", "Person 4"], at(db));
    expect(echoed.stdout).not.toContain("Person 3");
    expect((await ok(["elections", "ballot", "2", "--group", "G2", "Person 1", "--json"], at(db))).stdout).not.toContain("Person 1");
  });

  it("the ballots stay sealed while the election is open: no BLT export", async () => {
    const db = platform();
    await castAll(db);
    expect((await fails(["elections", "export", "1"], at(db), 1)).stderr).toContain("sealed");
  });
});

describe.skipIf(!onServer)("elections ballot on a server (needs PLATTFORM_TEST_PG: npm run test:pg)", () => {
  it("is refused with exit 1, one line naming meetings run and elections import; nothing is written", async () => {
    const db = platform();
    for (const lang of ["en", "de"]) {
      const result = await fails(["elections", "ballot", "1", "--group", "G1", "Person 1", "--lang", lang], at(db), 1);
      expect(result.stderr).toContain(lang === "en" ? "ballots are not cast one by one" : "nicht einzeln abgegeben");
      expect(result.stderr).toContain("plattform meetings run");
      expect(result.stderr).toContain("plattform elections import");
    }
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM ballots")[0]!.n + query<{ n: number }>(db, "SELECT count(*) AS n FROM ballot_receipts")[0]!.n).toBe(0);
  });
});

describe("BLT export and import", () => {
  it("exports a counted election; importing it into a new election gives the same count", async () => {
    const db = platform();
    await castAll(db);
    const first = await okJson<Tally>(["elections", "tally", "1", "--seed", "3"], at(db));
    const out = join(tempDir(), "wahl.blt");
    await ok(["elections", "export", "1", "--out", out], at(db));
    const blt = readFileSync(out, "utf8");
    expect(blt.split("\n")[0]).toBe("4 2");
    expect(blt).toContain('"Person 1"');
    expect((await ok(["elections", "export", "1"], at(db))).stdout).toBe(blt);

    await ok(["elections", "add", "1", "--team", "strategy-finance", "--seats", "2"], at(db));
    for (const i of [1, 2, 3, 4]) await ok(["elections", "nominate", "4", `Person ${i}`], at(db));
    const imported = await okJson<ElectionView>(["elections", "import", "4", out], at(db));
    expect(imported.ballots).toBe(11);
    // Imported ballots have no receipts: nobody can vote on top of them.
    // (on a server every ballot through the command is refused first)
    expect((await fails(["elections", "ballot", "4", "--group", "G1", "Person 1"], at(db), 1)).stderr).toContain(onServer ? "not cast one by one" : "imported");
    const second = await okJson<Tally>(["elections", "tally", "4", "--seed", "3"], at(db));
    expect(second.elected).toEqual(first.elected);
    expect(second.rounds).toEqual(first.rounds);
    // The same count as `tally --blt` on the exported file.
    expect((await okJson<Tally>(["elections", "tally", "--blt", out, "--seed", "3"], at(db))).elected).toEqual(first.elected);
  });
});

describe("approval and yes-no-abstain through the CLI; lots repeat with --seed", () => {
  it("approval: most marks win, a tie for the last seat drawn by lot and repeated by the seed", async () => {
    const db = platform();
    // Person 1: 3 marks; Person 2, 3, 4: 1 each, a tie for the second seat.
    await ballot(db, 2, "G1", "Person 1", "Person 2");
    await ballot(db, 2, "G2", "Person 1", "Person 3");
    await ballot(db, 2, "G3", "Person 4", "Person 1");
    await fails(["elections", "ballot", "2", "--group", "G4", "Person 1", "Person 2", "Person 3"], at(db), 1);
    const first = await okJson<Tally>(["elections", "tally", "2", "--seed", "42"], at(db));
    expect(first).toMatchObject({ method: "approval", valid: 3, quota: null, seed: 42 });
    expect(first.elected[0]).toBe("Person 1");
    expect(first.ties).toEqual([expect.objectContaining({ between: ["Person 2", "Person 3", "Person 4"], decidedBy: "lot" })]);
    const again = await okJson<Tally>(["elections", "tally", "2", "--seed", "42"], at(db));
    expect(again).toEqual(first);
    // Without --seed, a recount repeats the stored seed.
    expect(await okJson<Tally>(["elections", "tally", "2"], at(db))).toEqual(first);
    const text = (await ok(["elections", "tally", "2"], at(db))).stdout;
    expect(text).toContain("seed 42");
  });

  it("yes-no-abstain: more yes than no needed, then most yes", async () => {
    const db = platform();
    await ballot(db, 3, "G1", "Person 1=yes", "Person 2=no", "Person 3=yes");
    await ballot(db, 3, "G2", "Person 1=ja", "Person 2=nein", "Person 3=abstain");
    await ballot(db, 3, "G3", "Person 1=no", "Person 2=yes");
    const tally = await okJson<Omit<Tally, "rounds"> & { rounds: Array<{ candidates: Array<{ name: string; yes: number; no: number; abstain: number }> }> }>(["elections", "tally", "3"], at(db));
    expect(tally.elected).toEqual(["Person 1", "Person 3"]);
    expect(tally.rounds[0]!.candidates.map((c) => [c.name, c.yes, c.no, c.abstain])).toEqual([
      ["Person 1", 2, 1, 0],
      ["Person 2", 1, 2, 0],
      ["Person 3", 1, 0, 2],
    ]);
    expect(tally.seed).toBeNull();
    expect((await ok(["elections", "tally", "3"], at(db))).stdout).toContain("Person 2: 1 yes, 2 no, 0 abstentions");
  });
});

describe("elections list, show and help", () => {
  it("lists elections, filtered by meeting and team", async () => {
    const db = platform();
    const all = await okJson<ElectionView[]>(["elections", "list"], at(db));
    expect(all.map((e) => [e.id, e.method, e.status])).toEqual([
      [1, "scottish-stv", "open"],
      [2, "approval", "open"],
      [3, "yes-no-abstain", "open"],
    ]);
    expect(await okJson<ElectionView[]>(["elections", "list", "--meeting", "1", "--team", "strategy-finance"], at(db))).toHaveLength(3);
    expect((await ok(["elections", "list"], at(db))).stdout).toContain("approval vote");
    const show = (await ok(["elections", "show", "1"], at(db))).stdout;
    expect(show).toContain("Person 1");
    expect(show).toContain("Present, not voted yet (11)");
  });

  it.each([["elections"], ["elections", "add"], ["elections", "nominate"], ["elections", "accept"], ["elections", "withdraw"], ["elections", "ballot"], ["elections", "import"], ["elections", "export"], ["elections", "show"], ["elections", "list"], ["elections", "certify"], ["elections", "tally"]])(
    "%s %s --help leads with examples",
    async (...command) => {
      const help = (await ok([...command, "--help"])).stdout;
      expect(help.indexOf("Examples")).toBeGreaterThanOrEqual(0);
      expect(help.indexOf("Examples")).toBeLessThan(help.indexOf("Usage"));
    },
  );
});

describe("elections: bad input exits 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  let counted: string;
  beforeAll(async () => {
    counted = platform();
    await castAll(counted);
    await ok(["elections", "tally", "1"], at(counted));
  }, 60_000);
  const malformed = () => writeTemp("kaputt.blt", "4 2\n1 1 x 0\n0\n");
  const wrongSeats = () => writeTemp("seats.blt", '4 3\n1 1 2 0\n0\n"Person 1"\n"Person 2"\n"Person 3"\n"Person 4"\n"T"\n');

  it.each<[string, string[], number]>([
    ["add: unknown meeting", ["elections", "add", "99", "--team", "strategy-finance", "--seats", "5"], 1],
    ["add: unknown team", ["elections", "add", "1", "--team", "Niemand", "--seats", "5"], 1],
    ["add: without --team", ["elections", "add", "1", "--seats", "5"], 2],
    ["add: without --seats", ["elections", "add", "1", "--team", "strategy-finance"], 2],
    ["add: --seats 0", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "0"], 1],
    ["add: --seats fünf", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "fünf"], 1],
    ["add: unknown --method", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "5", "--method", "borda"], 2],
    ["add: --term-months 0", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "5", "--term-months", "0"], 1],
    ["add: --term-months 61", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "5", "--term-months", "61"], 1],
    ["add: unknown --item", ["elections", "add", "1", "--team", "strategy-finance", "--seats", "5", "--item", "99"], 1],
    ["add: without a meeting", ["elections", "add"], 2],
    ["nominate: unknown election", ["elections", "nominate", "99", "Person 5"], 1],
    ["nominate: unknown person", ["elections", "nominate", "1", "Niemand"], 1],
    ["nominate: already a candidate", ["elections", "nominate", "1", "Person 1"], 1],
    ["nominate: --by an unknown group", ["elections", "nominate", "1", "Person 5", "--by", "NIX"], 1],
    ["nominate: --by a group that had left", ["elections", "nominate", "1", "Person 5", "--by", "GONE"], 1],
    ["accept: not a candidate", ["elections", "accept", "1", "Person 5"], 1],
    ["accept: already accepted", ["elections", "accept", "1", "Person 1"], 1],
    ["withdraw: not a candidate", ["elections", "withdraw", "1", "Person 5"], 1],
    ["withdraw: unknown election", ["elections", "withdraw", "x", "Person 1"], 1],
    ["ballot: without --group", ["elections", "ballot", "1", "Person 1"], 2],
    ["ballot: without choices", ["elections", "ballot", "1", "--group", "G1"], 2],
    ["ballot: unknown group", ["elections", "ballot", "1", "--group", "NIX", "Person 1"], 1],
    ["ballot: unknown election", ["elections", "ballot", "99", "--group", "G1", "Person 1"], 1],
    ["ballot: unknown candidate", ["elections", "ballot", "1", "--group", "G1", "Person 1", "Niemand"], 1],
    ["ballot: a person who does not stand", ["elections", "ballot", "1", "--group", "G1", "Person 5"], 1],
    ["ballot: a candidate twice", ["elections", "ballot", "1", "--group", "G1", "Person 1", "Person 1"], 1],
    ["ballot: approval with more marks than seats", ["elections", "ballot", "2", "--group", "G1", "Person 1", "Person 2", "Person 3"], 1],
    ["ballot: yes-no-abstain without an answer", ["elections", "ballot", "3", "--group", "G1", "Person 1"], 1],
    ["ballot: yes-no-abstain with a bad answer", ["elections", "ballot", "3", "--group", "G1", "Person 1=vielleicht"], 1],
    ["import: unreadable file", ["elections", "import", "1", "/nonexistent/x.blt"], 1],
    ["import: non-STV election", ["elections", "import", "2", "/nonexistent/x.blt"], 1],
    ["export: open election", ["elections", "export", "1"], 1],
    ["export: approval election", ["elections", "export", "2"], 1],
    ["tally: unknown election", ["elections", "tally", "99"], 1],
    ["tally: no ballots", ["elections", "tally", "1"], 1],
    ["tally: invalid --seed", ["elections", "tally", "2", "--seed", "-1"], 1],
    ["tally: neither election nor --blt", ["elections", "tally"], 2],
    ["certify: not counted", ["elections", "certify", "1"], 1],
    ["certify: unknown election", ["elections", "certify", "99"], 1],
    ["show: unknown election", ["elections", "show", "99"], 1],
    ["list: unknown meeting", ["elections", "list", "--meeting", "99"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("import: a malformed file names its line; wrong seats are refused", async () => {
    expect((await fails(["elections", "import", "1", malformed()], at(platform()), 1)).stderr).toMatch(/line 2/);
    expect((await fails(["elections", "import", "1", wrongSeats()], at(platform()), 1)).stderr).toContain("3 seats");
  });

  it.each<[string, string[]]>([
    ["ballot after the count", ["elections", "ballot", "1", "--group", "G11", "Person 1"]],
    ["nominate after the count", ["elections", "nominate", "1", "Person 5"]],
    ["withdraw after the count", ["elections", "withdraw", "1", "Person 2"]],
    ["import after ballots", ["elections", "import", "1", wrongSeats()]],
    ["a second ballot of a group", ["elections", "ballot", "1", "--group", "G1", "Person 2"]],
  ])("%s", async (_what, args) => {
    await fails(args, at(copyOf(counted)), 1);
  });

  it("certify twice", async () => {
    const db = copyOf(counted);
    await ok(["elections", "certify", "1"], at(db));
    await fails(["elections", "certify", "1"], at(db), 1);
  });
});
