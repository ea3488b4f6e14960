// The rules of conversations and topics: who took part, which group they spoke for, topics made on first use.
import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { cleanNotes, cleanText, oneOf } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { roleHeldOn, type Person } from "../people/index.js";
import { rolesOfPerson } from "../people/index.js";
import { checkParticipants, CONVERSATION_KINDS, groupOfRoles, type ConversationKind } from "./model.js";
import { findTopic, insertConversation, insertTopic, topicByName, type Topic } from "./store.js";

type Audit = (entry: AuditEntry) => void;

/** The topic a user means by `ref` (its name in any case, or its id). */
export function resolveTopic(db: Db, ref: string): Topic {
  const topic = findTopic(db, ref);
  if (!topic) throw new CliError("error.conversations.unknownTopic", { ref }, 1, "error.conversations.unknownTopic.hint");
  return topic;
}

/** The topics of these names, made where they do not exist yet (matched regardless of case). */
export function ensureTopics(db: Db, audit: Audit, names: string[]): { ids: number[]; created: string[] } {
  const ids: number[] = [];
  const created: string[] = [];
  for (const raw of names) {
    const name = cleanText(raw, "topic", { required: true, max: 80 })!;
    const existing = topicByName(db, name);
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const id = insertTopic(db, name);
    audit({ entity: "topic", id, action: "add", changes: { name } });
    ids.push(id);
    created.push(name);
  }
  return { ids, created };
}

export function addTopic(db: Db, audit: Audit, name: string): number {
  const clean = cleanText(name, "name", { required: true, max: 80 })!;
  const existing = topicByName(db, clean);
  if (existing) throw new CliError("error.conversations.topicExists", { name: existing.name });
  const id = insertTopic(db, clean);
  audit({ entity: "topic", id, action: "add", changes: { name: clean } });
  return id;
}

/**
 * The group a person spoke for in a conversation on `date`: the role they held that day, or failing that the
 * one they hold today (people are often entered after the first conversation with them).
 */
export function groupOfPerson(db: Db, person: Person, date: string, today: string): number | null {
  const roles = rolesOfPerson(db, person.id);
  const on = (day: string) => groupOfRoles(roles.filter((r) => roleHeldOn(r, day)));
  return (on(date) ?? on(today))?.groupId ?? null;
}

export interface ConversationInput {
  kind?: string;
  date: string;
  holder: Person;
  partners: Person[];
  /** --group: the group all partners spoke for, instead of their own */
  group?: Group;
  topics: string[];
  notes?: string;
  nextStep?: string;
  followUp: string | null;
}

export function addConversation(db: Db, audit: Audit, input: ConversationInput, today: string): { id: number; createdTopics: string[] } {
  const kind: ConversationKind = input.kind !== undefined ? oneOf(input.kind, CONVERSATION_KINDS, "--kind") : "one-to-one";
  if (input.date > today) throw new CliError("error.conversations.future", { date: dateParam(input.date) }, 1, "error.conversations.future.hint");
  if (input.followUp !== null && input.followUp < input.date)
    throw new CliError("error.conversations.followUpBefore", { followUp: dateParam(input.followUp), date: dateParam(input.date) });
  if (input.partners.length === 0) throw new CliError("error.conversations.noPartner", {}, 1, "error.conversations.noPartner.hint");
  for (const person of [input.holder, ...input.partners]) if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  const partnerIds = checkParticipants(
    input.holder.id,
    input.partners.map((p) => p.id),
  );
  const people = partnerIds.map((id) => input.partners.find((p) => p.id === id)!);
  const notes = input.notes !== undefined ? cleanNotes(input.notes, "--notes") : null;
  const nextStep = input.nextStep !== undefined ? cleanText(input.nextStep, "--next-step", { max: 500 }) : null;
  const topics = ensureTopics(db, audit, input.topics);
  const partners = people.map((p) => ({ personId: p.id, groupId: input.group ? input.group.id : groupOfPerson(db, p, input.date, today) }));
  const id = insertConversation(db, {
    kind,
    date: input.date,
    holderId: input.holder.id,
    partners,
    topicIds: topics.ids,
    notes,
    nextStep,
    followUp: input.followUp,
  });
  // The audit log gets ids, not the notes: what was said in confidence stays in one place, which forget clears.
  audit({
    entity: "conversation",
    id,
    action: "add",
    changes: { kind, date: input.date, holder: input.holder.id, with: partners, topics: topics.ids, followUp: input.followUp },
  });
  return { id, createdTopics: topics.created };
}
