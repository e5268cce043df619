/**
 * Which IAM roles are data-science readers, and every permission document that applies to them. A role is
 * designated by its Pulumi resource name or its role name matching one of the policy's `dataScientistRoles`
 * globs (the platform names its role `<platform>-data-scientist-role`); a RolePolicy or RolePolicyAttachment
 * is attached when its `role` comes from such a role (property dependency, or equal known name, ID or ARN) or
 * names a matching role that lives outside the stack.
 */
import type { PolicyResource } from "@pulumi/policy";
import { get, knownArray, knownString, refersTo, type StackView } from "../lib";
import { globMatches } from "../lib/glob";
import { AWS } from "./types";

/** Properties by which other resources name a role. */
const ROLE_IDENTIFIERS: readonly string[] = ["name", "id", "arn"];

/** One permission source of a role: an inline document or a managed policy ARN. */
export interface Grant {
  /** The resource that grants it (reported against). */
  resource: PolicyResource;
  /** What it is, for messages. */
  label: string;
  /** The policy document (any form `statementsOf` reads), when it is a document. */
  document?: unknown;
  /** The managed policy ARN, when it is an attachment of one that is not in the stack. */
  managedPolicyArn?: string;
}

function matches(patterns: readonly string[], text: string | undefined): boolean {
  return text !== undefined && patterns.some((pattern) => globMatches(pattern, text));
}

/** The designated roles of the stack. */
export function dataScientistRoles(stack: StackView, patterns: readonly string[]): PolicyResource[] {
  return stack
    .ofType(AWS.iamRole)
    .filter(
      (role) => matches(patterns, role.name) || matches(patterns, knownString(get(role.props, "name"))),
    );
}

/** Whether `resource.props.role` is one of `roles`, or names a matching role outside the stack. */
function attached(resource: PolicyResource, roles: readonly PolicyResource[], patterns: readonly string[]) {
  if (roles.some((role) => refersTo(resource, "role", role, ROLE_IDENTIFIERS))) {
    return true;
  }
  const name = knownString(get(resource.props, "role"));
  return name !== undefined && matches(patterns, name.split("/").pop());
}

/** Every permission document and managed policy that applies to the designated roles, with its source. */
export function grantsOf(
  stack: StackView,
  roles: readonly PolicyResource[],
  patterns: readonly string[],
): Grant[] {
  const grants: Grant[] = [];
  for (const role of roles) {
    for (const [index, inline] of knownArray(get(role.props, "inlinePolicies")).entries()) {
      grants.push({ resource: role, label: `inline policy ${index}`, document: get(inline, "policy") });
    }
    for (const arn of knownArray(get(role.props, "managedPolicyArns"))) {
      if (typeof arn === "string") {
        grants.push({ resource: role, label: `managed policy ${arn}`, managedPolicyArn: arn });
      }
    }
  }
  for (const policy of stack.ofType(AWS.iamRolePolicy)) {
    if (attached(policy, roles, patterns)) {
      grants.push({ resource: policy, label: "role policy", document: get(policy.props, "policy") });
    }
  }
  const customerPolicies = stack.ofType(AWS.iamPolicy);
  for (const attachment of stack.ofType(AWS.iamRolePolicyAttachment)) {
    if (!attached(attachment, roles, patterns)) {
      continue;
    }
    const policy = customerPolicies.find((candidate) =>
      refersTo(attachment, "policyArn", candidate, ["arn", "id"]),
    );
    if (policy !== undefined) {
      grants.push({
        resource: attachment,
        label: `policy "${policy.name}"`,
        document: get(policy.props, "policy"),
      });
    } else {
      const arn = knownString(get(attachment.props, "policyArn"));
      if (arn !== undefined) {
        grants.push({ resource: attachment, label: `managed policy ${arn}`, managedPolicyArn: arn });
      }
    }
  }
  return grants;
}
