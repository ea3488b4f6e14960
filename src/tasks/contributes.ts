import type { Contribution, StatusPart } from "../core/contributes.js";
import { countTasks } from "./store.js";

const taskCounts: StatusPart<{ open: number; overdue: number }> = {
  key: "tasks",
  rank: 90,
  build: (ctx, day) => countTasks(ctx.db, day),
  details: (ctx, counts) => [[60, ctx.t("status.tasks"), ctx.t("status.tasksValue", counts)]],
};

export const tasks: Contribution = { area: "tasks", status: [taskCounts as StatusPart] };
