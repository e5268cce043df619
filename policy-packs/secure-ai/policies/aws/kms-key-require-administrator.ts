import { allowsAction, defineResourcePolicy } from "../lib";
import { keyPolicyStatements } from "./key-policy";
import { AWS } from "./types";

/**
 * KMS key policies name at least one administrator who can change the policy, and no principal is null or
 * empty. Without a `kms:PutKeyPolicy` grant the key becomes unmanageable (only AWS Support can recover it,
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html), and a null principal (what
 * an unresolved deployer ARN serialises to) makes KMS reject the whole policy with
 * MalformedPolicyDocumentException.
 */
export const awsKmsKeyRequireAdministrator = defineResourcePolicy({
  name: "aws-kms-key-require-administrator",
  cloud: "aws",
  controls: ["SAI-ENC-05", "SAI-ENC-07"],
  description:
    'KMS key policies have an Allow statement granting kms:PutKeyPolicy to a named principal (not "*"), and no statement whose principal list holds null or empty entries.',
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey, AWS.kmsKeyPolicy],
  tags: ["kms", "iam"],
  validate: ({ props }, { report }) => {
    const statements = keyPolicyStatements(props);
    if (statements === undefined) {
      return;
    }
    for (const [index, statement] of statements.entries()) {
      if (statement.malformedPrincipals) {
        report(
          `statement ${index} has a null or empty principal: KMS rejects the policy (MalformedPolicyDocumentException); an ARN the program computes (such as the deployer's) did not resolve`,
        );
      }
    }
    const administrators = statements.filter(
      (statement) =>
        allowsAction(statement, "kms:PutKeyPolicy") &&
        statement.principals.some((principal) => principal !== "*" && principal.trim() !== ""),
    );
    if (administrators.length === 0) {
      report(
        "no statement grants kms:PutKeyPolicy to a named principal: nobody can administer the key, and it cannot be recovered without AWS Support",
      );
    }
  },
});
