// Standard output is written to its file descriptor directly (src/core/io.ts DescriptorStream). A pipe whose
// writing end is non-blocking fills up when the reader is slow: the rest must then go through Node's own
// stream, which waits for the reader, and nothing may be lost. Node's child_process makes a child's standard
// streams blocking, so the non-blocking pipe is made by a small Python parent (os.set_blocking).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, newPlatform, run, runEnv, tempDir } from "../helpers.js";

const hasPython = spawnSync("python3", ["--version"]).status === 0;

// Starts the command with a non-blocking pipe as its stdout, reads nothing for half a second (the pipe fills),
// then everything; prints a JSON summary.
const PARENT = `
import json, os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)
os.close(w)
time.sleep(0.5)
out = b""
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    out += chunk
child.wait()
print(json.dumps({"code": child.returncode, "stdout": out.decode("utf8"), "stderr": child.stderr.read().decode("utf8")}))
`;

describe("standard output into a non-blocking pipe", () => {
  // Skipped only where python3 is missing: Node cannot hand a child a non-blocking pipe.
  it.skipIf(!hasPython)("a list larger than the pipe arrives whole while the reader lags behind", async () => {
    const db = await newPlatform();
    const csv = join(tempDir(), "people.csv");
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${String(i).padStart(4, "0")} mit einem langen Namen,p${i}@example.org`);
    writeFileSync(csv, `name,email\n${rows.join("\n")}\n`);
    expect((await run(["people", "import", csv], { db })).code).toBe(0);
    const expected = (await run(["people", "list"], { db })).stdout;
    expect(expected.length).toBeGreaterThan(3 * 65536); // more than a pipe holds

    const parent = spawnSync("python3", ["-c", PARENT, process.execPath, BIN, "people", "list"], { env: runEnv({ db }), encoding: "utf8" });
    expect(parent.status, parent.stderr).toBe(0);
    const result = JSON.parse(parent.stdout) as { code: number; stdout: string; stderr: string };
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });
});
