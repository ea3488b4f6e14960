// `meetings export --format ics`: the file parses again, every event has a UID and its start in Europe/Berlin,
// UIDs are stable across exports and edits, and a cancelled meeting is exported as cancelled.
import Database from "better-sqlite3";
import { onServer, openServerDb } from "../server.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform, run, tempDir } from "../helpers.js";
import { fails, ok, okJson } from "./util.js";

const ENV = { PLATTFORM_TODAY: "2026-11-01" };

// ---- a small iCalendar reader (RFC 5545: unfolding, content lines, nested components)

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  props: Property[];
  children: Component[];
}

function parseIcs(text: string): Component {
  expect(text.endsWith("\r\n"), "the file ends with CRLF").toBe(true);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) {
    expect(line.includes("\n") || line.includes("\r"), `bare line break in ${JSON.stringify(line)}`).toBe(false);
    expect(Buffer.byteLength(line, "utf8"), `line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, "").split("\r\n");
  const root: Component = { name: "", props: [], children: [] };
  const stack: Component[] = [root];
  for (const line of lines) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    expect(m, `not a content line: ${line}`).not.toBeNull();
    const [, name, rawParams, value] = m!;
    const params: Record<string, string> = {};
    for (const p of rawParams!.split(";").slice(1)) {
      const [k, v] = p.split("=");
      params[k!.toUpperCase()] = v!;
    }
    const top = stack[stack.length - 1]!;
    if (name!.toUpperCase() === "BEGIN") {
      const child: Component = { name: value!.toUpperCase(), props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name!.toUpperCase() === "END") {
      expect(top.name, `END:${value} closes ${top.name}`).toBe(value!.toUpperCase());
      stack.pop();
    } else {
      top.props.push({ name: name!.toUpperCase(), params, value: value! });
    }
  }
  expect(stack, "every BEGIN has its END").toHaveLength(1);
  expect(root.children.map((c) => c.name)).toEqual(["VCALENDAR"]);
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const text = (value: string) => value.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1");
const events = (cal: Component) => cal.children.filter((c) => c.name === "VEVENT");
const bySummary = (cal: Component, summary: string) => events(cal).find((e) => text(prop(e, "SUMMARY")!.value) === summary)!;

// ---- Europe/Berlin: the VTIMEZONE's rules against the time zone database that Node's Intl carries

/** The offset ("+0200") that the VTIMEZONE gives to a local date-time YYYYMMDDTHHMMSS. */
function offsetFromVtimezone(vtz: Component, local: string): string {
  const year = Number(local.slice(0, 4));
  const transitions: Array<{ at: string; offset: string }> = [];
  for (const rule of vtz.children) {
    const rrule = Object.fromEntries(prop(rule, "RRULE")!.value.split(";").map((kv) => kv.split("=") as [string, string]));
    expect(rrule).toMatchObject({ FREQ: "YEARLY", BYDAY: "-1SU" });
    const time = prop(rule, "DTSTART")!.value.slice(8);
    for (const y of [year - 1, year]) {
      const month = Number(rrule.BYMONTH);
      const last = new Date(Date.UTC(y, month, 0)); // last day of the month
      last.setUTCDate(last.getUTCDate() - last.getUTCDay()); // back to Sunday
      const at = `${y}${String(month).padStart(2, "0")}${String(last.getUTCDate()).padStart(2, "0")}${time}`;
      transitions.push({ at, offset: prop(rule, "TZOFFSETTO")!.value });
    }
  }
  return transitions.filter((t) => t.at <= local).sort((a, b) => a.at.localeCompare(b.at)).at(-1)!.offset;
}

/** The offset that Intl (ICU's time zone data) gives to the same local date-time in Europe/Berlin. */
function offsetFromIntl(local: string): string {
  const [y, mo, d, h, mi] = [local.slice(0, 4), local.slice(4, 6), local.slice(6, 8), local.slice(9, 11), local.slice(11, 13)].map(Number) as number[];
  const format = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" });
  for (const hours of [1, 2]) {
    const instant = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!) - hours * 3600_000);
    const name = format.formatToParts(instant).find((p) => p.type === "timeZoneName")!.value; // "GMT+02:00"
    if (name === `GMT+0${hours}:00`) return `+0${hours}00`;
  }
  throw new Error(`no Berlin offset for ${local}`);
}

// ---- a platform with meetings of every sort

async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "de"]);
  const o = { db, env: ENV };
  await ok(["meetings", "add", "kernkreis", "--date", "2026-07-02", "--time", "19:00", "--end", "21:00", "--place", "Gemeindesaal St. Josef, Köpenick"], o);
  await ok(["meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--end", "21:30", "--place", "Nachbarschaftshaus", "--template", "standard"], o);
  await ok(["teams", "add", "Wohnen", "--kind", "action"], o); // --team names a team of the teams table
  await ok(["meetings", "add", "team", "--date", "2026-10-25", "--time", "18:00", "--team", "Wohnen"], o); // no end: planned agenda or 2 h
  await ok(["meetings", "add", "assembly", "--date", "2027-03-28", "--time", "15:00", "--end", "18:00", "--title", "Große Versammlung; Zusagen, Mieten"], o);
  await ok(["meetings", "add", "action", "--date", "2026-11-20", "--title", "Aktion vor dem Rathaus"], o); // no time: a whole day
  await ok(["meetings", "add", "training", "--date", "2026-11-14", "--time", "10:00", "--end", "16:00", "--title", "Training Einzelgespräche"], o);
  await ok(["meetings", "cancel", "6"], o);
  return db;
}

async function exportIcs(db: string, extra: string[] = [], env: Record<string, string> = {}): Promise<string> {
  return (await ok(["meetings", "export", "--format", "ics", ...extra], { db, env: { ...ENV, ...env } })).stdout;
}

describe("meetings export --format ics", () => {
  it("writes an iCalendar file that parses again: every VEVENT has a UID, and a timed one its DTSTART in Europe/Berlin", async () => {
    const db = await platform();
    const cal = parseIcs(await exportIcs(db));
    expect(prop(cal, "VERSION")!.value).toBe("2.0");
    expect(prop(cal, "PRODID")).toBeDefined();
    const all = events(cal);
    expect(all).toHaveLength(6);
    const uids = all.map((e) => prop(e, "UID")?.value);
    expect(uids.every((u) => typeof u === "string" && u.length > 0)).toBe(true);
    expect(new Set(uids).size).toBe(6);
    for (const event of all) {
      const start = prop(event, "DTSTART")!;
      expect(start, "DTSTART").toBeDefined();
      expect(prop(event, "DTSTAMP")!.value).toMatch(/^\d{8}T\d{6}Z$/); // DTSTAMP in UTC, as RFC 5545 wants
      if (start.params.VALUE === "DATE") continue;
      expect(start.params.TZID).toBe("Europe/Berlin");
      expect(start.value).toMatch(/^\d{8}T\d{6}$/); // local time, no Z
      expect(prop(event, "DTEND")!.params.TZID).toBe("Europe/Berlin");
    }
    // the meeting without a time is a whole-day event (a DATE takes no TZID)
    const action = bySummary(cal, "Aktion vor dem Rathaus");
    expect(prop(action, "DTSTART")).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20261120" });
    expect(all.filter((e) => prop(e, "DTSTART")!.params.TZID === "Europe/Berlin")).toHaveLength(5);
  });

  it("writes the stored wall-clock times, with a VTIMEZONE whose rules agree with the time zone database", async () => {
    const db = await platform();
    const cal = parseIcs(await exportIcs(db));
    const vtz = cal.children.filter((c) => c.name === "VTIMEZONE");
    expect(vtz).toHaveLength(1);
    expect(prop(vtz[0]!, "TZID")!.value).toBe("Europe/Berlin");

    const summer = bySummary(cal, "Kernkreis");
    expect(prop(summer, "DTSTART")!.value).toBe("20260702T190000");
    expect(prop(summer, "DTEND")!.value).toBe("20260702T210000");
    expect(text(prop(summer, "LOCATION")!.value)).toBe("Gemeindesaal St. Josef, Köpenick");
    expect(prop(bySummary(cal, "Große Versammlung; Zusagen, Mieten"), "DTSTART")!.value).toBe("20270328T150000");
    // no end time: as long as the planned agenda (none here), else two hours
    const team = bySummary(cal, "Teamsitzung Wohnen");
    expect([prop(team, "DTSTART")!.value, prop(team, "DTEND")!.value]).toEqual(["20261025T180000", "20261025T200000"]);

    // summer and winter time, on both sides of the switches (29.3. and 25.10.2026, 28.3.2027)
    const starts = events(cal).map((e) => prop(e, "DTSTART")!).filter((p) => p.params.TZID);
    expect(starts.map((p) => offsetFromVtimezone(vtz[0]!, p.value))).toEqual(starts.map((p) => offsetFromIntl(p.value)));
    expect(new Set(starts.map((p) => offsetFromIntl(p.value)))).toEqual(new Set(["+0100", "+0200"]));
  });

  it("gives the same file whatever time zone the computer is in", async () => {
    const db = await platform();
    await ok(["meetings", "add", "team", "--date", "2026-03-08", "--time", "02:30"], { db, env: ENV }); // a gap in New York
    const utc = await exportIcs(db, [], { TZ: "UTC" });
    expect(await exportIcs(db, [], { TZ: "America/New_York" })).toBe(utc);
    expect(await exportIcs(db, [], { TZ: "Asia/Tokyo" })).toBe(utc);
    expect(utc).toContain("DTSTART;TZID=Europe/Berlin:20260308T023000");
  });

  it("exporting twice gives identical UIDs (and the same file); an edit keeps the UID and raises SEQUENCE", async () => {
    const db = await platform();
    const first = await exportIcs(db);
    expect(await exportIcs(db)).toBe(first);
    const uidsOf = (ics: string) => events(parseIcs(ics)).map((e) => prop(e, "UID")!.value);
    const before = parseIcs(first);
    const kernkreis = events(before).find((e) => prop(e, "DTSTART")!.value === "20261203T190000")!;
    expect(prop(kernkreis, "SEQUENCE")!.value).toBe("0");
    // the audit time of a write is taken when it began, before the meeting's own creation time
    for (const e of events(before)) expect(prop(e, "LAST-MODIFIED")!.value >= prop(e, "CREATED")!.value).toBe(true);

    await ok(["meetings", "edit", "2", "--time", "18:30", "--place", "Rathaus"], { db, env: ENV });
    await ok(["config", "set", "name", "Bürgerplattform Südost"], { db, env: ENV }); // renaming the platform changes no UID
    const after = await exportIcs(db);
    expect(uidsOf(after)).toEqual(uidsOf(first));
    const moved = events(parseIcs(after)).find((e) => prop(e, "UID")!.value === prop(kernkreis, "UID")!.value)!;
    expect(prop(moved, "DTSTART")!.value).toBe("20261203T183000");
    expect(prop(moved, "SEQUENCE")!.value).toBe("1");
  });

  it("exports a cancelled meeting with STATUS:CANCELLED under the same UID, so calendars remove it", async () => {
    const db = await platform();
    const before = parseIcs(await exportIcs(db));
    const team = bySummary(before, "Teamsitzung Wohnen");
    expect(prop(team, "STATUS")!.value).toBe("CONFIRMED");
    expect(prop(bySummary(before, "Training Einzelgespräche"), "STATUS")!.value).toBe("CANCELLED");

    await ok(["meetings", "cancel", "3"], { db, env: ENV });
    const after = bySummary(parseIcs(await exportIcs(db)), "Teamsitzung Wohnen");
    expect(prop(after, "UID")!.value).toBe(prop(team, "UID")!.value);
    expect(prop(after, "STATUS")!.value).toBe("CANCELLED");
    expect(Number(prop(after, "SEQUENCE")!.value)).toBeGreaterThan(Number(prop(team, "SEQUENCE")!.value));
  });

  it("--kind and --upcoming choose the meetings; --out writes the same file, readable by its owner only", async () => {
    const db = await platform();
    const kernkreis = events(parseIcs(await exportIcs(db, ["--kind", "kernkreis"])));
    expect(kernkreis.map((e) => prop(e, "DTSTART")!.value)).toEqual(["20260702T190000", "20261203T190000"]);
    const upcoming = events(parseIcs(await exportIcs(db, ["--upcoming"]))); // today is 2026-11-01
    expect(upcoming.map((e) => prop(e, "DTSTART")!.value)).toEqual(["20261114T100000", "20261120", "20261203T190000", "20270328T150000"]);
    expect(events(parseIcs(await exportIcs(db, ["--kind", "kernkreis", "--upcoming"])))).toHaveLength(1);

    const out = join(tempDir(), "sitzungen.ics");
    const result = await ok(["meetings", "export", "--format", "ics", "--out", out], { db, env: ENV });
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("6");
    expect(readFileSync(out, "utf8")).toBe(await exportIcs(db));
    const summary = await okJson(["meetings", "export", "--out", out], { db, env: ENV });
    expect(summary).toMatchObject({ format: "ics", out, events: 6 });
    expect(summary.uids).toEqual(events(parseIcs(readFileSync(out, "utf8"))).map((e) => prop(e, "UID")!.value));
  });

  it("changes nothing in the data file; refuses other formats (usage, exit 2) and unknown kinds (exit 1)", async () => {
    const db = await platform();
    const before = fileHash(db);
    await exportIcs(db);
    expect(fileHash(db)).toBe(before);
    expect((await run(["meetings", "export", "--format", "csv"], { db })).code).toBe(2);
    await fails(["meetings", "export", "--kind", "party"], { db }, 1);
    await fails(["meetings", "export", "--out", join(tempDir(), "fehlt", "x.ics")], { db }, 1);
  });

  it("an empty platform exports an empty, valid calendar", async () => {
    const db = await newPlatform();
    const cal = parseIcs(await exportIcs(db));
    expect(events(cal)).toEqual([]);
  });
});

describe("a platform name that reaches the calendar", () => {
  it("with CR/LF inserted by SQL, injects nothing: the file parses to exactly the meetings' VEVENTs, the name escaped", async () => {
    const db = await platform();
    const conn = onServer ? openServerDb(db) : new Database(db);
    const evil = "Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nX-A:b; c, d\\e";
    conn.prepare("UPDATE settings SET value = ? WHERE key = 'name'").run(evil);
    conn.close();
    const cal = parseIcs(await exportIcs(db));
    expect(events(cal)).toHaveLength(6);
    expect(events(cal).map((e) => text(prop(e, "SUMMARY")!.value))).not.toContain("Injected");
    for (const name of ["NAME", "X-WR-CALNAME"]) expect(text(prop(cal, name)!.value)).toBe(evil.replace(/\r\n/g, "\n"));
  });

  it("cannot be given a line break, a bidi override or a line separator through config set or init", async () => {
    const db = await platform();
    for (const bad of ["Zwei\nZeilen", "Rechts\u202Enach links", "Absatz\u2029Trenner"]) {
      expect((await fails(["config", "set", "name", bad], { db, env: ENV }, 1)).stderr).toMatch(/^Fehler: name enthält Steuerzeichen/);
      expect((await fails(["groups", "add", bad, "--short", "X"], { db, env: ENV }, 1)).stderr).toMatch(/enthält Steuerzeichen/);
    }
    const fresh = join(tempDir(), "neu.db");
    expect((await run(["init", "--name", "A\u202Eb"], { db: fresh })).code).toBe(1);
  });
});
