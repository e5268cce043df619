import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { AZURE } from "./types";

/** Storage accounts accept Entra ID tokens only, never the account keys or SAS signed with them. */
export const azureStorageAccountDisallowSharedKeyAccess = defineResourcePolicy({
  name: "azure-storage-account-disallow-shared-key-access",
  cloud: "azure",
  controls: ["SAI-IAM-03"],
  description:
    "Storage accounts set allowSharedKeyAccess false (when unset the account keys work), so every request is authorised with Entra ID.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "identity"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["allowSharedKeyAccess"], false, true, report);
  },
  remediate: ({ props }) => {
    const value = get(props, "allowSharedKeyAccess");
    return value === false || isUnknown(value) ? undefined : { allowSharedKeyAccess: false };
  },
});
