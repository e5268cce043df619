import { defineResourcePolicy, get, isUnknown, requireOneOf, requireSet, stringListOption } from "../lib";
import { API_GATEWAY_TLS13_ONLY_POLICIES } from "./tls-policies";
import { AWS } from "./types";

/** API Gateway custom domain names accept TLS 1.3 only. */
export const awsApigatewayDomainnameRequireTls13 = defineResourcePolicy({
  name: "aws-apigateway-domainname-require-tls13",
  cloud: "aws",
  controls: ["SAI-TLS-01"],
  description:
    "API Gateway custom domain names use a TLS 1.3-only enhanced security policy from allowedSecurityPolicies, with endpointAccessMode set (STRICT recommended).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.apiGatewayDomainName],
  tags: ["apigateway", "tls"],
  config: {
    allowedSecurityPolicies: stringListOption({
      default: API_GATEWAY_TLS13_ONLY_POLICIES,
      description: "API Gateway security policies accepted (TLS 1.3-only by default).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireOneOf(props, ["securityPolicy"], config.allowedSecurityPolicies, "TLS_1_2", report);
    requireSet(
      props,
      ["endpointAccessMode"],
      report,
      "enhanced security policies need an endpoint access mode (STRICT)",
    );
  },
  remediate: ({ props }, config) => {
    const policy = get(props, "securityPolicy");
    if (
      isUnknown(policy) ||
      (typeof policy === "string" && config.allowedSecurityPolicies.includes(policy))
    ) {
      return undefined;
    }
    return {
      securityPolicy: config.allowedSecurityPolicies[0],
      ...(get(props, "endpointAccessMode") === undefined ? { endpointAccessMode: "STRICT" } : {}),
    };
  },
});
