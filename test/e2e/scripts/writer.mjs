// A writer for the concurrency tests: one process that runs `plattform tasks add` <count> times through the
// built program (dist/main.js), each time opening the data file, writing one transaction and closing it.
// Usage: node writer.mjs <dist/main.js> <count> <label> <owner>
import { pathToFileURL } from "node:url";

const [, , distMain, count, label, owner] = process.argv;
const { main } = await import(pathToFileURL(distMain).href);
process.stdout.write = () => true; // the confirmations are not needed
let failed = 0;
for (let i = 1; i <= Number(count); i++) {
  const code = await main(["node", "plattform", "tasks", "add", `${label} ${i}`, "--owner", owner]);
  if (code !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
