// Yes/No/Abstain per candidate: more yes than no is needed (a tie is no majority); of those, the seats with the most
// yes votes are elected; a tie for the last seat is drawn by lot, reproducibly.
import { describe, expect, it } from "vitest";
import type { CountInput } from "../../src/elections/tally.js";
import { countYesNoAbstain, parseAnswer, type Answer, type YesNoAbstainBallot, type YesNoAbstainCandidate } from "../../src/elections/yesNoAbstain.js";

const NAMES = ["Anna", "Ben", "Cem", "Dora"];
const input = (seats: number, withdrawn: number[] = []): CountInput => ({ candidates: NAMES, seats, withdrawn });
/** A ballot from a string like "yna-": y yes, n no, a abstain, - not mentioned. */
const b = (answers: string, weight = 1): YesNoAbstainBallot => ({
  weight,
  answers: Object.fromEntries(
    [...answers].flatMap((ch, i): Array<[number, Answer]> => (ch === "y" ? [[i, "yes"]] : ch === "n" ? [[i, "no"]] : ch === "a" ? [[i, "abstain"]] : [])),
  ),
});
const lines = (tally: ReturnType<typeof countYesNoAbstain>) => tally.rounds[0]!.candidates as YesNoAbstainCandidate[];

describe("countYesNoAbstain", () => {
  it("counts yes, no and abstentions per candidate; not mentioned is an abstention", () => {
    const tally = countYesNoAbstain(input(2), [b("yyn-"), b("ynaa"), b("y---")]);
    expect(lines(tally).map((c) => [c.name, c.yes, c.no, c.abstain, c.votes])).toEqual([
      ["Anna", 3, 0, 0, "3"],
      ["Ben", 1, 1, 1, "1"],
      ["Cem", 0, 1, 2, "0"],
      ["Dora", 0, 0, 3, "0"],
    ]);
    expect(tally.valid).toBe(3);
    expect(tally.method).toBe("yes-no-abstain");
    expect(tally.quota).toBeNull();
  });

  it("a candidate needs more yes than no: a tie is no majority", () => {
    const tally = countYesNoAbstain(input(4), [b("yyna"), b("ynya"), b("nnya")]);
    // Anna 2:1 yes; Ben 1:2 no; Cem 2:1 yes; Dora only abstentions (0:0 is no majority).
    expect(tally.elected).toEqual(["Anna", "Cem"]);
    expect(lines(tally).map((c) => c.majority)).toEqual([true, false, true, false]);
  });

  it("equal yes and no is rejected", () => {
    expect(countYesNoAbstain(input(1), [b("y"), b("n")]).elected).toEqual([]);
  });

  it("abstentions only: nobody is elected", () => {
    expect(countYesNoAbstain(input(2), [b("aaaa"), b("----")]).elected).toEqual([]);
  });

  it("of those with a majority, the seats with the most yes votes win", () => {
    const tally = countYesNoAbstain(input(2), [b("yyyy"), b("yyy-"), b("yy--"), b("y---"), b("nnnn")]);
    expect(tally.elected).toEqual(["Anna", "Ben"]);
  });

  it("more yes votes beat a better yes/no ratio", () => {
    // Anna 5 yes 4 no; Ben 2 yes 0 no: Anna has more yes votes.
    const tally = countYesNoAbstain(input(1), [b("yy"), b("yy"), b("y-"), b("y-"), b("y-"), b("n-"), b("n-"), b("n-"), b("n-")]);
    expect(tally.elected).toEqual(["Anna"]);
  });

  it("counts weights", () => {
    const tally = countYesNoAbstain(input(1), [b("yn", 3), b("ny", 2)]);
    expect(tally.elected).toEqual(["Anna"]);
    expect(tally.valid).toBe(5);
  });

  it("withdrawn candidates are not elected", () => {
    const tally = countYesNoAbstain(input(1, [0]), [b("yy"), b("yy")]);
    expect(tally.elected).toEqual(["Ben"]);
    expect(lines(tally)[0]!.state).toBe("withdrawn");
  });

  it("a tie for the last seat is drawn by lot; the seed repeats it and is recorded", () => {
    const ballots = [b("yyy-"), b("yyyn"), b("n---")];
    // Anna, Ben and Cem have 2 yes each and a majority; Dora none. 2 seats: a lot between all three.
    const first = countYesNoAbstain(input(2), ballots, { seed: 11 });
    expect(first.ties).toHaveLength(2);
    expect(first.ties[0]).toMatchObject({ round: 1, between: ["Anna", "Ben", "Cem"], decidedBy: "lot", purpose: "election" });
    expect(first.seed).toBe(11);
    expect(first.elected).toEqual([first.ties[0]!.chosen, first.ties[1]!.chosen]);
    for (let i = 0; i < 5; i++) expect(countYesNoAbstain(input(2), ballots, { seed: 11 })).toEqual(first);
    const winners = new Set<string>();
    for (let seed = 0; seed < 60; seed++) winners.add(countYesNoAbstain(input(1), ballots, { seed }).elected[0]!);
    expect([...winners].sort()).toEqual(["Anna", "Ben", "Cem"]);
  });

  it("a clear winner above a tie needs no lot for the tie below the seats", () => {
    // Anna 2 yes; Ben and Cem 1 yes each: their tie is below the one seat.
    const tally = countYesNoAbstain(input(1), [b("yyy"), b("y--")]);
    expect(tally.elected).toEqual(["Anna"]);
    expect(tally.ties).toEqual([]);
    expect(tally.seed).toBeNull();
  });
});

describe("parseAnswer", () => {
  it.each<[string, Answer | undefined]>([
    ["yes", "yes"],
    ["YES", "yes"],
    ["ja", "yes"],
    ["no", "no"],
    ["nein", "no"],
    ["abstain", "abstain"],
    ["Enthaltung", "abstain"],
    ["maybe", undefined],
    ["", undefined],
    ["constructor", undefined],
    ["__proto__", undefined],
  ])("%j → %j", (text, expected) => {
    expect(parseAnswer(text)).toBe(expected);
  });
});
