// Approval (block) voting: most marks win, at most `seats` marks per ballot, ties for the last seats by lot,
// reproducible with a seed and recorded in the tally.
import { describe, expect, it } from "vitest";
import { countApproval, electByScore, type ApprovalBallot } from "../../src/elections/approval.js";
import { Lot } from "../../src/elections/lot.js";
import type { CountInput } from "../../src/elections/tally.js";

const NAMES = ["Anna", "Ben", "Cem", "Dora", "Emil"];
const input = (seats: number, withdrawn: number[] = []): CountInput => ({ candidates: NAMES, seats, withdrawn });
const b = (marks: number[], weight = 1): ApprovalBallot => ({ weight, marks });
const votesOf = (tally: ReturnType<typeof countApproval>) => Object.fromEntries(tally.rounds[0]!.candidates.map((c) => [c.name, c.votes]));

describe("countApproval", () => {
  it("elects the candidates with the most marks, in order of marks", () => {
    const tally = countApproval(input(2), [b([0, 1]), b([0, 2]), b([1, 0]), b([3])]);
    expect(tally.method).toBe("approval");
    expect(tally.elected).toEqual(["Anna", "Ben"]);
    expect(tally.valid).toBe(4);
    expect(tally.quota).toBeNull();
    expect(tally.ties).toEqual([]);
    expect(tally.seed).toBeNull();
    expect(votesOf(tally)).toEqual({ Anna: "3", Ben: "2", Cem: "1", Dora: "1", Emil: "0" });
    expect(tally.rounds).toHaveLength(1);
    expect(tally.rounds[0]!.candidates.map((c) => c.state)).toEqual(["elected", "elected", "excluded", "excluded", "excluded"]);
  });

  it("counts weights", () => {
    const tally = countApproval(input(1), [b([1], 5), b([0], 3), b([0], 1)]);
    expect(tally.elected).toEqual(["Ben"]);
    expect(tally.valid).toBe(9);
    expect(votesOf(tally).Ben).toBe("5");
  });

  it("a ballot with more marks than seats is invalid and not counted at all", () => {
    const tally = countApproval(input(1), [b([0, 1]), b([1])]);
    expect(tally.valid).toBe(1);
    expect(votesOf(tally)).toMatchObject({ Anna: "0", Ben: "1" });
  });

  it("a mark counts once even when given twice", () => {
    const tally = countApproval(input(2), [b([0, 0]), b([1])]);
    expect(votesOf(tally)).toMatchObject({ Anna: "1", Ben: "1" });
  });

  it("a blank ballot (only withdrawn candidates marked) is valid and reported as non-transferable", () => {
    const tally = countApproval(input(1, [2]), [b([2]), b([0])]);
    expect(tally.valid).toBe(2);
    expect(tally.rounds[0]!.nontransferable).toBe("1");
    expect(tally.rounds[0]!.candidates[2]).toMatchObject({ name: "Cem", state: "withdrawn", votes: "0" });
    expect(tally.elected).toEqual(["Anna"]);
  });

  it("nobody without a single mark is elected, even with seats left", () => {
    const tally = countApproval(input(3), [b([0]), b([0, 1])]);
    expect(tally.elected).toEqual(["Anna", "Ben"]);
  });

  it("withdrawn candidates are never elected", () => {
    const tally = countApproval(input(1, [0]), [b([0]), b([0]), b([1])]);
    expect(tally.elected).toEqual(["Ben"]);
  });

  it("a tie inside the seats needs no lot", () => {
    const tally = countApproval(input(2), [b([0, 1]), b([0, 1]), b([2])]);
    expect(tally.elected).toEqual(["Anna", "Ben"]);
    expect(tally.ties).toEqual([]);
    expect(tally.seed).toBeNull();
  });

  it("a tie for the last seat is drawn by lot, recorded with the seed, and the same seed repeats it", () => {
    const ballots = [b([0, 1]), b([0, 2]), b([0, 3])];
    const first = countApproval(input(2), ballots, { seed: 7 });
    expect(first.elected[0]).toBe("Anna");
    expect(first.elected).toHaveLength(2);
    expect(["Ben", "Cem", "Dora"]).toContain(first.elected[1]);
    expect(first.ties).toEqual([{ round: 1, between: ["Ben", "Cem", "Dora"], decidedBy: "lot", purpose: "election", chosen: first.elected[1] }]);
    expect(first.seed).toBe(7);
    for (let i = 0; i < 5; i++) expect(countApproval(input(2), ballots, { seed: 7 })).toEqual(first);
  });

  it("different seeds can draw differently: every tied candidate wins for some seed", () => {
    const ballots = [b([0]), b([1]), b([2])];
    const winners = new Set<string>();
    for (let seed = 0; seed < 60; seed++) winners.add(countApproval(input(1), ballots, { seed }).elected[0]!);
    expect([...winners].sort()).toEqual(["Anna", "Ben", "Cem"]);
  });

  it("two seats drawn from a tie of three: one draw per seat, each recorded", () => {
    const tally = countApproval(input(2), [b([0]), b([1]), b([2])], { seed: 3 });
    expect(tally.elected).toHaveLength(2);
    expect(tally.ties).toHaveLength(2);
    expect(tally.ties[0]!.between).toEqual(["Anna", "Ben", "Cem"]);
    expect(tally.ties[1]!.between).toHaveLength(2);
    expect(tally.ties[1]!.between).not.toContain(tally.ties[0]!.chosen);
    expect(tally.elected).toEqual([tally.ties[0]!.chosen, tally.ties[1]!.chosen]);
  });

  it("without a seed, a lot draws one and reports it; repeating with that seed gives the same result", () => {
    const ballots = [b([0]), b([1])];
    const tally = countApproval(input(1), ballots);
    expect(typeof tally.seed).toBe("number");
    expect(countApproval(input(1), ballots, { seed: tally.seed! })).toEqual(tally);
  });

  it("a seed given without a lot being needed is still reported", () => {
    expect(countApproval(input(1), [b([0]), b([0]), b([1])], { seed: 5 }).seed).toBe(5);
  });
});

describe("electByScore", () => {
  it.each<[string, number[], number[], number, number[]]>([
    ["fewer eligible than seats", [0, 1], [3, 2, 0], 3, [0, 1]],
    ["clear order", [0, 1, 2], [1, 3, 2], 2, [1, 2]],
    ["equal scores ordered by candidate number when all fit", [0, 1, 2], [2, 2, 1], 2, [0, 1]],
  ])("%s", (_what, eligible, score, seats, expected) => {
    const lot = new Lot(1);
    expect(electByScore(eligible, score, seats, NAMES, lot).elected).toEqual(expected);
    expect(lot.drawn).toBe(false);
  });
});
