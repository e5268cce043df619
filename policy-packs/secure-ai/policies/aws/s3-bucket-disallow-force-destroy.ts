import { defineResourcePolicy, get, isUnknown, knownBoolean, requireBoolean } from "../lib";
import { S3_BUCKET_TYPES } from "./types";

/** Buckets refuse to be deleted while they still hold objects. */
export const awsS3BucketDisallowForceDestroy = defineResourcePolicy({
  name: "aws-s3-bucket-disallow-force-destroy",
  cloud: "aws",
  controls: ["SAI-RES-01"],
  description:
    "S3 buckets leave forceDestroy off (the default), so destroying the stack fails on a bucket that still holds objects instead of deleting them; advisory because scratch buckets may be meant to go.",
  enforcementLevel: "advisory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "resilience"],
  validate: ({ props }, { report }) => {
    requireBoolean(props, ["forceDestroy"], false, false, report);
  },
  remediate: ({ props }) => {
    const value = get(props, "forceDestroy");
    return isUnknown(value) || knownBoolean(value) !== true ? undefined : { forceDestroy: false };
  },
});
