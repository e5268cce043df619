import { defineResourcePolicy, get, knownBoolean, requireBoolean } from "../lib";
import { AZURE } from "./types";

/** No container of a storage account can be opened to anonymous readers. */
export const azureStorageAccountDisallowBlobPublicAccess = defineResourcePolicy({
  name: "azure-storage-account-disallow-blob-public-access",
  cloud: "azure",
  controls: ["SAI-NET-02", "SAI-MOD-01"],
  description:
    "Storage accounts keep allowBlobPublicAccess false (the service default), so no container can allow anonymous reads.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.storageAccount],
  tags: ["storage", "network"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["allowBlobPublicAccess"], false, false, report);
  },
  remediate: ({ props }) =>
    knownBoolean(get(props, "allowBlobPublicAccess")) === true ? { allowBlobPublicAccess: false } : undefined,
});
