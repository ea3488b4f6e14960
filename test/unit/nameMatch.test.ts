import { describe, expect, it } from "vitest";
import { closestNames, editDistance, foldedMatches } from "../../src/core/nameMatch.js";
import { foldName } from "../../src/core/validate.js";

describe("foldName", () => {
  it.each([
    ["Fatma Şahin", "Fatma Sahin"],
    ["Müller", "Mueller"],
    ["Müller", "Muller"],
    ["Weiß", "WEISS"],
    ["Yılmaz", "Yilmaz"],
    ["Ökumenisches  Zentrum", "oekumenisches zentrum"],
    ["Çelik", "celik"],
  ])("%s = %s", (a, b) => expect(foldName(a)).toBe(foldName(b)));

  it("keeps different names apart", () => {
    expect(foldName("Kaya")).not.toBe(foldName("Kaja"));
  });
});

describe("matching", () => {
  const candidates = [
    { id: 1, name: "Hatice Kaya" },
    { id: 2, name: "Jörg Müller" },
    { id: 3, name: "Jorg Muller" },
    { id: 4, name: "St. Josef", short: "JOSEF" },
  ];
  it("folded matches, short codes included", () => {
    expect(foldedMatches(candidates, "joerg mueller").map((c) => c.id)).toEqual([2, 3]);
    expect(foldedMatches(candidates, "josef").map((c) => c.id)).toEqual([4]);
  });
  it("suggests close names only", () => {
    expect(closestNames(candidates, "Hatice Kaja")).toEqual(["Hatice Kaya"]);
    expect(closestNames(candidates, "Niemand")).toEqual([]);
    expect(closestNames(candidates, "JOSE")).toEqual(["St. Josef"]);
  });
  it("edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});
