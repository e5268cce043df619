import { defineResourcePolicy, get, integerOption, isUnknown, knownNumber, requireBoolean } from "../lib";
import { AZURE } from "./types";
import { rawObject } from "./values";

/** Key Vault keeps deleted vaults and keys recoverable for 90 days when no retention is set. */
const DEFAULT_RETENTION_DAYS = 90;

/** Vaults cannot lose keys to a delete: soft delete with purge protection. */
export const azureKeyvaultVaultRequirePurgeProtection = defineResourcePolicy({
  name: "azure-keyvault-vault-require-purge-protection",
  cloud: "azure",
  controls: ["SAI-ENC-07"],
  description:
    "Key vaults set properties.enablePurgeProtection true (irreversible), keep enableSoftDelete true and softDeleteRetentionInDays at least minSoftDeleteRetentionDays; storage CMK requires both.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.keyVault],
  tags: ["keyvault", "resilience"],
  config: {
    minSoftDeleteRetentionDays: integerOption({
      default: 90,
      minimum: 7,
      maximum: 90,
      description: "Shortest allowed soft-delete retention in days (Key Vault accepts 7 to 90).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireBoolean(props, ["properties", "enablePurgeProtection"], true, false, report);
    requireBoolean(props, ["properties", "enableSoftDelete"], true, true, report);
    const retention = get(props, "properties", "softDeleteRetentionInDays");
    if (isUnknown(retention)) {
      return;
    }
    const days = retention === undefined ? DEFAULT_RETENTION_DAYS : knownNumber(retention);
    if (days === undefined || days < config.minSoftDeleteRetentionDays) {
      report(
        `properties.softDeleteRetentionInDays is ${String(retention)}; it must be at least ${config.minSoftDeleteRetentionDays}`,
      );
    }
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    const purge = get(properties, "enablePurgeProtection");
    const softDelete = get(properties, "enableSoftDelete");
    if (isUnknown(properties) || ((purge === true || isUnknown(purge)) && softDelete !== false)) {
      return undefined;
    }
    return { properties: { ...rawObject(properties), enablePurgeProtection: true, enableSoftDelete: true } };
  },
});
