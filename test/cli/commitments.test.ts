// commitments add/update/list/show through the built binary: decision makers reused by name, dated follow-ups,
// the overdue rule, the exact kept rate of `report commitments`, and bad input that leaves the file unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate, copyOf, fails, ok, okJson, query, type RunOptions } from "./util.js";

const TODAY = "2026-06-15";
const at = (db: string, today = TODAY): RunOptions => ({ db, env: { PLATTFORM_TODAY: today } });

type Commitment = {
  id: number;
  ask: string;
  from: string;
  office: string | null;
  body: string | null;
  answer: string;
  meeting: number | null;
  date: string;
  due: string | null;
  status: string;
  statusDate: string;
  overdue: boolean;
  updates?: Array<{ date: string; status: string; note: string | null }>;
};

/** Meeting #1 an assembly on 2026-05-09 (planned), #2 a Kernkreis on 2026-05-20 (cancelled). */
let template: string;
beforeAll(async () => {
  template = await buildTemplate(
    [
      ["meetings", "add", "assembly", "--date", "2026-05-09", "--title", "Große Versammlung"],
      ["meetings", "add", "kernkreis", "--date", "2026-05-20"],
      ["meetings", "cancel", "2"],
    ],
    ["--name", "Testplattform", "--lang", "en"],
  );
}, 60_000);
const platform = () => copyOf(template);

function add(db: string, from: string, answer: string, extra: string[] = []): Promise<Commitment> {
  return okJson<Commitment>(["commitments", "add", "--ask", `Ask to ${from}`, "--from", from, "--answer", answer, ...extra], at(db));
}

describe("commitments add", () => {
  it("records the ask at a meeting, on the meeting's date, pending", async () => {
    const db = platform();
    const c = await add(db, "Anna Weber", "yes", ["--office", "Bezirksbürgermeisterin", "--body", "Bezirksamt Neukölln", "--at", "1", "--due", "30.6.2026"]);
    expect(c).toEqual({
      id: 1,
      ask: "Ask to Anna Weber",
      from: "Anna Weber",
      decisionMakerId: 1,
      office: "Bezirksbürgermeisterin",
      body: "Bezirksamt Neukölln",
      answer: "yes",
      meeting: 1,
      date: "2026-05-09",
      due: "2026-06-30",
      status: "pending",
      statusDate: "2026-05-09",
      overdue: false,
      updates: [],
    });
    expect((await ok(["commitments", "add", "--ask", "Tempo 30", "--from", "Bernd Roth", "--answer", "no"], at(db))).stdout).toContain("Bernd Roth answered no");
    // without --at and --date: today
    expect((await okJson<Commitment[]>(["commitments", "list"], at(db))).map((x) => x.date)).toEqual(["2026-05-09", TODAY]);
  });

  it("reuses a decision maker by name (any case); a new office or body updates theirs", async () => {
    const db = platform();
    await add(db, "Anna Weber", "yes", ["--office", "Stadträtin", "--body", "Bezirksamt"]);
    const second = await add(db, "anna weber", "partial", ["--office", "Bürgermeisterin"]);
    expect(second).toMatchObject({ from: "Anna Weber", decisionMakerId: 1, office: "Bürgermeisterin", body: "Bezirksamt" });
    expect(query(db, "SELECT count(*) AS n FROM decision_makers")[0].n).toBe(1);
    expect((await okJson<Commitment>(["commitments", "show", "1"], at(db))).office).toBe("Bürgermeisterin");
  });
});

describe("commitments update, show and list", () => {
  it("dated follow-ups are kept as history; the status is the latest by date", async () => {
    const db = platform();
    await add(db, "Anna Weber", "yes", ["--at", "1", "--due", "2026-06-30"]);
    await ok(["commitments", "update", "1", "--status", "in-progress", "--note", "Ausschreibung läuft", "--date", "2026-05-20"], at(db));
    const kept = await okJson<Commitment>(["commitments", "update", "1", "--status", "kept", "--date", "2026-06-10"], at(db));
    expect(kept).toMatchObject({ status: "kept", statusDate: "2026-06-10" });
    // a follow-up entered late for an earlier day goes into the history but does not change the status
    const late = await okJson<Commitment>(["commitments", "update", "1", "--status", "in-progress", "--note", "Nachtrag", "--date", "2026-05-25"], at(db));
    expect(late.status).toBe("kept");
    expect(late.updates).toEqual([
      { date: "2026-05-20", status: "in-progress", note: "Ausschreibung läuft" },
      { date: "2026-05-25", status: "in-progress", note: "Nachtrag" },
      { date: "2026-06-10", status: "kept", note: null },
    ]);
    const shown = (await ok(["commitments", "show", "1"], at(db))).stdout;
    expect(shown).toContain("Follow-ups");
    expect(shown).toContain("Ausschreibung läuft");
    const german = (await ok(["commitments", "show", "1", "--lang", "de"], at(db))).stdout;
    expect(german).toContain("eingehalten, 10.06.2026");
    expect(german).toContain("Nachverfolgung");
  });

  it("overdue: the due date has passed and it is still pending or in progress (due today is not overdue)", async () => {
    const db = platform();
    await add(db, "A", "yes", ["--date", "2026-05-01", "--due", "2026-06-14"]); // 1 overdue
    await add(db, "B", "yes", ["--date", "2026-05-01", "--due", TODAY]); // 2 due today
    await add(db, "C", "yes", ["--date", "2026-05-01", "--due", "2026-06-01"]); // 3 in progress, overdue
    await add(db, "D", "yes", ["--date", "2026-05-01", "--due", "2026-06-01"]); // 4 kept: not overdue
    await add(db, "E", "no", ["--date", "2026-05-01"]); // 5 no due date
    await ok(["commitments", "update", "3", "--status", "in-progress", "--date", "2026-06-02"], at(db));
    await ok(["commitments", "update", "4", "--status", "kept", "--date", "2026-06-02"], at(db));
    expect((await okJson<Commitment[]>(["commitments", "list", "--overdue"], at(db))).map((c) => c.id)).toEqual([1, 3]);
    expect((await okJson<Commitment[]>(["commitments", "list"], at(db))).filter((c) => c.overdue).map((c) => c.id)).toEqual([1, 3]);
    expect((await okJson<Commitment[]>(["commitments", "list", "--status", "pending"], at(db))).map((c) => c.id)).toEqual([1, 2, 5]);
    expect((await ok(["commitments", "list"], at(db))).stdout).toContain("in progress (overdue)");
    // the next day the one due today is overdue too
    expect((await okJson<Commitment[]>(["commitments", "list", "--overdue"], at(db, "2026-06-16"))).map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it("list by decision maker and by body (any case)", async () => {
    const db = platform();
    await add(db, "Anna Weber", "yes", ["--body", "Bezirksamt Neukölln"]);
    await add(db, "Bernd Roth", "no", ["--body", "bezirksamt neukölln"]);
    await add(db, "Cem Aydın", "partial", ["--body", "Degewo"]);
    expect((await okJson<Commitment[]>(["commitments", "list", "--from", "bernd roth"], at(db))).map((c) => c.id)).toEqual([2]);
    expect((await okJson<Commitment[]>(["commitments", "list", "--body", "BEZIRKSAMT NEUKÖLLN"], at(db))).map((c) => c.id)).toEqual([1, 2]);
    expect((await ok(["commitments", "list", "--body", "Nirgendwo"], at(db))).stdout).toContain("No commitments.");
  });
});

describe("report commitments", () => {
  it("the kept rate is kept ÷ (kept + broken), a whole percentage rounded half up, overall and per decision maker and body", async () => {
    const db = platform();
    // Anna Weber (Bezirksamt): 2 kept, 1 broken, 1 in progress → 2/3 = 66.7 % → 67
    // Bernd Roth (Bezirksamt): 1 kept, 4 broken → 1/5 = 20 %
    // Cem Aydın (no body): 1 pending, overdue → no rate
    const plan: Array<[string, string, string | null]> = [
      ["Anna Weber", "kept", "Bezirksamt"],
      ["Anna Weber", "kept", "Bezirksamt"],
      ["Anna Weber", "broken", "Bezirksamt"],
      ["Anna Weber", "in-progress", "Bezirksamt"],
      ["Bernd Roth", "kept", "Bezirksamt"],
      ["Bernd Roth", "broken", "Bezirksamt"],
      ["Bernd Roth", "broken", "Bezirksamt"],
      ["Bernd Roth", "broken", "Bezirksamt"],
      ["Bernd Roth", "broken", "Bezirksamt"],
      ["Cem Aydın", "pending", null],
    ];
    for (const [i, [from, status, body]] of plan.entries()) {
      await add(db, from, "yes", ["--date", "2026-04-01", "--due", i === 9 ? "2026-06-01" : "2026-12-31", ...(body ? ["--body", body] : [])]);
      if (status !== "pending") await ok(["commitments", "update", String(i + 1), "--status", status, "--date", "2026-05-01"], at(db));
    }
    const report = await okJson<any>(["report", "commitments"], at(db));
    // overall: 3 kept, 5 broken → 3/8 = 37.5 % → 38 (half up)
    expect(report).toMatchObject({ total: 10, kept: 3, broken: 5, inProgress: 1, pending: 1, keptRate: 38 });
    expect(report.overdue.map((c: Commitment & { daysOverdue: number }) => [c.id, c.from, c.daysOverdue])).toEqual([[10, "Cem Aydın", 14]]);
    expect(report.byDecisionMaker.map((d: any) => [d.decisionMaker, d.total, d.kept, d.broken, d.keptRate, d.overdue])).toEqual([
      ["Anna Weber", 4, 2, 1, 67, 0],
      ["Bernd Roth", 5, 1, 4, 20, 0],
      ["Cem Aydın", 1, 0, 0, null, 1],
    ]);
    expect(report.byBody.map((b: any) => [b.body, b.total, b.keptRate])).toEqual([
      ["Bezirksamt", 9, 38],
      [null, 1, null],
    ]);
    const text = (await ok(["report", "commitments"], at(db))).stdout;
    expect(text).toContain("kept rate 38%");
    expect(text).toMatch(/Anna Weber\s.*\s67%/);
    expect((await ok(["report", "commitments", "--lang", "de"], at(db))).stdout).toContain("Einhaltungsquote 38 %");
    const md = (await ok(["report", "commitments", "--format", "md"], at(db))).stdout;
    expect(md).toContain("| Anna Weber |   | Bezirksamt | 4 | 2 | 1 | 1 | 0 | 0 | 67% |");
    // --since counts only the commitments given from then on
    expect((await okJson<any>(["report", "commitments", "--since", "2026-06-01"], at(db))).total).toBe(0);
  });
});

describe("bad input: one error line, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    ["add: unknown meeting", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--at", "99"], 1],
    ["add: bad answer", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "maybe"], 2],
    ["add: bad due date", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--due", "31.02.2026"], 1],
    ["add: bad date", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--date", "gestern abend"], 1],
    ["add: due before the answer", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--at", "1", "--due", "2026-05-01"], 1],
    ["add: at a cancelled meeting", ["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--at", "2"], 1],
    ["add: empty ask", ["commitments", "add", "--ask", " ", "--from", "A", "--answer", "yes"], 1],
    ["add: without --from", ["commitments", "add", "--ask", "X", "--answer", "yes"], 2],
    ["update: unknown commitment", ["commitments", "update", "99", "--status", "kept"], 1],
    ["update: bad status", ["commitments", "update", "1", "--status", "done"], 2],
    ["update: without --status", ["commitments", "update", "1", "--note", "x"], 2],
    ["update: bad date", ["commitments", "update", "1", "--status", "kept", "--date", "2026-13-01"], 1],
    ["update: before the commitment was given", ["commitments", "update", "1", "--status", "kept", "--date", "2026-05-01"], 1],
    ["show: unknown commitment", ["commitments", "show", "abc"], 1],
    ["list: unknown decision maker", ["commitments", "list", "--from", "Niemand"], 1],
    ["list: bad status", ["commitments", "list", "--status", "done"], 2],
    ["report: bad --since", ["report", "commitments", "--since", "soon"], 1],
  ])("%s", async (_what, args, code) => {
    const db = platform();
    await add(db, "Anna Weber", "yes", ["--at", "1"]);
    await fails(args, at(db), code);
  });

  it("add at a meeting whose minutes are approved (locked)", async () => {
    const db = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-05-10"], at(db));
    await ok(["meetings", "add", "kernkreis", "--date", "2026-06-10"], at(db));
    await ok(["meetings", "close", "3"], at(db));
    await ok(["meetings", "approve", "3", "--at", "4", "--without-quorum"], at(db));
    expect((await fails(["commitments", "add", "--ask", "X", "--from", "A", "--answer", "yes", "--at", "3"], at(db), 1)).stderr).toMatch(/locked|approved/);
  });
});

describe("help", () => {
  it.each([
    ["commitments"],
    ["commitments", "add"],
    ["commitments", "update"],
    ["commitments", "list"],
    ["commitments", "show"],
    ["meetings", "turnout"],
    ["report", "commitments"],
    ["report", "attendance"],
    ["report", "annual"],
  ])("%s %s --help leads with examples, in English and German", async (...command) => {
    const en = (await ok([...command, "--help"])).stdout;
    expect(en.indexOf("Examples")).toBeGreaterThanOrEqual(0);
    expect(en.indexOf("Examples")).toBeLessThan(en.indexOf("Usage"));
    expect(en).toContain(`$ plattform ${command.join(" ")}`);
    expect((await ok([...command, "--help", "--lang", "de"])).stdout).toContain("Beispiele");
  });
});
