import { defineResourcePolicy, requireSet } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets encrypt new objects with a customer-managed Cloud KMS key. */
export const gcpStorageBucketRequireCmek = defineResourcePolicy({
  name: "gcp-storage-bucket-require-cmek",
  cloud: "gcp",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description: "Cloud Storage buckets set encryption.defaultKmsKeyName to a customer-managed Cloud KMS key.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "encryption"],
  validate: ({ props }, { report }) => {
    requireSet(
      props,
      ["encryption", "defaultKmsKeyName"],
      report,
      "objects are then encrypted with a Google-managed key",
    );
  },
});
