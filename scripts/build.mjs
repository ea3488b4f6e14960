// Bundles src/main.ts into dist/. Area modules and heavy libraries become lazy chunks,
// so `plattform --help` loads only the entry file. better-sqlite3's JavaScript is bundled, its addon stays in node_modules.
// The chunks are then turned into CommonJS: Node 20 can give CommonJS files V8's code cache
// (bin/compile-cache.cjs), not ES modules, and compiling the chunks was the largest part of every start.
import { build, build as esbuild, transform } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE } from "./bundle-options.mjs";

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

// A language's catalogue (src/app/messages/<lang>.ts spreads every area's words into one object) is written as
// one JSON file per key prefix, dist/messages/<lang>/<prefix>.json, read when a key of the prefix is first looked
// up (src/core/shardedCatalogue.ts): a run uses a few of about fifty prefixes, and parsing the whole catalogue
// had cost every start 2–3 ms.
const shardedCatalogueSource = fileURLToPath(new URL("../src/core/shardedCatalogue.ts", import.meta.url));
const cataloguesSharded = {
  name: "catalogues-sharded",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]app[\\/]messages[\\/][a-z]+\.ts$/ }, async (args) => {
      const lang = basename(args.path, ".ts");
      const bundled = await esbuild({ entryPoints: [args.path], bundle: true, format: "esm", platform: "node", write: false, logLevel: "warning" });
      const { messages } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
      const shards = new Map();
      for (const [key, message] of Object.entries(messages)) {
        const dot = key.indexOf(".");
        const prefix = dot < 0 ? key : key.slice(0, dot);
        if (!/^[A-Za-z]+$/.test(prefix)) throw new Error(`${args.path}: the key ${key} needs a prefix of letters (it names a file)`);
        if (!shards.has(prefix)) shards.set(prefix, {});
        shards.get(prefix)[key] = message;
      }
      const folder = new URL(`${next.pathname}/messages/${lang}/`, "file://");
      mkdirSync(folder, { recursive: true });
      for (const [prefix, shard] of shards) writeFileSync(new URL(`${prefix}.json`, folder), JSON.stringify(shard));
      // the chunk lies in dist/chunks/ (chunkNames below)
      return {
        contents: [
          `import { shardedCatalogue } from ${JSON.stringify(shardedCatalogueSource)};`,
          `export const messages = shardedCatalogue(new URL("../messages/${lang}/", import.meta.url), ${JSON.stringify([...shards.keys()])});`,
        ].join("\n"),
        loader: "js",
        resolveDir: dirname(args.path),
      };
    });
  },
};

const result = await build({
  entryPoints: { main: "src/main.ts", "debug-imports": "src/core/debugImports.ts" },
  outdir: next.pathname,
  ...BUNDLE,
  plugins: [lazyChildProcess, cataloguesSharded],
  // Less to read and compile at every start; names are kept, so that --debug's stack traces still read well.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { PLATTFORM_VERSION: JSON.stringify(version) },
  logLevel: "warning",
});
// Which sources went into each file, and what it imports statically, for PLATTFORM_DEBUG_IMPORTS
// (src/core/debugImports.ts) and the start-up guard: minified files carry no path comments.
const root = fileURLToPath(new URL("..", import.meta.url));
const inDist = (out) => relative(next.pathname, `${root}${out}`);
const sources = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([out, { inputs, imports }]) => [
    inDist(out),
    {
      inputs: Object.keys(inputs).filter((input) => !input.startsWith("lazy:")),
      // files and packages this file imports statically (loaded with it), not through import()
      imports: imports.filter((i) => i.kind === "import-statement").map((i) => (i.external ? i.path : inDist(i.path))),
    },
  ]),
);
writeFileSync(new URL(`${next.pathname}/sources.json`, "file://"), JSON.stringify(sources));

// Each file becomes CommonJS with the same name and the same chunk graph: `import()` becomes a require() in a
// promise, so a chunk still loads only when its command runs. dist/package.json makes its .js files CommonJS.
// Each file stays in strict mode as an ES module is, notes that it was loaded (for PLATTFORM_DEBUG_IMPORTS, see
// src/core/debugImports.ts), and computes its import.meta.url only when the code asks for it.
const cjsBanner = [
  '"use strict";',
  "(globalThis.__plattformImports ??= []).push(__filename);",
  'const __plattformMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
].join(" ");
for (const out of Object.keys(result.metafile.outputs)) {
  const file = `${root}${out}`;
  const { code } = await transform(readFileSync(file, "utf8"), {
    format: "cjs",
    platform: "node",
    target: "node20",
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__plattformMeta.url" },
    banner: cjsBanner,
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  writeFileSync(file, code);
}
writeFileSync(new URL(`${next.pathname}/package.json`, "file://"), `${JSON.stringify({ type: "commonjs" })}\n`);
// The PostgreSQL bridge's worker (src/core/pg/pgWorker.mjs) is started by path from the chunk of pgDb.ts, which
// looks for it beside itself. Bundled with node-postgres into one file: a server command's worker then starts in
// about half the time (some 30 ms instead of 57 for loading pg from its many files). An ES module, so CommonJS
// inside it gets a require of its own.
await esbuild({
  entryPoints: [fileURLToPath(new URL("../src/core/pg/pgWorker.mjs", import.meta.url))],
  outfile: `${next.pathname}/chunks/pgWorker.mjs`,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["pg-native"],
  banner: { js: 'import { createRequire as __workerRequire } from "node:module"; const require = __workerRequire(import.meta.url);' },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});
// Swap the new build in at once, so that a test run going on meanwhile never finds dist/ missing.
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
