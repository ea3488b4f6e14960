// The pure rules behind commitments and the attendance report, and the report catalogues' parity.
import { describe, expect, it } from "vitest";
import { isOverdue, keptFigures, percent } from "../../src/commitments/model.js";
import { attendanceRows, type HeldMeeting } from "../../src/reports/attendance.js";
import { rateText } from "../../src/reports/labels.js";
import { de as reportsDe } from "../../src/reports/messages/de.js";
import { en as reportsEn } from "../../src/reports/messages/en.js";

describe("percent: whole percentages, rounded half up, in integers", () => {
  it.each<[number, number, number | null]>([
    [2, 3, 67],
    [1, 3, 33],
    [3, 8, 38], // 37.5
    [1, 8, 13], // 12.5
    [1, 200, 1], // 0.5
    [1, 201, 0], // 0.497…
    [0, 5, 0],
    [5, 5, 100],
    [0, 0, null],
  ])("%i of %i → %s", (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe("commitments", () => {
  const c = (status: string, due: string | null) => ({ status: status as "pending" | "in-progress" | "kept" | "broken", due });

  it("overdue: open and due before today", () => {
    expect(isOverdue(c("pending", "2026-06-14"), "2026-06-15")).toBe(true);
    expect(isOverdue(c("in-progress", "2026-06-14"), "2026-06-15")).toBe(true);
    expect(isOverdue(c("pending", "2026-06-15"), "2026-06-15")).toBe(false);
    expect(isOverdue(c("kept", "2026-01-01"), "2026-06-15")).toBe(false);
    expect(isOverdue(c("broken", "2026-01-01"), "2026-06-15")).toBe(false);
    expect(isOverdue(c("pending", null), "2026-06-15")).toBe(false);
  });

  it("the kept rate counts only kept and broken ones", () => {
    const figures = keptFigures([c("kept", null), c("kept", null), c("broken", null), c("pending", "2026-01-01"), c("in-progress", null)], "2026-06-15");
    expect(figures).toEqual({ total: 5, kept: 2, broken: 1, inProgress: 1, pending: 1, overdue: 1, keptRate: 67 });
    expect(keptFigures([c("pending", null)], "2026-06-15").keptRate).toBeNull();
    expect(keptFigures([], "2026-06-15")).toMatchObject({ total: 0, keptRate: null });
  });
});

describe("attendanceRows", () => {
  const meeting = (id: number, date: string, present: number[], excused: number[] = []): HeldMeeting => ({ id, date, present: new Set(present), excused: new Set(excused) });
  const group = (id: number, name: string, joined: string, left: string | null = null) => ({ id, name, short: null, joined, left });

  it("drifting: a member group absent from its last 3 held meetings; 2 absences are not enough; excused counts as absent", () => {
    const meetings = [meeting(1, "2026-01-10", [1, 2, 3]), meeting(2, "2026-02-10", [1, 3]), meeting(3, "2026-03-10", [1, 3], [2]), meeting(4, "2026-04-10", [1]), meeting(5, "2026-05-10", [1], [3])];
    const rows = attendanceRows(
      [group(1, "A", "2020-01-01"), group(2, "B", "2020-01-01"), group(3, "C", "2020-01-01"), group(4, "D", "2026-03-01"), group(5, "E", "2020-01-01", "2026-04-01"), group(6, "F", "2026-06-01")],
      meetings,
      "2026-06-15",
    );
    expect(rows.map((r) => [r.group, r.present, r.excused, r.held, r.rate, r.drifting, r.lastPresent])).toEqual([
      ["A", 5, 0, 5, 100, false, "2026-05-10"],
      ["B", 1, 1, 5, 20, true, "2026-01-10"],
      ["C", 3, 1, 5, 60, false, "2026-03-10"],
      ["D", 0, 0, 3, 0, true, null], // joined before the last 3 and missed them all
      ["E", 0, 0, 3, 0, false, null], // absent from 3, but no longer a member
      // F joined after the last meeting: not listed
    ]);
  });

  it("the meetings' order does not matter; the last 3 are the latest by date", () => {
    const rows = attendanceRows([group(1, "A", "2020-01-01")], [meeting(3, "2026-03-01", []), meeting(1, "2026-01-01", []), meeting(2, "2026-02-01", []), meeting(4, "2025-12-01", [1])], "2026-06-15");
    expect(rows[0]).toMatchObject({ present: 1, held: 4, rate: 25, drifting: true, lastPresent: "2025-12-01" });
  });
});

describe("the organizing reports' words", () => {
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w[\w-]*)\}/g)].map((m) => m[1]))].sort();

  it("German and English have the same keys and placeholders, none empty", () => {
    // the reports' words now live in src/reports/messages (test/unit/i18n.test.ts checks every area the same way)
    const en: Record<string, string> = reportsEn;
    const de = reportsDe as Record<string, string>; // no plural forms among them
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(placeholders(de[key]!), key).toEqual(placeholders(en[key]!));
      expect(en[key]!.trim(), key).not.toBe("");
      expect(de[key]!.trim(), key).not.toBe("");
    }
  });

  it("rates read as people write them", () => {
    expect(rateText("de", 67)).toBe("67 %");
    expect(rateText("en", 67)).toBe("67%");
    expect(rateText("en", null)).toBe("–");
  });
});
