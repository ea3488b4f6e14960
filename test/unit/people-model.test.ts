import { describe, expect, it } from "vitest";
import { displayName, roleHeldOn } from "../../src/people/model.js";

describe("roleHeldOn", () => {
  const DATE = "2026-03-10";
  it.each([
    ["since long ago, open-ended", { since: "2020-01-01", until: null }, true],
    ["since the date", { since: DATE, until: null }, true],
    ["since the day after", { since: "2026-03-11", until: null }, false],
    ["until the date (ended that day)", { since: "2020-01-01", until: DATE }, false],
    ["until the day after", { since: "2020-01-01", until: "2026-03-11" }, true],
    ["until the day before", { since: "2020-01-01", until: "2026-03-09" }, false],
    ["a single day, on it", { since: DATE, until: "2026-03-11" }, true],
  ])("%s → %s", (_label, role, expected) => {
    expect(roleHeldOn(role, DATE)).toBe(expected);
  });
});

describe("displayName", () => {
  it.each([
    [{ id: 7, name: "Ayşe Demir" }, "Ayşe Demir"],
    [{ id: 7, name: null }, "forgotten #7"],
    [{ id: 123, name: null }, "forgotten #123"],
  ])("%j → %j", (person, expected) => {
    expect(displayName(person, "forgotten")).toBe(expected);
  });

  it("uses the label it is given", () => {
    expect(displayName({ id: 3, name: null }, "vergessen")).toBe("vergessen #3");
  });
});
