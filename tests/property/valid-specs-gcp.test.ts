import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gcpSpec } from "./arbitraries/gcp";
import { PROPERTY_RUNS, timeoutFor } from "./support/runs";
import { checkValidSpec, newCoverage } from "./support/valid-spec-property";

describe("random valid GCP specs", () => {
  it(
    `build under a preview mock engine and pass the pack (${PROPERTY_RUNS} runs)`,
    async () => {
      const coverage = newCoverage();
      await fc.assert(
        fc.asyncProperty(gcpSpec, (generated) => checkValidSpec(generated, coverage)),
        { numRuns: PROPERTY_RUNS, endOnFailure: process.env.PROPERTY_SHRINK === "0" },
      );
      console.info("gcp coverage", coverage);
      expect(coverage.runs).toBeGreaterThanOrEqual(PROPERTY_RUNS);
    },
    timeoutFor(PROPERTY_RUNS),
  );
});
