// The HTML minutes as a browser reads them: Debian's headless Chromium loads the file and dumps the DOM it built.
// .ci/run installs the `chromium` package; where it is missing this test is skipped, and says so.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { ok } from "./util.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`reports-browser: skipped, ${CHROMIUM} is missing (install Debian's chromium package)`);

const HOSTILE = "<script>alert(1)</script>";
const GROUPS = ["St. Josef", "Moscheeverein Al-Nur", HOSTILE, "Kita \"Sonnenschein\" & Hort", "Vietnamesischer Verein"];

/** The text of a serialised DOM as a reader sees it: <head> and tags removed, entities decoded. */
function pageText(dom: string): string {
  return dom
    .replace(/<head>[\s\S]*?<\/head>/i, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("the HTML minutes in a browser", () => {
  it.skipIf(!hasChromium)(
    `Chromium shows every group as text and runs no script from user text (skipped when ${CHROMIUM} is missing)`,
    async () => {
      const env = { PLATTFORM_TODAY: "2026-12-10" };
      const db = join(tempDir(), "plattform.db");
      const run = (...args: string[]) => ok(args, { db, env });
      await run("init", "--name", "SO! MIT UNS", "--lang", "de");
      for (const [i, group] of GROUPS.entries()) {
        await run("groups", "add", group, "--short", `G${i + 1}`, "--joined", "2020-01-01");
        await run("people", "add", `Person ${i + 1}`, "--group", `G${i + 1}`, "--role", "representative", "--since", "2020-01-01");
      }
      await run("meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--end", "21:00", "--template", "standard", "--place", "Saal <b>1</b>");
      await run("meetings", "attend", "last", "Person 1", "Person 2", "Person 3");
      await run("meetings", "excuse", "last", "G4");
      await run("meetings", "note", "last", "3", "Bericht: <img src=x onerror=alert(2)> 40 Haushalte");
      await run("tasks", "add", "Flyer <i>drucken</i>", "--owner", "G3", "--due", "2026-12-20", "--meeting", "last", "--item", "3");
      await run("meetings", "close", "last");
      const file = join(tempDir(), "protokoll.html");
      await run("report", "minutes", "last", "--format", "html", "--out", file);

      const profile = tempDir();
      const result = spawnSync(
        CHROMIUM,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          `--user-data-dir=${profile}`,
          "--dump-dom",
          pathToFileURL(file).href,
        ],
        { encoding: "utf8", timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      );
      expect(result.status, result.stderr).toBe(0);
      const dom = result.stdout;
      expect(dom).toContain("<h1>Protokoll: Kernkreis am 03.12.2026</h1>");
      // No element was made from user text: no script, no img, no b, no i.
      expect(dom.match(/<script\b/gi)).toBeNull();
      expect(dom).not.toMatch(/<img\b|<b>|<i>/i);

      const text = pageText(dom);
      for (const group of GROUPS) expect(text, group).toContain(group);
      expect(text).toMatch(/<script>alert\(1\)<\/script> ?: Person 3/);
      expect(text).toContain("Anwesende Gruppen (3)");
      expect(text).toContain("Entschuldigte Gruppen (1) Kita \"Sonnenschein\" & Hort");
      expect(text).toContain("Nicht vertretene Gruppen (1) Vietnamesischer Verein");
      expect(text).toContain("Die Sitzung war beschlussfähig: 3 von 5 Mitgliedsgruppen waren anwesend");
      expect(text).toContain("Bericht: <img src=x onerror=alert(2)> 40 Haushalte");
      expect(text).toContain(`Flyer <i>drucken</i> ${HOSTILE} 20.12.2026 3`);
      expect(text).toContain("Ort Saal <b>1</b>");
      expect(text).toContain("Datum, Unterschrift Sitzungsleitung");
    },
    90_000,
  );
});
