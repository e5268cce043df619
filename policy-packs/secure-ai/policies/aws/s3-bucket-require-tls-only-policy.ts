import type { PolicyResource } from "@pulumi/policy";
import { defineStackPolicy, get, isUnknown, statementsOf } from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS, S3_BUCKET_TYPES } from "./types";

/** Whether a bucket policy document denies every request made without TLS. */
function deniesInsecureTransport(document: unknown): boolean | undefined {
  if (isUnknown(document)) {
    return undefined;
  }
  const statements = statementsOf(document);
  if (statements === undefined) {
    return false;
  }
  return statements.some(
    (statement) =>
      statement.effect === "Deny" &&
      statement.principals.includes("*") &&
      statement.actions.some((action) => action === "s3:*" || action === "*") &&
      (statement.conditions.Bool?.["aws:SecureTransport"] ?? []).includes("false"),
  );
}

/** Every S3 bucket has a bucket policy that denies requests made without TLS. */
export const awsS3BucketRequireTlsOnlyPolicy = defineStackPolicy({
  name: "aws-s3-bucket-require-tls-only-policy",
  cloud: "aws",
  controls: ["SAI-TLS-02"],
  description:
    'Every S3 bucket has a bucket policy with a Deny statement for principal "*" on s3:* when aws:SecureTransport is "false".',
  enforcementLevel: "mandatory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "tls"],
  validate: (stack, { report }) => {
    for (const bucket of bucketsOf(stack)) {
      const documents: unknown[] = attachedTo(stack, bucket, [AWS.s3BucketPolicy]).map(
        (policy: PolicyResource) => get(policy.props, "policy"),
      );
      const inline = get(bucket.props, "policy");
      if (inline !== undefined) {
        documents.push(inline);
      }
      if (documents.length === 0) {
        report(`bucket "${bucket.name}" has no bucket policy denying non-TLS requests`, bucket);
        continue;
      }
      const verdicts = documents.map(deniesInsecureTransport);
      if (!verdicts.some((verdict) => verdict !== false)) {
        report(
          `bucket "${bucket.name}": no bucket policy statement denies requests with aws:SecureTransport "false"`,
          bucket,
        );
      }
    }
  },
});
