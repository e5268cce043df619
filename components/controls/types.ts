import type { ControlId } from "./ids";

/** The domains controls are grouped by, matching the backends' files. */
export type ControlDomain =
  | "encryption"
  | "transport"
  | "network"
  | "identity"
  | "logging"
  | "detection"
  | "response"
  | "model"
  | "governance"
  | "resilience";

/** All control domains, in report order. */
export const CONTROL_DOMAINS: readonly ControlDomain[] = [
  "encryption",
  "transport",
  "network",
  "identity",
  "logging",
  "detection",
  "response",
  "model",
  "governance",
  "resilience",
];

/** Severity of a violated control, used as the policies' default severity. */
export type ControlSeverity = "low" | "medium" | "high" | "critical";

/** Compliance frameworks the evidence maps to. */
export type FrameworkId = "soc2" | "iso27001" | "hipaa" | "gdpr" | "nist80053";

/** All frameworks, in report order. */
export const FRAMEWORK_IDS: readonly FrameworkId[] = ["soc2", "iso27001", "hipaa", "gdpr", "nist80053"];

/** Human-readable framework names. */
export const FRAMEWORK_NAMES: Readonly<Record<FrameworkId, string>> = {
  soc2: "SOC 2 (2017 Trust Services Criteria)",
  iso27001: "ISO/IEC 27001:2022 Annex A",
  hipaa: "HIPAA Security Rule (45 CFR 164)",
  gdpr: "GDPR",
  nist80053: "NIST SP 800-53 rev 5",
};

/** How one cloud implements a control, or why it cannot. */
export interface CloudImplementation {
  /** What the component builds (or what the user must provide) for the control on this cloud. */
  implementation: string;
  /** Set when the cloud cannot fully meet the control: the honest reason, reported as a `gap`. */
  limitation?: string;
  /**
   * Set when `limitation` only applies under a condition (an opt-in, a tier, a way of signing in);
   * absent means the limitation always applies and the control is a `gap` on this cloud.
   */
  limitationCondition?: string;
  /**
   * The organisation-level preventive guardrails of `SecureAiGuardrails` that enforce this control on this
   * cloud, fully or in part (the guardrails' evidence reports partial or audit-only enforcement as a `gap`).
   * One stable identifier per cloud:
   * - AWS: the `Sid` of the service control policy statement, e.g. `ProtectKmsKeys`;
   * - GCP: the organisation policy constraint name without the `constraints/` prefix, e.g.
   *   `gcp.restrictNonCmekServices`, or the custom constraint `custom.secureAiKmsRotationPeriod`;
   * - Azure: the GUID of the built-in policy definition (display names change between versions, GUIDs do not).
   *
   * Guardrails apply only while `SecureAiGuardrails` is deployed on the organisation; the list says which
   * guardrail enforces the control, not that it is deployed.
   * @default [] (no guardrail enforces the control on this cloud)
   */
  guardrails?: readonly string[];
}

/** One control of the catalog. */
export interface ControlDefinition {
  /** Stable ID, e.g. `SAI-ENC-01`. */
  id: ControlId;
  /** One-line statement of the control. */
  title: string;
  /** Where in the source document the control comes from. */
  seedSection: string;
  /** Domain the control belongs to. */
  domain: ControlDomain;
  /** Default severity of a violation. */
  severity: ControlSeverity;
  /** Clauses per framework; an empty list means the framework has no direct clause. */
  frameworks: Readonly<Record<FrameworkId, readonly string[]>>;
  /** CIS benchmark recommendations where one applies, e.g. `"CIS AWS Foundations 3.0.0 3.1"`. */
  cis: readonly string[];
  /** Implementation per cloud. */
  clouds: Readonly<Record<"aws" | "gcp" | "azure", CloudImplementation>>;
  /**
   * Whether a deploy-time policy can check this control; when false, `notCheckableReason` says why.
   */
  checkableAtDeploy: boolean;
  /** Why no deploy-time policy checks this control (only when `checkableAtDeploy` is false). */
  notCheckableReason?: string;
  /** Remediation guidance shown with findings. */
  remediation: string;
}
