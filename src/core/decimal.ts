// Decimal figures as a language writes them, by hand (no Intl on the start-up path): the counts of an election are
// decimal strings with a point ("2.00000", CLI.md), which German text writes with a comma ("2,00000").
import type { Lang } from "./i18n.js";

/** Every decimal point between digits in `text` as the language's decimal mark: de "2,00000", en "2.00000". */
export function localDecimal(text: string, lang: Lang): string {
  return lang === "de" ? text.replace(/(\d)\.(?=\d)/g, "$1,") : text;
}
