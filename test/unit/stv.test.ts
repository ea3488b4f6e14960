import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBlt } from "../../src/elections/blt.js";
import { Lot } from "../../src/elections/lot.js";
import { SCALE, countScottishStv, droopQuota, formatUnits, parseUnits, transferValue } from "../../src/elections/stv.js";
import type { RankedBallot, Tally } from "../../src/elections/tally.js";
import { cliErrorOf } from "./errorOf.js";

/** Ballots written as "3: A B C" (weight: names in order of preference). */
function ballots(candidates: string[], ...lines: string[]): RankedBallot[] {
  return lines.map((line) => {
    const [weight, rest] = line.split(":");
    const ranking = rest!.trim() === "" ? [] : rest!.trim().split(/\s+/).map((n) => candidates.indexOf(n));
    if (ranking.includes(-1)) throw new Error(`unknown name in ${line}`);
    return { weight: Number(weight), ranking };
  });
}

function votesOf(tally: Tally, round: number): Record<string, string> {
  return Object.fromEntries(tally.rounds[round - 1]!.candidates.map((c) => [c.name, c.votes]));
}

function statesOf(tally: Tally, round: number): Record<string, string> {
  return Object.fromEntries(tally.rounds[round - 1]!.candidates.map((c) => [c.name, c.state]));
}

describe("exact arithmetic", () => {
  it("formats units of 1/100000 as decimals with five places", () => {
    expect(formatUnits(191_300_000)).toBe("1913.00000");
    expect(formatUnits(0)).toBe("0.00000");
    expect(formatUnits(7_320_404)).toBe("73.20404");
    expect(formatUnits(1)).toBe("0.00001");
    expect(formatUnits(-1_472)).toBe("-0.01472");
    expect(() => formatUnits(0.5)).toThrow(RangeError);
  });

  it("reads decimals back into units", () => {
    expect(parseUnits("1913.00000")).toBe(191_300_000);
    expect(parseUnits("40.06923")).toBe(4_006_923);
    expect(parseUnits("2.5")).toBe(250_000);
    expect(parseUnits("7")).toBe(700_000);
    expect(() => parseUnits("1.000001")).toThrow(RangeError);
    for (const units of [0, 1, 99_999, 100_000, 123_456_789]) expect(parseUnits(formatUnits(units))).toBe(units);
  });

  it.each([
    [6900, 4, 1381],
    [15, 2, 6],
    [35, 4, 8],
    [12744, 4, 2549],
    [10, 1, 6],
    [9, 2, 4],
    [1, 1, 1],
  ])("Droop quota of %i valid votes for %i seats is %i", (valid, seats, quota) => {
    expect(droopQuota(valid, seats)).toBe(quota);
  });

  it("truncates transfer values to five places, never rounding up", () => {
    // 251 / 1632 = 0.1537990… → 0.15379 (Anderston-City, first surplus)
    expect(transferValue(251 * SCALE, SCALE, 1632 * SCALE)).toBe(15_379);
    // 2 / 3 = 0.666666… → 0.66666
    expect(transferValue(2 * SCALE, SCALE, 3 * SCALE)).toBe(66_666);
    // a paper received at 0.15379 from a surplus of 40.06923 out of 1421.06923
    expect(transferValue(4_006_923, 15_379, 142_106_923)).toBe(Math.floor((4_006_923 * 15_379) / 142_106_923));
    expect(transferValue(0, SCALE, 8 * SCALE)).toBe(0);
  });

  it("stays exact where surplus × value leaves the safe integer range", () => {
    const surplus = 90_000_000_000_000; // 900 million votes
    const value = 99_999;
    const total = 90_000_000_000_007;
    const exact = (BigInt(surplus) * BigInt(value)) / BigInt(total);
    expect(Number.isSafeInteger(surplus * value)).toBe(false);
    expect(transferValue(surplus, value, total)).toBe(Number(exact));
  });

  it("keeps every vote accounted for in every round of every reference case: candidates + non-transferable + residual = valid", () => {
    const dir = new URL("../data/stv/scottish/", import.meta.url);
    let rounds = 0;
    for (const file of readdirSync(fileURLToPath(dir)).filter((f) => f.endsWith(".blt"))) {
      const blt = parseBlt(readFileSync(new URL(file, dir), "utf8"));
      const tally = countScottishStv(blt, blt.ballots, { seed: 0 });
      for (const round of tally.rounds) {
        const held = round.candidates.reduce((sum, c) => sum + parseUnits(c.votes), 0);
        expect(held + parseUnits(round.nontransferable) + parseUnits(round.residual!), `${file} round ${round.round}`).toBe(tally.valid * SCALE);
        rounds++;
      }
    }
    expect(rounds).toBeGreaterThan(150);
  });
});

describe("Scottish STV counts", () => {
  it("elects on first preferences and transfers the surplus from all the winner's papers at surplus / total", () => {
    const names = ["A", "B", "C", "D"];
    // 13 valid, 2 seats: quota floor(13/3)+1 = 5. A has 7: surplus 2, transfer value 2/7 = 0.28571
    const tally = countScottishStv({ candidates: names, seats: 2, withdrawn: [] }, ballots(names, "4: A B", "3: A", "3: C", "2: D", "1: B"));
    expect(tally.quota).toBe("5.00000");
    expect(tally.valid).toBe(13);
    expect(votesOf(tally, 1)).toEqual({ A: "7.00000", B: "1.00000", C: "3.00000", D: "2.00000" });
    expect(tally.rounds[0]!.elected).toEqual(["A"]);
    expect(tally.rounds[1]!).toMatchObject({ kind: "surplus", subject: "A", surplus: "2.00000" });
    // B: 1 + 4 × 0.28571; non-transferable: 3 × 0.28571; residual 2 − 7 × 0.28571 = 0.00003
    expect(votesOf(tally, 2)).toEqual({ A: "5.00000", B: "2.14284", C: "3.00000", D: "2.00000" });
    expect(tally.rounds[1]!.nontransferable).toBe("0.85713");
    expect(tally.rounds[1]!.residual).toBe("0.00003");
    // D is excluded; its papers have no further preference; then B and C are the last two for one seat
    expect(tally.rounds[2]!).toMatchObject({ kind: "exclusion", subject: "D", nontransferable: "2.85713" });
    expect(tally.rounds[3]!).toMatchObject({ kind: "exclusion", subject: "B" });
    expect(tally.elected).toEqual(["A", "C"]);
    expect(tally.ties).toEqual([]);
    expect(tally.seed).toBeNull();
  });

  it("transfers the larger surplus first", () => {
    const names = ["A", "B", "C", "D", "E"];
    // 30 valid, 3 seats: quota 8. A 12 (surplus 4), B 9 (surplus 1)
    const tally = countScottishStv(
      { candidates: names, seats: 3, withdrawn: [] },
      ballots(names, "9: B C", "12: A D", "4: C", "3: D", "2: E"),
    );
    expect(tally.rounds[0]!.elected).toEqual(["A", "B"]);
    expect(tally.rounds[1]!.subject).toBe("A");
    expect(tally.rounds[2]!.subject).toBe("B");
  });

  it("breaks a tie for the larger surplus by the most recent earlier stage where the votes differed", () => {
    const names = ["A", "B", "C", "D", "E", "F"];
    // 37 valid, 4 seats: quota 8. A 16 passes on at 0.5: B 5 + 10 × 0.5 = 10, C 7 + 6 × 0.5 = 10.
    const tally = countScottishStv(
      { candidates: names, seats: 4, withdrawn: [] },
      ballots(names, "10: A B D", "6: A C E", "5: B E", "7: C D", "4: D", "3: E", "2: F"),
    );
    expect(votesOf(tally, 2)).toMatchObject({ B: "10.00000", C: "10.00000" });
    expect(tally.ties).toEqual([{ round: 3, between: ["B", "C"], decidedBy: "earlier-stage", purpose: "surplus", chosen: "C" }]);
    expect(tally.rounds[2]!.subject).toBe("C");
    expect(tally.seed).toBeNull();
  });

  it("breaks a tie for exclusion by an earlier stage (weak-defeat)", () => {
    const names = ["A", "B", "C", "D", "E"];
    const tally = countScottishStv({ candidates: names, seats: 2, withdrawn: [] }, ballots(names, "1: A B", "2: B", "3: C", "4: D", "5: E"));
    expect(tally.ties).toEqual([{ round: 3, between: ["B", "C"], decidedBy: "earlier-stage", purpose: "exclusion", chosen: "B" }]);
    expect(tally.elected).toEqual(["D", "E"]);
  });

  it("draws lots where the tied candidates were equal at every stage, and records the seed", () => {
    const names = ["A", "B", "C"];
    const input = { candidates: names, seats: 1, withdrawn: [] };
    const papers = ballots(names, "4: A", "2: B", "2: C");
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const tally = countScottishStv(input, papers, { seed });
      expect(tally.ties).toHaveLength(1);
      expect(tally.ties[0]).toMatchObject({ round: 2, between: ["B", "C"], decidedBy: "lot", purpose: "exclusion" });
      expect(tally.seed).toBe(seed);
      expect(tally.rounds[1]!.subject).toBe(tally.ties[0]!.chosen);
      // the same seed, the same count
      expect(countScottishStv(input, papers, { seed })).toEqual(tally);
      outcomes.add(tally.ties[0]!.chosen!);
    }
    expect([...outcomes].sort()).toEqual(["B", "C"]);
  });

  it("picks a seed when a lot is needed and none was given, and that seed repeats the count", () => {
    const names = ["A", "B", "C"];
    const input = { candidates: names, seats: 1, withdrawn: [] };
    const papers = ballots(names, "4: A", "2: B", "2: C");
    const tally = countScottishStv(input, papers);
    expect(Number.isSafeInteger(tally.seed)).toBe(true);
    expect(countScottishStv(input, papers, { seed: tally.seed! })).toEqual(tally);
  });

  it("records a given seed even when no lot was needed, and none when none was given", () => {
    const names = ["A", "B"];
    const papers = ballots(names, "3: A", "1: B");
    expect(countScottishStv({ candidates: names, seats: 1, withdrawn: [] }, papers, { seed: 7 }).seed).toBe(7);
    expect(countScottishStv({ candidates: names, seats: 1, withdrawn: [] }, papers).seed).toBeNull();
  });

  it("takes lots from a Lot given by the caller", () => {
    const names = ["A", "B", "C"];
    const lot = new Lot(3);
    const tally = countScottishStv({ candidates: names, seats: 1, withdrawn: [] }, ballots(names, "4: A", "2: B", "2: C"), { lot });
    expect(lot.drawn).toBe(true);
    expect(tally.seed).toBe(3);
  });

  it("elects all continuing candidates once they are as many as the vacancies left (rule 52)", () => {
    const names = ["A", "B", "C"];
    const tally = countScottishStv({ candidates: names, seats: 3, withdrawn: [] }, ballots(names, "2: A", "1: B"));
    expect(tally.rounds).toHaveLength(1);
    expect(tally.elected).toEqual(["A", "B", "C"]);
    expect(tally.rounds[0]!.elected).toEqual(["A", "B", "C"]);
    expect(Object.values(statesOf(tally, 1))).toEqual(["elected", "elected", "elected"]);
  });

  it("ends without transferring a surplus once the seats are filled; the rest are not elected", () => {
    const names = ["A", "B", "C", "D"];
    // quota floor(20/3)+1 = 7: A 9 and B 8 are both elected at once
    const tally = countScottishStv({ candidates: names, seats: 2, withdrawn: [] }, ballots(names, "9: A C", "8: B", "2: C", "1: D"));
    expect(tally.rounds).toHaveLength(1);
    expect(tally.elected).toEqual(["A", "B"]);
    expect(statesOf(tally, 1)).toEqual({ A: "elected", B: "elected", C: "excluded", D: "excluded" });
  });

  it("does not count a stage for a candidate with exactly the quota: there is no surplus (rule 48(1))", () => {
    const names = ["A", "B", "C", "D"];
    // quota floor(17/3)+1 = 6: A has exactly 6
    const tally = countScottishStv({ candidates: names, seats: 2, withdrawn: [] }, ballots(names, "6: A B", "5: B", "4: C", "2: D"));
    expect(tally.rounds.map((r) => r.kind)).toEqual(["first", "exclusion", "exclusion"]);
    expect(tally.elected).toEqual(["A", "B"]);
  });

  it("passes an excluded candidate's papers on at the value they had, skipping elected and excluded candidates", () => {
    const names = ["A", "B", "C", "D"];
    // quota floor(17/3)+1 = 6; A has 8: surplus 2 at 2/8 = 0.25 to C
    const tally = countScottishStv(
      { candidates: names, seats: 2, withdrawn: [] },
      ballots(names, "8: A C", "4: B", "3: C", "2: D A B"),
    );
    expect(votesOf(tally, 2)).toMatchObject({ A: "6.00000", C: "5.00000" });
    // D excluded: A is elected, so D's papers go to B
    expect(tally.rounds[2]!).toMatchObject({ kind: "exclusion", subject: "D" });
    expect(votesOf(tally, 3)).toMatchObject({ B: "6.00000", D: "0.00000" });
    expect(tally.elected).toEqual(["A", "B"]);
  });

  it("skips withdrawn candidates; a ballot for withdrawn candidates only is not a valid vote", () => {
    const names = ["A", "B", "C"];
    const tally = countScottishStv({ candidates: names, seats: 1, withdrawn: [1] }, ballots(names, "3: B A", "2: C", "4: B", "1: "));
    expect(tally.valid).toBe(5);
    expect(tally.quota).toBe("3.00000");
    expect(statesOf(tally, 1)).toEqual({ A: "elected", B: "withdrawn", C: "excluded" });
    expect(tally.elected).toEqual(["A"]);
  });

  it("refuses to count without a valid ballot", () => {
    const error = cliErrorOf(() => countScottishStv({ candidates: ["A", "B"], seats: 1, withdrawn: [] }, [{ weight: 3, ranking: [] }]));
    expect(error.key).toBe("error.stv.noValidBallots");
  });

  it("refuses weights too large to count exactly", () => {
    const error = cliErrorOf(() =>
      countScottishStv({ candidates: ["A", "B"], seats: 1, withdrawn: [] }, [{ weight: 2 ** 50, ranking: [0] }]),
    );
    expect(error.key).toBe("error.stv.tooManyVotes");
  });
});
