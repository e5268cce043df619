import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { bankArgs } from "./fixtures";

const OPENAI = "azure-native:cognitiveservices:Account";
const RAI = "azure-native:cognitiveservices:RaiPolicy";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";
const WORKSPACE = "azure-native:machinelearningservices:Workspace";
const ONLINE_ENDPOINT = "azure-native:machinelearningservices:OnlineEndpoint";
const FEDERATION = "azure-native:managedidentity:FederatedIdentityCredential";

let bank: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs());
});

describe("Azure OpenAI serving", () => {
  // https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest: system-assigned identity only,
  // RSA 2048, legacy access policies with get, wrap and unwrap.
  it("encrypts the account with its RSA 2048 key through its system-assigned identity, after the access policy", () => {
    const account = bank.named(OPENAI, "bank-model-advisor");
    expect(account.inputs).toMatchObject({
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: { type: "SystemAssigned" },
    });
    const properties = account.inputs.properties as Record<string, unknown>;
    expect(properties).toMatchObject({
      customSubDomainName: account.inputs.accountName,
      disableLocalAuth: true,
      publicNetworkAccess: "Disabled",
      restrictOutboundNetworkAccess: true,
      allowedFqdnList: [],
      networkAcls: { defaultAction: "Deny", bypass: "None" },
      encryption: {
        keySource: "Microsoft.KeyVault",
        keyVaultProperties: {
          keyName: "openai-advisor",
          keyVaultUri: expect.stringMatching(/^https:\/\/kvo-bank-[0-9a-f]{8}\.vault\.azure\.net\/$/),
        },
      },
    });
    const vault = bank.named("azure-native:keyvault:Vault", "bank-openai-vault");
    expect((vault.inputs.properties as Record<string, unknown>).enableRbacAuthorization).toBe(false);
    expect(
      bank.named("azure-native:keyvault:Key", "bank-openai-key-advisor").inputs.properties,
    ).toMatchObject({
      kty: "RSA-HSM",
      keySize: 2048,
    });
    const access = bank.named("azure-native:keyvault:AccessPolicy", "bank-openai-key-access-advisor");
    expect((access.inputs.policy as { permissions: unknown }).permissions).toEqual({
      keys: ["get", "wrapKey", "unwrapKey"],
    });
    expect(account.dependsOn).toEqual(["bank-openai-key-access-advisor", "bank-openai-key-advisor"]);
  });

  it("attaches a blocking content filter to the deployment", () => {
    const rai = bank.named(RAI, "bank-model-advisor-filter");
    const properties = rai.inputs.properties as {
      basePolicyName: string;
      contentFilters: Record<string, unknown>[];
    };
    expect(properties.basePolicyName).toBe("Microsoft.DefaultV2");
    expect(properties.contentFilters).toContainEqual({
      name: "Jailbreak",
      source: "Prompt",
      enabled: true,
      blocking: true,
    });
    for (const filter of properties.contentFilters)
      expect(filter).toMatchObject({ enabled: true, blocking: true });
    expect(properties.contentFilters.filter((f) => f.name === "Hate")).toHaveLength(2);
    const deployment = bank.named(DEPLOYMENT, "bank-model-advisor-deployment");
    expect(deployment.inputs).toMatchObject({
      deploymentName: "advisor",
      sku: { name: "Standard", capacity: 10 },
      properties: {
        model: { format: "OpenAI", name: "gpt-35-turbo", version: "0125" },
        raiPolicyName: "secure-ai-filter",
      },
    });
    expect(deployment.dependsOn).toContain("bank-model-advisor-filter");
  });
});

describe("Azure ML serving", () => {
  it("builds a CMK, network-isolated workspace after the key grant", () => {
    const workspace = bank.named(WORKSPACE, "bank-model-forecaster");
    expect(workspace.inputs).toMatchObject({
      publicNetworkAccess: "Disabled",
      allowPublicAccessWhenBehindVnet: false,
      managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
      systemDatastoresAuthMode: "identity",
      hbiWorkspace: false,
      v1LegacyMode: false,
      encryption: {
        status: "Enabled",
        identity: { userAssignedIdentity: expect.stringMatching(/bank-id-model-forecaster/) },
        keyVaultProperties: {
          keyIdentifier: expect.stringMatching(/\/keys\/model-forecaster\/[0-9a-f]{32}$/),
        },
      },
    });
    // The roles Microsoft lists for a workspace with a user-assigned identity, on stores of the model's own
    // (https://learn.microsoft.com/en-us/azure/machine-learning/how-to-identity-based-service-authentication#rbac-roles-by-scenario).
    expect(workspace.dependsOn).toEqual([
      "bank-key-user-model-forecaster-model-forecaster",
      "bank-model-forecaster-artifacts-reader",
      "bank-model-forecaster-store-writer",
      "bank-model-forecaster-secrets-admin",
    ]);
    // Its own storage account and secrets vault, never the shared artifacts account or the main vault.
    expect(workspace.inputs.storageAccount).toMatch(/StorageAccount\/bankmlf[0-9a-f]{8}$/);
    expect(workspace.inputs.keyVault).toMatch(/\/kvm-bank-[0-9a-f]{8}$/);
  });

  it("serves through an online endpoint with Entra ID tokens only and no public access", () => {
    const endpoint = bank.named(ONLINE_ENDPOINT, "bank-model-forecaster-endpoint");
    expect(endpoint.inputs.properties).toEqual({ authMode: "AADToken", publicNetworkAccess: "Disabled" });
    expect(bank.outputs.modelEndpoints.forecaster).toBe(
      `https://${String(endpoint.inputs.endpointName)}.westeurope.inference.ml.azure.com/score`,
    );
  });

  it("marks the workspace high business impact for a high-sensitivity model", async () => {
    const high = await buildAzure(
      "clinic",
      bankArgs({ models: [{ name: "triage", serving: "ml", sensitivity: "high" }] }),
    );
    expect(high.named(WORKSPACE, "clinic-model-triage").inputs.hbiWorkspace).toBe(true);
  });

  it("reports that Azure ML pins the key version", () => {
    expect(bank.control("SAI-ENC-03").status).toBe("gap");
    expect(bank.control("SAI-ENC-03").note).toMatch(/pin a key version \(advisor, forecaster\)/);
  });
});

describe("Azure workload identities", () => {
  it("gives every workload its own identity and federates external workloads", () => {
    expect(Object.keys(bank.outputs.workloadIdentities).sort()).toEqual(
      [
        "federated:ci",
        "model:advisor",
        "model:forecaster",
        "storage:artifacts",
        "storage:audit-logs",
        "storage:datasets",
      ].sort(),
    );
    const [federation] = bank.ofType(FEDERATION);
    expect(federation.inputs).toMatchObject({
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:acme/ai:ref:refs/heads/main",
      audiences: ["api://AzureADTokenExchange"],
    });
  });
});
