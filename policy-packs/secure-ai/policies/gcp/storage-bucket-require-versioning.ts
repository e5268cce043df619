import { defineResourcePolicy, get, isSet, isUnknown, requireBoolean } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets keep noncurrent object versions, so an overwrite or delete can be undone. */
export const gcpStorageBucketRequireVersioning = defineResourcePolicy({
  name: "gcp-storage-bucket-require-versioning",
  cloud: "gcp",
  controls: ["SAI-RES-01"],
  description:
    "Cloud Storage buckets set versioning.enabled true, or keep objects under a retention policy (retentionPolicy.retentionPeriod; Cloud Storage does not allow both, and retained objects cannot be overwritten or deleted); advisory because scratch buckets may not need it.",
  enforcementLevel: "advisory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "resilience"],
  validate: ({ props }, { report }) => {
    if (isSet(get(props, "retentionPolicy", "retentionPeriod"))) {
      return;
    }
    requireBoolean(props, ["versioning", "enabled"], true, false, report);
  },
  remediate: ({ props }) => {
    const versioning = get(props, "versioning");
    const enabled = get(versioning, "enabled");
    if (enabled === true || isUnknown(enabled) || isSet(get(props, "retentionPolicy", "retentionPeriod"))) {
      return undefined;
    }
    return { versioning: { enabled: true } };
  },
});
