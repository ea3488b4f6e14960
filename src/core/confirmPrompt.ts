import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from "@inquirer/core";

/** The words of a yes/no question in one language: what the hint shows and which answers count. */
export interface ConfirmWords {
  /** The hint's letters, "j"/"n" in German, "y"/"n" in English. */
  yesKey: string;
  noKey: string;
  /** The answer as shown once given: "ja"/"nein", "yes"/"no". */
  yes: string;
  no: string;
  /** Shown when the answer is neither. */
  invalid: string;
}

export interface ConfirmConfig {
  message: string;
  default?: boolean;
  words: ConfirmWords;
}

/**
 * A yes/no question in the platform's language, "(j/N)" in German: @inquirer/confirm's hint letters are fixed to
 * "y/n" by its keywords. Accepted: the language's letter and word (j/ja, n/nein), and always y/yes/n/no.
 * Enter alone takes the default; anything else is refused and asked again.
 */
export const confirmPrompt = createPrompt<boolean, ConfirmConfig>((config, done) => {
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const theme = makeTheme();
  const prefix = usePrefix({ status, theme });
  const { words } = config;

  function answerOf(text: string): boolean | undefined {
    const v = text.trim().toLowerCase();
    if (v === "") return config.default === true;
    if ([words.yesKey, words.yes, "y", "yes"].includes(v)) return true;
    if ([words.noKey, words.no, "n", "no"].includes(v)) return false;
    return undefined;
  }

  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const answer = answerOf(value);
      if (answer === undefined) {
        rl.write(value);
        setError(words.invalid);
        return;
      }
      setValue(answer ? words.yes : words.no);
      setStatus("done");
      done(answer);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const hint = config.default === true ? `${words.yesKey.toUpperCase()}/${words.noKey}` : `${words.yesKey}/${words.noKey.toUpperCase()}`;
  const message = theme.style.message(config.message, status);
  const shown = status === "done" ? theme.style.answer(value) : `${theme.style.defaultAnswer(hint)} ${value}`;
  return [`${prefix} ${message} ${shown}`, error === undefined ? "" : theme.style.error(error)];
});
