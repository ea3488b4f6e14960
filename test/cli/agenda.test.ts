// `report agenda` as an invitation (issue 17): start times from the durations, apologies received in advance,
// the open tasks due, the previous draft minutes as an appendix, and the same as a PDF.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { dbTarget } from "../server.js";
import { startTimes } from "../../src/reports/agenda.js";
import { agendaPdf } from "../../src/reports/index.js";
import { Context } from "../../src/core/context.js";
import { openDataFile } from "../../src/core/db.js";
import { CliError } from "../../src/core/errors.js";
import { loadMessages } from "../../src/core/i18n.js";
import { buildTemplate, copyOf, fails, ok, okJson, type RunOptions } from "./util.js";

const env = { PLATTFORM_TODAY: "2026-12-01" };
let template: string;
beforeAll(async () => {
  template = await buildTemplate(
    [
      ["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"],
      ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--joined", "2020-01-01"],
      ["groups", "add", "Kita Sonnenschein", "--short", "KITA", "--joined", "2020-01-01"],
      ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2020-01-01"],
      ["people", "add", "Ina Roth", "--group", "KITA", "--role", "representative", "--since", "2020-01-01"],
      ["meetings", "add", "kernkreis", "--date", "2026-11-05", "--time", "19:00"],
      ["meetings", "item", "add", "1", "Mietenkampagne"],
      ["meetings", "note", "1", "1", "40 Haushalte befragt"],
      ["meetings", "close", "1"],
      ["meetings", "add", "kernkreis", "--date", "2026-12-10", "--time", "09:00", "--place", "Gemeindesaal"],
      ["meetings", "item", "add", "2", "Begrüßung", "--duration", "20"],
      ["meetings", "item", "add", "2", "Berichte", "--duration", "25"],
      ["meetings", "item", "add", "2", "Beschlüsse", "--duration", "15"],
      ["tasks", "add", "Saal reservieren", "--owner", "JOSEF", "--due", "2026-12-08"],
      ["tasks", "add", "Flyer drucken", "--owner", "KITA", "--due", "2027-01-20"],
    ].map((args) => [...args]),
    ["--name", "Testplattform", "--lang", "de"],
  );
  // buildTemplate runs without PLATTFORM_TODAY; the dates above are explicit, so it does not matter.
}, 60_000);

function platform(): RunOptions {
  return { db: copyOf(template), env };
}

describe("start times", () => {
  it("are computed from the meeting's start and the durations before each item", () => {
    expect(startTimes("09:00", [{ duration: 20 }, { duration: 25 }, { duration: 15 }])).toEqual(["09:00", "09:20", "09:45"]);
    expect(startTimes("19:00", [{ duration: 30 }, { duration: null }, { duration: 10 }])).toEqual(["19:00", "19:30", null]);
    expect(startTimes(null, [{ duration: 30 }])).toEqual([null]);
    expect(startTimes("23:30", [{ duration: 45 }, { duration: 5 }])).toEqual(["23:30", "00:15"]);
  });

  it("show in the Markdown and the JSON of the agenda", async () => {
    const options = platform();
    const md = (await ok(["report", "agenda", "next"], options)).stdout;
    expect(md).toContain("| TOP | Beginn | Punkt | Berichterstattung | Minuten |");
    expect(md).toContain("| 1 | 09:00 | Begrüßung |   | 20 |");
    expect(md).toContain("| 2 | 09:20 | Berichte |   | 25 |");
    expect(md).toContain("| 3 | 09:45 | Beschlüsse |   | 15 |");
    const json = await okJson<{ items: Array<{ start: string | null }> }>(["report", "agenda", "next"], options);
    expect(json.items.map((i) => i.start)).toEqual(["09:00", "09:20", "09:45"]);
    const en = (await ok(["report", "agenda", "next", "--format", "html", "--lang", "en"], options)).stdout;
    expect(en).toContain('<th class="num">Start</th>');
    expect(en).toContain('<td class="num">09:20</td>');
  });
});

describe("apologies in advance", () => {
  it("`meetings excuse` works for a planned meeting ahead, and the agenda says who sent apologies", async () => {
    const options = platform();
    expect((await ok(["report", "agenda", "next"], options)).stdout).not.toContain("**Entschuldigt:**");
    await ok(["meetings", "excuse", "next", "NUR"], options);
    await ok(["meetings", "excuse", "next", "Ina Roth"], options);
    const md = (await ok(["report", "agenda", "next"], options)).stdout;
    expect(md).toContain("**Entschuldigt:** Moscheeverein Al-Nur, Ina Roth");
    expect((await ok(["report", "agenda", "next", "--lang", "en"], options)).stdout).toContain("**Apologies:** Moscheeverein Al-Nur, Ina Roth");
    // twice is refused, the file unchanged
    await fails(["meetings", "excuse", "next", "NUR"], options, 1);
  });
});

describe("open tasks and the draft minutes", () => {
  it("lists the open tasks due by the meeting and appends the previous minutes while they are a draft", async () => {
    const options = platform();
    const md = (await ok(["report", "agenda", "next"], options)).stdout;
    expect(md).toContain("| Saal reservieren | St. Josef | 08.12.2026 |");
    expect(md).not.toContain("Flyer drucken"); // due after the meeting
    expect(md).toContain("# Protokoll: Kernkreis am 05.11.2026");
    expect(md).toContain("*Anhang: Protokollentwurf zur Genehmigung — Testplattform*");
    expect(md).toContain("40 Haushalte befragt");
    expect(md).not.toContain("Unterschrift");
  });

  it("has no appendix once the previous minutes are approved", async () => {
    const options = { ...platform(), env: { PLATTFORM_TODAY: "2026-12-10" } };
    await ok(["meetings", "attend", "2", "Maria Schmidt", "Ina Roth"], options);
    await ok(["meetings", "approve", "1", "--at", "2"], options);
    await ok(["meetings", "add", "kernkreis", "--date", "2027-01-14", "--time", "19:00"], options);
    const md = (await ok(["report", "agenda", "2027-01-14"], options)).stdout;
    expect(md).not.toContain("Anhang");
    expect(md).not.toContain("# Protokoll:");
  });
});

const hasPdftotext = spawnSync("which", ["pdftotext"]).status === 0;

describe("report agenda --format pdf", () => {

  it("writes a PDF", async () => {
    const options = platform();
    await ok(["meetings", "excuse", "next", "NUR"], options);
    const out = join(tempDir(), "a.pdf");
    const result = await ok(["report", "agenda", "next", "--format", "pdf", "--out", out], options);
    expect(result.stdout).toBe("");
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.subarray(-7).toString("latin1")).toMatch(/%%EOF\n?$/);
  });

  it.skipIf(!hasPdftotext)("whose text has the start times, the apologies, the tasks due and the appendix (needs poppler's pdftotext)", async () => {
    const options = platform();
    await ok(["meetings", "excuse", "next", "NUR"], options);
    const out = join(tempDir(), "a.pdf");
    await ok(["report", "agenda", "next", "--format", "pdf", "--out", out], options);
    const text = spawnSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" }).stdout;
    expect(text).toMatch(/1\s+09:00\s+Begrüßung/);
    expect(text).toMatch(/2\s+09:20\s+Berichte/);
    expect(text).toMatch(/3\s+09:45\s+Beschlüsse/);
    expect(text).toContain("Entschuldigt: Moscheeverein Al-Nur");
    expect(text).toContain("Saal reservieren");
    expect(text).toContain("Protokoll: Kernkreis am 05.11.2026");
    // the appendix starts on a page of its own
    const pages = text.split("\f");
    expect(pages.findIndex((p) => p.includes("Protokoll: Kernkreis am 05.11.2026"))).toBeGreaterThan(0);
  });
});

describe("agendaPdf(ctx, meetingId)", () => {
  it("returns the bytes of the agenda's PDF, in the context's language, for the invitation e-mail", async () => {
    await Promise.all([loadMessages("en"), loadMessages("de")]);
    const { db: path } = platform();
    const db = openDataFile(dbTarget(path!));
    try {
      const ctx = new Context({ lang: "en" }, ["test"], {}, { path: dbTarget(path!), source: "flag" });
      ctx.useDb(db);
      const bytes = await agendaPdf(ctx, 2);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      if (hasPdftotext) {
        const file = join(tempDir(), "invitation.pdf");
        writeFileSync(file, bytes);
        const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
        expect(text).toContain("Invitation: Kernkreis on 2026-12-10");
        expect(text).toMatch(/2\s+09:20\s+Berichte/);
      }
      await expect(agendaPdf(ctx, 99)).rejects.toBeInstanceOf(CliError);
    } finally {
      db.close();
    }
  });
});
