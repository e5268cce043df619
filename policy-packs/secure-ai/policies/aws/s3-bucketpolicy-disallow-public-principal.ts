import { S3_NETWORK_CONDITION_KEYS, defineResourcePolicy, everyoneAllowed, get, statementsOf } from "../lib";
import { AWS } from "./types";

/**
 * S3 bucket policies never allow everyone. A statement for the principal `"*"` is public unless a condition
 * limits the caller to an account or organization, or (S3's own definition of a non-public policy) to a fixed
 * VPC, VPC endpoint, source owner or IP range; a condition on the calling service alone does not (see
 * `lib/public-principal.ts` for the AWS pages). Deny statements for `"*"` (the TLS-only rules) are fine.
 */
export const awsS3BucketpolicyDisallowPublicPrincipal = defineResourcePolicy({
  name: "aws-s3-bucketpolicy-disallow-public-principal",
  cloud: "aws",
  controls: ["SAI-NET-02"],
  description:
    'S3 bucket policies (aws.s3.BucketPolicy, or the inline policy of a bucket) have no Allow statement for the principal "*" unless a condition limits the caller to an account or organization (aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID) or to a fixed VPC, VPC endpoint or IP range.',
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.s3BucketPolicy, AWS.s3Bucket, AWS.s3BucketV2],
  tags: ["s3", "iam"],
  validate: ({ props }, { report }) => {
    const statements = statementsOf(get(props, "policy"));
    for (const [index, statement] of (statements ?? []).entries()) {
      const why = everyoneAllowed(statement, S3_NETWORK_CONDITION_KEYS);
      if (why !== undefined) {
        report(
          `statement ${index} allows principal "*" ${statement.notActions ? "every action but " : ""}${statement.actions.join(", ")} ${why}`,
        );
      }
    }
  },
});
