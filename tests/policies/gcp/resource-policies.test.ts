import { describe } from "vitest";
import { describePolicyCase } from "./case-runner";
import { GCP_CASES } from "./cases";

describe("GCP resource policies", () => {
  for (const entry of GCP_CASES) {
    describePolicyCase(entry);
  }
});
