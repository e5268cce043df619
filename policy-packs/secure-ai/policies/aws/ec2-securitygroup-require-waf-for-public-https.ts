import type { PolicyResource } from "@pulumi/policy";
import {
  defineStackPolicy,
  get,
  isUnknown,
  knownArray,
  knownNumber,
  knownString,
  referenceTo,
  strongestReference,
  type Reference,
  type StackView,
} from "../lib";
import { AWS } from "./types";

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

/** The weakest of a path's links (`no` over `maybe` over `yes`). */
function weakest(references: readonly Reference[]): Reference {
  return references.includes("no") ? "no" : references.includes("maybe") ? "maybe" : "yes";
}

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

/** A resource that opens public HTTPS, and how each security group of the stack is the one it opens. */
interface Opener {
  opener: PolicyResource;
  groups: { group: PolicyResource; reference: Reference }[];
}

/** The resources of the stack that open public HTTPS, with the security groups they may belong to. */
function publicHttpsOpeners(stack: StackView): Opener[] {
  const groups = stack.ofType(AWS.ec2SecurityGroup);
  const found: Opener[] = [];
  for (const group of groups) {
    if (
      knownArray(get(group.props, "ingress")).some((rule) =>
        opensPublicHttps(rule, ["cidrBlocks", "ipv6CidrBlocks"]),
      )
    ) {
      found.push({ opener: group, groups: [{ group, reference: "yes" }] });
    }
  }
  const rules = [
    ...stack.ofType(AWS.ec2SecurityGroupRule).filter((rule) => get(rule.props, "type") === "ingress"),
    ...stack.ofType(AWS.vpcSecurityGroupIngressRule),
  ];
  for (const rule of rules) {
    if (opensPublicHttps(rule.props, ["cidrBlocks", "ipv6CidrBlocks", "cidrIpv4", "cidrIpv6"])) {
      const candidates = groups.map((group) => ({
        group,
        reference: referenceTo(rule, "securityGroupId", group, ["id"]),
      }));
      found.push({ opener: rule, groups: candidates.filter(({ reference }) => reference !== "no") });
    }
  }
  return found;
}

/** Whether a load balancer's `securityGroups` list names the group (by dependency or by known ID). */
function usesGroup(loadBalancer: PolicyResource, group: PolicyResource): Reference {
  const sources = loadBalancer.propertyDependencies?.securityGroups;
  if (Array.isArray(sources) && sources.some((source) => source.urn === group.urn)) {
    return "yes";
  }
  const list = get(loadBalancer.props, "securityGroups");
  const id = knownString(get(group.props, "id"));
  const entries = knownArray(list);
  if (id !== undefined && entries.includes(id)) {
    return "yes";
  }
  // An unknown list, or unknown entries, that the engine ties to no resource: it may hold the group.
  const fromElsewhere = Array.isArray(sources) && sources.length > 0;
  const unknownEntries = isUnknown(list) || entries.some((entry) => isUnknown(entry));
  return unknownEntries && !fromElsewhere ? "maybe" : "no";
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
    for (const { opener, groups } of publicHttpsOpeners(stack)) {
      // Each path opener -> group -> load balancer -> WAF association is as strong as its weakest link; the
      // opener passes on a path of "yes" links, is flagged when every path has a "no", and otherwise rests
      // on unknown values (noted by the reads: unknown-inputs in preview, a violation in the update).
      const paths: { loadBalancer: PolicyResource; reference: Reference }[] = [];
      for (const { group, reference: toGroup } of groups) {
        for (const loadBalancer of loadBalancers) {
          const toLoadBalancer = usesGroup(loadBalancer, group);
          if (toLoadBalancer === "no") {
            continue;
          }
          const toWaf = strongestReference(
            associations.map((association) =>
              referenceTo(association, "resourceArn", loadBalancer, ["arn", "id"]),
            ),
          );
          paths.push({ loadBalancer, reference: weakest([toGroup, toLoadBalancer, toWaf]) });
        }
      }
      const verdict = strongestReference(paths.map(({ reference }) => reference));
      const undecided = verdict === "maybe" || groups.some(({ reference }) => reference === "maybe");
      if (verdict === "yes" || undecided) {
        continue;
      }
      report(
        paths.length === 0
          ? `"${opener.name}" admits public HTTPS, but no load balancer in the stack uses its security group: only a WAF-protected load balancer may take public traffic`
          : `"${opener.name}" admits public HTTPS for load balancer "${paths[0].loadBalancer.name}", which no aws.wafv2.WebAclAssociation protects`,
        opener,
      );
    }
  },
});
