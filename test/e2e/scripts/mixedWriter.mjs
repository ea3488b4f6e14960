// A writer for the server concurrency test: one process that makes <count> writes of four kinds in turn through
// the built program (dist/main.js) — a task, a person, an income, and an edit of one field of one group — each
// its own connection and transaction. Exit 1 when any write failed; its error lines go to stderr.
// Usage: node mixedWriter.mjs <dist/main.js> <count> <label> <group> <group field: --phone, --email or --notes>
import { pathToFileURL } from "node:url";

const [, , distMain, count, label, group, field] = process.argv;
const { main } = await import(pathToFileURL(distMain).href);
const quiet = { write: () => true };
const value = (i) => (field === "--email" ? `${label.toLowerCase()}-${i}@example.org` : field === "--phone" ? `030 ${label.slice(1)}${String(i).padStart(3, "0")}` : `${label} ${i}`);
let failed = 0;
for (let i = 1; i <= Number(count); i++) {
  const words = [
    ["tasks", "add", `${label} ${i}`, "--owner", group],
    ["people", "add", `Person ${label} ${i}`],
    ["funds", "income", "add", `${i},00`, "--kind", "donation", "--note", `${label} ${i}`],
    ["groups", "edit", group, field, value(i)],
  ][i % 4];
  const code = await main(["node", "plattform", ...words], { stdout: quiet });
  if (code !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
