import { describe, expect, it } from "vitest";
import { azureKeyvaultVaultRequireDiagnosticSettings } from "../../../policy-packs/secure-ai/policies/azure/keyvault-vault-require-diagnostic-settings";
import { azureNetworkPublicipaddressLimitToGateways } from "../../../policy-packs/secure-ai/policies/azure/network-publicipaddress-limit-to-gateways";
import { azureSecurityPricingRequireDefenderPlans } from "../../../policy-packs/secure-ai/policies/azure/security-pricing-require-defender-plans";
import { azureSecurityinsightsOnboardingRequireSentinel } from "../../../policy-packs/secure-ai/policies/azure/securityinsights-onboarding-require-sentinel";
import { FUZZ_VALUES, UNKNOWN, runStackPolicy, type Fixture } from "../gcp/harness";
import { BASELINES } from "./cases";

const URN = (type: string, name: string) => `urn:pulumi:test::project::${type}::${name}`;
const VAULT_TYPE = "azure-native:keyvault:Vault";
const vault: Fixture = { type: VAULT_TYPE, name: "kv", props: { ...BASELINES.vault, id: UNKNOWN } };
const nsgOnly: Fixture = {
  type: "azure-native:network:NetworkSecurityGroup",
  name: "nsg",
  props: { resourceGroupName: "rg" },
};

describe("azure-keyvault-vault-require-diagnostic-settings", () => {
  const policy = azureKeyvaultVaultRequireDiagnosticSettings;
  const setting = (props: Record<string, unknown>, linked = true): Fixture => ({
    type: "azure-native:monitor:DiagnosticSetting",
    name: "kv-diag",
    props: {
      resourceUri: UNKNOWN,
      workspaceId:
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs",
      logs: [{ category: "AuditEvent", enabled: true }],
      ...props,
    },
    propertyDependencies: linked ? { resourceUri: [URN(VAULT_TYPE, "kv")] } : {},
  });

  it("passes when a setting linked to the vault sends AuditEvent somewhere", async () => {
    expect((await runStackPolicy(policy, [vault, setting({})])).violations).toEqual([]);
    expect(
      (
        await runStackPolicy(policy, [
          vault,
          setting({ logs: [{ categoryGroup: "allLogs", enabled: true }] }),
        ])
      ).violations,
    ).toEqual([]);
  });

  it("links by known ARM ID as well (case-insensitive)", async () => {
    const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/sai-kv";
    const known: Fixture = { ...vault, props: { ...BASELINES.vault, id } };
    expect(
      (await runStackPolicy(policy, [known, setting({ resourceUri: id.toUpperCase() }, false)])).violations,
    ).toEqual([]);
  });

  it("reports a vault without settings, against the vault", async () => {
    const result = await runStackPolicy(policy, [vault]);
    expect(result.violations).toHaveLength(1);
    expect(result.urns[0]).toBe(URN(VAULT_TYPE, "kv"));
    expect((await runStackPolicy(policy, [vault, setting({}, false)])).violations).toHaveLength(1);
  });

  it("reports a setting without audit logs or without a destination", async () => {
    expect(
      (
        await runStackPolicy(policy, [
          vault,
          setting({ logs: [{ category: "AzurePolicyEvaluationDetails", enabled: true }] }),
        ])
      ).violations,
    ).toHaveLength(1);
    expect(
      (await runStackPolicy(policy, [vault, setting({ logs: [{ category: "AuditEvent", enabled: false }] })]))
        .violations,
    ).toHaveLength(1);
    expect(
      (await runStackPolicy(policy, [vault, setting({ workspaceId: undefined })])).violations,
    ).toHaveLength(1);
  });

  it("treats unknown log lists as present and honours adopted", async () => {
    expect((await runStackPolicy(policy, [vault, setting({ logs: UNKNOWN })])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [vault], { adopted: true })).violations).toEqual([]);
  });
});

describe("azure-network-publicipaddress-limit-to-gateways", () => {
  const policy = azureNetworkPublicipaddressLimitToGateways;
  const IP_TYPE = "azure-native:network:PublicIPAddress";
  const ip: Fixture = { type: IP_TYPE, name: "agw-ip", props: { sku: { name: "Standard" }, id: UNKNOWN } };
  const gateway = (linked: boolean): Fixture => ({
    type: "azure-native:network:ApplicationGateway",
    name: "agw",
    props: {
      ...BASELINES.applicationGateway,
      frontendIPConfigurations: [{ name: "public", publicIPAddress: { id: UNKNOWN } }],
    },
    propertyDependencies: linked ? { frontendIPConfigurations: [URN(IP_TYPE, "agw-ip")] } : {},
  });

  it("passes a public IP that fronts an Application Gateway", async () => {
    expect((await runStackPolicy(policy, [ip, gateway(true)])).violations).toEqual([]);
  });

  it("flags a public IP with no gateway, against the IP", async () => {
    const result = await runStackPolicy(policy, [ip, gateway(false)]);
    expect(result.violations).toHaveLength(1);
    expect(result.urns[0]).toBe(URN(IP_TYPE, "agw-ip"));
    expect(policy.enforcementLevel).toBe("advisory");
  });
});

describe("azure-security-pricing-require-defender-plans", () => {
  const policy = azureSecurityPricingRequireDefenderPlans;
  const storage: Fixture = {
    type: "azure-native:storage:StorageAccount",
    name: "data",
    props: { ...BASELINES.storageAccount },
  };
  const plan = (pricingName: unknown, pricingTier: unknown = "Standard"): Fixture => ({
    type: "azure-native:security:Pricing",
    name: `plan-${String(pricingName)}`,
    props: { scopeId: "/subscriptions/s", pricingName, pricingTier },
  });
  const allPlans = ["AI", "StorageAccounts", "KeyVaults", "CloudPosture"].map((name) => plan(name));

  it("passes with every required plan at Standard", async () => {
    expect((await runStackPolicy(policy, [storage, ...allPlans])).violations).toEqual([]);
  });

  const ai: Fixture = {
    type: "azure-native:cognitiveservices:Account",
    name: "openai",
    props: { resourceGroupName: "rg", kind: "OpenAI" },
  };

  it("reports missing plans and Free-tier plans", async () => {
    expect((await runStackPolicy(policy, [storage, ai, ...allPlans.slice(1)])).violations).toEqual([
      expect.stringContaining("AI"),
    ]);
    const free = await runStackPolicy(policy, [storage, ai, ...allPlans.slice(1), plan("AI", "Free")]);
    expect(free.violations).toHaveLength(2);
  });

  it("asks only for the plans of what the stack holds: no Defender for AI without AI services", async () => {
    expect((await runStackPolicy(policy, [storage, ...allPlans.slice(1)])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [storage])).violations).toEqual([
      expect.stringMatching(/for StorageAccounts, CloudPosture;/),
    ]);
  });

  it("passes with unknown names or tiers at preview, when adopted, or without Azure data", async () => {
    expect((await runStackPolicy(policy, [storage, plan(UNKNOWN, UNKNOWN)])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [storage], { adopted: true })).violations).toEqual([]);
    const unrelated = await runStackPolicy(policy, [nsgOnly]);
    expect(unrelated.violations).toEqual([]);
    expect(unrelated.notApplicable).toMatch(/^the stack holds no Azure key vaults/);
  });
});

describe("azure-securityinsights-onboarding-require-sentinel", () => {
  const policy = azureSecurityinsightsOnboardingRequireSentinel;
  const onboarding: Fixture = {
    type: "azure-native:securityinsights:SentinelOnboardingState",
    name: "sentinel",
    props: { resourceGroupName: "rg", workspaceName: UNKNOWN, sentinelOnboardingStateName: "default" },
  };

  it("passes with an onboarding state and fails without one", async () => {
    expect((await runStackPolicy(policy, [vault, onboarding])).violations).toEqual([]);
    expect((await runStackPolicy(policy, [vault])).violations).toHaveLength(1);
  });

  it("stays quiet when adopted or without Azure data", async () => {
    expect((await runStackPolicy(policy, [vault], { adopted: true })).violations).toEqual([]);
    expect((await runStackPolicy(policy, [nsgOnly])).violations).toEqual([]);
  });
});

describe("Azure stack policies with fuzzed resources", () => {
  it("never crash", async () => {
    const policies = [
      azureKeyvaultVaultRequireDiagnosticSettings,
      azureNetworkPublicipaddressLimitToGateways,
      azureSecurityPricingRequireDefenderPlans,
      azureSecurityinsightsOnboardingRequireSentinel,
    ];
    const types = [
      "azure-native:monitor:DiagnosticSetting",
      "azure-native:security:Pricing",
      "azure-native:network:ApplicationGateway",
      "azure-native:network:PublicIPAddress",
    ];
    for (const policy of policies) {
      for (const type of types) {
        for (const value of FUZZ_VALUES) {
          const odd: Fixture = {
            type,
            name: "odd",
            props: {
              id: value,
              resourceUri: value,
              logs: value,
              workspaceId: value,
              pricingName: value,
              pricingTier: value,
              frontendIPConfigurations: value,
            },
          };
          const result = await runStackPolicy(policy, [vault, odd]);
          expect(result.violations.join("\n")).not.toContain("could not evaluate");
        }
      }
    }
  });
});
