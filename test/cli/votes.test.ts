// A scripted Kernkreis through the built binary: twelve member groups with a representative each, votes by roll
// call, by count and in secret, who may vote, one vote per group, corrections, the quorum at close, and the
// decisions in the minutes. "Today" is pinned with PLATTFORM_TODAY.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordedActor } from "../server.js";
import { tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, query, type RunOptions } from "./util.js";

const TODAY = "2026-03-20";
const env = { PLATTFORM_TODAY: TODAY };
const at = (db: string): RunOptions => ({ db, env });

type Vote = {
  id: number;
  meeting: number;
  item: number | null;
  motion: string;
  mover: string | null;
  mode: string;
  majority: string;
  base: string;
  status: "open" | "closed";
  yes: number | null;
  no: number | null;
  abstain: number | null;
  present: number;
  entitled: number;
  quorum: { required: number; present: number; met: boolean };
  result: "adopted" | "rejected" | "no-quorum" | null;
  casts?: Array<{ group: string; choice: string }>;
  corrections?: Array<{ group: string; from: string; to: string; reason: string; actor: string }>;
};

const GROUPS: Array<[string, string, string, string]> = [
  ["Ev. Kirchengemeinde Alt-Schöneweide", "ASW", "parish", "Ingrid Hoffmann"],
  ["Moscheeverein Al-Nur", "NUR", "mosque", "Yusuf Demir"],
  ["Mieterinitiative Kosmosviertel", "KOSMOS", "tenants", "Hatice Kaya"],
  ["Grundschule an der Dahme", "DAHME", "school", "Claudia Berger"],
  ["Kath. Gemeinde St. Josef", "JOSEF", "parish", "Maria Schmidt"],
  ["Vietnamesischer Kulturverein", "VIET", "migrants", "Thi Lan Nguyen"],
  ["Stadtteilzentrum Wuhlepark", "WUHLE", "social", "Uwe Krause"],
  ["Kiezclub Spindlersfeld", "SPINDL", "culture", "Petra Wendt"],
  ["Türkischer Elternverein", "ELTERN", "migrants", "Ayşe Yıldız"],
  ["Gewerkschaftsjugend Treptow", "GEWJ", "union", "Jonas Richter"],
  ["Mietergemeinschaft Dammweg", "DAMM", "tenants", "Renate Fuchs"],
  ["Kiezsport Adlershof", "ADLER", "sports", "Murat Aksoy"],
];
const SHORTS = GROUPS.map((g) => g[1]);
const REPS = GROUPS.map((g) => g[3]);

/**
 * Meetings: #1 Kernkreis 10.3.2026 (all twelve present; a group that left the day before and one that joined on
 * 18.3. are no members that day and cannot be present), #2 Kernkreis 17.3.2026 (six of twelve present),
 * #3 Kernkreis 10.2.2026 (held, minutes approved at #1: locked), #4 Kernkreis 14.4.2026 (cancelled).
 * Votes in the template: #1 roll call at #1, ASW has voted yes; #2 count at #1; #3 roll call at #1, closed.
 */
let template: string;
beforeAll(async () => {
  const db = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform", "--lang", "en"], { db });
  const commands: string[][] = [];
  for (const [name, short, kind, rep] of GROUPS) {
    commands.push(["groups", "add", name, "--short", short, "--kind", kind, "--joined", "2016-01-01"]);
    commands.push(["people", "add", rep, "--group", short, "--role", "representative", "--since", "2016-01-01"]);
  }
  commands.push(
    ["groups", "add", "SV Blau-Weiß Johannisthal", "--short", "BWJ", "--kind", "sports", "--joined", "2017-06-12"],
    ["people", "add", "Rüdiger Voigt", "--group", "BWJ", "--role", "representative", "--since", "2017-06-12"],
    ["groups", "leave", "BWJ", "--date", "2026-03-09"],
    ["groups", "add", "Initiative Neue Nachbarn", "--short", "NEU", "--kind", "social", "--joined", "2026-03-18"],
    ["people", "add", "Nina Neumann", "--group", "NEU", "--role", "representative", "--since", "2026-03-18"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-10", "--time", "19:00", "--template", "standard"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-17", "--time", "19:00", "--template", "standard"],
    ["meetings", "add", "kernkreis", "--date", "2026-02-10", "--time", "19:00"],
    ["meetings", "add", "kernkreis", "--date", "2026-04-14", "--time", "19:00"],
    ["meetings", "attend", "1", ...REPS],
    ["meetings", "attend", "2", ...REPS.slice(0, 6)],
    ["meetings", "close", "3"],
    ["meetings", "approve", "3", "--at", "1"],
    ["meetings", "cancel", "4"],
    ["votes", "open", "1", "Die Plattform unterstützt die Mieterversammlung im Kosmosviertel.", "--item", "5", "--mover", "KOSMOS"],
    ["votes", "cast", "1", "ASW", "yes"],
    ["votes", "open", "1", "Der Kernkreis lädt die Bezirksbürgermeisterin ein.", "--mode", "count"],
    ["votes", "open", "1", "Das Protokoll wird per E-Mail verschickt."],
    ["votes", "cast", "3", "NUR", "yes"],
    ["votes", "close", "3"],
  );
  for (const args of commands) await ok(args, at(db));
  template = db;
}, 120_000);

const platform = () => copyOf(template);

async function castAll(db: string, vote: number, choices: string[]): Promise<void> {
  for (const [i, choice] of choices.entries()) await ok(["votes", "cast", String(vote), SHORTS[i]!, choice], at(db));
}

describe("the scripted Kernkreis", () => {
  it("5 yes, 4 no and 3 abstentions, simple majority of yes and no: adopted", async () => {
    const db = platform();
    const opened = await okJson<Vote>(["votes", "open", "1", "Die Plattform startet eine Kampagne für bezahlbare Mieten.", "--item", "5", "--mover", "DAHME"], at(db));
    expect(opened).toMatchObject({ meeting: 1, item: 5, mover: "Grundschule an der Dahme", mode: "roll-call", majority: "simple", base: "yes-no", status: "open", result: null });
    await castAll(db, opened.id, [...Array(5).fill("yes"), ...Array(4).fill("no"), ...Array(3).fill("abstain")]);
    const closed = await okJson<Vote>(["votes", "close", String(opened.id)], at(db));
    expect(closed).toMatchObject({
      id: opened.id,
      meeting: 1,
      motion: "Die Plattform startet eine Kampagne für bezahlbare Mieten.",
      mode: "roll-call",
      majority: "simple",
      base: "yes-no",
      status: "closed",
      yes: 5,
      no: 4,
      abstain: 3,
      present: 12,
      entitled: 12,
      quorum: { required: 7, present: 12, met: true },
      result: "adopted",
    });
    expect(closed.casts).toHaveLength(12);
    expect(closed.casts).toContainEqual({ group: "Ev. Kirchengemeinde Alt-Schöneweide", choice: "yes" });
    expect(closed.casts).toContainEqual({ group: "Kiezsport Adlershof", choice: "abstain" });
    for (const key of ["id", "meeting", "motion", "mode", "majority", "base", "status", "yes", "no", "abstain", "present", "entitled", "quorum", "result", "casts"])
      expect(closed).toHaveProperty(key);
    expect(await okJson<Vote>(["votes", "show", String(opened.id)], at(db))).toEqual(closed);
  });

  it("4 yes and 4 no: rejected", async () => {
    const db = platform();
    const { id } = await okJson<Vote>(["votes", "open", "1", "Der Kernkreis tagt künftig dienstags."], at(db));
    await castAll(db, id, [...Array(4).fill("yes"), ...Array(4).fill("no"), ...Array(4).fill("abstain")]);
    expect(await okJson<Vote>(["votes", "close", String(id)], at(db))).toMatchObject({ yes: 4, no: 4, abstain: 4, result: "rejected" });
  });

  it("with quorum 'half' (the default) and 6 of 12 groups present: no-quorum", async () => {
    const db = platform();
    expect((await ok(["config", "get", "quorum"], at(db))).stdout).toContain("half");
    const { id } = await okJson<Vote>(["votes", "open", "2", "Die Plattform tritt dem Bündnis bei."], at(db));
    await castAll(db, id, Array(6).fill("yes"));
    const closed = await okJson<Vote>(["votes", "close", String(id)], at(db));
    expect(closed).toMatchObject({ yes: 6, no: 0, present: 6, entitled: 12, quorum: { required: 7, present: 6, met: false }, result: "no-quorum" });
  });

  it("a group that left the day before and one that joined after the meeting can neither be present nor vote", async () => {
    const db = platform();
    expect((await fails(["meetings", "attend", "1", "Rüdiger Voigt"], at(db), 1)).stderr).toMatch(/^error: SV Blau-Weiß Johannisthal is not a member group on the day of meeting #1/);
    expect((await fails(["meetings", "attend", "1", "Nina Neumann", "--for", "NEU"], at(db), 1)).stderr).toMatch(/^error: Initiative Neue Nachbarn is not a member group on the day of meeting #1/);
    expect((await fails(["votes", "cast", "1", "BWJ", "yes"], at(db), 1)).stderr).toMatch(/left on 2026-03-09/);
    expect((await fails(["votes", "cast", "1", "NEU", "yes"], at(db), 1)).stderr).toMatch(/joined on 2026-03-18/);
    // Neither counts: 12 present, 12 entitled.
    expect(await okJson<Vote>(["votes", "show", "1"], at(db))).toMatchObject({ present: 12, entitled: 12 });
  });

  it("meetings close refuses while a vote of the meeting is open, naming the votes; closes once each is closed", async () => {
    const db = platform();
    const result = await fails(["meetings", "close", "1"], at(db), 1);
    expect(result.stderr).toMatch(/^error: meeting #1 \(2026-03-10\) still has open votes: #1, #2 — close each vote first/);
    expect((await fails(["meetings", "close", "1", "--lang", "de"], at(db), 1)).stderr).toMatch(/^Fehler: Sitzung #1 \(10.03.2026\) hat noch offene Abstimmungen: #1, #2 — /);
    await ok(["votes", "close", "1"], at(db));
    await ok(["votes", "count", "2", "--yes", "6", "--no", "3", "--abstain", "1"], at(db));
    await ok(["votes", "close", "2"], at(db));
    await ok(["meetings", "close", "1"], at(db));
  });

  it("an absent member group's vote is refused", async () => {
    const db = platform();
    const { id } = await okJson<Vote>(["votes", "open", "2", "Antrag"], at(db));
    expect((await fails(["votes", "cast", String(id), "WUHLE", "yes"], at(db), 1)).stderr).toMatch(/nobody attends meeting #2/);
  });

  it("a second vote by a group is refused and points to votes recast; a recast corrects it, logged", async () => {
    const db = platform();
    const error = (await fails(["votes", "cast", "1", "ASW", "no"], at(db), 1)).stderr;
    expect(error).toMatch(/already voted/);
    expect(error).toMatch(/votes recast 1/);
    const corrected = await okJson<Vote>(["votes", "recast", "1", "ASW", "no", "--reason", "Versehentlich als Ja erfasst", "--as", "Protokollführerin"], at(db));
    expect(corrected.casts).toEqual([{ group: "Ev. Kirchengemeinde Alt-Schöneweide", choice: "no" }]);
    expect(corrected.corrections).toEqual([expect.objectContaining({ group: "Ev. Kirchengemeinde Alt-Schöneweide", from: "yes", to: "no", reason: "Versehentlich als Ja erfasst", actor: "Protokollführerin" })]);
    const audit = query(db, "SELECT actor, entity, action, changes FROM audit_log WHERE action = 'recast'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: recordedActor("Protokollführerin"), entity: "vote_cast" });
    expect(JSON.parse(audit[0].changes)).toMatchObject({ choice: ["yes", "no"], reason: "Versehentlich als Ja erfasst" });
    expect((await ok(["votes", "show", "1"], at(db))).stdout).toMatch(/Corrections[\s\S]*yes → no \(Versehentlich als Ja erfasst\)/);
  });

  it("count mode: totals above the entitled groups present exit 1; within them the vote is counted and closed", async () => {
    const db = platform();
    // 14 people are present at #1, but only the 12 member groups count.
    expect((await fails(["votes", "count", "2", "--yes", "7", "--no", "4", "--abstain", "2"], at(db), 1)).stderr).toMatch(/13 votes counted, but only 12/);
    const counted = await okJson<Vote>(["votes", "count", "2", "--no", "4", "--yes", "7", "--abstain", "1"], at(db));
    expect(counted).toMatchObject({ mode: "count", yes: 7, no: 4, abstain: 1, status: "open" });
    expect(counted).not.toHaveProperty("casts");
    expect(await okJson<Vote>(["votes", "close", "2"], at(db))).toMatchObject({ result: "adopted", yes: 7, no: 4, abstain: 1 });
  });

  it("the global --yes and a count's --yes <n> live side by side, in every spelling", async () => {
    const db = platform();
    expect(await okJson<Vote>(["votes", "count", "2", "--yes=3", "--no", "1", "--abstain", "0"], at(db))).toMatchObject({ yes: 3, no: 1, abstain: 0 });
    expect(await okJson<Vote>(["--yes", "votes", "count", "2", "--abstain", "2", "--yes", "5", "--no", "1"], at(db))).toMatchObject({ yes: 5, no: 1, abstain: 2 });
  });

  it("a closed vote cannot be cast, recast, counted or closed again", async () => {
    const db = platform();
    expect((await fails(["votes", "cast", "3", "ASW", "yes"], at(db), 1)).stderr).toMatch(/vote #3 is closed/);
    await fails(["votes", "recast", "3", "NUR", "no", "--reason", "Irrtum"], at(db), 1);
    await fails(["votes", "close", "3"], at(db), 1);
    await ok(["votes", "count", "2", "--yes", "6", "--no", "0", "--abstain", "0"], at(db));
    await ok(["votes", "close", "2"], at(db));
    expect((await fails(["votes", "count", "2", "--yes", "1", "--no", "0", "--abstain", "0"], at(db), 1)).stderr).toMatch(/vote #2 is closed/);
  });

  it("secret votes take totals only; German choice words are accepted in roll calls", async () => {
    const db = platform();
    const secret = await okJson<Vote>(["votes", "open", "1", "Satzungsänderung § 4", "--mode", "secret", "--majority", "two-thirds", "--base", "present"], at(db));
    expect(secret).toMatchObject({ mode: "secret", majority: "two-thirds", base: "present", yes: null, no: null, abstain: null });
    await fails(["votes", "cast", String(secret.id), "NUR", "yes"], at(db), 1);
    await ok(["votes", "count", String(secret.id), "--yes", "8", "--no", "3", "--abstain", "1"], at(db));
    expect(await okJson<Vote>(["votes", "close", String(secret.id)], at(db))).toMatchObject({ result: "adopted" }); // 3·8 ≥ 2·12
    expect((await okJson<Vote>(["votes", "cast", "1", "NUR", "nein"], at(db))).casts).toContainEqual({ group: "Moscheeverein Al-Nur", choice: "no" });
  });
});

describe("reading votes", () => {
  it("list: all votes or one meeting's, as JSON or a table", async () => {
    const db = platform();
    expect((await okJson<Vote[]>(["votes", "list"], at(db))).map((v) => v.id)).toEqual([1, 2, 3]);
    expect(await okJson<Vote[]>(["votes", "list", "--meeting", "2"], at(db))).toEqual([]);
    const table = (await ok(["votes", "list"], at(db))).stdout;
    expect(table).toMatch(/roll call/);
    expect(table).toMatch(/show of hands/);
    expect(table).toMatch(/adopted/);
    expect((await ok(["votes", "list", "--meeting", "2"], at(db))).stdout.trim()).toBe("No votes.");
  });

  it("show: the motion, the roll call so far and who has not voted yet, in English and German", async () => {
    const db = platform();
    const en = (await ok(["votes", "show", "1"], at(db))).stdout;
    expect(en).toContain("Die Plattform unterstützt die Mieterversammlung im Kosmosviertel.");
    expect(en).toContain("Mieterinitiative Kosmosviertel");
    expect(en).toMatch(/1 yes, 0 no, 0 abstentions/);
    expect(en).toMatch(/Present and not voted yet: .*Moscheeverein Al-Nur/);
    expect(en).not.toMatch(/not voted yet: .*SV Blau-Weiß/);
    const de = (await ok(["votes", "show", "1", "--lang", "de"], at(db))).stdout;
    expect(de).toMatch(/Antrag\s+Die Plattform/);
    expect(de).toMatch(/namentlich/);
  });

  it("the minutes state each closed motion: wording, mover, how voted, figures, quorum, result and the sides", async () => {
    const db = platform();
    // ASW has voted yes already; the other eleven: 5 yes, 4 no, 2 abstentions.
    const rest = [...Array(5).fill("yes"), ...Array(4).fill("no"), ...Array(2).fill("abstain")];
    for (const [i, choice] of rest.entries()) await ok(["votes", "cast", "1", SHORTS[i + 1]!, choice], at(db));
    await ok(["votes", "close", "1"], at(db));
    const md = (await ok(["report", "minutes", "1", "--format", "md"], at(db))).stdout;
    // Each motion under its agenda item, and all of them in the summary of decisions.
    const decisions = md.slice(md.indexOf("## Proceedings"));
    expect(decisions).toContain("Die Plattform unterstützt die Mieterversammlung im Kosmosviertel.");
    expect(decisions).toMatch(/Moved by:\*\* Mieterinitiative Kosmosviertel/);
    expect(decisions).toMatch(/roll call/);
    expect(decisions).toMatch(/yes 6, no 4, abstentions 2/);
    expect(decisions).toMatch(/adopted/);
    expect(decisions).toMatch(/Yes \(6\):\*\* .*Ev\. Kirchengemeinde Alt-Schöneweide/);
    expect(decisions).toMatch(/No \(4\):\*\* /);
    // The open count vote is not a decision yet; the closed roll call #3 is.
    expect(decisions).not.toContain("Bezirksbürgermeisterin");
    expect(decisions).toContain("Das Protokoll wird per E-Mail verschickt.");
    expect(md.slice(md.indexOf("## Decisions"))).toMatch(/\| Die Plattform unterstützt die Mieterversammlung im Kosmosviertel\. \| 6 \/ 4 \/ 2 \| adopted \|/);
  });
});

describe("bad input: exit code, one line on stderr, the data file unchanged", () => {
  it.each<[string, string[], number]>([
    // open
    ["open: unknown meeting", ["votes", "open", "99", "Antrag"], 1],
    ["open: empty motion", ["votes", "open", "1", "  "], 1],
    ["open: control characters in the motion", ["votes", "open", "1", "Antrag\u001b[31m"], 1],
    ["open: missing motion", ["votes", "open", "1"], 2],
    ["open: unknown item", ["votes", "open", "1", "Antrag", "--item", "42"], 1],
    ["open: unknown mover", ["votes", "open", "1", "Antrag", "--mover", "Niemand"], 1],
    ["open: unknown mode", ["votes", "open", "1", "Antrag", "--mode", "hands"], 2],
    ["open: unknown majority", ["votes", "open", "1", "Antrag", "--majority", "most"], 2],
    ["open: unknown base", ["votes", "open", "1", "Antrag", "--base", "all"], 2],
    ["open: locked minutes", ["votes", "open", "3", "Antrag"], 1],
    ["open: cancelled meeting", ["votes", "open", "4", "Antrag"], 1],
    // cast
    ["cast: unknown vote", ["votes", "cast", "99", "ASW", "yes"], 1],
    ["cast: unknown group", ["votes", "cast", "1", "NIRGENDS", "yes"], 1],
    ["cast: not a choice", ["votes", "cast", "1", "NUR", "vielleicht"], 1],
    ["cast: missing choice", ["votes", "cast", "1", "NUR"], 2],
    ["cast: into a count vote", ["votes", "cast", "2", "NUR", "yes"], 1],
    ["cast: a second vote by the same group", ["votes", "cast", "1", "ASW", "yes"], 1],
    ["cast: a group that left the day before", ["votes", "cast", "1", "BWJ", "yes"], 1],
    ["cast: a group that joined after the meeting", ["votes", "cast", "1", "NEU", "yes"], 1],
    ["cast: into a closed vote", ["votes", "cast", "3", "ASW", "yes"], 1],
    // recast
    ["recast: without --reason", ["votes", "recast", "1", "ASW", "no"], 2],
    ["recast: an empty reason", ["votes", "recast", "1", "ASW", "no", "--reason", " "], 1],
    ["recast: a group that has not voted", ["votes", "recast", "1", "NUR", "no", "--reason", "Irrtum"], 1],
    ["recast: the same choice", ["votes", "recast", "1", "ASW", "yes", "--reason", "Irrtum"], 1],
    ["recast: unknown vote", ["votes", "recast", "99", "ASW", "no", "--reason", "Irrtum"], 1],
    ["recast: a count vote", ["votes", "recast", "2", "ASW", "no", "--reason", "Irrtum"], 1],
    ["recast: a closed vote", ["votes", "recast", "3", "NUR", "no", "--reason", "Irrtum"], 1],
    // count
    ["count: more than the groups present", ["votes", "count", "2", "--yes", "13", "--no", "0", "--abstain", "0"], 1],
    ["count: not a number", ["votes", "count", "2", "--yes", "sieben", "--no", "0", "--abstain", "0"], 1],
    ["count: a fraction", ["votes", "count", "2", "--yes", "1.5", "--no", "0", "--abstain", "0"], 1],
    ["count: a negative number", ["votes", "count", "2", "--yes", "3", "--no=-1", "--abstain", "0"], 1],
    ["count: a negative --yes", ["votes", "count", "2", "--yes", "-1", "--no", "0", "--abstain", "0"], 1],
    ["count: missing --abstain", ["votes", "count", "2", "--yes", "3", "--no", "1"], 2],
    ["count: --yes without a number", ["votes", "count", "2", "--yes", "--no", "1", "--abstain", "0"], 2],
    ["count: a roll call", ["votes", "count", "1", "--yes", "3", "--no", "1", "--abstain", "0"], 1],
    ["count: unknown vote", ["votes", "count", "99", "--yes", "3", "--no", "1", "--abstain", "0"], 1],
    ["count: a closed vote", ["votes", "count", "3", "--yes", "3", "--no", "1", "--abstain", "0"], 1],
    // close
    ["close: unknown vote", ["votes", "close", "99"], 1],
    ["close: not a vote number", ["votes", "close", "Antrag"], 1],
    ["close: nothing counted yet", ["votes", "close", "2"], 1],
    ["close: already closed", ["votes", "close", "3"], 1],
    // read
    ["show: unknown vote", ["votes", "show", "99"], 1],
    ["list: unknown meeting", ["votes", "list", "--meeting", "99"], 1],
  ])("%s", async (_what, args, code) => {
    await fails(args, at(platform()), code);
  });

  it("errors are translated", async () => {
    const db = platform();
    expect((await fails(["votes", "cast", "1", "ASW", "no", "--lang", "de"], at(db), 1)).stderr).toMatch(/^Fehler: .*bereits abgestimmt.*votes recast/);
    expect((await fails(["votes", "cast", "1", "BWJ", "no", "--lang", "de"], at(db), 1)).stderr).toMatch(/^Fehler: .*ausgetreten am 09.03.2026/);
  });
});

describe("help", () => {
  it.each([["votes"], ["votes", "open"], ["votes", "cast"], ["votes", "recast"], ["votes", "count"], ["votes", "close"], ["votes", "show"], ["votes", "list"]])(
    "%s %s --help leads with examples",
    async (...command) => {
      const out = (await ok([...command, "--help"])).stdout;
      expect(out.indexOf("Examples")).toBeGreaterThanOrEqual(0);
      expect(out.indexOf("Examples")).toBeLessThan(out.indexOf("Usage"));
      expect(out).toContain("$ plattform votes");
    },
  );
});

describe("votes withdraw", () => {
  it("withdraws the motion of an open vote: the minutes show it as withdrawn with the reason, and the meeting can close", async () => {
    const db = platform();
    const withdrawn = await okJson<Vote & { withdrawnReason: string }>(["votes", "withdraw", "1", "--reason", "opened by mistake"], at(db));
    expect(withdrawn).toMatchObject({ id: 1, status: "withdrawn", result: null, withdrawnReason: "opened by mistake" });
    expect(query(db, "SELECT status, withdrawn_reason FROM votes WHERE id = 1")).toEqual([{ status: "withdrawn", withdrawn_reason: "opened by mistake" }]);
    const said = (await ok(["votes", "withdraw", "2", "--reason", "the mover took it back"], at(db))).stdout;
    expect(said).toBe("Motion of vote #2 at Kernkreis 2026-03-10 19:00 withdrawn: “Der Kernkreis lädt die Bezirksbürgermeisterin ein.”.\n");
    // #3 is closed: with both others withdrawn nothing is open, and the meeting closes.
    await ok(["meetings", "close", "1"], at(db));
    const minutes = (await ok(["report", "minutes", "1"], at(db))).stdout;
    expect(minutes).toContain("- **Motion:** Die Plattform unterstützt die Mieterversammlung im Kosmosviertel.\n- **Moved by:** Mieterinitiative Kosmosviertel\n- **Result:** withdrawn\n- **Reason for withdrawal:** opened by mistake");
    expect(minutes).toContain("- **Result:** withdrawn\n- **Reason for withdrawal:** the mover took it back");
    const entries = await okJson<Array<{ action: string; entity: string; entityId: number; changes: unknown }>>(["log", "--entity", "vote"], at(db));
    expect(entries.filter((e) => e.action === "withdraw").map((e) => [e.entityId, e.changes])).toEqual([
      [1, { reason: "opened by mistake" }],
      [2, { reason: "the mover took it back" }],
    ]);
  });

  it("refuses a closed vote, a withdrawn one, a missing reason and a vote of locked minutes; the file stays unchanged", async () => {
    const db = platform();
    expect((await fails(["votes", "withdraw", "3", "--reason", "x"], at(db), 1)).stderr).toMatch(/^error: vote #3 is closed \(adopted\) and cannot be changed/);
    await ok(["votes", "withdraw", "1", "--reason", "opened by mistake"], at(db));
    expect((await fails(["votes", "withdraw", "1", "--reason", "again"], at(db), 1)).stderr).toMatch(/^error: the motion of vote #1 was withdrawn/);
    expect((await fails(["votes", "cast", "1", "NUR", "yes"], at(db), 1)).stderr).toMatch(/^error: the motion of vote #1 was withdrawn/);
    expect((await fails(["votes", "withdraw", "2"], at(db), 2)).stderr).toMatch(/--reason/);
    expect((await fails(["votes", "withdraw", "2", "--reason", "  "], at(db), 1)).stderr).toMatch(/--reason/);
  });
});

describe("confirmations", () => {
  it("every write to a vote names the meeting it belongs to", async () => {
    const db = platform();
    const meeting = "(Kernkreis 2026-03-10 19:00)";
    expect((await ok(["votes", "cast", "1", "NUR", "no"], at(db))).stdout).toBe(`Moscheeverein Al-Nur votes no in vote #1 ${meeting}; so far 1 yes, 1 no, 0 abstentions.\n`);
    expect((await ok(["votes", "recast", "1", "NUR", "yes", "--reason", "slip"], at(db))).stdout).toContain(`in vote #1 ${meeting}`);
    expect((await ok(["votes", "count", "2", "--yes", "9", "--no", "1", "--abstain", "2"], at(db))).stdout).toMatch(new RegExp(`^Vote #2 \\(Kernkreis 2026-03-10 19:00\\): 9 yes`));
    expect((await ok(["votes", "close", "2"], at(db))).stdout).toMatch(/^Vote #2 \(Kernkreis 2026-03-10 19:00\) closed: adopted/);
  });
});
