import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { messages as deMessages } from "../../src/app/messages/de.js";
import { messages as enMessages } from "../../src/app/messages/en.js";
import { isLang, langFromEnv, loadMessages, pluralCategory, translate, type Message, type MessageKey } from "../../src/core/i18n.js";
import type { ImportLine } from "../../src/core/importReport.js";
import { GROUP_KINDS } from "../../src/groups/model.js";
import { ROLES } from "../../src/people/model.js";
import { SETTING_KEYS } from "../../src/platform/settings.js";

const en: Record<string, Message> = enMessages;
const de: Record<string, Message> = deMessages;
const CATALOGUES = { en, de };

/** The texts of a message: one, or the forms of a plural. */
const forms = (message: Message): string[] => (typeof message === "string" ? [message] : [message.one, message.other]);

function placeholders(message: Message): string[] {
  return [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w[\w-]*)\}/g)].map((m) => m[1]!)))].sort();
}

beforeAll(async () => {
  await loadMessages("en");
  await loadMessages("de");
});

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

/** Each area's catalogue files, src/<area>/messages/{en,de}.ts, read as text. */
function areaCatalogues(): Array<{ area: string; en: Record<string, Message>; de: Record<string, Message> }> {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "app")
    .flatMap((d) => {
      const dir = join(SRC, d.name === "core" ? "core" : d.name, "messages");
      try {
        readdirSync(dir);
      } catch {
        return [];
      }
      return [{ area: d.name, en: keysOf(join(dir, "en.ts")), de: keysOf(join(dir, "de.ts")) }];
    });
}

function keysOf(file: string): Record<string, Message> {
  const keys: Record<string, Message> = {};
  for (const m of readFileSync(file, "utf8").matchAll(/^ {2}"([^"]+)":/gm)) keys[m[1]!] = en[m[1]!]!;
  return keys;
}

describe("the catalogues", () => {
  it("de and en have exactly the same keys", () => {
    const enKeys = Object.keys(en).sort();
    const deKeys = Object.keys(de).sort();
    expect(enKeys.filter((k) => !(k in de))).toEqual([]);
    expect(deKeys.filter((k) => !(k in en))).toEqual([]);
    expect(deKeys).toEqual(enKeys);
    expect(enKeys.length).toBeGreaterThan(50);
  });

  it("every key belongs to one area only, and each area has the same keys in both languages", () => {
    const areas = areaCatalogues();
    expect(areas.map((a) => a.area)).toEqual(expect.arrayContaining(["core", "groups", "votes", "fundraising", "reports"]));
    const owners = new Map<string, string[]>();
    for (const { area, en: keys, de: deKeys } of areas) {
      expect(Object.keys(deKeys).sort(), area).toEqual(Object.keys(keys).sort());
      for (const key of Object.keys(keys)) owners.set(key, [...(owners.get(key) ?? []), area]);
    }
    expect([...owners].filter(([, a]) => a.length > 1).map(([key, a]) => `${key}: ${a.join(", ")}`)).toEqual([]);
    // the aggregate holds exactly the areas' keys: none lost, none only in an aggregate
    expect([...owners.keys()].sort()).toEqual(Object.keys(en).sort());
  });

  it("no message is empty", () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      const empty = Object.entries(catalogue).filter(([, message]) => forms(message).some((text) => text.trim() === "")).map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it("every message uses the same placeholders in German and English", () => {
    const mismatched = Object.keys(en)
      .filter((key) => key in de)
      .filter((key) => placeholders(en[key]!).join(",") !== placeholders(de[key]!).join(","))
      .map((key) => `${key}: en {${placeholders(en[key]!).join("}{")}} de {${placeholders(de[key]!).join("}{")}}`);
    expect(mismatched).toEqual([]);
  });

  it("every hint key belongs to a message key", () => {
    const orphans = Object.keys(en).filter((key) => key.endsWith(".hint") && !key.startsWith("usage.") && !(key.slice(0, -5) in en));
    expect(orphans).toEqual([]);
  });
});

describe("translate", () => {
  it("fills placeholders", () => {
    expect(translate("en", "config.set", { key: "quorum", value: "half" })).toBe("quorum is now half.");
    expect(translate("en", "groups.added", { name: "St. Marien", id: 4 })).toBe("Added group St. Marien (#4).");
  });

  it("fills placeholders in German", () => {
    const text = translate("de", "config.set", { key: "quorum", value: "half" });
    expect(text).toContain("quorum");
    expect(text).toContain("half");
    expect(text).not.toMatch(/\{\w/);
  });

  it("fills every occurrence and converts numbers", () => {
    const text = translate("en", "import.summary", { added: 1, changed: 0, unchanged: 12 });
    expect(text).toBe("Imported: 1 added, 0 changed, 12 unchanged.");
  });

  it("leaves a placeholder without a value as it is", () => {
    expect(translate("en", "config.set", { key: "quorum" })).toBe("quorum is now {value}.");
  });

  it("does not treat $ patterns in values specially", () => {
    expect(translate("en", "config.set", { key: "name", value: "$& $1 $$" })).toBe("name is now $& $1 $$.");
  });

  it.each(["de", "en"] as const)("falls back to the key for an unknown key (%s)", (lang) => {
    expect(translate(lang, "no.such.key" as MessageKey)).toBe("no.such.key");
    expect(translate(lang, "no.such.{thing}" as MessageKey, { thing: "x" })).toBe("no.such.x");
  });

  it("a plural message has a form for one and one for other, with the same placeholders", () => {
    const plurals = Object.entries(en).filter(([, m]) => typeof m !== "string");
    expect(plurals.length).toBeGreaterThan(3);
    for (const [key, message] of plurals) {
      expect(typeof de[key], key).toBe("object");
      for (const m of [message, de[key]!]) {
        const { by, one, other } = m as { by: string; one: string; other: string };
        expect(placeholders(one), key).toContain(by);
        expect(placeholders(one), key).toEqual(placeholders(other));
      }
    }
  });

  it.each([
    ["en", 1, "in 1 day"],
    ["en", 2, "in 2 days"],
    ["en", 0, "in 0 days"],
    ["de", 1, "in 1 Tag"],
    ["de", 21, "in 21 Tagen"],
  ] as const)("chooses the plural form by the number (%s, %d)", (lang, days, text) => {
    expect(translate(lang, "funds.inDays", { days })).toBe(text);
  });

  it("counts seats and overdue days in both languages", () => {
    expect(translate("de", "tally.seats", { seats: 1 })).toBe("1 Sitz");
    expect(translate("en", "tally.seats", { seats: 1 })).toBe("1 seat");
    expect(translate("en", "tally.seats", { seats: 5 })).toBe("5 seats");
    expect(translate("en", "funds.overdue", { days: 1 })).toBe("OVERDUE by 1 day");
  });

  // CLDR, de and en: "one" iff i = 1 and v = 0 (the integer 1, no visible fraction digits).
  it.each([
    [1, "one"],
    ["1", "one"],
    [0, "other"],
    [2, "other"],
    [21, "other"],
    [1.5, "other"],
    ["1.0", "other"],
    ["1,0", "other"],
    [-1, "one"],
    [undefined, "other"],
  ])("pluralCategory(%j) is %s", (count, category) => {
    expect(pluralCategory(count)).toBe(category);
  });

  it("gives different German and English text for a message", () => {
    expect(translate("de", "label.cancelled")).not.toBe(translate("en", "label.cancelled"));
  });
});

describe("isLang and langFromEnv", () => {
  it.each([
    ["de", true],
    ["en", true],
    ["fr", false],
    ["DE", false],
    ["", false],
  ])("isLang(%j) → %s", (value, expected) => {
    expect(isLang(value)).toBe(expected);
  });

  it.each([
    [{ LANG: "de_DE.UTF-8" }, "de"],
    [{ LANG: "de_AT" }, "de"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{}, "en"],
    [{ LANG: "en_US.UTF-8", LC_ALL: "de_DE.UTF-8" }, "de"],
    [{ LANG: "de_DE.UTF-8", LC_MESSAGES: "en_GB.UTF-8" }, "en"],
    [{ LANG: "DE_de" }, "de"],
  ])("%j → %s", (env, expected) => {
    expect(langFromEnv(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

// ---- message keys used in the source code ----

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The arguments of the call whose "(" is just before `start`, as source text, split at top-level commas.
 * Strings and brackets are skipped over; good enough for this code base's calls.
 */
function callArguments(source: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = start; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === "\\" ? 2 : 1;
      current += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    if (ch === ")" || ch === "]" || ch === "}") {
      if (depth === 0) {
        args.push(current.trim());
        return args;
      }
      depth--;
    }
    if (ch === "," && depth === 0) {
      args.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  return args;
}

const KEY_SHAPE = /^[a-z][\w-]*(\.[\w-]+)+$/i;

/** Plain string literals in a piece of source (template literals with ${} are not literal keys). */
function literalKeys(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`$\\]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "").filter((s) => KEY_SHAPE.test(s));
}

/** Calls whose arguments at these positions are message keys. */
const CALLS: Array<{ pattern: RegExp; keyArgs: number[] }> = [
  { pattern: /\bnew\s+CliError\(/g, keyArgs: [0, 3] },
  { pattern: /\bnew\s+(?:UsageError|DataFileError)\(/g, keyArgs: [0, 2] },
  { pattern: /(?<![\w$.])fail\(/g, keyArgs: [0, 2] },
  { pattern: /\b(?:ctx|this)\.t\(/g, keyArgs: [0] },
  { pattern: /(?<![\w$.])translate\(/g, keyArgs: [1] },
];

interface KeyUse {
  file: string;
  key: string;
}

function keysUsedInSource(): KeyUse[] {
  const uses: KeyUse[] = [];
  for (const path of tsFiles(SRC)) {
    const source = readFileSync(path, "utf8");
    const file = relative(SRC, path);
    for (const { pattern, keyArgs } of CALLS) {
      for (const match of source.matchAll(pattern)) {
        const args = callArguments(source, match.index! + match[0].length);
        for (const n of keyArgs) for (const key of literalKeys(args[n])) uses.push({ file, key });
      }
    }
  }
  return uses;
}

describe("the key scanner itself", () => {
  it("splits arguments at top-level commas only and finds literal keys at the given positions", () => {
    const source = 'x; new CliError(cond ? "a.one" : "a.two", { list: f(1, 2), s: "p, q" }, 1, "a.one.hint"); ctx.t(`kind.${k}`);';
    const open = source.indexOf("(", source.indexOf("CliError")) + 1;
    const args = callArguments(source, open);
    expect(args).toHaveLength(4);
    expect(literalKeys(args[0])).toEqual(["a.one", "a.two"]);
    expect(literalKeys(args[3])).toEqual(["a.one.hint"]);
    expect(literalKeys(args[1])).toEqual([]);
    expect(literalKeys("`kind.${k}`")).toEqual([]);
    expect(literalKeys("`plain.key`")).toEqual(["plain.key"]);
  });
});

describe("message keys used in src/", () => {
  const uses = keysUsedInSource();

  it("the scan finds the calls it is meant to find", () => {
    const found = new Set(uses.map((u) => u.key));
    // one of each kind of call, so that a broken scanner cannot pass vacuously
    for (const key of [
      "error.invalidDate", // new CliError(
      "error.invalidDate.hint", // 4th argument of CliError
      "error.noDataFile.hint", // 3rd argument of DataFileError
      "error.invalidLang", // new UsageError(
      "error.notInitialised", // a key in a conditional first argument
      "config.unchanged", // ctx.t(cond ? a : b)
      "init.done", // ctx.t(
      "usage.didYouMean", // translate(lang, ...)
    ]) {
      expect(found, key).toContain(key);
    }
    expect(found.size).toBeGreaterThan(40);
  });

  it("every literal key passed to CliError, UsageError, DataFileError, fail, ctx.t and translate exists in English", () => {
    const missing = uses.filter((u) => !(u.key in en)).map((u) => `${u.file}: ${u.key}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("every literal that looks like an error or usage key exists in English (also those kept in tables)", () => {
    const missing: string[] = [];
    for (const path of tsFiles(SRC)) {
      if (path.endsWith(join("core", "i18n.ts")) || path.includes(`${join("", "messages")}/`)) continue;
      const source = readFileSync(path, "utf8");
      for (const m of source.matchAll(/"((?:error|usage)\.[\w.-]+)"/g)) if (!(m[1]! in en)) missing.push(`${relative(SRC, path)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(GROUP_KINDS.map((k) => `kind.${k}`))("%s exists in both catalogues", (key) => {
    expect(en[key]).toBeTruthy();
    expect(de[key]).toBeTruthy();
  });

  it.each(ROLES.map((r) => `role.${r}`))("%s exists in both catalogues", (key) => {
    expect(en[key]).toBeTruthy();
    expect(de[key]).toBeTruthy();
  });

  it.each(SETTING_KEYS.map((k) => `setting.${k}`))("%s exists in both catalogues", (key) => {
    expect(en[key]).toBeTruthy();
    expect(de[key]).toBeTruthy();
  });

  const importActions: Array<ImportLine["action"]> = ["add", "change", "unchanged"];
  it.each(importActions.map((a) => `import.${a}`))("%s exists in both catalogues", (key) => {
    expect(en[key]).toBeTruthy();
    expect(de[key]).toBeTruthy();
  });
});
