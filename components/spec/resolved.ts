import type { ControlId } from "../controls/ids";
import type { FrameworkId } from "../controls/types";
import type { ModelScope } from "./scopes";

/** Clouds SecureAiPlatform builds on. */
export const CLOUDS = ["aws", "gcp", "azure"] as const;
/** One supported cloud. */
export type CloudName = (typeof CLOUDS)[number];

/** How a per-account singleton is handled. */
export const SINGLETON_MODES = ["create", "adopt", "skip"] as const;
/** `create` builds it, `adopt` relies on one that exists, `skip` leaves it out (reported as a gap). */
export type SingletonMode = (typeof SINGLETON_MODES)[number];

/** Names of the per-account singletons. */
export const SINGLETON_NAMES = [
  "threatDetection",
  "postureManagement",
  "modelInvocationLogging",
  "siemOnboarding",
  "auditConfig",
] as const;
/** One singleton name. */
export type SingletonName = (typeof SINGLETON_NAMES)[number];

/** Model sensitivity tiers. */
export const SENSITIVITIES = ["standard", "high"] as const;
/** Sensitivity tier. */
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Guardrail strengths of a model, strongest first (the default). */
export const GUARDRAIL_STRENGTHS = ["high", "medium", "low"] as const;
/** How strictly a model's managed guardrail filters prompts and responses. */
export type GuardrailStrength = (typeof GUARDRAIL_STRENGTHS)[number];

/** Serving options per cloud; the first is the default. */
export const SERVING_BY_CLOUD: Readonly<Record<CloudName, readonly string[]>> = {
  aws: ["sagemaker", "bedrock"],
  gcp: ["vertex"],
  azure: ["openai", "ml"],
};

/** Severity levels for routing findings, lowest first. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
/** One severity level. */
export type SeverityLevel = (typeof SEVERITIES)[number];

/** A model with every default applied. */
export interface ResolvedModel {
  name: string;
  sensitivity: Sensitivity;
  serving: string;
  /** Whether the model's key must be HSM-backed (high sensitivity, or `encryption.hsm: "all"`). */
  hsm: boolean;
  baseModel?: string;
  instanceType?: string;
  /** Strength of the model's managed guardrail (SAI-MOD-03). */
  guardrailStrength: GuardrailStrength;
  /** SageMaker: object key of the model artifact in the artifacts bucket; the model is served once it is set. */
  artifact?: string;
  /** Azure OpenAI: whether the account is still being bootstrapped or uses the model's key. */
  encryptionStage?: EncryptionStage;
  /** Scoping Matrix scope: `pre-trained` (Scope 3), `fine-tuned` (Scope 4) or `self-trained` (Scope 5). */
  scope: ModelScope;
}

/** Stages of an Azure OpenAI account's customer-managed key (see ModelArgs.encryptionStage). */
export const ENCRYPTION_STAGES = ["customer-managed", "bootstrap"] as const;
/** One encryption stage. */
export type EncryptionStage = (typeof ENCRYPTION_STAGES)[number];

/** A dataset with every default applied. */
export interface ResolvedDataset {
  name: string;
  personalData: boolean;
  retentionDays?: number;
}

/** A waiver that passed validation. */
export interface ResolvedWaiver {
  control: ControlId;
  reason: string;
  expires?: string;
}

/** The spec every backend receives: validated, every default applied, plain values only. */
export interface ResolvedSpec {
  cloud: CloudName;
  models: ResolvedModel[];
  datasets: ResolvedDataset[];
  aws?: { region: string; customKeyStoreId?: string };
  gcp?: { project: string; region: string };
  azure?: { location: string; tenantId: string; resourceGroupName?: string };
  encryption: {
    rotationDays: number;
    hsm: "high-sensitivity" | "all";
    breakGlassPrincipals: string[];
    externalKeyStore?: string;
  };
  transport: {
    minimumTlsVersion: "1.2" | "1.3";
    mutualTls: { enabled: boolean; caBundle?: string };
  };
  network: {
    cidr: string;
    zoneCount: number;
    existing?: { networkId: string; subnetIds: string[] };
  };
  identity: {
    dataScientists: string[];
    admins: string[];
    requireMfa: boolean;
    federatedWorkloads: { name: string; issuer: string; subject: string }[];
  };
  logging: {
    retentionDays: number;
    auditLockDays: number;
    siem: "native" | "export" | "none";
    siemDestination?: string;
  };
  detection: {
    severityThreshold: SeverityLevel;
    notificationEmails: string[];
    notificationWebhooks: string[];
    singletons: Record<SingletonName, SingletonMode>;
  };
  publicApi: {
    enabled: boolean;
    waf: boolean;
    rateLimit: number;
    certificate?: string;
    /** Azure: ARM ID of the Key Vault that holds the certificate. */
    certificateVaultId?: string;
    domainName?: string;
  };
  compliance: { frameworks: FrameworkId[] };
  waivers: ResolvedWaiver[];
  tags: Record<string, string>;
  /** Whether any key of the platform is HSM-backed. */
  anyHsm: boolean;
}
