import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { AZURE } from "./types";
import { rawObject } from "./values";

/** Vault data access is granted with Azure RBAC, per key and per identity, not with vault access policies. */
export const azureKeyvaultVaultRequireRbac = defineResourcePolicy({
  name: "azure-keyvault-vault-require-rbac",
  cloud: "azure",
  controls: ["SAI-ENC-05"],
  description:
    "Key vaults set properties.enableRbacAuthorization true (the API default for this version is false); advisory because well-kept access policies can also be least privilege.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.keyVault],
  tags: ["keyvault", "identity"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["properties", "enableRbacAuthorization"], true, false, report);
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    const rbac = get(properties, "enableRbacAuthorization");
    return isUnknown(properties) || rbac === true || isUnknown(rbac)
      ? undefined
      : { properties: { ...rawObject(properties), enableRbacAuthorization: true } };
  },
});
