import type { PolicyResource } from "@pulumi/policy";
import {
  defineStackPolicy,
  get,
  knownArray,
  knownNumber,
  knownString,
  refersTo,
  type StackView,
} from "../lib";
import { AWS } from "./types";

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

/** Whether a rule (an inline ingress block or a rule resource) opens tcp 443 alone to the internet. */
export function opensPublicHttps(rule: unknown, cidrKeys: readonly string[]): boolean {
  const protocol = knownString(get(rule, "protocol")) ?? knownString(get(rule, "ipProtocol"));
  const from = knownNumber(get(rule, "fromPort"));
  const to = knownNumber(get(rule, "toPort"));
  if (protocol !== "tcp" && protocol !== "6") {
    return false;
  }
  if (from !== 443 || to !== 443) {
    return false;
  }
  return cidrKeys.some((key) => {
    const value = get(rule, key);
    const cidrs = Array.isArray(value) ? knownArray(value) : [value];
    return cidrs.some((cidr) => typeof cidr === "string" && EVERYWHERE.has(cidr));
  });
}

/** The security groups of the stack that take public HTTPS, with the resource that opens it. */
function publicHttpsGroups(
  stack: StackView,
): { group: PolicyResource | undefined; opener: PolicyResource }[] {
  const groups = stack.ofType(AWS.ec2SecurityGroup);
  const found: { group: PolicyResource | undefined; opener: PolicyResource }[] = [];
  for (const group of groups) {
    if (
      knownArray(get(group.props, "ingress")).some((rule) =>
        opensPublicHttps(rule, ["cidrBlocks", "ipv6CidrBlocks"]),
      )
    ) {
      found.push({ group, opener: group });
    }
  }
  const rules = [
    ...stack.ofType(AWS.ec2SecurityGroupRule).filter((rule) => get(rule.props, "type") === "ingress"),
    ...stack.ofType(AWS.vpcSecurityGroupIngressRule),
  ];
  for (const rule of rules) {
    if (opensPublicHttps(rule.props, ["cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6"])) {
      const group = groups.find((candidate) => refersTo(rule, "securityGroupId", candidate, ["id"]));
      found.push({ group, opener: rule });
    }
  }
  return found;
}

/** Whether a load balancer's `securityGroups` list names the group (by dependency or by known ID). */
function usesGroup(loadBalancer: PolicyResource, group: PolicyResource): boolean {
  const sources = loadBalancer.propertyDependencies?.securityGroups;
  if (Array.isArray(sources) && sources.some((source) => source.urn === group.urn)) {
    return true;
  }
  const id = knownString(get(group.props, "id"));
  return id !== undefined && knownArray(get(loadBalancer.props, "securityGroups")).includes(id);
}

/**
 * Public HTTPS (tcp 443 from 0.0.0.0/0 or ::/0) is admitted only by security groups of internet-facing load
 * balancers that a WAF web ACL protects (an aws.wafv2.WebAclAssociation whose resourceArn is the load
 * balancer), correlated in the stack instead of asking for configuration. Other public ports stay with
 * aws-ec2-securitygroup-disallow-public-ingress.
 */
export const awsEc2SecuritygroupRequireWafForPublicHttps = defineStackPolicy({
  name: "aws-ec2-securitygroup-require-waf-for-public-https",
  cloud: "aws",
  controls: ["SAI-NET-03", "SAI-NET-05"],
  description:
    "A security group that admits tcp 443 from the internet belongs to a load balancer (securityGroups) that an aws.wafv2.WebAclAssociation in the same stack protects (resourceArn is the load balancer).",
  enforcementLevel: "mandatory",
  resourceTypes: [
    AWS.ec2SecurityGroup,
    AWS.ec2SecurityGroupRule,
    AWS.vpcSecurityGroupIngressRule,
    ...LOAD_BALANCERS,
    WAF_ASSOCIATION,
  ],
  tags: ["ec2", "network", "waf"],
  validate: (stack, { report }) => {
    const loadBalancers = LOAD_BALANCERS.flatMap((type) => stack.ofType(type));
    const associations = stack.ofType(WAF_ASSOCIATION);
    for (const { group, opener } of publicHttpsGroups(stack)) {
      const fronted = group === undefined ? [] : loadBalancers.filter((lb) => usesGroup(lb, group));
      const protectedBy = fronted.filter((lb) =>
        associations.some((association) => refersTo(association, "resourceArn", lb, ["arn", "id"])),
      );
      if (protectedBy.length === 0) {
        report(
          fronted.length === 0
            ? `"${opener.name}" admits public HTTPS, but no load balancer in the stack uses its security group: only a WAF-protected load balancer may take public traffic`
            : `"${opener.name}" admits public HTTPS for load balancer "${fronted[0].name}", which no aws.wafv2.WebAclAssociation protects`,
          opener,
        );
      }
    }
  },
});
