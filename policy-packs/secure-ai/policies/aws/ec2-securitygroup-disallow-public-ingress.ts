import {
  defineResourcePolicy,
  get,
  knownArray,
  knownNumber,
  knownString,
  stringListOption,
  type Value,
} from "../lib";
import { opensPublicHttps } from "./ec2-securitygroup-require-waf-for-public-https";
import { AWS } from "./types";

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** The CIDR blocks of a rule that open it to the whole internet. */
function openCidrs(rule: unknown, ipv4Keys: readonly string[], ipv6Keys: readonly string[]): string[] {
  const values: Value[] = [...ipv4Keys, ...ipv6Keys].flatMap((key) => {
    const value = get(rule, key);
    return Array.isArray(value) ? knownArray(value) : [value];
  });
  return values.map(knownString).filter((cidr): cidr is string => cidr !== undefined && EVERYWHERE.has(cidr));
}

/** A rule's port range as text, and whether it lies inside the allowed public ports. */
function portsOf(rule: unknown, allowedPorts: readonly string[]): { text: string; allowed: boolean } {
  const from = knownNumber(get(rule, "fromPort"));
  const to = knownNumber(get(rule, "toPort"));
  const protocol = knownString(get(rule, "protocol")) ?? knownString(get(rule, "ipProtocol"));
  const text = `${protocol ?? "?"} ${from ?? "?"}-${to ?? "?"}`;
  const allowed =
    from !== undefined && from === to && protocol !== "-1" && allowedPorts.includes(String(from));
  return { text, allowed };
}

/** Security groups do not admit the whole internet. */
export const awsEc2SecuritygroupDisallowPublicIngress = defineResourcePolicy({
  name: "aws-ec2-securitygroup-disallow-public-ingress",
  cloud: "aws",
  controls: ["SAI-NET-03"],
  description:
    "Security group ingress (inline ingress blocks, aws:ec2 SecurityGroupRule of type ingress, aws:vpc SecurityGroupIngressRule) never allows 0.0.0.0/0 or ::/0, except single ports listed in allowedPublicPorts; public tcp 443 is judged by aws-ec2-securitygroup-require-waf-for-public-https, which correlates the group with its load balancer and WAF.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.ec2SecurityGroup, AWS.ec2SecurityGroupRule, AWS.vpcSecurityGroupIngressRule],
  tags: ["ec2", "network"],
  config: {
    allowedPublicPorts: stringListOption({
      default: [],
      description:
        'Single ports that may be open to the internet, e.g. ["443"] for a public load balancer behind a WAF.',
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const check = (rule: unknown, where: string, ipv4: readonly string[], ipv6: readonly string[]) => {
      const open = openCidrs(rule, ipv4, ipv6);
      if (open.length === 0 || opensPublicHttps(rule, [...ipv4, ...ipv6])) {
        return;
      }
      const ports = portsOf(rule, config.allowedPublicPorts);
      if (!ports.allowed) {
        report(`${where} allows ${open.join(", ")} on ${ports.text}`);
      }
    };
    if (type === AWS.ec2SecurityGroup) {
      for (const [index, rule] of knownArray(get(props, "ingress")).entries()) {
        check(rule, `ingress[${index}]`, ["cidrBlocks"], ["ipv6CidrBlocks"]);
      }
    } else if (type === AWS.ec2SecurityGroupRule) {
      if (get(props, "type") === "ingress") {
        check(props, "the ingress rule", ["cidrBlocks"], ["ipv6CidrBlocks"]);
      }
    } else {
      check(props, "the ingress rule", ["cidrIpv4"], ["cidrIpv6"]);
    }
  },
});
