import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMessages, translate, type MessageKey } from "../../src/core/i18n.js";
import { parseBlt, toBlt } from "../../src/elections/blt.js";
import { cliErrorOf } from "./errorOf.js";

// translate() reads the catalogues main() loads; here both languages are needed.
beforeAll(() => Promise.all([loadMessages("en"), loadMessages("de")]));

const DIR = new URL("../data/stv/scottish/", import.meta.url);

const SIMPLE = `4 2
-2
3 1 3 4 0
2 2 4 3 0
1 4 0
0
"Adam"
"Basil"
"Charlotte"
"Donald"
"Title"
`;

describe("parseBlt", () => {
  it("reads header, withdrawn line, ballots, names and title; candidates become 0-based", () => {
    expect(parseBlt(SIMPLE)).toEqual({
      title: "Title",
      candidates: ["Adam", "Basil", "Charlotte", "Donald"],
      seats: 2,
      withdrawn: [1],
      ballots: [
        { weight: 3, ranking: [0, 2, 3] },
        { weight: 2, ranking: [1, 3, 2] },
        { weight: 1, ranking: [3] },
      ],
    });
  });

  it("accepts trailing spaces, CRLF, a byte order mark, blank lines and # comments", () => {
    const text =
      "\uFEFF# exported by some program\r\n3 1   \r\n\r\n 2  1 2 0  # two ballots\r\n1 3 0 \r\n0\r\n\r\n\"A\" \r\n\"B\"\r\n\"C\"\r\n\"T\"  \r\n# the end\r\n";
    const blt = parseBlt(text);
    expect(blt.candidates).toEqual(["A", "B", "C"]);
    expect(blt.seats).toBe(1);
    expect(blt.withdrawn).toEqual([]);
    expect(blt.ballots).toEqual([
      { weight: 2, ranking: [0, 1] },
      { weight: 1, ranking: [2] },
    ]);
    expect(blt.title).toBe("T");
  });

  it("keeps a # inside a quoted name, and double spaces inside names; trims the ends", () => {
    const blt = parseBlt('2 1\n1 1 0\n0\n"Team #1"   # comment\n" Ellen   Hurcombe "\n"Title # 2"\n');
    expect(blt.candidates).toEqual(["Team #1", "Ellen   Hurcombe"]);
    expect(blt.title).toBe("Title # 2");
  });

  it("accepts several names on one line and a missing title", () => {
    const blt = parseBlt('2 1\n1 2 1 0\n0\n"A" "B"\n');
    expect(blt.candidates).toEqual(["A", "B"]);
    expect(blt.title).toBe("");
  });

  it("accepts a blank ballot (no preference) and weight 0", () => {
    expect(parseBlt('2 1\n4 0\n0 1 0\n0\n"A"\n"B"\n').ballots).toEqual([
      { weight: 4, ranking: [] },
      { weight: 0, ranking: [0] },
    ]);
  });

  it("reads a real Glasgow file as it is, names with their spaces", () => {
    const blt = parseBlt(readFileSync(new URL("Canal-2007.blt", DIR), "utf8"));
    expect(blt.seats).toBe(4);
    expect(blt.candidates).toHaveLength(11);
    expect(blt.candidates).toContain("Ellen   Hurcombe");
    expect(blt.candidates).toContain("Kieran  Wild");
    expect(blt.title).not.toBe("");
    expect(blt.ballots.reduce((sum, b) => sum + b.weight, 0)).toBeGreaterThan(8000);
  });
});

describe("parseBlt rejects, with the line number", () => {
  const cases: Array<[string, string, number, string]> = [
    ["an empty file", "", 1, "error.blt.empty"],
    ["only comments", "# nothing\n\n", 1, "error.blt.empty"],
    ["a header with one number", "4\n0\n", 1, "error.blt.header"],
    ["a header with words", "four two\n", 1, "error.blt.header"],
    ["a header with three numbers", "\n4 2 1\n", 2, "error.blt.header"],
    ["no seats", "2 0\n0\n\"A\"\n\"B\"\n", 1, "error.blt.seats"],
    ["more seats than candidates", "2 3\n0\n\"A\"\n\"B\"\n", 1, "error.blt.tooManySeats"],
    ["an unknown withdrawn candidate", "2 1\n-3\n0\n\"A\"\n\"B\"\n", 2, "error.blt.unknownCandidate"],
    ["a ballot naming an unknown candidate", '3 1\n1 1 2 0\n# c\n2 3 4 0\n0\n"A"\n"B"\n"C"\n', 4, "error.blt.unknownCandidate"],
    ["the same candidate twice", '3 1\n1 1 2 0\n1 2 3 2 0\n0\n"A"\n"B"\n"C"\n', 3, "error.blt.repeatedCandidate"],
    ["equal rankings", '3 1\n1 1 2=3 0\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.equalRanking"],
    ["a skipped preference", '3 1\n1 1 - 3 0\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.skippedRanking"],
    ["a ballot without its closing 0", '3 1\n1 1 2 0\n2 3 1\n0\n"A"\n"B"\n"C"\n', 3, "error.blt.missingZero"],
    ["preferences after the closing 0", '3 1\n1 1 0 2\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.afterZero"],
    ["a weight that is not a whole number", '3 1\n1.5 1 2 0\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.weight"],
    ["a negative weight", '3 1\n1 1 0\n-1 2 0\n0\n"A"\n"B"\n"C"\n', 3, "error.blt.weight"],
    ["a token that is not a number", '3 1\n1 1 x 0\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.badToken"],
    ["ballot ids", '3 1\n(a1) 1 2 0\n0\n"A"\n"B"\n"C"\n', 2, "error.blt.ballotIds"],
    ["a missing end-of-ballots line", '3 1\n1 1 2 0\n"A"\n"B"\n"C"\n', 3, "error.blt.noEndOfBallots"],
    ["a file that stops in the ballots", "3 1\n1 1 2 0\n2 3 0\n", 3, "error.blt.noEndOfBallots"],
    ["missing names", '3 1\n1 1 0\n0\n"A"\n"B"\n', 5, "error.blt.missingNames"],
    ["an unquoted name", '3 1\n1 1 0\n0\n"A"\nBasil\n"C"\n', 5, "error.blt.expectedName"],
    ["text after the title", '2 1\n1 1 0\n0\n"A"\n"B"\n"T"\n"more"\n', 7, "error.blt.extraText"],
    ["an empty name", '2 1\n1 1 0\n0\n"A"\n"  "\n', 5, "error.blt.emptyName"],
    ["two candidates of the same name", '2 1\n1 1 0\n0\n"A"\n"A"\n', 5, "error.blt.duplicateName"],
  ];

  it.each(cases)("%s", (_label, text, line, key) => {
    const error = cliErrorOf(() => parseBlt(text));
    expect(error.key).toBe(key);
    expect(error.location?.line).toBe(line);
    expect(error.exitCode).toBe(1);
    // the message is complete in both languages: every placeholder filled
    for (const lang of ["en", "de"] as const) expect(translate(lang, key as MessageKey, error.params)).not.toMatch(/\{\w+\}/);
  });

  it("says what is wrong with an equal ranking in words a user understands", () => {
    const error = cliErrorOf(() => parseBlt('3 1\n1 1 2=3 0\n0\n"A"\n"B"\n"C"\n'));
    expect(translate("en", error.key, error.params)).toMatch(/Scottish STV/);
  });
});

describe("toBlt", () => {
  it("writes what parseBlt reads back", () => {
    const input = { title: "Wahl 2026", candidates: ["Ayşe Demir", "Jonas Krüger", "Maria  Schmidt"], seats: 2, withdrawn: [2] };
    const ballots = [
      { weight: 3, ranking: [0, 1] },
      { weight: 1, ranking: [2, 1, 0] },
      { weight: 2, ranking: [] },
    ];
    const text = toBlt(input, ballots);
    expect(text).toBe('3 2\n-3\n3 1 2 0\n1 3 2 1 0\n2 0\n0\n"Ayşe Demir"\n"Jonas Krüger"\n"Maria  Schmidt"\n"Wahl 2026"\n');
    expect(parseBlt(text)).toEqual({ ...input, ballots });
  });

  it("replaces double quotes in names, which BLT cannot carry", () => {
    const text = toBlt({ candidates: ['Anna "Anni" Weber', "B"], seats: 1, withdrawn: [] }, [{ weight: 1, ranking: [0] }]);
    expect(parseBlt(text).candidates).toEqual(["Anna 'Anni' Weber", "B"]);
    expect(parseBlt(text).title).toBe("");
  });

  it("round-trips a real Glasgow file", () => {
    const original = parseBlt(readFileSync(new URL("Govan-2007.blt", DIR), "utf8"));
    expect(parseBlt(toBlt(original, original.ballots))).toEqual(original);
  });

  it("refuses a candidate index out of range", () => {
    expect(() => toBlt({ candidates: ["A"], seats: 1, withdrawn: [] }, [{ weight: 1, ranking: [1] }])).toThrow(RangeError);
  });
});
