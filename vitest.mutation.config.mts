import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs). STRYKER_SCOPE picks
 * the half being mutated: `spec` runs the spec tests, `policies` and `policies-lib` the policy tests, unset
 * runs both. The
 * mutant-killing tests of tests/reliability/mutants join each half. Left out: tests that run a policy pack
 * or a program in a child process (a child never sees the active mutant, so they only cost time).
 */
const scope = process.env.STRYKER_SCOPE ?? "all";
const SPEC = ["tests/spec/**/*.test.ts", "tests/reliability/mutants/spec-*.test.ts"];
const POLICIES = ["tests/policies/**/*.test.ts", "tests/reliability/mutants/policy-*.test.ts"];

export default defineConfig({
  test: {
    include: scope === "spec" ? SPEC : scope.startsWith("policies") ? POLICIES : [...SPEC, ...POLICIES],
    exclude: ["tests/policies/pack-protocol.test.ts", "tests/policies/platform-defaults.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ["tests/setup/node-require-typescript.ts"],
    reporters: ["default"],
  },
});
