// The key hints under a choice list, in the platform's language: @inquirer/prompts' select driven through its streams
// with the theme src/core/prompts.ts gives it.
import { select } from "@inquirer/prompts";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { de } from "../../src/core/messages/de.js";
import { keysHelpTip } from "../../src/core/prompts.js";

describe("select's key hints", () => {
  it("are German on a German platform", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (chunk: Buffer) => (shown += chunk.toString("utf8")));
    const t = ((key: keyof typeof de) => de[key]) as never;
    const answer = select(
      { message: "Wer?", choices: [{ name: "Ayşe", value: 1 }, { name: "Fatma", value: 2 }], theme: { style: { keysHelpTip: keysHelpTip({ t }) } } },
      { input, output },
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    input.write("\n");
    expect(await answer).toBe(1);
    expect(shown).toContain("↑↓ bewegen • ⏎ auswählen");
    expect(shown).not.toContain("navigate");
  });
});
