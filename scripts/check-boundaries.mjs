#!/usr/bin/env node
// The walls between areas (README "Layout"): fails with one line per violation (file:line: rule) on
//  - an import cycle between files or between areas,
//  - an import of another area's file other than its index.ts,
//  - an import from a higher layer (or a same-layer area not listed in SAME_LAYER),
//  - `.prepare(` / `.exec(` SQL outside the stores, src/core/db.ts, src/core/pg/ (the server engine) and src/migrations/.
// Allowed beyond index.ts: the cli layer loads an area's commands.ts and (lazily) handlers.ts; src/app loads each
// area's contributes.ts; a handler loads reports/index.ts (the renderers) lazily from any layer. Same-layer pairs
// and the imports still waiting to move are listed below (SAME_LAYER, KNOWN).
// Usage: node scripts/check-boundaries.mjs [srcDir]   (default: src next to this script)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Lower numbers are lower layers; an area imports only lower layers. Files directly in src/ belong to "cli". */
export const LAYERS = {
  core: 0, migrations: 0,
  groups: 1, people: 1, platform: 1,
  teams: 2, meetings: 2, tasks: 2,
  votes: 3, elections: 3, assemblies: 3, commitments: 3, conversations: 3, campaigns: 3, fundraising: 3,
  reports: 4,
  app: 5, demo: 5, maintenance: 5,
  cli: 6,
};
/** The only same-layer imports allowed ("from>to"); together with the layers they stay acyclic. */
export const SAME_LAYER = new Set([
  "core>migrations", // db.ts applies the migrations
  "people>groups", // people hold roles in groups
  "tasks>meetings", // a task can come from a meeting's agenda item
  "meetings>teams", // a team holds its own meetings
  "assemblies>commitments", // commitments are made at assemblies
  "campaigns>conversations", // campaigns grow from listening topics
  "demo>app",
  "maintenance>app",
]);
/**
 * Imports from before the walls, each waiting for its code to move (a handler to src/app, a query to the area
 * that owns it). Listed as "file>area"; they are left out of every rule, including the cycle checks. An entry
 * that matches nothing any more fails the check, so the list only shrinks.
 */
export const KNOWN = new Set([
  "groups/handlers.ts>people", // groups show lists the group's people: the handler belongs in src/app
  "people/handlers.ts>assemblies", // people show lists trainings attended
  "people/handlers.ts>maintenance", // people export <person> is the personal-data export of maintenance
  "meetings/handlers.ts>tasks", // meetings show lists the meeting's tasks
  "meetings/handlers.ts>assemblies", // assembly meetings show turnout and commitments
  "teams/handlers.ts>meetings", // teams show lists the team's meetings
  "teams/service.ts>elections", // a team's term starts with its last certified election
]);
/** Plumbing every area may import file by file. */
const OPEN_AREAS = new Set(["core", "migrations"]);
/** Command definitions: a handler may import their types (erased at build: no run-time edge, no cycle). */
const DEFINITIONS = /^[^/]+\/commands\.ts$/;
/** The words: each area's messages/<lang>.ts, put together by the composition root for the lookup in core. */
const AREA_MESSAGES = /^[^/]+\/messages\/[a-z]+\.ts$/;
const CATALOGUE = /^app\/messages\/[a-z]+\.ts$/;
/** Where SQL may be written. */
const SQL_FILES = [/(^|\/)store\.ts$/, /(^|\/)[A-Za-z]*Store\.ts$/, /^core\/db\.ts$/, /^core\/pg\//, /^migrations\//];

const IMPORT = /(?:^|[^\w.])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
// `.exec(` of a regular expression literal (`/…/.exec("…")`) is no SQL.
const SQL = /\.prepare\(|\b\w*[dD]b\.exec\(|(?<!\/)\.exec\(\s*["'`]/;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/**
 * The area of a file: its folder; files directly in src/, and every area's commands.ts (the command definitions
 * the command line reads, kept beside their handlers), belong to the command line.
 */
const areaOf = (rel) => (!rel.includes("/") || DEFINITIONS.test(rel) ? "cli" : rel.slice(0, rel.indexOf("/")));

/** Checks the tree under srcDir; tests pass their own layers, pairs and known imports. */
export function check(srcDir, { layers = LAYERS, sameLayer = SAME_LAYER, knownImports = KNOWN } = {}) {
  const root = resolve(srcDir);
  const files = walk(root).map((f) => relative(root, f).split(sep).join("/")).sort();
  const known = new Set(files);
  const problems = [];
  const edges = new Map(files.map((f) => [f, []])); // file -> [{ to, line, render }]
  const usedKnown = new Set();
  // Handler modules: the files a definition loads when its command runs (they may load the renderers lazily).
  const handlers = new Set();
  for (const file of files.filter((f) => DEFINITIONS.test(f)))
    for (const m of readFileSync(join(root, file), "utf8").matchAll(IMPORT))
      if (m[2]?.startsWith(".")) handlers.add(relative(root, resolve(root, dirname(file), m[2].replace(/\.js$/, ".ts"))).split(sep).join("/"));
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const lines = text.split("\n");
    const from = areaOf(file);
    const lineOf = (index) => text.slice(0, index).split("\n").length;
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith(".")) continue;
      const lazy = m[2] !== undefined;
      const typeOnly = /^\W?(?:import|export)\s+type\s/.test(m[0]);
      const line = lineOf(m.index + m[0].length - spec.length);
      const to = relative(root, resolve(root, dirname(file), spec.replace(/\.js$/, ".ts"))).split(sep).join("/");
      if (!known.has(to)) continue;
      const area = areaOf(to);
      if (typeOnly && DEFINITIONS.test(to)) continue;
      // core/i18n.ts loads the catalogue of the run's language (and takes its keys' type) from the composition root.
      if (file === "core/i18n.ts" && CATALOGUE.test(to) && (lazy || typeOnly)) continue;
      // The catalogue puts every area's words together: data, whatever the layer.
      if (CATALOGUE.test(file) && AREA_MESSAGES.test(to)) continue;
      if (knownImports.has(`${file}>${area}`)) {
        usedKnown.add(`${file}>${area}`);
        continue;
      }
      // A handler renders its report with the renderers of reports/, loaded when the command runs.
      const render = lazy && to === "reports/index.ts" && handlers.has(file);
      // Types are erased at build: a type-only import cannot close a cycle at run time.
      if (!typeOnly) edges.get(file).push({ to, line, render });
      if (area === from || render) continue;
      const where = `${file}:${line}`;
      const [lf, lt] = [layers[from], layers[area]];
      if (lf === undefined) problems.push(`${where}: area "${from}" has no layer in scripts/check-boundaries.mjs`);
      else if (lt === undefined) problems.push(`${where}: area "${area}" has no layer in scripts/check-boundaries.mjs`);
      else if (lt > lf || (lt === lf && !sameLayer.has(`${from}>${area}`)))
        problems.push(`${where}: ${from} (layer ${lf}) must not import ${area} (layer ${lt}): ${spec}`);
      if (OPEN_AREAS.has(area)) continue;
      const inside = to.slice(area.length + 1);
      const allowed =
        inside === "index.ts" ||
        (from === "cli" && lazy) ||
        (lf === layers.app && inside === "contributes.ts");
      if (!allowed) problems.push(`${where}: import ${area}/ only through its index.ts, not ${spec}`);
    }
    if (!SQL_FILES.some((re) => re.test(file)))
      lines.forEach((l, i) => {
        const code = l.trim();
        if (!code.startsWith("//") && !code.startsWith("*") && SQL.test(code))
          problems.push(`${file}:${i + 1}: SQL belongs in the store of the area that owns the table`);
      });
  }
  for (const cycle of cycles(files, (f) => edges.get(f).map((e) => e.to)))
    problems.push(`${cycle[0]}:${edges.get(cycle[0]).find((e) => e.to === cycle[1]).line}: import cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
  const areaEdges = new Map();
  for (const [file, list] of edges)
    for (const e of list) {
      const [a, b] = [areaOf(file), areaOf(e.to)];
      if (a === b || e.render) continue;
      if (!areaEdges.has(a)) areaEdges.set(a, new Map());
      if (!areaEdges.get(a).has(b)) areaEdges.get(a).set(b, `${file}:${e.line}`);
    }
  const areas = [...new Set(files.map(areaOf))];
  for (const cycle of cycles(areas, (a) => [...(areaEdges.get(a)?.keys() ?? [])]))
    problems.push(`${areaEdges.get(cycle[0]).get(cycle[1])}: area cycle: ${[...cycle, cycle[0]].join(" -> ")}`);
  for (const entry of knownImports)
    if (!usedKnown.has(entry))
      problems.push(`scripts/check-boundaries.mjs: KNOWN entry ${entry} matches no import any more: remove it`);
  return problems;
}

/** One shortest cycle through each strongly connected component (Tarjan), so each tangle is reported once. */
function cycles(nodes, next) {
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), found = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index++); stack.push(v); on.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) !== idx.get(v)) return;
    const scc = new Set();
    let w;
    do { w = stack.pop(); on.delete(w); scc.add(w); } while (w !== v);
    if (scc.size > 1) found.push(shortestCycle(v, scc, next));
  };
  for (const v of nodes) if (!idx.has(v)) visit(v);
  return found;
}

function shortestCycle(start, scc, next) {
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of next(v)) {
      if (w === start) {
        const path = [];
        for (let x = v; x !== null; x = prev.get(x)) path.unshift(x);
        return path;
      }
      if (scc.has(w) && !prev.has(w)) { prev.set(w, v); queue.push(w); }
    }
  }
  return [start];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "src");
  const problems = check(dir);
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.error(`check-boundaries: ${problems.length} violation(s)`);
    process.exit(1);
  }
}
