import { defineResourcePolicy, get, isUnknown, knownArray, knownString } from "../lib";
import { AZURE } from "./types";

/**
 * Why an Application Gateway SSL policy is not TLS 1.3-only, or `undefined` when it is (or cannot be known
 * yet). A known leaf is judged even when the other one is unknown: `policyType "Predefined"` is wrong
 * whatever the minimum turns out to be.
 */
function sslPolicyProblem(policy: unknown, where: string): string | undefined {
  if (isUnknown(policy)) {
    return undefined;
  }
  const type = get(policy, "policyType");
  const minimum = get(policy, "minProtocolVersion");
  const typeOk = isUnknown(type) || knownString(type) === "CustomV2";
  const minimumOk = isUnknown(minimum) || knownString(minimum) === "TLSv1_3";
  if (typeOk && minimumOk) {
    return undefined;
  }
  const shown =
    policy === undefined
      ? "not set (the gateway's default policy accepts TLS 1.2)"
      : `policyType ${isUnknown(type) ? "(unknown until apply)" : String(knownString(type) ?? "(not set)")}, minProtocolVersion ${isUnknown(minimum) ? "(unknown until apply)" : String(knownString(minimum) ?? "(not set)")}`;
  return `${where} is ${shown}; it must be policyType "CustomV2" with minProtocolVersion "TLSv1_3"`;
}

/** Application Gateways terminate TLS 1.3 only, on the gateway policy and on every SSL profile. */
export const azureNetworkApplicationgatewayRequireTls13 = defineResourcePolicy({
  name: "azure-network-applicationgateway-require-tls13",
  cloud: "azure",
  controls: ["SAI-TLS-01"],
  description:
    'Application Gateways (v2 SKU) set sslPolicy to policyType "CustomV2" with minProtocolVersion "TLSv1_3", and so does every sslProfiles[].sslPolicy that overrides it.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.applicationGateway],
  tags: ["applicationgateway", "tls"],
  validate: ({ props }, { report }) => {
    const problems = [sslPolicyProblem(get(props, "sslPolicy"), "sslPolicy")];
    for (const [index, profile] of knownArray(get(props, "sslProfiles")).entries()) {
      const policy = get(profile, "sslPolicy");
      if (policy !== undefined) {
        problems.push(sslPolicyProblem(policy, `sslProfiles[${index}].sslPolicy`));
      }
    }
    problems
      .filter((problem): problem is string => problem !== undefined)
      .forEach((problem) => report(problem));
  },
  remediate: ({ props }) =>
    sslPolicyProblem(get(props, "sslPolicy"), "sslPolicy") === undefined
      ? undefined
      : { sslPolicy: { policyType: "CustomV2", minProtocolVersion: "TLSv1_3" } },
});
