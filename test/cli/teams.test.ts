// teams list/show/add/join/leave through the built binary: the Strategy & Finance team from init, action teams,
// memberships with their history, the term warning, and bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../helpers.js";
import { buildTemplate, copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
const at = (db: string, today = TODAY): RunOptions => ({ db, env: { PLATTFORM_TODAY: today } });

type Member = { id: number; person: string; personId: number; role: string; from: string; until: string | null; election: number | null };
type Team = { id: number; name: string; short: string | null; kind: string; members: Member[]; upcoming: Member[]; history: Member[]; term: unknown };

/** People Maria Schmidt, Ali Yılmaz, Uwe Brandt; team #2 Aktionsteam Wohnen (wohnen) with Maria as lead from 1.1.2026. */
let template: string;
beforeAll(async () => {
  template = await buildTemplate([
    ["people", "add", "Maria Schmidt"],
    ["people", "add", "Ali Yılmaz"],
    ["people", "add", "Uwe Brandt"],
    ["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"],
    ["teams", "join", "wohnen", "Maria Schmidt", "--role", "lead", "--from", "2026-01-01"],
  ]);
}, 60_000);
const platform = () => copyOf(template);

describe("teams", () => {
  it("list: the Strategy & Finance team first, then the others", async () => {
    const teams = await okJson<Array<Team & { members: number }>>(["teams", "list"], at(platform()));
    expect(teams.map((t) => [t.id, t.short, t.kind, t.members])).toEqual([
      [1, "strategy-finance", "strategy-finance", 0],
      [2, "wohnen", "action", 1],
    ]);
    const text = (await ok(["teams", "list"], at(platform()))).stdout;
    expect(text).toContain("Strategy & Finance team");
    expect(text).toContain("action team");
  });

  it("add prints the new team; it is found by name, short name and id", async () => {
    const db = platform();
    const added = await okJson<Team>(["teams", "add", "Redaktion Rundbrief", "--kind", "other"], at(db));
    expect(added).toMatchObject({ id: 3, name: "Redaktion Rundbrief", short: null, kind: "other", members: [] });
    expect((await okJson<Team>(["teams", "show", "redaktion rundbrief"], at(db))).id).toBe(3);
    expect((await okJson<Team>(["teams", "show", "3"], at(db))).id).toBe(3);
    expect((await okJson<Team>(["teams", "show", "WOHNEN"], at(db))).id).toBe(2);
  });

  it("join, leave and the history", async () => {
    const db = platform();
    const joined = await okJson<Member & { team: string }>(["teams", "join", "wohnen", "Ali Yılmaz", "--from", "2026-02-01", "--until", "2027-02-01"], at(db));
    expect(joined).toMatchObject({ team: "Aktionsteam Wohnen", person: "Ali Yılmaz", role: "member", from: "2026-02-01", until: "2027-02-01" });
    await ok(["teams", "leave", "wohnen", "Maria Schmidt", "--date", "2026-02-15"], at(db));
    await ok(["teams", "join", "wohnen", "Uwe Brandt", "--from", "2026-04-01"], at(db));
    const team = await okJson<Team>(["teams", "show", "wohnen"], at(db));
    expect(team.members.map((m) => m.person)).toEqual(["Ali Yılmaz"]);
    expect(team.upcoming.map((m) => [m.person, m.from])).toEqual([["Uwe Brandt", "2026-04-01"]]);
    expect(team.history.map((m) => [m.person, m.role, m.from, m.until])).toEqual([["Maria Schmidt", "lead", "2026-01-01", "2026-02-15"]]);
    // She can join again after her membership ended; the history keeps both.
    await ok(["teams", "join", "wohnen", "Maria Schmidt", "--from", "2026-02-20"], at(db));
    const text = (await ok(["teams", "show", "wohnen"], at(db))).stdout;
    expect(text).toContain("History");
    expect(text).toContain("2026-02-15");
  });

  it("show in German", async () => {
    const text = (await ok(["teams", "show", "wohnen", "--lang", "de"], at(platform()))).stdout;
    expect(text).toContain("Mitglieder");
    expect(text).toContain("Leitung");
    expect(text).toContain("01.01.2026");
  });

  it("a Strategy & Finance term that ends soon warns on stderr, in list and show, without changing stdout's JSON", async () => {
    const db = platform();
    await ok(["teams", "join", "strategy-finance", "Uwe Brandt", "--from", "2025-04-01", "--until", "2026-04-01"], at(db));
    const shown = await run(["teams", "show", "strategy-finance", "--json"], at(db));
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).term).toMatchObject({ from: "2025-04-01", until: "2026-04-01", election: null, daysLeft: 31, due: true, overdue: false });
    expect(shown.stderr).toContain("a new election is due");
    expect((await run(["teams", "list"], at(db))).stderr).toContain("a new election is due");
    // An action team's term is not watched unless it was elected.
    await ok(["teams", "join", "wohnen", "Ali Yılmaz", "--until", "2026-03-10"], at(db));
    expect((await run(["teams", "show", "wohnen"], at(db))).stderr).toBe("");
  });

  it.each([["teams"], ["teams", "list"], ["teams", "show"], ["teams", "add"], ["teams", "join"], ["teams", "leave"]])("%s %s --help leads with examples", async (...command) => {
    const help = (await ok([...command, "--help"])).stdout;
    expect(help.indexOf("Examples")).toBeGreaterThanOrEqual(0);
    expect(help.indexOf("Examples")).toBeLessThan(help.indexOf("Usage"));
  });
});

describe("teams: bad input exits 1 (2 for usage), one line on stderr, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    ["add: without --kind", ["teams", "add", "Neu"], 2],
    ["add: unknown --kind", ["teams", "add", "Neu", "--kind", "club"], 2],
    ["add: a second Strategy & Finance team", ["teams", "add", "Neu", "--kind", "strategy-finance"], 1],
    ["add: a name taken", ["teams", "add", "aktionsteam wohnen", "--kind", "action"], 1],
    ["add: a short name taken", ["teams", "add", "Wohnen II", "--kind", "action", "--short", "Wohnen"], 1],
    ["add: a short name with spaces", ["teams", "add", "Wohnen II", "--kind", "action", "--short", "w ii"], 1],
    ["add: an empty name", ["teams", "add", "  ", "--kind", "action"], 1],
    ["add: without a name", ["teams", "add", "--kind", "action"], 2],
    ["show: unknown team", ["teams", "show", "Niemand"], 1],
    ["join: unknown team", ["teams", "join", "Niemand", "Ali Yılmaz"], 1],
    ["join: unknown person", ["teams", "join", "wohnen", "Niemand"], 1],
    ["join: unknown --role", ["teams", "join", "wohnen", "Ali Yılmaz", "--role", "chef"], 2],
    ["join: invalid --from", ["teams", "join", "wohnen", "Ali Yılmaz", "--from", "31.02.2026"], 1],
    ["join: --until before --from", ["teams", "join", "wohnen", "Ali Yılmaz", "--from", "2026-03-01", "--until", "2026-02-01"], 1],
    ["join: --until equal to --from", ["teams", "join", "wohnen", "Ali Yılmaz", "--from", "2026-03-01", "--until", "2026-03-01"], 1],
    ["join: already on the team", ["teams", "join", "wohnen", "Maria Schmidt"], 1],
    ["join: overlapping an earlier membership", ["teams", "join", "wohnen", "Maria Schmidt", "--from", "2025-06-01", "--until", "2026-01-02"], 1],
    ["join: without a person", ["teams", "join", "wohnen"], 2],
    ["leave: not on the team", ["teams", "leave", "wohnen", "Ali Yılmaz"], 1],
    ["leave: before the membership began", ["teams", "leave", "wohnen", "Maria Schmidt", "--date", "2026-01-01"], 1],
    ["leave: invalid --date", ["teams", "leave", "wohnen", "Maria Schmidt", "--date", "bald"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });
});

describe("teams edit", () => {
  it("renames a team and changes its short name; members and history stay with it, and the audit log records it", async () => {
    const db = platform();
    const before = await okJson<Team>(["teams", "show", "wohnen"], at(db));
    const shown = await okJson<Team>(["teams", "edit", "wohnen", "--name", "Aktionsteam Wohnen und Miete", "--short", "miete"], at(db));
    expect(shown).toMatchObject({ id: 2, name: "Aktionsteam Wohnen und Miete", short: "miete", kind: "action" });
    expect(shown.members).toEqual(before.members);
    expect((await okJson<Team>(["teams", "show", "miete"], at(db))).members.map((m) => m.person)).toEqual(["Maria Schmidt"]);
    await fails(["teams", "show", "wohnen"], at(db), 1);
    const log = await okJson<Array<{ entity: string; action: string; changes: unknown }>>(["log", "--limit", "1"], at(db));
    expect(log[0]).toMatchObject({ entity: "team", action: "edit", changes: { name: ["Aktionsteam Wohnen", "Aktionsteam Wohnen und Miete"], short: ["wohnen", "miete"] } });
  });

  it("says what changed, and that nothing did when the values are the same", async () => {
    const db = platform();
    expect((await ok(["teams", "edit", "1", "--name", "S&F team"], at(db))).stdout).toBe("Changed name of S&F team.\n");
    expect((await ok(["teams", "edit", "S&F team", "--name", "S&F team"], at(db))).stdout).toBe("Nothing changed: S&F team already has these values.\n");
    expect((await ok(["--lang", "de", "teams", "edit", "1", "--short", "suf"], at(db))).stdout).toBe("short von S&F team geändert.\n");
  });

  it.each([
    ["an unknown team", ["teams", "edit", "nope", "--name", "X"], 1, /no team “nope”/],
    ["a name another team has", ["teams", "edit", "wohnen", "--name", "strategy & finance TEAM"], 1, /a team “Strategy & Finance team” exists already/],
    ["a short name another team has", ["teams", "edit", "1", "--short", "WOHNEN"], 1, /a team “Aktionsteam Wohnen” exists already/],
    ["an empty name", ["teams", "edit", "wohnen", "--name", "  "], 1, /name/],
    ["a short name with spaces", ["teams", "edit", "wohnen", "--short", "a b"], 1, /not a short name/],
    ["nothing to change", ["teams", "edit", "wohnen"], 1, /nothing to change/],
  ])("refuses %s and leaves the data file unchanged", async (_what, args, code, message) => {
    expect((await fails(args as string[], at(platform()), code as number)).stderr).toMatch(message as RegExp);
  });
});

describe("the Strategy & Finance team's name follows the platform's language at init", () => {
  it.each([
    ["en", "Strategy & Finance team"],
    ["de", "Strategie- und Finanzteam"],
  ])("%s: %s", async (lang, name) => {
    const db = `${platform()}-${lang}.db`;
    await ok(["init", "--lang", lang], { db });
    expect((await okJson<Team>(["teams", "show", "strategy-finance"], { db })).name).toBe(name);
  });
});
