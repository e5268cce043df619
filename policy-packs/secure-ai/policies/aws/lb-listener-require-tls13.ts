import {
  defineResourcePolicy,
  get,
  isUnknown,
  knownArray,
  knownString,
  requireOneOf,
  stringListOption,
} from "../lib";
import { ELB_TLS13_ONLY_POLICIES } from "./tls-policies";
import { AWS } from "./types";

const ENCRYPTED_PROTOCOLS = ["HTTPS", "TLS"];

/** Whether every default action of a plain-HTTP listener redirects to HTTPS. */
function redirectsToHttps(props: unknown): boolean {
  const actions = knownArray(get(props, "defaultActions"));
  return (
    actions.length > 0 &&
    actions.every(
      (action) => get(action, "type") === "redirect" && get(action, "redirect", "protocol") === "HTTPS",
    )
  );
}

/** Load balancer listeners terminate TLS 1.3 only. */
export const awsLbListenerRequireTls13 = defineResourcePolicy({
  name: "aws-lb-listener-require-tls13",
  cloud: "aws",
  controls: ["SAI-TLS-01"],
  description:
    "ALB/NLB listeners use HTTPS or TLS with a TLS 1.3-only security policy from allowedSslPolicies; a plain HTTP listener is allowed only when it redirects to HTTPS.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.lbListener, AWS.albListener],
  tags: ["elb", "tls"],
  config: {
    allowedSslPolicies: stringListOption({
      default: ELB_TLS13_ONLY_POLICIES,
      description: "ELB security policies accepted (all TLS 1.3-only by default).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const protocol = get(props, "protocol");
    if (isUnknown(protocol)) {
      return;
    }
    const known = knownString(protocol);
    if (known === "HTTP" && redirectsToHttps(props)) {
      return;
    }
    if (known === undefined || !ENCRYPTED_PROTOCOLS.includes(known)) {
      report(
        `protocol is ${known === undefined ? "not set (HTTP or TCP by default)" : `"${known}"`}; use HTTPS or TLS, or redirect HTTP to HTTPS`,
      );
      return;
    }
    requireOneOf(props, ["sslPolicy"], config.allowedSslPolicies, "ELBSecurityPolicy-2016-08", report);
  },
  remediate: ({ props }, config) => {
    const protocol = knownString(get(props, "protocol"));
    const policy = get(props, "sslPolicy");
    if (protocol === undefined || !ENCRYPTED_PROTOCOLS.includes(protocol) || isUnknown(policy)) {
      return undefined;
    }
    return typeof policy === "string" && config.allowedSslPolicies.includes(policy)
      ? undefined
      : { sslPolicy: config.allowedSslPolicies[0] };
  },
});
