import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isControlId } from "../../../components/controls";
import { gcpPolicies } from "../../../policy-packs/secure-ai/policies/gcp";
import { describeInventory } from "./inventory";

describeInventory({
  cloud: "gcp",
  policies: gcpPolicies,
  folder: join(__dirname, "../../../policy-packs/secure-ai/policies/gcp"),
});

describe("GCP policy inventory", () => {
  it("tags every policy with SAI IDs that exist in the catalog", () => {
    for (const policy of gcpPolicies) {
      const ids = (policy.tags ?? []).filter((tag) => tag.startsWith("SAI-"));
      expect(ids.length, policy.name).toBeGreaterThan(0);
      expect(ids.every(isControlId), policy.name).toBe(true);
    }
  });

  it("loads no provider SDK", () => {
    const folder = join(__dirname, "../../../policy-packs/secure-ai/policies/gcp");
    for (const file of readdirSync(folder)) {
      expect(readFileSync(join(folder, file), "utf8"), file).not.toMatch(
        /from "@pulumi\/(gcp|azure-native|aws)/,
      );
    }
  });
});
