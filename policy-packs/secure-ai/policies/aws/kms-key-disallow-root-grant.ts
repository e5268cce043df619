import { allowsAction, defineResourcePolicy, isAccountPrincipal } from "../lib";
import { keyPolicyStatements } from "./key-policy";
import { AWS } from "./types";

/**
 * KMS key policies never grant the account itself `kms:*`. That statement ("Allows access to the AWS account
 * and enables IAM policies", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)
 * lets any IAM policy of the account grant use of the key, so the key policy no longer says who can decrypt.
 */
export const awsKmsKeyDisallowRootGrant = defineResourcePolicy({
  name: "aws-kms-key-disallow-root-grant",
  cloud: "aws",
  controls: ["SAI-ENC-05"],
  description:
    "KMS key policies have no Allow statement that grants the account root (arn:<partition>:iam::<account>:root or a bare account ID) kms:* or *, which would delegate use of the key to every IAM policy of the account.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey, AWS.kmsKeyPolicy],
  tags: ["kms", "iam"],
  validate: ({ props }, { report }) => {
    const statements = keyPolicyStatements(props);
    for (const [index, statement] of (statements ?? []).entries()) {
      const roots = statement.principals.filter(isAccountPrincipal);
      // kms:* (or *) covers every action, including ones added later: test with an action no list names.
      if (roots.length > 0 && allowsAction(statement, "kms:SecureAiEveryAction")) {
        report(
          `statement ${index} grants the account root ${roots.join(", ")} every KMS action (${statement.notActions ? "NotAction" : statement.actions.join(", ")}): any IAM policy of the account can then use the key; name the administrators and the workload roles instead`,
        );
      }
    }
  },
});
