// Preloaded with `node --require` by the benchmark: writes the process's peak RSS (kB) to a file at exit.
process.on("exit", () => {
  require("node:fs").writeFileSync(process.env.PLATTFORM_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
