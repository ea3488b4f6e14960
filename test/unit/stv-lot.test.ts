import { describe, expect, it } from "vitest";
import { Lot, mulberry32, parseSeed } from "../../src/elections/lot.js";
import { cliErrorOf } from "./errorOf.js";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, and 32-bit whole numbers", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    for (const value of first) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(2 ** 32);
    }
    expect(new Set(first).size).toBe(100);
  });

  it("is fixed: these numbers must never change, or old counts could not be repeated", () => {
    const next = mulberry32(0);
    expect([next(), next(), next()]).toEqual([1144304738, 1416247, 958946056]);
  });

  it("gives different sequences for different seeds", () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe("Lot", () => {
  it("draws the same for the same seed", () => {
    const items = ["Ayşe", "Ben", "Carla", "Dana", "Emil"];
    for (const seed of [0, 1, 42, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      const a = new Lot(seed);
      const b = new Lot(seed);
      expect(a.order(items)).toEqual(b.order(items));
      expect(a.pick(items)).toBe(b.pick(items));
    }
  });

  it("tells seeds above 2^32 apart", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(new Lot(2 ** 32 + 5).order(items)).not.toEqual(new Lot(5).order(items));
  });

  it("orders by lot: a permutation of the items", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const order = new Lot(9).order(items);
    expect([...order].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("draws every item sometimes, roughly evenly", () => {
    const lot = new Lot(123);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[lot.index(3)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(900);
  });

  it("has no seed until one is given or needed, then keeps it", () => {
    const lot = new Lot();
    expect(lot.seed).toBeUndefined();
    expect(lot.drawn).toBe(false);
    lot.pick(["a", "b"]);
    expect(lot.drawn).toBe(true);
    const seed = lot.seed!;
    expect(Number.isInteger(seed)).toBe(true);
    lot.pick(["a", "b"]);
    expect(lot.seed).toBe(seed);
    expect(new Lot(17).seed).toBe(17);
  });

  it("refuses to draw from nothing", () => {
    expect(() => new Lot(1).index(0)).toThrow(RangeError);
  });
});

describe("parseSeed", () => {
  it.each([
    ["0", 0],
    ["42", 42],
    [" 7 ", 7],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
  ])("%j → %i", (text, seed) => {
    expect(parseSeed(text)).toBe(seed);
  });

  it("gives undefined without a seed", () => {
    expect(parseSeed(undefined)).toBeUndefined();
  });

  it.each(["-1", "1.5", "abc", "", "1e3", "9007199254740992", "0x10"])("refuses %j (exit 1)", (text) => {
    const error = cliErrorOf(() => parseSeed(text));
    expect(error.key).toBe("error.invalidSeed");
    expect(error.exitCode).toBe(1);
  });
});
