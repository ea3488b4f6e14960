// The table of write commands that the fuzz test and the audit test share. Adding a write command to the CLI?
// Mark it `write: true` in its definition (src/<area>/commands.ts) and add a row to INVOCATIONS: one valid
// invocation against the template below and the audit row it writes.
// (test/cli/audit.test.ts fails for a command of the CLI that is in neither WRITE_COMMANDS nor NOT_WRITES.)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDataFile } from "../../src/core/db.js";
import { castBallots, resolveElection } from "../../src/elections/service.js";
import { resolveGroup } from "../../src/groups/index.js";
import { run, tempDir } from "../helpers.js";
import { dbTarget, onServer } from "../server.js";
import { contextFor } from "../store/support.js";
import { writeCommandNames } from "./commandTree.js";

export const TODAY = "2026-03-01";

/** The template platform, built once per test file: what each valid invocation below refers to. */
export const TEMPLATE_COMMANDS: string[][] = [
  ["groups", "add", "St. Josef", "--short", "JOSEF", "--kind", "parish", "--joined", "2016-01-01"],
  ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2018-01-01"],
  ["groups", "add", "Kita Sonnenschein", "--short", "KITA", "--kind", "school", "--joined", "2019-01-01"],
  ["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative", "--since", "2016-01-01", "--email", "maria@example.org"],
  ["people", "add", "Yusuf Demir", "--group", "NUR", "--role", "representative", "--since", "2018-01-01"],
  ["people", "add", "Hatice Kaya", "--group", "KITA", "--role", "representative", "--since", "2019-01-01"],
  ["people", "add", "Uwe Berg"],
  ["teams", "add", "Aktionsteam Wohnen", "--kind", "action", "--short", "wohnen"],
  ["teams", "join", "wohnen", "Maria Schmidt", "--from", "2026-01-01"],
  // meetings #1 and #2: approved and draft minutes; #3 planned with a roll call (#1) and a count (#2)
  ["meetings", "add", "kernkreis", "--date", "2025-11-01"],
  ["meetings", "add", "kernkreis", "--date", "2025-12-01"],
  ["meetings", "close", "1"],
  ["meetings", "close", "2"],
  ["meetings", "approve", "1", "--at", "2", "--without-quorum"],
  ["meetings", "add", "kernkreis", "--date", "2026-01-20", "--template", "standard"],
  ["meetings", "attend", "3", "Maria Schmidt", "Yusuf Demir"],
  ["votes", "open", "3", "Antrag A", "--mode", "roll-call"],
  ["votes", "cast", "1", "JOSEF", "yes"],
  ["votes", "open", "3", "Antrag B", "--mode", "count"],
  // elections: #1 nominations open, #2 ready for a BLT import, #3 counted (to certify), #4 with a ballot (to count)
  ["elections", "add", "3", "--team", "strategy-finance", "--seats", "1", "--method", "approval"],
  ["elections", "nominate", "1", "Hatice Kaya"],
  ["elections", "nominate", "1", "Yusuf Demir"],
  ["elections", "accept", "1", "Hatice Kaya"],
  ["elections", "add", "3", "--team", "strategy-finance", "--seats", "1", "--method", "scottish-stv"],
  ["elections", "nominate", "2", "Hatice Kaya"],
  ["elections", "nominate", "2", "Yusuf Demir"],
  ["elections", "accept", "2", "Hatice Kaya"],
  ["elections", "accept", "2", "Yusuf Demir"],
  ["elections", "add", "3", "--team", "strategy-finance", "--seats", "1", "--method", "approval"],
  ["elections", "nominate", "3", "Maria Schmidt"],
  ["elections", "accept", "3", "Maria Schmidt"],
  ["elections", "ballot", "3", "--group", "JOSEF", "Maria Schmidt"],
  ["elections", "ballot", "3", "--group", "NUR", "Maria Schmidt"],
  ["elections", "tally", "3"],
  ["elections", "add", "3", "--team", "strategy-finance", "--seats", "1", "--method", "approval"],
  ["elections", "nominate", "4", "Yusuf Demir"],
  ["elections", "accept", "4", "Yusuf Demir"],
  ["elections", "ballot", "4", "--group", "NUR", "Yusuf Demir"],
  // meetings #4, #5 planned, #6 an assembly
  ["meetings", "add", "kernkreis", "--date", "2026-02-10", "--template", "standard"],
  ["meetings", "add", "kernkreis", "--date", "2026-03-20", "--template", "standard"],
  ["meetings", "add", "assembly", "--date", "2026-05-01"],
  ["tasks", "add", "Flyer drucken", "--owner", "JOSEF", "--due", "2026-03-15"],
  ["topics", "add", "Miete"],
  ["conversations", "add", "--with", "Yusuf Demir", "--by", "Maria Schmidt", "--date", "2026-02-01", "--topics", "Miete"],
  ["campaigns", "add", "Mieten runter", "--topic", "Miete", "--team", "wohnen"],
  ["commitments", "add", "--ask", "Mehr Kitaplätze", "--from", "Stadträtin Weber", "--answer", "yes", "--date", "2026-02-01"],
  ["fundraising", "funders", "add", "Stiftung Mitte", "--kind", "foundation"],
  ["fundraising", "apply", "Stiftung Mitte", "Projekt Nachbarn", "--amount", "5000"],
  ["fundraising", "apply", "Stiftung Mitte", "Projekt Alt", "--amount", "3000"],
  ["fundraising", "rules", "add", "Kollekte", "--kind", "donation"],
  ["fundraising", "stage", "2", "submitted"],
  ["fundraising", "stage", "2", "approved", "--awarded", "3000"],
  ["fundraising", "report-due", "add", "2", "interim", "2026-06-30"],
  ["fundraising", "income", "add", "80", "--date", "2026-01-10", "--kind", "donation"],
  // corrections in a draft: note #1 on meeting #3, task #2 done
  ["meetings", "note", "3", "3", "Notiz"],
  ["tasks", "add", "Erledigt", "--owner", "JOSEF"],
  ["tasks", "done", "2"],
];

/** Input files the valid invocations read, and a backup of the template to restore. */
export interface Files {
  groupsCsv: string;
  peopleCsv: string;
  template: string;
  blt: string;
  bankCsv: string;
  backup: string;
  dir: string;
}

export async function makeFiles(templateDb: string): Promise<Files> {
  const dir = tempDir();
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const backup = join(dir, "backup.db");
  const result = await run(["backup", backup], { db: templateDb });
  if (result.code !== 0) throw new Error(`backup failed: ${result.stderr}`);
  return {
    dir,
    groupsCsv: write("groups.csv", "name,kind\nNeue Gruppe,parish\n"),
    peopleCsv: write("people.csv", "name,email\nNeue Person,neu@example.org\n"),
    template: write("template.txt", "report 10 Bericht\ndecision 5 Beschluss\n"),
    blt: write("wahl.blt", '2 1\n1 1 2 0\n1 2 0\n0\n"Hatice Kaya"\n"Yusuf Demir"\n"Wahl"\n'),
    bankCsv: write("bank.csv", "Buchungstag;Betrag;Verwendungszweck\n01.02.2026;50,00;Spende\n"),
    backup,
  };
}

/**
 * Builds the template in a new file; every command runs with "today" pinned to TODAY. On a server, which refuses
 * `elections ballot` by design (README: Secret ballots on a server), each run of ballots for one election is cast
 * as one pile, the way `meetings run` writes it: same receipts and ballots, one transaction.
 */
export async function buildWriteTemplate(): Promise<string> {
  const db = join(tempDir(), "template.db");
  const commands = [["init", "--name", "Testplattform", "--lang", "en"], ...TEMPLATE_COMMANDS];
  for (let i = 0; i < commands.length; i++) {
    const args = commands[i]!;
    if (onServer && isBallot(args)) {
      const pile = [args];
      while (i + 1 < commands.length && isBallot(commands[i + 1]!) && commands[i + 1]![2] === args[2]) pile.push(commands[++i]!);
      castBallotCommands(db, pile);
      continue;
    }
    const result = await run(args, { db, env: ENV });
    if (result.code !== 0) throw new Error(`template: plattform ${args.join(" ")} failed: ${result.stderr}`);
  }
  return db;
}

const isBallot = (args: string[]) => args[0] === "elections" && args[1] === "ballot";

/**
 * Casts the `papers` of `groups` in `election` as one pile, the way `meetings run` writes them on a server (elections
 * castBallots), where `elections ballot` is refused by design (README: Secret ballots on a server).
 */
export function castPile(db: string, election: string, groups: string[], papers: string[][], today = TODAY): void {
  const conn = openDataFile(dbTarget(db));
  try {
    const found = resolveElection(conn, election);
    const handedIn = groups.map((group) => resolveGroup(conn, group, today));
    contextFor(conn, ["meetings", "run", String(found.meetingId)]).write((audit) => castBallots(conn, audit, found, handedIn, papers, today, "forgotten"));
  } finally {
    conn.close();
  }
}

/** `elections ballot <election> --group <group> <choice>…` commands of one election, cast as one pile. */
function castBallotCommands(db: string, ballots: string[][]): void {
  castPile(db, ballots[0]![2]!, ballots.map((args) => args[4]!), ballots.map((args) => args.slice(5)));
}

export const ENV = { PLATTFORM_TODAY: TODAY };

export interface WriteCommand {
  /** the command path, as `--help` names it */
  name: string;
  /** one valid invocation against the template */
  valid: (files: Files) => string[];
  /** the audit entry it writes */
  audit: { entity: string; action: string };
}

const w = (name: string, valid: WriteCommand["valid"], entity: string, action: string): WriteCommand => ({ name, valid, audit: { entity, action } });

/** One valid invocation per write command; which commands write is said by their definitions (`write: true`). */
const INVOCATIONS: WriteCommand[] = [
  w("config set", () => ["config", "set", "quorum", "2"], "setting", "set"),
  w("groups add", () => ["groups", "add", "Neue Gruppe", "--kind", "parish"], "group", "add"),
  w("groups edit", () => ["groups", "edit", "JOSEF", "--phone", "030 1234567"], "group", "edit"),
  w("groups leave", () => ["groups", "leave", "KITA", "--date", "2026-06-30"], "group", "edit"),
  w("groups import", (f) => ["groups", "import", f.groupsCsv], "group", "add"),
  w("people add", () => ["people", "add", "Neue Person"], "person", "add"),
  w("people edit", () => ["people", "edit", "Uwe Berg", "--phone", "0151 2345678"], "person", "edit"),
  w("people link", () => ["people", "link", "Uwe Berg", "JOSEF", "--role", "member"], "group_role", "link"),
  w("people unlink", () => ["people", "unlink", "Maria Schmidt", "JOSEF"], "group_role", "unlink"),
  w("people forget", () => ["people", "forget", "Uwe Berg", "--yes"], "person", "forget"),
  w("people import", (f) => ["people", "import", f.peopleCsv], "person", "add"),
  w("meetings add", () => ["meetings", "add", "kernkreis", "--date", "2026-04-01"], "meeting", "add"),
  w("meetings edit", () => ["meetings", "edit", "4", "--place", "Gemeindesaal"], "meeting", "edit"),
  w("meetings cancel", () => ["meetings", "cancel", "5"], "meeting", "cancel"),
  w("meetings item add", () => ["meetings", "item", "add", "4", "Bericht", "--type", "report"], "agenda_item", "add"),
  w("meetings item move", () => ["meetings", "item", "move", "4", "5", "3"], "agenda_item", "move"),
  w("meetings item remove", () => ["meetings", "item", "remove", "4", "7"], "agenda_item", "remove"),
  w("meetings attend", () => ["meetings", "attend", "3", "Hatice Kaya"], "attendance", "present"),
  w("meetings item rename", () => ["meetings", "item", "rename", "4", "3", "Berichte"], "agenda_item", "rename"),
  w("meetings note edit", () => ["meetings", "note", "edit", "3", "1", "Notiz berichtigt"], "item_note", "edit"),
  w("meetings note remove", () => ["meetings", "note", "remove", "3", "1"], "item_note", "remove"),
  w("meetings unattend", () => ["meetings", "unattend", "3", "Yusuf Demir"], "attendance", "withdraw"),
  w("meetings excuse", () => ["meetings", "excuse", "4", "KITA"], "attendance", "excuse"),
  w("meetings note", () => ["meetings", "note", "3", "3", "Notiz"], "item_note", "add"),
  w("meetings close", () => ["meetings", "close", "4"], "meeting", "close"),
  w("meetings approve", () => ["meetings", "approve", "2", "--at", "3"], "meeting", "approve"),
  w("meetings amend", () => ["meetings", "amend", "1", "Korrektur: Datum"], "minutes_amendment", "add"),
  w("meetings template set", (f) => ["meetings", "template", "set", "kurz", f.template], "setting", "template"),
  w("meetings invite", (f) => ["meetings", "invite", "4", "--out", f.dir], "invitation", "written"),
  w("meetings turnout", () => ["meetings", "turnout", "6", "JOSEF", "--pledged", "10"], "assembly_turnout", "set"),
  w("votes open", () => ["votes", "open", "4", "Antrag C"], "vote", "open"),
  w("votes cast", () => ["votes", "cast", "1", "NUR", "no"], "vote_cast", "cast"),
  w("votes recast", () => ["votes", "recast", "1", "JOSEF", "no", "--reason", "Versehen"], "vote_cast", "recast"),
  w("votes count", () => ["votes", "count", "2", "--yes", "2", "--no", "0", "--abstain", "0"], "vote", "count"),
  w("votes close", () => ["votes", "close", "1"], "vote", "close"),
  w("votes withdraw", () => ["votes", "withdraw", "2", "--reason", "versehentlich eröffnet"], "vote", "withdraw"),
  w("elections add", () => ["elections", "add", "4", "--team", "strategy-finance", "--seats", "2"], "election", "add"),
  w("elections nominate", () => ["elections", "nominate", "1", "Maria Schmidt"], "candidate", "nominate"),
  w("elections accept", () => ["elections", "accept", "1", "Yusuf Demir"], "candidate", "accept"),
  w("elections withdraw", () => ["elections", "withdraw", "1", "Hatice Kaya"], "candidate", "withdraw"),
  w("elections ballot", () => ["elections", "ballot", "1", "--group", "JOSEF", "Hatice Kaya"], "ballot_receipt", "cast"),
  w("elections import", (f) => ["elections", "import", "2", f.blt], "election", "import"),
  w("elections tally", () => ["elections", "tally", "4"], "election", "tally"),
  w("elections certify", () => ["elections", "certify", "3"], "election", "certify"),
  w("teams add", () => ["teams", "add", "Team Bildung", "--kind", "other"], "team", "add"),
  w("teams join", () => ["teams", "join", "wohnen", "Uwe Berg"], "team_member", "join"),
  w("teams edit", () => ["teams", "edit", "wohnen", "--name", "Aktionsteam Wohnen und Miete"], "team", "edit"),
  w("teams leave", () => ["teams", "leave", "wohnen", "Maria Schmidt", "--date", "2026-02-01"], "team_member", "leave"),
  w("tasks add", () => ["tasks", "add", "Neu", "--owner", "JOSEF"], "task", "add"),
  w("tasks done", () => ["tasks", "done", "1"], "task", "done"),
  w("tasks edit", () => ["tasks", "edit", "1", "--due", "2026-04-01"], "task", "edit"),
  w("tasks reopen", () => ["tasks", "reopen", "2"], "task", "reopen"),
  w("tasks remove", () => ["tasks", "remove", "1"], "task", "remove"),
  w("conversations add", () => ["conversations", "add", "--with", "Hatice Kaya", "--by", "Maria Schmidt"], "conversation", "add"),
  w("topics add", () => ["topics", "add", "Bildung"], "topic", "add"),
  w("campaigns add", () => ["campaigns", "add", "Kitaplätze", "--topic", "Miete", "--team", "wohnen"], "campaign", "add"),
  w("campaigns update", () => ["campaigns", "update", "1", "Aktion vor dem Rathaus"], "campaign_update", "add"),
  w("commitments add", () => ["commitments", "add", "--ask", "Spielplatz", "--from", "Stadträtin Weber", "--answer", "no"], "commitment", "add"),
  w("commitments update", () => ["commitments", "update", "1", "--status", "kept"], "commitment", "update"),
  w("fundraising funders add", () => ["fundraising", "funders", "add", "Stiftung Süd", "--kind", "foundation"], "funder", "add"),
  w("fundraising funders edit", () => ["fundraising", "funders", "edit", "Stiftung Mitte", "--kind", "church"], "funder", "edit"),
  w("fundraising funders contact", () => ["fundraising", "funders", "contact", "Stiftung Mitte", "Frau Lange"], "funder", "contact"),
  w("fundraising apply", () => ["fundraising", "apply", "Stiftung Mitte", "Projekt 2", "--amount", "1000"], "application", "add"),
  w("fundraising stage", () => ["fundraising", "stage", "1", "submitted"], "application", "stage"),
  w("fundraising report-due add", () => ["fundraising", "report-due", "add", "2", "final", "2026-12-31"], "reporting_deadline", "add"),
  w("fundraising report-due done", () => ["fundraising", "report-due", "done", "1"], "reporting_deadline", "submitted"),
  w("fundraising income add", () => ["fundraising", "income", "add", "100", "--date", "2026-02-01", "--kind", "donation"], "income", "add"),
  w("fundraising income edit", () => ["fundraising", "income", "edit", "1", "--amount", "90"], "income", "edit"),
  w("fundraising income cancel", () => ["fundraising", "income", "cancel", "1", "--reason", "doppelt"], "income", "cancel"),
  w("fundraising close-year", () => ["fundraising", "close-year", "2025"], "closed_year", "close"),
  w("fundraising dues set", () => ["fundraising", "dues", "set", "2026", "JOSEF", "120"], "dues", "set"),
  w("fundraising budget set", () => ["fundraising", "budget", "set", "2026", "Miete", "1200"], "budget", "set"),
  w("fundraising import", (f) => ["fundraising", "import", f.bankCsv], "income", "import"),
  w("fundraising rules add", () => ["fundraising", "rules", "add", "Spende", "--kind", "donation"], "bank_rule", "add"),
  w("fundraising rules remove", () => ["fundraising", "rules", "remove", "1"], "bank_rule", "remove"),
  w("restore", (f) => ["restore", f.backup, "--yes"], "data_file", "restore"),
];

/** Commands that create a new data file rather than change one: their audit row is tested on the new file. */
export const NEW_FILE_COMMANDS: WriteCommand[] = [
  w("init", () => ["init", "--name", "Neue Plattform"], "platform", "init"),
  // into the data file (--db), which does not exist yet
  w("copy", (f) => ["copy", "--from", f.backup], "data_file", "copy"),
];

/**
 * Write commands of a server platform only (PostgreSQL roles): on a data file they refuse, so they have no
 * invocation here; test/cli/users.test.ts checks their audit rows on a server.
 */
export const SERVER_WRITES = new Set(["users add", "users remove"]);

/** Every command whose definition says it writes (but creates no new file), with its invocation from above. */
export const WRITE_COMMANDS: WriteCommand[] = ((): WriteCommand[] => {
  const writes = writeCommandNames();
  const newFile = new Set(NEW_FILE_COMMANDS.map((c) => c.name));
  const unmarked = [...INVOCATIONS, ...NEW_FILE_COMMANDS].filter((c) => !writes.includes(c.name));
  if (unmarked.length) throw new Error(`not marked write: true in their definitions: ${unmarked.map((c) => c.name).join(", ")}`);
  return writes
    .filter((name) => !newFile.has(name) && !SERVER_WRITES.has(name))
    .map((name) => {
      const row = INVOCATIONS.find((c) => c.name === name);
      // A new write command? Add a row to INVOCATIONS: one valid invocation and the audit row it writes.
      if (!row) throw new Error(`write command without an invocation in test/cli/writeCommands.ts: ${name}`);
      return row;
    });
})();

/** Commands that write files other than the data file: fuzzed through their --out or target path. */
export const FILE_WRITERS: Array<{ name: string; valid: (files: Files) => string[] }> = [
  { name: "backup", valid: (f) => ["backup", join(f.dir, "neu.db")] },
  { name: "groups export", valid: () => ["groups", "export", "--format", "csv"] },
  { name: "people export", valid: () => ["people", "export", "--format", "json"] },
  { name: "meetings export", valid: () => ["meetings", "export", "--format", "ics"] },
  { name: "elections export", valid: () => ["elections", "export", "3"] },
  { name: "report agenda", valid: () => ["report", "agenda", "4", "--format", "html"] },
  { name: "report minutes", valid: () => ["report", "minutes", "1", "--format", "md"] },
  { name: "report attendance", valid: () => ["report", "attendance", "--format", "html"] },
  { name: "report commitments", valid: () => ["report", "commitments", "--format", "md"] },
  { name: "report annual", valid: () => ["report", "annual", "2026", "--format", "html"] },
  { name: "fundraising income export", valid: () => ["fundraising", "income", "export", "--format", "csv"] },
  { name: "fundraising applications export", valid: () => ["fundraising", "applications", "export", "--format", "json"] },
  { name: "fundraising dues export", valid: () => ["fundraising", "dues", "export", "--year", "2026", "--format", "xlsx"] },
  { name: "tasks export", valid: () => ["tasks", "export", "--format", "csv"] },
  { name: "fundraising report", valid: () => ["fundraising", "report", "--format", "md"] },
  { name: "report conversations", valid: () => ["report", "conversations", "--format", "md"] },
  { name: "report coverage", valid: () => ["report", "coverage", "--format", "html"] },
  { name: "report listening", valid: () => ["report", "listening", "--format", "md"] },
];

/**
 * Commands that neither change the data file nor are listed above: reading, and the two that cannot be
 * driven by a script (demo builds its own file; meetings run needs a terminal).
 */
export const NOT_WRITES = new Set([
  "status", "check", "log", "config get", "demo", "completion", "users list",
  "groups list", "groups show", "people list", "people show",
  "meetings list", "meetings show", "meetings run", "fundraising income review", "meetings template show",
  "votes show", "votes list", "elections show", "elections list",
  "teams list", "teams show", "tasks list",
  "conversations list", "conversations show", "topics list",
  "campaigns list", "campaigns show", "commitments list", "commitments show",
  "fundraising funders list", "fundraising funders show", "fundraising applications list", "fundraising applications show",
  "fundraising income list", "fundraising dues status", "fundraising budget show", "fundraising deadlines", "fundraising rules list",
]);
