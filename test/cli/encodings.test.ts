// Files from German Excel and online banking: Windows-1252, UTF-8 with and without BOM, UTF-16. Umlauts arrive
// exact, the encoding is said, and a file that would store U+FFFD or control characters is refused.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform, tempDir } from "../helpers.js";
import { fails, ok, okJson } from "./util.js";

/** Windows-1252 as the code page defines it: Latin-1 where they agree, and the few others these tests use. */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { "€": 0x80, "„": 0x84, "…": 0x85, "“": 0x93, "”": 0x94, "–": 0x96 };
  return Buffer.from(
    [...text].map((c) => {
      const code = extra[c] ?? c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    }),
  );
}

function file(name: string, bytes: Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

const GROUPS = "Name;Short;Kind;Notes\nJüdische Gemeinde Weißensee;JGW;synagogue;„Spende“ 50 € – Büro\nTürkischer Elternverein Neukölln;TEV;other;Öffnungszeiten: Mo–Fr\n";

type Group = { name: string; short: string; notes: string | null };

describe("reading a CSV file in the encoding it was saved in", () => {
  it("a Windows-1252 file (German Excel's default) imports with exact umlauts, and says how it was read", async () => {
    const db = await newPlatform(["--lang", "de"]);
    const csv = file("gruppen.csv", windows1252(GROUPS));
    const dry = await ok(["groups", "import", csv, "--dry-run"], { db });
    expect(dry.stdout).toContain("Gelesen als Windows-1252.");
    const report = await okJson(["groups", "import", csv], { db });
    expect(report).toMatchObject({ encoding: "windows-1252", added: 2 });
    const groups = await okJson<Group[]>(["groups", "list"], { db });
    expect(groups.map((g) => g.name).sort()).toEqual(["Jüdische Gemeinde Weißensee", "Türkischer Elternverein Neukölln"]);
    expect(groups.find((g) => g.short === "JGW")?.notes).toBe("„Spende“ 50 € – Büro");
  });

  it("the same file in UTF-8, with or without BOM, and in UTF-16 imports to the same groups: a second copy changes nothing", async () => {
    const db = await newPlatform(["--lang", "de"]);
    await ok(["groups", "import", file("a.csv", windows1252(GROUPS))], { db });
    const copies = [
      Buffer.from(GROUPS, "utf8"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GROUPS, "utf8")]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GROUPS.replace(/;/g, "\t"), "utf16le")]), // Excel's "Unicode text"
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GROUPS, "utf16le").swap16()]),
    ];
    const encodings = [];
    for (const [i, bytes] of copies.entries()) {
      const report = await okJson<{ encoding: string; added: number; changed: number; unchanged: number }>(["groups", "import", file(`copy-${i}.csv`, bytes)], { db });
      expect(report, `copy ${i}`).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
      encodings.push(report.encoding);
    }
    expect(encodings).toEqual(["utf-8", "utf-8", "utf-16le", "utf-16be"]);
    expect((await ok(["groups", "import", file("plain.csv", Buffer.from(GROUPS, "utf8"))], { db })).stdout).not.toContain("Gelesen als");
  });

  it("names typed in decomposed form (NFD) are stored composed (NFC)", async () => {
    const db = await newPlatform();
    await ok(["people", "import", file("p.csv", Buffer.from("name,email\nFatma S\u0327ahin,f@example.org\nJu\u0308rgen Mu\u0308ller,\n", "utf8"))], { db });
    const names = (await okJson<Array<{ name: string }>>(["people", "list"], { db })).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Fatma Şahin", "Jürgen Müller"]));
    expect(names.every((n) => n === n.normalize("NFC"))).toBe(true);
  });

  it("--encoding forces one: a Windows-1252 file read as UTF-8 is refused with line and column, nothing stored", async () => {
    const db = await newPlatform(["--lang", "de"]);
    const csv = file("gruppen.csv", windows1252(GROUPS));
    const result = await fails(["groups", "import", csv, "--encoding", "utf-8"], { db }, 1);
    expect(result.stderr).toMatch(/Zeile 2, Spalte 2: unzulässiges Zeichen U\+FFFD/);
    expect(result.stderr).toMatch(/--encoding/);
    const forced = await okJson(["groups", "import", csv, "--encoding", "cp1252", "--dry-run"], { db });
    expect(forced).toMatchObject({ encoding: "windows-1252", added: 2 });
    await fails(["groups", "import", csv, "--encoding", "ebcdic"], { db }, 1);
  });

  it("a UTF-8 file with one broken byte is refused at that byte, not read as Windows-1252", async () => {
    const db = await newPlatform();
    const bytes = Buffer.concat([Buffer.from("name,notes\nKita Sonnenschein,Grüße\nSV Blau-Wei", "utf8"), Buffer.from([0xdf]), Buffer.from(",x\n", "utf8")]);
    const before = fileHash(db);
    const result = await fails(["groups", "import", file("kaputt.csv", bytes)], { db }, 1);
    expect(result.stderr).toMatch(/line 3, column 12: invalid UTF-8/);
    expect(fileHash(db)).toBe(before);
  });

  it("control characters and Windows-1252's undefined bytes are refused with line and column", async () => {
    const db = await newPlatform();
    const undefinedByte = Buffer.concat([Buffer.from("name\nA\nB", "latin1"), Buffer.from([0x81]), Buffer.from("\n", "latin1")]);
    expect((await fails(["groups", "import", file("u.csv", undefinedByte)], { db }, 1)).stderr).toMatch(/line 3, column 2: character U\+0081 not allowed/);
    const nul = Buffer.from("name,notes\nA,ok\nB,bad\u0000value\n", "utf8");
    expect((await fails(["groups", "import", file("n.csv", nul)], { db }, 1)).stderr).toMatch(/line 3, column 6: character U\+0000 not allowed/);
    // deep in a long file, past the first part read
    const long = `name\n${Array.from({ length: 80_000 }, (_, i) => `Gruppe ${i}`).join("\n")}\nX\u0007Y\n`;
    expect((await fails(["groups", "import", file("l.csv", Buffer.from(long, "utf8"))], { db }, 1)).stderr).toMatch(/line 80002, column 2: character U\+0007/);
  });
});

describe("reading a BLT ballot file in the encoding it was saved in", () => {
  const BLT = '2 1\n1 1 2 0\n1 2 0\n1 1 0\n0\n"Jürgen Müller"\n"Ayşe Öztürk"\n"Wahl des S&F-Teams"\n';

  it("a Windows-1252 BLT counts with the candidates' names exact; UTF-8 with BOM too", async () => {
    const latin = file("wahl.blt", windows1252(BLT.replace("Ayşe", "Ayse")));
    const tally = (await okJson<{ rounds: unknown[]; elected: string[] }>(["elections", "tally", "--blt", latin])) as { elected: string[] };
    expect(JSON.stringify(tally)).toContain("Jürgen Müller");
    const bom = file("wahl-bom.blt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BLT, "utf8")]));
    expect(JSON.stringify(await okJson(["elections", "tally", "--blt", bom]))).toContain("Ayşe Öztürk");
  });

  it("a BLT with a broken byte is refused with line and column", async () => {
    const bytes = Buffer.concat([Buffer.from(BLT.slice(0, BLT.indexOf("Ayşe")), "utf8"), Buffer.from([0xfe]), Buffer.from('"\n"T"\n', "utf8")]);
    const result = await fails(["elections", "tally", "--blt", file("b.blt", bytes)], {}, 1);
    expect(result.stderr).toMatch(/line 7, column 2: invalid UTF-8/);
  });
});

describe("the words the tool prints are accepted as input", () => {
  it("on a German platform: Kirchengemeinde, Vertreter/in, Stiftung, eingereicht, bewilligt, Spenden, in any case", async () => {
    const db = await newPlatform(["--lang", "de"]);
    expect((await okJson<{ kind: string }>(["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "Kirchengemeinde"], { db })).kind).toBe("parish");
    await ok(["people", "add", "Maria Schmidt"], { db });
    await ok(["people", "link", "Maria Schmidt", "JOSEF", "--role", "vertreter/in"], { db });
    expect(JSON.stringify(await okJson(["people", "show", "Maria Schmidt"], { db }))).toContain('"role":"representative"');
    await ok(["fundraising", "funders", "add", "Stiftung Nord", "--kind", "Stiftung"], { db });
    await ok(["fundraising", "apply", "Stiftung Nord", "Projekt", "--amount", "1000"], { db });
    await ok(["fundraising", "stage", "1", "eingereicht"], { db });
    await ok(["fundraising", "stage", "1", "Bewilligt", "--awarded", "1000"], { db });
    await ok(["fundraising", "income", "add", "50", "--kind", "Spenden"], { db });
    expect((await okJson<Array<{ kind: string }>>(["fundraising", "income", "list"], { db })).map((i) => i.kind)).toEqual(["donation"]);
    // a word that is none of them still gets the list of codes
    expect((await fails(["groups", "add", "X", "--kind", "Kirche"], { db }, 1)).stderr).toMatch(/parish, mosque/);
  });
});
