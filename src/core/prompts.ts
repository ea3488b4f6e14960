import type { Context } from "./context.js";
import { CliError } from "./errors.js";

/**
 * The only place that talks to @inquirer/prompts, loaded only when a person is there to answer.
 * --yes answers for them; without a terminal (or with --no-input) a needed confirmation is an error.
 */
export async function confirm(ctx: Context, message: string): Promise<boolean> {
  if (ctx.options.yes) return true;
  if (!ctx.canPrompt) throw new CliError("error.needsConfirmation", {}, 1, "error.needsConfirmation.hint");
  const prompts = await import("@inquirer/prompts");
  try {
    return await prompts.confirm({ message, default: false });
  } catch (error) {
    // Ctrl-C at the prompt: nothing was done.
    if ((error as Error).name === "ExitPromptError") return false;
    throw error;
  }
}
