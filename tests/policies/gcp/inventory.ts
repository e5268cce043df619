/** Inventory checks shared by the GCP and Azure policy folders: names, files, metadata, levels. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SecureAiPolicy } from "../../../policy-packs/secure-ai/policies/lib";

/** Registers inventory tests for one cloud's policy list. */
export function describeInventory(args: {
  cloud: string;
  policies: readonly SecureAiPolicy[];
  folder: string;
  /** Policies built from the cloud's fact table (`<folder>/facts`), which have no file of their own. */
  tablePolicies?: readonly SecureAiPolicy[];
}): void {
  const { cloud, folder } = args;
  const table = new Set((args.tablePolicies ?? []).map((policy) => policy.name));
  const policies = args.policies.filter((policy) => !table.has(policy.name));
  describe(`${cloud} policy list`, () => {
    it("has unique names that match their files and exports", () => {
      const names = policies.map((policy) => policy.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        const file = join(folder, `${name.slice(cloud.length + 1)}.ts`);
        const source = readFileSync(file, "utf8");
        expect(source, name).toContain(`name: "${name}"`);
      }
    });

    it("exports every policy file from the folder's index", () => {
      const files = readdirSync(folder).filter((file) => /-(require|disallow|limit)-/.test(file));
      const exported = new Set(policies.map((policy) => `${policy.name.slice(cloud.length + 1)}.ts`));
      expect(files.sort()).toEqual([...exported].sort());
    });

    it("carries the catalog metadata on every policy", () => {
      for (const policy of policies) {
        expect(policy.severity, policy.name).toMatch(/^(low|medium|high|critical)$/);
        expect(policy.framework?.reference, policy.name).not.toBe("");
        expect(policy.remediationSteps, policy.name).toBeTruthy();
        expect(policy.url, policy.name).toContain(`#${policy.name}`);
        expect(policy.tags, policy.name).toContain(cloud);
        expect(policy.configSchema?.properties.waivers, policy.name).toBeDefined();
        expect(policy.description.length, policy.name).toBeGreaterThan(30);
      }
    });

    it("is mandatory for CMEK, TLS and private-endpoint policies", () => {
      for (const policy of policies) {
        if (
          /-(require-(cmk|cmek|tls13|private-access|ssl-policy))$/.test(policy.name) ||
          /disallow-public-(ip|network-access|ingress)$/.test(policy.name)
        ) {
          expect(policy.enforcementLevel, policy.name).toBe("mandatory");
        }
      }
    });

    it("offers remediation on at least three policies", () => {
      expect(
        policies.filter((policy) => "remediateResource" in policy && policy.remediateResource !== undefined)
          .length,
      ).toBeGreaterThanOrEqual(3);
    });
  });
}
