import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    // Test files share nothing but the modules they import (each world has its own database, server and
    // stand-ins), so a worker loads the app once instead of once per file: most of the suite's time was imports.
    isolate: false,
  },
});
