// Mutation testing (`npm run mutation`): Stryker 9.6 with the vitest runner mutates the cloud-neutral spec
// (components/spec) and the policy pack's policies, and runs the tests of vitest.mutation.config.mts against
// each mutant. Scores are recorded in docs/reliability.md.
//
// On a two-core machine the two halves can run separately:
//   STRYKER_SCOPE=spec npx stryker run
//   STRYKER_SCOPE=policies npx stryker run
//   STRYKER_SCOPE=policies-lib npx stryker run   (the shared policy library only: a shorter run)
// Incremental mode keeps results per scope in reports/, so a re-run only tests mutants whose code or
// covering tests changed.
const scope = process.env.STRYKER_SCOPE ?? "all";

const SPEC = ["components/spec/**/*.ts", "!components/spec/index.ts", "!components/spec/args.ts"];
const POLICIES = ["policy-packs/secure-ai/policies/**/*.ts", "!policy-packs/secure-ai/policies/**/index.ts"];
const POLICY_LIB = [
  "policy-packs/secure-ai/policies/lib/**/*.ts",
  "!policy-packs/secure-ai/policies/lib/index.ts",
];
const SCOPES = { spec: SPEC, policies: POLICIES, "policies-lib": POLICY_LIB, all: [...SPEC, ...POLICIES] };
if (!(scope in SCOPES)) {
  throw new Error(`STRYKER_SCOPE=${scope}: use one of ${Object.keys(SCOPES).join(", ")}`);
}

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: SCOPES[scope],
  coverageAnalysis: "perTest",
  concurrency: 2,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scope}.json`,
  ignoreStatic: true,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 85, break: null },
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/mutation-${scope}.json` },
  htmlReporter: { fileName: `reports/mutation/mutation-${scope}.html` },
  tempDirName: ".stryker-tmp",
  // Other runs' sandboxes and reports are not part of the project.
  ignorePatterns: [".stryker-tmp*", "reports"],
  cleanTempDir: "always",
};
