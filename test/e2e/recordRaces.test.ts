// Writes racing the locks of the record, as separate processes: `meetings note` against `meetings approve`, and
// `elections ballot` against `elections tally`, started together, round after round. Each write must be either
// refused or inside the record before the lock or the count: never acknowledged and then missing, never inside
// minutes that were already approved (`check` compares the approved minutes with their hash).
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openDataFile } from "../../src/core/db.js";
import { BIN, newPlatform, run, runEnv } from "../helpers.js";

const TODAY = "2026-03-01";
const GROUPS = 6;

interface Exit {
  code: number | null;
  stderr: string;
}

function start(args: string[], db: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "--lang", "en", ...args], { env: runEnv({ db, env: { PLATTFORM_TODAY: TODAY } }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** GROUPS member groups with a representative each, all present at the Kernkreis meetings of 10 and 24 February. */
async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "en"]);
  const ok = async (args: string[]) => {
    const result = await run(args, { db, env: { PLATTFORM_TODAY: TODAY } });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  };
  for (let i = 0; i < GROUPS; i++) {
    await ok(["groups", "add", `Gruppe ${i}`, "--short", `G${i}`, "--joined", "2020-01-01"]);
    await ok(["people", "add", `Person ${i}`, "--group", `G${i}`, "--role", "representative", "--since", "2020-01-01"]);
  }
  await ok(["meetings", "add", "kernkreis", "--date", "2026-02-10"]);
  await ok(["meetings", "item", "add", "1", "Haushalt"]);
  await ok(["meetings", "attend", "1", ...Array.from({ length: GROUPS }, (_, i) => `Person ${i}`)]);
  await ok(["meetings", "add", "kernkreis", "--date", "2026-02-24"]);
  await ok(["meetings", "attend", "2", ...Array.from({ length: GROUPS }, (_, i) => `Person ${i}`)]); // quorate, to approve at
  return db;
}

describe("writes racing the record's locks, in separate processes", () => {
  it("meetings note against meetings approve: each note is refused or in the minutes before they were approved", async () => {
    let refused = 0;
    let kept = 0;
    for (let round = 0; round < 6; round++) {
      const db = await platform();
      expect((await run(["meetings", "close", "1"], { db, env: { PLATTFORM_TODAY: TODAY } })).code).toBe(0);
      const notes = Array.from({ length: 5 }, (_, i) => start(["meetings", "note", "1", "1", `Notiz ${round}-${i}`], db));
      const approval = start(["meetings", "approve", "1", "--at", "2"], db);
      const exits = await Promise.all(notes);
      expect((await approval).code, (await approval).stderr).toBe(0);
      const store = openDataFile(db);
      const stored = (store.prepare("SELECT text FROM item_notes").pluck().all() as string[]).sort();
      // The minutes as approved (and printed from then on): exactly the notes that were acknowledged.
      const approved = store.prepare("SELECT model FROM approved_minutes WHERE meeting_id = 1").pluck().get() as string;
      store.close();
      exits.forEach((exit, i) => {
        const text = `Notiz ${round}-${i}`;
        if (exit.code === 0) {
          kept++;
          expect(stored, text).toContain(text);
          expect(approved, text).toContain(text);
        } else {
          refused++;
          expect(exit.code, exit.stderr).toBe(1);
          expect(exit.stderr).toMatch(/^error: .*locked/);
          expect(stored, text).not.toContain(text);
          expect(approved, text).not.toContain(text);
        }
      });
      const check = await run(["check"], { db, env: { PLATTFORM_TODAY: TODAY } });
      expect(check.code, check.stdout + check.stderr).toBe(0);
    }
    process.stderr.write(`recordRaces: notes kept ${kept}, refused ${refused}\n`);
    expect(kept + refused).toBe(30);
  }, 120_000);

  it("elections ballot against elections tally: each ballot is refused or in the stored count", async () => {
    for (let round = 0; round < 4; round++) {
      const db = await platform();
      const ok = async (args: string[]) => expect((await run(args, { db, env: { PLATTFORM_TODAY: TODAY } })).code, args.join(" ")).toBe(0);
      await ok(["elections", "add", "1", "--team", "strategy-finance", "--seats", "1"]);
      for (const i of [0, 1]) {
        await ok(["elections", "nominate", "1", `Person ${i}`, "--by", `G${i}`]);
        await ok(["elections", "accept", "1", `Person ${i}`]);
      }
      await ok(["elections", "ballot", "1", "--group", "G0", "Person 0"]);
      const ballots = Array.from({ length: GROUPS - 1 }, (_, i) => start(["elections", "ballot", "1", "--group", `G${i + 1}`, `Person ${i % 2}`], db));
      const tally = start(["elections", "tally", "1"], db);
      const exits = await Promise.all(ballots);
      expect((await tally).code, (await tally).stderr).toBe(0);
      const store = openDataFile(db);
      const receipts = store.prepare("SELECT group_id FROM ballot_receipts").pluck().all() as number[];
      const stored = JSON.parse(store.prepare("SELECT tally FROM elections WHERE id = 1").pluck().get() as string) as { valid: number };
      const ballotRows = store.prepare("SELECT count(*) FROM ballots").pluck().get() as number;
      store.close();
      const acknowledged = exits.filter((exit) => exit.code === 0).length;
      // Refused because the box was closed, or because other ballots kept the file from being this one's alone.
      for (const exit of exits) if (exit.code !== 0) expect(exit.stderr, JSON.stringify(exits)).toMatch(/^error: (.*counted|another program has the data file .* open)/);
      // every acknowledged ballot has its receipt, and the stored count holds every ballot in the box
      expect(receipts.length).toBe(1 + acknowledged);
      expect(ballotRows).toBe(receipts.length);
      expect(stored.valid).toBe(ballotRows);
      process.stderr.write(`recordRaces: ballots acknowledged ${acknowledged} of ${GROUPS - 1}\n`);
    }
  }, 120_000);
});
