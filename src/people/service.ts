import type { AuditEntry } from "../core/context.js";
import type { CsvRow } from "../core/csv.js";
import { parseDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { atLine, CliError, dateParam } from "../core/errors.js";
import { ambiguousName, resolveByFolding } from "../core/nameMatch.js";
import { cleanEmail, cleanNotes, cleanPhone, cleanText, oneOf } from "../core/validate.js";
import type { ImportLine, ImportReport } from "../core/importReport.js";
import type { Group } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { ROLES, type Person, type PersonFields, type Role } from "./model.js";
import {
  endRole,
  findPeople,
  forgetPerson as eraseData,
  formerPersonalData,
  getPerson,
  insertPerson,
  insertRole,
  personalDataPattern,
  personIdByName,
  personNames,
  rolesOfPerson,
  updatePerson,
} from "./store.js";

type Audit = (entry: AuditEntry) => void;

export interface PersonInput {
  name?: string;
  email?: string;
  phone?: string;
  notes?: string;
}

export function personFields(input: PersonInput, base?: PersonFields): PersonFields {
  const name = input.name !== undefined ? cleanText(input.name, "name", { required: true }) : base?.name;
  if (!name) throw new CliError("error.required", { field: "name" });
  return {
    name,
    email: input.email !== undefined ? cleanEmail(input.email) : (base?.email ?? null),
    phone: input.phone !== undefined ? cleanPhone(input.phone) : (base?.phone ?? null),
    notes: input.notes !== undefined ? cleanNotes(input.notes) : (base?.notes ?? null),
  };
}

export function parseRole(raw: string): Role {
  return oneOf(raw, ROLES, "role", "role.");
}

export function resolvePerson(db: Db, ref: string, today: string): Person {
  let found = findPeople(db, ref, today);
  if (found.length === 0) found = findPeople(db, `#${resolveByFolding(personNames(db), ref, "error.unknownPerson", "error.unknownPerson.hint")}`, today);
  if (found.length === 1) return found[0]!;
  throw ambiguousName(ref, found);
}

function ensureNameFree(db: Db, name: string, exceptId?: number): void {
  const existing = personIdByName(db, name);
  if (existing !== undefined && existing !== exceptId) throw new CliError("error.personExists", { name }, 1, "error.personExists.hint");
}

export function addPerson(db: Db, audit: Audit, fields: PersonFields): number {
  ensureNameFree(db, fields.name!);
  const id = insertPerson(db, fields);
  audit({ entity: "person", id, action: "add", changes: fields });
  return id;
}

export function editPerson(db: Db, audit: Audit, person: Person, fields: PersonFields): Record<string, [unknown, unknown]> {
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  ensureNameFree(db, fields.name!, person.id);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ["name", "email", "phone", "notes"] as const) {
    if (person[key] !== fields[key]) changes[key] = [person[key], fields[key]];
  }
  if (Object.keys(changes).length > 0) {
    updatePerson(db, person.id, fields);
    audit({ entity: "person", id: person.id, action: "edit", changes });
  }
  return changes;
}

/**
 * Edits the fields given in `input` on top of the person as they are inside the write: reading them before the
 * write and writing the whole row back would undo a concurrent edit of another field (issue 19).
 */
export function editPersonInput(db: Db, audit: Audit, id: number, input: PersonInput, today: string): Record<string, [unknown, unknown]> {
  const person = getPerson(db, id, today)!;
  return editPerson(db, audit, person, personFields(input, person));
}

/** Gives a person a role for a group from `since`; holding the same role already is an error. */
export function linkPerson(db: Db, audit: Audit, person: Person, group: Group, role: Role, since: string): number {
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  const current = rolesOfPerson(db, person.id).find((r) => r.groupId === group.id && r.role === role && (r.until === null || r.until > since));
  if (current) throw new CliError("error.roleExists", { person: person.name ?? "", group: group.name, role });
  const id = insertRole(db, person.id, group.id, role, since);
  audit({ entity: "group_role", id, action: "link", changes: { person: person.id, group: group.id, role, since } });
  return id;
}

/** Ends the person's current roles for a group (or only `role`) on `until`. Returns how many ended. */
export function unlinkPerson(db: Db, audit: Audit, person: Person, group: Group, role: Role | undefined, until: string): number {
  const roles = rolesOfPerson(db, person.id).filter(
    (r) => r.groupId === group.id && (role === undefined || r.role === role) && (r.until === null || r.until > until),
  );
  if (roles.length === 0) throw new CliError("error.noRole", { person: person.name ?? `#${person.id}`, group: group.name });
  for (const r of roles) {
    if (until < r.since) throw new CliError("error.untilBeforeSince", { until: dateParam(until), since: dateParam(r.since) });
    endRole(db, r.id, until);
    audit({ entity: "group_role", id: r.id, action: "unlink", changes: { until: [r.until, until] } });
  }
  return roles.length;
}

/**
 * Erases the person's own row and roles; what other areas hold about them is erased by their contributions
 * (app/forget.ts), with the pattern returned here.
 */
export function erasePerson(db: Db, person: Person, placeholder: string): RegExp {
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  const current = [person.name, person.email, person.phone, person.notes].filter((s): s is string => s !== null && s.length > 0);
  const secrets = [...new Set([...current, ...formerPersonalData(db, person.id)])];
  eraseData(db, person.id, secrets, new Date().toISOString(), placeholder);
  return personalDataPattern(secrets);
}

/**
 * Applies people CSV rows: a row whose name matches a person updates the columns the file has, any other adds
 * the person; a `group` cell gives them that role unless they already hold it. The caller runs it as one
 * transaction, so an error on any line leaves everything as it was.
 */
export function importPeople(db: Db, audit: Audit, rows: Iterable<CsvRow>, today: string, report: ImportReport): ImportReport {
  for (const { line, values } of rows) {
    report.push(
      atLine(line, () => {
        const input: PersonInput = { name: values.name, email: values.email, phone: values.phone, notes: values.notes };
        let action: ImportLine["action"] = "unchanged";
        let changes: Record<string, [unknown, unknown]> = {};
        const existingId = personIdByName(db, values.name?.trim() ?? "");
        let person: Person;
        if (existingId === undefined) {
          const id = addPerson(db, audit, personFields(input));
          person = getPerson(db, id, today)!;
          action = "add";
        } else {
          person = getPerson(db, existingId, today)!;
          changes = editPerson(db, audit, person, personFields(input, person));
          if (Object.keys(changes).length > 0) action = "change";
        }
        const groupRef = values.group?.trim() ?? "";
        if (groupRef !== "") {
          const group = atField("group", () => resolveGroup(db, groupRef, today));
          const role = atField("role", () => (values.role?.trim() ? parseRole(values.role) : "member"));
          const since = values.since?.trim() ? parseDate(values.since, "since", today) : today;
          // Held if linkPerson would call it held: so a re-import of an export never trips over its own rows.
          const holds = rolesOfPerson(db, person.id).some((r) => r.groupId === group.id && r.role === role && (r.until === null || r.until > since));
          if (!holds) {
            linkPerson(db, audit, person, group, role, since);
            if (action === "unchanged") action = "change";
            changes.role = [null, `${group.name}: ${role}`];
          }
        } else if (values.role?.trim()) {
          throw new CliError("error.roleWithoutGroup", { field: "role" });
        }
        const name = person.name ?? "";
        return action === "change" ? { line, name, action, changes } : { line, name, action };
      }),
    );
  }
  return report;
}

function atField<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CliError && error.params.field === undefined) throw new CliError(error.key, { ...error.params, field }, error.exitCode, error.hintKey);
    throw error;
  }
}
