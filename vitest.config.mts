import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./tests/setup/slow-first-sequencer";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest 4 defaults to one worker fewer than the CPUs in `vitest run`: one worker on a 2-core machine,
    // which left the second core idle while a file waited on its CLI, pack and program processes. Two
    // workers at least (docs/benchmarks.md, "Test suite time").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files share their worker's process, one file at a time, each with its own mocks (setMocks): in a fresh
    // process per file, each imported @pulumi/pulumi and its cloud SDK anew, about a third of the suite's
    // time (docs/benchmarks.md, "Test suite time"). Which modules a build loads is checked in a process of
    // its own (tests/footprint).
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    setupFiles: ["tests/setup/node-require-typescript.ts"],
    reporters: ["default"],
  },
});
