import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { CliError, UsageError } from "../core/errors.js";
import { note, printDetails, printJson, printTable, say } from "../core/output.js";
import { resolveGroup } from "../groups/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import type { Conversation } from "./model.js";
import { parseTopics } from "./model.js";
import { addConversation, addTopic, resolveTopic } from "./service.js";
import { getConversation, listConversations, listTopics } from "./store.js";
import type { MessageKey } from "../core/i18n.js";

function forgotten(ctx: Context): string {
  return ctx.t("people.forgottenName");
}

/** A person who can take part in a conversation: known, and not forgotten. */
function participant(ctx: Context, ref: string, day: string): Person {
  const person = resolvePerson(ctx.db, ref, day);
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  return person;
}

/** The values of these options, replaced in the command line that goes into the audit log. */
export function redact(argv: string[], options: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = options.find((o) => arg.startsWith(`${o}=`));
    if (inline) out.push(`${inline}=…`);
    else if (options.includes(arg) && i + 1 < argv.length) {
      out.push(arg, "…");
      i++;
    } else out.push(arg);
  }
  return out;
}

function partnerText(c: Conversation): string {
  return c.with.map((p) => (p.group ? `${p.person} (${p.group})` : p.person)).join(", ");
}

/** `conversations add`: one command line, or prompts for who and with whom when a person is at a terminal. */
export async function add(ctx: Context, _args: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  let by = opts.by;
  let withRefs = opts.with;
  let topics = opts.topics;
  let notes = opts.notes;
  let nextStep = opts.nextStep;
  let followUpRaw = opts.followUp;
  // Checked before any prompt: a typing error on the command line should not cost the answers.
  const date = opts.date !== undefined ? parseDate(opts.date, "--date", day) : day;
  const group = opts.group !== undefined ? resolveGroup(ctx.db, opts.group, day) : undefined;
  if (by === undefined || withRefs === undefined || withRefs.length === 0) {
    const missing = [...(withRefs === undefined || withRefs.length === 0 ? ["--with"] : []), ...(by === undefined ? ["--by"] : [])];
    if (!ctx.canPrompt) throw new UsageError("error.conversations.missing", { options: missing.join(", ") }, "error.conversations.missing.hint");
    const [{ loadPrompter, isPromptExit }, { askConversation }] = await Promise.all([import("../core/prompts.js"), import("./prompt.js")]);
    try {
      const answers = await askConversation(
        await loadPrompter(ctx),
        { by, with: withRefs, topics, notes, nextStep, followUp: followUpRaw },
        (key) => ctx.t(key as MessageKey),
        {
          holder: (ref) => participant(ctx, ref, day),
          partner: (ref) => participant(ctx, ref, day),
          followUp: (value) => parseDate(value, "--follow-up", date),
        },
        (error) => note(ctx.t(error.key, error.params)),
      );
      ({ by, with: withRefs, topics, notes, nextStep } = answers);
      followUpRaw = answers.followUp;
    } catch (error) {
      if (isPromptExit(error)) return say(ctx.t("label.cancelled"));
      throw error;
    }
  }
  const followUp = followUpRaw !== undefined ? parseDate(followUpRaw, "--follow-up", date) : null;
  const holder = participant(ctx, by!, day);
  const partners = withRefs!.map((ref) => participant(ctx, ref, day));
  const topicNames = parseTopics(topics);
  // What was said in confidence stays in the conversation, which `people forget` clears; not in the audit log.
  ctx.commandLine = redact(ctx.commandLine, ["--notes", "--next-step"]);
  const { id, createdTopics } = ctx.write((audit) =>
    addConversation(
      ctx.db,
      audit,
      { kind: opts.kind, date, holder, partners, group, topics: topicNames, notes, nextStep, followUp },
      day,
    ),
  );
  const conversation = getConversation(ctx.db, id, forgotten(ctx))!;
  for (const name of createdTopics) note(ctx.t("conversations.newTopic", { name }));
  if (ctx.json) return printJson(conversation);
  say(
    ctx.t("conversations.added", {
      id,
      kind: ctx.t(`conversations.kind.${conversation.kind}`),
      by: conversation.by,
      with: partnerText(conversation),
      date: formatDate(conversation.date, ctx.lang),
    }),
  );
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const since = opts.since !== undefined ? parseDate(opts.since, "--since", day) : undefined;
  const until = opts.until !== undefined ? parseDate(opts.until, "--until", day) : undefined;
  if (since && until && until < since) throw new CliError("error.conversations.untilBeforeSince", { since, until });
  const conversations = listConversations(
    ctx.db,
    {
      personId: opts.person !== undefined ? resolvePerson(ctx.db, opts.person, day).id : undefined,
      groupId: opts.group !== undefined ? resolveGroup(ctx.db, opts.group, day).id : undefined,
      holderId: opts.by !== undefined ? resolvePerson(ctx.db, opts.by, day).id : undefined,
      topicId: opts.topic !== undefined ? resolveTopic(ctx.db, opts.topic).id : undefined,
      since,
      until,
    },
    forgotten(ctx),
  );
  if (ctx.json) return printJson(conversations);
  if (conversations.length === 0) return say(ctx.t("conversations.none"));
  printTable(
    ctx,
    ["#", ctx.t("label.date"), ctx.t("label.kind"), ctx.t("conversations.label.by"), ctx.t("conversations.label.with"), ctx.t("conversations.label.topics"), ctx.t("conversations.label.followUp")],
    conversations.map((c) => [
      c.id,
      formatDate(c.date, ctx.lang),
      ctx.t(`conversations.kind.${c.kind}`),
      c.by,
      partnerText(c),
      c.topics.join(", "),
      formatDate(c.followUp, ctx.lang),
    ]),
  );
}

export async function show(ctx: Context, [ref]: Args<typeof def.show>): Promise<void> {
  const value = ref!.trim();
  const conversation = /^#?\d+$/.test(value) ? getConversation(ctx.db, Number(value.replace("#", "")), forgotten(ctx)) : undefined;
  if (!conversation) throw new CliError("error.conversations.unknown", { ref: ref! }, 1, "error.conversations.unknown.hint");
  if (ctx.json) return printJson(conversation);
  printDetails(ctx, [
    ["#", conversation.id],
    [ctx.t("label.date"), formatDate(conversation.date, ctx.lang)],
    [ctx.t("label.kind"), ctx.t(`conversations.kind.${conversation.kind}`)],
    [ctx.t("conversations.label.by"), conversation.by],
    [ctx.t("conversations.label.with"), partnerText(conversation)],
    [ctx.t("conversations.label.topics"), conversation.topics.join(", ")],
    [ctx.t("conversations.label.nextStep"), conversation.nextStep],
    [ctx.t("conversations.label.followUp"), formatDate(conversation.followUp, ctx.lang)],
    [ctx.t("label.notes"), conversation.notes],
  ]);
}

// ---- topics

export async function topicsList(ctx: Context): Promise<void> {
  const topics = listTopics(ctx.db);
  if (ctx.json) return printJson(topics);
  if (topics.length === 0) return say(ctx.t("topics.none"));
  printTable(
    ctx,
    ["#", ctx.t("label.name"), ctx.t("topics.label.conversations"), ctx.t("topics.label.last"), ctx.t("topics.label.campaigns")],
    topics.map((t) => [t.id, t.name, t.conversations, formatDate(t.last, ctx.lang), t.campaigns]),
  );
}

export async function topicsAdd(ctx: Context, [name]: Args<typeof def.topicsAdd>): Promise<void> {
  const id = ctx.write((audit) => addTopic(ctx.db, audit, name!));
  const topic = listTopics(ctx.db).find((t) => t.id === id)!;
  if (ctx.json) return printJson(topic);
  say(ctx.t("topics.added", { id, name: topic.name }));
}
