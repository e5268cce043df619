import { defineStackPolicy, get, isUnknown } from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS, S3_BUCKET_TYPES } from "./types";

/** Every S3 bucket keeps object versions, so an overwrite or delete can be undone. */
export const awsS3BucketRequireVersioning = defineStackPolicy({
  name: "aws-s3-bucket-require-versioning",
  cloud: "aws",
  controls: ["SAI-RES-01"],
  description:
    "Every S3 bucket has versioning Enabled (an aws.s3.BucketVersioning with versioningConfiguration.status Enabled, or the deprecated inline versioning.enabled); advisory because scratch buckets may not need it.",
  enforcementLevel: "advisory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "resilience"],
  validate: (stack, { report }) => {
    for (const bucket of bucketsOf(stack)) {
      const inline = get(bucket.props, "versioning", "enabled");
      if (inline === true || isUnknown(inline)) {
        continue;
      }
      const enabled = attachedTo(stack, bucket, [AWS.s3Versioning, AWS.s3VersioningV2]).some((resource) => {
        const status = get(resource.props, "versioningConfiguration", "status");
        return status === "Enabled" || isUnknown(status);
      });
      if (!enabled) {
        report(`bucket "${bucket.name}" has no versioning configuration with status Enabled`, bucket);
      }
    }
  },
});
