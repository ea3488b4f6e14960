// The renderers of the agenda and the minutes, on a hand-built report model: no data file involved.
import { beforeAll, describe, expect, it } from "vitest";
import { de as reportsDe } from "../../src/reports/messages/de.js";
import { en as reportsEn } from "../../src/reports/messages/en.js";
import type { DecisionEntry, ElectionEntry, ReportModel } from "../../src/reports/model.js";
import { escapeHtml, renderHtml } from "../../src/reports/render/html.js";
import { escapeMarkdown, renderMarkdown } from "../../src/reports/render/markdown.js";
import { pdfDefinition, renderPdf } from "../../src/reports/render/pdf.js";
import { reportDocument } from "../../src/reports/render/document.js";
import { bindCurrency } from "../../src/core/money.js";
import { loadMessages } from "../../src/core/i18n.js";

// translate() reads the catalogues main() loads; here both languages are needed.
beforeAll(() => Promise.all([loadMessages("en"), loadMessages("de")]));

function model(lang: "de" | "en", changes: Partial<ReportModel> = {}): ReportModel {
  return {
    lang,
    platform: "SO! MIT UNS",
    meeting: {
      id: 12,
      kind: "kernkreis",
      title: null,
      date: "2026-12-03",
      time: "19:00",
      end: "21:15",
      place: "Gemeindesaal St. Josef",
      team: null,
      chair: "Maria Schmidt",
      secretary: "Uwe Krause",
      invited: "2026-11-19",
      status: "held",
      minutes: "draft",
    },
    approval: null,
    items: [
      { position: 1, title: "Begrüßung", type: "info", presenter: "Maria Schmidt", duration: 10, notes: [] },
      { position: 2, title: "Genehmigung des Protokolls", type: "decision", presenter: null, duration: 5, notes: [] },
      {
        position: 3,
        title: "Berichte aus den Aktionsteams",
        type: "report",
        presenter: "Hatice Kaya",
        duration: 30,
        notes: ["Kosmosviertel: 40 Haushalte befragt", "Mietenkampagne: Termin mit der Wohnungsbaugesellschaft"],
      },
    ],
    attendance: {
      entitled: 12,
      present: [
        { group: "St. Josef", people: ["Maria Schmidt", "Paul Weber"], member: true },
        { group: "Moscheeverein Al-Nur", people: ["Yusuf Demir"], member: true },
        { group: "Kita Sonnenschein", people: ["Ina Roth"], member: false },
      ],
      excused: ["Vietnamesischer Verein"],
      absent: ["SV Blau-Weiß", "Mieterbeirat Kosmosviertel"],
      guests: ["Bezirksstadträtin Weber"],
      excusedPeople: ["Uwe Schmidt"],
    },
    quorum: { rule: "half", required: 7, present: 8, entitled: 12, met: true },
    approvals: [
      {
        meeting: { id: 11, kind: "kernkreis", title: null, date: "2026-11-05", time: "19:00", end: null, place: null },
        corrections: "TOP 3: Datum berichtigt",
      },
    ],
    awaitingApproval: null,
    tasks: [
      { id: 1, title: "Saal reservieren", owner: "Hatice Kaya", ownerKind: "person", due: "2026-12-20", item: 3, status: "open", done: null },
      { id: 2, title: "Flyer verteilen", owner: "St. Josef", ownerKind: "group", due: null, item: null, status: "open", done: null },
    ],
    dueTasks: [{ id: 7, title: "Spendenbrief schreiben", owner: "Yusuf Demir", ownerKind: "person", due: "2026-12-01", item: 4, status: "open", done: null }],
    decisions: [],
    elections: [],
    next: { id: 13, kind: "kernkreis", title: null, date: "2027-01-14", time: "19:00", end: "21:00", place: "Nachbarschaftshaus" },
    amendments: [],
    ...changes,
  };
}

const DECISION: DecisionEntry = {
  item: 3,
  motion: "Der Kernkreis startet die Mietenkampagne.",
  mover: "St. Josef",
  mode: "roll-call",
  majority: "simple",
  base: "yes-no",
  yes: 6,
  no: 1,
  abstain: 1,
  quorum: { required: 7, present: 8, met: true },
  result: "adopted",
  sides: { yes: ["St. Josef", "Moscheeverein Al-Nur"], no: ["SV Blau-Weiß"], abstain: [] },
};

const ELECTION: ElectionEntry = {
  item: 5,
  team: "Strategie- und Finanzteam",
  seats: 2,
  method: "scottish-stv",
  candidates: ["Ada", "Ben", "Cem"],
  rounds: [
    { round: 1, action: "first preferences", votes: [{ name: "Ada", votes: "5.00000" }, { name: "Ben", votes: "2.00000" }, { name: "Cem", votes: "1.00000" }] },
    { round: 2, action: "exclude Cem", votes: [{ name: "Ada", votes: "5.00000" }, { name: "Ben", votes: "3.00000" }] },
  ],
  elected: ["Ada", "Ben"],
  accepted: ["Ada"],
};

/** Every item of DOMAIN.md's checklist, as the German and the English minutes of `model()` word it. */
const CHECKLIST: Record<"de" | "en", string[]> = {
  de: [
    "SO! MIT UNS", "Kernkreis", "Gemeindesaal St. Josef", "03.12.2026", "19:00", "21:15", // 1
    "Sitzungsleitung", "Maria Schmidt", "Uwe Krause", // 2
    "Einladung vom", "19.11.2026", // 3
    "Mitgliedsgruppen am Sitzungstag: 12", "Anwesende Gruppen (3)", "St. Josef", "Paul Weber", "Moscheeverein Al-Nur", "Yusuf Demir",
    "am Sitzungstag keine Mitgliedsgruppe", "Entschuldigte Gruppen (1)", "Vietnamesischer Verein", "Nicht vertretene Gruppen (2)",
    "SV Blau-Weiß", "Gäste (1)", "Bezirksstadträtin Weber", "Entschuldigte Personen (1)", "Uwe Schmidt", // 4
    "Die Sitzung war beschlussfähig: 8 von 12 Mitgliedsgruppen waren anwesend (erforderlich: mehr als die Hälfte, also mindestens 7)", // 5
    "Beschlossene Tagesordnung", "Begrüßung", "Genehmigung des Protokolls", // 6
    "Das Protokoll der Sitzung Kernkreis am 05.11.2026 wurde mit folgenden Änderungen genehmigt: TOP 3: Datum berichtigt", // 7
    "TOP 3: Berichte aus den Aktionsteams", "Kosmosviertel: 40 Haushalte befragt", "Keine Notizen", // 8
    "Aufgaben", "Saal reservieren", "Hatice Kaya", "20.12.2026", "Flyer verteilen", // 11
    "Nächste Sitzung", "Kernkreis am 14.01.2027, 19:00–21:00 Uhr, Nachbarschaftshaus", // 12
    "Datum, Unterschrift", "Protokoll: Uwe Krause", "Sitzungsleitung: Maria Schmidt", // 13
    "Entwurf: noch nicht genehmigt",
  ],
  en: [
    "SO! MIT UNS", "Kernkreis", "Gemeindesaal St. Josef", "2026-12-03", "19:00", "21:15",
    "Chair", "Maria Schmidt", "Secretary", "Uwe Krause",
    "Invitation sent on", "2026-11-19",
    "Member groups on the day of the meeting: 12", "Groups present (3)", "Paul Weber", "Yusuf Demir", "not a member group on this day",
    "Groups excused (1)", "Vietnamesischer Verein", "Groups absent (2)", "SV Blau-Weiß", "Guests (1)", "Bezirksstadträtin Weber",
    "People excused (1)",
    "The meeting was quorate: 8 of 12 member groups were present (required: more than half, that is at least 7)",
    "Agenda as adopted",
    "The minutes of the Kernkreis on 2026-11-05 were approved as corrected: TOP 3: Datum berichtigt",
    "Item 3: Berichte aus den Aktionsteams", "Kosmosviertel: 40 Haushalte befragt", "No notes",
    "Tasks", "Saal reservieren", "Hatice Kaya", "2026-12-20",
    "Next meeting", "Kernkreis on 2027-01-14, 19:00–21:00, Nachbarschaftshaus",
    "Date, signature", "Secretary: Uwe Krause", "Chair: Maria Schmidt",
    "Draft: not yet approved",
  ],
};

/** The text a reader sees in an HTML rendering: tags removed, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ");
}

/** The text a reader sees in a Markdown rendering, roughly: emphasis and escapes removed. */
function markdownText(md: string): string {
  return md.replace(/\*\*/g, "").replace(/\\(.)/g, "$1");
}

describe.each(["de", "en"] as const)("the minutes in %s", (lang) => {
  it("Markdown contains every item of the checklist", () => {
    const text = markdownText(renderMarkdown(model(lang), "minutes"));
    for (const phrase of CHECKLIST[lang]) expect(text, phrase).toContain(phrase);
  });

  it("HTML contains every item of the checklist", () => {
    const text = htmlText(renderHtml(model(lang), "minutes"));
    for (const phrase of CHECKLIST[lang]) expect(text, phrase).toContain(phrase);
  });

  it("leaves out decisions and elections while there are none, and shows them once the areas deliver them", () => {
    const heading = lang === "de" ? ["Beschlüsse", "Wahlen"] : ["Decisions", "Elections"];
    const without = renderMarkdown(model(lang), "minutes");
    expect(without).not.toContain(`## ${heading[0]}`);
    expect(without).not.toContain(`## ${heading[1]}`);
    const withBoth = markdownText(renderMarkdown(model(lang, { decisions: [DECISION], elections: [ELECTION] }), "minutes"));
    expect(withBoth).toContain(`## ${heading[0]}`);
    expect(withBoth).toContain(`## ${heading[1]}`);
    expect(withBoth).toContain("Der Kernkreis startet die Mietenkampagne.");
    expect(withBoth).toContain(lang === "de" ? "Ja 6, Nein 1, Enthaltungen 1" : "yes 6, no 1, abstentions 1");
    expect(withBoth).toContain(lang === "de" ? "angenommen" : "adopted");
    expect(withBoth).toContain(lang === "de" ? "namentlich" : "roll call");
    expect(withBoth).toMatch(lang === "de" ? /Ja \(2\): St\. Josef, Moscheeverein Al-Nur/ : /Yes \(2\): St\. Josef, Moscheeverein Al-Nur/);
    expect(withBoth).toContain("Strategie- und Finanzteam");
    expect(withBoth).toContain("Scottish STV");
    // Minutes frozen before the candidates' states were kept: the votes in the language's format, elected or not.
    expect(withBoth).toContain(lang === "de" ? "| Ada | 5,00000 | 5,00000 | gewählt |" : "| Ada | 5.00000 | 5.00000 | elected |");
    expect(withBoth).toContain(lang === "de" ? "| Cem | 1,00000 | – | nicht gewählt |" : "| Cem | 1.00000 | – | not elected |");
  });

  it("states approved minutes as approved at the later meeting", () => {
    const at = { id: 13, kind: "kernkreis" as const, title: null, date: "2027-01-14", time: "19:00", end: null, place: null };
    const asDistributed = markdownText(renderMarkdown(model(lang, { approval: { at, corrections: null } }), "minutes"));
    expect(asDistributed).toContain(lang === "de" ? "Genehmigt in der Sitzung Kernkreis am 14.01.2027 in der vorliegenden Fassung" : "Approved at the Kernkreis on 2027-01-14 as distributed");
    const corrected = markdownText(renderMarkdown(model(lang, { approval: { at, corrections: "Name berichtigt" } }), "minutes"));
    expect(corrected).toContain(lang === "de" ? "mit Änderungen: Name berichtigt" : "as corrected: Name berichtigt");
    expect(corrected).not.toContain(lang === "de" ? "Entwurf" : "Draft");
  });

  it("lists amendments with their date and author", () => {
    const text = markdownText(renderMarkdown(model(lang, { amendments: [{ date: "2027-01-20", author: "uwe", text: "TOP 4: Es waren 9 Gruppen." }] }), "minutes"));
    expect(text).toContain(lang === "de" ? "Berichtigungen nach der Genehmigung" : "Amendments after approval");
    expect(text).toContain(lang === "de" ? "20.01.2027, uwe: TOP 4: Es waren 9 Gruppen." : "2027-01-20, uwe: TOP 4: Es waren 9 Gruppen.");
  });

  it("the agenda has date, time, place, items with presenters and durations, minutes for approval and tasks due", () => {
    const awaitingApproval = { id: 11, kind: "kernkreis" as const, title: null, date: "2026-11-05", time: null, end: null, place: null };
    const md = renderMarkdown(model(lang, { awaitingApproval }), "agenda");
    const text = markdownText(md);
    for (const phrase of ["SO! MIT UNS", "Gemeindesaal St. Josef", "Hatice Kaya", "Spendenbrief schreiben", "Yusuf Demir"]) expect(text).toContain(phrase);
    expect(md).toMatch(/\| 3 \| 19:15 \| Berichte aus den Aktionsteams \| Hatice Kaya \| 30 \|/); // starts after 10 + 5 minutes
    if (lang === "de") {
      expect(text).toContain("Einladung: Kernkreis am 03.12.2026");
      expect(text).toContain("19:00–21:15 Uhr");
      expect(text).toContain("Geplant: 45 Minuten.");
      expect(text).toContain("Das Protokoll der Sitzung Kernkreis am 05.11.2026 liegt zur Genehmigung vor");
      expect(text).toContain("01.12.2026");
    } else {
      expect(text).toContain("Invitation: Kernkreis on 2026-12-03");
      expect(text).toContain("19:00–21:15");
      expect(text).toContain("Planned: 45 minutes.");
      expect(text).toContain("The minutes of the Kernkreis on 2026-11-05 are up for approval");
      expect(text).toContain("2026-12-01");
    }
    // The agenda is not the minutes: no attendance, no signatures.
    expect(text).not.toContain("Paul Weber");
    expect(text).not.toContain(lang === "de" ? "Unterschrift" : "signature");
  });
});

describe("the quorum statement", () => {
  it.each<[ReportModel["quorum"], string]>([
    [{ rule: "half", required: 7, present: 6, entitled: 12, met: false }, "The meeting was NOT quorate: 6 of 12 member groups were present (required: more than half, that is at least 7)."],
    [{ rule: "count", required: 5, present: 5, entitled: 12, met: true }, "The meeting was quorate: 5 of 12 member groups were present (required: at least 5)."],
    [{ rule: "none", required: 0, present: 2, entitled: 12, met: true }, "The platform has no quorum rule; 2 of 12 member groups were present."],
  ])("%j", (quorum, sentence) => {
    expect(renderMarkdown(model("en", { quorum }), "minutes")).toContain(sentence);
  });
});

describe("escaping user text", () => {
  const hostile = "<script>alert(1)</script>";

  it("escapeHtml escapes the five HTML-significant characters and drops control characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    expect(escapeHtml("a\u001b[31mb\u0007c")).toBe("abc");
  });

  it.each<[string, boolean, string]>([
    ["*bold* _it_ `code`", true, "\\*bold\\* \\_it\\_ \\`code\\`"],
    ["[link](http://x) <b>", true, "\\[link\\](http://x) \\<b\\>"],
    ["a | b", false, "a \\| b"],
    ["# Heading", true, "\\# Heading"],
    ["# not at a line start", false, "# not at a line start"],
    ["- item", true, "\\- item"],
    ["1. first", true, "1\\. first"],
    ["03.12.2026", false, "03.12.2026"],
    ["&amp; & Co", true, "\\&amp; & Co"],
    ["back\\slash", true, "back\\\\slash"],
    ["    indented", true, "indented"],
  ])("escapeMarkdown(%j, %s) → %j", (text, atLineStart, expected) => {
    expect(escapeMarkdown(text, atLineStart)).toBe(expected);
  });

  it("a hostile group name is text in HTML and Markdown", () => {
    const m = model("de", {
      attendance: { ...model("de").attendance, present: [{ group: hostile, people: ['Eve "x" <img src=x onerror=alert(2)>'], member: true }] },
      tasks: [{ id: 1, title: "a | b", owner: hostile, ownerKind: "group", due: null, item: null, status: "open", done: null }],
    });
    const html = renderHtml(m, "minutes");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<script/gi)).toBeNull();
    const md = renderMarkdown(m, "minutes");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("| a \\| b | \\<script\\>alert(1)\\</script\\> | – |");
  });

  it("the HTML is self-contained: inline styles with a print stylesheet, nothing loaded from elsewhere", () => {
    const html = renderHtml(model("en"), "minutes");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("<style>");
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<link|<script|src=|url\(/i);
    expect(html).toContain("Content-Security-Policy");
  });
});

describe("the PDF", () => {
  it.each(["de", "en"] as const)("is a PDF file (%s), with the minutes or the agenda", async (lang) => {
    for (const kind of ["minutes", "agenda"] as const) {
      const pdf = await renderPdf(model(lang, { decisions: [DECISION], elections: [ELECTION] }), kind);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.subarray(-7).toString("latin1")).toMatch(/%%EOF\n?$/);
      expect(pdf.length).toBeGreaterThan(2000);
    }
  });

  it("takes names in any Latin script (Roboto, not the WinAnsi standard fonts)", async () => {
    const m = model("de", { attendance: { ...model("de").attendance, present: [{ group: "Türkisch-İslamische Gemeinde", people: ["Ali Yılmaz", "Łukasz Żuk"], member: true }] } });
    const pdf = await renderPdf(m, "minutes");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("the report phrases", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");

  it("German and English have the same keys and placeholders", () => {
    const en: Record<string, string> = reportsEn;
    const de = reportsDe as Record<string, string>; // no plural forms among them
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(placeholders(de[key]!), key).toBe(placeholders(en[key]!));
    for (const [key, text] of [...Object.entries(en), ...Object.entries(de)]) expect(text.trim(), key).not.toBe("");
  });

  it("German and English minutes differ in wording", () => {
    expect(renderMarkdown(model("de"), "minutes")).not.toBe(renderMarkdown(model("en"), "minutes"));
  });
});

/** A Scottish STV count as the elections area now hands it to the minutes: states, non-transferable votes, rounding. */
const COUNTED: ElectionEntry = {
  item: 2,
  team: "Strategie- und Finanzteam",
  seats: 1,
  method: "scottish-stv",
  candidates: ["Ada", "Ben", "Cem", "Dana"],
  rounds: [
    { round: 1, action: "first preferences", nontransferable: "0.00000", residual: "0.00000", votes: [
      { name: "Ada", votes: "2.00000", state: "hopeful" }, { name: "Ben", votes: "1.50000", state: "hopeful" },
      { name: "Cem", votes: "1.00000", state: "hopeful" }, { name: "Dana", votes: "0.50000", state: "hopeful" }] },
    { round: 2, action: "exclusion of Dana", nontransferable: "0.50000", residual: "0.00000", votes: [
      { name: "Ada", votes: "2.00000", state: "hopeful" }, { name: "Ben", votes: "1.50000", state: "hopeful" },
      { name: "Cem", votes: "1.00000", state: "hopeful" }, { name: "Dana", votes: "0.00000", state: "excluded" }] },
    { round: 3, action: "exclusion of Cem", nontransferable: "0.50000", residual: "0.00000", votes: [
      { name: "Ada", votes: "3.00000", state: "elected" }, { name: "Ben", votes: "1.50000", state: "hopeful" },
      { name: "Cem", votes: "0.00000", state: "excluded" }, { name: "Dana", votes: "0.00000", state: "excluded" }] },
    { round: 4, action: "surplus of Ada", nontransferable: "0.50000", residual: "0.00001", votes: [
      { name: "Ada", votes: "3.00000", state: "elected" }, { name: "Ben", votes: "1.49999", state: "hopeful" },
      { name: "Cem", votes: "0.00000", state: "excluded" }, { name: "Dana", votes: "0.00000", state: "excluded" }] },
  ],
  elected: ["Ada"],
  accepted: ["Ada"],
  valid: 5,
  quota: "3.00000",
};

describe("minutes that need no explanation", () => {
  const lines = (md: string) => md.split("\n");

  it("a vote and an election stand under their agenda item, which then has no 'no notes'; the summary lists them", () => {
    for (const lang of ["de", "en"] as const) {
      const md = markdownText(renderMarkdown(model(lang, { decisions: [DECISION], elections: [COUNTED] }), "minutes"));
      const item = (n: number) => md.indexOf(lang === "de" ? `### TOP ${n}:` : `### Item ${n}:`);
      const noNotes = lang === "de" ? "Keine Notizen." : "No notes.";
      const election = md.indexOf(lang === "de" ? "#### Wahl: Strategie- und Finanzteam" : "#### Election: Strategie- und Finanzteam");
      expect(election).toBeGreaterThan(item(2));
      expect(election).toBeLessThan(item(3));
      expect(md.slice(item(2), item(3))).not.toContain(noNotes);
      expect(md.slice(item(1), item(2))).toContain(noNotes);
      const motion = md.indexOf(lang === "de" ? "#### Antrag 1" : "#### Motion 1");
      expect(motion).toBeGreaterThan(item(3));
      const summary = md.indexOf(lang === "de" ? "## Beschlüsse" : "## Decisions");
      expect(motion).toBeLessThan(summary);
      expect(md.slice(summary)).toContain(`| 1 | 3 | Der Kernkreis startet die Mietenkampagne. | 6 / 1 / 1 | ${lang === "de" ? "angenommen" : "adopted"} |`);
      expect(md.slice(summary)).not.toContain(lang === "de" ? "Eingebracht von" : "Moved by");
      expect(md.slice(md.indexOf(lang === "de" ? "## Wahlen" : "## Elections"))).toContain("| Strategie- und Finanzteam | 2 | Ada |");
      const html = renderHtml(model(lang, { decisions: [DECISION], elections: [COUNTED] }), "minutes");
      expect(html.indexOf("<h4>")).toBeGreaterThan(html.indexOf("<h3>"));
    }
  });

  it("an election with an item the agenda lacks is stated in full in the elections section", () => {
    const md = renderMarkdown(model("de", { elections: [{ ...COUNTED, item: 9 }] }), "minutes");
    expect(md).toContain("### Wahl: Strategie- und Finanzteam (TOP 9)");
  });

  it("the rounds table: elected and excluded marked in their round, non-transferable votes, rounding, sum, quota, decimal commas", () => {
    const md = renderMarkdown(model("de", { elections: [COUNTED] }), "minutes");
    // Four rounds: two tables of two, each with the candidates' outcome.
    expect(lines(md).filter((l) => l.startsWith("| Kandidat/in |"))).toEqual([
      "| Kandidat/in | Runde 1 | Runde 2 | Ergebnis |",
      "| Kandidat/in | Runde 3 | Runde 4 | Ergebnis |",
    ]);
    for (const row of [
      "| Ada | 2,00000 | 2,00000 | gewählt in Runde 3 |",
      "| Dana | 0,50000 | ausgeschieden | ausgeschieden in Runde 2 |",
      "| nicht übertragbar | 0,00000 | 0,50000 |   |",
      "| durch Abrunden verloren | 0,00000 | 0,00000 |   |",
      "| Summe: gültige Stimmen | 5,00000 | 5,00000 |   |",
      "| Quote | 3,00000 | 3,00000 |   |",
      "| Ada | 3,00000 gewählt | 3,00000 | gewählt in Runde 3 |",
      "| Cem | ausgeschieden | – | ausgeschieden in Runde 3 |",
      "| Dana | – | – | ausgeschieden in Runde 2 |",
      "| Ben | 1,50000 | 1,49999 | nicht gewählt |",
      "| durch Abrunden verloren | 0,00000 | 0,00001 |   |",
      "| Summe: gültige Stimmen | 5,00000 | 5,00000 |   |",
    ])
      expect(md, row).toContain(row);
    expect(md).toContain("- **Quote:** 3,00000");
    expect(md).not.toMatch(/\d\.\d{5}/);
    const en = renderMarkdown(model("en", { elections: [COUNTED] }), "minutes");
    expect(en).toContain("| Ada | 3.00000 elected | 3.00000 | elected in round 3 |");
    expect(en).toContain("| non-transferable | 0.50000 | 0.50000 |   |");
    expect(en).toContain("| Total: valid votes | 5.00000 | 5.00000 |   |");
  });

  it("six rounds split into two tables of three; minutes frozen without the non-transferable votes show the remainder", () => {
    const six = { ...COUNTED, rounds: [...COUNTED.rounds, ...COUNTED.rounds.slice(2).map((r) => ({ ...r, round: r.round + 2 }))] };
    expect(lines(renderMarkdown(model("de", { elections: [six] }), "minutes")).filter((l) => l.startsWith("| Kandidat/in |"))).toEqual([
      "| Kandidat/in | Runde 1 | Runde 2 | Runde 3 | Ergebnis |",
      "| Kandidat/in | Runde 4 | Runde 5 | Runde 6 | Ergebnis |",
    ]);
    const old = { ...COUNTED, rounds: COUNTED.rounds.map((r) => ({ round: r.round, action: r.action, votes: r.votes.map((v) => ({ name: v.name, votes: v.votes })) })) };
    const md = renderMarkdown(model("de", { elections: [old] }), "minutes");
    expect(md).toContain("| nicht übertragbar oder durch Abrunden verloren | 0,00000 | 0,50000 |   |");
    expect(md).toContain("| nicht übertragbar oder durch Abrunden verloren | 0,50000 | 0,50001 |   |");
    expect(md).toContain("| Ada | 2,00000 | 2,00000 | gewählt |");
  });

  it("draft minutes carry the watermark on every PDF page and in the HTML's print style; approved minutes and agendas do not", () => {
    const draft = reportDocument(model("de"), "minutes");
    expect(draft.watermark).toBe("ENTWURF");
    expect(pdfDefinition(draft, model("de"))).toMatchObject({ watermark: { text: "ENTWURF" }, tagged: true, language: "de" });
    expect(pdfDefinition(reportDocument(model("en"), "minutes"), model("en"))).toMatchObject({ watermark: { text: "DRAFT" } });
    const at = { id: 13, kind: "kernkreis" as const, title: null, date: "2027-01-14", time: "19:00", end: null, place: null };
    const approved = model("de", { approval: { at, corrections: null } });
    expect(pdfDefinition(reportDocument(approved, "minutes"), approved)).not.toHaveProperty("watermark");
    expect(pdfDefinition(reportDocument(model("de"), "agenda"), model("de"))).not.toHaveProperty("watermark");
    const html = renderHtml(model("de"), "minutes");
    expect(html).toContain('<div class="watermark" aria-hidden="true">ENTWURF</div>');
    expect(html).toMatch(/@media print \{[\s\S]*\.watermark \{ display: block; position: fixed;/);
    expect(renderHtml(approved, "minutes")).not.toContain('class="watermark"');
  });

  it("the printed page keeps the signatures with the section before them, numbers its pages and never breaks an amount from its €", () => {
    const html = renderHtml(model("de"), "minutes");
    expect(html).toMatch(/<div class="closing">\n<h2>Nächste Sitzung<\/h2>[\s\S]*<div class="signatures">[\s\S]*<\/div>\n<\/div>\n<\/body>/);
    expect(html).toMatch(/\.closing, \.signatures \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain('@bottom-right { content: counter(page) " / " counter(pages);');
    const content = pdfDefinition(reportDocument(model("de"), "minutes"), model("de")).content as Array<Record<string, unknown>>;
    const closing = content[content.length - 1]!;
    expect(closing).toMatchObject({ unbreakable: true });
    expect(JSON.stringify(closing.stack)).toContain("Nächste Sitzung");
    const money = model("de", { items: [{ position: 1, title: "Finanzen", type: "report", presenter: null, duration: null, notes: ["Bewilligt: 36.000,00 € von der Stiftung"] }] });
    expect(renderHtml(money, "minutes")).toContain("36.000,00\u00a0€");
    expect(JSON.stringify(pdfDefinition(reportDocument(money, "minutes"), money).content)).toContain("36.000,00\u00a0€");
    expect(bindCurrency("€ 12 und 5 EUR")).toBe("€\u00a012 und 5\u00a0EUR");
  });
});
