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

/** The compliance frameworks of the catalog's first edition (SOC 2, ISO 27001, HIPAA, GDPR, NIST 800-53). */
export type ComplianceFrameworkId = "soc2" | "iso27001" | "hipaa" | "gdpr" | "nist80053";

/**
 * The generative-AI frameworks the catalog maps to: Google's Secure AI Framework (risks and controls), the AWS
 * Generative AI Security Scoping Matrix (scopes and security disciplines), OWASP Top 10 for LLM Applications
 * 2025, NIST AI 600-1, ISO/IEC 42001:2023 Annex A and MITRE ATLAS. Their vocabularies and sources are in
 * `./ai-vocabulary.ts`.
 */
export type AiFrameworkId = "saif" | "scopingMatrix" | "owaspLlm" | "nistAi600" | "iso42001" | "mitreAtlas";

/** Compliance and AI frameworks the evidence maps to. */
export type FrameworkId = ComplianceFrameworkId | AiFrameworkId;

/** The generative-AI frameworks, in report order. */
export const AI_FRAMEWORK_IDS: readonly AiFrameworkId[] = [
  "saif",
  "scopingMatrix",
  "owaspLlm",
  "nistAi600",
  "iso42001",
  "mitreAtlas",
];

/** The compliance frameworks, in report order (what `compliance.frameworks` reports on by default). */
export const COMPLIANCE_FRAMEWORK_IDS: readonly ComplianceFrameworkId[] = [
  "soc2",
  "iso27001",
  "hipaa",
  "gdpr",
  "nist80053",
];

/** All frameworks, in report order: the compliance frameworks, then the generative-AI frameworks. */
export const FRAMEWORK_IDS: readonly FrameworkId[] = [
  "soc2",
  "iso27001",
  "hipaa",
  "gdpr",
  "nist80053",
  ...AI_FRAMEWORK_IDS,
];

/** Human-readable framework names. */
export const FRAMEWORK_NAMES: Readonly<Record<FrameworkId, string>> = {
  soc2: "SOC 2 (2017 Trust Services Criteria)",
  iso27001: "ISO/IEC 27001:2022 Annex A",
  hipaa: "HIPAA Security Rule (45 CFR 164)",
  gdpr: "GDPR",
  nist80053: "NIST SP 800-53 rev 5",
  saif: "Google Secure AI Framework (SAIF) risks and controls",
  scopingMatrix: "AWS Generative AI Security Scoping Matrix (scopes and security disciplines)",
  owaspLlm: "OWASP Top 10 for LLM Applications 2025",
  nistAi600: "NIST AI 600-1 (AI RMF Generative AI Profile) risks and actions",
  iso42001: "ISO/IEC 42001:2023 Annex A",
  mitreAtlas: "MITRE ATLAS techniques and mitigations",
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

/** Clauses per generative-AI framework for one control; an empty list means no direct clause. */
export type AiFrameworkMapping = Readonly<Record<AiFrameworkId, readonly string[]>>;

/**
 * A control as a domain file writes it: everything but the generative-AI mappings, which live in the
 * `ai-mappings-*.ts` files and are merged in by `catalog.ts`.
 */
export type ControlDraft = Omit<ControlDefinition, "frameworks"> & {
  /** Clauses per compliance framework; an empty list means the framework has no direct clause. */
  frameworks: Readonly<Record<ComplianceFrameworkId, readonly string[]>>;
};
