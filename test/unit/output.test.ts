// Plain columns, as tables print in a pipe: aligned by what a terminal shows, not by string length.
import { describe, expect, it } from "vitest";
import { plainColumns } from "../../src/core/output.js";

describe("plainColumns", () => {
  it("aligns columns two spaces apart and leaves no trailing spaces", () => {
    expect(plainColumns([["Name", "Kind"], ["St. Josef", "parish"], ["NUR", ""]])).toBe("Name       Kind\nSt. Josef  parish\nNUR");
  });

  it("counts wide characters and emoji as two columns, combining marks as none", () => {
    const text = plainColumns([["名前", "x"], ["Çağlar", "y"], ["e\u0301", "z"], ["🙂", "w"]]);
    expect(text.split("\n")).toEqual(["名前    x", "Çağlar  y", "e\u0301       z", "🙂      w"]);
  });

  it("pads short rows and copes with no rows", () => {
    expect(plainColumns([["a", "b", "c"], ["long value"]])).toBe("a           b  c\nlong value");
    expect(plainColumns([])).toBe("");
  });
});
