import { defineConfig } from "vitest/config";

export default defineConfig({
  define: { PLATTFORM_VERSION: JSON.stringify("0.0.0-test") },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
    globalSetup: ["test/globalSetup.ts"],
    setupFiles: ["test/setup.ts"],
  },
});
