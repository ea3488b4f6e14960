// One temporary root for the whole run: every test's folders go inside it, and it is removed at the end,
// so that thousands of spawned runs leave nothing behind in the system's temp directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "plattform-tests-"));
  process.env.PLATTFORM_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
