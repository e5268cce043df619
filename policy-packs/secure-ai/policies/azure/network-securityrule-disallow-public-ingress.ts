import { defineResourcePolicy, get, knownArray, knownString, stringListOption } from "../lib";
import { AZURE } from "./types";

/** Source prefixes that mean "anyone on the internet". */
const EVERYONE = new Set(["*", "internet", "any", "0.0.0.0/0", "::/0"]);

/** The sources of a rule that admit everyone. */
function openSources(rule: unknown): string[] {
  const single = knownString(get(rule, "sourceAddressPrefix"));
  const many = knownArray(get(rule, "sourceAddressPrefixes")).map((prefix) => knownString(prefix));
  return [single, ...many].filter(
    (prefix): prefix is string => prefix !== undefined && EVERYONE.has(prefix.toLowerCase()),
  );
}

/** Whether the rule's destination ports are all in the allowed public ports. */
function portsAllowed(rule: unknown, allowedPorts: readonly string[]): boolean {
  const single = knownString(get(rule, "destinationPortRange"));
  const many = knownArray(get(rule, "destinationPortRanges")).map((port) => knownString(port));
  const ports = [single, ...many].filter((port) => port !== undefined);
  return ports.length > 0 && ports.every((port) => port !== "*" && allowedPorts.includes(port ?? ""));
}

/** Network security rules never allow inbound traffic from the whole internet. */
export const azureNetworkSecurityruleDisallowPublicIngress = defineResourcePolicy({
  name: "azure-network-securityrule-disallow-public-ingress",
  cloud: "azure",
  controls: ["SAI-NET-03"],
  description:
    'Inbound Allow rules (SecurityRule resources and NetworkSecurityGroup securityRules) never use "*", "Internet", "Any", 0.0.0.0/0 or ::/0 as source, except for ports listed in allowedPublicPorts.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.securityRule, AZURE.networkSecurityGroup],
  tags: ["network", "nsg"],
  config: {
    allowedPublicPorts: stringListOption({
      default: [],
      description:
        'Destination ports that may be open to the internet, e.g. ["443"] for an Application Gateway subnet.',
    }),
  },
  validate: ({ type, props }, { config, report }) => {
    const rules =
      type === AZURE.securityRule
        ? [["the rule", props] as const]
        : knownArray(get(props, "securityRules")).map(
            (rule, index) => [`securityRules[${index}]`, rule] as const,
          );
    for (const [where, rule] of rules) {
      const inbound = knownString(get(rule, "direction"))?.toLowerCase() === "inbound";
      const allow = knownString(get(rule, "access"))?.toLowerCase() === "allow";
      const open = openSources(rule);
      if (inbound && allow && open.length > 0 && !portsAllowed(rule, config.allowedPublicPorts)) {
        report(`${where} allows inbound traffic from ${open.join(", ")}`);
      }
    }
  },
});
