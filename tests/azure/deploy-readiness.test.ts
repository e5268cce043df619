import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiPlatform } from "../../components/platform";
import { type BuiltPlatform, azureArgs, buildAzure, installAzureMocks } from "../helpers/azure-mocks";
import { CERTIFICATE, CERTIFICATE_VAULT_ID } from "./fixtures";

/*
 * Deploy readiness on Azure: the creation rules Microsoft documents that the platform depends on, checked on
 * the resources the backend builds.
 */

const VAULT = "azure-native:keyvault:Vault";
const KEY = "azure-native:keyvault:Key";
const ROLE = "azure-native:authorization:RoleAssignment";

let built: BuiltPlatform;
beforeAll(async () => {
  await installAzureMocks();
  built = await buildAzure(
    "ready",
    azureArgs({
      azure: { location: "swedencentral", tenantId: "11111111-1111-4111-8111-111111111111" },
      models: [
        { name: "chat" },
        { name: "scorer", serving: "ml" },
        { name: "fresh", encryptionStage: "bootstrap" },
      ],
      publicApi: { enabled: true, certificate: CERTIFICATE, certificateVaultId: CERTIFICATE_VAULT_ID },
    }),
  );
});

describe("Azure creation rules the platform depends on", () => {
  // https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest: RSA 2048 only, system-assigned
  // identity only, legacy access policies with get/wrap/unwrap, soft delete and purge protection.
  it("gives Azure OpenAI an RSA 2048 key in an access-policy vault, used through its system-assigned identity", () => {
    const vault = built.named(VAULT, "ready-openai-vault").inputs.properties as Record<string, unknown>;
    expect(vault).toMatchObject({
      enableRbacAuthorization: false,
      enableSoftDelete: true,
      enablePurgeProtection: true,
    });
    expect(built.named(KEY, "ready-openai-key-chat").inputs.properties).toMatchObject({
      kty: "RSA",
      keySize: 2048,
    });
    const account = built.named("azure-native:cognitiveservices:Account", "ready-model-chat");
    expect(account.inputs.identity).toEqual({ type: "SystemAssigned" });
    expect(account.dependsOn).toContain("ready-openai-key-access-chat");
  });

  it("bootstraps a new OpenAI account with Microsoft-managed keys, then grants its identity, and says so", () => {
    const account = built.named("azure-native:cognitiveservices:Account", "ready-model-fresh");
    expect((account.inputs.properties as { encryption: unknown }).encryption).toEqual({
      keySource: "Microsoft.CognitiveServices",
    });
    expect(
      built.named("azure-native:keyvault:AccessPolicy", "ready-openai-key-access-fresh").dependsOn,
    ).toEqual([]);
    expect(built.control("SAI-ENC-01").status).toBe("gap");
    expect(built.control("SAI-ENC-01").note).toMatch(/fresh are being bootstrapped/);
  });

  // On an RBAC vault key creation is a data-plane operation (ForbiddenByRbac without a data-plane role):
  // https://github.com/pulumi/pulumi-azure-native/issues/890
  it("grants the deployer key administration on the main vault before any key there", () => {
    const grant = built.named(ROLE, "ready-key-admin-deployer");
    expect(grant.inputs.roleDefinitionId).toMatch(/ready-break-glass-role/);
    for (const key of built.ofType(KEY).filter((k) => !k.name.startsWith("ready-openai-"))) {
      expect(key.dependsOn, key.name).toContain("ready-key-admin-deployer");
    }
  });

  // https://learn.microsoft.com/en-us/azure/ai-foundry/openai/concepts/models#standard-deployment-model-availability
  it("deploys the default model only where regional Standard offers it, and otherwise asks for one", () => {
    expect(
      (
        built.named("azure-native:cognitiveservices:Deployment", "ready-model-chat-deployment").inputs
          .properties as {
          model: unknown;
        }
      ).model,
    ).toEqual({ format: "OpenAI", name: "gpt-4o-mini", version: "2024-07-18" });
    expect(() => new SecureAiPlatform("ready-weu", azureArgs({ models: [{ name: "chat" }] }))).toThrow(
      /models\[0\]\.baseModel: .*not offered with a regional Standard deployment in westeurope/,
    );
  });

  // A table exists only once data arrived; a union isfuzzy leg that always exists keeps the query valid:
  // https://learn.microsoft.com/en-us/kusto/query/union-operator
  it("writes every alert and analytics query so that it is valid on a fresh workspace", () => {
    const queries = [
      ...built
        .ofType("azure-native:monitor:ScheduledQueryRule")
        .map((rule) => (rule.inputs.criteria as { allOf: { query: string }[] }).allOf[0]?.query),
      ...built
        .ofType("azure-native:securityinsights:ScheduledAlertRule")
        .map((rule) => String(rule.inputs.query)),
    ];
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries)
      expect(query).toMatch(
        /^union isfuzzy=true\s*\(?\s*\(?datatable\(|^union isfuzzy=true\n\s+\(datatable\(/,
      );
  });

  // https://learn.microsoft.com/en-us/azure/application-gateway/key-vault-certs (Key Vault Secrets User)
  it("lets the gateway's identity read its certificate, and only it, before the gateway exists", () => {
    const grant = built.named(ROLE, "ready-gateway-certificate-reader");
    expect(grant.inputs.scope).toBe(`${CERTIFICATE_VAULT_ID}/secrets/api-cert`);
    expect(grant.inputs.roleDefinitionId).toMatch(/4633458b-17de-408a-b874-0445c86b69e6$/);
    expect(built.named("azure-native:network:ApplicationGateway", "ready-gateway").dependsOn).toContain(
      "ready-gateway-certificate-reader",
    );
  });

  // https://learn.microsoft.com/en-us/azure/machine-learning/how-to-identity-based-service-authentication#rbac-roles-by-scenario
  it("gives an ML workspace's identity the documented roles, on stores of its own", () => {
    const workspace = built.named("azure-native:machinelearningservices:Workspace", "ready-model-scorer");
    expect(workspace.dependsOn).toEqual(
      expect.arrayContaining(["ready-model-scorer-store-writer", "ready-model-scorer-secrets-admin"]),
    );
    expect(built.named(ROLE, "ready-model-scorer-artifacts-reader").inputs.scope).toMatch(
      /\/blobServices\/default\/containers\/model-scorer$/,
    );
    expect(built.named(ROLE, "ready-model-scorer-operator").dependsOn).toEqual(["ready-model-scorer"]);
  });

  it("accepts no query of the Log Analytics workspace from public networks", () => {
    expect(built.named("azure-native:operationalinsights:Workspace", "ready-logs").inputs).toMatchObject({
      publicNetworkAccessForIngestion: "Disabled",
      publicNetworkAccessForQuery: "Disabled",
    });
  });
});
