import { defineResourcePolicy, get, isOpenToEveryone, isUnknown, statementsOf } from "../lib";
import { AWS } from "./types";

/** Actions that let a principal use or administer a key: a wildcard or any decrypting action. */
function grantsKeyUse(action: string): boolean {
  const lower = action.toLowerCase();
  return (
    lower === "*" ||
    lower === "kms:*" ||
    lower.startsWith("kms:decrypt") ||
    lower.startsWith("kms:reencrypt") ||
    lower.startsWith("kms:generatedatakey") ||
    lower === "kms:creategrant"
  );
}

/** KMS key policies never allow everyone to use or administer the key. */
export const awsKmsKeyDisallowPublicPolicy = defineResourcePolicy({
  name: "aws-kms-key-disallow-public-policy",
  cloud: "aws",
  controls: ["SAI-ENC-05"],
  description:
    'KMS key policies have no Allow statement that grants kms:*, decryption, data-key generation or grants to the principal "*" without a condition.',
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey, AWS.kmsKeyPolicy],
  tags: ["kms", "iam"],
  validate: ({ props }, { report }) => {
    const document = get(props, "policy");
    if (document === undefined || isUnknown(document)) {
      return;
    }
    const statements = statementsOf(document);
    if (statements === undefined) {
      report("the key policy is not a readable JSON policy document");
      return;
    }
    for (const [index, statement] of statements.entries()) {
      if (statement.effect !== "Allow" || !isOpenToEveryone(statement)) {
        continue;
      }
      const risky = statement.notActions
        ? ["(NotAction: everything else)"]
        : statement.actions.filter(grantsKeyUse);
      if (risky.length > 0) {
        report(`statement ${index} allows principal "*" ${risky.join(", ")} with no condition`);
      }
    }
  },
});
