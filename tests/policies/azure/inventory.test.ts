import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isControlId } from "../../../components/controls";
import { azurePolicies } from "../../../policy-packs/secure-ai/policies/azure";
import { azureFactPolicies } from "../../../policy-packs/secure-ai/policies/azure/facts";
import { describeInventory } from "../gcp/inventory";

const folder = join(__dirname, "../../../policy-packs/secure-ai/policies/azure");

describeInventory({ cloud: "azure", policies: azurePolicies, tablePolicies: azureFactPolicies, folder });

describe("Azure policy inventory", () => {
  it("tags every policy with SAI IDs that exist in the catalog", () => {
    for (const policy of azurePolicies) {
      const ids = (policy.tags ?? []).filter((tag) => tag.startsWith("SAI-"));
      expect(ids.length, policy.name).toBeGreaterThan(0);
      expect(ids.every(isControlId), policy.name).toBe(true);
    }
  });

  it("loads no provider SDK", () => {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    for (const entry of files) {
      const file = join(entry.parentPath, entry.name);
      expect(readFileSync(file, "utf8"), file).not.toMatch(/from "@pulumi\/(gcp|azure-native|aws)/);
    }
  });
});
