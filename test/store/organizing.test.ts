// Conversations and campaigns against a real data file: schema version 5, the group a person speaks for,
// what the audit log keeps, and what `people forget` erases.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addCampaign, addUpdate, resolveCampaign } from "../../src/campaigns/service.js";
import { updatesOf } from "../../src/campaigns/store.js";
import { createDataFile, migrate, openDataFile, type Db } from "../../src/core/db.js";
import { addConversation, ensureTopics } from "../../src/conversations/service.js";
import { getConversation, listTopics } from "../../src/conversations/store.js";
import { addGroup, groupFields } from "../../src/groups/service.js";
import { getGroup } from "../../src/groups/store.js";
import { forget } from "../../src/app/forget.js";
import { addPerson, linkPerson, personFields, unlinkPerson } from "../../src/people/service.js";
import { getPerson } from "../../src/people/store.js";
import { MIGRATIONS } from "../../src/migrations/index.js";
import { addTeam, resolveTeam } from "../../src/teams/service.js";
import { tempDir } from "../helpers.js";
import { auditLog, auditRows, cliError, contextFor, count, freshDb, track } from "./support.js";

const TODAY = "2026-03-01";

function setup() {
  const db = freshDb();
  const { audit } = auditLog();
  const group = (name: string) => getGroup(db, addGroup(db, audit, groupFields({ name, joined: "2020-01-01" }, TODAY)), TODAY)!;
  const person = (name: string) => getPerson(db, addPerson(db, audit, personFields({ name })), TODAY)!;
  const nur = group("Moscheeverein Al-Nur");
  const kosmos = group("Mieterinitiative Kosmosviertel");
  const hatice = person("Hatice Kaya");
  const samira = person("Samira Bouzid");
  const jan = person("Jan Kowalski");
  linkPerson(db, audit, samira, nur, "member", "2020-01-01");
  linkPerson(db, audit, samira, kosmos, "key-person", "2022-01-01");
  linkPerson(db, audit, jan, nur, "member", "2026-02-15"); // entered after the first conversation with him
  const fresh = (p: { id: number }) => getPerson(db, p.id, TODAY)!;
  return { db, audit, nur, kosmos, hatice: fresh(hatice), samira: fresh(samira), jan: fresh(jan) };
}

describe("schema version 5", () => {
  it("migrates a version 4 file: rows kept, the new tables strict and checked", () => {
    const path = join(tempDir(), "v4.db");
    createDataFile(path);
    const db = track(openDataFile(path));
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO people (name, name_key, created_at) VALUES ('Anna Berg', 'anna berg', '2025-01-01T00:00:00Z')").run();
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(db.pragma("user_version", { simple: true })).toBe(5);
    expect(db.prepare("SELECT name FROM people").pluck().all()).toEqual(["Anna Berg"]);
    const strict = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%' AND name IN ('topics', 'conversations', 'conversation_people', 'conversation_topics', 'campaigns', 'campaign_updates') ORDER BY name")
      .pluck()
      .all();
    expect(strict).toEqual(["campaign_updates", "campaigns", "conversation_people", "conversation_topics", "conversations", "topics"]);
    const insert = db.prepare("INSERT INTO conversations (kind, held_on, holder_id, follow_up_on, created_at) VALUES (?, ?, 1, ?, '2026-01-01T00:00:00Z')");
    expect(() => insert.run("phone-call", "2026-01-01", null)).toThrow(/CHECK/);
    expect(() => insert.run("one-to-one", "2026-01-10", "2026-01-09")).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO conversation_people (conversation_id, person_id) VALUES (99, 1)").run()).toThrow(/FOREIGN KEY/);
  });
});

describe("addConversation", () => {
  it("records the group each person spoke for: the role held that day, the key person's before the member's, else today's role", () => {
    const { db, audit, hatice, samira, jan } = setup();
    const { id } = addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [samira, jan], topics: [], followUp: null }, TODAY);
    expect(getConversation(db, id, "?")!.with.map((p) => [p.person, p.group])).toEqual([
      ["Jan Kowalski", "Moscheeverein Al-Nur"],
      ["Samira Bouzid", "Mieterinitiative Kosmosviertel"],
    ]);
  });

  it("a role that ended before the conversation does not count; --group overrides for everyone", () => {
    const { db, audit, hatice, samira, jan, nur, kosmos } = setup();
    unlinkPerson(db, audit, samira, kosmos, "key-person", "2026-01-01");
    const before = addConversation(db, audit, { date: "2025-12-01", holder: hatice, partners: [samira], topics: [], followUp: null }, TODAY);
    const after = addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [samira], topics: [], followUp: null }, TODAY);
    const forced = addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [samira, jan], group: nur, topics: [], followUp: null }, TODAY);
    expect(getConversation(db, before.id, "?")!.with[0]!.group).toBe("Mieterinitiative Kosmosviertel");
    expect(getConversation(db, after.id, "?")!.with[0]!.group).toBe("Moscheeverein Al-Nur");
    expect(getConversation(db, forced.id, "?")!.with.map((p) => p.group)).toEqual(["Moscheeverein Al-Nur", "Moscheeverein Al-Nur"]);
  });

  it("topics are made once, whatever the letter case (also beyond ASCII)", () => {
    const { db, audit } = setup();
    expect(ensureTopics(db, audit, ["Ärztemangel", "Mieten"]).created).toEqual(["Ärztemangel", "Mieten"]);
    expect(ensureTopics(db, audit, ["ÄRZTEMANGEL", "mieten", "Schule"])).toEqual({ ids: [1, 2, 3], created: ["Schule"] });
    expect(listTopics(db).map((t) => t.name)).toEqual(["Ärztemangel", "Mieten", "Schule"]);
  });

  it("the audit log names the people and topics by id, never the notes", () => {
    const { db, hatice, samira } = setup();
    const ctx = contextFor(db, ["conversations", "add", "--notes", "…"]);
    ctx.write((audit) =>
      addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [samira], topics: ["Pflege"], notes: "Pflegt ihre Mutter", nextStep: "Training", followUp: "2026-02-15" }, TODAY),
    );
    const rows = auditRows(db).filter((r) => r.entity === "conversation");
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.changes!)).toEqual({
      kind: "one-to-one",
      date: "2026-02-01",
      holder: hatice.id,
      with: [{ personId: samira.id, groupId: 2 }],
      topics: [1],
      followUp: "2026-02-15",
    });
    expect(JSON.stringify(auditRows(db))).not.toContain("Mutter");
  });

  it("refuses forgotten people and a conversation with nobody; nothing is written", () => {
    const { db, audit, hatice, samira } = setup();
    forget(db, audit, samira, "(forgotten)");
    const gone = getPerson(db, samira.id, TODAY)!;
    expect(cliError(() => addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [gone], topics: ["Neu"], followUp: null }, TODAY)).key).toBe(
      "error.personForgotten",
    );
    expect(cliError(() => addConversation(db, audit, { date: "2026-02-01", holder: hatice, partners: [], topics: [], followUp: null }, TODAY)).key).toBe(
      "error.conversations.noPartner",
    );
    expect(count(db, "conversations")).toBe(0);
    expect(count(db, "topics")).toBe(0);
  });
});

describe("people forget", () => {
  it("erases the notes and next steps of the conversations the person took part in, and only those", () => {
    const { db, audit, hatice, samira, jan } = setup();
    const input = (partners: typeof samira[]) => ({ date: "2026-02-01", holder: hatice, partners, topics: [], notes: "Geschichte", nextStep: "Schritt", followUp: null });
    const withSamira = addConversation(db, audit, input([samira]), TODAY).id;
    const houseMeeting = addConversation(db, audit, input([samira, jan]), TODAY).id;
    const withJan = addConversation(db, audit, input([jan]), TODAY).id;
    forget(db, audit, samira, "(forgotten)");
    const notes = (id: number) => {
      const c = getConversation(db, id, "(forgotten)")!;
      return [c.notes, c.nextStep];
    };
    expect(notes(withSamira)).toEqual([null, null]);
    expect(notes(houseMeeting)).toEqual([null, null]);
    expect(notes(withJan)).toEqual(["Geschichte", "Schritt"]);
    // The conversation itself stays, with the person anonymised.
    expect(getConversation(db, withSamira, "(forgotten)")!.with[0]!.person).toBe(`(forgotten) #${samira.id}`);
  });
});

describe("campaign updates", () => {
  function campaign(db: Db) {
    const { audit } = auditLog();
    addTeam(db, audit, { name: "Aktionsteam Wohnen", short: "wohnen", kind: "action" });
    addCampaign(db, audit, { name: "Heizkosten", topic: "Mieten", team: resolveTeam(db, "wohnen"), date: "2026-01-01" }, TODAY);
    return audit;
  }

  it("records the status change on the update, and the campaign takes the status of its latest update by date", () => {
    const db = freshDb();
    const audit = campaign(db);
    addUpdate(db, audit, resolveCampaign(db, "Heizkosten"), { text: "Aktion", date: "2026-02-01", status: "action" }, TODAY);
    addUpdate(db, audit, resolveCampaign(db, "Heizkosten"), { text: "Noch Recherche", date: "2026-01-15" }, TODAY);
    addUpdate(db, audit, resolveCampaign(db, "Heizkosten"), { text: "Verhandlung", date: "2026-01-20", status: "negotiation" }, TODAY);
    expect(updatesOf(db, 1).map((u) => [u.date, u.previousStatus, u.status])).toEqual([
      ["2026-01-15", null, "research"],
      ["2026-01-20", "research", "negotiation"],
      ["2026-02-01", "research", "action"],
    ]);
    expect(resolveCampaign(db, "heizkosten").status).toBe("action");
    // Giving the status it already has is no change.
    addUpdate(db, audit, resolveCampaign(db, "Heizkosten"), { text: "Weiter", date: "2026-02-02", status: "action" }, TODAY);
    expect(updatesOf(db, 1).at(-1)).toMatchObject({ status: "action", previousStatus: null });
  });
});
