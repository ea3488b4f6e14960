// Loads the files of dist/ (CommonJS, built by scripts/build.mjs) with V8's code cache, and without Node's
// module resolution. Compiling the bundle's chunks was the largest part of every start (about a third of
// `groups list`), and resolving their ~30 relative requires through Node's loader (a stat, a realpath and a
// package.json lookup each) another 5–7 ms. A chunk requires its neighbours only by "./name.js" or
// "./chunks/name.js", which resolve to a path here; anything else (Node's built-ins, a package left outside the
// bundle) goes to Node's require as usual.
//
// The first run of a command stores what V8 compiled for each file it loaded; later runs read it back instead
// of parsing the source again. The cache lives inside dist/ (dist/.v8-cache/<node version>-<arch>/), so a new
// build starts a new cache and nothing outside the installation is written; where dist/ is read-only, the
// program runs as well without it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");

// One buffer for every read: fs.readFileSync took about twice as long per file (its fstat and allocation), and a
// command reads two files (source and cache) for each of its 30–60 chunks.
const buffer = Buffer.allocUnsafe(1 << 20);

/** A file's bytes in the shared buffer (valid until the next read), or undefined when it cannot be opened. */
function readShared(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (let got; length < buffer.length && (got = fs.readSync(fd, buffer, length, buffer.length - length, length)) > 0; ) length += got;
    // larger than the buffer (the PDF library's chunk): read as usual
    return length < buffer.length ? buffer.subarray(0, length) : fs.readFileSync(file);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bundle in `dist`: `load(file)` returns a file's exports; `saveCache()` stores the cache of new files. */
function bundle(dist) {
  const cacheDir = path.join(dist, ".v8-cache", `${process.version}-${process.arch}`);
  const loaded = new Map();
  /** Files compiled without a usable cache: none yet, or one V8 rejected (after a change of Node's flags). */
  const uncached = [];

  function load(filename) {
    const known = loaded.get(filename);
    if (known) return known.exports;
    const module = { exports: {}, filename, loaded: false };
    loaded.set(filename, module);
    const cacheFile = path.join(cacheDir, `${path.relative(dist, filename).replaceAll(path.sep, "-")}.cache`);
    // Node's own module wrapper, on the first line, so that line numbers in stack traces stay right.
    const wrapped = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(filename, "utf8")}\n});`;
    // undefined when not cached yet; V8 reads it while compiling, so the shared buffer is free again after
    const cachedData = readShared(cacheFile);
    const script = new vm.Script(wrapped, { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) uncached.push({ script, cacheFile });
    const dirname = path.dirname(filename);
    let nodeRequire;
    const require = (id) =>
      id.startsWith("./") && id.endsWith(".js") ? load(path.join(dirname, id)) : (nodeRequire ??= createRequire(filename))(id);
    script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, dirname);
    module.loaded = true;
    return module.exports;
  }

  /** Call once the command is done, so that each file's cache holds the functions the command ran. */
  function saveCache() {
    if (uncached.length === 0) return;
    try {
      fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      for (const { script, cacheFile } of uncached.splice(0)) {
        // a temporary name renamed into place: a process starting meanwhile reads a whole cache or none
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
      }
    } catch {
      // a read-only installation or a full disk: the program runs as well without the cache
    }
  }

  return { load: (file) => load(path.join(dist, file)), saveCache };
}

module.exports = { bundle };
