import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets keep noncurrent object versions, so an overwrite or delete can be undone. */
export const gcpStorageBucketRequireVersioning = defineResourcePolicy({
  name: "gcp-storage-bucket-require-versioning",
  cloud: "gcp",
  controls: ["SAI-RES-01"],
  description:
    "Cloud Storage buckets set versioning.enabled true; advisory because scratch buckets may not need it (a lifecycle rule should then expire old versions).",
  enforcementLevel: "advisory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "resilience"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["versioning", "enabled"], true, false, report);
  },
  remediate: ({ props }) => {
    const versioning = get(props, "versioning");
    const enabled = get(versioning, "enabled");
    if (enabled === true || isUnknown(enabled)) {
      return undefined;
    }
    return { versioning: { enabled: true } };
  },
});
