import { CliError } from "../core/errors.js";

export const MEETING_KINDS = ["kernkreis", "team", "assembly", "training", "action"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const ITEM_TYPES = ["report", "discussion", "decision", "election", "info"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface Meeting {
  id: number;
  kind: MeetingKind;
  title: string | null;
  date: string;
  time: string | null;
  end: string | null;
  place: string | null;
  team: string | null;
  /** the team a team meeting belongs to (teams table); null for other meetings and old free-text teams */
  teamId: number | null;
  chair: string | null;
  chairId: number | null;
  secretary: string | null;
  secretaryId: number | null;
  invited: string | null;
  status: "planned" | "held" | "cancelled";
  minutes: "none" | "draft" | "approved";
  approvedBy: number | null;
  approvalNote: string | null;
  /** approved at a meeting that was not quorate, with --without-quorum */
  approvedWithoutQuorum: boolean;
}

export interface AgendaItem {
  id: number;
  position: number;
  title: string;
  type: ItemType;
  presenter: string | null;
  presenterId: number | null;
  duration: number | null;
}

export interface TemplateItem {
  type: ItemType;
  duration: number | null;
  title: string;
}

/** The standard Kernkreis agenda of the issue, kept in the settings as text and editable there. */
export const STANDARD_TEMPLATE: Record<"de" | "en", string> = {
  de: [
    "info 10 Begrüßung und Vorstellungsrunde",
    "decision 5 Genehmigung des Protokolls der letzten Sitzung",
    "report 30 Berichte aus den Kampagnen und Aktionsteams",
    "report 15 Finanzen und Fundraising",
    "decision 20 Beschlüsse",
    "info 10 Termine",
    "discussion 10 Verschiedenes",
  ].join("\n"),
  en: [
    "info 10 Welcome and round of introductions",
    "decision 5 Approval of the previous minutes",
    "report 30 Reports from the campaigns and action teams",
    "report 15 Finance and fundraising",
    "decision 20 Decisions",
    "info 10 Dates",
    "discussion 10 Any other business",
  ].join("\n"),
};

/** A template is one item per line: `<type> [<minutes>] <title>`. Blank lines and # comments are ignored. */
export function parseTemplate(text: string): TemplateItem[] {
  const items: TemplateItem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(\S+)\s+(?:(\d{1,3})\s+)?(.+)$/.exec(line);
    if (!m || !(ITEM_TYPES as readonly string[]).includes(m[1]!))
      throw new CliError("error.templateLine", { line: index + 1, text: line, types: ITEM_TYPES.join(", ") }, 1, "error.templateLine.hint");
    items.push({ type: m[1] as ItemType, duration: m[2] ? Number(m[2]) : null, title: m[3]!.trim() });
  });
  if (items.length === 0) throw new CliError("error.templateEmpty");
  return items;
}

/** Minutes between two HH:MM times on the same day; null when either is missing or the end is not later. */
export function meetingLength(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const length = minutes(end) - minutes(start);
  return length > 0 ? length : null;
}

/** The planned durations add up to more than the meeting's length: the agenda needs a warning. */
export function agendaOverrun(items: Array<Pick<AgendaItem, "duration">>, length: number | null): { planned: number; length: number } | null {
  const planned = items.reduce((sum, item) => sum + (item.duration ?? 0), 0);
  return length !== null && planned > length ? { planned, length } : null;
}

export type QuorumRule = { kind: "none" } | { kind: "half" } | { kind: "count"; groups: number };

export function parseQuorumRule(value: string): QuorumRule {
  if (value === "none") return { kind: "none" };
  if (value === "half") return { kind: "half" };
  return { kind: "count", groups: Number(value) };
}

export interface QuorumResult {
  rule: "none" | "half" | "count";
  required: number;
  present: number;
  entitled: number;
  met: boolean;
}

/**
 * Beschlussfähigkeit, in integers: "half" means more than half of the member groups (2·present > entitled);
 * a number means at least that many groups present.
 */
export function evaluateQuorum(rule: QuorumRule, entitled: number, present: number): QuorumResult {
  switch (rule.kind) {
    case "none":
      return { rule: "none", required: 0, present, entitled, met: true };
    case "half":
      return { rule: "half", required: Math.floor(entitled / 2) + 1, present, entitled, met: 2 * present > entitled };
    case "count":
      return { rule: "count", required: rule.groups, present, entitled, met: present >= rule.groups };
  }
}
