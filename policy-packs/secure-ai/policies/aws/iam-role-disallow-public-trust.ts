import { allowsAction, defineResourcePolicy, everyoneAllowed, get, statementsOf } from "../lib";
import { AWS } from "./types";

/** The actions by which a principal obtains a role's credentials. */
const ASSUME_ACTIONS = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

/**
 * IAM role trust policies never let everyone assume the role: a statement for the principal `"*"` must be
 * limited by a condition on the caller's account or organization (aws:PrincipalAccount, aws:PrincipalOrgID,
 * aws:PrincipalArn, aws:SourceAccount, aws:SourceArn; see `lib/public-principal.ts` for the AWS pages).
 */
export const awsIamRoleDisallowPublicTrust = defineResourcePolicy({
  name: "aws-iam-role-disallow-public-trust",
  cloud: "aws",
  controls: ["SAI-IAM-01"],
  description:
    'IAM role trust policies (assumeRolePolicy) have no Allow statement that lets the principal "*" assume the role unless a condition limits the caller to an account or organization (aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn).',
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.iamRole],
  tags: ["iam"],
  validate: ({ props }, { report }) => {
    const statements = statementsOf(get(props, "assumeRolePolicy"));
    for (const [index, statement] of (statements ?? []).entries()) {
      const why = everyoneAllowed(statement);
      const assume = ASSUME_ACTIONS.filter((action) => allowsAction(statement, action));
      if (why !== undefined && assume.length > 0) {
        report(`trust statement ${index} lets principal "*" call ${assume.join(", ")} ${why}`);
      }
    }
  },
});
