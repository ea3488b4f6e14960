import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { UsageError } from "../core/errors.js";

/** `elections tally <election>` counts a stored election; `elections tally --blt <file>` counts a BLT file. */
export async function tally(ctx: Context, [ref]: Args<typeof def.tally>, opts: Opts<typeof def.tally>): Promise<void> {
  if (typeof opts.blt === "string") {
    if (ref !== undefined) throw new UsageError("error.tallyEitherOr");
    const { tallyBltFile } = await import("./standalone.js");
    return tallyBltFile(ctx, opts.blt, opts);
  }
  if (ref === undefined) throw new UsageError("error.tallyEitherOr");
  const { tallyElection } = await import("./stored.js");
  return tallyElection(ctx, ref, opts);
}
