import { defineResourcePolicy, get, requireBoolean } from "../lib";
import { AWS } from "./types";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** S3 public access blocks switch on all four protections. */
export const awsS3BucketpublicaccessblockRequireAllBlocked = defineResourcePolicy({
  name: "aws-s3-bucketpublicaccessblock-require-all-blocked",
  cloud: "aws",
  controls: ["SAI-NET-02"],
  description:
    "S3 bucket public access blocks set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.s3PublicAccessBlock],
  tags: ["s3", "network"],
  validate: ({ props }, { report }) => {
    for (const flag of FLAGS) {
      requireBoolean(props, [flag], true, false, report);
    }
  },
  remediate: ({ props }) => {
    const missing = FLAGS.filter((flag) => get(props, flag) !== true);
    return missing.length === 0 ? undefined : Object.fromEntries(FLAGS.map((flag) => [flag, true]));
  },
});
