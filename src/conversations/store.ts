// The SQL of conversations and topics; nothing else in the program queries these tables.
import type { Db } from "../core/db.js";
import { isServer, jsonIds } from "../core/engine.js";
import { nameKey } from "../core/validate.js";
import type { Conversation, ConversationFact, ConversationKind, KeyPerson, LastConversation, Partner, TopicQuarter, TopicTotals } from "./model.js";

const label = (name: string | null, id: number, forgotten: string) => name ?? `${forgotten} #${id}`;

// ---- topics

export interface Topic {
  id: number;
  name: string;
}

export function findTopic(db: Db, name: string): Topic | undefined {
  const trimmed = name.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  return db.prepare("SELECT id, name FROM topics WHERE name_key = ? OR id = ? ORDER BY name_key = ? DESC, id LIMIT 1").get(nameKey(trimmed), byId, nameKey(trimmed)) as
    | Topic
    | undefined;
}

export function topicByName(db: Db, name: string): Topic | undefined {
  return db.prepare("SELECT id, name FROM topics WHERE name_key = ?").get(nameKey(name)) as Topic | undefined;
}

export function insertTopic(db: Db, name: string): number {
  return Number(db.prepare("INSERT INTO topics (name, name_key, created_at) VALUES (?, ?, ?) RETURNING id").pluck().get(name, nameKey(name), new Date().toISOString()));
}

export interface TopicCount {
  id: number;
  name: string;
  conversations: number;
  /** the most recent conversation that raised it */
  last: string | null;
  campaigns: number;
}

/** Topics by how many conversations raised them, then by name (in the user's alphabet: Ä with A, not after Z). */
export function listTopics(db: Db): TopicCount[] {
  const topics = db
    .prepare(
      `SELECT t.id, t.name,
              (SELECT count(*) FROM conversation_topics ct WHERE ct.topic_id = t.id) AS conversations,
              (SELECT max(c.held_on) FROM conversation_topics ct JOIN conversations c ON c.id = ct.conversation_id WHERE ct.topic_id = t.id) AS last,
              (SELECT count(*) FROM campaigns k WHERE k.topic_id = t.id) AS campaigns
         FROM topics t`,
    )
    .all() as TopicCount[];
  return topics.sort((a, b) => b.conversations - a.conversations || a.name.localeCompare(b.name) || a.id - b.id);
}

// ---- conversations

export interface NewConversation {
  kind: ConversationKind;
  date: string;
  holderId: number;
  partners: Array<{ personId: number; groupId: number | null }>;
  topicIds: number[];
  notes: string | null;
  nextStep: string | null;
  followUp: string | null;
}

export function insertConversation(db: Db, c: NewConversation): number {
  const id = Number(
    db
      .prepare("INSERT INTO conversations (kind, held_on, holder_id, notes, next_step, follow_up_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(c.kind, c.date, c.holderId, c.notes, c.nextStep, c.followUp, new Date().toISOString()),
  );
  const partner = db.prepare("INSERT INTO conversation_people (conversation_id, person_id, group_id) VALUES (?, ?, ?)");
  for (const p of c.partners) partner.run(id, p.personId, p.groupId);
  const topic = db.prepare("INSERT INTO conversation_topics (conversation_id, topic_id) VALUES (?, ?)");
  for (const topicId of c.topicIds) topic.run(id, topicId);
  return id;
}

interface ConversationRow {
  id: number;
  kind: ConversationKind;
  held_on: string;
  holder_id: number;
  holder: string | null;
  notes: string | null;
  next_step: string | null;
  follow_up_on: string | null;
}

const SELECT_CONVERSATION = `
  SELECT c.id, c.kind, c.held_on, c.holder_id, h.name AS holder, c.notes, c.next_step, c.follow_up_on
    FROM conversations c JOIN people h ON h.id = c.holder_id`;

/** Partners and topics for a set of conversations, in two queries rather than two per conversation. */
function complete(db: Db, rows: ConversationRow[], forgotten: string): Conversation[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const partners = db
    .prepare(
      `SELECT cp.conversation_id, cp.person_id, p.name AS person, cp.group_id, g.name AS group_name
         FROM conversation_people cp JOIN people p ON p.id = cp.person_id LEFT JOIN groups g ON g.id = cp.group_id
        WHERE cp.conversation_id IN (${jsonIds(db)})
        ORDER BY p.name COLLATE NOCASE, cp.person_id`,
    )
    .all(ids) as Array<{ conversation_id: number; person_id: number; person: string | null; group_id: number | null; group_name: string | null }>;
  const topics = db
    .prepare(
      `SELECT ct.conversation_id, t.name FROM conversation_topics ct JOIN topics t ON t.id = ct.topic_id
        WHERE ct.conversation_id IN (${jsonIds(db)}) ORDER BY t.name COLLATE NOCASE`,
    )
    .all(ids) as Array<{ conversation_id: number; name: string }>;
  const partnersOf = new Map<number, Partner[]>();
  for (const p of partners) {
    const list = partnersOf.get(p.conversation_id) ?? [];
    list.push({ personId: p.person_id, person: label(p.person, p.person_id, forgotten), groupId: p.group_id, group: p.group_name });
    partnersOf.set(p.conversation_id, list);
  }
  const topicsOf = new Map<number, string[]>();
  for (const t of topics) topicsOf.set(t.conversation_id, [...(topicsOf.get(t.conversation_id) ?? []), t.name]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    date: r.held_on,
    byId: r.holder_id,
    by: label(r.holder, r.holder_id, forgotten),
    with: partnersOf.get(r.id) ?? [],
    topics: topicsOf.get(r.id) ?? [],
    notes: r.notes,
    nextStep: r.next_step,
    followUp: r.follow_up_on,
  }));
}

export function getConversation(db: Db, id: number, forgotten: string): Conversation | undefined {
  const row = db.prepare(`${SELECT_CONVERSATION} WHERE c.id = ?`).get(id) as ConversationRow | undefined;
  return row && complete(db, [row], forgotten)[0];
}

export interface ConversationFilter {
  personId?: number;
  groupId?: number;
  holderId?: number;
  topicId?: number;
  since?: string;
  until?: string;
}

export function listConversations(db: Db, filter: ConversationFilter, forgotten: string): Conversation[] {
  const rows = db
    .prepare(
      `${SELECT_CONVERSATION}
        WHERE (CAST(@since AS TEXT) IS NULL OR c.held_on >= @since) AND (CAST(@until AS TEXT) IS NULL OR c.held_on <= @until)
          AND (CAST(@holder AS BIGINT) IS NULL OR c.holder_id = @holder)
          AND (CAST(@person AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM conversation_people cp WHERE cp.conversation_id = c.id AND cp.person_id = @person))
          AND (CAST(@group AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM conversation_people cp WHERE cp.conversation_id = c.id AND cp.group_id = @group))
          AND (CAST(@topic AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM conversation_topics ct WHERE ct.conversation_id = c.id AND ct.topic_id = @topic))
        ORDER BY c.held_on, c.id`,
    )
    .all({
      since: filter.since ?? null,
      until: filter.until ?? null,
      holder: filter.holderId ?? null,
      person: filter.personId ?? null,
      group: filter.groupId ?? null,
      topic: filter.topicId ?? null,
    }) as ConversationRow[];
  return complete(db, rows, forgotten);
}

/** The notes of conversations a person took part in: erased with the person (people forget). */
export function eraseNotesWith(db: Db, personId: number): number {
  return db
    .prepare(
      `UPDATE conversations SET notes = NULL, next_step = NULL
        WHERE (notes IS NOT NULL OR next_step IS NOT NULL)
          AND id IN (SELECT conversation_id FROM conversation_people WHERE person_id = ?)`,
    )
    .run(personId).changes;
}

// ---- the facts the reports are computed from

export function conversationFacts(db: Db, until: string, forgotten: string): ConversationFact[] {
  const rows = db
    .prepare(
      `SELECT c.id AS "conversationId", c.held_on AS date, c.holder_id AS "holderId", h.name AS holder, cp.person_id AS "personId"
         FROM conversations c JOIN people h ON h.id = c.holder_id JOIN conversation_people cp ON cp.conversation_id = c.id
        WHERE c.held_on <= ?
        ORDER BY c.held_on, c.id`,
    )
    .all(until) as Array<Omit<ConversationFact, "holder"> & { holder: string | null }>;
  return rows.map((r) => ({ ...r, holder: label(r.holder, r.holderId, forgotten) }));
}

/**
 * Per topic, the distinct people, groups and conversations from `since` to `until`. Counted in SQL, so that no
 * row per conversation reaches JavaScript.
 */
export function topicTotals(db: Db, since: string, until: string): TopicTotals[] {
  return db
    .prepare(
      `SELECT t.id AS "topicId", t.name AS topic, count(DISTINCT cp.person_id) AS people, count(DISTINCT cp.group_id) AS groups,
              count(DISTINCT c.id) AS mentions
         FROM conversations c
         JOIN conversation_topics ct ON ct.conversation_id = c.id
         JOIN topics t ON t.id = ct.topic_id
         JOIN conversation_people cp ON cp.conversation_id = c.id
        WHERE c.held_on BETWEEN ? AND ?
        GROUP BY t.id`,
    )
    .all(since, until) as TopicTotals[];
}

/** Per topic and quarter (`2026-Q1`), the conversations from `since` to `until` that raised it. */
export function topicQuarters(db: Db, since: string, until: string): TopicQuarter[] {
  return db
    .prepare(
      `SELECT ct.topic_id AS "topicId",
              substr(c.held_on, 1, 4) || '-Q' || ((CAST(substr(c.held_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
              count(*) AS mentions
         FROM conversations c
         JOIN conversation_topics ct ON ct.conversation_id = c.id
        WHERE c.held_on BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM conversation_people cp WHERE cp.conversation_id = c.id)
        GROUP BY ct.topic_id, quarter`,
    )
    .all(since, until) as TopicQuarter[];
}

/** Key persons of the member groups on `today`: one row per person and group. */
export function keyPersons(db: Db, today: string, forgotten: string): KeyPerson[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id AS "personId", p.name AS person, g.id AS "groupId", g.name AS "group"
         FROM group_roles r JOIN people p ON p.id = r.person_id JOIN groups g ON g.id = r.group_id
        WHERE r.role = 'key-person' AND r.since <= ? AND (r.until IS NULL OR r.until > ?)
          AND g.joined_on <= ? AND (g.left_on IS NULL OR g.left_on > ?)
          AND p.forgotten_at IS NULL`,
    )
    .all(today, today, today, today) as Array<Omit<KeyPerson, "person"> & { person: string | null }>;
  return rows.map((r) => ({ ...r, person: label(r.person, r.personId, forgotten) }));
}

/** For each person spoken with up to `today`: the latest conversation and who held it. */
export function lastConversations(db: Db, today: string, forgotten: string): LastConversation[] {
  const rows = db
    .prepare(
      `SELECT "personId", date, "holderId", holder FROM (
         SELECT cp.person_id AS "personId", c.held_on AS date, c.holder_id AS "holderId", h.name AS holder,
                row_number() OVER (PARTITION BY cp.person_id ORDER BY c.held_on DESC, c.id DESC) AS n
           FROM conversation_people cp JOIN conversations c ON c.id = cp.conversation_id JOIN people h ON h.id = c.holder_id
          WHERE c.held_on <= ?) latest
        WHERE n = 1`,
    )
    .all(today) as Array<{ personId: number; date: string; holderId: number; holder: string | null }>;
  return rows.map((r) => ({ personId: r.personId, date: r.date, by: label(r.holder, r.holderId, forgotten) }));
}

// Read by the annual report and status (through index.ts).
export interface ConversationFigures {
  count: number;
  /** distinct people spoken with */
  people: number;
  /** distinct groups those people were spoken with for */
  groups: number;
  byKind: Array<{ kind: string; count: number }>;
  byHolder: Array<{ holderId: number; holder: string | null; count: number }>;
}

/** Conversations held from `from` to `until` (inclusive). */
export function conversationFigures(db: Db, from: string, until: string): ConversationFigures {
  const totals = db
    .prepare(
      `SELECT (SELECT count(*) FROM conversations WHERE held_on BETWEEN @from AND @until) AS count,
              (SELECT count(DISTINCT p.person_id) FROM conversation_people p JOIN conversations c ON c.id = p.conversation_id
                WHERE c.held_on BETWEEN @from AND @until) AS people,
              (SELECT count(DISTINCT p.group_id) FROM conversation_people p JOIN conversations c ON c.id = p.conversation_id
                WHERE c.held_on BETWEEN @from AND @until AND p.group_id IS NOT NULL) AS "groups"`,
    )
    .get({ from, until }) as { count: number; people: number; groups: number };
  const byKind = db
    .prepare("SELECT kind, count(*) AS count FROM conversations WHERE held_on BETWEEN ? AND ? GROUP BY kind ORDER BY count DESC, kind")
    .all(from, until) as ConversationFigures["byKind"];
  const byHolder = db
    .prepare(
      `SELECT c.holder_id AS "holderId", p.name AS holder, count(*) AS count
         FROM conversations c JOIN people p ON p.id = c.holder_id
        WHERE c.held_on BETWEEN ? AND ? GROUP BY c.holder_id, p.name ORDER BY count DESC, p.name COLLATE NOCASE`,
    )
    .all(from, until) as ConversationFigures["byHolder"];
  return { ...totals, byKind, byHolder };
}

export interface FollowUp {
  conversation: number;
  date: string;
  followUp: string;
  holder: string | null;
  holderId: number;
  /** the people spoken with, by name (null for a forgotten person) */
  with: Array<string | null>;
  nextStep: string | null;
}

/**
 * Conversations whose follow-up date is on or before `until` and that have not been followed up yet: no later
 * conversation with any of the same people exists.
 */
export function followUpsDue(db: Db, until: string): FollowUp[] {
  // The names as a JSON array, in the key's order (SQLite reads conversation_people by its key).
  const names = isServer(db) ? "coalesce(json_agg(p.name ORDER BY cp.person_id)::text, '[]')" : "json_group_array(p.name)";
  const rows = db
    .prepare(
      `SELECT c.id AS conversation, c.held_on AS date, c.follow_up_on AS "followUp", h.name AS holder, c.holder_id AS "holderId",
              c.next_step AS "nextStep",
              (SELECT ${names} FROM conversation_people cp JOIN people p ON p.id = cp.person_id
                WHERE cp.conversation_id = c.id) AS people
         FROM conversations c JOIN people h ON h.id = c.holder_id
        WHERE c.follow_up_on IS NOT NULL AND c.follow_up_on <= ?
          AND NOT EXISTS (
            SELECT 1 FROM conversation_people mine
              JOIN conversation_people theirs ON theirs.person_id = mine.person_id AND theirs.conversation_id <> mine.conversation_id
              JOIN conversations later ON later.id = theirs.conversation_id
             WHERE mine.conversation_id = c.id AND (later.held_on > c.held_on OR (later.held_on = c.held_on AND later.id > c.id)))
        ORDER BY c.follow_up_on, c.id`,
    )
    .all(until) as Array<Omit<FollowUp, "with"> & { people: string }>;
  return rows.map(({ people, ...rest }) => ({ ...rest, with: JSON.parse(people) as Array<string | null> }));
}
