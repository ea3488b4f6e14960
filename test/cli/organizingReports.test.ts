// report attendance, report annual and the organizing part of `status`, on a small scripted year, through the
// built binary: exact figures, the drifting rule, and the annual report as self-contained, escaped HTML.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate, copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-06-15";
const at = (db: string, today = TODAY): RunOptions => ({ db, env: { PLATTFORM_TODAY: today } });

/** A group name, a motion and a decision maker full of characters HTML must escape. */
const NASTY_GROUP = 'Kultur & "Begegnung" <e.V.>';
const NASTY_MOTION = '<script>alert("x")</script> Mieten & Co';
const NASTY_PERSON = "Dr. <b>Weber</b> & 'Partner'";

type Row = { group: string; present: number; held: number; rate: number | null; drifting: boolean; excused: number; member: boolean };

/**
 * 2026, as of 15 June:
 * - JOSEF, NUR, KOSMOS members since 2020; NASTY (WEISSE) joined 15.3.2026; BWJ a member since 2019, left 1.4.2026.
 * - Kernkreis K1–K5 held on 10.1., 10.2., 10.3., 10.4., 10.5.; K6 on 1.7. planned; one on 20.5. cancelled;
 *   one on 1.6. planned but never closed (not counted as held for attendance).
 *   JOSEF at all five; NUR at K1, K2 only (absent from its last 3: drifting); KOSMOS at K1–K3, excused at K4
 *   (absent from only its last 2); NASTY member at K4, K5 and absent from both; BWJ absent at K1–K3, then left.
 * - At K1 a motion by count, 2 yes 1 no: adopted. An assembly on 9.5. (not closed) and a training on 2.5.
 * - Commitments: 3 given in 2026 (one kept, one broken, one pending and overdue), 1 in 2025 (kept).
 * - Conversations: 3 in 2026 (two by Eva, one by Ali; with 2 distinct people of 2 groups), 1 in 2025.
 * - A campaign of the action team Wohnen, started 1.2.2026, won on 1.6.2026.
 */
let template: string;
beforeAll(async () => {
  const kernkreis = ["2026-01-10", "2026-02-10", "2026-03-10", "2026-04-10", "2026-05-10"];
  template = await buildTemplate(
    [
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2020-01-01"],
      ["groups", "add", "Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2020-01-01"],
      ["groups", "add", "Kosmosviertel", "--short", "KOSMOS", "--kind", "tenants", "--joined", "2020-01-01"],
      ["groups", "add", NASTY_GROUP, "--short", "WEISSE", "--kind", "culture", "--joined", "2026-03-15"],
      ["groups", "add", "SV Blau-Weiß", "--short", "BWJ", "--kind", "sports", "--joined", "2019-01-01"],
      ["groups", "leave", "BWJ", "--date", "2026-04-01"],
      ["people", "add", "Eva Berg", "--group", "JOSEF", "--role", "representative", "--since", "2020-01-01"],
      ["people", "add", "Ali Kaya", "--group", "NUR", "--role", "representative", "--since", "2020-01-01"],
      ["people", "add", "Kim Roth", "--group", "KOSMOS", "--role", "representative", "--since", "2020-01-01"],
      ["people", "add", "Lea Sommer", "--group", "WEISSE", "--role", "representative", "--since", "2026-03-15"],
      ["people", "add", "Uwe Brandt", "--group", "BWJ", "--role", "representative", "--since", "2019-01-01"],
      ...kernkreis.map((date) => ["meetings", "add", "kernkreis", "--date", date]),
      ["meetings", "add", "kernkreis", "--date", "2026-07-01"], // 6
      ["meetings", "add", "kernkreis", "--date", "2026-05-20"], // 7, cancelled
      ["meetings", "cancel", "7"],
      ["meetings", "add", "kernkreis", "--date", "2026-06-01"], // 8, never closed
      ["meetings", "add", "assembly", "--date", "2026-05-09", "--title", "Große Versammlung"], // 9
      ["meetings", "add", "training", "--date", "2026-05-02", "--title", "Training"], // 10
      ["meetings", "attend", "1", "Eva Berg", "Ali Kaya", "Kim Roth"],
      ["meetings", "attend", "2", "Eva Berg", "Ali Kaya", "Kim Roth"],
      ["meetings", "attend", "3", "Eva Berg", "Kim Roth"],
      ["meetings", "attend", "4", "Eva Berg"],
      ["meetings", "excuse", "4", "KOSMOS"],
      ["meetings", "attend", "5", "Eva Berg"],
      ["meetings", "attend", "8", "Ali Kaya"],
      ["votes", "open", "1", NASTY_MOTION, "--mode", "count"],
      ["votes", "count", "1", "--yes", "2", "--no", "1", "--abstain", "0"],
      ["votes", "close", "1"],
      ...[1, 2, 3, 4, 5].map((id) => ["meetings", "close", String(id)]),
      ["commitments", "add", "--ask", "Tempo 30", "--from", NASTY_PERSON, "--body", "Bezirksamt", "--answer", "yes", "--at", "9", "--due", "2026-06-01"],
      ["commitments", "add", "--ask", "Runder Tisch", "--from", "Degewo", "--answer", "partial", "--at", "9", "--due", "2026-05-30"],
      ["commitments", "add", "--ask", "Sprechstunde", "--from", "Jobcenter", "--answer", "absent", "--date", "2026-02-01", "--due", "2026-04-01"],
      ["commitments", "add", "--ask", "Ampel", "--from", "Degewo", "--answer", "yes", "--date", "2025-11-01"],
      ["commitments", "update", "1", "--status", "kept", "--date", "2026-05-28"],
      ["commitments", "update", "2", "--status", "broken", "--date", "2026-06-02"],
      ["commitments", "update", "4", "--status", "kept", "--date", "2025-12-01"],
      ["conversations", "add", "--with", "Ali Kaya", "--by", "Eva Berg", "--date", "2026-02-03", "--topics", "Mieten"],
      ["conversations", "add", "--with", "Ali Kaya", "--by", "Eva Berg", "--date", "2026-03-03", "--follow-up", "2026-06-20"],
      ["conversations", "add", "--with", "Kim Roth", "--by", "Ali Kaya", "--date", "2026-04-03", "--follow-up", "2026-06-01"],
      ["conversations", "add", "--with", "Kim Roth", "--by", "Eva Berg", "--date", "2025-12-03"],
      ["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"],
      ["campaigns", "add", "Heizkosten", "--topic", "Mieten", "--team", "wohnen", "--status", "action", "--date", "2026-02-01"],
      ["campaigns", "update", "Heizkosten", "Nachzahlungen ausgesetzt", "--date", "2026-06-01", "--status", "won"],
    ],
    ["--name", "Testplattform", "--lang", "en"],
  );
}, 120_000);
const platform = () => copyOf(template);

describe("report attendance", () => {
  it("rates each group at the held Kernkreis meetings while it was a member; absent from its last 3 is drifting", async () => {
    const rows = await okJson<Row[]>(["report", "attendance"], at(platform()));
    expect(rows.map((r) => [r.group, r.present, r.held, r.rate, r.drifting, r.excused])).toEqual([
      ["Al-Nur", 2, 5, 40, true, 0],
      ["Kosmosviertel", 3, 5, 60, false, 1],
      [NASTY_GROUP, 0, 2, 0, false, 0],
      ["St. Josef", 5, 5, 100, false, 0],
      ["SV Blau-Weiß", 0, 3, 0, false, 0],
    ]);
    const text = (await ok(["report", "attendance"], at(platform()))).stdout;
    expect(text).toContain("5 Kernkreis meetings held.");
    expect(text).toContain("Drifting away: Al-Nur");
  });

  it("--since counts only the meetings from then on; a group then at 2 of 2 absences is not drifting", async () => {
    const rows = await okJson<Row[]>(["report", "attendance", "--since", "2026-03-01"], at(platform()));
    const nur = rows.find((r) => r.group === "Al-Nur")!;
    expect([nur.present, nur.held, nur.rate, nur.drifting]).toEqual([0, 3, 0, true]);
    const kosmos = rows.find((r) => r.group === "Kosmosviertel")!;
    expect([kosmos.present, kosmos.held, kosmos.rate, kosmos.drifting]).toEqual([1, 3, 33, false]);
    expect(await okJson<Row[]>(["report", "attendance", "--since", "2026-06-01"], at(platform()))).toEqual([]);
  });

  it("Markdown and German", async () => {
    const md = (await ok(["report", "attendance", "--format", "md", "--lang", "de"], at(platform()))).stdout;
    expect(md).toContain("# Anwesenheit im Kernkreis");
    expect(md).toContain("| Al-Nur | 2 | 0 | 5 | 40 % | 10.02.2026 | ja |");
    expect(md).toContain("| Kultur & \"Begegnung\" \\<e.V.\\> | 0 | 0 | 2 | 0 % |   |   |");
  });
});

describe("report annual", () => {
  it("the figures of the year", async () => {
    const report = await okJson<any>(["report", "annual", "2026"], at(platform()));
    expect(report).toMatchObject({ year: 2026, platform: "Testplattform", from: "2026-01-01", to: "2026-12-31" });
    const s = report.sections;
    // fundraising adds its own section after these
    expect(Object.keys(s).slice(0, 8)).toEqual(["groups", "meetings", "attendance", "decisions", "elections", "campaigns", "conversations", "commitments"]);
    expect(s.groups).toEqual({
      atStart: 4,
      atEnd: 4,
      joined: [{ name: NASTY_GROUP, short: "WEISSE", date: "2026-03-15" }],
      left: [{ name: "SV Blau-Weiß", short: "BWJ", date: "2026-04-01" }],
    });
    // K1–K5 held, the Kernkreis of 1.6. and the assembly and training past: 8 took place; not the cancelled or the planned one
    expect(s.meetings.count).toBe(8);
    expect(s.meetings.byKind).toEqual({ kernkreis: 6, team: 0, assembly: 1, training: 1, action: 0 });
    expect(s.attendance.find((r: Row) => r.group === "Al-Nur")).toMatchObject({ present: 2, held: 5, rate: 40, drifting: true });
    expect(s.decisions).toMatchObject({ count: 1, adopted: 1, rejected: 0, noQuorum: 0 });
    expect(s.decisions.votes[0]).toMatchObject({ date: "2026-01-10", motion: NASTY_MOTION, yes: 2, no: 1, abstain: 0, result: "adopted" });
    expect(s.elections).toEqual([]);
    expect(s.campaigns).toEqual([
      { name: "Heizkosten", topic: "Mieten", team: "Aktionsteam Wohnen", goal: null, started: "2026-02-01", status: "won", updates: 1, latest: { date: "2026-06-01", text: "Nachzahlungen ausgesetzt" } },
    ]);
    expect(s.conversations).toMatchObject({ count: 3, people: 2, groups: 2, byKind: { "one-to-one": 3 }, byHolder: [{ holder: "Eva Berg", count: 2 }, { holder: "Ali Kaya", count: 1 }] });
    // 3 asks in 2026: 1 kept, 1 broken → 50 %; the one of 2025 is not counted
    expect(s.commitments).toMatchObject({ total: 3, answers: { yes: 1, no: 0, partial: 1, absent: 1 }, kept: 1, broken: 1, keptRate: 50 });
  });

  it("a year with nothing in it, and an invalid year", async () => {
    const report = await okJson<any>(["report", "annual", "2024"], at(platform()));
    expect(report.sections.meetings.count).toBe(0);
    expect(report.sections.groups).toMatchObject({ atStart: 4, atEnd: 4, joined: [], left: [] });
    expect(report.sections.commitments.total).toBe(0);
    await fails(["report", "annual", "26"], at(platform()), 1);
    await fails(["report", "annual", "2026", "--format", "pdf"], at(platform()), 2);
  });

  it("Markdown by default; German when the platform speaks German", async () => {
    const md = (await ok(["report", "annual", "2026"], at(platform()))).stdout;
    expect(md.startsWith("# Annual report 2026\n")).toBe(true);
    expect(md).toContain("## Commitments");
    const db = platform();
    await ok(["config", "set", "language", "de"], at(db));
    const de = (await ok(["report", "annual", "2026"], at(db))).stdout;
    expect(de.startsWith("# Jahresbericht 2026\n")).toBe(true);
    for (const heading of ["## Mitgliedsgruppen", "## Anwesenheit im Kernkreis", "## Beschlüsse", "## Wahlen", "## Kampagnen", "## Gespräche", "## Zusagen"])
      expect(de).toContain(heading);
    expect(de).toContain("Einhaltungsquote 50 %");
  });

  it("--format html is one valid, self-contained page with all user text escaped", async () => {
    const html = (await ok(["report", "annual", "2026", "--format", "html"], at(platform()))).stdout;
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    for (const tag of ["<html", "<head>", "</head>", "<body", "</body>", "</html>", "<title>"]) expect(html.split(tag).length - 1, tag).toBe(1);
    expect(html.indexOf("<head>")).toBeLessThan(html.indexOf("</head>"));
    expect(html.indexOf("</head>")).toBeLessThan(html.indexOf("<body"));
    // nothing loaded from anywhere, nothing run
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    // user text escaped: the group, the motion, the decision maker
    expect(html).toContain("Kultur &amp; &quot;Begegnung&quot; &lt;e.V.&gt;");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mieten &amp; Co");
    expect(html).toContain("Dr. &lt;b&gt;Weber&lt;/b&gt; &amp; &#39;Partner&#39;");
    expect(html).not.toContain("<e.V.>");
    expect(html).not.toContain("<b>Weber");
    // every tag in the page is one of the renderer's own
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].filter((t) => !["html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong", "dl", "dt", "dd", "div", "br"].includes(t))).toEqual([]);
  });
});

describe("status", () => {
  it("shows commitments coming due within 30 days and overdue, and conversations to follow up within 14 days", async () => {
    const db = platform();
    await ok(["commitments", "add", "--ask", "Bald", "--from", "Degewo", "--answer", "yes", "--due", "2026-07-15"], at(db)); // 5: in 30 days
    await ok(["commitments", "add", "--ask", "Später", "--from", "Degewo", "--answer", "yes", "--due", "2026-07-16"], at(db)); // 6: in 31 days
    const status = await okJson<any>(["status"], at(db));
    expect(status.commitments.dueSoon.map((c: { id: number }) => c.id)).toEqual([5]);
    expect(status.commitments.overdue.map((c: { id: number }) => c.id)).toEqual([3]);
    // Ali's follow-up (20.6.) is due; Kim's (1.6.) is overdue; the 2025 one with Kim was followed up
    expect(status.followUpsDue.map((f: any) => [f.followUp, f.with, f.overdue])).toEqual([
      ["2026-06-01", ["Kim Roth"], true],
      ["2026-06-20", ["Ali Kaya"], false],
    ]);
    const text = (await ok(["status"], at(db))).stdout;
    expect(text).toMatch(/Commitments\s+1 coming due within 30 days, 1 overdue/);
    expect(text).toMatch(/Follow-ups\s+2 due within 14 days, 1 of them overdue/);
    expect(text).toContain("#3 2026-04-01 (overdue): Jobcenter — Sprechstunde");
    // a later conversation with Kim is the follow-up
    await ok(["conversations", "add", "--with", "Kim Roth", "--by", "Eva Berg", "--date", "2026-06-10"], at(db));
    expect((await okJson<any>(["status"], at(db))).followUpsDue.map((f: any) => f.with)).toEqual([["Ali Kaya"]]);
  });
});
