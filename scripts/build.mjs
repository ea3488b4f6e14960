// Bundles src/main.ts into dist/. Area modules and heavy libraries become lazy chunks,
// so `plattform --help` loads only the entry file. better-sqlite3 is native and stays external.
import { build } from "esbuild";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const dist = new URL("../dist", import.meta.url);
const next = new URL(`../dist-next-${process.pid}`, import.meta.url);
const old = new URL(`../dist-old-${process.pid}`, import.meta.url);

await build({
  entryPoints: { main: "src/main.ts" },
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3"],
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __plattformCreateRequire } from 'node:module'; const require = __plattformCreateRequire(import.meta.url);" },
  define: { PLATTFORM_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
// Swap the new build in at once, so that a test run going on meanwhile never finds dist/ missing.
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
