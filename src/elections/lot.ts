// Drawing lots, reproducibly. A count that needs a lot draws it from a small seeded generator (mulberry32), so that
// anyone holding the ballots and the seed can repeat the count exactly. Without a given seed, one is picked from the
// system's cryptographic source the first time a lot is needed, and the tally records it.

import { CliError } from "../core/errors.js";

/** The largest seed accepted: any non-negative safe integer. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * mulberry32: a 32-bit state, one addition and a few multiply-xorshift steps per number. Not for secrets; for
 * lots it is enough that the sequence is fixed by the seed and has no visible pattern.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Folds a seed up to 2^53 into the generator's 32-bit state, so that seeds above 2^32 still differ. */
function state32(seed: number): number {
  const low = seed % 0x1_0000_0000;
  const high = Math.floor(seed / 0x1_0000_0000);
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

/** Parses --seed: a non-negative whole number (an invalid value exits 1). */
export function parseSeed(value: unknown): number | undefined {
  if (value === undefined || value === false) return undefined;
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) throw new CliError("error.invalidSeed", { value: String(value) }, 1, "error.invalidSeed.hint");
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) throw new CliError("error.invalidSeed", { value: text }, 1, "error.invalidSeed.hint");
  return seed;
}

/** A source of lots for one count. */
export class Lot {
  #seed: number | undefined;
  #next: (() => number) | undefined;
  #drawn = false;

  constructor(seed?: number) {
    this.#seed = seed;
  }

  /** The seed given, or the one picked for the first draw; undefined when none was given and nothing was drawn. */
  get seed(): number | undefined {
    return this.#seed;
  }

  /** Whether a lot has been drawn in this count. */
  get drawn(): boolean {
    return this.#drawn;
  }

  /** A whole number in [0, n), uniformly (rejection sampling, so no value is favoured). */
  index(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`cannot draw from ${n} items`);
    if (this.#next === undefined) {
      // node:crypto is loaded only here, when a lot is really drawn without a seed (most counts never need one).
      if (this.#seed === undefined) this.#seed = process.getBuiltinModule("node:crypto").randomInt(0, 2 ** 32);
      this.#next = mulberry32(state32(this.#seed));
    }
    this.#drawn = true;
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const value = this.#next();
      if (value < limit) return value % n;
    }
  }

  /** One of the items, drawn by lot. */
  pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)]!;
  }

  /** The items in an order drawn by lot (Fisher–Yates). */
  order<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.index(i + 1);
      [result[i], result[j]] = [result[j]!, result[i]!];
    }
    return result;
  }
}
