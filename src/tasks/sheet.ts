// The columns of `tasks export` (src/core/sheet.ts): as `tasks list --json` has them, owner_kind and status as codes.
import type { SheetColumn } from "../core/sheet.js";

export const TASK_SHEET: readonly SheetColumn[] = [
  { key: "id", header: "tasks.column.id", type: "number" },
  { key: "title", header: "tasks.column.title" },
  { key: "owner", header: "tasks.column.owner" },
  { key: "owner_kind", header: "tasks.column.ownerKind", codes: { prefix: "tasks.ownerKind.", values: ["person", "group"] } },
  { key: "due", header: "tasks.column.due", type: "date" },
  { key: "meeting", header: "tasks.column.meeting", type: "number" },
  { key: "item", header: "tasks.column.item", type: "number" },
  { key: "status", header: "tasks.column.status", codes: { prefix: "tasks.state.", values: ["open", "done"] } },
  { key: "done", header: "tasks.column.done", type: "date" },
];
