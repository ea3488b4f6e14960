import type { Contribution, StatusPart } from "../core/contributes.js";
import { countTasks, eraseFromTasks } from "./store.js";

const taskCounts: StatusPart<{ open: number; overdue: number }> = {
  key: "tasks",
  rank: 90,
  build: (ctx, day) => countTasks(ctx.db, day),
  details: (ctx, counts) => [[60, ctx.t("status.tasks"), ctx.t("status.tasksValue", counts)]],
};

export const tasks: Contribution = {
  area: "tasks",
  erase: (db, person) => eraseFromTasks(db, person.pattern, person.placeholder), text: {
    tasks: { title: "area", due_on: "none", status: "none", done_on: "none", created_at: "none" },
  }, status: [taskCounts as StatusPart] };
