import type { AuditEntry } from "../core/context.js";
import { changedFields } from "../core/changes.js";
import { parseDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { ambiguousName, resolveByFolding } from "../core/nameMatch.js";
import { cleanEmail, cleanNotes, cleanPhone, cleanText, oneOf } from "../core/validate.js";
import { GROUP_KINDS, isValidShort, type Group, type GroupFields } from "./model.js";
import { findByNameOrShort, findGroups, getGroup, groupByIban, groupNames, insertGroup, updateGroup } from "./store.js";
import { parseIban } from "../core/iban.js";

export type Audit = (entry: AuditEntry) => void;

/** What a user typed for a group; undefined means "not given". */
export interface GroupInput {
  name?: string;
  short?: string;
  kind?: string;
  joined?: string;
  left?: string;
  email?: string;
  phone?: string;
  notes?: string;
  iban?: string;
}

/** Validates typed input into group fields, on top of `base` for an edit. Pure apart from `today`. */
export function groupFields(input: GroupInput, today: string, base?: GroupFields): GroupFields {
  const pick = <K extends keyof GroupInput>(key: K) => input[key];
  const name = pick("name") !== undefined ? cleanText(input.name, "name", { required: true }) : base?.name;
  if (!name) throw new CliError("error.required", { field: "name" });
  let short = base?.short ?? null;
  if (input.short !== undefined) {
    short = cleanText(input.short, "short", { max: 12 });
    if (short !== null && !isValidShort(short)) throw new CliError("error.invalidShort", { value: input.short });
  }
  const kind = input.kind !== undefined && input.kind.trim() !== "" ? oneOf(input.kind, GROUP_KINDS, "kind", "kind.") : (base?.kind ?? "other");
  const joined = input.joined !== undefined && input.joined.trim() !== "" ? parseDate(input.joined, "joined", today) : (base?.joined ?? today);
  let left = base?.left ?? null;
  if (input.left !== undefined) left = input.left.trim() === "" ? null : parseDate(input.left, "left", today);
  if (left !== null && left < joined) throw new CliError("error.leftBeforeJoined", { left, joined });
  return {
    name,
    short,
    kind,
    joined,
    left,
    email: input.email !== undefined ? cleanEmail(input.email) : (base?.email ?? null),
    phone: input.phone !== undefined ? cleanPhone(input.phone) : (base?.phone ?? null),
    notes: input.notes !== undefined ? cleanNotes(input.notes) : (base?.notes ?? null),
    iban: input.iban !== undefined ? parseIban(input.iban) : (base?.iban ?? null),
  };
}

/** The one group a user means by `ref`, or a clear error: unknown, or ambiguous with the candidates listed. */
export function resolveGroup(db: Db, ref: string, today: string): Group {
  let found = findGroups(db, ref, today);
  if (found.length === 0) found = findGroups(db, `#${resolveByFolding(groupNames(db), ref, "error.unknownGroup", "error.unknownGroup.hint")}`, today);
  if (found.length === 1) return found[0]!;
  throw ambiguousName(ref, found);
}

function ensureUnique(db: Db, fields: GroupFields, exceptId?: number): void {
  for (const row of findByNameOrShort(db, fields.name, fields.short)) {
    if (row.id === exceptId) continue;
    if (row.name.toLowerCase() === fields.name.toLowerCase()) throw new CliError("error.groupExists", { name: row.name }, 1, "error.groupExists.hint");
    throw new CliError("error.shortTaken", { short: fields.short ?? "", name: row.name });
  }
  const owner = fields.iban === null ? undefined : groupByIban(db, fields.iban);
  if (owner && owner.id !== exceptId) throw new CliError("error.ibanTaken", { iban: fields.iban!, owner: owner.name });
}

export function addGroup(db: Db, audit: Audit, fields: GroupFields): number {
  ensureUnique(db, fields);
  const id = insertGroup(db, fields);
  audit({ entity: "group", id, action: "add", changes: fields });
  return id;
}

export function editGroup(db: Db, audit: Audit, group: Group, fields: GroupFields): Record<string, [unknown, unknown]> {
  ensureUnique(db, fields, group.id);
  const changes = changedFields(group, fields);
  if (Object.keys(changes).length === 0) return changes;
  updateGroup(db, group.id, fields);
  audit({ entity: "group", id: group.id, action: "edit", changes });
  return changes;
}

/**
 * Edits the fields given in `input` on top of the group as it is inside the write: reading it before the write and
 * writing the whole row back would undo a concurrent edit of another field (issue 19).
 */
export function editGroupInput(db: Db, audit: Audit, id: number, input: GroupInput, today: string): Record<string, [unknown, unknown]> {
  const group = getGroup(db, id, today)!;
  return editGroup(db, audit, group, groupFields(input, today, group));
}

export function leaveGroup(db: Db, audit: Audit, before: Group, date: string, today: string): Group {
  const group = getGroup(db, before.id, today)!; // as it is inside the write, like editGroupInput
  if (group.left !== null) throw new CliError("error.alreadyLeft", { name: group.name, date: dateParam(group.left) });
  if (date < group.joined) throw new CliError("error.leftBeforeJoined", { left: dateParam(date), joined: dateParam(group.joined) });
  editGroup(db, audit, group, { ...group, left: date });
  return getGroup(db, group.id, today)!;
}
