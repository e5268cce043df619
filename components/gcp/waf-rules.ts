import type * as compute from "@pulumi/gcp/compute";

/** Cloud Armor preconfigured WAF rule sets (OWASP ModSecurity Core Rule Set 3.3) the public API blocks. */
export const PRECONFIGURED_WAF_RULES = [
  "sqli-v33-stable",
  "xss-v33-stable",
  "lfi-v33-stable",
  "rfi-v33-stable",
  "rce-v33-stable",
  "methodenforcement-v33-stable",
  "scannerdetection-v33-stable",
  "protocolattack-v33-stable",
  "sessionfixation-v33-stable",
] as const;

/** Seconds over which Cloud Armor counts a client's requests (the spec's rate limit is per five minutes). */
export const RATE_LIMIT_INTERVAL_SEC = 300;
/** Seconds a client that exceeded the rate stays banned. */
export const RATE_LIMIT_BAN_SEC = 600;
/** Priority of the rate-based ban; WAF rules follow from 1000 on. */
export const RATE_LIMIT_PRIORITY = 100;
/** Priority of the default rule Cloud Armor requires. */
export const DEFAULT_RULE_PRIORITY = 2147483647;

/**
 * The rules of the public API's Cloud Armor policy: a per-IP rate-based ban, one deny rule per preconfigured
 * WAF rule set, and the required default rule (allow what no rule blocked).
 */
export function cloudArmorRules(rateLimit: number): compute.SecurityPolicyArgs["rules"] {
  const allSources = { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } };
  return [
    {
      priority: RATE_LIMIT_PRIORITY,
      action: "rate_based_ban",
      description: `Ban clients above ${rateLimit} requests per ${RATE_LIMIT_INTERVAL_SEC} s`,
      match: allSources,
      rateLimitOptions: {
        conformAction: "allow",
        exceedAction: "deny(429)",
        enforceOnKey: "IP",
        rateLimitThreshold: { count: rateLimit, intervalSec: RATE_LIMIT_INTERVAL_SEC },
        banDurationSec: RATE_LIMIT_BAN_SEC,
      },
    },
    ...PRECONFIGURED_WAF_RULES.map((ruleSet, index) => ({
      priority: 1000 + index,
      action: "deny(403)",
      description: `Preconfigured WAF ${ruleSet}`,
      match: { expr: { expression: `evaluatePreconfiguredWaf('${ruleSet}', {'sensitivity': 1})` } },
    })),
    { priority: DEFAULT_RULE_PRIORITY, action: "allow", description: "Default rule", match: allSources },
  ];
}
