import { defineResourcePolicy, get, isUnknown, requireOneOf, requireSet, stringListOption } from "../lib";
import { API_GATEWAY_TLS13_ONLY_POLICIES } from "./tls-policies";
import { AWS } from "./types";

/** API Gateway REST APIs accept TLS 1.3 only on their execute-api endpoint. */
export const awsApigatewayRestapiRequireTls13 = defineResourcePolicy({
  name: "aws-apigateway-restapi-require-tls13",
  cloud: "aws",
  controls: ["SAI-TLS-01"],
  description:
    "API Gateway REST APIs use a TLS 1.3-only enhanced security policy from allowedSecurityPolicies, with endpointAccessMode set (STRICT recommended).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.apiGatewayRestApi],
  tags: ["apigateway", "tls"],
  config: {
    allowedSecurityPolicies: stringListOption({
      default: API_GATEWAY_TLS13_ONLY_POLICIES,
      description: "API Gateway security policies accepted (TLS 1.3-only by default).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    requireOneOf(props, ["securityPolicy"], config.allowedSecurityPolicies, "TLS_1_0", report);
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
