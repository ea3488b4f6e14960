// `people list --format emails` (an RFC 5322 address-list for a mail program) and `people export --format vcf`
// (vCard 4.0, RFC 6350), checked against the RFCs' rules by the small parsers below.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { foldLine, vcard, vcardText } from "../../src/people/addresses.js";
import { buildTemplate, copyOf, fails, ok, type RunOptions } from "./util.js";

const PEOPLE = [
  // name, group, role, email, phone
  ['Anna "Nanni" Müller, Dr.', "JOSEF", "representative", "anna@example.org", "030 1234567"],
  ["Jörg Weiß; Back\\slash", "NUR", "representative", "joerg.weiss@example.de", null],
  ["Łukasz Nowak", "NUR", "key-person", "lukasz@example.pl", null],
  ["Ohne Mail", "KITA", "representative", null, "0151 2345678"],
  ["Ümran Öztürk-Ağaoğlu von und zu Hohenlohe-Schillingsfürst-Waldenburg", "KITA", "representative", "uemran@example.com", null],
] as const;

let template: string;
beforeAll(async () => {
  const commands: string[][] = [
    ["groups", "add", "St. Josef, Köpenick", "--short", "JOSEF"],
    ["groups", "add", "Moscheeverein Al-Nur; e.V.", "--short", "NUR"],
    ["groups", "add", "Kita \\Sonnenschein\\", "--short", "KITA"],
  ];
  for (const [name, group, role, email, phone] of PEOPLE)
    commands.push(["people", "add", name, "--group", group, "--role", role, ...(email ? ["--email", email] : []), ...(phone ? ["--phone", phone] : [])]);
  commands.push(["people", "link", "Anna \"Nanni\" Müller, Dr.", "NUR", "--role", "member"]);
  template = await buildTemplate(commands, ["--name", "Testplattform", "--lang", "de"]);
}, 60_000);

function platform(): RunOptions {
  return { db: copyOf(template) };
}

/** RFC 5322 §3.4 address-list, the subset a mail program writes: name-addr (quoted or atom display name) or angle-addr. */
function parseAddressList(text: string): Array<{ name: string | null; address: string }> {
  const result: Array<{ name: string | null; address: string }> = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /[ \t]/.test(text[i]!)) i++;
  };
  while (true) {
    ws();
    let name: string | null = null;
    if (text[i] === '"') {
      i++;
      name = "";
      while (text[i] !== '"') {
        if (i >= text.length) throw new Error("unterminated quoted-string");
        if (text[i] === "\\") i++; // quoted-pair
        else if (/[\r\n]/.test(text[i]!)) throw new Error("line break in a quoted-string");
        name += text[i++];
      }
      i++;
      ws();
    }
    if (text[i] !== "<") throw new Error(`expected < at ${i}: ${text.slice(i, i + 20)}`);
    const end = text.indexOf(">", i);
    const address = text.slice(i + 1, end);
    expect(address).toMatch(/^[^\s@<>",;()\\[\]]+@[^\s@<>",;()\\[\]]+$/);
    result.push({ name, address });
    i = end + 1;
    ws();
    if (i >= text.length) return result;
    if (text[i] !== ",") throw new Error(`expected , at ${i}`);
    i++;
  }
}

/** RFC 6350: unfolds, splits into content lines, and each value into components (unescaped `;`) and back to text. */
function parseVcards(text: string): Array<Record<string, string[][]>> {
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF only
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l !== "");
  const cards: Array<Record<string, string[][]>> = [];
  let card: Record<string, string[][]> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN") card = {};
    else if (name === "END") cards.push(card!), (card = null);
    else {
      const components: string[] = [""];
      for (let k = 0; k < value.length; k++) {
        const ch = value[k]!;
        if (ch === "\\") {
          const next = value[++k]!;
          components[components.length - 1] += next === "n" || next === "N" ? "\n" : next;
        } else if (ch === ";") components.push("");
        else {
          expect(ch, `unescaped , in ${line}`).not.toBe(",");
          components[components.length - 1] += ch;
        }
      }
      (card![name] ??= []).push(components);
    }
  }
  expect(card).toBeNull();
  return cards;
}

describe("people list --format emails", () => {
  it("prints the representatives as one RFC 5322 address-list, display names quoted and escaped, in UTF-8", async () => {
    const result = await ok(["people", "list", "--role", "representative", "--format", "emails"], platform());
    expect(result.stdout.endsWith("\n")).toBe(true);
    expect(result.stdout.trimEnd()).not.toContain("\n");
    const list = parseAddressList(result.stdout.trimEnd());
    expect(list).toEqual([
      { name: 'Anna "Nanni" Müller, Dr.', address: "anna@example.org" },
      { name: "Jörg Weiß; Back\\slash", address: "joerg.weiss@example.de" },
      { name: PEOPLE[4][0], address: "uemran@example.com" },
    ]);
    expect(result.stdout).toContain('"Anna \\"Nanni\\" Müller, Dr." <anna@example.org>, ');
    // who has no address is named on stderr, not left out silently
    expect(result.stderr).toBe("ohne E-Mail-Adresse, nicht in der Liste (1): Ohne Mail\n");
  });

  it("filters by group; in English; --json with --format emails is a usage error", async () => {
    const options = platform();
    const result = await ok(["people", "list", "--group", "NUR", "--format", "emails", "--lang", "en"], options);
    expect(parseAddressList(result.stdout.trimEnd()).map((m) => m.name)).toEqual(['Anna "Nanni" Müller, Dr.', "Jörg Weiß; Back\\slash", "Łukasz Nowak"]);
    expect(result.stderr).toBe("");
    const none = await ok(["people", "list", "--group", "KITA", "--role", "key-person", "--format", "emails", "--lang", "en"], options);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("No e-mail addresses found.\n");
    await fails(["people", "list", "--format", "emails", "--json"], options, 2);
    await fails(["people", "list", "--format", "csv"], options, 2);
  });
});

describe("people export --format vcf", () => {
  it("writes one vCard 4.0 per person: FN, N, EMAIL, TEL, ORG per group, escaped per RFC 6350 and folded at 75 octets", async () => {
    const out = join(tempDir(), "people.vcf");
    const result = await ok(["people", "export", "--format", "vcf", "--out", out], platform());
    expect(result.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n")).toBe(true);
    const cards = parseVcards(text);
    expect(cards).toHaveLength(PEOPLE.length);
    const byName = new Map(cards.map((c) => [c.FN![0]![0]!, c]));
    expect([...byName.keys()].sort()).toEqual(PEOPLE.map((p) => p[0]).sort());
    for (const [name, , , email, phone] of PEOPLE) {
      const card = byName.get(name)!;
      expect(card.VERSION).toEqual([["4.0"]]);
      expect(card.EMAIL).toEqual(email ? [[email]] : undefined);
      expect(card.TEL).toEqual(phone ? [[phone]] : undefined);
      expect(card.N![0]).toHaveLength(5);
    }
    const anna = byName.get('Anna "Nanni" Müller, Dr.')!;
    expect(anna.N).toEqual([["Müller", 'Anna "Nanni"', "", "", "Dr."]]);
    expect(anna.ORG!.map((o) => o.join(";")).sort()).toEqual(["Moscheeverein Al-Nur; e.V.", "St. Josef, Köpenick"]);
    expect(anna.ORG!.every((o) => o.length === 1)).toBe(true); // the ";" in a group's name is escaped, not a unit
    expect(byName.get("Jörg Weiß; Back\\slash")!.ORG).toEqual([["Moscheeverein Al-Nur; e.V."]]);
    expect(byName.get("Ohne Mail")!.ORG).toEqual([["Kita \\Sonnenschein\\"]]);
    // the long name was folded, and unfolds to the name
    expect(text).toMatch(/\r\n /);
  });

  it("to stdout; --json with vcf is a usage error", async () => {
    const options = platform();
    expect((await ok(["people", "export", "--format", "vcf"], options)).stdout).toMatch(/^BEGIN:VCARD\r\n/);
    await fails(["people", "export", "--format", "vcf", "--json"], options, 2);
  });

  it("escapes line breaks, commas, semicolons and backslashes, and never folds inside a UTF-8 character", () => {
    expect(vcardText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const folded = foldLine(`NOTE:${"ü".repeat(80)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`NOTE:${"ü".repeat(80)}`);
    const card = parseVcards(vcard({ name: "Eva Braun", email: null, phone: null, groups: [{ group: "Zeile 1\nZeile 2", role: "member", since: "2026-01-01", until: null }] }));
    expect(card[0]!.ORG).toEqual([["Zeile 1\nZeile 2"]]);
  });
});
