// PLATTFORM_DEBUG_IMPORTS=1: at exit, lists on stderr every file of the bundle this process loaded, with the
// sources and packages bundled into each, and the CommonJS modules required at run time (better-sqlite3).
// With it, every use of ICU (Intl) is listed too, as `intl <what>`.
// A guard against a heavy library creeping onto the start-up path (test/e2e/startup.test.ts), not a timer.
// Built as its own entry (dist/debug-imports.js) and loaded by bin/plattform.cjs only when the variable is set.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

declare global {
  // Filled by the banner of every bundled file (scripts/build.mjs): its path.
  var __plattformImports: string[] | undefined;
}

/**
 * The sources bundled into a file, as the build recorded them (dist/sources.json, from esbuild's metafile):
 * packages by name, own files by path.
 */
export function bundledSources(inputs: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const path of inputs) {
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
    // date-fns is allowed by subpath only: its root index stays visible as such.
    if (pkg) sources.add(pkg[1] === "date-fns" && /^index\.[cm]?js$/.test(pkg[2]!) ? "date-fns (root)" : pkg[1]!);
    else sources.add(path);
  }
  return [...sources];
}

export function report(root: string): string {
  const lines: string[] = [];
  const dist = join(root, "dist");
  let recorded: Record<string, { inputs: string[] }> = {};
  try {
    recorded = JSON.parse(readFileSync(join(dist, "sources.json"), "utf8")) as typeof recorded;
  } catch {
    // a build without the record: files are listed without their sources
  }
  for (const file of globalThis.__plattformImports ?? []) {
    if (file === fileURLToPath(import.meta.url)) continue;
    const sources = bundledSources(recorded[relative(dist, file)]?.inputs ?? []);
    lines.push(`import ${relative(root, file)}${sources.length ? `: ${sources.join(", ")}` : ""}`);
  }
  const require = createRequire(import.meta.url);
  for (const file of Object.keys(require.cache)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    lines.push(`require ${relative(root, file)}${pkg ? `: ${pkg[1]}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/** What this run asked of ICU (Intl objects, locale-aware comparison and formatting), in order, once each. */
const intlUses = new Set<string>();

/**
 * Notes every use of ICU: Node 20 spends 20–30 ms starting it at the first call, so the everyday commands must
 * not make one (test/e2e/startup.test.ts). Each use is reported as `intl <what>`.
 */
function watchIntl(): void {
  for (const name of ["DateTimeFormat", "NumberFormat", "Collator", "PluralRules", "RelativeTimeFormat", "ListFormat", "Segmenter", "DisplayNames", "Locale"] as const) {
    const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
    if (typeof Original !== "function") continue;
    (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        intlUses.add(`Intl.${name}`);
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, self, args) {
        intlUses.add(`Intl.${name}`);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
  }
  const methods: Array<[object, string]> = [
    [String.prototype, "localeCompare"],
    [String.prototype, "toLocaleLowerCase"],
    [String.prototype, "toLocaleUpperCase"],
    [Number.prototype, "toLocaleString"],
    [Date.prototype, "toLocaleString"],
    [Date.prototype, "toLocaleDateString"],
    [Date.prototype, "toLocaleTimeString"],
    [Array.prototype, "toLocaleString"],
  ];
  for (const [proto, method] of methods) {
    const original = (proto as Record<string, (...args: unknown[]) => unknown>)[method]!;
    Object.defineProperty(proto, method, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        intlUses.add(method);
        return original.apply(this, args);
      },
    });
  }
}

/** Registers the report for the end of the process; `rootUrl` is the package folder, as a file URL. */
export function enable(rootUrl: string): void {
  const root = fileURLToPath(rootUrl);
  watchIntl();
  process.on("exit", () => process.stderr.write(report(root) + [...intlUses].map((use) => `intl ${use}\n`).join("")));
}
