// Conversations, topics and the organizer's reports on them: pure rules and figures, no I/O.
import { shiftDate } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { cleanText, nameKey } from "../core/validate.js";

export const CONVERSATION_KINDS = ["one-to-one", "house-meeting", "research"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** A person spoken with, and the group they belonged to at the time. */
export interface Partner {
  personId: number;
  person: string;
  groupId: number | null;
  group: string | null;
}

export interface Conversation {
  id: number;
  kind: ConversationKind;
  date: string;
  byId: number;
  by: string;
  with: Partner[];
  topics: string[];
  notes: string | null;
  nextStep: string | null;
  followUp: string | null;
}

/**
 * `--topics "Mieten, Schule"`: the names, trimmed, without empty pieces, and each topic once however it is
 * capitalised (the first spelling wins).
 */
export function parseTopics(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const piece of raw.split(/[,;]/)) {
    const name = cleanText(piece, "--topics", { max: 80 });
    if (name === null || seen.has(nameKey(name))) continue;
    seen.add(nameKey(name));
    names.push(name);
  }
  return names;
}

/** The people of `--with`, once each; the holder may not also be among them. */
export function checkParticipants(holderId: number, partnerIds: number[]): number[] {
  const unique = [...new Set(partnerIds)];
  if (unique.includes(holderId)) throw new CliError("error.conversations.holderIsPartner", {}, 1, "error.conversations.holderIsPartner.hint");
  return unique;
}

export type RoleName = "representative" | "key-person" | "member";

/**
 * The group a person speaks for: from the roles they hold, the representative's group before the key person's
 * before a member's, and of equals the one held longest. Null when they hold none.
 */
export function groupOfRoles<T extends { groupId: number; role: RoleName; since: string }>(roles: T[]): T | null {
  const rank = { representative: 0, "key-person": 1, member: 2 } as const;
  const sorted = [...roles].sort((a, b) => rank[a.role] - rank[b.role] || a.since.localeCompare(b.since) || a.groupId - b.groupId);
  return sorted[0] ?? null;
}

/** YYYY-MM of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** 2026-Q1 for any date in January to March 2026. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every quarter from the one of `from` to the one of `to`, both included. */
export function quartersBetween(from: string, to: string): string[] {
  const quarters: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const last = quarterOf(to);
  for (let guard = 0; guard < 400; guard++) {
    const label = `${year}-Q${q}`;
    if (label > last) break;
    quarters.push(label);
    if (++q > 4) {
      q = 1;
      year++;
    }
  }
  return quarters;
}

// ---- report conversations: conversations per holder per month, new people versus repeat

/** One person spoken with in one conversation: the rows the three reports are computed from. */
export interface ConversationFact {
  conversationId: number;
  date: string;
  holderId: number;
  holder: string;
  personId: number;
}

export interface HolderMonth {
  holder: string;
  holderId: number;
  month: string;
  conversations: number;
  /** distinct people spoken with */
  people: number;
  /** of them, people whose first conversation ever was one of these */
  new: number;
  /** of them, people spoken with before */
  repeat: number;
}

/**
 * Conversations per holder per month from `since` on. A person is new in a conversation when they had no
 * conversation before it (by date, then by the order they were recorded), counting the whole history, not only
 * the period shown. A holder-month counts each person once: new if one of its conversations was their first.
 */
export function conversationsByHolderMonth(facts: ConversationFact[], since: string | null): HolderMonth[] {
  const ordered = [...facts].sort((a, b) => a.date.localeCompare(b.date) || a.conversationId - b.conversationId);
  const first = new Map<number, number>(); // person → their first conversation
  for (const f of ordered) if (!first.has(f.personId)) first.set(f.personId, f.conversationId);
  const rows = new Map<string, { row: HolderMonth; conversations: Set<number>; people: Set<number>; fresh: Set<number> }>();
  for (const f of ordered) {
    if (since !== null && f.date < since) continue;
    const month = monthOf(f.date);
    const key = `${month}\u0000${f.holderId}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: { holder: f.holder, holderId: f.holderId, month, conversations: 0, people: 0, new: 0, repeat: 0 },
        conversations: new Set(),
        people: new Set(),
        fresh: new Set(),
      };
      rows.set(key, entry);
    }
    entry.conversations.add(f.conversationId);
    entry.people.add(f.personId);
    if (first.get(f.personId) === f.conversationId) entry.fresh.add(f.personId);
  }
  return [...rows.values()]
    .map(({ row, conversations, people, fresh }) => ({ ...row, conversations: conversations.size, people: people.size, new: fresh.size, repeat: people.size - fresh.size }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.holder.localeCompare(b.holder) || a.holderId - b.holderId);
}

// ---- report coverage: key persons and when someone last spoke with them

export interface KeyPerson {
  personId: number;
  person: string;
  groupId: number;
  group: string;
}

export interface LastConversation {
  personId: number;
  date: string;
  by: string;
}

export interface CoverageRow {
  person: string;
  personId: number;
  group: string;
  lastConversation: string | null;
  /** who held that conversation */
  by: string | null;
  /** no conversation in the last `months` months, or never */
  cold: boolean;
}

/** The first day that still counts as within the last `months` months of `today`. */
export function coverageCutoff(today: string, months: number): string {
  return shiftDate(today, -months, "m");
}

export function coverage(keyPersons: KeyPerson[], last: LastConversation[], today: string, months: number): CoverageRow[] {
  const cutoff = coverageCutoff(today, months);
  const byPerson = new Map(last.map((l) => [l.personId, l]));
  return keyPersons
    .map((k) => {
      const l = byPerson.get(k.personId);
      return { person: k.person, personId: k.personId, group: k.group, lastConversation: l?.date ?? null, by: l?.by ?? null, cold: !l || l.date < cutoff };
    })
    .sort((a, b) => a.group.localeCompare(b.group) || a.person.localeCompare(b.person) || a.personId - b.personId);
}

/** `--months`: a whole number of months, 1 to 120. */
export function parseMonths(raw: string | undefined, fallback = 6): number {
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 120) throw new CliError("error.conversations.invalidMonths", { value: raw });
  return Number(value);
}

// ---- report listening: topics by distinct people and groups

/**
 * One topic's figures over the period, counted in SQL. Everyone in a conversation counts as raising its topics
 * (a house meeting's topics are its participants'); a person who raises a topic twice counts once among the
 * people and twice among the mentions.
 */
export interface TopicTotals {
  topicId: number;
  topic: string;
  /** distinct people who raised it */
  people: number;
  /** distinct groups those people belonged to when they raised it */
  groups: number;
  /** conversations that raised it */
  mentions: number;
}

/** Conversations that raised a topic in one quarter (`2026-Q1`). */
export interface TopicQuarter {
  topicId: number;
  quarter: string;
  mentions: number;
}

export interface ListeningRow {
  topic: string;
  people: number;
  groups: number;
  mentions: number;
  /** conversations that raised it, per quarter of the period */
  trend: Array<{ quarter: string; mentions: number }>;
}

/**
 * Topics ranked by how many distinct people raised them, then distinct groups, then mentions, each with every
 * quarter from the one of `start` to the one of `today`.
 */
export function listening(totals: TopicTotals[], perQuarter: TopicQuarter[], start: string, today: string): ListeningRow[] {
  if (totals.length === 0) return [];
  const quarters = quartersBetween(start, today);
  const counts = new Map(perQuarter.map((q) => [`${q.topicId} ${q.quarter}`, q.mentions]));
  return totals
    .map((t) => ({
      topic: t.topic,
      people: t.people,
      groups: t.groups,
      mentions: t.mentions,
      trend: quarters.map((quarter) => ({ quarter, mentions: counts.get(`${t.topicId} ${quarter}`) ?? 0 })),
    }))
    .sort((a, b) => b.people - a.people || b.groups - a.groups || b.mentions - a.mentions || a.topic.localeCompare(b.topic));
}
