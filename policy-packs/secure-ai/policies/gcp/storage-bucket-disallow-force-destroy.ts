import { defineResourcePolicy, get, isUnknown, knownBoolean, requireBoolean } from "../lib";
import { GCP } from "./types";

/** Cloud Storage buckets refuse to be deleted while they still hold objects. */
export const gcpStorageBucketDisallowForceDestroy = defineResourcePolicy({
  name: "gcp-storage-bucket-disallow-force-destroy",
  cloud: "gcp",
  controls: ["SAI-RES-01"],
  description:
    "Cloud Storage buckets leave forceDestroy off (the default), so destroying the stack fails on a bucket that still holds objects instead of deleting them; advisory because scratch buckets may be meant to go.",
  enforcementLevel: "advisory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "resilience"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["forceDestroy"], false, false, report);
  },
  remediate: ({ props }) => {
    const value = get(props, "forceDestroy");
    return isUnknown(value) || knownBoolean(value) !== true ? undefined : { forceDestroy: false };
  },
});
