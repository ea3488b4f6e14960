// Bundles src/main.ts into dist/. Area modules and heavy libraries become lazy chunks,
// so `plattform --help` loads only the entry file. better-sqlite3 is native and stays external.
import { build } from "esbuild";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const dist = new URL("../dist", import.meta.url);
const next = new URL(`../dist-next-${process.pid}`, import.meta.url);
const old = new URL(`../dist-old-${process.pid}`, import.meta.url);

// commander requires node:child_process when it loads, for executable subcommands, which this program has none
// of: a stand-in requires the real module only if it is ever used, so that every command (and --help) stops
// loading child_process with net and dgram behind it.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: "js",
    }));
  },
};

await build({
  entryPoints: { main: "src/main.ts", "debug-imports": "src/core/debugImports.ts" },
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3"],
  plugins: [lazyChildProcess],
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies call require() for Node built-ins: created at the first call, not per chunk.
  // Each file also notes that it was loaded, for PLATTFORM_DEBUG_IMPORTS (see src/core/debugImports.ts).
  banner: {
    js: [
      "import { createRequire as __plattformCreateRequire } from 'node:module';",
      "let __plattformRequire; const require = (id) => (__plattformRequire ??= __plattformCreateRequire(import.meta.url))(id);",
      "(globalThis.__plattformImports ??= []).push(import.meta.url);",
    ].join(" "),
  },
  define: { PLATTFORM_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
// Swap the new build in at once, so that a test run going on meanwhile never finds dist/ missing.
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
