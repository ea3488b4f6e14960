// The tasks commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, exportOptions, flag, group, lazy, option, type Runnable } from "../core/define.js";

export const tasks = group({
  path: "tasks",
  help: "help.tasks",
  examples: ["tasks list --open", "tasks add \"Saal reservieren\" --owner \"Maria Schmidt\" --due +1w", "tasks done 7"],
});

export const add = command({
  path: "tasks add",
  args: ["<title>"],
  help: "help.tasks.add",
  write: true,
  options: {
    owner: option("--owner <person-or-group>", "opt.owner", { mandatory: true }),
    due: option("--due <date>", "opt.due"),
    meeting: option("--meeting <meeting>", "opt.taskMeeting"),
    item: option("--item <item-no>", "opt.taskItem"),
  },
  examples: [
    "tasks add \"Saal reservieren\" --owner \"Maria Schmidt\" --due +1w",
    "tasks add \"Flyer verteilen\" --owner KOSMOS --due 10.12.2026 --meeting last --item 3",
  ],
});

/** Which tasks the list and the export show. */
const taskFilters = {
  open: flag("--open", "opt.openTasks"),
  overdue: flag("--overdue", "opt.overdueTasks"),
  owner: option("--owner <person-or-group>", "opt.filterOwner"),
  meeting: option("--meeting <meeting>", "opt.filterMeeting"),
};

export const list = command({
  path: "tasks list",
  help: "help.tasks.list",
  options: taskFilters,
  examples: ["tasks list --open", "tasks list --overdue --owner \"Maria Schmidt\"", "tasks list --meeting last --json"],
});

export const done = command({
  path: "tasks done",
  args: ["<task>"],
  help: "help.tasks.done",
  write: true,
  options: {
    date: option("--date <date>", "opt.doneDate"),
  },
  examples: ["tasks done 7", "tasks done 7 --date yesterday"],
});

export const exportTasks = command({
  path: "tasks export",
  help: "help.tasks.export",
  options: { ...taskFilters, ...exportOptions },
  examples: ["tasks export --open > aufgaben.csv", "tasks export --format xlsx --out aufgaben.xlsx", "tasks export --meeting last --json"],
});

export const edit = command({
  path: "tasks edit",
  args: ["<task>"],
  help: "help.tasks.edit",
  write: true,
  options: {
    title: option("--title <title>", "opt.taskTitle"),
    owner: option("--owner <person-or-group>", "opt.taskOwner"),
    due: option("--due <date>", "opt.taskDue"),
  },
  examples: ["tasks edit 7 --due +2w", "tasks edit 7 --owner KOSMOS --title \"Flyer verteilen (Kosmosviertel)\""],
});

export const reopen = command({
  path: "tasks reopen",
  args: ["<task>"],
  help: "help.tasks.reopen",
  write: true,
  examples: ["tasks reopen 7"],
});

export const remove = command({
  path: "tasks remove",
  args: ["<task>"],
  help: "help.tasks.remove",
  write: true,
  examples: ["tasks remove 7"],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  tasks,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(done, handlers, "done"),
  lazy(edit, handlers, "edit"),
  lazy(reopen, handlers, "reopen"),
  lazy(remove, handlers, "remove"),
  lazy(exportTasks, handlers, "exportTasks"),
];
