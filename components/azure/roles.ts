import * as pulumi from "@pulumi/pulumi";

/**
 * Azure built-in role definition GUIDs this backend assigns. They are the same in every tenant; each was
 * checked against Microsoft's published role definitions (name and data actions).
 */
export const BUILT_IN_ROLES = {
  /** Key Vault Crypto Service Encryption User: read key metadata, wrap and unwrap (CMK for services). */
  keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  /** Storage Blob Data Reader: read blobs and list containers. */
  storageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  /** Storage Blob Data Contributor: read, write and delete blobs (Azure ML's system datastores). */
  storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
  /** Key Vault Administrator: all data actions on a vault (only on an Azure ML workspace's own secrets vault). */
  keyVaultAdministrator: "00482a5a-887f-4fb3-b363-3b7fe8e74483",
  /** Key Vault Secrets User: read secret contents (Application Gateway reads its TLS certificate). */
  keyVaultSecretsUser: "4633458b-17de-408a-b874-0445c86b69e6",
} as const;

/** Data actions of Key Vault keys that perform cryptography; the break-glass role excludes them. */
export const KEY_CRYPTO_DATA_ACTIONS = [
  "Microsoft.KeyVault/vaults/keys/encrypt/action",
  "Microsoft.KeyVault/vaults/keys/decrypt/action",
  "Microsoft.KeyVault/vaults/keys/wrap/action",
  "Microsoft.KeyVault/vaults/keys/unwrap/action",
  "Microsoft.KeyVault/vaults/keys/sign/action",
  "Microsoft.KeyVault/vaults/keys/verify/action",
] as const;

/** The full resource ID of a role definition in a subscription. */
export function roleDefinitionId(
  subscriptionId: pulumi.Input<string>,
  roleGuid: string,
): pulumi.Output<string> {
  return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}
