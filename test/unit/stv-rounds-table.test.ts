import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMessages, translate, type MessageKey } from "../../src/core/i18n.js";
import { parseBlt } from "../../src/elections/blt.js";
import { renderTally, roundAction } from "../../src/elections/roundsTable.js";
import { countScottishStv } from "../../src/elections/stv.js";
import type { Tally } from "../../src/elections/tally.js";

// translate() reads the catalogues main() loads; here both languages are needed.
beforeAll(() => Promise.all([loadMessages("en"), loadMessages("de")]));

const DIR = new URL("../data/stv/scottish/", import.meta.url);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate("en", key, params);
const de = (key: MessageKey, params?: Record<string, string | number>) => translate("de", key, params);

function tallyOf(name: string, seed?: number): Tally {
  const blt = parseBlt(readFileSync(new URL(`${name}.blt`, DIR), "utf8"));
  return countScottishStv(blt, blt.ballots, { seed });
}

describe("renderTally", () => {
  const tally = tallyOf("Anderston-City-2007");

  it("lists every round's action, the elected and the quota", () => {
    const text = renderTally(tally, { width: 100, t: en }).join("\n");
    expect(text).toContain("quota 1381.00000");
    expect(text).toContain("first preferences — elected: Craig MacKay");
    expect(text).toContain("surplus of Craig MacKay (251.00000) transferred");
    expect(text).toContain("Dave Holladay excluded");
    expect(text).toContain("Elected: Craig MacKay, Philip Braat, Nina Baker, Gordon Matheson");
    expect(text).not.toContain("seed");
  });

  it("keeps within the width by splitting the rounds into blocks, every round shown once", () => {
    for (const width of [60, 80, 100, 200]) {
      const lines = renderTally(tally, { width, t: en });
      const tableLines = lines.filter((l) => /^(Candidate|Nina Baker|non-transferable)/.test(l));
      for (const line of tableLines) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(Math.max(width, 40));
      const headers = lines.filter((l) => l.startsWith("Candidate"));
      const rounds = headers.flatMap((h) => h.split(/\s+/).slice(1).map(Number));
      expect(rounds).toEqual(tally.rounds.map((r) => r.round));
    }
  });

  it("shows the votes of every round, the elected marked and the excluded as a dash", () => {
    const lines = renderTally(tally, { width: 300, t: en });
    const row = (name: string) => lines.find((l) => l.startsWith(name))!.split(/\s{2,}/).slice(1);
    expect(row("Craig MacKay")).toEqual(["1632.00000*", ...Array(7).fill("1381.00000*")]);
    expect(row("Dave Holladay")).toEqual(["145.00000", "150.84402", ...Array(6).fill("–")]);
    expect(row("non-transferable")[7]).toBe("856.59414");
  });

  it("reports a tie and the seed of the lot", () => {
    const text = renderTally(tallyOf("weak-surplus", 0), { width: 100, t: en }).join("\n");
    expect(text).toContain("Tie in round 3 between E, F: E excluded, decided by lot");
    expect(text).toContain("seed 0");
  });

  it("speaks German", () => {
    const text = renderTally(tallyOf("weak-defeat"), { width: 100, t: de }).join("\n");
    expect(text).toContain("Erstpräferenzen");
    expect(text).toContain("Gewählt: D, E");
    expect(text).toContain("nach einer früheren Stufe");
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it("writes the figures with the language's decimal mark: a comma in German, a point in English", () => {
    const german = renderTally(tally, { width: 300, t: de, lang: "de" });
    const text = german.join("\n");
    expect(text).toContain("Quote 1381,00000");
    expect(text).toContain("Überschuss von Craig MacKay (251,00000) übertragen");
    const row = (name: string) => german.find((l) => l.startsWith(name))!.split(/\s{2,}/).slice(1);
    expect(row("Craig MacKay")).toEqual(["1632,00000*", ...Array(7).fill("1381,00000*")]);
    expect(row("nicht übertragbar")[7]).toBe("856,59414");
    expect(text).not.toMatch(/\d\.\d/);
    expect(renderTally(tally, { width: 300, t: en, lang: "en" })).toEqual(renderTally(tally, { width: 300, t: en }));
  });

  it("shows rounds of other methods by their own action text, without a quota", () => {
    const other: Tally = {
      method: "approval",
      seats: 1,
      quota: null,
      valid: 5,
      elected: ["A"],
      rounds: [
        {
          round: 1,
          action: "marks counted",
          candidates: [
            { name: "A", state: "elected", votes: "4" },
            { name: "B", state: "hopeful", votes: "1" },
          ],
          nontransferable: "0",
        },
      ],
      ties: [],
      seed: null,
    };
    const text = renderTally(other, { width: 80, t: en }).join("\n");
    expect(text).toContain("marks counted");
    expect(text).not.toContain("quota");
    expect(text).not.toContain("non-transferable");
    expect(roundAction(other.rounds[0]!, en)).toBe("marks counted");
  });

  it("strips control characters from names", () => {
    const t = tallyOf("weak-defeat");
    t.rounds[0]!.candidates[0]!.name = "A\u001b[31mred";
    expect(renderTally(t, { width: 100, t: en }).join("\n")).not.toContain("\u001b");
  });
});
