// `report attendance`: each member group's attendance at the Kernkreis meetings held while it was a member, and
// the groups drifting away (absent from their last 3).
import type { Context } from "../core/context.js";
import type { Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { compareIso, formatDate, parseDate, today } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { percent } from "../commitments/index.js";
import { isMemberOn, type Group } from "../groups/index.js";
import { listGroups } from "../groups/index.js";
import { listAttendance, listMeetings } from "../meetings/index.js";
import type { Params } from "../core/errors.js";
import { translate, type Lang, type MessageKey } from "../core/i18n.js";
import { rateText } from "./labels.js";
import { emitReport } from "./output.js";
import type { Block, ReportDocument } from "./render/document.js";
import { compareNames } from "../core/validate.js";


/** How many of its last held Kernkreis meetings a member group must have missed to count as drifting away. */
export const DRIFT_MEETINGS = 3;

/** A held Kernkreis: its date and the groups present (someone attended for them) and excused. */
export interface HeldMeeting {
  id: number;
  date: string;
  present: ReadonlySet<number>;
  excused: ReadonlySet<number>;
}

/** The JSON of CLI.md, `{ group, present, held, rate, drifting }`, and more. */
export interface AttendanceRow {
  group: string;
  groupId: number;
  short: string | null;
  /** held meetings (while a member) at which the group was present */
  present: number;
  /** of the others, those it was excused from */
  excused: number;
  /** held Kernkreis meetings while the group was a member */
  held: number;
  /** present / held as a whole percentage, rounded half up; null when held is 0 */
  rate: number | null;
  /** a member group today that was absent (excused or not) from its last DRIFT_MEETINGS held meetings */
  drifting: boolean;
  lastPresent: string | null;
  /** a member group today */
  member: boolean;
}

/**
 * The attendance of each group at `meetings` (held Kernkreis meetings, any order). Groups that were never a member
 * on the date of one of them are left out.
 */
export function attendanceRows(groups: Array<Pick<Group, "id" | "name" | "short" | "joined" | "left">>, meetings: HeldMeeting[], day: string): AttendanceRow[] {
  const ordered = [...meetings].sort((a, b) => compareIso(a.date, b.date) || a.id - b.id);
  const rows: AttendanceRow[] = [];
  for (const g of groups) {
    const own = ordered.filter((m) => isMemberOn(g, m.date));
    if (own.length === 0) continue;
    const attended = own.filter((m) => m.present.has(g.id));
    const member = isMemberOn(g, day);
    const last = own.slice(-DRIFT_MEETINGS);
    rows.push({
      group: g.name,
      groupId: g.id,
      short: g.short,
      present: attended.length,
      excused: own.filter((m) => !m.present.has(g.id) && m.excused.has(g.id)).length,
      held: own.length,
      rate: percent(attended.length, own.length),
      drifting: member && last.length === DRIFT_MEETINGS && last.every((m) => !m.present.has(g.id)),
      lastPresent: attended.at(-1)?.date ?? null,
      member,
    });
  }
  return rows.sort((a, b) => compareNames(a.group, b.group));
}

/** The held Kernkreis meetings between `since` and `until` (inclusive, either open) with who was there. */
export function heldKernkreis(db: Db, since: string | null, until: string | null): HeldMeeting[] {
  return listMeetings(db, { kind: "kernkreis", from: since ?? undefined, until: until ?? undefined })
    .filter((m) => m.status === "held")
    .map((m) => {
      const rows = listAttendance(db, m.id);
      return {
        id: m.id,
        date: m.date,
        present: new Set(rows.filter((r) => r.status === "present" && r.groupId !== null).map((r) => r.groupId!)),
        excused: new Set(rows.filter((r) => r.status === "excused" && r.groupId !== null && r.personId === null).map((r) => r.groupId!)),
      };
    });
}

export function buildAttendance(db: Db, day: string, since: string | null, until: string | null = null): { meetings: HeldMeeting[]; rows: AttendanceRow[] } {
  const meetings = heldKernkreis(db, since, until);
  return { meetings, rows: attendanceRows(listGroups(db, day, { all: true }), meetings, day) };
}

/** The report as blocks; `level` 1 makes a document of its own, 2 a section of the annual report. */
export function attendanceBlocks(rows: AttendanceRow[], held: number, lang: Lang, since: string | null, level: 1 | 2 = 1): Block[] {
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const blocks: Block[] = [];
  if (level === 1) blocks.push({ type: "title", text: t("attendance.title"), subtitle: "" });
  if (since) blocks.push({ type: "paragraph", text: [t("attendance.since", { date: formatDate(since, lang) })] });
  if (held === 0) {
    blocks.push({ type: "paragraph", text: [t("attendance.none")], role: "muted" });
    return blocks;
  }
  blocks.push({ type: "paragraph", text: [t("attendance.heldLine", { held })] });
  blocks.push({ type: "paragraph", text: [t("attendance.rule")], role: "muted" });
  blocks.push({
    type: "table",
    head: [t("label.group"), t("col.present"), t("col.excused"), t("col.held"), t("col.rate"), t("col.lastPresent"), t("col.drifting")],
    rows: rows.map((r) => [r.group, String(r.present), String(r.excused), String(r.held), rateText(lang, r.rate), formatDate(r.lastPresent, lang), r.drifting ? t("attendance.driftingMark") : ""]),
    numeric: [1, 2, 3, 4],
  });
  const drifting = rows.filter((r) => r.drifting).map((r) => r.group);
  if (drifting.length > 0) blocks.push({ type: "paragraph", text: [{ strong: t("attendance.drifting", { groups: drifting.join(", ") }) }] });
  return blocks;
}

/** `report attendance [--since <d>] [--format md|html] [--out <file>]`. */
export async function reportAttendance(ctx: Context, opts: Opts<typeof def.attendance>): Promise<void> {
  const day = today();
  const since = typeof opts.since === "string" ? parseDate(opts.since, "--since", day) : null;
  const { meetings, rows } = buildAttendance(ctx.db, day, since);
  const { readSettings } = await import("../platform/index.js");
  const platform = readSettings(ctx.db).name;
  const blocks = attendanceBlocks(rows, meetings.length, ctx.lang, since);
  if (blocks[0]?.type === "title") blocks[0].subtitle = platform;
  const doc: ReportDocument = { lang: ctx.lang, title: `${translate(ctx.lang, "attendance.title")} — ${platform}`, blocks };
  const json = rows.map(({ group, present, held, rate, drifting, short, excused, lastPresent, member }) => ({ group, present, held, rate, drifting, short, excused, lastPresent, member }));
  await emitReport(ctx, opts, doc, json, "attendance");
}
