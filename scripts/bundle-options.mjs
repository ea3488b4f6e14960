// How src/ is bundled, by the build (scripts/build.mjs) and by the man page's generator (scripts/man.mjs).
export const BUNDLE = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // better-sqlite3's JavaScript is bundled (src/core/db.ts); its compiled addon is loaded from node_modules, and
  // `bindings`, its search for the addon when none is given, stays there (it reads __filename, which ESM lacks).
  external: ["bindings"],
};
