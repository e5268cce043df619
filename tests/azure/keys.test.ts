import { beforeAll, describe, expect, it } from "vitest";
import { KEY_VAULT_PATTERN } from "../../components/azure/names";
import {
  type BuiltPlatform,
  buildAzure,
  installAzureMocks,
  SUBSCRIPTION_ID,
  TENANT_ID,
} from "../helpers/azure-mocks";
import { bankArgs, PRINCIPALS } from "./fixtures";

const VAULT = "azure-native:keyvault:Vault";
const KEY = "azure-native:keyvault:Key";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const ROLE_DEFINITION = "azure-native:authorization:RoleDefinition";
const CRYPTO_SERVICE_ENCRYPTION_USER = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`;

let bank: BuiltPlatform;
let plain: BuiltPlatform;

beforeAll(async () => {
  await installAzureMocks();
  bank = await buildAzure("bank", bankArgs());
  plain = await buildAzure(
    "shop",
    bankArgs({ models: [{ name: "faq", baseModel: "gpt-35-turbo:0125" }], encryption: { rotationDays: 30 } }),
  );
});

describe("Azure Key Vault", () => {
  it("is RBAC-only, soft-delete and purge protected, private, and Premium when a key is HSM-backed", () => {
    const [vault] = bank.ofType(VAULT);
    expect(vault.inputs.properties).toEqual({
      tenantId: TENANT_ID,
      sku: { family: "A", name: "premium" },
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      publicNetworkAccess: "Disabled",
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
    });
    expect(vault.inputs.vaultName).toMatch(KEY_VAULT_PATTERN);
  });

  it("uses the Standard SKU when no key needs an HSM", () => {
    const [vault] = plain.ofType(VAULT);
    expect((vault.inputs.properties as { sku: unknown }).sku).toEqual({ family: "A", name: "standard" });
  });
});

describe("Azure keys", () => {
  it("creates one key per model and per data class", () => {
    expect(
      bank
        .ofType(KEY)
        .map((key) => key.inputs.keyName)
        .sort(),
    ).toEqual(
      ["artifacts", "datasets", "logs", "model-advisor", "model-forecaster", "openai-advisor"].sort(),
    );
    expect(Object.keys(bank.outputs.keys).sort()).toEqual(
      ["artifacts", "datasets", "logs", "model:advisor", "model:forecaster", "openai:advisor"].sort(),
    );
  });

  it("makes the high-sensitivity model's key and the data-class keys RSA-HSM, the others RSA", () => {
    const kty = (name: string) =>
      (bank.ofType(KEY).find((key) => key.inputs.keyName === name)?.inputs.properties as { kty: string }).kty;
    expect(kty("model-advisor")).toBe("RSA-HSM");
    expect(kty("datasets")).toBe("RSA-HSM");
    expect(kty("model-forecaster")).toBe("RSA");
    expect(plain.ofType(KEY).map((key) => (key.inputs.properties as { kty: string }).kty)).toEqual([
      "RSA",
      "RSA",
      "RSA",
      "RSA",
      "RSA",
    ]);
  });

  it("tags exactly the HSM keys sensitivity=high, for the pack's HSM policy", () => {
    const sensitivity = (key: { inputs: Record<string, unknown> }) =>
      (key.inputs.tags as Record<string, string> | undefined)?.sensitivity;
    const hsmKeys = bank
      .ofType(KEY)
      .filter((key) => (key.inputs.properties as { kty: string }).kty === "RSA-HSM")
      .map((key) => key.inputs.keyName);
    const tagged = bank
      .ofType(KEY)
      .filter((key) => sensitivity(key) === "high")
      .map((key) => key.inputs.keyName);
    expect(hsmKeys.length).toBeGreaterThan(0);
    expect(tagged.sort()).toEqual(hsmKeys.sort());
    expect(plain.ofType(KEY).filter((key) => sensitivity(key) !== undefined)).toEqual([]);
  });

  it("rotates every key at the configured period, expires it 30 days later and notifies before expiry", () => {
    for (const [built, days] of [
      [bank, 90],
      [plain, 30],
    ] as const) {
      for (const key of built.ofType(KEY)) {
        expect(key.inputs.properties).toMatchObject({
          // Azure OpenAI accepts only RSA 2048 (https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest).
          keySize: String(key.inputs.keyName).startsWith("openai-") ? 2048 : 3072,
          keyOps: ["wrapKey", "unwrapKey"],
          attributes: { enabled: true, exportable: false },
          rotationPolicy: {
            lifetimeActions: [
              { action: { type: "rotate" }, trigger: { timeAfterCreate: `P${days}D` } },
              { action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } },
            ],
            attributes: { expiryTime: `P${days + 30}D` },
          },
        });
      }
    }
  });
});

describe("Azure key access", () => {
  it("grants only Key Vault Crypto Service Encryption User on single keys to service identities", () => {
    const grants = bank.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.includes("-key-user-"));
    // 3 storage accounts, the Azure ML model, the artifacts account on each model's key (the OpenAI account
    // uses an access policy in its own vault instead).
    expect(grants).toHaveLength(6);
    for (const grant of grants) {
      expect(grant.inputs).toMatchObject({
        roleDefinitionId: CRYPTO_SERVICE_ENCRYPTION_USER,
        principalType: "ServicePrincipal",
      });
      expect(grant.inputs.scope).toMatch(/\/keys\/(datasets|artifacts|logs|model-[a-z]+)$/);
    }
  });

  it("gives break-glass principals key administration without cryptographic operations", () => {
    const role = bank.named(ROLE_DEFINITION, "bank-break-glass-role");
    expect(role.inputs.permissions).toEqual([
      {
        actions: ["Microsoft.KeyVault/vaults/read", "Microsoft.KeyVault/vaults/keys/read"],
        dataActions: ["Microsoft.KeyVault/vaults/keys/*", "Microsoft.KeyVault/vaults/keyrotationpolicies/*"],
        notDataActions: [
          "Microsoft.KeyVault/vaults/keys/encrypt/action",
          "Microsoft.KeyVault/vaults/keys/decrypt/action",
          "Microsoft.KeyVault/vaults/keys/wrap/action",
          "Microsoft.KeyVault/vaults/keys/unwrap/action",
          "Microsoft.KeyVault/vaults/keys/sign/action",
          "Microsoft.KeyVault/vaults/keys/verify/action",
        ],
      },
    ]);
    const assignment = bank.named(ROLE_ASSIGNMENT, "bank-break-glass-0");
    expect(assignment.inputs.principalId).toBe(PRINCIPALS.breakGlass);
    expect(assignment.inputs.roleDefinitionId).toMatch(/\/RoleDefinition\/bank-break-glass-role/);
  });

  it("assigns key administration to the deployer before any key, and to no break-glass principal unless given", async () => {
    const none = await buildAzure("nobreak", bankArgs({ encryption: {} }));
    expect(none.ofType(ROLE_ASSIGNMENT).filter((r) => r.name.includes("break-glass"))).toEqual([]);
    // Without a data-plane role the deployer's key creation fails with ForbiddenByRbac
    // (https://github.com/pulumi/pulumi-azure-native/issues/890).
    const deployer = none.named(ROLE_ASSIGNMENT, "nobreak-key-admin-deployer");
    expect(deployer.inputs.principalId).toMatch(/.+/);
    for (const key of none.ofType(KEY).filter((k) => !String(k.inputs.keyName).startsWith("openai-"))) {
      expect(key.dependsOn).toContain("nobreak-key-admin-deployer");
    }
  });
});

describe("Azure key evidence", () => {
  it("reports HSM keys as implemented for a high-sensitivity model and not applicable otherwise", () => {
    expect(bank.control("SAI-ENC-04").status).toBe("implemented");
    expect(plain.control("SAI-ENC-04").status).toBe("not-applicable");
  });

  it("reports the hybrid key strategy as a gap with its reason", () => {
    expect(bank.control("SAI-ENC-08")).toMatchObject({ status: "gap" });
    expect(bank.control("SAI-ENC-08").note).toMatch(/no external key manager/);
  });
});
