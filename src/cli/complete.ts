// `plattform __complete <words…> <current word>`: what the shell may offer for the current word, one a line.
// Called by the scripts of `plattform completion bash|zsh|fish` at every Tab, so it stays light: it reads the
// command definitions (no commander program is built) and opens the data file only when a name is wanted,
// without migrating and without writing. The first line `:files` asks the shell to complete file names instead.
import type { Runnable } from "../core/define.js";
import { io } from "../core/io.js";
import type { DataSource } from "./completionStore.js";
import { DEFINITIONS } from "./registry.js";

/** The program's global options (src/cli/program.ts), with whether they take a value. */
export const GLOBAL_OPTIONS: ReadonlyArray<{ long: string; value?: string }> = [
  { long: "--db", value: "file" },
  { long: "--json" },
  { long: "--lang", value: "lang" },
  { long: "--as", value: "name" },
  { long: "--yes" },
  { long: "--wide" },
  { long: "--no-input" },
  { long: "--no-color" },
  { long: "--debug" },
  { long: "--help" },
];

/**
 * The code lists of values that have no `choices` in their definition (they are checked by the areas' models,
 * which this file must not load; test/unit/complete.test.ts keeps the two equal), by the placeholder's name and
 * the command's area.
 */
export const CODE_LISTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  kind: {
    groups: ["parish", "mosque", "synagogue", "school", "tenants", "migrants", "sports", "union", "culture", "social", "other"],
    meetings: ["kernkreis", "team", "assembly", "training", "action"],
    "fundraising funders": ["foundation", "church", "company", "private", "public", "other"],
    "fundraising income": ["grant", "donation", "dues", "other"],
    "fundraising rules": ["grant", "donation", "dues", "other"],
    teams: ["strategy-finance", "action", "other"],
    conversations: ["one-to-one", "house-meeting", "research"],
  },
  role: { people: ["representative", "key-person", "member"], teams: ["lead", "member"] },
  stage: { fundraising: ["idea", "drafting", "submitted", "approved", "rejected", "withdrawn"] },
  choice: { votes: ["yes", "no", "abstain"] },
  shell: { completion: ["bash", "zsh", "fish"] },
  lang: { "": ["de", "en"] },
  "de|en": { "": ["de", "en"] },
};

/** Placeholders that name things in the data file. */
const DATA: Readonly<Record<string, readonly DataSource[]>> = {
  group: ["group"],
  person: ["person"],
  "person-or-group": ["person", "group"],
  "group-or-person": ["group", "person"],
  owner: ["person", "group"],
  meeting: ["meeting"],
  vote: ["vote"],
  election: ["election"],
  team: ["team"],
};

const FILES = new Set(["file", "dir", "file.csv", "file.blt", "statement.csv|camt053.xml"]);

/** What a value may be: words to offer, names from the data file, or file names. */
type Wanted = { words: readonly string[]; data: readonly DataSource[]; files: boolean };

const nothing: Wanted = { words: [], data: [], files: false };

function placeholder(text: string): string {
  return text.replace(/^[<[]|[>\]]$/g, "").replace(/\.\.\.$/, "");
}

function codeList(name: string, path: string): readonly string[] | undefined {
  const lists = CODE_LISTS[name];
  if (!lists) return undefined;
  const words = path.split(" ");
  for (let n = words.length; n >= 0; n--) {
    const list = lists[words.slice(0, n).join(" ")];
    if (list) return list;
  }
  return undefined;
}

function wantedFor(name: string, path: string, choices?: readonly string[]): Wanted {
  if (choices) return { ...nothing, words: choices };
  const list = codeList(name, path);
  if (list) return { ...nothing, words: list };
  if (DATA[name]) return { ...nothing, data: DATA[name]!, words: name === "meeting" ? ["next", "last"] : [] };
  if (FILES.has(name) || name.startsWith("file")) return { ...nothing, files: true };
  if (name.includes("|")) return { ...nothing, words: name.split("|") };
  return nothing;
}

interface Parsed {
  /** The command named so far ("" for none): "groups show". */
  path: string;
  def: Runnable | undefined;
  positionals: number;
  /** The option whose value the current word is, if any. */
  valueOf: { long: string; name: string; choices?: readonly string[] } | undefined;
  db: string | undefined;
  afterDashes: boolean;
}

function optionsOf(def: Runnable | undefined): Array<{ long: string; name?: string; choices?: readonly string[] }> {
  const own = Object.values(def?.options ?? {}).map((spec) => {
    const long = /--[a-z0-9-]+/i.exec(spec.flags)![0];
    const value = /[<[]([^>\]]+)[>\]]/.exec(spec.flags);
    return { long, ...(value ? { name: placeholder(value[1]!) } : {}), ...(spec.choices ? { choices: spec.choices } : {}) };
  });
  return [...own, ...GLOBAL_OPTIONS.map((o) => ({ long: o.long, ...(o.value ? { name: o.value } : {}) }))];
}

function child(path: string, word: string, definitions: readonly Runnable[]): Runnable | undefined {
  const depth = path === "" ? 0 : path.split(" ").length;
  return definitions.find(
    (d) => d.path.split(" ").length === depth + 1 && d.path.startsWith(path === "" ? "" : `${path} `) && (d.path.endsWith(` ${word}`) || d.path === word || d.alias === word),
  );
}

function parse(words: readonly string[], definitions: readonly Runnable[]): Parsed {
  const parsed: Parsed = { path: "", def: undefined, positionals: 0, valueOf: undefined, db: undefined, afterDashes: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    parsed.valueOf = undefined;
    if (!parsed.afterDashes && word === "--") {
      parsed.afterDashes = true;
      continue;
    }
    if (!parsed.afterDashes && word.startsWith("-")) {
      const eq = word.indexOf("=");
      const long = eq < 0 ? word : word.slice(0, eq);
      const option = optionsOf(parsed.def).find((o) => o.long === long);
      if (long === "--db" && eq >= 0) parsed.db = word.slice(eq + 1);
      if (option?.name && eq < 0) {
        if (i + 1 === words.length) parsed.valueOf = { long, name: option.name, ...(option.choices ? { choices: option.choices } : {}) };
        else if (long === "--db") parsed.db = words[i + 1];
        i++;
      }
      continue;
    }
    const next = parsed.positionals === 0 && !parsed.def?.run ? child(parsed.path, word, definitions) : undefined;
    if (next) {
      parsed.path = next.path;
      parsed.def = next;
    } else parsed.positionals++;
  }
  return parsed;
}

/** Opens the data file only to read, and lists the names wanted; nothing when there is no usable file. */
async function dataWords(sources: readonly DataSource[], dbFlag: string | undefined): Promise<string[]> {
  const [{ isServerUrl, resolveDataFile }, { existsSync }] = await Promise.all([import("../core/config.js"), import("node:fs")]);
  let path: string;
  try {
    path = resolveDataFile(dbFlag).path;
  } catch {
    return [];
  }
  const server = isServerUrl(path);
  if (!server && !existsSync(path)) return [];
  const [db, { completionWords, readOnly }] = await Promise.all([import("../core/db.js"), import("./completionStore.js")]);
  await (server ? db.preloadServer() : db.preloadSqlite());
  try {
    // As src/core/language.ts reads the language (not migrated), and made read-only (readOnly).
    const connection = db.openToRead(path);
    try {
      readOnly(connection);
      return sources.flatMap((source) => completionWords(connection, source));
    } finally {
      connection.close();
    }
  } catch {
    return [];
  }
}

/** The candidates for the last word of `words` (the words typed after `plattform`, the current one last). */
export async function completions(words: readonly string[], definitions: readonly Runnable[] = DEFINITIONS): Promise<string[]> {
  const before = words.slice(0, -1);
  const current = (words[words.length - 1] ?? "").replace(/^["']/, "");
  const parsed = parse(before, definitions);
  let wanted: Wanted;
  let candidates: string[] = [];
  if (parsed.valueOf) wanted = wantedFor(parsed.valueOf.name, parsed.path, parsed.valueOf.choices);
  else if (current.startsWith("-") && !parsed.afterDashes) {
    wanted = { ...nothing, words: optionsOf(parsed.def).map((o) => o.long) };
  } else if (!parsed.def?.run && parsed.positionals === 0) {
    const depth = parsed.path === "" ? 1 : parsed.path.split(" ").length + 1;
    const names = definitions.filter((d) => d.path.split(" ").length === depth && (parsed.path === "" || d.path.startsWith(`${parsed.path} `))).map((d) => d.path.split(" ").pop()!);
    wanted = { ...nothing, words: parsed.path === "" ? [...names, "help"] : names };
  } else if (parsed.def?.run) {
    const args = parsed.def.args ?? [];
    const last = args[args.length - 1];
    const arg = args[parsed.positionals] ?? (last?.includes("...") ? last : undefined);
    wanted = arg ? wantedFor(placeholder(arg), parsed.path) : nothing;
  } else wanted = nothing;
  if (wanted.files) return [":files"];
  candidates = [...wanted.words];
  if (wanted.data.length > 0) candidates.push(...(await dataWords(wanted.data, parsed.db)));
  const lower = current.toLowerCase();
  const matching = candidates.filter((c) => c.startsWith(current));
  const found = matching.length > 0 ? matching : candidates.filter((c) => c.toLowerCase().startsWith(lower));
  return [...new Set(found)];
}

/** The hidden command: prints the candidates, one a line; never fails (a broken Tab must not print errors). */
export async function runComplete(words: readonly string[]): Promise<number> {
  try {
    const found = await completions(words);
    if (found.length > 0) io().stdout.write(`${found.join("\n")}\n`);
  } catch {
    // nothing to offer
  }
  return 0;
}
