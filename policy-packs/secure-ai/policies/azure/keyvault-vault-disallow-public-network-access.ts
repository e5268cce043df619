import { defineResourcePolicy, get, isUnknown } from "../lib";
import { AZURE } from "./types";
import { equalsIgnoringCase, rawObject, requireOneOfIgnoringCase } from "./values";

/** Key vaults are reached through private endpoints only. */
export const azureKeyvaultVaultDisallowPublicNetworkAccess = defineResourcePolicy({
  name: "azure-keyvault-vault-disallow-public-network-access",
  cloud: "azure",
  controls: ["SAI-NET-02"],
  description:
    'Key vaults set properties.publicNetworkAccess "disabled" and properties.networkAcls.defaultAction "Deny" (both default to open).',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.keyVault],
  tags: ["keyvault", "network"],
  validate: ({ props }, { report }) => {
    requireOneOfIgnoringCase(props, ["properties", "publicNetworkAccess"], ["disabled"], "enabled", report);
    requireOneOfIgnoringCase(
      props,
      ["properties", "networkAcls", "defaultAction"],
      ["Deny"],
      "Allow",
      report,
    );
  },
  remediate: ({ props }) => {
    const properties = get(props, "properties");
    if (isUnknown(properties)) {
      return undefined;
    }
    const access = equalsIgnoringCase(props, ["properties", "publicNetworkAccess"], ["disabled"]);
    const acls = get(properties, "networkAcls");
    const deny = isUnknown(acls)
      ? undefined
      : equalsIgnoringCase(props, ["properties", "networkAcls", "defaultAction"], ["Deny"]);
    if (access !== false && deny !== false) {
      return undefined;
    }
    return {
      properties: {
        ...rawObject(properties),
        ...(access === false ? { publicNetworkAccess: "Disabled" } : {}),
        ...(deny === false ? { networkAcls: { ...rawObject(acls), defaultAction: "Deny" } } : {}),
      },
    };
  },
});
