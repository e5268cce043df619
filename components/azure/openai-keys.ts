import * as keyvault from "@pulumi/azure-native/keyvault";
import * as pulumi from "@pulumi/pulumi";
import { type AzureContext, retainedOpts } from "./context";
import { rotationPolicy, SOFT_DELETE_DAYS } from "./keys";
import type { PrivateEndpoints } from "./private-endpoints";

/*
 * Azure OpenAI's customer-managed key has its own rules (Microsoft, "Azure OpenAI encryption of data at rest",
 * https://learn.microsoft.com/en-us/azure/ai-foundry/openai/encrypt-data-at-rest):
 * - "Only RSA and RSA-HSM keys of size 2048 are supported";
 * - "Azure OpenAI only supports customer-managed keys (CMK) with system-assigned managed identities";
 * - "The key vault must use legacy access policies", granting the identity get, wrap key and unwrap key;
 * - soft delete and purge protection, and trusted Microsoft services through the vault firewall.
 * The platform's main vault is RBAC-only and its keys are RSA 3072, so OpenAI models get their keys in a vault
 * of their own that follows these rules.
 */

/** The only RSA key size Azure OpenAI accepts for its customer-managed key. */
export const OPENAI_KEY_SIZE = 2048;

/** Key permissions of an Azure OpenAI account's identity on its key (the documented minimum). */
export const OPENAI_KEY_PERMISSIONS = ["get", "wrapKey", "unwrapKey"] as const;

/**
 * Key permissions of the deploying identity on the OpenAI vault: create and manage keys, no cryptographic
 * operation (encrypt, decrypt, wrap, unwrap, sign, verify) and no purge.
 */
export const OPENAI_VAULT_ADMIN_PERMISSIONS = [
  "get",
  "list",
  "create",
  "update",
  "delete",
  "recover",
  "backup",
  "restore",
  "rotate",
  "getrotationpolicy",
  "setrotationpolicy",
] as const;

/** A model's key in the OpenAI vault. */
export interface OpenAiKey {
  resource: keyvault.Key;
  keyName: string;
  hsm: boolean;
}

/** The OpenAI vault and its keys. */
export interface OpenAiKeys {
  vault: keyvault.Vault;
  vaultName: string;
  vaultUri: string;
  /** By model name. */
  keys: Map<string, OpenAiKey>;
}

/**
 * The vault of the Azure OpenAI models' keys (access policies, soft delete, purge protection, no public network
 * access, trusted services allowed) with one RSA 2048 key per OpenAI model. The deployer's access policy is
 * inline, so the keys can be created; each account's identity gets its own access policy later.
 */
export function buildOpenAiKeys(
  context: AzureContext,
  privateEndpoints: PrivateEndpoints,
): OpenAiKeys | undefined {
  const { spec, name, names, resourceGroupName, location, tenantId, tags, deployerObjectId } = context;
  const models = spec.models.filter((model) => model.serving === "openai");
  if (models.length === 0) return undefined;
  const vaultName = names.openAiKeyVault();
  const vaultUri = `https://${vaultName}.vault.azure.net/`;
  const hsm = models.some((model) => model.hsm);
  const vault = new keyvault.Vault(
    `${name}-openai-vault`,
    {
      resourceGroupName,
      location,
      vaultName,
      properties: {
        tenantId,
        sku: { family: "A", name: hsm ? "premium" : "standard" },
        enableRbacAuthorization: false,
        accessPolicies: [
          {
            tenantId,
            objectId: deployerObjectId,
            permissions: { keys: [...OPENAI_VAULT_ADMIN_PERMISSIONS] },
          },
        ],
        enableSoftDelete: true,
        softDeleteRetentionInDays: SOFT_DELETE_DAYS,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
      },
      // Marks the one vault that must use access policies (Azure OpenAI CMK), for policies that require RBAC vaults.
      tags: { ...tags, "secure-ai-vault-purpose": "azure-openai-cmk" },
    },
    retainedOpts(context),
  );
  const keys = new Map<string, OpenAiKey>();
  for (const model of models) {
    const keyName = `openai-${model.name}`;
    const resource = new keyvault.Key(
      `${name}-openai-key-${model.name}`,
      {
        resourceGroupName,
        vaultName: vault.name,
        keyName,
        properties: {
          kty: model.hsm ? "RSA-HSM" : "RSA",
          keySize: OPENAI_KEY_SIZE,
          keyOps: ["wrapKey", "unwrapKey"],
          attributes: { enabled: true, exportable: false },
          rotationPolicy: rotationPolicy(spec.encryption.rotationDays),
        },
        tags: model.hsm ? { ...tags, sensitivity: "high" } : tags,
      },
      retainedOpts(context),
    );
    keys.set(model.name, { resource, keyName, hsm: model.hsm });
  }
  privateEndpoints.add({
    name: "openai-key-vault",
    resourceId: vault.id,
    groupId: "vault",
    zones: ["vault"],
  });
  return { vault, vaultName, vaultUri, keys };
}

/** Grants an OpenAI account's system-assigned identity get, wrap and unwrap on the OpenAI vault. */
export function grantOpenAiKeyAccess(
  context: AzureContext,
  keys: OpenAiKeys,
  model: string,
  principalId: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): keyvault.AccessPolicy {
  return new keyvault.AccessPolicy(
    `${context.name}-openai-key-access-${model}`,
    {
      resourceGroupName: context.resourceGroupName,
      vaultName: keys.vault.name,
      policy: {
        tenantId: context.tenantId,
        objectId: principalId,
        permissions: { keys: [...OPENAI_KEY_PERMISSIONS] },
      },
    },
    opts,
  );
}

/** The version of a key from its versioned URI (`https://<vault>/keys/<name>/<version>`). */
export function keyVersion(keyUriWithVersion: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(keyUriWithVersion).apply((uri) => uri.split("/").pop() ?? "");
}
