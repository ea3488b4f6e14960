// A calendar date as the platform's language writes it: 03.12.2026 in German, 2026-12-03 in English. Apart from
// dates.ts, so that the messages (core/i18n.ts, loaded by every run) can format a date without date-fns.
import type { Lang } from "./i18n.js";

export function dateText(isoDate: string, lang: Lang): string {
  if (lang !== "de") return isoDate;
  const [y, m, d] = isoDate.split("-");
  return `${d}.${m}.${y}`;
}
