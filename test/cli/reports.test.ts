// `report agenda` and `report minutes` on a Kernkreis scripted with the CLI only, as the secretary would record it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, run, tempDir } from "../helpers.js";
import { dbTarget } from "../server.js";
import { copyOf, fails, ok, type RunOptions } from "./util.js";

/** Every run sees the same "today": a week after the Kernkreis of 3 December 2026. */
const TODAY = "2026-12-10";
const env = { PLATTFORM_TODAY: TODAY };

const GROUPS = [
  ["St. Josef", "Maria Schmidt"],
  ["Moscheeverein Al-Nur", "Yusuf Demir"],
  ["Mieterbeirat Kosmosviertel", "Hatice Kaya"],
  ["Kita Sonnenschein", "Ina Roth"],
  ["SV Blau-Weiß", "Jens Lehmann"],
  ["Ev. Gemeinde Altglienicke", "Uwe Krause"],
  ["Stadtteilmütter", "Amira Haddad"],
  ["Gymnasium Treptow", "Paul Weber"],
  ["Polnischer Kulturverein", "Łukasz Nowak"],
  ["Vietnamesischer Verein", "Lan Nguyen"],
  ["Nachbarschaftshaus Köpenick", "Eva Braun"],
  ["Ver.di Ortsgruppe", "Tom Becker"],
] as const;
const PRESENT = GROUPS.slice(0, 9);
const EXCUSED = GROUPS[9];
const TASKS = [
  ["Saal für Januar reservieren", "Hatice Kaya", "2026-12-20", "20.12.2026", "3"],
  ["Flyer im Kosmosviertel verteilen", "Mieterbeirat Kosmosviertel", "2027-01-10", "10.01.2027", "3"],
  ["Spendenbrief an die Stiftung", "Yusuf Demir", "2026-12-31", "31.12.2026", "4"],
] as const;

/**
 * A German platform with 12 member groups, one representative each; the Kernkreis of 5 November (closed, minutes
 * in draft); the Kernkreis of 3 December (#2) with 9 groups present, 1 excused, a guest, notes and 3 tasks, which
 * approves the minutes of #1 with a correction and is closed; and the next Kernkreis planned for 14 January.
 */
let template: string;
beforeAll(async () => {
  template = join(tempDir(), "template.db");
  const commands: string[][] = [["init", "--name", "SO! MIT UNS", "--lang", "de"]];
  GROUPS.forEach(([group, person], i) => {
    const short = `G${String(i + 1).padStart(2, "0")}`;
    commands.push(["groups", "add", group, "--short", short, "--joined", "2020-01-01"]);
    commands.push(["people", "add", person, "--group", short, "--role", "representative", "--since", "2020-01-01"]);
  });
  commands.push(
    ["meetings", "add", "kernkreis", "--date", "2026-11-05", "--time", "19:00", "--end", "21:00", "--template", "standard"],
    ["meetings", "close", "1"],
    [
      "meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--end", "21:00", "--template", "standard",
      "--place", "Gemeindesaal St. Josef", "--chair", "Maria Schmidt", "--secretary", "Uwe Krause", "--invited", "2026-11-19",
    ],
    ["meetings", "attend", "2", ...PRESENT.map(([, person]) => person)],
    ["meetings", "excuse", "2", EXCUSED[0]],
    ["meetings", "attend", "2", "Bezirksstadträtin Weber", "--guest"],
    ["meetings", "note", "2", "3", "Kosmosviertel: 40 Haushalte befragt, Mieterhöhungen bis 18 %"],
    ["meetings", "note", "2", "4", "Zwei Anträge an Stiftungen laufen"],
    ...TASKS.map(([title, owner, due, , item]) => ["tasks", "add", title, "--owner", owner, "--due", due, "--meeting", "2", "--item", item]),
    ["meetings", "approve", "1", "--at", "2", "--corrections", "TOP 3: Datum berichtigt"],
    ["meetings", "close", "2"],
    ["meetings", "add", "kernkreis", "--date", "2027-01-14", "--time", "19:00", "--end", "21:00", "--place", "Nachbarschaftshaus Köpenick", "--template", "standard"],
  );
  for (const args of commands) await ok(args, { db: template, env });
}, 120_000);

function platform(): RunOptions {
  return { db: copyOf(template), env };
}

describe("report minutes (Markdown)", () => {
  it("names every group present with its people, the excused and the absent groups, and states the quorum", async () => {
    const md = (await ok(["report", "minutes", "2"], platform())).stdout;
    expect(md).toContain("# Protokoll: Kernkreis am 03.12.2026");
    expect(md).toContain("Mitgliedsgruppen am Sitzungstag: 12");
    expect(md).toContain("### Anwesende Gruppen (9)");
    for (const [group, person] of PRESENT) expect(md).toMatch(new RegExp(`^- \\*\\*${escapeRe(group)}\\*\\*: ${escapeRe(person)}$`, "m"));
    expect(md).toMatch(/### Entschuldigte Gruppen \(1\)\n\n- Vietnamesischer Verein\n/);
    expect(md).toMatch(/### Nicht vertretene Gruppen \(2\)\n\n- Nachbarschaftshaus Köpenick\n- Ver\.di Ortsgruppe\n/);
    expect(md).toContain("- Bezirksstadträtin Weber");
    expect(md).toContain("Die Sitzung war beschlussfähig: 9 von 12 Mitgliedsgruppen waren anwesend (erforderlich: mehr als die Hälfte, also mindestens 7).");
  });

  it("lists the tasks with owners and due dates", async () => {
    const md = (await ok(["report", "minutes", "last"], platform())).stdout;
    expect(md).toContain("| Aufgabe | Wer | Bis wann | TOP |");
    for (const [title, owner, , due, item] of TASKS) expect(md).toContain(`| ${title} | ${owner} | ${due} | ${item} |`);
  });

  it("has the rest of the checklist: header, chair and secretary, invitation, agenda, approval, notes, next meeting, signatures, status", async () => {
    const md = (await ok(["report", "minutes", "3.12.2026"], platform())).stdout;
    for (const line of [
      "*SO! MIT UNS*",
      "> **Stand:** Entwurf: noch nicht genehmigt.",
      "- **Plattform:** SO! MIT UNS",
      "- **Art der Sitzung:** Kernkreis",
      "- **Ort:** Gemeindesaal St. Josef",
      "- **Datum:** 03.12.2026",
      "- **Beginn:** 19:00",
      "- **Ende:** 21:00",
      "- **Sitzungsleitung:** Maria Schmidt",
      "- **Protokoll:** Uwe Krause",
      "- **Einladung vom:** 19.11.2026",
      "## Beschlossene Tagesordnung",
      "| 1 | Begrüßung und Vorstellungsrunde |   |",
      "| 7 | Verschiedenes |   |",
      "Das Protokoll der Sitzung Kernkreis am 05.11.2026 wurde mit folgenden Änderungen genehmigt: TOP 3: Datum berichtigt",
      "### TOP 3: Berichte aus den Kampagnen und Aktionsteams\n\nKosmosviertel: 40 Haushalte befragt, Mieterhöhungen bis 18 %",
      "### TOP 4: Finanzen und Fundraising\n\nZwei Anträge an Stiftungen laufen",
      "## Nächste Sitzung\n\nKernkreis am 14.01.2027, 19:00–21:00 Uhr, Nachbarschaftshaus Köpenick",
      "Datum, Unterschrift — Protokoll: Uwe Krause",
      "Datum, Unterschrift — Sitzungsleitung: Maria Schmidt",
    ])
      expect(md).toContain(line);
    // No votes or elections area yet: their sections stay out rather than show empty.
    expect(md).not.toContain("## Beschlüsse");
    expect(md).not.toContain("## Wahlen");
  });

  it("is in English with --lang en", async () => {
    const md = (await ok(["report", "minutes", "last", "--lang", "en"], platform())).stdout;
    expect(md).toContain("# Minutes: Kernkreis on 2026-12-03");
    expect(md).toContain("### Groups present (9)");
    expect(md).toContain("The meeting was quorate: 9 of 12 member groups were present");
    expect(md).toContain("| Saal für Januar reservieren | Hatice Kaya | 2026-12-20 | 3 |");
    expect(md).not.toContain("Protokoll:");
  });

  it("approved minutes say where they were approved, and show later amendments with date and author", async () => {
    const options = platform();
    await ok(["meetings", "amend", "1", "TOP 5: Es waren 8, nicht 7 Gruppen anwesend.", "--as", "uwe"], options);
    const md = (await ok(["report", "minutes", "1"], options)).stdout;
    expect(md).toContain("> **Stand:** Genehmigt in der Sitzung Kernkreis am 03.12.2026 mit Änderungen: TOP 3: Datum berichtigt");
    expect(md).toContain("## Berichtigungen nach der Genehmigung\n\n- **10.12.2026, uwe:** TOP 5: Es waren 8, nicht 7 Gruppen anwesend.");
  });

  it("writes to --out and prints nothing", async () => {
    const out = join(tempDir(), "protokoll.md");
    const result = await ok(["report", "minutes", "last", "--out", out], platform());
    expect(result.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("# Protokoll: Kernkreis am 03.12.2026");
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("--json gives the report model", async () => {
    const model = (await ok(["report", "minutes", "last", "--json"], platform())).json();
    expect(model.meeting).toMatchObject({ id: 2, kind: "kernkreis", date: "2026-12-03", minutes: "draft" });
    expect(model.attendance.present).toHaveLength(9);
    expect(model.quorum).toEqual({ rule: "half", required: 7, present: 9, entitled: 12, met: true });
    expect(model.tasks.map((t: { owner: string }) => t.owner).sort()).toEqual(TASKS.map(([, owner]) => owner).sort());
    expect(model.approvals[0]).toMatchObject({ meeting: { id: 1 }, corrections: "TOP 3: Datum berichtigt" });
    expect(model.decisions).toEqual([]);
    expect(model.elections).toEqual([]);
  });
});

describe("report agenda", () => {
  it("has the platform, date, time and place, the agenda, the minutes up for approval and the open tasks due", async () => {
    const options = platform();
    await ok(["meetings", "item", "add", "next", "Beschluss Mietenkampagne", "--type", "decision", "--presenter", "Hatice Kaya", "--duration", "15"], options);
    await ok(["tasks", "done", "1"], options);
    const md = (await ok(["report", "agenda", "next"], options)).stdout;
    for (const line of [
      "# Einladung: Kernkreis am 14.01.2027",
      "*SO! MIT UNS*",
      "- **Datum:** 14.01.2027",
      "- **Uhrzeit:** 19:00–21:00 Uhr",
      "- **Ort:** Nachbarschaftshaus Köpenick",
      "| 1 | 19:00 | Begrüßung und Vorstellungsrunde |   | 10 |",
      "| 8 | 20:40 | Beschluss Mietenkampagne | Hatice Kaya | 15 |",
      "Geplant: 115 Minuten.",
      "Das Protokoll der Sitzung Kernkreis am 03.12.2026 liegt zur Genehmigung vor (Entwurf).",
      "| Spendenbrief an die Stiftung | Yusuf Demir | 31.12.2026 |",
      "| Flyer im Kosmosviertel verteilen | Mieterbeirat Kosmosviertel | 10.01.2027 |",
    ])
      expect(md).toContain(line);
    // Before the appendix (the draft minutes of #2, which record all their tasks), no task that is done.
    const [invitation, appendix] = md.split("\n# Protokoll: Kernkreis am 03.12.2026\n");
    expect(appendix).toContain("Anhang: Protokollentwurf zur Genehmigung");
    expect(invitation).not.toContain("Saal für Januar reservieren"); // done
    expect(md).not.toContain("Unterschrift");
  });

  it("is self-contained HTML with --format html", async () => {
    const html = (await ok(["report", "agenda", "next", "--format", "html", "--lang", "en"], platform())).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<h1>Invitation: Kernkreis on 2027-01-14</h1>");
    expect(html).toContain("@media print");
  });
});

describe("report minutes --format html", () => {
  it("escapes a group named <script>alert(1)</script>", async () => {
    const options = platform();
    await ok(["groups", "edit", "G01", "--name", "<script>alert(1)</script>"], options);
    const html = (await ok(["report", "minutes", "last", "--format", "html"], options)).stdout;
    expect(html).toContain("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>: Maria Schmidt");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html.match(/<script/gi)).toBeNull();
    // Markdown escapes it too.
    const md = (await ok(["report", "minutes", "last"], options)).stdout;
    expect(md).toContain("- **\\<script\\>alert(1)\\</script\\>**: Maria Schmidt");
  });
});

describe("report minutes --format pdf", () => {
  function isPdf(bytes: Buffer): void {
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-7).toString("latin1")).toMatch(/%%EOF\n?$/);
  }

  it("`report minutes last --format pdf --out m.pdf` writes a valid PDF", async () => {
    const out = join(tempDir(), "m.pdf");
    const result = await ok(["report", "minutes", "last", "--format", "pdf", "--out", out], platform());
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
    isPdf(readFileSync(out));
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it("writes the PDF to standard output when that is a pipe", () => {
    const { db } = platform();
    const result = spawnSync(process.execPath, [BIN, "report", "minutes", "last", "--format", "pdf"], {
      env: { PATH: process.env.PATH ?? "", HOME: tempDir(), PLATTFORM_DB: dbTarget(db!), PLATTFORM_TODAY: TODAY, NO_COLOR: "1" },
    });
    expect(result.status, result.stderr.toString()).toBe(0);
    isPdf(result.stdout);
  });

  const hasScript = existsSync("/usr/bin/script");
  it.skipIf(!hasScript)("refuses to write a PDF onto a terminal and asks for --out (needs util-linux `script` for a terminal)", () => {
    const { db } = platform();
    const command = `${process.execPath} ${BIN} report minutes last --format pdf`;
    const result = spawnSync("/usr/bin/script", ["-qec", command, "/dev/null"], {
      env: { PATH: process.env.PATH ?? "", HOME: tempDir(), PLATTFORM_DB: dbTarget(db!), PLATTFORM_TODAY: TODAY, NO_COLOR: "1", LANG: "C.UTF-8", TERM: "dumb" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Fehler: ein PDF wird nicht auf das Terminal geschrieben — --out <datei\.pdf> angeben/);
    expect(result.stdout).not.toContain("%PDF");
  });

  it("pdfmake is not part of the bundle that every command loads", () => {
    const dist = join(ROOT, "dist");
    expect(readFileSync(join(dist, "main.js"), "utf8")).not.toMatch(/pdfmake|pdfkit/);
    for (const file of readdirSync(join(dist, "chunks"))) expect(readFileSync(join(dist, "chunks", file), "utf8"), file).not.toMatch(/PDFDocument|pdfkit/);
  });
});

describe("bad input", () => {
  it("an unknown meeting: exit 1, one line", async () => {
    const result = await fails(["report", "minutes", "99"], platform(), 1);
    expect(result.stderr).toMatch(/^Fehler: .*„99“/);
    await fails(["report", "agenda", "1.1.2030"], platform(), 1);
  });

  it("--out into a folder that does not exist: exit 1, nothing written, data file unchanged", async () => {
    const missing = join(tempDir(), "nope", "m.md");
    await fails(["report", "minutes", "last", "--out", missing], platform(), 1);
    await fails(["report", "minutes", "last", "--format", "pdf", "--out", missing], platform(), 1);
    expect(existsSync(missing)).toBe(false);
  });

  it("a cancelled meeting has no agenda and no minutes", async () => {
    const options = platform();
    await ok(["meetings", "add", "kernkreis", "--date", "2027-02-11"], options);
    await ok(["meetings", "cancel", "4"], options);
    await fails(["report", "agenda", "4"], options, 1);
    await fails(["report", "minutes", "4"], options, 1);
  });

  it("an unknown format is a usage error (exit 2)", async () => {
    await fails(["report", "minutes", "last", "--format", "docx"], platform(), 2);
    await fails(["report", "agenda", "next", "--format", "docx"], platform(), 2);
  });
});

describe("help", () => {
  it("lists the reports and leads with examples", async () => {
    const help = (await run(["report", "--help"])).stdout;
    expect(help).toMatch(/agenda \[options\] <meeting>/);
    expect(help).toMatch(/minutes \[options\] <meeting>/);
    const minutes = await run(["report", "minutes", "--help", "--lang", "de"]);
    expect(minutes.code).toBe(0);
    expect(minutes.stdout).toMatch(/^Beispiele:\n {2}\$ plattform report minutes last/);
    expect(minutes.stdout).toContain("--format <format>");
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
