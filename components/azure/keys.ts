import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import type * as input from "@pulumi/azure-native/types/input";
import * as pulumi from "@pulumi/pulumi";
import { type AzureContext, dependingOn, retainedOpts } from "./context";
import { isoDays } from "./names";
import type { PrivateEndpoints } from "./private-endpoints";
import { BUILT_IN_ROLES, KEY_CRYPTO_DATA_ACTIONS, roleDefinitionId } from "./roles";

/** Data classes that get their own key, besides one key per model. */
export const DATA_CLASSES = ["datasets", "artifacts", "logs"] as const;
/** One data class. */
export type DataClass = (typeof DATA_CLASSES)[number];

/** RSA key size of every platform key. */
export const KEY_SIZE = 3072;
/** Days before expiry that Key Vault raises the near-expiry event if rotation has not happened. */
export const EXPIRY_NOTICE_DAYS = 30;
/** Shortest rotation period Key Vault accepts in a rotation policy. */
export const MIN_ROTATION_DAYS = 7;
/** Days deleted vaults and keys stay recoverable (the maximum). */
export const SOFT_DELETE_DAYS = 90;

/** A customer-managed key in the platform's vault. */
export interface PlatformKey {
  /** The key resource; its `id` is the ARM ID used as role assignment scope. */
  resource: keyvault.Key;
  /** Key name inside the vault. */
  keyName: string;
  /** Key URI without version, so that services follow rotation. */
  versionlessUri: string;
  /** Whether the key is HSM-protected (`RSA-HSM`). */
  hsm: boolean;
}

/** The vault and its keys. */
export interface AzureKeys {
  vault: keyvault.Vault;
  vaultName: string;
  /** `https://<vault>.vault.azure.net/`. */
  vaultUri: string;
  /** Keys by purpose: `model:<name>` and the data classes. */
  keys: Map<string, PlatformKey>;
  /** Role assignments that let identities use a key; CMK consumers depend on them. */
  grants: authorization.RoleAssignment[];
}

/** The rotation policy of every key: rotate after `rotationDays`, expire 30 days later, notify before. */
export function rotationPolicy(rotationDays: number): input.keyvault.RotationPolicyArgs {
  const rotateAfter = Math.max(rotationDays, MIN_ROTATION_DAYS);
  return {
    lifetimeActions: [
      { action: { type: "rotate" }, trigger: { timeAfterCreate: isoDays(rotateAfter) } },
      { action: { type: "notify" }, trigger: { timeBeforeExpiry: isoDays(EXPIRY_NOTICE_DAYS) } },
    ],
    attributes: { expiryTime: isoDays(rotateAfter + EXPIRY_NOTICE_DAYS) },
  };
}

/**
 * Builds the Key Vault (RBAC, soft delete, purge protection, no public access, Premium when a key must be
 * HSM-backed), a key per model and per data class, and the break-glass role. Identities are granted key
 * use later with {@link grantKeyUse}.
 */
export function buildKeys(context: AzureContext, privateEndpoints: PrivateEndpoints): AzureKeys {
  const { spec, name, names, resourceGroupName, location, tenantId, tags } = context;
  const vaultName = names.keyVault();
  const vaultUri = `https://${vaultName}.vault.azure.net/`;
  const vault = new keyvault.Vault(
    `${name}-vault`,
    {
      resourceGroupName,
      location,
      vaultName,
      properties: {
        tenantId,
        sku: { family: "A", name: spec.anyHsm ? "premium" : "standard" },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        softDeleteRetentionInDays: SOFT_DELETE_DAYS,
        enablePurgeProtection: true,
        publicNetworkAccess: "Disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
      },
      tags,
    },
    retainedOpts(context),
  );

  // On an RBAC vault, creating a key (and the provider's existence check before it) is a data-plane operation:
  // without a data-plane role the deployer gets ForbiddenByRbac
  // (https://github.com/pulumi/pulumi-azure-native/issues/890, https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide).
  // The deployer gets the key-administration role (no cryptographic operation) before any key is created.
  const adminRole = keyAdministrationRole(context, vault);
  const deployerGrant = new authorization.RoleAssignment(
    `${name}-key-admin-deployer`,
    {
      scope: vault.id,
      principalId: context.deployerObjectId,
      roleDefinitionId: adminRole.id,
      description:
        "Deploying identity: creates and rotates the platform's keys (no cryptographic operations)",
    },
    context.opts,
  );
  const keys = new Map<string, PlatformKey>();
  const addKey = (purpose: string, keyName: string, hsm: boolean): void => {
    const resource = new keyvault.Key(
      `${name}-key-${purpose.replace(":", "-")}`,
      {
        resourceGroupName,
        vaultName: vault.name,
        keyName,
        properties: {
          kty: hsm ? "RSA-HSM" : "RSA",
          keySize: KEY_SIZE,
          keyOps: ["wrapKey", "unwrapKey"],
          attributes: { enabled: true, exportable: false },
          rotationPolicy: rotationPolicy(spec.encryption.rotationDays),
        },
        // The pack's HSM policy (SAI-ENC-04) recognises high-sensitivity keys by this tag.
        tags: hsm ? { ...tags, sensitivity: "high" } : tags,
      },
      retainedOpts(context, [deployerGrant]),
    );
    keys.set(purpose, { resource, keyName, versionlessUri: `${vaultUri}keys/${keyName}`, hsm });
  };
  for (const dataClass of DATA_CLASSES) addKey(dataClass, dataClass, spec.anyHsm);
  for (const model of spec.models) addKey(`model:${model.name}`, `model-${model.name}`, model.hsm);

  const vaultEndpoint = privateEndpoints.add({
    name: "key-vault",
    resourceId: vault.id,
    groupId: "vault",
    zones: ["vault"],
  });
  const grants = breakGlass(context, vault, adminRole);
  recordKeyEvidence(context, vault, [...keys.values()], vaultEndpoint, [deployerGrant, ...grants]);
  return { vault, vaultName, vaultUri, keys, grants };
}

/**
 * The key-administration role on the vault: everything Key Vault Crypto Officer may do with keys (create,
 * rotate, back up, recover, delete) except cryptographic operations. The deployer holds it to create the keys;
 * break-glass administrators hold it to recover keys in an emergency without being able to decrypt data.
 */
function keyAdministrationRole(context: AzureContext, vault: keyvault.Vault): authorization.RoleDefinition {
  const { name, opts } = context;
  return new authorization.RoleDefinition(
    `${name}-break-glass-role`,
    {
      scope: vault.id,
      roleName: pulumi.interpolate`Secure AI key break-glass (${vault.name})`,
      description: "Administer Key Vault keys without performing cryptographic operations",
      roleType: "CustomRole",
      assignableScopes: [vault.id],
      permissions: [
        {
          actions: ["Microsoft.KeyVault/vaults/read", "Microsoft.KeyVault/vaults/keys/read"],
          dataActions: [
            "Microsoft.KeyVault/vaults/keys/*",
            "Microsoft.KeyVault/vaults/keyrotationpolicies/*",
          ],
          notDataActions: [...KEY_CRYPTO_DATA_ACTIONS],
        },
      ],
    },
    opts,
  );
}

/** Break-glass administrators get the key-administration role on the vault. */
function breakGlass(
  context: AzureContext,
  vault: keyvault.Vault,
  role: authorization.RoleDefinition,
): authorization.RoleAssignment[] {
  const { spec, name, opts } = context;
  return spec.encryption.breakGlassPrincipals.map(
    (principalId, index) =>
      new authorization.RoleAssignment(
        `${name}-break-glass-${index}`,
        {
          scope: vault.id,
          principalId,
          roleDefinitionId: role.id,
          description: "Break-glass key administration (no cryptographic operations)",
        },
        opts,
      ),
  );
}

/**
 * Grants an identity Key Vault Crypto Service Encryption User (wrap/unwrap only) on one key. Services
 * switched to the key must depend on the returned assignment.
 */
export function grantKeyUse(
  context: AzureContext,
  keys: AzureKeys,
  purpose: string,
  grantee: { label: string; principalId: pulumi.Input<string> },
): authorization.RoleAssignment {
  const key = keys.keys.get(purpose);
  if (!key) throw new Error(`no platform key for ${purpose}`);
  const assignment = new authorization.RoleAssignment(
    `${context.name}-key-user-${grantee.label}-${purpose.replace(":", "-")}`,
    {
      scope: key.resource.id,
      principalId: grantee.principalId,
      principalType: "ServicePrincipal",
      roleDefinitionId: roleDefinitionId(
        context.subscriptionId,
        BUILT_IN_ROLES.keyVaultCryptoServiceEncryptionUser,
      ),
      description: `CMK use of ${key.keyName} by ${grantee.label}`,
    },
    dependingOn(context, [key.resource]),
  );
  keys.grants.push(assignment);
  return assignment;
}

function recordKeyEvidence(
  context: AzureContext,
  vault: keyvault.Vault,
  keys: PlatformKey[],
  vaultEndpoint: pulumi.Resource,
  breakGlassGrants: authorization.RoleAssignment[],
): void {
  const { spec, evidence } = context;
  const keyResources = keys.map((key) => key.resource);
  const modelKeys = keys.filter((key) => key.keyName.startsWith("model-")).map((key) => key.resource);
  evidence.implemented("SAI-ENC-02", modelKeys, "one Key Vault key per model");
  const rotationNote =
    spec.encryption.rotationDays < MIN_ROTATION_DAYS
      ? `rotation every ${MIN_ROTATION_DAYS} days, Key Vault's shortest rotation period (asked: ${spec.encryption.rotationDays})`
      : `rotation policy rotates every ${spec.encryption.rotationDays} days and notifies ${EXPIRY_NOTICE_DAYS} days before expiry`;
  evidence.implemented("SAI-ENC-03", keyResources, rotationNote);
  if (spec.anyHsm) {
    evidence.implemented(
      "SAI-ENC-04",
      [vault, ...keys.filter((key) => key.hsm).map((key) => key.resource)],
      "RSA-HSM keys in a Premium Key Vault; a single-tenant Managed HSM is bring-your-own (it needs a data-plane security-domain activation no Pulumi resource performs)",
    );
  } else {
    evidence.notApplicable("SAI-ENC-04", 'no high-sensitivity model and encryption.hsm is not "all"');
  }
  evidence.implemented(
    "SAI-ENC-05",
    [vault, ...breakGlassGrants],
    "RBAC-only main vault; services get Key Vault Crypto Service Encryption User on their own key; the deployer and break-glass admins get key administration without cryptographic operations; Azure OpenAI keys live in their own access-policy vault (Microsoft requires access policies for Azure OpenAI CMK), where each account's identity gets get, wrap and unwrap and the deployer key management without cryptographic permissions",
  );
  evidence.implemented(
    "SAI-ENC-07",
    [vault],
    `soft delete (${SOFT_DELETE_DAYS} days) and purge protection on the vault protect every key; vault and keys retained on destroy (Pulumi retainOnDelete)`,
  );
  evidence.implemented(
    "SAI-NET-02",
    [vault, vaultEndpoint],
    "Key Vault: public network access disabled, private endpoint",
  );
  evidence.gap(
    "SAI-TLS-02",
    "Key Vault has no minimum-TLS setting: it enforces TLS 1.2 or later but cannot be restricted to TLS 1.3",
    [vault],
  );
  const store = spec.encryption.externalKeyStore;
  evidence.gap(
    "SAI-ENC-08",
    store
      ? `Azure has no external key manager for CMK (no equivalent of AWS XKS or Cloud EKM); the Managed HSM ${store} is recorded, but its keys are created on its data plane, which no Pulumi resource does`
      : "Azure has no external key manager for CMK (no equivalent of AWS XKS or Cloud EKM); the closest option, a customer-activated Managed HSM, is bring-your-own (encryption.externalKeyStore)",
  );
}
