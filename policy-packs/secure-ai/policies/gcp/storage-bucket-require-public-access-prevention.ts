import { defineResourcePolicy, get, isUnknown, requireOneOf } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets can never be made public. */
export const gcpStorageBucketRequirePublicAccessPrevention = defineResourcePolicy({
  name: "gcp-storage-bucket-require-public-access-prevention",
  cloud: "gcp",
  controls: ["SAI-NET-02", "SAI-MOD-01"],
  description:
    'Cloud Storage buckets set publicAccessPrevention "enforced"; "inherited" (the default) leaves the decision to an organisation policy this stack cannot see.',
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "network"],
  validate: ({ props }, { report }) => {
    requireOneOf(props, ["publicAccessPrevention"], ["enforced"], "inherited", report);
  },
  remediate: ({ props }) => {
    const value = get(props, "publicAccessPrevention");
    return value === "enforced" || isUnknown(value) ? undefined : { publicAccessPrevention: "enforced" };
  },
});
