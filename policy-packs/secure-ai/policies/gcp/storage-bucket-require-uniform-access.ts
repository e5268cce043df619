import { defineResourcePolicy, get, isUnknown, requireBoolean } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets are governed by IAM alone, with object ACLs switched off. */
export const gcpStorageBucketRequireUniformAccess = defineResourcePolicy({
  name: "gcp-storage-bucket-require-uniform-access",
  cloud: "gcp",
  controls: ["SAI-NET-02", "SAI-IAM-01"],
  description:
    "Cloud Storage buckets set uniformBucketLevelAccess true, so object ACLs cannot grant access around bucket IAM.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "identity"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["uniformBucketLevelAccess"], true, false, report);
  },
  remediate: ({ props }) => {
    const value = get(props, "uniformBucketLevelAccess");
    return value === true || isUnknown(value) ? undefined : { uniformBucketLevelAccess: true };
  },
});
