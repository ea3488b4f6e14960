// The built program's catalogue of one language (scripts/build.mjs): one JSON file per key prefix ("groups",
// "error", "help" …) in dist/messages/<lang>/, each read at the first lookup of one of its keys. A run uses a
// few prefixes of about fifty: parsing the whole catalogue (90 KB, 1,450 keys) had cost every start 2–3 ms.
// The sources (and so the in-process tests) use the whole catalogue of src/app/messages/<lang>.ts directly.
import { readFileSync } from "node:fs";
import type { Catalogue, Message } from "./i18n.js";

/** The prefix a key's shard is named after: the text before its first dot. */
export function keyPrefix(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? key : key.slice(0, dot);
}

/** A catalogue that reads `<folder>/<prefix>.json` when a key of that prefix is first looked up. */
export function shardedCatalogue(folder: URL, prefixes: readonly string[]): Catalogue {
  const known = new Set(prefixes);
  const shards = new Map<string, Record<string, Message>>();
  const lookup = (key: string): Message | undefined => {
    const prefix = keyPrefix(key);
    let shard = shards.get(prefix);
    if (shard === undefined) {
      shard = known.has(prefix) ? (JSON.parse(readFileSync(new URL(`${prefix}.json`, folder), "utf8")) as Record<string, Message>) : {};
      shards.set(prefix, shard);
    }
    return Object.hasOwn(shard, key) ? shard[key] : undefined;
  };
  return new Proxy({} as Catalogue, {
    get: (_, key) => (typeof key === "string" ? lookup(key) : undefined),
    has: (_, key) => typeof key === "string" && lookup(key) !== undefined,
  });
}
