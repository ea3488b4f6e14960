import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { addYears } from "date-fns/addYears";
import { dateText } from "./dateText.js";
import { CliError } from "./errors.js";
import type { Lang } from "./i18n.js";
import { io } from "./io.js";

export const TIME_ZONE = "Europe/Berlin";

/** Today's date in the platform's time zone, as YYYY-MM-DD. PLATTFORM_TODAY pins it for tests and demos. */
export function today(now: Date = new Date()): string {
  const { today: given, env } = io();
  if (given) return given;
  const pinned = env.PLATTFORM_TODAY;
  if (pinned && isIsoDate(pinned)) return pinned;
  return berlinTime(now).slice(0, 10);
}

/**
 * Berlin's local date and time as "YYYY-MM-DDTHH:MM", computed without Intl: Node 20 spends 20–30 ms starting
 * ICU at the first Intl call, on every command. Berlin keeps CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October (EU directive 2000/84/EC, in force since 1996).
 */
export function berlinTime(now: Date = new Date()): string {
  const year = now.getUTCFullYear();
  const summer = now.getTime() >= lastSundayAt1Utc(year, 3) && now.getTime() < lastSundayAt1Utc(year, 10);
  return new Date(now.getTime() + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 16);
}

/** 01:00 UTC on the last Sunday of a month (1–12), in milliseconds. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Orders ISO dates (and times): their characters sort as the calendar does, without locale rules (ICU). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// date-fns calculates in local time, so calendar dates travel as local midnight and come back by local fields.
function toLocalDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

function fromLocalDate(date: Date): string {
  return iso(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

const RELATIVE_WORDS: Record<string, number> = {
  today: 0, heute: 0,
  tomorrow: 1, morgen: 1,
  yesterday: -1, gestern: -1,
};

/**
 * Parses the date forms CLI.md allows: 2026-12-03, 3.12.2026, today/tomorrow/yesterday (and the German words),
 * and offsets from today such as +10d, +2w, -1m, +1y. Returns YYYY-MM-DD or throws a CliError naming the field.
 */
export function parseDate(input: string, field = "date", base: string = today()): string {
  const value = input.trim().toLowerCase();
  if (Object.hasOwn(RELATIVE_WORDS, value)) return shiftDate(base, RELATIVE_WORDS[value]!, "d");
  const rel = /^([+-])(\d{1,4})([dwmy])$/.exec(value);
  if (rel) {
    const amount = Number(rel[2]) * (rel[1] === "-" ? -1 : 1);
    const shifted = shiftDate(base, amount, rel[3] as "d" | "w" | "m" | "y");
    if (isIsoDate(shifted)) return shifted;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m && isRealDate(Number(m[3]), Number(m[2]), Number(m[1]))) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  throw new CliError("error.invalidDate", { field, value: input }, 1, "error.invalidDate.hint");
}

export function shiftDate(isoDate: string, amount: number, unit: "d" | "w" | "m" | "y"): string {
  const date = toLocalDate(isoDate);
  const shifted =
    unit === "d" ? addDays(date, amount) : unit === "w" ? addWeeks(date, amount) : unit === "m" ? addMonths(date, amount) : addYears(date, amount);
  return fromLocalDate(shifted);
}

/** Parses HH:MM (also 19 or 19.30) into HH:MM. */
export function parseTime(input: string, field = "time"): string {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(input.trim());
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2] ?? "0");
    if (h <= 23 && min <= 59) return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  }
  throw new CliError("error.invalidTime", { field, value: input }, 1, "error.invalidTime.hint");
}

/** de: 03.12.2026, en: 2026-12-03 (ISO reads unambiguously for English speakers everywhere). */
export function formatDate(isoDate: string | null | undefined, lang: Lang): string {
  if (!isoDate) return "";
  return dateText(isoDate, lang);
}
