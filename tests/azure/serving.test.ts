import { beforeAll, describe, expect, it } from "vitest";
import { type BuiltPlatform, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { bankArgs } from "./fixtures";

const OPENAI = "azure-native:cognitiveservices:Account";
const RAI = "azure-native:cognitiveservices:RaiPolicy";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";
const WORKSPACE = "azure-native:machinelearningservices:Workspace";
const ONLINE_ENDPOINT = "azure-native:machinelearningservices:OnlineEndpoint";
const IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
const FEDERATION = "azure-native:managedidentity:FederatedIdentityCredential";

let bank: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs());
});

describe("Azure OpenAI serving", () => {
  it("encrypts the account with the model's key through the model's identity, after the grant", () => {
    const account = bank.named(OPENAI, "bank-model-advisor");
    const identity = bank.named(IDENTITY, "bank-id-model-advisor");
    expect(account.inputs).toMatchObject({
      kind: "OpenAI",
      sku: { name: "S0" },
      identity: {
        type: "UserAssigned",
        userAssignedIdentities: [expect.stringMatching(/bank-id-model-advisor/)],
      },
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
          keyName: "model-advisor",
          keyVaultUri: expect.stringMatching(/^https:\/\/kv-bank-[0-9a-f]{8}\.vault\.azure\.net\/$/),
        },
      },
    });
    expect(
      (properties.encryption as { keyVaultProperties: Record<string, unknown> }).keyVaultProperties,
    ).not.toHaveProperty("keyVersion");
    expect(identity.type).toBe(IDENTITY);
    expect(account.dependsOn).toEqual(["bank-key-user-model-advisor-model-advisor"]);
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
        model: { format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" },
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
    expect(workspace.dependsOn).toEqual([
      "bank-key-user-model-forecaster-model-forecaster",
      "bank-model-forecaster-artifacts-writer",
    ]);
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
    expect(bank.control("SAI-ENC-03").note).toMatch(/pin a key version \(forecaster\)/);
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
