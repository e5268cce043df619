import {
  defineResourcePolicy,
  expectString,
  get,
  knownArray,
  statementsOf,
  stringListOption,
  type Statement,
} from "../lib";
import { AWS_EXTRA } from "./types-extra";

/**
 * Why an Allow statement grants every action of a service (or of AWS): `*`, `<service>:*`, or `NotAction`
 * (which allows everything it does not list). Least privilege means granting only the actions a task needs
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege).
 */
function wildcardGrant(statement: Statement): string | undefined {
  if (statement.effect !== "Allow") {
    return undefined;
  }
  if (statement.notActions) {
    return `NotAction (every action except ${statement.actions.join(", ")})`;
  }
  const wide = statement.actions.filter((action) => action === "*" || /^[a-z0-9-]+:\*$/i.test(action));
  return wide.length === 0 ? undefined : wide.join(", ");
}

/** The AWS managed policies that grant whole services or all of AWS (`*FullAccess`, administrators). */
function isWideManagedPolicy(arn: string, wide: readonly string[]): boolean {
  const name = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
  return name !== undefined && (wide.includes(name) || name.endsWith("FullAccess"));
}

/**
 * Workload permissions are scoped: inline role policies, managed policies and role policy attachments grant no
 * wildcard actions (`*`, `<service>:*`, `NotAction`) and no AWS managed administrator or `*FullAccess` policy.
 */
export const awsIamRolepolicyDisallowWildcardActions = defineResourcePolicy({
  name: "aws-iam-rolepolicy-disallow-wildcard-actions",
  cloud: "aws",
  controls: ["SAI-IAM-01"],
  description:
    'IAM role policies, managed policies and role inline policies have no Allow statement with Action "*" or "<service>:*" or with NotAction, and roles attach no AWS managed policy named in widePolicies or ending in FullAccess (via managedPolicyArns or a RolePolicyAttachment); advisory, since a scoped task may still need a whole service.',
  enforcementLevel: "advisory",
  resourceTypes: [
    AWS_EXTRA.iamRolePolicy,
    AWS_EXTRA.iamPolicy,
    AWS_EXTRA.iamRole,
    AWS_EXTRA.iamRolePolicyAttachment,
  ],
  tags: ["iam"],
  config: {
    widePolicies: stringListOption({
      default: ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"],
      description:
        "AWS managed policy names reported when attached (any name ending in FullAccess is reported too).",
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const documents: [string, unknown][] =
      type === AWS_EXTRA.iamRole
        ? knownArray(get(props, "inlinePolicies")).map((policy, index) => [
            `inlinePolicies[${index}].policy`,
            get(policy, "policy"),
          ])
        : type === AWS_EXTRA.iamRolePolicyAttachment
          ? []
          : [["policy", get(props, "policy")]];
    for (const [where, document] of documents) {
      for (const [index, statement] of (statementsOf(document) ?? []).entries()) {
        const why = wildcardGrant(statement);
        if (why !== undefined) {
          report(`${where} statement ${index} allows ${why}: grant only the actions the workload needs`);
        }
      }
    }
    const arns =
      type === AWS_EXTRA.iamRole
        ? knownArray(get(props, "managedPolicyArns"))
        : type === AWS_EXTRA.iamRolePolicyAttachment
          ? [get(props, "policyArn")]
          : [];
    for (const arn of arns) {
      const text = expectString(arn);
      if (text !== undefined && isWideManagedPolicy(text, config.widePolicies)) {
        report(`attaches ${text}, which grants a whole service or all of AWS`);
      }
    }
  },
});
