// Plain columns, as tables print in a pipe: aligned by what a terminal shows, not by string length.
import stringWidth from "fast-string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, plainColumns } from "../../src/core/output.js";

describe("plainColumns", () => {
  it("aligns columns two spaces apart and leaves no trailing spaces", () => {
    expect(plainColumns([["Name", "Kind"], ["St. Josef", "parish"], ["NUR", ""]])).toBe("Name       Kind\nSt. Josef  parish\nNUR");
  });

  it("counts wide characters and emoji as two columns, combining marks as none", () => {
    const text = plainColumns([["名前", "x"], ["Çağlar", "y"], ["e\u0301", "z"], ["🙂", "w"]]);
    expect(text.split("\n")).toEqual(["名前    x", "Çağlar  y", "e\u0301       z", "🙂      w"]);
  });

  it("pads short rows and copes with no rows", () => {
    expect(plainColumns([["a", "b", "c"], ["long value"]])).toBe("a           b  c\nlong value");
    expect(plainColumns([])).toBe("");
  });
});

describe("displayWidth", () => {
  it("agrees with fast-string-width on every Latin letter, dash, quote and currency sign, where it takes the length", () => {
    const codes = [...Array(0x300).keys(), ...Array.from({ length: 0x20d0 - 0x2000 }, (_, i) => 0x2000 + i)];
    for (const code of codes) {
      const char = String.fromCodePoint(code);
      expect(displayWidth(char), code.toString(16)).toBe(stringWidth(char));
      expect(displayWidth(`Müller ${char}ß`), code.toString(16)).toBe(stringWidth(`Müller ${char}ß`));
    }
  });

  it("agrees with it on names and symbols beyond Latin-1: wide, combining, emoji, escape sequences", () => {
    for (const text of ["Fatma Şahin", "名前", "e\u0301", "🙂 ok", "„Zitat“ – 12 €", "\u001b[1mfett\u001b[0m", "a\tb", "Ἀθῆναι", "Соня"])
      expect(displayWidth(text), text).toBe(stringWidth(text));
  });
});

/** What `print` writes to standard output. */
async function printed(print: () => void): Promise<string> {
  const { processIo, setIo } = await import("../../src/core/io.js");
  let text = "";
  const stream = { isTTY: false, write: (chunk: string | Uint8Array) => ((text += String(chunk)), true) };
  const previous = setIo(processIo({ stdout: stream as never }));
  try {
    print();
  } finally {
    setIo(previous);
  }
  return text;
}

describe("printJsonLines", () => {
  it("writes, element by element, exactly what printJson writes for the whole array", async () => {
    const { printJson, printJsonLines } = await import("../../src/core/output.js");
    const samples: unknown[][] = [[], [1], [{ a: 1, b: [1, 2, { c: "x\ny" }], d: null }, "zwei", { leer: {} }], Array.from({ length: 2500 }, (_, i) => ({ id: i, at: "2026-01-01", changes: { n: i } }))];
    for (const sample of samples) expect(await printed(() => printJsonLines(sample))).toBe(await printed(() => printJson(sample)));
  });
});

describe("printJsonWithList", () => {
  it("writes, element by element, exactly what printJson writes for the object with its list", async () => {
    const { printJson, printJsonWithList } = await import("../../src/core/output.js");
    const lists: unknown[][] = [[], [{ line: 2, name: "Gemeinde\n\"Süd\"", changes: { a: [null, "x"] } }], Array.from({ length: 2500 }, (_, i) => ({ line: i, action: "add" }))];
    for (const list of lists) {
      const fields = { dryRun: true, added: list.length, empty: {} };
      expect(await printed(() => printJsonWithList(fields, "lines", list))).toBe(await printed(() => printJson({ ...fields, lines: list })));
    }
  });
});
