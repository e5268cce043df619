import { defineResourcePolicy, requireBoolean } from "../lib";
import { AZURE } from "./types";

/** Blob services keep versions and soft-deleted blobs and containers, so a delete or overwrite can be undone. */
export const azureStorageBlobservicepropertiesRequireSoftDelete = defineResourcePolicy({
  name: "azure-storage-blobserviceproperties-require-soft-delete",
  cloud: "azure",
  controls: ["SAI-RES-01"],
  description:
    "Blob service properties set isVersioningEnabled true and enable deleteRetentionPolicy and containerDeleteRetentionPolicy (soft delete of blobs and containers); advisory because scratch accounts may not need it.",
  enforcementLevel: "advisory",
  resourceTypes: [AZURE.storageBlobService],
  tags: ["storage", "resilience"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["isVersioningEnabled"], true, false, report);
    requireBoolean(props, ["deleteRetentionPolicy", "enabled"], true, false, report);
    requireBoolean(props, ["containerDeleteRetentionPolicy", "enabled"], true, false, report);
  },
});
