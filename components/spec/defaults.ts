import { COMPLIANCE_FRAMEWORK_IDS } from "../controls/types";

/** The secure defaults SecureAiPlatform applies; each matches a `@default` in args.ts. */
export const DEFAULTS = {
  sensitivity: "standard",
  guardrailStrength: "high",
  rotationDays: 90,
  hsm: "high-sensitivity",
  minimumTlsVersion: "1.3",
  cidr: "10.40.0.0/16",
  zoneCount: 2,
  requireMfa: true,
  logRetentionDays: 365,
  auditLockDays: 365,
  siem: "native",
  severityThreshold: "medium",
  singletonMode: "create",
  publicApiEnabled: false,
  waf: true,
  rateLimit: 2000,
  frameworks: COMPLIANCE_FRAMEWORK_IDS,
} as const;

/** Limits the validation enforces. */
export const LIMITS = {
  nameMaxLength: 24,
  rotationDays: { min: 1, max: 90 },
  retentionDays: { min: 1, max: 3650 },
  logRetentionDays: { min: 1, max: 3653 },
  auditLockDays: { min: 1, max: 3650 },
  zoneCount: { min: 1, max: 3 },
  cidrPrefix: { min: 16, max: 24 },
  rateLimit: { min: 100, max: 2_000_000 },
  waiverReasonMinLength: 10,
  maxModels: 500,
  maxDatasets: 500,
} as const;
