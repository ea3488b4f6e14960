// Pure logic of the meetings area: quorum in integers, agenda templates, the length of a meeting and overrun.
import { describe, expect, it } from "vitest";
import {
  agendaOverrun,
  evaluateQuorum,
  ITEM_TYPES,
  meetingLength,
  parseQuorumRule,
  parseTemplate,
  STANDARD_TEMPLATE,
  type QuorumRule,
} from "../../src/meetings/model.js";
import { cliErrorOf } from "./errorOf.js";

describe("evaluateQuorum", () => {
  const none: QuorumRule = { kind: "none" };
  const half: QuorumRule = { kind: "half" };
  const count = (groups: number): QuorumRule => ({ kind: "count", groups });

  it.each<[string, QuorumRule, number, number, { required: number; met: boolean }]>([
    ["none: nobody there is still a quorum", none, 16, 0, { required: 0, met: true }],
    ["none: entitled 0", none, 0, 0, { required: 0, met: true }],
    ["half: 9 of 16 (2·9 = 18 > 16)", half, 16, 9, { required: 9, met: true }],
    ["half: 8 of 16 is not more than half (2·8 = 16 is not > 16)", half, 16, 8, { required: 9, met: false }],
    ["half: 16 of 16", half, 16, 16, { required: 9, met: true }],
    ["half: 9 of 12 (the scripted Kernkreis)", half, 12, 9, { required: 7, met: true }],
    ["half: 6 of 12 is a tie, not a majority", half, 12, 6, { required: 7, met: false }],
    ["half: 7 of 12", half, 12, 7, { required: 7, met: true }],
    ["half, odd: 7 of 13 (14 > 13)", half, 13, 7, { required: 7, met: true }],
    ["half, odd: 6 of 13 (12 is not > 13)", half, 13, 6, { required: 7, met: false }],
    ["half: 1 of 1", half, 1, 1, { required: 1, met: true }],
    ["half: 0 of 1", half, 1, 0, { required: 1, met: false }],
    ["half: entitled 0 (no member groups on that date) is no quorum", half, 0, 0, { required: 1, met: false }],
    ["count 5: 5 present", count(5), 16, 5, { required: 5, met: true }],
    ["count 5: 4 present", count(5), 16, 4, { required: 5, met: false }],
    ["count 5: 12 present", count(5), 16, 12, { required: 5, met: true }],
    ["count 20 is more than there are groups: never met", count(20), 16, 16, { required: 20, met: false }],
    ["count 1 with entitled 0 and nobody there", count(1), 0, 0, { required: 1, met: false }],
  ])("%s", (_what, rule, entitled, present, expected) => {
    expect(evaluateQuorum(rule, entitled, present)).toEqual({ rule: rule.kind, present, entitled, ...expected });
  });

  it("the 'half' requirement agrees with the 2·present > entitled test for every size up to 40", () => {
    for (let entitled = 0; entitled <= 40; entitled++)
      for (let present = 0; present <= entitled; present++) {
        const result = evaluateQuorum(half, entitled, present);
        expect(result.met).toBe(2 * present > entitled);
        expect(result.met).toBe(present >= result.required);
      }
  });
});

describe("parseQuorumRule", () => {
  it.each<[string, QuorumRule]>([
    ["none", { kind: "none" }],
    ["half", { kind: "half" }],
    ["7", { kind: "count", groups: 7 }],
    ["12", { kind: "count", groups: 12 }],
  ])("%s", (value, rule) => {
    expect(parseQuorumRule(value)).toEqual(rule);
  });
});

describe("parseTemplate", () => {
  it("reads `<type> [<minutes>] <title>` lines", () => {
    expect(parseTemplate("info 10 Begrüßung\ndecision Beschlüsse\nreport 120 Berichte aus den Aktionsteams")).toEqual([
      { type: "info", duration: 10, title: "Begrüßung" },
      { type: "decision", duration: null, title: "Beschlüsse" },
      { type: "report", duration: 120, title: "Berichte aus den Aktionsteams" },
    ]);
  });

  it("skips blank lines and # comments, trims spaces, accepts CRLF", () => {
    const text = "# Kernkreis\r\n\r\n   info 5   Begrüßung  \r\n  # a comment\r\n\tdiscussion 15 Verschiedenes\r\n\r\n";
    expect(parseTemplate(text)).toEqual([
      { type: "info", duration: 5, title: "Begrüßung" },
      { type: "discussion", duration: 15, title: "Verschiedenes" },
    ]);
  });

  it("a number that is part of the title is kept when no duration precedes it", () => {
    expect(parseTemplate("info 2026 im Rückblick")).toEqual([{ type: "info", duration: null, title: "2026 im Rückblick" }]);
    expect(parseTemplate("info 10 2026 im Rückblick")).toEqual([{ type: "info", duration: 10, title: "2026 im Rückblick" }]);
    expect(parseTemplate("report 15")).toEqual([{ type: "report", duration: null, title: "15" }]);
  });

  it.each<[string, string, number]>([
    ["an unknown type", "info 5 Begrüßung\nvote 10 Abstimmung", 2],
    ["a type in capitals", "Info 5 Begrüßung", 1],
    ["a type without a title", "# header\n\ninfo", 3],
    ["only spaces after the type", "info 5 Begrüßung\n# x\nreport   ", 3],
  ])("%s → error.templateLine with the line number", (_what, text, line) => {
    const error = cliErrorOf(() => parseTemplate(text));
    expect(error.key).toBe("error.templateLine");
    expect(error.params.line).toBe(line);
    expect(error.params.types).toBe(ITEM_TYPES.join(", "));
  });

  it.each([[""], ["\n\n"], ["# only a comment\n   \n# another"]])("%j → error.templateEmpty", (text) => {
    expect(cliErrorOf(() => parseTemplate(text)).key).toBe("error.templateEmpty");
  });

  it.each(["de", "en"] as const)("the standard template (%s) has the issue's 7 items, 100 minutes in all", (lang) => {
    const items = parseTemplate(STANDARD_TEMPLATE[lang]);
    expect(items).toHaveLength(7);
    expect(items.map((i) => i.type)).toEqual(["info", "decision", "report", "report", "decision", "info", "discussion"]);
    expect(items.reduce((sum, i) => sum + (i.duration ?? 0), 0)).toBe(100);
  });
});

describe("meetingLength", () => {
  it.each<[string | null, string | null, number | null]>([
    ["19:00", "21:00", 120],
    ["19:30", "21:00", 90],
    ["09:05", "09:06", 1],
    ["00:00", "23:59", 1439],
    ["19:00", "19:00", null],
    ["21:00", "19:00", null],
    [null, "21:00", null],
    ["19:00", null, null],
    [null, null, null],
  ])("%s–%s → %s", (start, end, expected) => {
    expect(meetingLength(start, end)).toBe(expected);
  });
});

describe("agendaOverrun", () => {
  const items = (...durations: Array<number | null>) => durations.map((duration) => ({ duration }));

  it.each<[string, Array<{ duration: number | null }>, number | null, { planned: number; length: number } | null]>([
    ["exactly the length is fine", items(60, 60), 120, null],
    ["one minute over", items(60, 61), 120, { planned: 121, length: 120 }],
    ["items without a duration count as 0", items(null, 30, null), 20, { planned: 30, length: 20 }],
    ["no items", [], 120, null],
    ["no length known: no warning", items(500), null, null],
    ["the standard template in a 90-minute meeting", items(10, 5, 30, 15, 20, 10, 10), 90, { planned: 100, length: 90 }],
  ])("%s", (_what, list, length, expected) => {
    expect(agendaOverrun(list, length)).toEqual(expected);
  });
});
