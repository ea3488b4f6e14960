// Issue 17, item 3: minutes that need no explanation, on the demo platform (German). Votes and elections under their
// agenda item; the rounds table with its non-transferable row, the elected and excluded marked, decimal commas;
// "ENTWURF" on every page of draft minutes; the German terminal tally with decimal commas.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { ok, okJson } from "./util.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

let db: string;
let dir: string;
beforeAll(async () => {
  dir = tempDir();
  dirs.push(dir);
  db = join(dir, "demo.db");
  await ok(["demo", "--db", db, "--lang", "de"]);
}, 120_000);

/** The text of each page of a PDF, by poppler's pdftotext, in columns or in reading order (null when it is not installed). */
function pdfPages(file: string, layout = true): string[] | null {
  const result = spawnSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split("\f").filter((page) => page.trim() !== "");
}
const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;

async function meetingOf(minutes: "draft" | "approved", withElection = false): Promise<number> {
  if (withElection) return (await okJson<Array<{ meeting: number }>>(["elections", "list"], { db }))[0]!.meeting;
  return (await okJson<Array<{ id: number; minutes: string }>>(["meetings", "list"], { db })).find((m) => m.minutes === minutes)!.id;
}

describe("the demo's minutes need no explanation", () => {
  it("Markdown and HTML state a vote and the election under their agenda item, which then has no 'Keine Notizen.'", async () => {
    const votes = await okJson<Array<{ meeting: number; item: number | null; motion: string }>>(["votes", "list"], { db });
    const vote = votes.find((v) => v.item !== null)!;
    const md = (await ok(["report", "minutes", String(vote.meeting)], { db })).stdout;
    const item = md.indexOf(`### TOP ${vote.item}:`);
    const next = md.indexOf("\n### ", item + 1);
    const section = md.slice(item, next);
    expect(section).toContain("#### Antrag 1");
    expect(section).toContain("- **Eingebracht von:**");
    expect(section).not.toContain("Keine Notizen.");
    expect(md.slice(md.indexOf("## Beschlüsse"))).toMatch(/\| Nr\. \| TOP \| Antrag \| Ja \/ Nein \/ Enth\. \| Ergebnis \|/);
    const html = (await ok(["report", "minutes", String(vote.meeting), "--format", "html"], { db })).stdout;
    const htmlSection = html.slice(html.indexOf(`<h3>TOP ${vote.item}:`), html.indexOf("<h3>", html.indexOf(`<h3>TOP ${vote.item}:`) + 1));
    expect(htmlSection).toContain("<h4>Antrag 1</h4>");

    const election = await meetingOf("approved", true);
    const minutes = (await ok(["report", "minutes", String(election)], { db })).stdout;
    const at = minutes.indexOf("#### Wahl: Strategie- und Finanzteam");
    expect(at).toBeGreaterThan(minutes.indexOf("### TOP 5:"));
    expect(at).toBeLessThan(minutes.indexOf("### TOP 6:"));
    expect(minutes.slice(minutes.indexOf("### TOP 5:"), minutes.indexOf("### TOP 6:"))).not.toContain("Keine Notizen.");
  }, 60_000);

  it("the PDF of the election's minutes: the non-transferable row, the sum of the valid votes, the elected marked, decimal commas", async () => {
    const meeting = await meetingOf("approved", true);
    const file = join(dir, "wahl.pdf");
    await ok(["report", "minutes", String(meeting), "--format", "pdf", "--out", file], { db });
    const md = (await ok(["report", "minutes", String(meeting)], { db })).stdout;
    // The document the PDF is laid out from (also when pdftotext is missing).
    expect(md).toMatch(/\| nicht übertragbar \| 0,00000 \| 0,00000 \| 0,20000 \|/);
    expect(md).toMatch(/\| Summe: gültige Stimmen \| 11,00000 \| 11,00000 \| 11,00000 \|/);
    expect(md).toContain("| Yusuf Demir | 4,00000 gewählt | 2,00000 | 2,00000 | gewählt in Runde 1 |");
    expect(md.match(/^\| Kandidat\/in \|/gm)).toHaveLength(2);
    if (!hasPdftotext) return; // poppler-utils not installed: the Markdown above says the same
    const text = pdfPages(file)!.join("\n");
    expect(text).toMatch(/nicht übertragbar\s+0,00000\s+0,00000\s+0,20000/);
    expect(text).toMatch(/nicht übertragbar\s+0,20000\s+0,20000\s+1,40000/);
    expect(text).toMatch(/Summe: gültige Stimmen\s+11,00000\s+11,00000\s+11,00000/);
    expect(text).toMatch(/Yusuf Demir\s+4,00000 gewählt\s+2,00000\s+2,00000\s+gewählt in Runde 1/);
    expect(text).toMatch(/Rania Khalil\s+0,10000\s+ausgeschieden\s+–\s+ausgeschieden in Runde 5/);
    expect(text).toMatch(/Quote\s+2,00000/);
    expect(text).not.toMatch(/\d\.\d{5}/);
    expect(text).not.toContain("ENTWURF");
  }, 60_000);

  it.skipIf(!hasPdftotext)("draft minutes as PDF say ENTWURF on every page", async () => {
    const meeting = await meetingOf("draft");
    const file = join(dir, "entwurf.pdf");
    await ok(["report", "minutes", String(meeting), "--format", "pdf", "--out", file], { db });
    const pages = pdfPages(file, false)!;
    expect(pages.length).toBeGreaterThan(1);
    // The watermark runs diagonally: in reading order pdftotext gives its letters one by one, in order.
    for (const [i, page] of pages.entries()) expect(page.replace(/\s+/g, ""), `page ${i + 1}`).toContain("ENTWURF");
  }, 60_000);

  it("the German terminal tally writes decimal commas; --json keeps the decimal point", async () => {
    const out = (await ok(["elections", "tally", "1", "--lang", "de"], { db })).stdout;
    expect(out).toContain("Quote 2,00000");
    expect(out).toMatch(/nicht übertragbar\s+0,00000\s+0,00000\s+0,20000/);
    expect(out).not.toMatch(/\d\.\d{5}/);
    expect((await ok(["elections", "tally", "1", "--lang", "en"], { db })).stdout).toContain("quota 2.00000");
    expect(await okJson(["elections", "tally", "1", "--lang", "de"], { db })).toMatchObject({ quota: "2.00000" });
  }, 60_000);
});
