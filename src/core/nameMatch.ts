import { CliError, type Params } from "./errors.js";
import type { MessageKey } from "./i18n.js";
import { foldName } from "./validate.js";

/** A row a name can mean: its id, its name and, for groups and teams, its short code. */
export interface NameCandidate {
  id: number;
  name: string;
  short?: string | null;
}

/**
 * The candidates `ref` means once case, accents and spelling variants are set aside (foldName): the fallback
 * after the exact lookup on name_key found nothing, over the area's (small) list of names.
 */
export function foldedMatches(candidates: NameCandidate[], ref: string): NameCandidate[] {
  const key = foldName(ref);
  if (key === "") return [];
  return candidates.filter((c) => foldName(c.name) === key || (c.short != null && foldName(c.short) === key));
}

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to three names closest to `ref` (folded), near enough to be a typo: one edit in short names, more in long. */
export function closestNames(candidates: NameCandidate[], ref: string): string[] {
  const key = foldName(ref);
  if (key === "") return [];
  const limit = key.length <= 4 ? 1 : key.length <= 10 ? 2 : 3;
  const scored: Array<{ name: string; distance: number }> = [];
  for (const c of candidates) {
    const distances = [c.name, c.short].filter((s): s is string => s != null && s !== "").map((s) => editDistance(key, foldName(s)));
    const distance = Math.min(...distances);
    if (distance <= limit) scored.push({ name: c.name, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return [...new Set(scored.map((s) => s.name))].slice(0, 3);
}

/**
 * What a resolver does when the exact lookup found nothing: the one folded match's id, or an error — ambiguous
 * with the candidates listed, or unknown with the closest names suggested ("meinten Sie …?") instead of `hintKey`.
 */
export function resolveByFolding(candidates: NameCandidate[], ref: string, unknownKey: MessageKey, hintKey: MessageKey): number {
  const matches = foldedMatches(candidates, ref);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw ambiguousName(ref, matches);
  const suggestions = /^#?\d+$/.test(ref.trim()) ? [] : closestNames(candidates, ref);
  if (suggestions.length === 0) throw new CliError(unknownKey, { ref }, 1, hintKey);
  const params: Params = { ref, suggestions: suggestions.join(", ") };
  throw new CliError(unknownKey, params, 1, "error.didYouMean");
}

/** The error for a name several rows answer to, each listed with its number. */
export function ambiguousName(ref: string, found: Array<{ id: number; name: string | null }>): CliError {
  return new CliError("error.ambiguous", { ref, candidates: found.map((c) => `#${c.id} ${c.name ?? "?"}`).join(", ") });
}
