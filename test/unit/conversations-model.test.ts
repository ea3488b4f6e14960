// The pure rules behind conversations, campaigns and the three listening reports.
import { describe, expect, it } from "vitest";
import { isCampaignsItem, latestOn, reportsOn, statusOn, type CampaignUpdate } from "../../src/campaigns/model.js";
import { redact } from "../../src/conversations/handlers.js";
import {
  checkParticipants,
  conversationsByHolderMonth,
  coverage,
  groupOfRoles,
  listening,
  parseMonths,
  parseTopics,
  quarterOf,
  quartersBetween,
  type ConversationFact,
  type TopicQuarter,
  type TopicTotals,
} from "../../src/conversations/model.js";
import { askConversation, splitNames } from "../../src/conversations/prompt.js";
import { CliError } from "../../src/core/errors.js";
import type { Prompter } from "../../src/core/prompts.js";
import { cliErrorOf as errorOf } from "./errorOf.js";

describe("parseTopics", () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ["", []],
    ["Mieten", ["Mieten"]],
    ["Mieten, Schule ,Pflege", ["Mieten", "Schule", "Pflege"]],
    ["Mieten,mieten,MIETEN", ["Mieten"]],
    ["Mieten;Schule", ["Mieten", "Schule"]],
    [" , ,Kita,, ", ["Kita"]],
    ["Gesundheit, gesundheit ", ["Gesundheit"]],
  ])("%j → %j", (raw, expected) => {
    expect(parseTopics(raw)).toEqual(expected);
  });

  it("refuses a topic name that is too long", () => {
    expect(errorOf(() => parseTopics("x".repeat(81))).key).toBe("error.tooLong");
  });
});

describe("checkParticipants and groupOfRoles", () => {
  it("keeps each person once and refuses the holder among them", () => {
    expect(checkParticipants(1, [2, 3, 2])).toEqual([2, 3]);
    expect(errorOf(() => checkParticipants(1, [2, 1])).key).toBe("error.conversations.holderIsPartner");
  });

  it("prefers the representative's group, then the key person's, then the longest held", () => {
    expect(groupOfRoles([])).toBeNull();
    const roles = [
      { groupId: 3, role: "member" as const, since: "2015-01-01" },
      { groupId: 2, role: "key-person" as const, since: "2021-01-01" },
      { groupId: 5, role: "key-person" as const, since: "2019-01-01" },
    ];
    expect(groupOfRoles(roles)!.groupId).toBe(5);
    expect(groupOfRoles([...roles, { groupId: 9, role: "representative", since: "2024-01-01" }])!.groupId).toBe(9);
  });
});

describe("quarters", () => {
  it.each([
    ["2026-01-01", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-12-31", "2026-Q4"],
  ])("%s is in %s", (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it("lists every quarter between two dates, across the year's end", () => {
    expect(quartersBetween("2025-11-20", "2026-04-01")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(quartersBetween("2026-02-01", "2026-02-02")).toEqual(["2026-Q1"]);
  });
});

describe("conversationsByHolderMonth", () => {
  const fact = (conversationId: number, date: string, holderId: number, personId: number): ConversationFact => ({
    conversationId,
    date,
    holderId,
    holder: holderId === 1 ? "Hatice" : "Yusuf",
    personId,
  });

  it("counts a person once per holder-month: new when one of its conversations was their first ever", () => {
    const facts = [
      fact(1, "2026-01-05", 1, 10),
      fact(2, "2026-01-20", 1, 10), // repeat conversation, same month: still one new person
      fact(3, "2026-01-21", 2, 10), // another holder: repeat
      fact(4, "2026-01-21", 2, 11),
      fact(4, "2026-01-21", 2, 12),
      fact(5, "2026-02-01", 1, 11),
    ];
    expect(conversationsByHolderMonth(facts, null)).toEqual([
      { holder: "Hatice", holderId: 1, month: "2026-01", conversations: 2, people: 1, new: 1, repeat: 0 },
      { holder: "Yusuf", holderId: 2, month: "2026-01", conversations: 2, people: 3, new: 2, repeat: 1 },
      { holder: "Hatice", holderId: 1, month: "2026-02", conversations: 1, people: 1, new: 0, repeat: 1 },
    ]);
  });

  it("on one day, the conversation recorded first comes first; --since keeps the whole history for new and repeat", () => {
    const facts = [fact(8, "2026-03-02", 2, 20), fact(7, "2026-03-02", 1, 20)];
    expect(conversationsByHolderMonth(facts, "2026-03-01").map((r) => [r.holder, r.new, r.repeat])).toEqual([
      ["Hatice", 1, 0],
      ["Yusuf", 0, 1],
    ]);
    expect(conversationsByHolderMonth([fact(1, "2025-12-01", 1, 20), ...facts], "2026-01-01").every((r) => r.new === 0)).toBe(true);
  });
});

describe("coverage", () => {
  const keys = [
    { personId: 1, person: "Ayşe", groupId: 1, group: "KOSMOS" },
    { personId: 2, person: "Lea", groupId: 2, group: "WEISSE" },
    { personId: 3, person: "Fatma", groupId: 1, group: "KOSMOS" },
  ];
  it("is cold before the cut-off day and warm on it; never spoken with is cold", () => {
    const rows = coverage(keys, [{ personId: 1, date: "2025-09-01", by: "Hatice" }, { personId: 2, date: "2025-08-31", by: "Yusuf" }], "2026-03-01", 6);
    expect(rows.map((r) => [r.group, r.person, r.lastConversation, r.cold])).toEqual([
      ["KOSMOS", "Ayşe", "2025-09-01", false],
      ["KOSMOS", "Fatma", null, true],
      ["WEISSE", "Lea", "2025-08-31", true],
    ]);
  });

  it("counts months by the calendar: from 31 August, six months back is the end of February", () => {
    expect(coverage(keys.slice(0, 1), [{ personId: 1, date: "2026-02-28", by: "H" }], "2026-08-31", 6)[0]!.cold).toBe(false);
    expect(coverage(keys.slice(0, 1), [{ personId: 1, date: "2026-02-27", by: "H" }], "2026-08-31", 6)[0]!.cold).toBe(true);
  });

  it.each([["0"], ["121"], ["six"], ["1.5"], ["-3"]])("--months %s is refused", (raw) => {
    expect(errorOf(() => parseMonths(raw)).key).toBe("error.conversations.invalidMonths");
  });

  it("--months defaults to 6 and takes 1 to 120", () => {
    expect(parseMonths(undefined)).toBe(6);
    expect(parseMonths(" 12 ")).toBe(12);
    expect(parseMonths("120")).toBe(120);
  });
});

describe("listening", () => {
  const NAMES = ["", "Mieten", "Schule", "Pflege"];
  const total = (topicId: number, people: number, groups: number, mentions: number): TopicTotals => ({ topicId, topic: NAMES[topicId]!, people, groups, mentions });

  it("ranks by distinct people, then groups, then mentions, then the topic's name", () => {
    const totals = [total(1, 1, 1, 2), total(2, 2, 1, 1), total(3, 1, 0, 1)];
    expect(listening(totals, [], "2026-01-10", "2026-03-01").map(({ topic, people, groups, mentions }) => [topic, people, groups, mentions])).toEqual([
      ["Schule", 2, 1, 1],
      ["Mieten", 1, 1, 2],
      ["Pflege", 1, 0, 1],
    ]);
    const tied = [total(3, 1, 1, 1), total(2, 1, 1, 2), total(1, 1, 1, 1)];
    expect(listening(tied, [], "2026-01-10", "2026-03-01").map((r) => r.topic)).toEqual(["Schule", "Mieten", "Pflege"]);
  });

  it("has a quarter for every quarter of the period, also the empty ones, and each topic keeps its own counts", () => {
    const perQuarter: TopicQuarter[] = [
      { topicId: 1, quarter: "2025-Q2", mentions: 1 },
      { topicId: 1, quarter: "2026-Q1", mentions: 3 },
      { topicId: 2, quarter: "2025-Q3", mentions: 2 },
    ];
    const [mieten, schule] = listening([total(1, 3, 1, 4), total(2, 2, 1, 2)], perQuarter, "2025-04-01", "2026-03-01");
    expect(mieten!.trend).toEqual([
      { quarter: "2025-Q2", mentions: 1 },
      { quarter: "2025-Q3", mentions: 0 },
      { quarter: "2025-Q4", mentions: 0 },
      { quarter: "2026-Q1", mentions: 3 },
    ]);
    expect(schule!.trend.map((q) => q.mentions)).toEqual([0, 2, 0, 0]);
  });

  it("is empty without topics", () => {
    expect(listening([], [], "2026-01-01", "2026-03-01")).toEqual([]);
  });
});

describe("campaigns: status on a date, latest report, the campaigns item", () => {
  const u = (id: number, date: string, status: CampaignUpdate["status"]): CampaignUpdate => ({
    id,
    campaignId: 1,
    date,
    text: `#${id}`,
    meeting: null,
    status,
    previousStatus: null,
  });
  const updates = [u(1, "2026-01-10", "research"), u(3, "2026-02-10", "action"), u(2, "2026-02-10", "research"), u(4, "2026-03-01", "won")];

  it("the latest report up to a day: by date, then in the order recorded", () => {
    expect(latestOn(updates, "2026-01-09")).toBeUndefined();
    expect(latestOn(updates, "2026-02-10")!.id).toBe(3);
    expect(statusOn("paused", updates, "2026-01-01")).toBe("paused");
    expect(statusOn("research", updates, "2026-02-28")).toBe("action");
    expect(statusOn("research", updates, "2026-03-01")).toBe("won");
  });

  it("reports only campaigns active on the day, each with its latest report", () => {
    const campaign = (name: string, list: CampaignUpdate[]) => ({ name, team: "Wohnen", topic: "Mieten", updates: list });
    const reports = reportsOn([campaign("Zeta", updates), campaign("Alpha", [u(9, "2026-01-01", "paused")]), campaign("Beta", [])], "2026-02-15");
    expect(reports).toEqual([{ campaign: "Zeta", team: "Wohnen", topic: "Mieten", status: "action", date: "2026-02-10", text: "#3", meeting: null }]);
    expect(reportsOn([campaign("Zeta", updates)], "2026-03-01")).toEqual([]);
  });

  it.each<[string, string, boolean]>([
    ["Berichte aus den Kampagnen und Aktionsteams", "report", true],
    ["Reports from the campaigns and action teams", "report", true],
    ["Kampagnenberichte", "report", true],
    ["Campaign reports", "report", true],
    ["Berichte aus den Kampagnen", "discussion", false],
    ["Finanzen und Fundraising", "report", false],
  ])("%j (%s) is the campaigns item: %s", (title, type, expected) => {
    expect(isCampaignsItem({ title, type })).toBe(expected);
  });
});

describe("the prompt for a conversation", () => {
  /** A Prompter that answers from a list, and fails on any question beyond it. */
  function scripted(answers: string[]): Prompter & { asked: string[] } {
    const asked: string[] = [];
    const next = (message: string) => {
      asked.push(message);
      if (answers.length === 0) throw new Error(`unexpected prompt: ${message}`);
      return Promise.resolve(answers.shift()!);
    };
    return {
      asked,
      input: (o) => next(o.message),
      select: () => Promise.reject(new Error("unexpected select")),
      checkbox: () => Promise.reject(new Error("unexpected checkbox")),
      confirm: () => Promise.reject(new Error("unexpected confirm")),
    };
  }
  const known = new Set(["Hatice", "Ayşe", "Jan"]);
  const check = (ref: string) => {
    if (!known.has(ref)) throw new CliError("error.unknownPerson", { ref });
  };

  it("asks for who and with whom until the names are known, then for the details not given", async () => {
    const prompter = scripted(["", "Niemand", "Hatice", "Ayşe, Nobody", "Ayşe, Jan", "Mieten", "", "+2w"]);
    const errors: string[] = [];
    const answers = await askConversation(prompter, { notes: "given" }, (key) => key, { holder: check, partner: check }, (e) => errors.push(String(e.params.ref)));
    expect(answers).toEqual({ by: "Hatice", with: ["Ayşe", "Jan"], topics: "Mieten", notes: "given", nextStep: undefined, followUp: "+2w" });
    expect(errors).toEqual(["Niemand", "Nobody"]);
    expect(prompter.asked).toEqual([
      "conversations.ask.by",
      "conversations.ask.by",
      "conversations.ask.by",
      "conversations.ask.with",
      "conversations.ask.with",
      "conversations.ask.topics",
      "conversations.ask.nextStep",
      "conversations.ask.followUp",
    ]);
  });

  const relativeOnly = (value: string) => {
    if (!value.startsWith("+")) throw new CliError("error.invalidDate", { value });
  };

  it("asks for the follow-up again until it is a date", async () => {
    const prompter = scripted(["bald", "+2w"]);
    const answers = await askConversation(
      prompter,
      { by: "Hatice", with: ["Jan"], topics: "x", notes: "n", nextStep: "s" },
      (key) => key,
      { holder: check, partner: check, followUp: relativeOnly },
      () => undefined,
    );
    expect(answers.followUp).toBe("+2w");
    expect(prompter.asked).toEqual(["conversations.ask.followUp", "conversations.ask.followUp"]);
  });

  it("asks nothing about what the command line gave", async () => {
    const prompter = scripted(["Jan"]);
    const answers = await askConversation(
      prompter,
      { by: "Hatice", topics: "x", notes: "n", nextStep: "s", followUp: "+1w" },
      (key) => key,
      { holder: check, partner: check },
      () => undefined,
    );
    expect(answers.with).toEqual(["Jan"]);
    expect(prompter.asked).toEqual(["conversations.ask.with"]);
  });

  it("splits typed names at commas", () => {
    expect(splitNames(" Ayşe Yıldız , Jan,, ")).toEqual(["Ayşe Yıldız", "Jan"]);
  });
});

describe("redact", () => {
  it("replaces the values of the named options, in both spellings", () => {
    expect(redact(["conversations", "add", "--notes", "geheim", "--by", "X", "--next-step=auch geheim", "--notes"], ["--notes", "--next-step"])).toEqual([
      "conversations",
      "add",
      "--notes",
      "…",
      "--by",
      "X",
      "--next-step=…",
      "--notes",
    ]);
  });
});
