/**
 * File order for `vitest run`: the files that take longest start first, so that with two workers no long file
 * starts near the end and leaves the other worker idle. Vitest's own order (BaseSequencer) already runs the
 * longest files first, but only from its results cache (node_modules/.vite/vitest/); on a clean clone, as in
 * CI, it has none and orders by file size, which puts short table-driven files ahead of the end-to-end ones.
 * This sequencer keeps vitest's order and moves the files below to the front, in the order given.
 */
import * as path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Slowest files first (time with hooks, as the default reporter prints it), from the measurements in
 * docs/benchmarks.md ("Test suite time"): the packed package (a build and npm installs), CLI runs end to end,
 * the pack over gRPC, the fuzzed policies. The published-files check comes after the first dozen, when the
 * packed package's build, which it shares, is done rather than being waited for. Update it with that section.
 */
export const SLOW_FILES: readonly string[] = [
  "tests/install/packed-package.test.ts",
  "tests/examples/secure-examples.test.ts",
  "tests/preflight/cli/observation.test.ts",
  "tests/preflight/cli/program-errors.test.ts",
  "tests/preflight/analyzer/run-packs.test.ts",
  "tests/preflight/engine/update-mode.test.ts",
  "tests/preflight/cli/audit.test.ts",
  "tests/reliability/policy-fuzz.test.ts",
  "tests/policies/platform-defaults.test.ts",
  "tests/policies/type-index-golden.test.ts",
  "tests/preflight/cli/vendored-typescript.test.ts",
  "tests/preflight/cli/end-to-end.test.ts",
  "tests/package/published-files.test.ts",
  "tests/property/valid-specs-azure.test.ts",
  "tests/preflight/engine/typecheck.test.ts",
  "tests/property/valid-specs-aws.test.ts",
  "tests/policies/inventory.test.ts",
  "tests/preflight/analyzer/launch.test.ts",
  "tests/preflight/report/render-html-browser.test.ts",
  "tests/preflight/engine/run-stack.test.ts",
  "tests/provider/construct.test.ts",
  "tests/footprint/sdk-footprint.test.ts",
];

/** Vitest's order with {@link SLOW_FILES} moved to the front. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = SLOW_FILES.indexOf(
        path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join("/"),
      );
      return index < 0 ? SLOW_FILES.length : index;
    };
    return sorted
      .map((spec, position) => ({ spec, position, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.position - b.position)
      .map((entry) => entry.spec);
  }
}
