// Two small formatters of the documents' words; the words themselves are in reports/messages (and the owning
// areas' catalogues), looked up with translate().
import { translate, type Lang } from "../core/i18n.js";
import type { MeetingKind } from "../meetings/index.js";

/** A kind of meeting as a document names it: "Kernkreis", "Team meeting". */
export function kindLabel(lang: Lang, kind: string): string {
  const text = translate(lang, `meetingKind.${kind as MeetingKind}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rate for people: "67 %" (de) or "67%" (en); "–" when there is none. */
export function rateText(lang: Lang, rate: number | null): string {
  if (rate === null) return "–";
  return lang === "de" ? `${rate} %` : `${rate}%`;
}
