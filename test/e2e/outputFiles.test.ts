// Files the program writes: `--out` never replaces the data file (by its name, a companion, a symbolic or a hard
// link), and a write that fails (a full disk) leaves an existing file as it was and names the target.
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, fileHash, newPlatform, oneLineError, run, runEnv, tempDir } from "../helpers.js";

const env = { PLATTFORM_TODAY: "2026-03-10" };

async function platform(): Promise<string> {
  const db = await newPlatform(["--lang", "en"]);
  for (const args of [
    ["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"],
    ["meetings", "add", "kernkreis", "--date", "2026-03-03"],
  ])
    expect((await run(args, { db, env })).code).toBe(0);
  return db;
}

describe("--out at the data file", () => {
  it("by name, at its -wal, through a symbolic link and through a hard link: exit 1, one line, the file unchanged", async () => {
    const db = await platform();
    const dir = join(db, "..");
    symlinkSync(db, join(dir, "link.db"));
    linkSync(db, join(dir, "hard.db"));
    const before = fileHash(db);
    for (const target of [db, `${db}-wal`, join(dir, "link.db"), join(dir, "hard.db")]) {
      for (const args of [
        ["report", "minutes", "1", "--out", target],
        ["meetings", "export", "--format", "ics", "--out", target],
        ["groups", "export", "--format", "csv", "--out", target],
      ]) {
        const result = await run(args, { db, env });
        expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(1);
        expect(oneLineError(result.stderr)).toBe(true);
        expect(result.stderr).toMatch(/^error: .* is the data file/);
      }
    }
    expect(fileHash(db)).toBe(before);
    // Another file is written, mode 0600, and replaced whole when it exists.
    const out = join(dir, "minutes.md");
    writeFileSync(out, "old content that is longer than the minutes could ever be ".repeat(200));
    expect((await run(["report", "minutes", "1", "--out", out], { db, env })).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^# Minutes: Kernkreis/);
    expect(readFileSync(out, "utf8")).not.toContain("old content");
  });
});

/** Whether this machine lets a test mount a small tmpfs in a private mount namespace. */
function canMountTmpfs(): boolean {
  const dir = tempDir();
  const probe = spawnSync("unshare", ["-m", "sh", "-c", `mount -t tmpfs -o size=16k tmpfs '${dir}'`], { encoding: "utf8" });
  return probe.status === 0;
}
const tmpfs = canMountTmpfs();

describe("a full disk", () => {
  it.skipIf(!tmpfs)("(needs unshare and mount of a tmpfs) report --out onto an existing file and backup: exit 1, one line naming the target, the file unchanged", async () => {
    const db = await platform();
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const command = (args: string[]) => `node '${BIN}' ${args.map((a) => `'${a}'`).join(" ")}; echo "exit=$?"; cat '${dir}/keep.md'`;
    const script = [
      `mount -t tmpfs -o size=16k tmpfs '${dir}'`,
      `head -c 12000 /dev/zero > '${dir}/filler'`,
      `printf 'the minutes as they were' > '${dir}/keep.md'`,
      command(["report", "minutes", "1", "--format", "pdf", "--out", `${dir}/keep.md`]),
      `echo; node '${BIN}' backup '${dir}/b.db'; echo "exit=$?"; ls '${dir}'`,
    ].join(" && ");
    const result = spawnSync("unshare", ["-m", "sh", "-c", script], { env: runEnv({ db, env }), encoding: "utf8" });
    expect(result.stdout).toContain("exit=1\nthe minutes as they were");
    expect(result.stdout).toMatch(/exit=1\nfiller\nkeep\.md\n$/); // no b.db, no temporary file left
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^error: cannot write .*keep\.md: the disk is full/), expect.stringMatching(/^error: cannot write .*b\.db: the disk is full/)]);
    expect(existsSync(db)).toBe(true);
  });
});
