// Issue 18: a table on a terminal fits its width (columns wrapped, cut or hidden by priority); a pipe's is as ever.
import { describe, expect, it } from "vitest";
import { main } from "../../src/main.js";
import { clip, displayWidth, wrapText } from "../../src/core/output.js";
import { newPlatform, run, runEnv } from "../helpers.js";

describe("wrapText and clip", () => {
  it("wraps at spaces, then after hyphens, and cuts what is still too long with …", () => {
    expect(wrapText("Gemeindesaal der Ev. Kirchengemeinde", 16)).toEqual(["Gemeindesaal der", "Ev.", "Kirchengemeinde"]);
    expect(wrapText("Alt-Schöneweide-Süd", 10)).toEqual(["Alt-", "Schönewei…", "Süd"]);
    expect(wrapText("short", 10)).toEqual(["short"]);
    expect(clip("Çağlar Kulturverein", 8)).toBe("Çağlar …");
    expect(clip("名前名前名前", 5)).toBe("名前…");
    for (const line of wrapText("Ein sehr langer Antrag über bezahlbare Energie im Südosten", 12)) expect(displayWidth(line)).toBeLessThanOrEqual(12);
  });
});

/** A run whose standard output is a terminal of `columns` columns (without colour: plain fitted columns). */
async function onTerminal(args: string[], db: string, columns: number | undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = { isTTY: true, columns, write: (c: string | Uint8Array) => out.push(String(c)) };
  const stderr = { isTTY: true, columns, write: (c: string | Uint8Array) => err.push(String(c)) };
  const code = await main(["node", "plattform", ...args], { stdout, stderr, stdin: { isTTY: false }, env: runEnv({ db }) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("a list on a terminal", () => {
  it("hides low-priority columns with a note in the run's language, right-aligns counts, and --wide shows all", async () => {
    const db = await newPlatform();
    const name = "Evangelische Kirchengemeinde Alt-Schöneweide und Umgebung";
    expect((await run(["groups", "add", name, "--short", "EKAS", "--kind", "parish", "--joined", "2024-03-01"], { db })).code).toBe(0);
    for (let i = 0; i < 11; i++) await run(["groups", "add", `Verein ${i}`, "--joined", "2024-03-01"], { db });

    const narrow = await onTerminal(["groups", "list", "--lang", "en"], db, 40);
    expect(narrow.code).toBe(0);
    const lines = narrow.stdout.trimEnd().split("\n");
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(lines[0]).toMatch(/^ # +Name/); // "#" right-aligned over ids up to 12
    expect(lines.some((l) => /^ 1 +Evangelische/.test(l))).toBe(true);
    expect(narrow.stderr).toMatch(/^\d columns? hidden: --wide\n$/);
    expect((await onTerminal(["groups", "list", "--lang", "de"], db, 40)).stderr).toMatch(/^\d Spalten? ausgeblendet: --wide\n$/);

    // 80 columns when the terminal does not say.
    const unknown = await onTerminal(["groups", "list", "--lang", "en"], db, undefined);
    expect(unknown.stdout.split("\n").every((l) => displayWidth(l) <= 80)).toBe(true);

    const wide = await onTerminal(["groups", "list", "--lang", "en", "--wide"], db, 40);
    expect(wide.stderr).toBe("");
    expect(wide.stdout).toContain(name);
    expect(wide.stdout.split("\n")[0]).toMatch(/Status$/);

    // A pipe: today's plain, unlimited columns.
    const piped = await run(["groups", "list", "--lang", "en"], { db });
    expect(piped.stdout).toContain(name);
    expect(piped.stderr).toBe("");
    expect(piped.stdout.split("\n")[0]).toMatch(/^# +Name +Short +Kind +Joined +Status$/);
  });

  it("wraps a show view's long values at word boundaries under their first line", async () => {
    const db = await newPlatform();
    const name = "Evangelische Kirchengemeinde Alt-Schöneweide und Umgebung im Südosten Berlins";
    expect((await run(["groups", "add", name, "--short", "EKAS"], { db })).code).toBe(0);
    const shown = await onTerminal(["groups", "show", "EKAS", "--lang", "en"], db, 40);
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split("\n");
    expect(lines.every((l) => displayWidth(l) <= 40)).toBe(true);
    expect(shown.stdout.replace(/\n +/g, " ")).toContain(name);
  });
});
