import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { cleanText } from "../core/validate.js";
import type { Group } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { findGroups } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import { currentMeeting, ensureEditable, getMeeting, itemAt } from "../meetings/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import { findPeople } from "../people/index.js";
import { deleteTask, getTask, insertTask, markDone, markOpen, updateTask, type Task } from "./store.js";

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

/**
 * The task as the file holds it now, inside the write's transaction; one recorded at a meeting whose minutes are
 * approved belongs to the locked record and is refused.
 */
function editableTask(db: Db, task: Task, forgottenLabel = ""): Task {
  const now = getTask(db, task.id, forgottenLabel);
  if (!now) throw new CliError("error.unknownTask", { ref: `#${task.id}` }, 1, "error.unknownTask.hint");
  const meeting = now.meeting !== null ? getMeeting(db, now.meeting) : undefined;
  if (meeting) ensureEditable(meeting);
  return now;
}

export interface TaskEdit {
  title?: string;
  owner?: Owner;
  /** null clears the due date */
  due?: string | null;
}

export interface TaskFields {
  title: string;
  owner: string;
  due: string | null;
}

function fieldsOfTask(task: Task): TaskFields {
  return { title: task.title, owner: task.owner, due: task.due };
}

/** Corrects a task's title, owner or due date; returns its fields before and after. */
export function editTask(db: Db, audit: Audit, task: Task, edit: TaskEdit, forgottenLabel = ""): { before: TaskFields; after: TaskFields } {
  const now = editableTask(db, task, forgottenLabel);
  const title = edit.title !== undefined ? cleanText(edit.title, "--title", { required: true, max: 500 })! : now.title;
  const ownerPersonId = edit.owner ? (edit.owner.kind === "person" ? edit.owner.person.id : null) : now.ownerKind === "person" ? now.ownerId : null;
  const ownerGroupId = edit.owner ? (edit.owner.kind === "group" ? edit.owner.group.id : null) : now.ownerKind === "group" ? now.ownerId : null;
  const due = edit.due !== undefined ? edit.due : now.due;
  const changes: Record<string, [unknown, unknown]> = {};
  if (title !== now.title) changes.title = [now.title, title];
  const ownerBefore = now.ownerKind === "person" ? { person: now.ownerId } : { group: now.ownerId };
  const ownerAfter = ownerPersonId !== null ? { person: ownerPersonId } : { group: ownerGroupId };
  if (JSON.stringify(ownerBefore) !== JSON.stringify(ownerAfter)) changes.owner = [ownerBefore, ownerAfter];
  if (due !== now.due) changes.due = [now.due, due];
  if (Object.keys(changes).length > 0) {
    updateTask(db, now.id, { title, ownerPersonId, ownerGroupId, due });
    audit({ entity: "task", id: now.id, action: "edit", changes });
  }
  const after = getTask(db, now.id, forgottenLabel)!;
  return { before: fieldsOfTask(now), after: fieldsOfTask(after) };
}

/** A task marked done by mistake (or not done after all) is open again. */
export function reopenTask(db: Db, audit: Audit, task: Task): { done: string | null } {
  const now = editableTask(db, task);
  if (now.status !== "done") throw new CliError("error.taskOpen", { id: now.id });
  markOpen(db, now.id);
  audit({ entity: "task", id: now.id, action: "reopen", changes: { done: now.done } });
  return { done: now.done };
}

/** Removes a task entered by mistake; one from approved minutes stays. */
export function removeTask(db: Db, audit: Audit, task: Task, forgottenLabel = ""): Task {
  const now = editableTask(db, task, forgottenLabel);
  deleteTask(db, now.id);
  audit({ entity: "task", id: now.id, action: "remove", changes: { title: now.title, owner: now.ownerKind === "person" ? { person: now.ownerId } : { group: now.ownerId }, due: now.due, meeting: now.meeting, item: now.item, status: now.status } });
  return now;
}
