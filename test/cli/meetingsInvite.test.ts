// `meetings invite`: a real SMTP server on 127.0.0.1 (smtp-server, random port, no TLS, any login accepted)
// receives one message per person, in German, with the agenda as PDF and the meeting as .ics; a recipient the
// server refuses is reported while the others arrive (exit 1), a second run writes only to the ones not yet
// reached, --out writes .eml files that parse, and the SMTP password is stored nowhere.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, tempDir } from "../helpers.js";
import { buildTemplate, copyOf, fails, ok, okJson, query } from "./util.js";

const load = createRequire(import.meta.url);
const { SMTPServer } = load("smtp-server");
const { simpleParser } = load("mailparser");

const PASSWORD = "Geheim-Passwort-7f3a91";
const ENV = { PLATTFORM_TODAY: "2026-11-01", PLATTFORM_SMTP_PASSWORD: PASSWORD };

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  password: string | undefined;
}

/** The test's mail server: keeps every message; refuses RCPT TO for the addresses in `refuse`. */
function startServer(): Promise<{ port: number; received: Received[]; refuse: Set<string>; close: () => Promise<void> }> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const passwords = new Map<string, string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth: { username: string; password: string }, session: { id: string }, callback: (e: Error | null, r?: unknown) => void) {
      passwords.set(session.id, auth.password);
      callback(null, { user: auth.username });
    },
    onRcptTo(address: { address: string }, _session: unknown, callback: (e?: Error) => void) {
      if (refuse.has(address.address)) {
        const error = Object.assign(new Error(`<${address.address}>: Recipient address rejected: mailbox unavailable`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream: NodeJS.ReadableStream, session: { id: string; envelope: { mailFrom: { address: string }; rcptTo: Array<{ address: string }> } }, callback: () => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks), password: passwords.get(session.id) });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ port: server.server.address().port, received, refuse, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

const GROUPS = 12;
const email = (i: number) => `vertretung${i}@example.org`;

/** 12 member groups, each with a representative with e-mail; a 13th group represented by the first one's
 * representative (one message for both), a 14th whose representative has only a phone number. */
function platformCommands(): string[][] {
  const commands: string[][] = [];
  for (let i = 1; i <= GROUPS + 2; i++) commands.push(["groups", "add", `Gruppe ${i}`, "--short", `G${i}`, "--joined", "2020-01-01"]);
  for (let i = 1; i <= GROUPS; i++)
    commands.push(["people", "add", `Person ${String(i).padStart(2, "0")} Müller`, "--group", `G${i}`, "--role", "representative", "--since", "2020-01-01", "--email", email(i)]);
  commands.push(["people", "link", "Person 01 Müller", "G13", "--role", "representative", "--since", "2020-01-01"]);
  commands.push(["people", "add", "Ohne Mail", "--group", "G14", "--role", "representative", "--since", "2020-01-01", "--phone", "030 987654"]);
  commands.push(["people", "add", "Schlüssel Person", "--group", "G2", "--role", "key-person", "--since", "2020-01-01", "--email", "schluessel@example.org"]);
  commands.push(["meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--end", "21:00", "--place", "Gemeindesaal St. Josef", "--template", "standard"]);
  return commands;
}

async function parse(raw: Buffer) {
  return simpleParser(raw);
}

async function expectInvitation(raw: Buffer) {
  const mail = await parse(raw);
  expect(mail.subject).toBe("Einladung: Kernkreis am 03.12.2026 um 19:00 Uhr");
  expect(mail.text).toContain("Datum: 03.12.2026");
  expect(mail.text).toContain("Uhrzeit: 19:00–21:00 Uhr");
  expect(mail.text).toContain("Ort: Gemeindesaal St. Josef");
  expect(mail.headers.get("content-language")).toBe("de");
  const pdf = mail.attachments.find((a: { contentType: string }) => a.contentType === "application/pdf");
  const ics = mail.attachments.find((a: { contentType: string }) => a.contentType === "text/calendar");
  expect(pdf, "a PDF attachment").toBeDefined();
  expect(ics, "an .ics attachment").toBeDefined();
  expect(pdf.filename).toBe("einladung-2026-12-03.pdf");
  expect(pdf.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(ics.filename).toBe("einladung-2026-12-03.ics");
  const calendar = ics.content.toString("utf8");
  expect(calendar.startsWith("BEGIN:VCALENDAR")).toBe(true);
  expect(calendar).toContain("DTSTART;TZID=Europe/Berlin:20261203T190000");
  return mail;
}

/** Neither the data file (with its WAL) nor the audit log holds the password. */
function expectNoPassword(db: string) {
  for (const suffix of ["", "-wal"]) if (existsSync(db + suffix)) expect(readFileSync(db + suffix).includes(PASSWORD)).toBe(false);
  const audit = query(db, "SELECT * FROM audit_log");
  expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  expect(JSON.stringify(query(db, "SELECT * FROM settings"))).not.toContain(PASSWORD);
}

describe("meetings invite", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let template: string;

  beforeAll(async () => {
    server = await startServer();
    template = await buildTemplate(
      [
        ...platformCommands(),
        ["config", "set", "smtp.host", "127.0.0.1"],
        ["config", "set", "smtp.port", String(server.port)],
        ["config", "set", "smtp.secure", "no"],
        ["config", "set", "smtp.user", "einladung@example.org"],
        ["config", "set", "smtp.from", "SO! MIT UNS <einladung@example.org>"],
      ],
      ["--name", "SO! MIT UNS", "--lang", "de"],
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("sends one German message per representative, with the agenda PDF and the .ics; the one without e-mail is listed with the phone", async () => {
    const db = copyOf(template);
    server.received.length = 0;
    const result = await ok(["meetings", "invite", "3.12.2026"], { db, env: ENV });
    expect(result.stdout).toContain("12 Einladungen für Kernkreis 03.12.2026 19:00 versandt.");
    expect(result.stdout).toContain("1 Person ohne E-Mail: per Telefon oder Post einladen");
    expect(result.stdout).toMatch(/Ohne Mail\s+030 987654\s+Gruppe 14/);
    expect(server.received).toHaveLength(GROUPS);
    // One message each: the person representing two groups gets one, the key person none.
    expect(server.received.map((r) => r.to).flat().sort()).toEqual(Array.from({ length: GROUPS }, (_, i) => email(i + 1)).sort());
    for (const r of server.received) {
      expect(r.from).toBe("einladung@example.org");
      expect(r.password, "the login used PLATTFORM_SMTP_PASSWORD").toBe(PASSWORD);
      await expectInvitation(r.raw);
    }
    const first = await parse(server.received.find((r) => r.to[0] === email(1))!.raw);
    expect(first.text).toContain("für Gruppe 1, Gruppe 13");
    // Recorded per person; the meeting shows the date and the counts.
    const rows = query(db, "SELECT status, invited_by FROM invitations");
    expect(rows).toHaveLength(GROUPS);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const shown = await okJson(["meetings", "show", "3.12.2026"], { db, env: ENV });
    expect(shown.invited).toBe("2026-11-01");
    expect(shown.invitations).toMatchObject({ sent: 12, failed: 0 });
    expect((await ok(["meetings", "show", "3.12.2026"], { db, env: ENV })).stdout).toMatch(/Einladungen\s+12 versandt, 0 fehlgeschlagen/);
    expectNoPassword(db);
    // A second run sends nothing; --again sends to everyone once more.
    server.received.length = 0;
    const again = await ok(["meetings", "invite", "3.12.2026"], { db, env: ENV });
    expect(again.stdout).toContain("0 Einladungen");
    expect(again.stderr).toContain("12 bereits eingeladen");
    expect(server.received).toHaveLength(0);
    await ok(["meetings", "invite", "3.12.2026", "--again", "--to", "key-persons"], { db, env: ENV });
    expect(server.received.map((r) => r.to).flat()).toEqual(["schluessel@example.org"]);
    // .eml files written afterwards leave the sent ones invited.
    await ok(["meetings", "invite", "3.12.2026", "--out", tempDir()], { db, env: ENV });
    expect(query(db, "SELECT count(*) AS n FROM invitations WHERE status = 'sent'")[0].n).toBe(GROUPS + 1);
  }, 120_000);

  it("a refused recipient is reported while the others arrive (exit 1); the next run retries only that one", async () => {
    const db = copyOf(template);
    server.received.length = 0;
    server.refuse.add(email(7));
    try {
      const first = await run(["meetings", "invite", "next"], { db, env: ENV });
      expect(first.code).toBe(1);
      expect(first.stdout).toContain("11 Einladungen");
      expect(first.stdout).toContain("1 Einladung fehlgeschlagen:");
      expect(first.stdout).toMatch(/Person 07 Müller\s+vertretung7@example\.org\s+.*550/);
      expect(first.stderr.trim().split("\n")).toHaveLength(1);
      expect(first.stderr).toMatch(/^Fehler: 1 Einladung fehlgeschlagen: Person 07 Müller/);
      expect(server.received).toHaveLength(GROUPS - 1);
      const failed = query(db, "SELECT address, status, reason FROM invitations WHERE status = 'failed'");
      expect(failed).toEqual([{ address: email(7), status: "failed", reason: expect.stringContaining("550") }]);
      expect((await okJson(["meetings", "show", "next"], { db, env: ENV })).invitations).toMatchObject({ sent: 11, failed: 1 });
      // Still refused: only that one is tried, nothing new arrives.
      const second = await run(["meetings", "invite", "next", "--json"], { db, env: ENV });
      expect(second.code).toBe(1);
      const report = second.json<any>();
      expect(report.sent).toEqual([]);
      expect(report.failed.map((f: { email: string }) => f.email)).toEqual([email(7)]);
      expect(report.alreadyInvited).toHaveLength(11);
      expect(server.received).toHaveLength(GROUPS - 1);
    } finally {
      server.refuse.clear();
    }
    // Accepted now: the retry reaches the last one, and then nothing is left to send.
    await ok(["meetings", "invite", "next"], { db, env: ENV });
    expect(server.received).toHaveLength(GROUPS);
    expect(new Set(server.received.map((r) => r.to[0])).size).toBe(GROUPS);
    const after = server.received.length;
    await ok(["meetings", "invite", "next"], { db, env: ENV });
    expect(server.received).toHaveLength(after);
    expect(query(db, "SELECT count(*) AS n FROM invitations WHERE status = 'sent'")[0].n).toBe(GROUPS);
    // The audit log names the person and the outcome, never the address or the password.
    const audit = query(db, "SELECT action, changes FROM audit_log WHERE entity = 'invitation'");
    expect(audit.filter((a) => a.action === "failed")).toHaveLength(2);
    expect(audit.filter((a) => a.action === "sent")).toHaveLength(GROUPS);
    expect(JSON.stringify(audit)).not.toContain("@example.org");
    expectNoPassword(db);
  }, 120_000);

  it("--out writes one .eml per recipient (mode 0600) that parses; --dry-run sends and records nothing", async () => {
    const db = copyOf(template);
    server.received.length = 0;
    const dry = await okJson(["meetings", "invite", "next", "--dry-run"], { db, env: ENV });
    expect(dry.recipients).toHaveLength(GROUPS);
    expect(dry.withoutEmail).toEqual([expect.objectContaining({ name: "Ohne Mail", phone: "030 987654" })]);
    expect(query(db, "SELECT count(*) AS n FROM invitations")[0].n).toBe(0);
    const dir = tempDir();
    const written = await okJson(["meetings", "invite", "next", "--out", dir], { db, env: ENV });
    expect(written.written).toHaveLength(GROUPS);
    expect(server.received).toHaveLength(0);
    const files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(GROUPS);
    expect(readdirSync(dir).filter((f) => !f.endsWith(".eml"))).toEqual([]); // no temporary file left
    expect(files[0]).toBe("01-person-01-muller.eml");
    for (const file of files) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
      const mail = await expectInvitation(readFileSync(join(dir, file)));
      expect(mail.from.value[0].address).toBe("einladung@example.org");
    }
    // Written files are not sent invitations: a real run still writes to everyone.
    expect((await okJson(["meetings", "show", "next"], { db, env: ENV })).invitations).toMatchObject({ sent: 0, written: 12 });
    expectNoPassword(db);
    // people forget reaches the recorded address.
    await ok(["people", "forget", "Person 03 Müller", "--yes"], { db, env: ENV });
    const addresses = query(db, "SELECT address FROM invitations").map((r) => r.address);
    expect(addresses).toHaveLength(GROUPS);
    expect(addresses).not.toContain(email(3));
    expect(addresses).toContain(email(4));
  }, 120_000);

  it("refuses without a mail server or a password, and with a wrong port, changing nothing", async () => {
    const db = copyOf(template);
    await fails(["meetings", "invite", "next"], { db, env: { PLATTFORM_TODAY: "2026-11-01" } }, 1); // no password, no terminal
    const bare = copyOf(template);
    await ok(["config", "set", "smtp.host", ""], { db: bare });
    await fails(["meetings", "invite", "next"], { db: bare, env: ENV }, 1);
    const wrong = copyOf(template);
    await ok(["config", "set", "smtp.port", "1"], { db: wrong });
    const refused = await fails(["meetings", "invite", "next"], { db: wrong, env: ENV }, 1);
    expect(refused.stderr).toContain("nichts wurde versandt");
    expect(query(wrong, "SELECT count(*) AS n FROM invitations")[0].n).toBe(0);
  }, 60_000);

  it("config set validates the SMTP settings and shows them once set; English messages on an English platform", async () => {
    const db = copyOf(template);
    await fails(["config", "set", "smtp.port", "70000"], { db }, 1);
    await fails(["config", "set", "smtp.from", "keine adresse"], { db }, 1);
    await fails(["config", "set", "smtp.secure", "vielleicht"], { db }, 1);
    expect(await okJson(["config", "get", "smtp.host"], { db })).toEqual({ "smtp.host": "127.0.0.1" });
    expect((await okJson(["config", "get"], { db }))["smtp.from"]).toBe("SO! MIT UNS <einladung@example.org>");
    server.received.length = 0;
    await ok(["config", "set", "language", "en"], { db });
    await ok(["meetings", "invite", "next", "--also", "Schlüssel Person"], { db, env: ENV });
    expect(server.received).toHaveLength(GROUPS + 1);
    const mail = await parse(server.received[0]!.raw);
    expect(mail.subject).toBe("Invitation: Kernkreis on 2026-12-03 at 19:00");
    expect(mail.attachments.map((a: { filename: string }) => a.filename)).toEqual(["invitation-2026-12-03.pdf", "invitation-2026-12-03.ics"]);
  }, 120_000);
});
