import { defineResourcePolicy, get, knownArray, knownBoolean, knownString, stringListOption } from "../lib";
import { GCP } from "./types";

const EVERYWHERE = new Set(["0.0.0.0/0", "::/0"]);

/** The ports of one `allows` entry as text, and whether all of them are in `allowedPorts`. */
function portsOf(allow: unknown, allowedPorts: readonly string[]): { text: string; allowed: boolean } {
  const protocol = knownString(get(allow, "protocol")) ?? "?";
  const ports = knownArray(get(allow, "ports")).map((port) => knownString(port));
  if (ports.length === 0) {
    return { text: `${protocol} (all ports)`, allowed: false };
  }
  const allowed =
    protocol !== "all" && ports.every((port) => port !== undefined && allowedPorts.includes(port));
  return { text: `${protocol} ${ports.map((port) => port ?? "?").join(",")}`, allowed };
}

/** VPC firewall rules do not admit the whole internet. */
export const gcpComputeFirewallDisallowPublicIngress = defineResourcePolicy({
  name: "gcp-compute-firewall-disallow-public-ingress",
  cloud: "gcp",
  controls: ["SAI-NET-03"],
  description:
    "Enabled INGRESS firewall rules with allows never list 0.0.0.0/0 or ::/0 in sourceRanges, except for ports listed in allowedPublicPorts; deny rules are not restricted.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.firewall],
  tags: ["compute", "network"],
  config: {
    allowedPublicPorts: stringListOption({
      default: [],
      description:
        'Ports that may be open to the internet, e.g. ["443"] for a public load balancer behind Cloud Armor.',
    }),
  },
  validate: ({ props }, { config, report }) => {
    const direction = knownString(get(props, "direction")) ?? "INGRESS";
    if (direction !== "INGRESS" || knownBoolean(get(props, "disabled")) === true) {
      return;
    }
    const open = knownArray(get(props, "sourceRanges"))
      .map((range) => knownString(range))
      .filter((range): range is string => range !== undefined && EVERYWHERE.has(range));
    if (open.length === 0) {
      return;
    }
    for (const [index, allow] of knownArray(get(props, "allows")).entries()) {
      const ports = portsOf(allow, config.allowedPublicPorts);
      if (!ports.allowed) {
        report(`allows[${index}] admits ${ports.text} from ${open.join(", ")}`);
      }
    }
  },
});
