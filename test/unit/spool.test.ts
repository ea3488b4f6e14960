// The spool behind a large import's report: what goes in comes out, in order, as often as it is read.
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { Spool } from "../../src/core/spool.js";

describe("Spool", () => {
  it("gives back every item in order, held ones and spilled ones, twice", () => {
    const spool = new Spool<{ line: number; name: string; changes?: Record<string, [unknown, unknown]> }>(3);
    const items = Array.from({ length: 2600 }, (_, i) => ({
      line: i + 2,
      // long, multi-byte names: the 1 MB read buffer ends inside a character somewhere
      name: `Gemeinde Şişli-Müller ${"ä€🙂".repeat(i % 400)} ${i}`,
      ...(i % 7 === 0 ? { changes: { email: [null, `p${i}@example.org`] as [unknown, unknown] } } : {}),
    }));
    for (const item of items) spool.push(item);
    try {
      expect([...spool]).toEqual(items);
      expect([...spool]).toEqual(items);
      spool.push({ line: 1, name: "danach" });
      expect([...spool].at(-1)).toEqual({ line: 1, name: "danach" });
    } finally {
      spool.close();
    }
  });

  it("keeps a short list in memory and leaves no file in the temporary folder", () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith(`plattform-${process.pid}-`));
    const spool = new Spool<number>(10);
    for (let i = 0; i < 5000; i++) spool.push(i);
    expect([...spool].length).toBe(5000);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`plattform-${process.pid}-`))).toEqual(before);
    spool.close();
  });
});
