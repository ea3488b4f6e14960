// The lean table and colour code of src/core/terminal.ts must print exactly what cli-table3 and chalk printed.
import { Chalk } from "chalk";
import Table from "cli-table3";
import { describe, expect, it } from "vitest";
import { displayWidth, renderTable, styles } from "../../src/core/terminal.js";

const ROW_SEPARATORS_OFF = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
const PLAIN = {
  top: "", "top-mid": "", "top-left": "", "top-right": "",
  bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  ",
};

/** What src/core/output.ts printed with cli-table3 before. */
function cliTable3(head: string[], rows: string[][], boxed: boolean): string {
  const table = new Table({
    head,
    style: boxed ? { head: [], border: [] } : { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    chars: boxed ? ROW_SEPARATORS_OFF : PLAIN,
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

const TEXTS = [
  "",
  "Kath. Pfarrei St. Josef",
  "Moscheeverein Al-Nur",
  "Ünïcödé ßtraße",
  "İstanbul Şahin Yılmaz",
  "日本語のテキスト",
  "한국어",
  "ｆｕｌｌｗｉｄｔｈ",
  "😀 emoji",
  "👩‍👩‍👧 family",
  "🇩🇪 flag",
  "e\u0301 combining",
  "Zeile mit\u00a0Leerzeichen",
  "x".repeat(40),
  "2026-12-03",
];

describe("displayWidth", () => {
  // The widths string-width 4 (cli-table3's) gives: wide East Asian characters and emoji 2, combining marks 0.
  it.each<[string, number]>([
    ["", 0],
    ["Kath. Pfarrei St. Josef", 23],
    ["Ünïcödé ßtraße", 14],
    ["İstanbul Şahin Yılmaz", 21],
    ["日本語のテキスト", 16],
    ["한국어", 6],
    ["ｆｕｌｌｗｉｄｔｈ", 18],
    ["😀 emoji", 8],
    ["👩‍👩‍👧 family", 9],
    ["🇩🇪 flag", 7],
    ["e\u0301 combining", 11],
    ["Zeile mit\u00a0Leerzeichen", 21],
  ])("%j is %i columns wide", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("ignores colour codes", () => {
    expect(displayWidth("\u001b[1mbold\u001b[22m")).toBe(4);
    expect(displayWidth(styles(true).bold.underline("Überschrift"))).toBe(11);
  });
});

describe("renderTable", () => {
  const head = ["id", "Name", "Kürzel", "Art"];
  const rows = TEXTS.map((text, i) => [String(i + 1), text, TEXTS[(i + 3) % TEXTS.length]!, i % 2 ? "parish" : ""]);

  it.each([false, true])("prints what cli-table3 printed (boxed: %s)", (boxed) => {
    expect(renderTable(head, rows, boxed)).toBe(cliTable3(head, rows, boxed));
  });

  it.each([false, true])("prints a table without rows as cli-table3 did (boxed: %s)", (boxed) => {
    expect(renderTable(["a", "b"], [], boxed)).toBe(cliTable3(["a", "b"], [], boxed));
  });

  it("pads styled headings by their visible width", () => {
    const c = styles(true);
    const styled = ["id", "Name"].map((h) => c.bold(h));
    expect(renderTable(styled, [["1", "Maria"]], true)).toBe(cliTable3(styled, [["1", "Maria"]], true));
  });
});

describe("styles", () => {
  const chalk = new Chalk({ level: 1 });

  it("writes the same escape codes as chalk at level 1", () => {
    const c = styles(true);
    expect(c.bold("x")).toBe(chalk.bold("x"));
    expect(c.bold.underline("Titel")).toBe(chalk.bold.underline("Titel"));
    expect(c.yellow("Warnung")).toBe(chalk.yellow("Warnung"));
    expect(c.green("gewählt")).toBe(chalk.green("gewählt"));
    expect(c.dim("leise")).toBe(chalk.dim("leise"));
  });

  it("leaves text alone without colour", () => {
    const c = styles(false);
    expect(c.bold.underline("Titel")).toBe("Titel");
    expect(c.yellow("Warnung")).toBe("Warnung");
  });
});
