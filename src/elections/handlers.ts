import type { Context } from "../core/context.js";
import { UsageError } from "../core/errors.js";

type Options = Record<string, string | boolean | undefined>;

/** `elections tally <election>` counts a stored election; `elections tally --blt <file>` counts a BLT file. */
export async function tally(ctx: Context, [ref]: string[], opts: Options): Promise<void> {
  if (typeof opts.blt === "string") {
    if (ref !== undefined) throw new UsageError("error.tallyEitherOr");
    const { tallyBltFile } = await import("./standalone.js");
    return tallyBltFile(ctx, opts.blt, opts);
  }
  if (ref === undefined) throw new UsageError("error.tallyEitherOr");
  const { tallyElection } = await import("./stored.js");
  return tallyElection(ctx, ref, opts);
}

// The commands on stored elections live in stored.ts, loaded only when one of them runs (the standalone
// `tally --blt` stays light).
type Command = (ctx: Context, args: string[], opts: Options) => Promise<void>;
const stored =
  (name: string): Command =>
  async (ctx, args, opts) =>
    ((await import("./stored.js")) as unknown as Record<string, Command>)[name]!(ctx, args, opts);

export const add = stored("addCommand");
export const nominate = stored("nominateCommand");
export const accept = stored("acceptCommand");
export const withdraw = stored("withdrawCommand");
export const ballot = stored("ballotCommand");
export const importBallots = stored("importCommand");
export const exportBallots = stored("exportCommand");
export const show = stored("showCommand");
export const list = stored("listCommand");
export const certify = stored("certifyCommand");
