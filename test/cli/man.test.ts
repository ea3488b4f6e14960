// Issue 18 item 6: the man page, written from the command definitions by scripts/man.mjs and installed through
// package.json's "man" field.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { manPage, roff } from "../../src/cli/man.js";
import { commandTree } from "../../src/cli/tree.js";

const PAGES = { en: "man/plattform.1", de: "man/de/plattform.1" } as const;
const root = new URL("../../", import.meta.url);
const { version, man } = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string; man: string[] };
const committed = (file: string) => readFileSync(new URL(file, root), "utf8");

/** A roff formatter that can check a page: groff, else nroff (which may lack -z: its output is dropped). */
function formatter(): { command: string; args: string[] } | undefined {
  const has = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
  if (has("groff")) return { command: "groff", args: ["-man", "-Tutf8", "-ww", "-z"] };
  if (has("nroff")) return { command: "nroff", args: ["-man", "-Tutf8", "-ww"] };
  return undefined;
}
const roffTool = formatter();

describe("the man page", () => {
  for (const [lang, file] of Object.entries(PAGES) as Array<[keyof typeof PAGES, string]>) {
    it(`${file} is what the definitions give now`, async () => {
      expect(committed(file), `${file} is out of date with the command definitions: run \`npm run man\` and commit it`).toBe(await manPage(lang, version));
    });

    it(`${file} names every command, its arguments and its options`, () => {
      const page = committed(file);
      for (const command of commandTree()) {
        expect(page, command.path).toContain(`.SS ${roff(command.path, true)}\n\\fBplattform ${roff(command.path, true)}\\fR`);
        for (const arg of command.args) expect(page, `${command.path} ${arg}`).toContain(`\\fI${roff(arg, true)}\\fR`);
        for (const spec of command.specs) expect(page, `${command.path} ${spec.flags}`).toContain(roff(spec.flags.split(" ")[0]!, true));
      }
    });

    it.skipIf(!roffTool)(`${file} renders without a warning${roffTool ? "" : " (skipped: neither groff nor nroff is installed)"}`, () => {
      const result = spawnSync(roffTool!.command, [...roffTool!.args, file], { cwd: root, encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
    });
  }

  it("is installed by npm through package.json's man field", () => {
    expect(man).toEqual([`./${PAGES.en}`]);
  });

  it("is ASCII roff: backslashes, non-ASCII characters and a leading dot or quote escaped", () => {
    expect(roff("a\\b")).toBe("a\\eb");
    expect(roff("Bürger")).toBe("B\\[u00FC]rger");
    expect(roff(".hidden\n'quoted")).toBe("\\&.hidden\n\\&'quoted");
    expect(roff("--all, key-person")).toBe("\\-\\-all, key-person");
    expect(roff("key-person", true)).toBe("key\\-person");
    for (const file of Object.values(PAGES)) expect(committed(file)).toMatch(/^[\x00-\x7f]*$/);
  });
});
