// An xlsx export is binary: the built binary writes it whole into a pipe (a file Excel and exceljs open), and
// refuses to write it onto a terminal (made with util-linux `script`, as in terminalTable.test.ts).
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, newPlatform, run, runEnv, tempDir } from "../helpers.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("xlsx on standard output", () => {
  it("into a pipe: the workbook's bytes", async () => {
    const db = await newPlatform(["--lang", "de"]);
    expect((await run(["groups", "add", "Çağlar Kulturverein", "--short", "CAG", "--kind", "culture", "--joined", "2019-09-09"], { db })).code).toBe(0);
    const piped = spawnSync(process.execPath, [BIN, "groups", "export", "--format", "xlsx"], { env: runEnv({ db }) });
    expect(piped.status, String(piped.stderr)).toBe(0);
    expect([...piped.stdout.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip file
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(piped.stdout as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe("Çağlar Kulturverein");
    expect(row.getCell(3).value).toBe("Kulturverein");
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2019, 8, 9)));
  });

  it.skipIf(!hasScript)("onto a terminal: refused as a usage error (exit 2) with a hint, nothing written", async () => {
    const db = await newPlatform(["--lang", "en"]);
    const env = { PATH: process.env.PATH ?? "", HOME: tempDir(), PLATTFORM_DB: db, LANG: "C.UTF-8", TERM: "xterm" };
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${BIN} groups export --format xlsx`, "/dev/null"], { env, encoding: "utf8" });
    expect(tty.status).toBe(2);
    const lines = tty.stdout.split(/\r?\n/).filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/xlsx file is not for the terminal — write it to a file with --out/);
  });
});
