import { beforeAll, describe, expect, it } from "vitest";
import { personalDataRules } from "../../components/azure/storage";
import { STORAGE_ACCOUNT_PATTERN } from "../../components/azure/names";
import { type BuiltPlatform, buildAzure, installAzureMocks, SUBSCRIPTION_ID } from "../helpers/azure-mocks";
import { bankArgs, PRINCIPALS } from "./fixtures";

const ACCOUNT = "azure-native:storage:StorageAccount";
const BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
const LIFECYCLE = "azure-native:storage:ManagementPolicy";
const SCOPE = "azure-native:storage:EncryptionScope";
const CONTAINER = "azure-native:storage:BlobContainer";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

let bank: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs());
});

function account(storageClass: string) {
  return bank.named(ACCOUNT, `bank-${storageClass}`);
}

describe("Azure storage accounts", () => {
  it("tags the datasets account personal-data=true (it holds personal datasets), for the pack's lifecycle policy", () => {
    expect(account("datasets").inputs.tags).toMatchObject({ "personal-data": "true" });
    expect(account("artifacts").inputs.tags ?? {}).not.toHaveProperty("personal-data");
    expect(account("audit-logs").inputs.tags ?? {}).not.toHaveProperty("personal-data");
  });

  it("creates the datasets, artifacts and audit-log accounts with valid, distinct names", () => {
    const names = Object.values(bank.outputs.storage);
    expect(Object.keys(bank.outputs.storage).sort()).toEqual(["artifacts", "audit-logs", "datasets"]);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(STORAGE_ACCOUNT_PATTERN);
  });

  it("hardens every account: CMK via its identity without key version, no shared keys, private, TLS 1.2, HTTPS", () => {
    for (const [storageClass, key] of [
      ["datasets", "datasets"],
      ["artifacts", "artifacts"],
      ["audit-logs", "logs"],
    ]) {
      const inputs = account(storageClass).inputs;
      expect(inputs).toMatchObject({
        kind: "StorageV2",
        allowSharedKeyAccess: false,
        defaultToOAuthAuthentication: true,
        allowBlobPublicAccess: false,
        allowCrossTenantReplication: false,
        publicNetworkAccess: "Disabled",
        networkRuleSet: { defaultAction: "Deny", bypass: "AzureServices" },
        enableHttpsTrafficOnly: true,
        minimumTlsVersion: "TLS1_2",
        identity: { type: "UserAssigned" },
      });
      const encryption = inputs.encryption as Record<string, unknown>;
      expect(encryption).toMatchObject({
        keySource: "Microsoft.Keyvault",
        requireInfrastructureEncryption: true,
        keyVaultProperties: { keyName: key },
      });
      expect(encryption.keyVaultProperties).not.toHaveProperty("keyVersion");
      const identityId = (inputs.identity as { userAssignedIdentities: string[] }).userAssignedIdentities[0];
      expect(identityId).toMatch(new RegExp(`bank-id-storage-${storageClass}`));
      expect(encryption.encryptionIdentity).toEqual({ encryptionUserAssignedIdentity: identityId });
    }
  });

  it("creates each account only after its identity was granted the account's key", () => {
    for (const storageClass of ["datasets", "artifacts", "audit-logs"]) {
      const grant = `bank-key-user-${storageClass}-${storageClass === "audit-logs" ? "logs" : storageClass}`;
      expect(account(storageClass).dependsOn).toContain(grant);
      expect(bank.named(ROLE_ASSIGNMENT, grant).inputs.scope).toMatch(/\/keys\/(datasets|artifacts|logs)$/);
    }
  });

  it("makes only the audit-log account immutable", () => {
    expect(account("audit-logs").inputs.immutableStorageWithVersioning).toEqual({
      enabled: true,
      immutabilityPolicy: {
        immutabilityPeriodSinceCreationInDays: 365,
        allowProtectedAppendWrites: true,
        state: "Unlocked",
      },
    });
    expect(account("datasets").inputs.immutableStorageWithVersioning).toBeUndefined();
    expect(account("artifacts").inputs.immutableStorageWithVersioning).toBeUndefined();
  });

  it("turns on versioning and soft delete for blobs and containers on every account", () => {
    expect(bank.ofType(BLOB_SERVICE)).toHaveLength(3);
    for (const service of bank.ofType(BLOB_SERVICE)) {
      expect(service.inputs).toMatchObject({
        blobServicesName: "default",
        isVersioningEnabled: true,
        deleteRetentionPolicy: { enabled: true, days: 30 },
        containerDeleteRetentionPolicy: { enabled: true, days: 30 },
      });
    }
  });
});

describe("Azure personal data and artifacts", () => {
  it("deletes personal data, its versions and snapshots at retention, and nothing else", () => {
    const [lifecycle] = bank.ofType(LIFECYCLE);
    expect(lifecycle.inputs.policy).toEqual({
      rules: [
        {
          name: "delete-personal-data-30d-0",
          enabled: true,
          type: "Lifecycle",
          definition: {
            filters: { blobTypes: ["blockBlob", "appendBlob"], prefixMatch: ["ds-patients/", "ds-claims/"] },
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: 30 } },
              version: { delete: { daysAfterCreationGreaterThan: 30 } },
              snapshot: { delete: { daysAfterCreationGreaterThan: 30 } },
            },
          },
        },
      ],
    });
  });

  it("groups lifecycle rules by retention, ten prefixes per rule", () => {
    const datasets = Array.from({ length: 12 }, (_, index) => ({
      name: `set-${index}`,
      personalData: true,
      retentionDays: index < 11 ? 7 : 400,
    }));
    const rules = personalDataRules([...datasets, { name: "open", personalData: false }]);
    expect(rules.map((rule) => rule.name)).toEqual([
      "delete-personal-data-7d-0",
      "delete-personal-data-7d-1",
      "delete-personal-data-400d-0",
    ]);
    expect(personalDataRules([{ name: "open", personalData: false }])).toEqual([]);
  });

  it("creates no lifecycle policy when no dataset holds personal data", async () => {
    const open = await buildAzure("open", bankArgs({ datasets: [{ name: "docs" }] }));
    expect(open.ofType(LIFECYCLE)).toHaveLength(0);
    expect(open.control("SAI-GOV-01").status).toBe("not-applicable");
  });

  it("pins each model's artifacts container to an encryption scope under the model's key", () => {
    expect(bank.ofType(SCOPE)).toHaveLength(2);
    const scope = bank.named(SCOPE, "bank-artifacts-scope-advisor");
    expect(scope.inputs).toMatchObject({
      source: "Microsoft.KeyVault",
      keyVaultProperties: { keyUri: expect.stringMatching(/\.vault\.azure\.net\/keys\/model-advisor$/) },
      requireInfrastructureEncryption: true,
    });
    expect(scope.dependsOn).toContain("bank-key-user-artifacts-model-advisor");
    const container = bank.named(CONTAINER, "bank-artifacts-advisor");
    expect(container.inputs).toMatchObject({
      containerName: "model-advisor",
      defaultEncryptionScope: scope.inputs.encryptionScopeName,
      denyEncryptionScopeOverride: true,
      publicAccess: "None",
    });
  });

  it("gives data scientists read-only access to the datasets account", () => {
    const readers = bank.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.startsWith("bank-dataset-reader-"));
    expect(readers).toHaveLength(1);
    expect(readers[0].inputs).toMatchObject({
      principalId: PRINCIPALS.scientist,
      roleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`,
    });
    expect(readers[0].inputs.scope).toMatch(new RegExp(`/${bank.outputs.storage.datasets}$`));
  });
});
