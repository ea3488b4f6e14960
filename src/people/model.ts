import type { SheetColumn } from "../core/sheet.js";

export const ROLES = ["representative", "key-person", "member"] as const;
export type Role = (typeof ROLES)[number];

export interface GroupRole {
  id: number;
  groupId: number;
  group: string;
  role: Role;
  since: string;
  until: string | null;
}

export interface Person {
  id: number;
  /** null once forgotten */
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  forgotten: boolean;
  /** the roles held today */
  groups: Array<{ group: string; role: Role; since: string; until: string | null }>;
}

export type PersonFields = Pick<Person, "name" | "email" | "phone" | "notes">;

export const PEOPLE_CSV_COLUMNS = ["name", "email", "phone", "group", "role", "since", "notes"] as const;

/** The columns of the people export and import, in PEOPLE_CSV_COLUMNS's order, with their headers and types. */
export const PEOPLE_SHEET: readonly SheetColumn[] = [
  { key: "name", header: "people.column.name" },
  { key: "email", header: "people.column.email" },
  { key: "phone", header: "people.column.phone" },
  { key: "group", header: "people.column.group" },
  { key: "role", header: "people.column.role", codes: { prefix: "role.", values: ROLES } },
  { key: "since", header: "people.column.since", type: "date" },
  { key: "notes", header: "people.column.notes" },
];

/** A role counts on a date from its first day until the day before it ended. */
export function roleHeldOn(role: Pick<GroupRole, "since" | "until">, date: string): boolean {
  return role.since <= date && (role.until === null || role.until > date);
}

/** How a forgotten person appears in lists and reports. */
export function displayName(person: Pick<Person, "id" | "name">, forgottenLabel: string): string {
  return person.name ?? `${forgottenLabel} #${person.id}`;
}
