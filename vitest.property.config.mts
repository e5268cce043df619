import { defineConfig } from "vitest/config";

/**
 * `npm run test:property`: the property-based suites at full strength (1,000 random specs per cloud, 300 fuzz
 * cases per policy). `npm test` runs the same files with PROPERTY_RUNS unset (smaller defaults, see
 * tests/property/support/runs.ts and tests/reliability/policy-fuzz.test.ts).
 */
export default defineConfig({
  test: {
    include: ["tests/property/**/*.test.ts", "tests/reliability/policy-fuzz.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["tests/setup/node-require-typescript.ts"],
    reporters: ["default"],
    env: { PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? "1000" },
  },
});
