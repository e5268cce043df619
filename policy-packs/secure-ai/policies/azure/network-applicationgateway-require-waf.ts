import { defineResourcePolicy, get, isSet, isUnknown, knownArray } from "../lib";
import { AZURE } from "./types";

/** Whether any frontend IP configuration has (or may have) a public IP address. */
function hasPublicFrontend(props: unknown): boolean {
  const frontends = get(props, "frontendIPConfigurations");
  if (isUnknown(frontends)) {
    return true;
  }
  return knownArray(frontends).some((frontend) => isSet(get(frontend, "publicIPAddress")));
}

/** Internet-facing Application Gateways have a WAF policy attached. */
export const azureNetworkApplicationgatewayRequireWaf = defineResourcePolicy({
  name: "azure-network-applicationgateway-require-waf",
  cloud: "azure",
  controls: ["SAI-NET-05"],
  description:
    "Application Gateways with a public frontend IP set firewallPolicy (a WebApplicationFirewallPolicy, WAF_v2 SKU); gateways with private frontends only are not checked.",
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.applicationGateway],
  tags: ["applicationgateway", "waf"],
  validate: ({ props }, { report }) => {
    if (!hasPublicFrontend(props)) {
      return;
    }
    const policy = get(props, "firewallPolicy");
    if (!isSet(policy) || !isSet(get(policy, "id"))) {
      report(
        "firewallPolicy.id is not set: the internet-facing gateway has no WAF policy in front of the model API",
      );
    }
  },
});
