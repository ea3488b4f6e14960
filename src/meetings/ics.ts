// `meetings export --format ics`: the meetings as an iCalendar file, in the platform's time zone.
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { TIME_ZONE, today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { note, printJson, writeOut } from "../core/output.js";
import { readSettings } from "../platform/index.js";
import { MEETING_KINDS, type Meeting } from "./model.js";
import { calendarStamps, listItems, listMeetings, type CalendarStamp } from "./store.js";

/**
 * Europe/Berlin as a VTIMEZONE: the EU rule in force since 1996 (summer time from the last Sunday of March,
 * 02:00, to the last Sunday of October, 03:00). Written out here rather than taken from a package, because it
 * is the only zone the platform uses.
 */
export const VTIMEZONE_BERLIN = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** How long an event lasts when the meeting has no end time: its planned agenda, else two hours. */
export const DEFAULT_MINUTES = 120;

/**
 * The UID of a meeting's calendar event: its id and the instant it was created. Both are fixed for the life of
 * the meeting (a rename of the platform, an edit of the meeting or a moved data file change neither), so a
 * re-import updates the event; two platforms never share one, because no two meetings are created in the
 * same millisecond with the same id.
 */
export function meetingUid(id: number, created: string): string {
  return `meeting-${id}-${created.replace(/[-:.]/g, "")}@plattform`;
}

/**
 * A wall-clock time on a calendar date. When an event has a time zone, ical-generator writes a Date's
 * *local* fields after TZID=Europe/Berlin; the Date is built from UTC fields and rendered while the process's
 * zone is UTC (inUtc), so the time written is the one stored whatever zone the computer is in,
 * and no local summer-time switch can shift it. Minutes past midnight roll over into the next day.
 */
function wallClock(date: string, time: string, addMinutes = 0): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm + addMinutes, 0, 0));
}

/** Runs `work` with the process's time zone set to UTC (Node applies a change of TZ at once). */
function inUtc<T>(work: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = "UTC";
  try {
    return work();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

function minutesBetween(start: string, end: string): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return minutes(end) - minutes(start);
}

export interface CalendarEntry {
  meeting: Meeting;
  stamp: CalendarStamp;
  /** planned minutes of the agenda (0 without durations) */
  planned: number;
  summary: string;
  kindLabel: string;
}

/**
 * A TEXT value by RFC 5545 (3.3.11): backslash, semicolon and comma escaped, a line break as \n; other control
 * characters, which no name needs, become spaces. A name with a line break can then inject nothing.
 */
export function icsText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, " ")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** Builds the iCalendar text. ical-generator is loaded here, so that no other command pays for it. */
export async function buildCalendar(name: string, lang: "de" | "en", entries: CalendarEntry[]): Promise<string> {
  const { ICalCalendar, ICalEventStatus } = await import("ical-generator");
  const calendar = new ICalCalendar({
    // ical-generator escapes the events' TEXT values but writes the calendar's NAME and X-WR-CALNAME as given.
    name: icsText(name),
    prodId: { company: "plattform", product: "plattform", language: lang.toUpperCase() },
  });
  // No calendar-wide zone (DTSTAMP and LAST-MODIFIED stay in UTC, as RFC 5545 wants); each event carries
  // TZID=Europe/Berlin, and the generator adds the VTIMEZONE that TZID refers to.
  calendar.timezone({ name: null, generator: (zone) => (zone === TIME_ZONE ? VTIMEZONE_BERLIN : null) });
  for (const { meeting, stamp, planned, summary, kindLabel } of entries) {
    const timed = meeting.time !== null;
    const length = timed ? (meeting.end ? minutesBetween(meeting.time!, meeting.end) : planned > 0 ? planned : DEFAULT_MINUTES) : 0;
    calendar.createEvent({
      id: meetingUid(meeting.id, stamp.created),
      sequence: stamp.revisions,
      stamp: new Date(stamp.modified),
      created: new Date(stamp.created),
      lastModified: new Date(stamp.modified),
      // A meeting without a time is a whole-day event (DTSTART;VALUE=DATE, which takes no TZID).
      allDay: !timed,
      start: timed ? wallClock(meeting.date, meeting.time!) : wallClock(meeting.date, "00:00"),
      end: timed ? wallClock(meeting.date, meeting.time!, length) : null,
      timezone: TIME_ZONE,
      summary,
      location: meeting.place,
      categories: [{ name: kindLabel }],
      status: meeting.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return `${inUtc(() => calendar.toString())}\r\n`;
}

function calendarEntries(ctx: Context, meetings: Meeting[]): CalendarEntry[] {
  const stamps = calendarStamps(ctx.db, meetings.map((m) => m.id));
  return meetings.map((meeting) => {
    const kindLabel = ctx.t(`meetingKind.${meeting.kind}`);
    return {
      meeting,
      stamp: stamps.get(meeting.id)!,
      planned: listItems(ctx.db, meeting.id).reduce((sum, item) => sum + (item.duration ?? 0), 0),
      kindLabel,
      summary: meeting.title ?? (meeting.team ? `${kindLabel} ${meeting.team}` : kindLabel),
    };
  });
}

/** One meeting's calendar file (the invitation's attachment): the same event, with the same UID, as the export. */
export async function meetingIcs(ctx: Context, meeting: Meeting): Promise<string> {
  return buildCalendar(readSettings(ctx.db).name, ctx.lang, calendarEntries(ctx, [meeting]));
}

export async function exportCalendar(ctx: Context, _args: Args<typeof def.exportCalendar>, opts: Opts<typeof def.exportCalendar>): Promise<void> {
  const format = typeof opts.format === "string" ? opts.format : "ics";
  if (format !== "ics") throw new CliError("error.notOneOf", { field: "--format", value: format, allowed: "ics" });
  const kind = opts.kind;
  if (kind !== undefined && !(MEETING_KINDS as readonly string[]).includes(kind))
    throw new CliError("error.notOneOf", { field: "--kind", value: kind, allowed: MEETING_KINDS.join(", ") });
  const meetings = listMeetings(ctx.db, { kind: kind as Meeting["kind"] | undefined, from: opts.upcoming === true ? today() : undefined });
  const entries = calendarEntries(ctx, meetings);
  const ics = await buildCalendar(readSettings(ctx.db).name, ctx.lang, entries);
  const out = opts.out;
  await writeOut(out, ics);
  if (out === undefined) return;
  if (ctx.json) return printJson({ format, out, events: entries.length, uids: entries.map((e) => meetingUid(e.meeting.id, e.stamp.created)) });
  note(ctx.t("meetings.exported", { count: entries.length, path: out }));
}
