import { defineStackPolicy, get, isSet, isUnknown, knownArray, knownString } from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS, S3_BUCKET_TYPES } from "./types";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** Why a default-encryption rule is not a CMK rule, or `undefined` when it is (or cannot be known yet). */
function ruleProblem(rule: unknown): string | undefined {
  const byDefault = get(rule, "applyServerSideEncryptionByDefault");
  if (isUnknown(byDefault)) {
    return undefined;
  }
  const algorithm = get(byDefault, "sseAlgorithm");
  const algorithmText = knownString(algorithm);
  if (!isUnknown(algorithm) && (algorithmText === undefined || !KMS_ALGORITHMS.includes(algorithmText))) {
    return `sseAlgorithm is ${algorithmText === undefined ? "not set" : `"${algorithmText}"`} (must be aws:kms or aws:kms:dsse)`;
  }
  if (!isSet(get(byDefault, "kmsMasterKeyId"))) {
    return "kmsMasterKeyId is not set (SSE-KMS then uses the AWS-managed aws/s3 key)";
  }
  return undefined;
}

/** Every S3 bucket has default encryption with a customer-managed KMS key. */
export const awsS3BucketRequireCmkEncryption = defineStackPolicy({
  name: "aws-s3-bucket-require-cmk-encryption",
  cloud: "aws",
  controls: ["SAI-ENC-01", "SAI-MOD-01"],
  description:
    "Every S3 bucket has a server-side encryption configuration (the separate aws v7 resource, or the deprecated inline block) whose rule uses aws:kms with a customer-managed kmsMasterKeyId.",
  enforcementLevel: "mandatory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "encryption"],
  validate: (stack, { report }) => {
    for (const bucket of bucketsOf(stack)) {
      const configs = attachedTo(stack, bucket, [AWS.s3Encryption, AWS.s3EncryptionV2]);
      const rules = configs.flatMap((config) => {
        const list = get(config.props, "rules");
        return isUnknown(list) ? [list] : knownArray(list);
      });
      const inline = get(bucket.props, "serverSideEncryptionConfiguration", "rule");
      if (inline !== undefined) {
        rules.push(inline);
      }
      if (rules.length === 0) {
        report(
          `bucket "${bucket.name}" has no server-side encryption configuration with a customer-managed key; add an aws.s3.BucketServerSideEncryptionConfiguration for it`,
          bucket,
        );
        continue;
      }
      const problems = rules.map(ruleProblem);
      if (problems.every((problem) => problem !== undefined)) {
        report(`bucket "${bucket.name}": ${problems.join("; ")}`, bucket);
      }
    }
  },
});
