// The built program's catalogue: one JSON file per key prefix, read at the first lookup (src/core/shardedCatalogue.ts),
// and the shards the build wrote (dist/messages/<lang>/) hold exactly the sources' catalogues.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { messages as deMessages } from "../../src/app/messages/de.js";
import { messages as enMessages } from "../../src/app/messages/en.js";
import { keyPrefix, shardedCatalogue } from "../../src/core/shardedCatalogue.js";
import { ROOT, tempDir } from "../helpers.js";

function shardFolder(shards: Record<string, Record<string, unknown>>): string {
  const dir = join(tempDir(), "en");
  mkdirSync(dir);
  for (const [prefix, shard] of Object.entries(shards)) writeFileSync(join(dir, `${prefix}.json`), JSON.stringify(shard));
  return dir;
}

describe("shardedCatalogue", () => {
  it("finds a key in the shard of its prefix, plural messages included", () => {
    const dir = shardFolder({ groups: { "groups.added": "Added {name}." }, status: { "status.days": { by: "days", one: "1 day", other: "{days} days" } } });
    const catalogue = shardedCatalogue(pathToFileURL(`${dir}/`), ["groups", "status"]);
    expect(catalogue["groups.added"]).toBe("Added {name}.");
    expect(catalogue["status.days"]).toEqual({ by: "days", one: "1 day", other: "{days} days" });
    expect("groups.added" in catalogue).toBe(true);
  });

  it("reads a shard only when one of its keys is looked up, and once", () => {
    const dir = shardFolder({ groups: { "groups.added": "Added" }, error: { "error.x": "bad" } });
    const catalogue = shardedCatalogue(pathToFileURL(`${dir}/`), ["groups", "error"]);
    rmSync(join(dir, "error.json"));
    expect(catalogue["groups.added"]).toBe("Added");
    rmSync(join(dir, "groups.json"));
    expect(catalogue["groups.added"]).toBe("Added"); // already read
    expect(() => catalogue["error.x"]).toThrow(/ENOENT/);
  });

  it("an unknown key, an unknown prefix or a key of Object's prototype is undefined, without reading a file", () => {
    const dir = shardFolder({ groups: { "groups.added": "Added" } });
    const catalogue = shardedCatalogue(pathToFileURL(`${dir}/`), ["groups"]);
    expect(catalogue["groups.nothing"]).toBeUndefined();
    expect(catalogue["nothing.here"]).toBeUndefined();
    expect(catalogue["constructor"]).toBeUndefined();
    expect(catalogue["groups.constructor"]).toBeUndefined();
    expect(catalogue["__proto__"]).toBeUndefined();
    expect("nothing.here" in catalogue).toBe(false);
  });

  it("keyPrefix is the text before the first dot, or the whole key", () => {
    expect(keyPrefix("error.noDataFile.hint")).toBe("error");
    expect(keyPrefix("label")).toBe("label");
  });
});

describe("the build's shards (dist/messages/<lang>/)", () => {
  it.each([
    ["en", enMessages],
    ["de", deMessages],
  ] as const)("%s: together they hold exactly the catalogue of the sources, each key in its prefix's file", (lang, messages) => {
    const dir = join(ROOT, "dist", "messages", lang);
    const merged: Record<string, unknown> = {};
    for (const file of readdirSync(dir)) {
      const shard = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
      for (const [key, message] of Object.entries(shard)) {
        expect(`${keyPrefix(key)}.json`, key).toBe(file);
        merged[key] = message;
      }
    }
    expect(merged).toEqual(messages);
  });
});
