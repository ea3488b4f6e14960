// PLATTFORM_DEBUG_IMPORTS=1: at exit, lists on stderr every file of the bundle this process loaded, with the
// sources and packages bundled into each, and the CommonJS modules required at run time (better-sqlite3).
// A guard against a heavy library creeping onto the start-up path (test/cli/startup.test.ts), not a timer.
// Built as its own entry (dist/debug-imports.js) and loaded by bin/plattform.js only when the variable is set.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

declare global {
  // Filled by the banner of every bundled file (scripts/build.mjs).
  var __plattformImports: string[] | undefined;
}

/** The sources bundled into a file, from esbuild's `// path` comments: packages by name, own files by path. */
export function bundledSources(code: string): string[] {
  const sources = new Set<string>();
  for (const [, path] of code.matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)) {
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path!);
    // date-fns is allowed by subpath only: its root index stays visible as such.
    if (pkg) sources.add(pkg[1] === "date-fns" && /^index\.[cm]?js$/.test(pkg[2]!) ? "date-fns (root)" : pkg[1]!);
    else sources.add(path!);
  }
  return [...sources];
}

export function report(root: string): string {
  const lines: string[] = [];
  for (const url of globalThis.__plattformImports ?? []) {
    if (url === import.meta.url) continue;
    const file = fileURLToPath(url);
    let sources: string[] = [];
    try {
      sources = bundledSources(readFileSync(file, "utf8"));
    } catch {
      // a file that has gone since (a rebuild): listed without its sources
    }
    lines.push(`import ${relative(root, file)}${sources.length ? `: ${sources.join(", ")}` : ""}`);
  }
  const require = createRequire(import.meta.url);
  for (const file of Object.keys(require.cache)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    lines.push(`require ${relative(root, file)}${pkg ? `: ${pkg[1]}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Registers the report for the end of the process; `rootUrl` is the package folder, as a file URL. */
export function enable(rootUrl: string): void {
  const root = fileURLToPath(rootUrl);
  process.on("exit", () => process.stderr.write(report(root)));
}
