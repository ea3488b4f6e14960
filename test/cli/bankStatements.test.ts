// Account statements as German banks export them (layouts checked against published samples of each bank's
// export): each profile is recognised by its header, also below a block of account details; the same statement
// in two encodings and in CSV and CAMT.053 imports once; bookings are classified by IBAN and rules.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fileHash, newPlatform, tempDir } from "../helpers.js";
import { buildTemplate, copyOf, fails, ok, okJson, query } from "./util.js";

/** ISO 13616 check digits, so that the tests' IBANs are real-shaped (DE89 3704 0044 0532 0130 00 is the textbook one). */
function iban(bankCode: string, account: string): string {
  const bban = `${bankCode}${account.padStart(10, "0")}`;
  const digits = `${bban}1314 00`.replace(/\s/g, ""); // D = 13, E = 14, then 00
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return `DE${String(98 - rest).padStart(2, "0")}${bban}`;
}

/** Windows-1252 as the code page defines it: Latin-1 where they agree, and the euro sign. */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c === "€" ? 0x80 : c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    }),
  );
}

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

const JG = iban("10020500", "3312345"); // the Jüdische Gemeinde's account
const STIFTUNG = iban("37040044", "532013000");
const DONOR = iban("12030000", "202051");
const OWN = iban("10050000", "1234567890");

type Income = { kind: string; amount: number; date: string; duesYear: number | null; source: { name: string } | null; application: number | null };

describe("the CSV layouts of German banks", () => {
  let template: string;
  beforeAll(async () => {
    template = await buildTemplate([["groups", "add", "Jüdische Gemeinde Weißensee", "--short", "JGW", "--kind", "synagogue", "--joined", "2020-01-01"]]);
  }, 60_000);

  const cases: Array<[string, string, string | Buffer, { payer: string; amount: number; date: string }]> = [
    [
      "Sparkasse CSV-CAMT (Windows-1252, quoted, dd.mm.yy)",
      "Sparkasse (CSV-CAMT)",
      windows1252(
        [
          '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Glaeubiger ID";"Mandatsreferenz";"Kundenreferenz (End-to-End)";"Sammlerreferenz";"Lastschrift Ursprungsbetrag";"Auslagenersatz Ruecklastschrift";"Beguenstigter/Zahlungspflichtiger";"Kontonummer/IBAN";"BIC (SWIFT-Code)";"Betrag";"Waehrung";"Info"',
          `"${OWN}";"03.11.26";"03.11.26";"GUTSCHR. UEBERWEISUNG";"Spende für die Sommerschule";"";"";"NOTPROVIDED";"";"";"";"Jürgen Weiß";"${DONOR}";"BYLADEM1001";"150,00";"EUR";"Umsatz gebucht"`,
          `"${OWN}";"04.11.26";"04.11.26";"FOLGELASTSCHRIFT";"Miete November";"";"";"";"";"";"";"Hausverwaltung Müller";"${STIFTUNG}";"COBADEFFXXX";"-850,00";"EUR";"Umsatz gebucht"`,
          `"${OWN}";"05.11.26";"05.11.26";"GUTSCHR. UEBERWEISUNG";"Spende";"";"";"";"";"";"";"Anna Schmidt";"${DONOR}";"BYLADEM1001";"20,00";"EUR";"Umsatz vorgemerkt"`,
        ].join("\r\n") + "\r\n",
      ),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "Volksbank / GLS (Atruvia: Name Zahlungsbeteiligter)",
      "Volksbank, Raiffeisenbank, GLS (Atruvia)",
      [
        "Bezeichnung Auftragskonto;IBAN Auftragskonto;BIC Auftragskonto;Bankname Auftragskonto;Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;BIC (SWIFT-Code) Zahlungsbeteiligter;Buchungstext;Verwendungszweck;Betrag;Waehrung;Saldo nach Buchung;Bemerkung;Kategorie;Steuerrelevant;Glaeubiger ID;Mandatsreferenz",
        `Girokonto;${OWN};GENODEM1GLS;GLS Bank;03.11.2026;03.11.2026;Jürgen Weiß;${DONOR};BYLADEM1001;Gutschrift;Spende für die Sommerschule;150,00;EUR;10.150,00;;;;;`,
        `Girokonto;${OWN};GENODEM1GLS;GLS Bank;04.11.2026;04.11.2026;Stadtwerke;${STIFTUNG};COBADEFFXXX;Lastschrift;Strom;-45,10;EUR;10.104,90;;;;;`,
      ].join("\n"),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "ING with its block of account details above the table (Windows-1252)",
      "ING",
      windows1252(
        [
          "Umsatzanzeige;Datei erstellt am: 30.11.2026 09:12",
          "",
          `IBAN;${OWN.replace(/(.{4})/g, "$1 ").trim()}`,
          "Kontoname;Girokonto",
          "Bank;ING",
          "Kunde;Bürgerplattform Südost e.V.",
          "Zeitraum;01.11.2026 - 30.11.2026",
          "Saldo;10.150,00;EUR",
          "",
          "Sortierung;Datum absteigend",
          "",
          "In der CSV-Datei finden Sie alle bereits gebuchten Umsätze. Die vorgemerkten Umsätze werden nicht aufgenommen, auch wenn sie in Ihrem Internetbanking angezeigt werden.",
          "",
          "Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;Saldo;Währung;Betrag;Währung",
          "04.11.2026;04.11.2026;Stadtwerke;Lastschrift;Strom;10.000,00;EUR;-45,10;EUR",
          "03.11.2026;03.11.2026;Jürgen Weiß;Gutschrift;Spende für die Sommerschule;10.150,00;EUR;150,00;EUR",
        ].join("\r\n"),
      ),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "DKB with a BOM, account details above, and a pending booking",
      "DKB",
      "\uFEFF" +
        [
          `"Girokonto";"${OWN}"`,
          '""',
          '"Kontostand vom 30.11.2026:";"10.150,00 €"',
          '""',
          '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";"Kundenreferenz"',
          `"03.11.26";"03.11.26";"Gebucht";"Jürgen Weiß";"Bürgerplattform Südost";"Spende für die Sommerschule";"Eingang";"${DONOR}";"150,00 €";"";"";""`,
          `"04.11.26";"04.11.26";"Gebucht";"Bürgerplattform Südost";"Stadtwerke";"Strom";"Ausgang";"${STIFTUNG}";"-45,10 €";"";"";""`,
          `"05.11.26";"05.11.26";"Vorgemerkt";"Anna Schmidt";"Bürgerplattform Südost";"Spende";"Eingang";"${DONOR}";"20,00 €";"";"";""`,
        ].join("\n"),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "Deutsche Bank / Postbank with details above, Soll and Haben, d.M.yyyy and a closing balance",
      "Deutsche Bank, Postbank, norisbank",
      [
        "Umsätze Girokonto;Zeitraum: 01.11.2026 - 30.11.2026;",
        "Neuer Kontostand;10.150,00 EUR",
        ";",
        "Kontoinhaber;Bürgerplattform Südost e.V.",
        `IBAN;${OWN}`,
        ";",
        "Buchungstag;Wert;Umsatzart;Begünstigter / Auftraggeber;Verwendungszweck;IBAN / Kontonummer;BIC;Kundenreferenz;Mandatsreferenz;Gläubiger ID;Fremde Gebühren;Betrag;Abweichender Empfänger;Anzahl der Aufträge;Anzahl der Schecks;Soll;Haben;Währung",
        `4.11.2026;4.11.2026;SEPA-Lastschrift;Stadtwerke;Strom;${STIFTUNG};COBADEFFXXX;;;;;;;;;-45,10;;EUR`,
        `3.11.2026;3.11.2026;SEPA-Gutschrift;Jürgen Weiß;Spende für die Sommerschule;${DONOR};BYLADEM1001;;;;;;;;;;150,00;EUR`,
        "Kontostand;30.11.2026;;;10.150,00;EUR",
      ].join("\n"),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "Postbank before 2023 (Windows-1252, account details above, amounts with €)",
      "Postbank (before 2023)",
      windows1252(
        [
          "Umsätze",
          "Name: Bürgerplattform Südost e.V.",
          "Girokonto;Zeitraum: 01.11.2026 - 30.11.2026",
          "",
          "Buchungstag;Wertstellung;Umsatzart;Buchungsdetails;Auftraggeber;Empfänger;Betrag (€);Saldo (€)",
          "04.11.2026;04.11.2026;Lastschrift;Strom;Bürgerplattform Südost;Stadtwerke;-45,10 €;10.104,90 €",
          "03.11.2026;03.11.2026;Gutschrift;Spende für die Sommerschule;Jürgen Weiß;Bürgerplattform Südost;150,00 €;10.150,00 €",
        ].join("\r\n"),
      ),
      { payer: "Jürgen Weiß", amount: 15_000, date: "2026-11-03" },
    ],
    [
      "Commerzbank (the payer only in the booking text)",
      "Commerzbank",
      [
        "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;Auftraggeberkonto;Bankleitzahl Auftraggeberkonto;IBAN Auftraggeberkonto;Kategorie",
        `03.11.2026;03.11.2026;Gutschrift;Jürgen Weiß Spende für die Sommerschule End-to-End-Ref.: NOTPROVIDED;150,00;EUR;1234567890;10050000;${OWN};Sonstiges`,
        `04.11.2026;04.11.2026;Lastschrift;Stadtwerke Strom;-45,10;EUR;1234567890;10050000;${OWN};Wohnen`,
      ].join("\n"),
      { payer: "", amount: 15_000, date: "2026-11-03" },
    ],
  ];

  it.each(cases)("%s", async (_name, label, content, expected) => {
    const db = copyOf(template);
    const path = file("auszug.csv", content);
    const report = await okJson<{ format: string; added: number; skipped: number; lines: Array<{ action: string; payer: string; purpose: string; amount: number; date: string }> }>(
      ["fundraising", "import", path, "--kind", "donation"],
      { db },
    );
    expect(report.format).toBe(label);
    expect(report.added).toBe(1);
    const added = report.lines.find((l) => l.action === "add")!;
    expect(added).toMatchObject({ amount: expected.amount, date: expected.date, payer: expected.payer });
    expect(added.purpose).toContain("Spende für die Sommerschule");
    expect(report.lines.filter((l) => l.action !== "add").every((l) => l.amount <= 0 || l.action === "pending")).toBe(true);
    const income = await okJson<Income[]>(["fundraising", "income", "list"], { db });
    expect(income).toHaveLength(1);
    expect(income[0]).toMatchObject({ kind: "donation", amount: 15_000 });
    // the same file again adds nothing
    expect(await okJson(["fundraising", "import", path], { db })).toMatchObject({ added: 0, unchanged: 1 });
  });

  it("an unknown layout is refused with the columns found and the profiles to choose from", async () => {
    const db = copyOf(template);
    const result = await fails(["fundraising", "import", file("x.csv", "Tag;Wert;Wer\n01.11.2026;5,00;X\n"), "--lang", "de"], { db }, 1);
    expect(result.stderr).toMatch(/unbekanntes Format eines Kontoauszugs \(Spalten: tag, wert, wer\)/i);
    expect(result.stderr).toMatch(/--profile sparkasse, volksbank, ing, dkb, deutsche-bank, postbank, commerzbank/);
    expect(result.stderr).toMatch(/--date-column/);
  });

  it("--profile forces a layout; a file without its header is refused", async () => {
    const db = copyOf(template);
    const ing = file("ing.csv", "Buchung;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung\n03.11.2026;X;Y;5,00;EUR\n");
    await fails(["fundraising", "import", ing, "--profile", "sparkasse"], { db }, 1);
    expect(await okJson(["fundraising", "import", ing, "--profile", "ing", "--dry-run"], { db })).toMatchObject({ format: "ING", added: 1 });
  });
});

describe("one statement, two encodings, two formats: imported once", () => {
  const bookings = [
    { date: "2026-11-03", amount: "240.00", csvAmount: "240,00", payer: "Jüdische Gemeinde Weißensee", iban: JG, purpose: "Mitgliedsbeitrag 2026" },
    { date: "2026-11-10", amount: "6000.00", csvAmount: "6.000,00", payer: "Stiftung Nord", iban: STIFTUNG, purpose: "1. Rate Organizer-Stelle 2027" },
    { date: "2026-11-12", amount: "50.00", csvAmount: "50,00", payer: "Jürgen Weiß", iban: DONOR, purpose: "Spende Sommerschule" },
    { date: "2026-11-13", amount: "35.50", csvAmount: "35,50", payer: "Aylin Öztürk", iban: null, purpose: "Kollekte Gemeindefest" },
    { date: "2026-11-20", amount: "12.00", csvAmount: "12,00", payer: "Kiezladen GmbH", iban: iban("10010010", "998877"), purpose: "Rechnung 4711" },
  ];
  const sparkasse = [
    '"Auftragskonto";"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Glaeubiger ID";"Mandatsreferenz";"Kundenreferenz (End-to-End)";"Sammlerreferenz";"Lastschrift Ursprungsbetrag";"Auslagenersatz Ruecklastschrift";"Beguenstigter/Zahlungspflichtiger";"Kontonummer/IBAN";"BIC (SWIFT-Code)";"Betrag";"Waehrung";"Info"',
    ...bookings.map((b) => {
      const [y, m, d] = b.date.split("-");
      return `"${OWN}";"${d}.${m}.${y!.slice(2)}";"${d}.${m}.${y!.slice(2)}";"GUTSCHR. UEBERWEISUNG";"${b.purpose}";"";"";"";"";"";"";"${b.payer}";"${b.iban ?? ""}";"";"${b.csvAmount}";"EUR";"Umsatz gebucht"`;
    }),
    `"${OWN}";"21.11.26";"21.11.26";"LASTSCHRIFT";"Miete";"";"";"";"";"";"";"Hausverwaltung";"${STIFTUNG}";"";"-850,00";"EUR";"Umsatz gebucht"`,
  ].join("\r\n");
  const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-2026-11</MsgId><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2026-11</Id>
      <CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>${OWN}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${bookings
  .map(
    (b) => `      <Ntry>
        <Amt Ccy="EUR">${b.amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${b.date}</Dt></BookgDt>
        <ValDt><Dt>${b.date}</Dt></ValDt>
        <BkTxCd><Prtry><Cd>NTRF+166</Cd><Issr>DK</Issr></Prtry></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <RltdPties>
            <Dbtr><Pty><Nm>${b.payer}</Nm></Pty></Dbtr>
            ${b.iban ? `<DbtrAcct><Id><IBAN>${b.iban}</IBAN></Id></DbtrAcct>` : ""}
          </RltdPties>
          <RmtInf><Ustrd>${b.purpose}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
  )
  .join("\n")}
      <Ntry>
        <Amt Ccy="EUR">850.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-21</Dt></BookgDt>
        <NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>Hausverwaltung</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>Miete</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">20.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <BookgDt><Dt>2026-11-30</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;

  async function platform(): Promise<string> {
    const db = await newPlatform(["--lang", "de"]);
    await ok(["groups", "add", "Jüdische Gemeinde Weißensee", "--short", "JGW", "--kind", "synagogue", "--joined", "2020-01-01", "--iban", JG.replace(/(.{4})/g, "$1 ").trim()], { db });
    await ok(["fundraising", "funders", "add", "Stiftung Nord", "--kind", "foundation", "--iban", STIFTUNG], { db });
    await ok(["fundraising", "apply", "Stiftung Nord", "Organizer-Stelle 2027", "--amount", "24.000,00"], { db });
    await ok(["fundraising", "stage", "1", "submitted"], { db });
    await ok(["fundraising", "stage", "1", "approved", "--awarded", "24.000,00"], { db });
    await ok(["fundraising", "dues", "set", "2026", "JGW", "240,00"], { db });
    await ok(["fundraising", "rules", "add", "Kollekte", "--kind", "donation"], { db });
    return db;
  }

  it("the Windows-1252 CSV, its UTF-8 copy and the CAMT.053 file: five bookings once, classified per row", async () => {
    const db = await platform();
    const first = await ok(["fundraising", "import", file("auszug.csv", windows1252(sparkasse))], { db });
    expect(first.stdout).toContain("Format: Sparkasse (CSV-CAMT). Gelesen als Windows-1252.");
    expect(first.stdout).toMatch(/Übernommen: 5 neu/);
    const hash = fileHash(db);
    expect(await okJson(["fundraising", "import", file("auszug-utf8.csv", Buffer.from(sparkasse, "utf8"))], { db })).toMatchObject({ encoding: "utf-8", added: 0, unchanged: 5, skipped: 1 });
    expect(await okJson(["fundraising", "import", file("auszug.xml", camt)], { db })).toMatchObject({ format: "CAMT.053", added: 0, unchanged: 5, skipped: 2 });
    expect(fileHash(db)).toBe(hash);

    const income = await okJson<Income[]>(["fundraising", "income", "list"], { db });
    expect(income.map((i) => [i.date, i.amount, i.kind, i.source?.name ?? null])).toEqual([
      ["2026-11-03", 24_000, "dues", "Jüdische Gemeinde Weißensee"], // the group's IBAN
      ["2026-11-10", 600_000, "grant", "Stiftung Nord"], // the funder's IBAN, its one approved grant
      ["2026-11-12", 5_000, "other", "Jürgen Weiß"], // nothing says what it is: the payer as the bank wrote it
      ["2026-11-13", 3_550, "donation", "Aylin Öztürk"], // the rule "Kollekte"
      ["2026-11-20", 1_200, "other", "Kiezladen GmbH"],
    ]);
    expect(income.find((i) => i.kind === "grant")?.application).toBe(1);
    expect(income.find((i) => i.kind === "dues")?.duesYear).toBe(2026);
    const unclassified = await okJson<Income[]>(["fundraising", "income", "list", "--unclassified"], { db });
    expect(unclassified.map((i) => i.amount)).toEqual([5_000, 1_200]);
    const dues = await okJson<{ groups: Array<{ name: string; paid: number; open: number }> }>(["fundraising", "dues", "status", "--year", "2026"], { db });
    expect(JSON.stringify(dues)).toContain("Jüdische Gemeinde Weißensee");
    expect(JSON.stringify(dues)).toMatch(/"paid":\s*24000/);
  });

  it("the CAMT file first, then the CSV: the same, once", async () => {
    const db = await platform();
    expect(await okJson(["fundraising", "import", file("auszug.xml", camt)], { db })).toMatchObject({ added: 5, skipped: 2 });
    expect(await okJson(["fundraising", "import", file("auszug.csv", windows1252(sparkasse))], { db })).toMatchObject({ added: 0, unchanged: 5 });
  });

  it("a statement with an invalid byte is refused with line and column; nothing is booked", async () => {
    const db = await platform();
    const broken = Buffer.concat([Buffer.from(sparkasse.slice(0, sparkasse.indexOf("Jüdische")), "utf8"), Buffer.from("Jüdische Gemeinde Wei", "utf8"), Buffer.from([0xdf]), Buffer.from(sparkasse.slice(sparkasse.indexOf("ensee")), "utf8")]);
    const before = fileHash(db);
    const result = await fails(["fundraising", "import", file("kaputt.csv", broken)], { db }, 1);
    expect(result.stderr).toMatch(/Zeile 2, Spalte \d+: ungültige UTF-8-Bytes/);
    expect(fileHash(db)).toBe(before);
  });

  it("IBANs are checked when set; one belongs to one group", async () => {
    const db = await platform();
    const bad = await fails(["groups", "edit", "JGW", "--iban", "DE00 1002 0500 0003 3123 45"], { db }, 1);
    expect(bad.stderr).toMatch(/keine gültige IBAN/);
    await ok(["groups", "add", "Kita Sonnenschein", "--kind", "school"], { db });
    expect((await fails(["groups", "edit", "Kita Sonnenschein", "--iban", JG], { db }, 1)).stderr).toMatch(/gehört schon zu Jüdische Gemeinde Weißensee/);
    expect((await okJson<{ iban: string | null }>(["groups", "edit", "JGW", "--iban", ""], { db })).iban).toBeNull();
    expect((await fails(["fundraising", "funders", "edit", "Stiftung Nord", "--iban", "DE00 3704 0044 0532 0130 00"], { db }, 1)).stderr).toMatch(/keine gültige IBAN/);
    expect((await fails(["fundraising", "funders", "add", "Stiftung Süd", "--kind", "foundation", "--iban", STIFTUNG], { db }, 1)).stderr).toMatch(/gehört schon zu Stiftung Nord/);
  });

  it("income review needs a person at a terminal: without one it says what to use instead, and changes nothing", async () => {
    const db = await platform();
    await ok(["fundraising", "import", file("auszug.xml", camt)], { db });
    const result = await fails(["fundraising", "income", "review"], { db }, 1);
    expect(result.stderr).toMatch(/braucht ein Terminal/);
    expect(result.stderr).toMatch(/income list --unclassified/);
  });

  it("forgetting a payer removes their name and IBAN from the bank bookings, and a re-import still finds them", async () => {
    const db = await platform();
    await ok(["fundraising", "import", file("auszug.xml", camt)], { db });
    await ok(["people", "add", "Jürgen Weiß"], { db });
    await ok(["people", "forget", "Jürgen Weiß", "--yes"], { db });
    const rows = query<{ source_text: string | null; payer_iban: string | null }>(db, "SELECT source_text, payer_iban FROM income WHERE amount = 5000");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.source_text ?? "").not.toContain("Weiß");
    expect(rows[0]!.payer_iban).toBeNull();
    expect(query(db, "SELECT count(*) AS n FROM income WHERE payer_iban = ?", DONOR)[0].n).toBe(0);
    expect(await okJson(["fundraising", "import", file("auszug.xml", camt)], { db })).toMatchObject({ added: 0, unchanged: 5 });
  });

  it("rules are listed in order and removed", async () => {
    const db = await platform();
    await ok(["fundraising", "rules", "add", "Beitrag Kosmos", "--kind", "dues", "--from", "JGW"], { db });
    const rules = await okJson<Array<{ id: number; pattern: string; kind: string }>>(["fundraising", "rules", "list"], { db });
    expect(rules.map((r) => [r.id, r.pattern, r.kind])).toEqual([
      [1, "Kollekte", "donation"],
      [2, "Beitrag Kosmos", "dues"],
    ]);
    await ok(["fundraising", "rules", "remove", "1"], { db });
    expect((await okJson<unknown[]>(["fundraising", "rules", "list"], { db })).length).toBe(1);
    await fails(["fundraising", "rules", "remove", "1"], { db }, 1);
    await fails(["fundraising", "rules", "add", "Beitrag", "--kind", "dues"], { db }, 1);
  });
});
