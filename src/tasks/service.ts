import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { cleanText } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { findGroups } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { currentMeeting, ensureEditable, itemAt } from "../meetings/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import { findPeople } from "../people/index.js";
import { getTask, insertTask, markDone, type Task } from "./store.js";

type Audit = (entry: AuditEntry) => void;

export type Owner = { kind: "person"; person: Person } | { kind: "group"; group: Group };

/**
 * A task belongs to a person or to a group; a name that could be either is an error listing both. Ids are
 * numbered per area (person 1 and group 1 both exist on most platforms), so `person:<ref>` and `group:<ref>`
 * say which is meant.
 */
export function resolveOwner(db: Db, ref: string, today: string): Owner {
  const prefixed = /^(person|group|gruppe):\s*(.+)$/i.exec(ref.trim());
  if (prefixed) {
    const inner = prefixed[2]!;
    if (prefixed[1]!.toLowerCase() === "person") {
      const person = resolvePerson(db, inner, today);
      if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
      return { kind: "person", person };
    }
    return { kind: "group", group: resolveGroup(db, inner, today) };
  }
  const people = findPeople(db, ref, today).filter((p) => !p.forgotten);
  const groups = findGroups(db, ref, today);
  if (people.length + groups.length === 1) return people[0] ? { kind: "person", person: people[0] } : { kind: "group", group: groups[0]! };
  if (people.length + groups.length === 0) throw new CliError("error.unknownOwner", { ref }, 1, "error.unknownOwner.hint");
  const candidates = [...people.map((p) => `person:${p.id} ${p.name}`), ...groups.map((g) => `group:${g.id} ${g.name}`)].join(", ");
  throw new CliError("error.ambiguousOwner", { ref, candidates }, 1, "error.ambiguousOwner.hint");
}

export interface TaskInput {
  title: string;
  owner: Owner;
  due: string | null;
  meeting?: Meeting;
  item?: string;
}

export function addTask(db: Db, audit: Audit, input: TaskInput): number {
  const title = cleanText(input.title, "title", { required: true, max: 500 })!;
  if (input.item !== undefined && !input.meeting) throw new CliError("error.itemWithoutMeeting", {}, 1, "error.itemWithoutMeeting.hint");
  // the meeting as it is now, inside the transaction: its minutes may have been approved meanwhile
  const meeting = input.meeting ? currentMeeting(db, input.meeting) : undefined;
  if (meeting) ensureEditable(meeting);
  const item = meeting && input.item !== undefined ? itemAt(db, meeting, input.item) : undefined;
  const id = insertTask(db, {
    title,
    ownerPersonId: input.owner.kind === "person" ? input.owner.person.id : null,
    ownerGroupId: input.owner.kind === "group" ? input.owner.group.id : null,
    due: input.due,
    meetingId: input.meeting?.id ?? null,
    itemId: item?.id ?? null,
  });
  audit({
    entity: "task",
    id,
    action: "add",
    changes: { title, owner: input.owner.kind === "person" ? { person: input.owner.person.id } : { group: input.owner.group.id }, due: input.due, meeting: input.meeting?.id ?? null, item: item?.position ?? null },
  });
  return id;
}

export function resolveTask(db: Db, ref: string, forgottenLabel: string): Task {
  const id = /^#?\d+$/.test(ref.trim()) ? Number(ref.trim().replace("#", "")) : NaN;
  const task = Number.isNaN(id) ? undefined : getTask(db, id, forgottenLabel);
  if (!task) throw new CliError("error.unknownTask", { ref }, 1, "error.unknownTask.hint");
  return task;
}

export function completeTask(db: Db, audit: Audit, task: Task, date: string): void {
  if (task.status === "done") throw new CliError("error.taskDone", { id: task.id, date: task.done ? dateParam(task.done) : "" });
  markDone(db, task.id, date);
  audit({ entity: "task", id: task.id, action: "done", changes: { date } });
}
