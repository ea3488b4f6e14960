// Asking for the details of a conversation that the command line left out, through the project's prompt layer.
// Only called when a person is at a terminal; tests pass their own Prompter.
import { CliError } from "../core/errors.js";
import type { Prompter } from "../core/prompts.js";

export interface ConversationAnswers {
  by: string;
  with: string[];
  topics?: string;
  notes?: string;
  nextStep?: string;
  followUp?: string;
}

export interface Given {
  by?: string;
  with?: string[];
  topics?: string;
  notes?: string;
  nextStep?: string;
  followUp?: string;
}

/**
 * Asks for what is missing: who held the conversation and with whom (until the names resolve, via `check`,
 * which throws a CliError for an unknown name; `explain` shows it), then the optional details not given (a
 * follow-up date until `check.followUp` accepts it).
 */
export async function askConversation(
  prompter: Prompter,
  given: Given,
  t: (key: string) => string,
  check: { holder: (ref: string) => void; partner: (ref: string) => void; followUp?: (date: string) => void },
  explain: (error: CliError) => void,
): Promise<ConversationAnswers> {
  const until = async (message: string, accept: (value: string) => boolean): Promise<string> => {
    for (;;) {
      const value = (await prompter.input({ message })).trim();
      if (accept(value)) return value;
    }
  };
  const tryIt = (work: () => void): boolean => {
    try {
      work();
      return true;
    } catch (error) {
      if (error instanceof CliError) {
        explain(error);
        return false;
      }
      throw error;
    }
  };
  const by = given.by ?? (await until(t("conversations.ask.by"), (v) => v !== "" && tryIt(() => check.holder(v))));
  const partners =
    given.with && given.with.length > 0
      ? given.with
      : splitNames(await until(t("conversations.ask.with"), (v) => splitNames(v).length > 0 && tryIt(() => splitNames(v).forEach(check.partner))));
  const optional = async (value: string | undefined, key: string, valid: (answer: string) => void = () => undefined) => {
    if (value !== undefined) return value;
    const answer = await until(t(key), (v) => v === "" || tryIt(() => valid(v)));
    return answer === "" ? undefined : answer;
  };
  return {
    by,
    with: partners,
    topics: await optional(given.topics, "conversations.ask.topics"),
    notes: await optional(given.notes, "conversations.ask.notes"),
    nextStep: await optional(given.nextStep, "conversations.ask.nextStep"),
    followUp: await optional(given.followUp, "conversations.ask.followUp", check.followUp),
  };
}

/** "Ayşe Yıldız, Jan Kowalski": names typed at the prompt, separated by commas. */
export function splitNames(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
