import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutraliseCell, openCsv, readCsv, toCsv } from "../../src/core/csv.js";
import { loadMessages, translate } from "../../src/core/i18n.js";
import { GROUP_CSV_COLUMNS } from "../../src/groups/model.js";
import { cliErrorOf } from "./errorOf.js";

beforeAll(() => Promise.all([loadMessages("en"), loadMessages("de")]));

const dir = mkdtempSync(join(tmpdir(), "plattform-unit-csv-"));
let fileNo = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvFile(text: string): string {
  const path = join(dir, `file-${++fileNo}.csv`);
  writeFileSync(path, text, "utf8");
  return path;
}

const KNOWN = GROUP_CSV_COLUMNS;
const REQUIRED = ["name"] as const;

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+49 30 123", "'+49 30 123"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["=", "'="],
    ["'=x", "''=x"],
    ["''+1", "'''+1"],
  ])("%j → %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(["", "abc", "St. Marien", "a=b", "1+1", "x-y", "mail@example.org", "49", "'quoted'"])("leaves %j alone", (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });
});

describe("toCsv", () => {
  it("writes a header row and one row per record, in column order", () => {
    const out = toCsv(["name", "kind"], [
      { name: "St. Marien", kind: "parish", ignored: "x" },
      { kind: "school", name: "Grundschule" },
    ]);
    expect(out.split("\n")).toEqual(["name,kind", "St. Marien,parish", "Grundschule,school", ""]);
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["name", "kind"], [])).toBe("name,kind\n");
  });

  it("writes null and undefined as empty cells, numbers as text", () => {
    expect(toCsv(["a", "b", "c", "d"], [{ a: null, b: undefined, c: 0, d: 12 }])).toBe("a,b,c,d\n,,0,12\n");
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    const out = toCsv(["name", "phone", "notes"], [{ name: "=HYPERLINK(\"x\")", phone: "+49 30 1", notes: "@SUM(1)" }]);
    const lines = out.split("\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",'+49 30 1,'@SUM(1)`);
  });

  it("quotes commas, quotes and newlines", () => {
    const out = toCsv(["name", "notes"], [
      { name: "Kirche, Gemeinde", notes: 'sagte "ja"' },
      { name: "Zwei", notes: "erste Zeile\nzweite Zeile" },
    ]);
    expect(out).toBe('name,notes\n"Kirche, Gemeinde","sagte ""ja"""\nZwei,"erste Zeile\nzweite Zeile"\n');
  });

  it("what toCsv writes, readCsv reads back unchanged", () => {
    const rows = [
      { name: "=SUM(A1)", short: "-x", kind: "parish", joined: "2026-01-01", left: "", email: "@a", phone: "+49 30 1", notes: "a, \"b\"\nc" },
      { name: "Plain", short: "", kind: "school", joined: "2025-05-05", left: "", email: "", phone: "", notes: "" },
    ];
    const read = readCsv(csvFile(toCsv(GROUP_CSV_COLUMNS, rows)), KNOWN, REQUIRED);
    expect(read.map((r) => r.values)).toEqual(rows);
  });
});

describe("readCsv", () => {
  it("reads a comma-separated file, with the line of each row", () => {
    const rows = readCsv(csvFile("name,kind,joined\nSt. Marien,parish,2020-01-01\nGrundschule,school,2021-02-03\n"), KNOWN, REQUIRED);
    expect(rows).toEqual([
      { line: 2, values: { name: "St. Marien", kind: "parish", joined: "2020-01-01" } },
      { line: 3, values: { name: "Grundschule", kind: "school", joined: "2021-02-03" } },
    ]);
  });

  it("reads a semicolon-separated file (German spreadsheets), commas inside cells stay", () => {
    const rows = readCsv(csvFile("name;kind;notes\nKirche, Gemeinde;parish;a, b\n"), KNOWN, REQUIRED);
    expect(rows).toEqual([{ line: 2, values: { name: "Kirche, Gemeinde", kind: "parish", notes: "a, b" } }]);
  });

  it("ignores a byte order mark", () => {
    const rows = readCsv(csvFile("\uFEFFname;kind\nSt. Marien;parish\n"), KNOWN, REQUIRED);
    expect(Object.keys(rows[0]!.values)).toEqual(["name", "kind"]);
    expect(rows[0]!.values.name).toBe("St. Marien");
  });

  it("matches column names case-insensitively and trims them and the cells", () => {
    const rows = readCsv(csvFile(" Name , KIND \n  St. Marien  , parish \n"), KNOWN, REQUIRED);
    expect(rows).toEqual([{ line: 2, values: { name: "St. Marien", kind: "parish" } }]);
  });

  it("reads CRLF line endings", () => {
    const rows = readCsv(csvFile("name,kind\r\nA,parish\r\nB,school\r\n"), KNOWN, REQUIRED);
    expect(rows.map((r) => [r.line, r.values.name, r.values.kind])).toEqual([
      [2, "A", "parish"],
      [3, "B", "school"],
    ]);
  });

  it("skips empty lines but keeps counting them", () => {
    const rows = readCsv(csvFile("name\nA\n\nB\n"), KNOWN, REQUIRED);
    expect(rows.map((r) => [r.line, r.values.name])).toEqual([
      [2, "A"],
      [4, "B"],
    ]);
  });

  it("counts the lines of a quoted multi-line cell for the rows after it", () => {
    const rows = readCsv(csvFile('name,notes\nA,"first\nsecond\nthird"\nB,x\nC,y\n'), KNOWN, REQUIRED);
    expect(rows.map((r) => r.values.name)).toEqual(["A", "B", "C"]);
    expect(rows[0]!.values.notes).toBe("first\nsecond\nthird");
    expect(rows[1]!.line).toBe(5);
    expect(rows[2]!.line).toBe(6);
  });

  it("reports the line on which a multi-line row starts", () => {
    const rows = readCsv(csvFile('name,notes\nA,"first\nsecond\nthird"\nB,x\n'), KNOWN, REQUIRED);
    expect(rows[0]!.line).toBe(2);
  });

  it("un-neutralises cells on the way in", () => {
    const rows = readCsv(csvFile("name,notes,phone,email\n'=SUM(A1),'-5,'+49 30 1,'@x\n"), KNOWN, REQUIRED);
    expect(rows[0]!.values).toEqual({ name: "=SUM(A1)", notes: "-5", phone: "+49 30 1", email: "@x" });
  });

  it("keeps an apostrophe that does not protect a formula", () => {
    const rows = readCsv(csvFile("name,notes\nO'Brien,'plain\n"), KNOWN, REQUIRED);
    expect(rows[0]!.values).toEqual({ name: "O'Brien", notes: "'plain" });
  });

  it("rejects an unknown column, naming it and the known ones", () => {
    const error = cliErrorOf(() => readCsv(csvFile("name,colour\nA,red\n"), KNOWN, REQUIRED));
    expect(error.key).toBe("error.csvUnknownColumn");
    expect(error.params).toEqual({ column: "colour", known: KNOWN.join(", ") });
  });

  it("rejects a file without a required column", () => {
    const error = cliErrorOf(() => readCsv(csvFile("kind,joined\nparish,2020-01-01\n"), KNOWN, REQUIRED));
    expect(error.key).toBe("error.csvMissingColumn");
    expect(error.params).toEqual({ column: "name" });
  });

  it("returns no rows for an empty file", () => {
    expect(readCsv(csvFile(""), KNOWN, REQUIRED)).toEqual([]);
  });

  it("reports a row with the wrong number of cells as a syntax error", () => {
    const error = cliErrorOf(() => readCsv(csvFile("name,kind\nA,parish,extra\n"), KNOWN, REQUIRED));
    expect(error.key).toBe("error.csvSyntax");
    expect(error.params.line).toBe(2);
  });

  it("says what is wrong with a line in its own words, in both languages, not csv-parse's English", () => {
    const wrongCount = cliErrorOf(() => readCsv(csvFile("name,kind\nA,parish,extra\n"), KNOWN, REQUIRED));
    expect(translate("en", wrongCount.key, wrongCount.params)).toMatch(/, line 2: 3 cells, but the header row has 2$/);
    expect(translate("de", wrongCount.key, wrongCount.params)).toMatch(/, Zeile 2: 3 Felder, aber die Kopfzeile hat 2$/);
    const unclosed = cliErrorOf(() => readCsv(csvFile('name,kind\n"A,parish\n'), KNOWN, REQUIRED));
    expect(translate("de", unclosed.key, unclosed.params)).toMatch(/ein Feld in Anführungszeichen wird nicht geschlossen$/);
    expect(translate("en", unclosed.key, unclosed.params)).not.toMatch(/Quote Not Closed/i);
  });

  it("reports an unclosed quote as a syntax error", () => {
    expect(cliErrorOf(() => readCsv(csvFile('name,kind\n"A,parish\n'), KNOWN, REQUIRED)).key).toBe("error.csvSyntax");
  });

  it("reports a missing file as error.cannotRead", () => {
    const path = join(dir, "does-not-exist.csv");
    const error = cliErrorOf(() => readCsv(path, KNOWN, REQUIRED));
    expect(error.key).toBe("error.cannotRead");
    expect(error.params).toEqual({ path });
    expect(error.hintKey).toBe("error.cannotRead.hint");
  });
});

describe("openCsv on files larger than what it reads at a time (1 MB)", () => {
  /** A 4 MB file whose rows and starting lines are known: multi-line quoted cells, doubled quotes, umlauts, emoji. */
  function largeFile(lineBreak: string): { path: string; expected: Array<{ line: number; values: Record<string, string> }> } {
    const parts = [`name;notes${lineBreak}`];
    const expected: Array<{ line: number; values: Record<string, string> }> = [];
    let line = 2;
    for (let i = 0; expected.length < 40_000; i++) {
      if (i % 997 === 0) {
        parts.push(lineBreak); // a blank line: skipped, but counted
        line++;
        continue;
      }
      const name = `Gemeinde ${i} Şahin-Müller 🙂${"ß".repeat(i % 13)}`;
      const multiLine = i % 5 === 0;
      const notes = multiLine ? `erste Zeile${lineBreak}zweite "Zeile"; mit Semikolon${lineBreak}dritte` : `Notiz ${i}`;
      const cell = multiLine ? `"${notes.replace(/"/g, '""')}"` : notes;
      parts.push(`${name};${cell}${lineBreak}`);
      expected.push({ line, values: { name, notes: notes.replace(/\r\n?/g, "\n") } });
      line += multiLine ? 3 : 1;
    }
    const path = csvFile(parts.join(""));
    return { path, expected };
  }

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("reads every row with its starting line, whatever falls on a part's edge (%s)", (_name, lineBreak) => {
    const { path, expected } = largeFile(lineBreak);
    const source = openCsv(path, KNOWN, REQUIRED);
    expect(source.header).toEqual(["name", "notes"]);
    expect([...source.rows]).toEqual(expected);
  });

  it("reports a syntax error far into the file with its line, when the rows reach it", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Gruppe ${i},Notiz ${"x".repeat(i % 40)}`);
    rows[50_000] = "Gruppe kaputt,Notiz,zu viel";
    const source = openCsv(csvFile(`name,notes\n${rows.join("\n")}\n`), KNOWN, REQUIRED);
    const error = cliErrorOf(() => [...source.rows]);
    expect(error.key).toBe("error.csvSyntax");
    expect(error.params.line).toBe(50_002);
    const unclosed = openCsv(csvFile(`name,notes\n${rows.slice(0, 40_000).join("\n")}\n"Gruppe offen,x\nGruppe 2,y\n`), KNOWN, REQUIRED);
    const unclosedError = cliErrorOf(() => [...unclosed.rows]);
    expect(unclosedError.key).toBe("error.csvSyntax");
    expect(translate("en", unclosedError.key, unclosedError.params)).toMatch(/quoted cell is not closed|not closed/);
  });

  it("checks the header before any row is read", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Gruppe ${i},rot`).join("\n");
    expect(cliErrorOf(() => openCsv(csvFile(`name,farbe\n${rows}\n`), KNOWN, REQUIRED)).key).toBe("error.csvUnknownColumn");
  });
});
