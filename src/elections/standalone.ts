// `plattform elections tally --blt <file> [--seed <n>]`: counts any BLT ballot file by Scottish STV, without a
// data file. Prints the Tally (CLI.md shape) with --json, else the rounds as a table.

import { readFileSync } from "node:fs";
import type { Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { basename } from "node:path";
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { parseBlt } from "./blt.js";
import { parseSeed } from "./lot.js";
import { countScottishStv } from "./stv.js";
import { io } from "../core/io.js";


function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new CliError("error.cannotRead", { path }, 1, "error.cannotRead.hint");
  }
}

export async function tallyBltFile(ctx: Context, path: string, opts: Opts<typeof def.tally>): Promise<void> {
  const seed = parseSeed(opts.seed);
  const election = parseBlt(readText(path));
  const tally = countScottishStv(election, election.ballots, { seed });
  if (ctx.json) {
    // Written directly: the table and colour libraries are not loaded for --json.
    io().stdout.write(`${JSON.stringify({ title: election.title, ...tally }, null, 2)}\n`);
    return;
  }
  const [{ heading }, { printTally }] = await Promise.all([import("../core/output.js"), import("./roundsTable.js")]);
  heading(ctx, election.title !== "" ? election.title : basename(path));
  printTally(ctx, tally);
}
