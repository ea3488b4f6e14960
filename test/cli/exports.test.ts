// Spreadsheet exports (issue 16): CSV in the platform's language (German: `;`, decimal commas, 03.12.2026, a
// byte-order mark, German headers and words; English: `,`, points, ISO dates, the column names and codes, no
// mark), xlsx with number and date cells read back by exceljs, --json on every export, and the round trip of
// both languages' files through the import into a fresh platform.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { copyOf, fails, ok, okJson, withoutIds, type RunOptions } from "./util.js";

const TODAY = "2026-06-30";
const at = (db: string): RunOptions => ({ db, env: { PLATTFORM_TODAY: TODAY } });
const BOM = [0xef, 0xbb, 0xbf];

let template: string;
beforeAll(async () => {
  template = join(tempDir(), "template.db");
  await ok(["init", "--name", "Testplattform", "--lang", "de"], at(template));
  for (const args of [
      ["groups", "add", "Kath. Pfarrei St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2019-03-01", "--phone", "+49 30 1234567"],
      ["groups", "add", "Mieterinitiative Süd", "--short", "MIS", "--kind", "tenants", "--joined", "2018-01-01", "--notes", 'Treffen "im Hof"; dienstags\nzweite Zeile'],
      ["groups", "add", "=SUM(A1)", "--kind", "other", "--joined", "2021-01-01"],
      ["groups", "leave", "MIS", "--date", "2023-06-30"],
      ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2024-02-01", "--email", "maria@example.org"],
      ["people", "add", "Paul Zimmermann", "--group", "JOSEF", "--role", "key-person", "--since", "2025-01-01"],
      ["people", "add", "Ohne Gruppe", "--notes", "-ein Hinweis"],
      ["funds", "funders", "add", "Stiftung Nord", "--kind", "foundation"],
      ["funds", "apply", "Stiftung Nord", "Organizer 2027", "--amount", "40.000,50", "--probability", "60", "--deadline", "2026-09-30", "--restricted", "--purpose", "Organizer-Stelle"],
      ["funds", "income", "add", "1.240,50", "--date", "2026-02-01", "--kind", "donation", "--from", "JOSEF", "--note", "=HYPERLINK(\"x\")"],
      ["funds", "income", "add", "0,99", "--date", "2026-03-15", "--kind", "other"],
      ["funds", "dues", "set", "2026", "JOSEF", "480"],
      ["funds", "income", "add", "240,25", "--kind", "dues", "--from", "JOSEF", "--date", "2026-04-01"],
      ["tasks", "add", "Saal reservieren", "--owner", "Maria Schmidt", "--due", "2026-07-10"],
      ["tasks", "add", "Flyer drucken", "--owner", "JOSEF"],
      ["tasks", "done", "2", "--date", "2026-06-01"],
  ])
    await ok(args, at(template));
}, 120_000); // seventeen commands, each a process of its own (on a server each also connects): as fundraising.test.ts
const platform = () => copyOf(template);

async function fresh(lang: "de" | "en"): Promise<string> {
  const db = join(tempDir(), "frisch.db");
  await ok(["init", "--name", "Frisch", "--lang", lang], at(db));
  return db;
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

/** Runs an export with --format xlsx into a new file and reads its worksheet back with exceljs. */
async function xlsxExport(args: string[], db: string): Promise<ExcelJS.Worksheet> {
  const out = join(tempDir(), "export.xlsx");
  await ok([...args, "--format", "xlsx", "--out", out], at(db));
  return sheetOf(out);
}

const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe("CSV in the platform's language", () => {
  it("German: byte-order mark, `;`, German headers, words and dates", async () => {
    const db = platform();
    const out = join(tempDir(), "gruppen.csv");
    await ok(["groups", "export", "--out", out], at(db));
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const text = bytes.toString("utf8").slice(1);
    expect(text.split("\n")[0]).toBe("Name;Kürzel;Art;Beigetreten;Ausgetreten;E-Mail;Telefon;Notizen");
    expect(text).toContain("Kath. Pfarrei St. Josef;JOSEF;Kirchengemeinde;01.03.2019;;;'+49 30 1234567;");
    expect(text).toContain("Mieterinitiative Süd;MIS;Mieterinitiative;01.01.2018;30.06.2023;");
    expect(text).toContain("'=SUM(A1);;Sonstige;");
    const people = (await ok(["people", "export"], at(db))).stdout;
    expect(people.split("\n")[0]).toBe("\uFEFFName;E-Mail;Telefon;Gruppe;Rolle;Seit;Notizen");
    expect(people).toContain("Maria Schmidt;maria@example.org;;Kath. Pfarrei St. Josef;Vertreter/in;01.02.2024;");
    expect(people).toContain("Paul Zimmermann;;;Kath. Pfarrei St. Josef;Schlüsselperson;01.01.2025;");
    expect(people).toContain("Ohne Gruppe;;;;;;'-ein Hinweis");
  });

  it("English: no mark, `,`, the column names, codes and ISO dates", async () => {
    const db = platform();
    const groups = (await ok(["groups", "export", "--lang", "en"], at(db))).stdout;
    expect(groups.charCodeAt(0)).not.toBe(0xfeff);
    expect(groups.split("\n")[0]).toBe("name,short,kind,joined,left,email,phone,notes");
    expect(groups).toContain("Kath. Pfarrei St. Josef,JOSEF,parish,2019-03-01,,,'+49 30 1234567,");
    const people = (await ok(["people", "export", "--lang", "en"], at(db))).stdout;
    expect(people.split("\n")[0]).toBe("name,email,phone,group,role,since,notes");
    expect(people).toContain("Paul Zimmermann,,,Kath. Pfarrei St. Josef,key-person,2025-01-01,");
  });

  it("amounts: 1240,50 in German, 1240.50 in English; formulas neutralised", async () => {
    const db = platform();
    const de = (await ok(["funds", "income", "export"], at(db))).stdout;
    expect(de).toContain("\n1;01.02.2026;1240,50;Spenden;Kath. Pfarrei St. Josef;Mitgliedsgruppe;;;;\"'=HYPERLINK(\"\"x\"\")\"\n");
    expect(de).toContain("\n2;15.03.2026;0,99;Sonstiges;");
    const en = (await ok(["funds", "income", "export", "--lang", "en"], at(db))).stdout;
    expect(en.split("\n")[0]).toBe("id,date,amount,kind,source,source_kind,fund,application,dues_year,note");
    expect(en).toContain("\n1,2026-02-01,1240.50,donation,Kath. Pfarrei St. Josef,group,,,,");
    const apps = (await ok(["funds", "applications", "export"], at(db))).stdout;
    expect(apps.split("\n")[0]).toBe("\uFEFFNr.;Geldgeber;Titel;Betrag;Aussicht;Frist;Entscheidung erwartet;Phase;Seit;Bewilligt;Zweckgebunden;Zweck;Erhalten");
    expect(apps).toContain("1;Stiftung Nord;Organizer 2027;40000,50;60;30.09.2026;;Idee;30.06.2026;;ja;Organizer-Stelle;0,00");
  });

  it("--delimiter and --bom/--no-bom override the language's defaults", async () => {
    const db = platform();
    const tab = (await ok(["groups", "export", "--delimiter", "tab", "--no-bom"], at(db))).stdout;
    expect(tab.split("\n")[0]).toBe("Name\tKürzel\tArt\tBeigetreten\tAusgetreten\tE-Mail\tTelefon\tNotizen");
    const comma = (await ok(["groups", "export", "--lang", "en", "--delimiter", ";", "--bom"], at(db))).stdout;
    expect(comma.split("\n")[0]).toBe("\uFEFFname;short;kind;joined;left;email;phone;notes");
    await fails(["groups", "export", "--delimiter", "|"], at(db), 2);
  });

  it("a tab-separated export imports back unchanged too", async () => {
    const source = platform();
    const csv = join(tempDir(), "gruppen.tsv");
    await ok(["groups", "export", "--delimiter", "tab", "--out", csv], at(source));
    const target = await fresh("de");
    expect(await okJson(["groups", "import", csv], at(target))).toMatchObject({ added: 3, changed: 0 });
    expect(withoutIds(await okJson(["groups", "list", "--all"], at(target)))).toEqual(withoutIds(await okJson(["groups", "list", "--all"], at(source))));
  });

  it.each(["de", "en"] as const)("a %s export imports into a fresh platform of the other language unchanged, and again changes nothing", async (lang) => {
    const source = platform();
    const groupsCsv = join(tempDir(), "gruppen.csv");
    const peopleCsv = join(tempDir(), "personen.csv");
    await ok(["groups", "export", "--lang", lang, "--out", groupsCsv], at(source));
    await ok(["people", "export", "--lang", lang, "--out", peopleCsv], at(source));
    const target = await fresh(lang === "de" ? "en" : "de");
    expect(await okJson(["groups", "import", groupsCsv], at(target))).toMatchObject({ added: 3, changed: 0 });
    expect(await okJson(["people", "import", peopleCsv], at(target))).toMatchObject({ added: 3, changed: 0 });
    expect(withoutIds(await okJson(["groups", "list", "--all"], at(target)))).toEqual(withoutIds(await okJson(["groups", "list", "--all"], at(source))));
    expect(withoutIds(await okJson(["people", "list"], at(target)))).toEqual(withoutIds(await okJson(["people", "list"], at(source))));
    expect(await okJson(["groups", "import", groupsCsv], at(target))).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(await okJson(["people", "import", peopleCsv], at(target))).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
  });

  it("an import takes German headers in any case and German words as values", async () => {
    const db = await fresh("en");
    const csv = join(tempDir(), "handgemacht.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(csv, "NAME;kürzel;ART;beigetreten\nMoscheeverein Al-Nur;NUR;moscheeverein;1.2.2020\n");
    await ok(["groups", "import", csv], at(db));
    expect(await okJson(["groups", "show", "NUR"], at(db))).toMatchObject({ kind: "mosque", joined: "2020-02-01" });
  });
});

describe("tasks export and dues export", () => {
  it("tasks: German words and dates, English codes and ISO dates, the filters of tasks list", async () => {
    const db = platform();
    const de = (await ok(["tasks", "export"], at(db))).stdout;
    expect(de.split("\n")[0]).toBe("\uFEFFNr.;Aufgabe;Verantwortlich;Person oder Gruppe;Fällig;Sitzung;TOP;Stand;Erledigt am");
    expect(de).toContain("\n1;Saal reservieren;Maria Schmidt;Person;10.07.2026;;;offen;\n");
    expect(de).toContain("\n2;Flyer drucken;Kath. Pfarrei St. Josef;Gruppe;;;;erledigt;01.06.2026\n");
    const en = (await ok(["tasks", "export", "--open", "--lang", "en"], at(db))).stdout;
    expect(en).toBe("id,title,owner,owner_kind,due,meeting,item,status,done\n1,Saal reservieren,Maria Schmidt,person,2026-07-10,,,open,\n");
    expect(await okJson(["tasks", "export", "--open"], at(db))).toEqual(await okJson(["tasks", "list", "--open"], at(db)));
    await fails(["tasks", "export", "--open", "--overdue"], at(db), 2);
  });

  it("dues: amounts with decimal commas in German; xlsx number cells; --json is dues status --json", async () => {
    const db = platform();
    const de = (await ok(["funds", "dues", "export", "--year", "2026"], at(db))).stdout;
    expect(de).toBe("\uFEFFJahr;Gruppe;Festgesetzt;Gezahlt;Offen\n2026;Kath. Pfarrei St. Josef;480,00;240,25;239,75\n");
    const row = (await xlsxExport(["funds", "dues", "export", "--year", "2026"], db)).getRow(2);
    expect([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([2026, 480, 240.25, 239.75]);
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(await okJson(["funds", "dues", "export", "--year", "2026"], at(db))).toEqual(await okJson(["funds", "dues", "status", "--year", "2026"], at(db)));
  });

  it("tasks: xlsx with due and done as date cells", async () => {
    const db = platform();
    const sheet = await xlsxExport(["tasks", "export"], db);
    expect(sheet.name).toBe("Aufgaben");
    expect(sheet.getRow(2).getCell(5).value).toEqual(new Date(Date.UTC(2026, 6, 10)));
    expect(sheet.getRow(3).getCell(9).value).toEqual(new Date(Date.UTC(2026, 5, 1)));
    expect(sheet.getRow(3).getCell(8).value).toBe("erledigt");
  });
});

describe("--json on every export", () => {
  it.each([
    [["groups", "export"]],
    [["people", "export"]],
    [["funds", "income", "export"]],
    [["funds", "applications", "export"]],
    [["funds", "dues", "export"]],
    [["tasks", "export"]],
  ])("%j --json prints JSON", async (args) => {
    const db = platform();
    const result = await ok([...args, "--json"], at(db));
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it("groups export --json is list --all --json; --json with another --format is a usage error", async () => {
    const db = platform();
    expect(JSON.parse((await ok(["groups", "export", "--json"], at(db))).stdout)).toEqual(await okJson(["groups", "list", "--all"], at(db)));
    await fails(["groups", "export", "--json", "--format", "csv"], at(db), 2);
  });
});

describe("xlsx", () => {
  it("groups: German headers and words, joining dates as date cells", async () => {
    const db = platform();
    const sheet = await xlsxExport(["groups", "export"], db);
    expect(sheet.name).toBe("Gruppen");
    expect(header(sheet)).toEqual(["Name", "Kürzel", "Art", "Beigetreten", "Ausgetreten", "E-Mail", "Telefon", "Notizen"]);
    const row = sheet.getRow(4);
    expect(row.getCell(1).value).toBe("Mieterinitiative Süd");
    expect(row.getCell(3).value).toBe("Mieterinitiative");
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2018, 0, 1)));
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2023, 5, 30)));
    expect(row.getCell(8).value).toBe('Treffen "im Hof"; dienstags\nzweite Zeile');
    // a formula-like name is a text cell with its exact value: a spreadsheet never runs it
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(1).value).toBe("=SUM(A1)");
    expect(sheet.rowCount).toBe(4);
  });

  it("people: roles in the language, since as a date cell", async () => {
    const db = platform();
    const sheet = await xlsxExport(["people", "export", "--lang", "en"], db);
    expect(header(sheet)).toEqual(["name", "email", "phone", "group", "role", "since", "notes"]);
    const maria = sheet.getRow(2);
    expect(maria.getCell(1).value).toBe("Maria Schmidt");
    expect(maria.getCell(5).value).toBe("representative");
    expect(maria.getCell(6).value).toEqual(new Date(Date.UTC(2024, 1, 1)));
  });

  it("income and applications: amounts are number cells in euros with two decimals and €, dates date cells", async () => {
    const db = platform();
    const sheet = await xlsxExport(["funds", "income", "export"], db);
    expect(header(sheet)).toEqual(["Nr.", "Datum", "Betrag", "Art", "Herkunft", "Art der Herkunft", "Mittel", "Antrag", "Beitragsjahr", "Notiz"]);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 1, 1)));
    expect(first.getCell(2).numFmt).toBe("dd.mm.yyyy");
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(3).value).toBe(1240.5);
    expect(first.getCell(3).numFmt).toMatch(/0\.00.*€/);
    expect(first.getCell(4).value).toBe("Spenden");
    expect(first.getCell(10).value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(3).getCell(3).value).toBe(0.99);
    const row = (await xlsxExport(["funds", "applications", "export"], db)).getRow(2);
    expect(row.getCell(4).value).toBe(40000.5);
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(row.getCell(13).value).toBe(0);
  });
});
