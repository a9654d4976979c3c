import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    // A file's setup (a world with its tree, people and roles) gets as long as a test: the authorization
    // table's took over the default 10 s once while the rest of the suite ran beside it on 2 cores.
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share nothing but the modules they import (each world has its own database, server and
    // stand-ins), so a worker loads the app once instead of once per file: most of the suite's time was imports.
    isolate: false,
    // Vitest leaves a core free by default, which on a 2-core machine means one worker: most tests wait on
    // loopback HTTP and SQLite, so two workers share the cores well.
    maxWorkers: 2,
  },
});
