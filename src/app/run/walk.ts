// What the steps of `meetings run` share: the walk's state, and saving an answer so that a refused one is
// explained and the walk goes on.
import type { AuditEntry, Context } from "../../core/context.js";
import type { Db } from "../../core/db.js";
import { CliError } from "../../core/errors.js";
import type { Prompter } from "../../core/prompts.js";
import type { Meeting } from "../../meetings/index.js";

export type Audit = (entry: AuditEntry) => void;

export interface Walk {
  ctx: Context;
  db: Db;
  meeting: Meeting;
  prompts: Prompter;
  print: (line: string) => void;
  day: string;
}

export function message(walk: Walk, error: CliError): string {
  const hint = error.hintKey ? ` — ${walk.ctx.t(error.hintKey, error.params)}` : "";
  return `${walk.ctx.t("label.error")}: ${walk.ctx.t(error.key, error.params)}${hint}`;
}

/** Runs a save; a refused one (a rule of the service) is shown, and the walk goes on. */
export function trySave(walk: Walk, save: () => unknown): boolean {
  try {
    save();
    return true;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    walk.print(message(walk, error));
    return false;
  }
}

/** Asks until the answer can be saved: a refused answer is explained and asked again. */
export async function untilSaved(walk: Walk, ask: () => Promise<string>, save: (answer: string) => void): Promise<void> {
  for (;;) {
    const answer = await ask();
    if (trySave(walk, () => save(answer))) return;
  }
}
