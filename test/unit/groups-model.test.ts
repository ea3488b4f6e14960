import { describe, expect, it } from "vitest";
import { groupStatus, isMemberOn, isValidShort } from "../../src/groups/model.js";

describe("groupStatus", () => {
  it.each([
    [null, "2026-03-01", "active"],
    ["2026-03-01", "2026-02-28", "active"],
    ["2026-03-01", "2026-03-01", "left"],
    ["2026-03-01", "2026-03-02", "left"],
    ["2025-12-31", "2026-01-01", "left"],
  ] as const)("left %j, on %s → %s", (left, onDate, expected) => {
    expect(groupStatus(left, onDate)).toBe(expected);
  });
});

describe("isMemberOn", () => {
  const MEETING = "2026-03-10";
  it.each([
    ["joined long before, never left", { joined: "2020-01-01", left: null }, true],
    ["joined on the meeting date", { joined: MEETING, left: null }, true],
    ["joined the day after", { joined: "2026-03-11", left: null }, false],
    ["left on the meeting date", { joined: "2020-01-01", left: MEETING }, false],
    ["left the day before the meeting", { joined: "2020-01-01", left: "2026-03-09" }, false],
    ["leaves the day after the meeting", { joined: "2020-01-01", left: "2026-03-11" }, true],
    ["joined and left before", { joined: "2020-01-01", left: "2021-01-01" }, false],
    ["joined and leaves later", { joined: "2026-03-01", left: "2026-12-31" }, true],
  ])("%s → %s", (_label, group, expected) => {
    expect(isMemberOn(group, MEETING)).toBe(expected);
  });

  it("compares across month and year boundaries as dates", () => {
    expect(isMemberOn({ joined: "2025-12-31", left: "2026-01-01" }, "2025-12-31")).toBe(true);
    expect(isMemberOn({ joined: "2025-12-31", left: "2026-01-01" }, "2026-01-01")).toBe(false);
  });

  it.each(["", "garbage", "10.03.2026", "2026-3-10", "2026-02-30"])("is false for the non-ISO date %j", (date) => {
    expect(isMemberOn({ joined: "2000-01-01", left: null }, date)).toBe(false);
  });
});

describe("isValidShort", () => {
  it.each(["SMU", "a", "Ä1", "st-marien", "abcdefghijkl", "2026", "ß-ö", "Moschee-12"])("%j is valid", (short) => {
    expect(isValidShort(short)).toBe(true);
  });

  it.each(["", "-ab", "abcdefghijklm", "a b", "a_b", "a.b", "a/b", " ab", "ab\n", "a'b"])("%j is not valid", (short) => {
    expect(isValidShort(short)).toBe(false);
  });
});
