// Majorities and results of a Kernkreis vote, on tables of cases (DOMAIN.md: integer arithmetic only, a tie is
// not a majority, base 0 is rejected, no quorum decides nothing). The group that left the day before a meeting
// is a matter of who is entitled and present: see test/store/votes.test.ts and test/cli/votes.test.ts.
import { describe, expect, it } from "vitest";
import { evaluateQuorum } from "../../src/meetings/model.js";
import { baseOf, reachesMajority, voteResult, yesNeeded, type Base, type Figures, type Majority } from "../../src/votes/majority.js";

const fig = (yes: number, no: number, abstain: number, present = 12, entitled = 12): Figures => ({ yes, no, abstain, present, entitled });

describe("baseOf: what a majority is measured against", () => {
  it.each<[Base, Figures, number]>([
    ["yes-no", fig(5, 4, 3), 9],
    ["yes-no-abstain", fig(5, 4, 3), 12],
    ["present", fig(5, 4, 3, 10, 14), 10],
    ["entitled", fig(5, 4, 3, 10, 14), 14],
    ["yes-no", fig(0, 0, 12), 0],
    ["yes-no-abstain", fig(0, 0, 12), 12],
    ["present", fig(0, 0, 0, 0, 12), 0],
  ])("%s of %j is %i", (base, f, expected) => {
    expect(baseOf(base, f)).toBe(expected);
  });
});

describe("reachesMajority", () => {
  it.each<[string, Majority, number, number, number, boolean]>([
    // simple: 2·yes > base
    ["simple: 5 of 9", "simple", 5, 4, 9, true],
    ["simple: a tie 4–4 is not a majority", "simple", 4, 4, 8, false],
    ["simple: 1–0", "simple", 1, 0, 1, true],
    ["simple: 6 of 12 present is exactly half, not more", "simple", 6, 0, 12, false],
    ["simple: 7 of 12", "simple", 7, 0, 12, true],
    ["simple: 5 of 9 present (4 abstain)", "simple", 5, 0, 9, true],
    ["simple: 4 of 9 present", "simple", 4, 0, 9, false],
    ["simple: base 0", "simple", 0, 0, 0, false],
    // two-thirds: 3·yes ≥ 2·base
    ["two-thirds: 6 of 9 exactly", "two-thirds", 6, 3, 9, true],
    ["two-thirds: 5 of 9", "two-thirds", 5, 4, 9, false],
    ["two-thirds: 2 of 3", "two-thirds", 2, 1, 3, true],
    ["two-thirds: 7 of 11 (0.636…)", "two-thirds", 7, 4, 11, false],
    ["two-thirds: 8 of 11", "two-thirds", 8, 3, 11, true],
    ["two-thirds: base 0", "two-thirds", 0, 0, 0, false],
    // three-quarters: 4·yes ≥ 3·base
    ["three-quarters: 6 of 8 exactly", "three-quarters", 6, 2, 8, true],
    ["three-quarters: 5 of 8", "three-quarters", 5, 3, 8, false],
    ["three-quarters: 9 of 12", "three-quarters", 9, 3, 12, true],
    ["three-quarters: 8 of 11 (0.727…)", "three-quarters", 8, 3, 11, false],
    ["three-quarters: base 0", "three-quarters", 0, 0, 0, false],
    // unanimous: no = 0 and yes > 0
    ["unanimous: 9–0", "unanimous", 9, 0, 9, true],
    ["unanimous: 9–1", "unanimous", 9, 1, 10, false],
    ["unanimous: 1–0 (the others abstained)", "unanimous", 1, 0, 1, true],
    ["unanimous: 0–0 (everyone abstained)", "unanimous", 0, 0, 0, false],
  ])("%s", (_what, majority, yes, no, base, expected) => {
    expect(reachesMajority(majority, yes, no, base)).toBe(expected);
  });

  it("agrees with the exact fraction on every base up to 300, with no rounding anywhere", () => {
    const share: Record<Exclude<Majority, "unanimous">, [number, number, boolean]> = {
      simple: [1, 2, false], // more than 1/2
      "two-thirds": [2, 3, true], // at least 2/3
      "three-quarters": [3, 4, true], // at least 3/4
    };
    for (const [majority, [num, den, inclusive]] of Object.entries(share) as Array<[Majority, [number, number, boolean]]>)
      for (let base = 1; base <= 300; base++)
        for (let yes = 0; yes <= base; yes++) {
          // yes/base compared with num/den, as a rational comparison done by hand: yes·den against num·base
          const expected = inclusive ? yes * den >= num * base : yes * den > num * base;
          expect(reachesMajority(majority, yes, base - yes, base), `${majority} ${yes}/${base}`).toBe(expected);
        }
  });
});

describe("yesNeeded: the fewest yes votes that carry a motion", () => {
  it.each<[Majority, number, number | null]>([
    ["simple", 9, 5], // 9 groups present, base 'present': 5 are needed
    ["simple", 12, 7],
    ["simple", 10, 6],
    ["simple", 1, 1],
    ["simple", 0, null],
    ["two-thirds", 9, 6],
    ["two-thirds", 10, 7],
    ["two-thirds", 12, 8],
    ["three-quarters", 8, 6],
    ["three-quarters", 9, 7],
    ["three-quarters", 12, 9],
    ["unanimous", 9, 1],
    ["unanimous", 0, null],
  ])("%s of %i: %s", (majority, base, expected) => {
    expect(yesNeeded(majority, base)).toBe(expected);
  });
});

describe("voteResult", () => {
  it.each<[string, boolean, Majority, Base, Figures, string]>([
    ["5 yes, 4 no, 3 abstain; simple, yes-no", true, "simple", "yes-no", fig(5, 4, 3), "adopted"],
    ["4 yes, 4 no: a tie is rejected", true, "simple", "yes-no", fig(4, 4, 0), "rejected"],
    ["4 yes, 4 no, 4 abstain: a tie is rejected", true, "simple", "yes-no", fig(4, 4, 4), "rejected"],
    ["everyone abstains, yes-no: base 0, rejected", true, "simple", "yes-no", fig(0, 0, 12), "rejected"],
    ["everyone abstains, yes-no-abstain", true, "simple", "yes-no-abstain", fig(0, 0, 12), "rejected"],
    ["everyone abstains, unanimity", true, "unanimous", "yes-no", fig(0, 0, 12), "rejected"],
    ["no votes at all: base 0", true, "simple", "yes-no", fig(0, 0, 0, 0, 12), "rejected"],
    ["base 'present' of 0", true, "simple", "present", fig(0, 0, 0, 0, 12), "rejected"],
    ["5 yes, 4 no, 3 abstain; simple, yes-no-abstain: 10 > 12 fails", true, "simple", "yes-no-abstain", fig(5, 4, 3), "rejected"],
    ["9 groups present needing 5: 5 yes, 4 abstain", true, "simple", "present", fig(5, 0, 4, 9, 12), "adopted"],
    ["9 groups present: 4 yes, 0 no, 5 abstain", true, "simple", "present", fig(4, 0, 5, 9, 12), "rejected"],
    ["9 groups present: 4 yes, 1 no — yes-no would adopt, present does not", true, "simple", "present", fig(4, 1, 4, 9, 12), "rejected"],
    ["base entitled: 6 yes of 12 members is not more than half", true, "simple", "entitled", fig(6, 0, 0, 6, 12), "rejected"],
    ["base entitled: 7 yes of 12", true, "simple", "entitled", fig(7, 0, 0, 7, 12), "adopted"],
    ["two-thirds of yes-no: 8 yes, 4 no", true, "two-thirds", "yes-no", fig(8, 4, 0), "adopted"],
    ["two-thirds of yes-no: 7 yes, 4 no", true, "two-thirds", "yes-no", fig(7, 4, 1), "rejected"],
    ["three-quarters: 9 yes, 3 no", true, "three-quarters", "yes-no", fig(9, 3, 0), "adopted"],
    ["unanimous with abstentions", true, "unanimous", "yes-no", fig(8, 0, 4), "adopted"],
    ["unanimous with one no", true, "unanimous", "yes-no", fig(11, 1, 0), "rejected"],
    ["no quorum: nothing is decided, however clear", false, "simple", "yes-no", fig(6, 0, 0, 6, 12), "no-quorum"],
    ["no quorum and everyone abstains", false, "simple", "yes-no", fig(0, 0, 6, 6, 12), "no-quorum"],
  ])("%s → %s", (_what, quorumMet, majority, base, f, expected) => {
    expect(voteResult(quorumMet, majority, base, f)).toBe(expected);
  });

  it("quorum 'half' with 6 of 12 groups present is not met, so the vote is no-quorum", () => {
    const quorum = evaluateQuorum({ kind: "half" }, 12, 6);
    expect(quorum).toEqual({ rule: "half", required: 7, present: 6, entitled: 12, met: false });
    expect(voteResult(quorum.met, "simple", "yes-no", fig(6, 0, 0, 6, 12))).toBe("no-quorum");
    expect(voteResult(evaluateQuorum({ kind: "half" }, 12, 7).met, "simple", "yes-no", fig(6, 0, 1, 7, 12))).toBe("adopted");
  });

  it("a group that left the day before is not entitled: 11 members, 6 present is a quorum", () => {
    // Twelve groups on the list, one left the day before the meeting: 11 are entitled, and 2·6 > 11.
    const quorum = evaluateQuorum({ kind: "half" }, 11, 6);
    expect(quorum.met).toBe(true);
    expect(voteResult(quorum.met, "simple", "entitled", fig(6, 0, 0, 6, 11))).toBe("adopted");
    expect(voteResult(quorum.met, "simple", "entitled", fig(5, 1, 0, 6, 11))).toBe("rejected");
  });
});
