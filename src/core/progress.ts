// One progress line for long work on a terminal: on stderr, rewritten in place with \r, never in a pipe or with
// --json; cleared when the work ends, so that one summary line follows.
import type { Context } from "./context.js";
import { io } from "./io.js";

/** How often the line is rewritten at most: a terminal needs no more, and writing costs time. */
const EVERY_MS = 100;

export class Progress {
  #shown = false;
  #last = 0;

  constructor(
    private readonly active: boolean,
    private readonly text: (count: number) => string,
  ) {}

  /** `count` things done so far. */
  update(count: number): void {
    if (!this.active) return;
    const now = Date.now();
    if (this.#shown && now - this.#last < EVERY_MS) return;
    this.#last = now;
    this.#shown = true;
    io().stderr.write(`\r${this.text(count)}\x1b[K`);
  }

  /** Clears the line (the caller then prints its summary). */
  done(): void {
    if (this.#shown) io().stderr.write("\r\x1b[K");
    this.#shown = false;
  }
}

/** A progress line for this run: shown only when stderr is a terminal and the output is not JSON. */
export function progress(ctx: Context, text: (count: number) => string): Progress {
  return new Progress(io().stderr.isTTY === true && !ctx.json, text);
}

/** Passes `rows` through, counting them on `line`. */
export function* counted<T>(rows: Iterable<T>, line: Progress): Iterable<T> {
  let n = 0;
  for (const row of rows) {
    line.update(++n);
    yield row;
  }
}
