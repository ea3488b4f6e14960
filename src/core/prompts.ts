import type { ConfirmWords } from "./confirmPrompt.js";
import type { Context } from "./context.js";
import { CliError } from "./errors.js";

/**
 * The only place that talks to @inquirer/prompts, loaded only when a person is there to answer.
 * --yes answers for them; without a terminal (or with --no-input) a needed confirmation is an error.
 */
export async function confirm(ctx: Context, message: string): Promise<boolean> {
  if (ctx.options.yes) return true;
  if (!ctx.canPrompt) throw new CliError("error.needsConfirmation", {}, 1, "error.needsConfirmation.hint");
  const { confirmPrompt } = await import("./confirmPrompt.js");
  try {
    return await confirmPrompt({ message, default: false, words: confirmWords(ctx) });
  } catch (error) {
    // Ctrl-C at the prompt: nothing was done.
    if ((error as Error).name === "ExitPromptError") return false;
    throw error;
  }
}

/** A choice in a select or checkbox prompt. */
export interface PromptChoice<T> {
  name: string;
  value: T;
  checked?: boolean;
}

/**
 * The prompts an interactive walk needs, as plain functions: the real ones come from @inquirer/prompts,
 * tests pass their own. Ctrl-C makes any of them reject with an error named ExitPromptError.
 */
export interface Prompter {
  input(options: { message: string; default?: string }): Promise<string>;
  select<T>(options: { message: string; choices: Array<PromptChoice<T>>; default?: T }): Promise<T>;
  checkbox<T>(options: { message: string; choices: Array<PromptChoice<T>> }): Promise<T[]>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/** The yes/no words of the run's language. */
function confirmWords(ctx: Pick<Context, "t">): ConfirmWords {
  return { yesKey: ctx.t("prompt.yesKey"), noKey: ctx.t("prompt.noKey"), yes: ctx.t("prompt.yes"), no: ctx.t("prompt.no"), invalid: ctx.t("prompt.invalidYesNo") };
}

/**
 * The key hints under a select or checkbox list ("↑↓ navigieren • ⏎ auswählen") in the run's language: the
 * prompts pass [key, action] pairs with English actions, translated here by the words of the catalogue.
 */
export function keysHelpTip(ctx: Pick<Context, "t">): (keys: Array<[string, string]>) => string {
  const words: Record<string, string> = {
    navigate: ctx.t("prompt.key.navigate"),
    select: ctx.t("prompt.key.select"),
    submit: ctx.t("prompt.key.submit"),
    all: ctx.t("prompt.key.all"),
    invert: ctx.t("prompt.key.invert"),
    space: ctx.t("prompt.key.space"),
  };
  return (keys) => keys.map(([key, action]) => `${words[key] ?? key} ${words[action] ?? action}`).join(" • ");
}

/** The real prompts, loaded only now, speaking the run's language; only call this when ctx.canPrompt. */
export async function loadPrompter(ctx: Pick<Context, "t">): Promise<Prompter> {
  const [prompts, { confirmPrompt }] = await Promise.all([import("@inquirer/prompts"), import("./confirmPrompt.js")]);
  const theme = { style: { keysHelpTip: keysHelpTip(ctx) } };
  const words = confirmWords(ctx);
  return {
    input: (o) => prompts.input(o),
    select: <T>(o: { message: string; choices: Array<PromptChoice<T>>; default?: T }) =>
      prompts.select<T>({ ...o, pageSize: 15, theme: { ...theme, i18n: { disabledError: ctx.t("prompt.disabled") } } }),
    checkbox: <T>(o: { message: string; choices: Array<PromptChoice<T>> }) => prompts.checkbox<T>({ ...o, pageSize: 15, theme }),
    confirm: (o) => confirmPrompt({ ...o, words }),
  };
}

/** The person pressed Ctrl-C (or closed the terminal) at a prompt. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === "ExitPromptError";
}

/**
 * A secret typed on a terminal (masked, never echoed). Without a terminal, or with --no-input, there is no one
 * to ask: undefined, and the caller says where else the secret may come from.
 */
export async function password(ctx: Context, message: string): Promise<string | undefined> {
  if (!ctx.canPrompt) return undefined;
  const prompts = await import("@inquirer/prompts");
  try {
    return await prompts.password({ message, mask: "*" });
  } catch (error) {
    if ((error as Error).name === "ExitPromptError") return undefined;
    throw error;
  }
}
