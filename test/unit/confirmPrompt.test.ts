// The yes/no question in the platform's language, driven through its input and output streams.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { confirmPrompt, type ConfirmWords } from "../../src/core/confirmPrompt.js";

const GERMAN: ConfirmWords = { yesKey: "j", noKey: "n", yes: "ja", no: "nein", invalid: "bitte mit j (ja) oder n (nein) antworten" };
const ENGLISH: ConfirmWords = { yesKey: "y", noKey: "n", yes: "yes", no: "no", invalid: "please answer y (yes) or n (no)" };

/** Asks, types `lines` one after another, and returns the answer and everything shown. */
async function ask(words: ConfirmWords, lines: string[], defaultAnswer = false): Promise<{ answer: boolean; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (chunk: Buffer) => (shown += chunk.toString("utf8")));
  const answer = confirmPrompt({ message: "Wirklich?", default: defaultAnswer, words }, { input, output });
  for (const line of lines) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    input.write(`${line}\n`);
  }
  return { answer: await answer, shown: shown.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "") };
}

describe("German confirmation", () => {
  it.each<[string, boolean]>([["j", true], ["ja", true], ["J", true], ["Ja", true], ["n", false], ["nein", false], ["y", true], ["", false]])(
    "%j answers %s",
    async (typed, expected) => {
      expect((await ask(GERMAN, [typed])).answer).toBe(expected);
    },
  );

  it("shows (j/N) and the answer in German", async () => {
    const { shown } = await ask(GERMAN, ["ja"]);
    expect(shown).toContain("Wirklich? (j/N)");
    expect(shown).toContain("Wirklich? ja");
    expect(shown).not.toContain("y/N");
  });

  it("refuses anything else in German and asks again", async () => {
    const { answer, shown } = await ask(GERMAN, ["vielleicht", "\b".repeat(10) + "j"]);
    expect(shown).toContain("bitte mit j (ja) oder n (nein) antworten");
    expect(answer).toBe(true);
  });

  it("Enter takes the default, shown in capitals", async () => {
    const { answer, shown } = await ask(GERMAN, [""], true);
    expect(answer).toBe(true);
    expect(shown).toContain("(J/n)");
  });
});

describe("English confirmation", () => {
  it.each<[string, boolean]>([["y", true], ["yes", true], ["n", false], ["no", false]])("%j answers %s", async (typed, expected) => {
    expect((await ask(ENGLISH, [typed])).answer).toBe(expected);
  });

  it("shows (y/N)", async () => {
    expect((await ask(ENGLISH, ["n"])).shown).toContain("(y/N)");
  });
});
