// The conversations commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const conversations = group({
  path: "conversations",
  help: "help.conversations",
  alias: "1on1",
  examples: [
    "conversations add --with \"Ayşe Yıldız\" --by \"Hatice Kaya\" --topics Mieten,Schule",
    "conversations list --since -1m",
    "1on1 show 12",
  ],
});

export const add = command({
  path: "conversations add",
  help: "help.conversations.add",
  write: true,
  options: {
    with: option("--with <person...>", "opt.convWith"),
    by: option("--by <person>", "opt.convBy"),
    date: option("--date <date>", "opt.convDate"),
    kind: option("--kind <kind>", "opt.convKind", { choices: ["one-to-one", "house-meeting", "research"] }),
    group: option("--group <group>", "opt.convGroup"),
    topics: option("--topics <topics>", "opt.convTopics"),
    notes: option("--notes <text>", "opt.convNotes"),
    nextStep: option("--next-step <text>", "opt.convNextStep"),
    followUp: option("--follow-up <date>", "opt.convFollowUp"),
  },
  examples: [
    "conversations add --with \"Ayşe Yıldız\" --by \"Hatice Kaya\" --topics \"Mieten, Schulwege\" --next-step \"kommt zur Hausversammlung\" --follow-up +2w",
    "1on1 add --with \"Jan Kowalski\" \"Ewa Nowak\" --by \"Hatice Kaya\" --kind house-meeting --date yesterday --group KOSMOS",
    "conversations add",
  ],
});

export const list = command({
  path: "conversations list",
  help: "help.conversations.list",
  options: {
    person: option("--person <person>", "opt.convFilterPerson"),
    group: option("--group <group>", "opt.convFilterGroup"),
    by: option("--by <person>", "opt.convFilterBy"),
    topic: option("--topic <topic>", "opt.convFilterTopic"),
    since: option("--since <date>", "opt.convSince"),
    until: option("--until <date>", "opt.convUntil"),
  },
  examples: [
    "conversations list --since 1.1.2026",
    "conversations list --by \"Hatice Kaya\" --topic Mieten",
    "conversations list --group KOSMOS --json",
  ],
});

export const show = command({
  path: "conversations show",
  args: ["<conversation>"],
  help: "help.conversations.show",
  examples: ["conversations show 12", "1on1 show 12 --json"],
});

export const topics = group({
  path: "topics",
  help: "help.topics",
  examples: ["topics list", "topics add Pflege"],
});

export const topicsList = command({
  path: "topics list",
  help: "help.topics.list",
  examples: ["topics list", "topics list --json"],
});

export const topicsAdd = command({
  path: "topics add",
  args: ["<name>"],
  help: "help.topics.add",
  write: true,
  examples: ["topics add Pflege", "topics add \"Bezahlbare Mieten\""],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  conversations,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  topics,
  lazy(topicsList, handlers, "topicsList"),
  lazy(topicsAdd, handlers, "topicsAdd"),
];
