import { defineResourcePolicy, everyoneAllowed } from "../lib";
import { keyPolicyStatements } from "./key-policy";
import { AWS } from "./types";

/**
 * KMS key policies never allow everyone to use or administer the key. A statement for the principal `"*"`
 * counts as everyone unless a condition pins the caller's account or organization: `kms:ViaService` alone
 * does not, since every account can call S3 or SageMaker (see `lib/public-principal.ts` for the AWS pages).
 */
export const awsKmsKeyDisallowPublicPolicy = defineResourcePolicy({
  name: "aws-kms-key-disallow-public-policy",
  cloud: "aws",
  controls: ["SAI-ENC-05"],
  description:
    'KMS key policies have no Allow statement for the principal "*" unless a condition limits the caller to an account or organization (kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID); a service condition such as kms:ViaService alone is not enough.',
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey, AWS.kmsKeyPolicy],
  tags: ["kms", "iam"],
  validate: ({ props }, { report }) => {
    const statements = keyPolicyStatements(props);
    if (statements === undefined) {
      return;
    }
    for (const [index, statement] of statements.entries()) {
      const why = everyoneAllowed(statement);
      if (why !== undefined) {
        const actions = statement.notActions
          ? "every action but " + statement.actions.join(", ")
          : statement.actions.join(", ");
        report(`statement ${index} allows principal "*" ${actions} ${why}`);
      }
    }
  },
});
