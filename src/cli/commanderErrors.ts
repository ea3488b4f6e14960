import { translate, type Lang, type MessageKey } from "../core/i18n.js";

/** Commander's messages, made into the one-line form of CLI.md (and German where the language is German). */
export function formatCommanderError(message: string, lang: Lang): string {
  const text = message.replace(/^error:\s*/, "").trim();
  const [first, ...rest] = text.split("\n");
  const suggestion = rest.join(" ").match(/\(Did you mean (.+)\?\)/);
  const patterns: Array<[RegExp, MessageKey]> = [
    [/^unknown command '(.+)'$/, "usage.unknownCommand"],
    [/^unknown option '(.+)'$/, "usage.unknownOption"],
    [/^missing required argument '(.+)'$/, "usage.missingArgument"],
    [/^option '(.+)' argument missing$/, "usage.optionArgumentMissing"],
    [/^too many arguments(?: for '(.+)')?\..*$/, "usage.tooManyArguments"],
    [/^option '(.+)' argument '(.+)' is invalid\..*$/, "usage.invalidChoice"],
    [/^required option '(.+)' not specified$/, "usage.requiredOption"],
  ];
  let what = first ?? text;
  for (const [pattern, key] of patterns) {
    const m = pattern.exec(what);
    if (m) {
      what = translate(lang, key, { name: m[1] ?? "", value: m[2] ?? "" });
      break;
    }
  }
  const hint = suggestion ? translate(lang, "usage.didYouMean", { name: suggestion[1]! }) : translate(lang, "usage.hint");
  return `${translate(lang, "label.error")}: ${what} — ${hint}`;
}

/** Text for one terminal line: escape sequences and control characters removed, line breaks made spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "")
    .replace(/[\t\n\r]/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}
