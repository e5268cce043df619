import { describe, expect, it } from "vitest";
import { azureNetworkSecurityruleDisallowPublicIngress } from "../../../policy-packs/secure-ai/policies/azure/network-securityrule-disallow-public-ingress";
import { azureStorageAccountRequireHttpsTls12 } from "../../../policy-packs/secure-ai/policies/azure/storage-account-require-https-tls12";
import { describePolicyCase } from "../gcp/case-runner";
import { runResourcePolicy } from "../gcp/harness";
import { AZURE_CASES, BASELINES } from "./cases";

describe("Azure resource policies", () => {
  for (const entry of AZURE_CASES) {
    describePolicyCase(entry);
  }
});

describe("Azure policies on inline blocks", () => {
  it("checks the security rules inside a network security group", async () => {
    const open = { ...BASELINES.securityRule, sourceAddressPrefix: "*" };
    const nsg = { resourceGroupName: "rg", securityRules: [BASELINES.securityRule, open] };
    const result = await runResourcePolicy(azureNetworkSecurityruleDisallowPublicIngress, {
      type: "azure-native:network:NetworkSecurityGroup",
      props: nsg,
    });
    expect(result.violations).toEqual([expect.stringContaining("securityRules[1]")]);
  });
});

describe("Azure Storage TLS: the cloud's limit is stated, never hidden", () => {
  it("names the TLS 1.3 limit in the description and in every finding", async () => {
    expect(azureStorageAccountRequireHttpsTls12.description).toContain("cannot be restricted to TLS 1.3");
    const result = await runResourcePolicy(azureStorageAccountRequireHttpsTls12, {
      type: "azure-native:storage:StorageAccount",
      props: { ...BASELINES.storageAccount, minimumTlsVersion: "TLS1_3" },
    });
    expect(result.violations).toEqual([expect.stringContaining("rejects TLS1_3 as a minimum")]);
    expect(result.violations[0]).toContain("SAI-TLS-02");
  });
});
