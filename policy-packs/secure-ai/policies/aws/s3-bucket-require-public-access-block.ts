import { defineStackPolicy, get, isUnknown } from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS, S3_BUCKET_TYPES } from "./types";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/** Every S3 bucket has a public access block with all four protections on. */
export const awsS3BucketRequirePublicAccessBlock = defineStackPolicy({
  name: "aws-s3-bucket-require-public-access-block",
  cloud: "aws",
  controls: ["SAI-NET-02", "SAI-MOD-01"],
  description:
    "Every S3 bucket has an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
  enforcementLevel: "mandatory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "network"],
  validate: (stack, { report }) => {
    for (const bucket of bucketsOf(stack)) {
      const blocks = attachedTo(stack, bucket, [AWS.s3PublicAccessBlock]);
      if (blocks.length === 0) {
        report(`bucket "${bucket.name}" has no public access block`, bucket);
        continue;
      }
      const complete = blocks.some((block) =>
        FLAGS.every((flag) => {
          const value = get(block.props, flag);
          return value === true || isUnknown(value);
        }),
      );
      if (!complete) {
        report(
          `bucket "${bucket.name}" has a public access block that leaves some of ${FLAGS.join(", ")} off`,
          bucket,
        );
      }
    }
  },
});
