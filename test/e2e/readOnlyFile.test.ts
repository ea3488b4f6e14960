// A data file the user may only read: reading it leaves no -wal or -shm behind (SQLite would create them with the
// file's read-only permissions, and a read-only -shm makes every later write fail once the file is writable
// again); a write is refused with exit 3; `check` reports such a -shm left by another program. Run as an
// unprivileged user, because root may write any file.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, newPlatform, oneLineError, run, runEnv, tempDir } from "../helpers.js";

const NOBODY = 65534;
const env = { PLATTFORM_TODAY: "2026-03-10" };

/** Whether this test can run commands as another user: it runs as root and setpriv is there. */
function canDropPrivileges(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("setpriv", ["--reuid", String(NOBODY), "--regid", String(NOBODY), "--clear-groups", "true"]).status === 0;
}
const possible = canDropPrivileges();

function asNobody(args: string[], db: string): { code: number | null; stdout: string; stderr: string } {
  const home = tempDir();
  chmodSync(home, 0o777);
  chmodSync(join(home, ".."), 0o711);
  const result = spawnSync("setpriv", ["--reuid", String(NOBODY), "--regid", String(NOBODY), "--clear-groups", process.execPath, ...args], {
    env: { ...runEnv({ db, env }), HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a read-only data file", () => {
  it.skipIf(!possible)("(needs root and setpriv to act as another user) is read without leftovers, refuses writes with exit 3, and writes again once writable", async () => {
    const db = await newPlatform(["--lang", "en"]);
    expect((await run(["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"], { db, env })).code).toBe(0);
    const dir = join(db, "..");
    chmodSync(dir, 0o777);
    chmodSync(join(dir, ".."), 0o711); // the tests' own temporary folder: passable for the other user
    chownSync(db, NOBODY, NOBODY);
    chmodSync(db, 0o400);

    const read = asNobody([BIN, "groups", "list"], db);
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout).toContain("St. Josef");
    expect(existsSync(`${db}-shm`) || existsSync(`${db}-wal`)).toBe(false);

    const write = asNobody([BIN, "groups", "add", "Al-Nur", "--short", "NUR", "--joined", "2020-01-01"], db);
    expect(write.code, write.stderr).toBe(3);
    expect(oneLineError(write.stderr)).toBe(true);

    chmodSync(db, 0o600);
    const again = asNobody([BIN, "groups", "add", "Al-Nur", "--short", "NUR", "--joined", "2020-01-01"], db);
    expect(again.code, again.stderr).toBe(0);
    expect(asNobody([BIN, "check"], db).code).toBe(0);

    // Another program read it while it was read-only and left a read-only -shm: check says what to do.
    chmodSync(db, 0o400);
    const other = asNobody(["-e", `const D = require(${JSON.stringify(join(process.cwd(), "node_modules", "better-sqlite3"))}); const d = new D(${JSON.stringify(db)}, { readonly: true }); d.prepare("SELECT 1").get(); d.close();`], db);
    expect(other.code, other.stderr).toBe(0);
    expect(existsSync(`${db}-shm`)).toBe(true);
    chmodSync(db, 0o600);
    const check = asNobody([BIN, "check"], db);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${db}-shm cannot be written, while the data file can`);
  });
});
