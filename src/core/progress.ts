// One progress line for long work on a terminal: on stderr, rewritten in place with \r, never in a pipe or with
// --json; cleared when the work ends, so that one summary line follows.
import type { Context } from "./context.js";
import { io } from "./io.js";

/** How often the line is rewritten at most: a terminal needs no more, and writing costs time. */
const EVERY_MS = 100;

export class Progress<T = number> {
  #shown = false;
  #last = 0;

  constructor(
    private readonly shows: boolean,
    private readonly text: (at: T) => string,
  ) {}

  /** How far the work is: `count` things done so far, or the step it is at. */
  update(at: T): void {
    if (!this.shows) return;
    const now = Date.now();
    if (this.#shown && now - this.#last < EVERY_MS) return;
    this.#last = now;
    this.#shown = true;
    io().stderr.write(`\r${this.text(at)}\x1b[K`);
  }

  /** Whether the line is shown at all (a terminal, no --json): work may then be done in steps that can be shown. */
  get active(): boolean {
    return this.shows;
  }

  /** Clears the line (the caller then prints its summary). */
  done(): void {
    if (this.#shown) io().stderr.write("\r\x1b[K");
    this.#shown = false;
  }
}

/** A progress line for this run: shown only when stderr is a terminal and the output is not JSON. */
export function progress<T = number>(ctx: Context, text: (at: T) => string): Progress<T> {
  return new Progress<T>(io().stderr.isTTY === true && !ctx.json, text);
}

/** Passes `rows` through, counting them on `line`. */
export function* counted<T>(rows: Iterable<T>, line: Progress<number>): Iterable<T> {
  let n = 0;
  for (const row of rows) {
    line.update(++n);
    yield row;
  }
}
