import { isIsoDate } from "../core/dates.js";
import type { SheetColumn } from "../core/sheet.js";

export const GROUP_KINDS = [
  "parish",
  "mosque",
  "synagogue",
  "school",
  "tenants",
  "migrants",
  "sports",
  "union",
  "culture",
  "social",
  "other",
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface Group {
  id: number;
  name: string;
  short: string | null;
  kind: GroupKind;
  joined: string;
  left: string | null;
  status: "active" | "left";
  email: string | null;
  phone: string | null;
  notes: string | null;
  /** the group's bank account: its dues transfers are recognised by it */
  iban: string | null;
}

/** The fields a user can set on a group (everything but id and status). */
export type GroupFields = Omit<Group, "id" | "status">;

export const GROUP_CSV_COLUMNS = ["name", "short", "kind", "joined", "left", "email", "phone", "notes"] as const;

/** The columns of the groups export and import, in GROUP_CSV_COLUMNS's order, with their headers and types. */
export const GROUP_SHEET: readonly SheetColumn[] = [
  { key: "name", header: "groups.column.name" },
  { key: "short", header: "groups.column.short" },
  { key: "kind", header: "groups.column.kind", codes: { prefix: "kind.", values: GROUP_KINDS } },
  { key: "joined", header: "groups.column.joined", type: "date" },
  { key: "left", header: "groups.column.left", type: "date" },
  { key: "email", header: "groups.column.email" },
  { key: "phone", header: "groups.column.phone" },
  { key: "notes", header: "groups.column.notes" },
];

/** A group has left once its leaving date has come; until then it is still a member. */
export function groupStatus(left: string | null, onDate: string): "active" | "left" {
  return left !== null && left <= onDate ? "left" : "active";
}

/** Member on a date: joined on or before it and not yet left (DOMAIN.md: only members vote). */
export function isMemberOn(group: Pick<Group, "joined" | "left">, date: string): boolean {
  if (!isIsoDate(date)) return false;
  return group.joined <= date && (group.left === null || group.left > date);
}

/** Short codes are what people type: letters, digits and hyphens, up to 12 characters. */
export function isValidShort(short: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}-]{0,11}$/u.test(short);
}
