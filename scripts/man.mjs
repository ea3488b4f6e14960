#!/usr/bin/env node
// Writes the man pages, man/plattform.1 (English) and man/de/plattform.1 (German), from the command definitions:
// src/cli/man.ts is bundled as the build bundles the program (the handlers' chunks are written, never loaded) and
// asked for each page. The pages are committed; test/cli/man.test.ts fails when they differ from what this writes.
// Usage: npm run man
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUNDLE } from "./bundle-options.mjs";

const root = new URL("..", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const out = mkdtempSync(join(tmpdir(), "plattform-man-"));
try {
  await build({
    entryPoints: { man: new URL("src/cli/man.ts", root).pathname },
    outdir: out,
    outExtension: { ".js": ".mjs" },
    ...BUNDLE,
    // commander is CommonJS and requires Node's modules
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  const { manPage } = await import(pathToFileURL(join(out, "man.mjs")).href);
  for (const [lang, file] of [["en", "man/plattform.1"], ["de", "man/de/plattform.1"]]) {
    const target = new URL(file, root);
    mkdirSync(new URL(".", target), { recursive: true });
    writeFileSync(target, await manPage(lang, version));
    console.log(`wrote ${file}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
