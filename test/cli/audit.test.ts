// Every write command leaves its audit row (who, what, the command line), and every command of the CLI is
// known to the write-command table that this test and the fuzz test share (test/cli/writeCommands.ts).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { leafCommands } from "./commandTree.js";
import { onServer, recordedActor } from "../server.js";
import { copyOf, fails, ok, query } from "./util.js";
import { buildWriteTemplate, ENV, FILE_WRITERS, makeFiles, NEW_FILE_COMMANDS, NOT_WRITES, SERVER_WRITES, WRITE_COMMANDS, type Files } from "./writeCommands.js";

let template: string;
let files: Files;
beforeAll(async () => {
  template = await buildWriteTemplate();
  files = await makeFiles(template);
}, 180_000);
afterAll(() => {
  for (const dir of [template && join(template, ".."), files?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the write-command table", () => {
  it("knows every command of the CLI", async () => {
    const leaves = await leafCommands();
    expect(leaves.length).toBeGreaterThan(60);
    const known = new Set([...[...WRITE_COMMANDS, ...NEW_FILE_COMMANDS, ...FILE_WRITERS].map((c) => c.name), ...SERVER_WRITES]);
    const unknown = leaves.filter((name) => !known.has(name) && !NOT_WRITES.has(name));
    // A new command? Mark it `write: true` in its definition and add its invocation to writeCommands.ts, or add
    // it to FILE_WRITERS or NOT_WRITES.
    expect(unknown).toEqual([]);
    const stale = [...known, ...NOT_WRITES].filter((name) => !leaves.includes(name));
    expect(stale).toEqual([]);
  }, 60_000);
});

const ACTOR = "Prüferin Çağlar";

function auditRows(db: string): Array<{ id: number; actor: string; command: string; entity: string; action: string }> {
  return query(db, "SELECT id, actor, command, entity, action FROM audit_log ORDER BY id");
}

/**
 * Write commands a server refuses by design, with what the refusal names: tested there as refused instead.
 * A ballot is never written on its own on a server (README: Secret ballots on a server).
 */
const REFUSED_ON_SERVER = new Map([["elections ballot", "plattform elections import"]]);

describe("each write command writes its audit row", () => {
  it.each(WRITE_COMMANDS.filter((c) => !(onServer && REFUSED_ON_SERVER.has(c.name))).map((c) => [c.name, c] as const))("%s", async (_name, command) => {
    const db = copyOf(template);
    const before = auditRows(db);
    const args = command.valid(files);
    await ok(args, { db, env: { ...ENV, PLATTFORM_USER: ACTOR } });
    const after = auditRows(db);
    const known = new Set(before.map((r) => r.id));
    const added = after.filter((r) => !known.has(r.id) || command.name === "restore");
    const row = added.find((r) => r.entity === command.audit.entity && r.action === command.audit.action && r.actor === recordedActor(ACTOR));
    expect(row, `no ${command.audit.entity}/${command.audit.action} row by ${recordedActor(ACTOR)}: ${JSON.stringify(added.slice(-3))}`).toBeDefined();
    // The command line is recorded; the first words are the command's path.
    const recorded = JSON.parse(row!.command) as string[];
    expect(recorded.slice(0, command.name.split(" ").length)).toEqual(command.name.split(" "));
    rmSync(join(db, ".."), { recursive: true, force: true });
  });

  it.each(NEW_FILE_COMMANDS.map((c) => [c.name, c] as const))("%s (a new file)", async (_name, command) => {
    const db = join(tempDir(), "neu.db");
    await ok(command.valid(files), { db, env: { ...ENV, PLATTFORM_USER: ACTOR } });
    const rows = auditRows(db);
    expect(rows.filter((r) => r.entity === command.audit.entity && r.action === command.audit.action && r.actor === recordedActor(ACTOR))).toHaveLength(1);
    rmSync(join(db, ".."), { recursive: true, force: true });
  });
});

describe.runIf(onServer)("a write command a server refuses", () => {
  it.each([...REFUSED_ON_SERVER].map(([name, names]) => [name, WRITE_COMMANDS.find((c) => c.name === name)!, names] as const))("%s: exit 1, one line, no audit row, nothing written", async (_name, command, names) => {
    const db = copyOf(template);
    const before = auditRows(db);
    // fails() also checks that no row of any table changed
    const result = await fails(command.valid(files), { db, env: { ...ENV, PLATTFORM_USER: ACTOR } }, 1);
    expect(result.stderr).toContain(names);
    expect(auditRows(db)).toEqual(before);
  });
});
