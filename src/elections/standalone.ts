// `plattform elections tally --blt <file> [--seed <n>]`: counts any BLT ballot file by Scottish STV, without a
// data file. Prints the Tally (CLI.md shape) with --json, else the rounds as a table.

import type { Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { basename } from "node:path";
import type { Context } from "../core/context.js";
import { parseEncoding, readTextFile } from "../core/textFile.js";
import { parseBlt } from "./blt.js";
import { parseSeed } from "./lot.js";
import { countScottishStv } from "./stv.js";
import { io } from "../core/io.js";
import { progress } from "../core/progress.js";


export async function tallyBltFile(ctx: Context, path: string, opts: Opts<typeof def.tally>): Promise<void> {
  const seed = parseSeed(opts.seed);
  const election = parseBlt(readTextFile(path, opts.encoding === undefined ? undefined : parseEncoding(opts.encoding)).text);
  const line = progress(ctx, (round) => ctx.t("elections.tallyProgress", { round }));
  let tally;
  try {
    tally = countScottishStv(election, election.ballots, { seed, onRound: (round) => line.update(round) });
  } finally {
    line.done();
  }
  if (ctx.json) {
    // Written directly: the table and colour libraries are not loaded for --json.
    io().stdout.write(`${JSON.stringify({ title: election.title, ...tally }, null, 2)}\n`);
    return;
  }
  const [{ heading }, { printTally }] = await Promise.all([import("../core/output.js"), import("./roundsTable.js")]);
  heading(ctx, election.title !== "" ? election.title : basename(path));
  printTally(ctx, tally);
}
