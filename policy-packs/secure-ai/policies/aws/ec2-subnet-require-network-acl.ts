import type { PolicyResource } from "@pulumi/policy";
import {
  defineStackPolicy,
  get,
  isUnknown,
  knownArray,
  knownBoolean,
  knownNumber,
  knownString,
  refersTo,
  type StackView,
} from "../lib";
import { AWS } from "./types";
import { AWS_EXTRA } from "./types-extra";

/** One inbound rule of a network ACL, inline or an `aws.ec2.NetworkAclRule`. */
interface InboundRule {
  number: number;
  allow: boolean;
  everything: boolean;
}

const ALL_PROTOCOLS = ["-1", "all"];
const EVERYWHERE = ["0.0.0.0/0", "::/0"];

function inboundRule(rule: unknown, actionKey: string, numberKey: string): InboundRule {
  const protocol = knownString(get(rule, "protocol")) ?? String(knownNumber(get(rule, "protocol")) ?? "");
  const cidrs = [knownString(get(rule, "cidrBlock")), knownString(get(rule, "ipv6CidrBlock"))];
  return {
    number: knownNumber(get(rule, numberKey)) ?? Number.MAX_SAFE_INTEGER,
    allow: knownString(get(rule, actionKey))?.toLowerCase() === "allow",
    everything:
      ALL_PROTOCOLS.includes(protocol.toLowerCase()) && cidrs.some((cidr) => EVERYWHERE.includes(cidr ?? "")),
  };
}

/** The inbound rules of an ACL: its inline `ingress` blocks and the separate rules that point at it. */
function inboundRulesOf(stack: StackView, acl: PolicyResource): InboundRule[] {
  const inline = knownArray(get(acl.props, "ingress")).map((rule) => inboundRule(rule, "action", "ruleNo"));
  const separate = stack
    .ofType(AWS_EXTRA.networkAclRule)
    .filter(
      (rule) =>
        knownBoolean(get(rule.props, "egress")) !== true && refersTo(rule, "networkAclId", acl, ["id"]),
    )
    .map((rule) => inboundRule(rule.props, "ruleAction", "ruleNumber"));
  return [...inline, ...separate].sort((a, b) => a.number - b.number);
}

/**
 * Whether an ACL lets everything in: rules are evaluated in rule-number order and the first match wins
 * (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html), so an ACL filters nothing when its
 * first rule matching all protocols from anywhere allows and no deny rule comes before it.
 */
function allowsEverything(rules: readonly InboundRule[]): boolean {
  for (const rule of rules) {
    if (!rule.allow) {
      return false;
    }
    if (rule.everything) {
      return true;
    }
  }
  return false;
}

/**
 * Whether `acl` (a NetworkAcl or DefaultNetworkAcl) lists `subnet` in its `subnetIds`; an unknown list or
 * entry may list it (the update pass reads it).
 */
function lists(acl: PolicyResource, subnet: PolicyResource): boolean {
  if ((acl.propertyDependencies?.subnetIds ?? []).some((source) => source.urn === subnet.urn)) {
    return true;
  }
  const listed = get(acl.props, "subnetIds");
  if (isUnknown(listed)) {
    return true;
  }
  const id = knownString(get(subnet.props, "id"));
  const ids = knownArray(listed);
  return (id !== undefined && ids.includes(id)) || ids.some(isUnknown);
}

/**
 * The ACL a subnet is associated with: a NetworkAcl or DefaultNetworkAcl listing it, a NetworkAclAssociation,
 * or, failing those, a managed DefaultNetworkAcl of its VPC (every subnet not associated elsewhere is in the
 * VPC's default ACL: https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
 */
function aclOf(stack: StackView, subnet: PolicyResource): PolicyResource | undefined {
  const acls = [...stack.ofType(AWS_EXTRA.networkAcl), ...stack.ofType(AWS_EXTRA.defaultNetworkAcl)];
  const listed = acls.find((acl) => lists(acl, subnet));
  if (listed !== undefined) {
    return listed;
  }
  const association = stack
    .ofType(AWS_EXTRA.networkAclAssociation)
    .find((candidate) => refersTo(candidate, "subnetId", subnet, ["id"]));
  if (association !== undefined) {
    return acls.find((acl) => refersTo(association, "networkAclId", acl, ["id"]));
  }
  const vpc = stack.ofType(AWS_EXTRA.vpc).find((candidate) => refersTo(subnet, "vpcId", candidate, ["id"]));
  return vpc === undefined
    ? undefined
    : stack
        .ofType(AWS_EXTRA.defaultNetworkAcl)
        .find((acl) => refersTo(acl, "defaultNetworkAclId", vpc, ["defaultNetworkAclId"]));
}

/** Every subnet is associated with a network ACL that filters inbound traffic. */
export const awsEc2SubnetRequireNetworkAcl = defineStackPolicy({
  name: "aws-ec2-subnet-require-network-acl",
  cloud: "aws",
  controls: ["SAI-NET-04"],
  description:
    "Every subnet is associated with a network ACL of the stack (NetworkAcl or DefaultNetworkAcl subnetIds, a NetworkAclAssociation, or the managed default ACL of its VPC) whose inbound rules do not allow all protocols from 0.0.0.0/0 or ::/0 before any deny; a subnet left in an unmanaged default ACL accepts all traffic.",
  enforcementLevel: "mandatory",
  resourceTypes: [
    AWS.ec2Subnet,
    AWS_EXTRA.networkAcl,
    AWS_EXTRA.defaultNetworkAcl,
    AWS_EXTRA.networkAclAssociation,
    AWS_EXTRA.networkAclRule,
  ],
  tags: ["ec2", "network"],
  validate: (stack, { report }) => {
    for (const subnet of stack.ofType(AWS.ec2Subnet)) {
      const acl = aclOf(stack, subnet);
      if (acl === undefined) {
        report(
          `subnet "${subnet.name}" is in no network ACL of the stack, so it uses the VPC's default ACL, which allows all inbound and outbound traffic`,
          subnet,
        );
      } else if (allowsEverything(inboundRulesOf(stack, acl))) {
        report(
          `subnet "${subnet.name}" is in network ACL "${acl.name}", which allows all inbound traffic from anywhere before any deny rule`,
          subnet,
        );
      }
    }
  },
});
