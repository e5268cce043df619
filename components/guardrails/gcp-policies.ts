import type { ResolvedGcpGuardrails } from "./resolved";

/** One rule of an organization policy, in the provider's input shape (`"TRUE"` strings, as the API takes). */
export interface OrgPolicyRule {
  enforce?: "TRUE";
  denyAll?: "TRUE";
  values?: { allowedValues?: string[]; deniedValues?: string[] };
}

/**
 * An organization policy the guardrails set, before it becomes a resource. The controls it enforces are listed
 * in the controls catalog (`CloudImplementation.guardrails`), by constraint name.
 */
export interface PlannedOrgPolicy {
  /** Constraint name, e.g. `gcp.restrictTLSVersion` (a built-in one unless it starts with `custom.`). */
  constraint: string;
  /** Short, stable part of the child's logical name. */
  key: string;
  rule: OrgPolicyRule;
}

/** The TLS versions Google APIs can be told to refuse (the constraint takes nothing newer). */
export const DENIED_TLS_VERSIONS: readonly string[] = ["TLS_VERSION_1", "TLS_VERSION_1_1"];

/** The built-in organization policies, with values derived from the arguments. */
export function plannedOrgPolicies(spec: ResolvedGcpGuardrails): PlannedOrgPolicy[] {
  return [
    {
      constraint: "gcp.restrictNonCmekServices",
      key: "non-cmek-services",
      rule: { values: { deniedValues: [...spec.cmekServices] } },
    },
    {
      constraint: "gcp.restrictCmekCryptoKeyProjects",
      key: "cmek-key-projects",
      rule: { values: { allowedValues: spec.cmekProjects.map((project) => `under:projects/${project}`) } },
    },
    {
      constraint: "gcp.restrictTLSVersion",
      key: "tls-versions",
      rule: { values: { deniedValues: [...DENIED_TLS_VERSIONS] } },
    },
    {
      constraint: "gcp.restrictTLSCipherSuites",
      key: "tls-ciphers",
      rule: { values: { allowedValues: [...spec.tlsCiphers] } },
    },
    {
      constraint: "iam.disableServiceAccountKeyCreation",
      key: "no-sa-keys",
      rule: { enforce: "TRUE" },
    },
    {
      constraint: "compute.vmExternalIpAccess",
      key: "no-vm-external-ip",
      rule: { denyAll: "TRUE" },
    },
    {
      constraint: "ainotebooks.restrictPublicIp",
      key: "no-notebook-public-ip",
      rule: { enforce: "TRUE" },
    },
    {
      constraint: "storage.publicAccessPrevention",
      key: "storage-public-access-prevention",
      rule: { enforce: "TRUE" },
    },
  ];
}
