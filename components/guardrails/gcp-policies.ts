import type { ControlId } from "../controls/ids";
import type { ResolvedGcpGuardrails } from "./resolved";

/** One rule of an organization policy, in the provider's input shape (`"TRUE"` strings, as the API takes). */
export interface OrgPolicyRule {
  enforce?: "TRUE";
  denyAll?: "TRUE";
  values?: { allowedValues?: string[]; deniedValues?: string[] };
}

/** An organization policy the guardrails set, before it becomes a resource. */
export interface PlannedOrgPolicy {
  /** Constraint name, e.g. `gcp.restrictTLSVersion` (a built-in one unless it starts with `custom.`). */
  constraint: string;
  /** Short, stable part of the child's logical name. */
  key: string;
  rule: OrgPolicyRule;
  /** Controls the policy enforces. */
  controls: readonly ControlId[];
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
      controls: ["SAI-ENC-01"],
    },
    {
      constraint: "gcp.restrictCmekCryptoKeyProjects",
      key: "cmek-key-projects",
      rule: { values: { allowedValues: spec.cmekProjects.map((project) => `under:projects/${project}`) } },
      controls: ["SAI-ENC-01"],
    },
    {
      constraint: "gcp.restrictTLSVersion",
      key: "tls-versions",
      rule: { values: { deniedValues: [...DENIED_TLS_VERSIONS] } },
      controls: ["SAI-TLS-02"],
    },
    {
      constraint: "gcp.restrictTLSCipherSuites",
      key: "tls-ciphers",
      rule: { values: { allowedValues: [...spec.tlsCiphers] } },
      controls: ["SAI-TLS-02"],
    },
    {
      constraint: "iam.disableServiceAccountKeyCreation",
      key: "no-sa-keys",
      rule: { enforce: "TRUE" },
      controls: ["SAI-IAM-03"],
    },
    {
      constraint: "compute.vmExternalIpAccess",
      key: "no-vm-external-ip",
      rule: { denyAll: "TRUE" },
      controls: ["SAI-NET-01"],
    },
    {
      constraint: "ainotebooks.restrictPublicIp",
      key: "no-notebook-public-ip",
      rule: { enforce: "TRUE" },
      controls: ["SAI-NET-01", "SAI-NET-02"],
    },
    {
      constraint: "storage.publicAccessPrevention",
      key: "storage-public-access-prevention",
      rule: { enforce: "TRUE" },
      controls: ["SAI-MOD-01", "SAI-NET-02"],
    },
  ];
}
