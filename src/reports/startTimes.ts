// When each agenda item begins: plain arithmetic on "HH:MM", for the agenda model and its renderers.
import type { ReportItem } from "./model.js";

/**
 * "HH:MM" of each item's start: the first at `start`, each next one after the durations before it. An item
 * without a duration leaves the start of every later item unknown (null); no start time, no start times. Past
 * midnight the clock wraps (an evening meeting that overruns is still read as a time of day).
 */
export function startTimes(start: string | null, items: ReadonlyArray<Pick<ReportItem, "duration">>): Array<string | null> {
  const match = start === null ? null : /^(\d{1,2}):(\d{2})$/.exec(start);
  let minutes: number | null = match ? Number(match[1]) * 60 + Number(match[2]) : null;
  return items.map((item) => {
    const at = minutes === null ? null : `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    minutes = minutes === null || item.duration === null ? null : minutes + item.duration;
    return at;
  });
}
