// `report listening` counts in SQL. This checks those counts against a plain recount, in JavaScript, of the raw
// link rows of a random year and a half of conversations: house meetings, people without a group, a person
// raising the same topic again, conversations without partners.
import { describe, expect, it } from "vitest";
import { ensureTopics } from "../../src/conversations/service.js";
import { insertConversation, topicQuarters, topicTotals } from "../../src/conversations/store.js";
import { listening, quarterOf } from "../../src/conversations/model.js";
import { shiftDate } from "../../src/core/dates.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { addPerson, personFields } from "../../src/people/service.js";
import { Random } from "../bench/generate.js";
import { auditLog, freshDb } from "./support.js";

const TODAY = "2026-03-01";

function randomPlatform(seed: number) {
  const db = freshDb();
  const { audit } = auditLog();
  const random = new Random(seed);
  const groups = ["Al-Nur", "St. Josef", "Kosmosviertel", "Schule am Hain"].map((name) => addGroup(db, audit, groupFields({ name, joined: "2020-01-01" }, TODAY)));
  const people = Array.from({ length: 30 }, (_, i) => addPerson(db, audit, personFields({ name: `Person ${i + 1}` })));
  const topics = ensureTopics(db, audit, ["Mieten", "Schule", "Pflege", "Lärm", "Jugend"]).ids;
  for (let i = 0; i < 400; i++) {
    const partners = random.sample(people, random.int(4)); // 0 to 3 people; 0 means no partner rows
    insertConversation(db, {
      kind: partners.length > 1 ? "house-meeting" : "one-to-one",
      date: shiftDate(TODAY, -random.int(540), "d"),
      holderId: people[0]!,
      partners: partners.map((personId) => ({ personId, groupId: random.int(3) === 0 ? null : random.pick(groups) })),
      topicIds: random.sample(topics, 1 + random.int(3)),
      notes: null,
      nextStep: null,
      followUp: null,
    });
  }
  return db;
}

/** The same figures from the raw rows, one by one. */
function recount(db: ReturnType<typeof freshDb>, since: string, until: string) {
  const rows = db
    .prepare(
      `SELECT c.id AS conversation, c.held_on AS date, t.name AS topic, cp.person_id AS person, cp.group_id AS "group"
         FROM conversations c JOIN conversation_topics ct ON ct.conversation_id = c.id JOIN topics t ON t.id = ct.topic_id
         JOIN conversation_people cp ON cp.conversation_id = c.id`,
    )
    .all() as Array<{ conversation: number; date: string; topic: string; person: number; group: number | null }>;
  const byTopic = new Map<string, { people: Set<number>; groups: Set<number>; conversations: Map<number, string> }>();
  for (const r of rows.filter((r) => r.date >= since && r.date <= until)) {
    const t = byTopic.get(r.topic) ?? { people: new Set(), groups: new Set(), conversations: new Map() };
    byTopic.set(r.topic, t);
    t.people.add(r.person);
    if (r.group !== null) t.groups.add(r.group);
    t.conversations.set(r.conversation, quarterOf(r.date));
  }
  return new Map(
    [...byTopic].map(([topic, t]) => {
      const quarters: Record<string, number> = {};
      for (const quarter of t.conversations.values()) quarters[quarter] = (quarters[quarter] ?? 0) + 1;
      return [topic, { people: t.people.size, groups: t.groups.size, mentions: t.conversations.size, quarters }];
    }),
  );
}

describe("report listening: the SQL counts", () => {
  it.each([
    [11, "2024-01-01"], // before the first conversation: all of them
    [12, "2025-07-15"],
    [13, "2026-01-01"],
  ])("agree with a recount of the raw rows (seed %i, since %s)", (seed, since) => {
    const db = randomPlatform(seed);
    const expected = recount(db, since, TODAY);
    const rows = listening(topicTotals(db, since, TODAY), topicQuarters(db, since, TODAY), since, TODAY);
    expect(rows.length).toBe(expected.size);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const want = expected.get(row.topic)!;
      expect([row.topic, row.people, row.groups, row.mentions]).toEqual([row.topic, want.people, want.groups, want.mentions]);
      const nonZero = Object.fromEntries(row.trend.filter((q) => q.mentions > 0).map((q) => [q.quarter, q.mentions]));
      expect(nonZero).toEqual(want.quarters);
      expect(row.trend.reduce((sum, q) => sum + q.mentions, 0)).toBe(row.mentions);
    }
    // Every quarter of the period is listed, from the one of --since to today's.
    const trend = rows[0]!.trend.map((q) => q.quarter);
    expect(trend[0]).toBe(quarterOf(since));
    expect(trend.at(-1)).toBe("2026-Q1");
    db.close();
  });

  it("leaves out conversations after the day and before --since, and topics raised only there", () => {
    const db = randomPlatform(14);
    const totals = topicTotals(db, "2026-02-20", "2026-02-25");
    const expected = recount(db, "2026-02-20", "2026-02-25");
    expect(Object.fromEntries(totals.map((t) => [t.topic, t.mentions]))).toEqual(Object.fromEntries([...expected].map(([topic, e]) => [topic, e.mentions])));
    db.close();
  });
});
