/**
 * Which resources make a stack advisory apply: the one table of the pack's service-scoped stack policies
 * (audit logs, detection services, findings routes). An advisory whose triggers are absent from the stack
 * answers not-applicable (`stack.notApplicable`), never a finding; a requirement of it (an audit-logged
 * service, a Defender plan) whose own triggers are absent is not asked for. Requirements a user adds in a
 * policy's config that the table does not know apply whenever the policy does.
 *
 * Sources for the requirement rows:
 * - GCP data-access audit logs are configured per service name (`google_project_iam_audit_config.service`):
 *   Cloud KMS is cloudkms.googleapis.com, Vertex AI aiplatform.googleapis.com, Cloud Storage
 *   storage.googleapis.com (https://cloud.google.com/logging/docs/audit/services).
 * - Defender for AI Services ("AI" plan) protects Azure OpenAI and Azure AI Model Inference, both Azure AI
 *   services (cognitiveservices) accounts ("Supported AI services: Azure OpenAI supported models, Azure AI
 *   Model Inference service supported models", https://learn.microsoft.com/azure/defender-for-cloud/ai-threat-protection);
 *   Defender for Storage protects storage accounts, Defender for Key Vault key vaults, and Defender CSPM
 *   ("CloudPosture") the subscription's resources, so it applies with any Azure data type.
 */
import { AWS } from "./aws/types";
import { AZURE, AZURE_DATA_TYPES } from "./azure/types";
import { GCP, GCP_DATA_TYPES, GCP_VERTEX_AI_TYPES } from "./gcp/types";
import type { StackView } from "./lib";

/** What makes an advisory, or one of its requirements, apply. */
export interface Trigger {
  /** What the stack must hold, for the not-applicable reason ("no KMS keys"). */
  what: string;
  /** Type tokens, any of which triggers. */
  types?: readonly string[];
  /** A type-token prefix (`aws:`): any resource of that provider triggers. */
  prefix?: string;
}

/** An advisory's scope: when it applies at all, and when each requirement it asks for does. */
export interface AdvisoryScope {
  applies: Trigger;
  /** Requirement (config value) → its own trigger; requirements not listed follow `applies`. */
  requirements?: Readonly<Record<string, Trigger>>;
}

const anyAws: Trigger = { what: "AWS resources", prefix: "aws:" };
const gcpData: Trigger = {
  what: "GCP keys, buckets, topics, datasets or Vertex AI resources",
  types: GCP_DATA_TYPES,
};
const azureData: Trigger = {
  what: "Azure key vaults, keys, storage accounts, AI services accounts or ML workspaces",
  types: AZURE_DATA_TYPES,
};

/** The table: policy name → scope. */
export const ADVISORY_SCOPES: Readonly<Record<string, AdvisoryScope>> = {
  "aws-cloudtrail-account-require-trail": { applies: anyAws },
  "aws-guardduty-account-require-detector": { applies: anyAws },
  "aws-securityhub-account-require-enabled": { applies: anyAws },
  "aws-kms-key-require-access-alarm": {
    applies: { what: "KMS keys", types: [AWS.kmsKey, AWS.kmsExternalKey] },
  },
  "aws-cloudwatch-eventrule-require-findings-route": {
    applies: {
      what: "GuardDuty detectors or Security Hub",
      types: [AWS.guarddutyDetector, AWS.securityhubAccount],
    },
  },
  "gcp-projects-auditconfig-require-data-access-logs": {
    applies: gcpData,
    requirements: {
      "cloudkms.googleapis.com": { what: "Cloud KMS keys", types: [GCP.kmsCryptoKey] },
      "aiplatform.googleapis.com": { what: "Vertex AI resources", types: GCP_VERTEX_AI_TYPES },
      "storage.googleapis.com": { what: "Cloud Storage buckets", types: [GCP.storageBucket] },
    },
  },
  "gcp-logging-sink-require-export": { applies: gcpData },
  "gcp-securitycenter-notification-require-findings-route": { applies: gcpData },
  "azure-security-pricing-require-defender-plans": {
    applies: azureData,
    requirements: {
      AI: { what: "Azure AI services accounts", types: [AZURE.cognitiveAccount] },
      StorageAccounts: { what: "storage accounts", types: [AZURE.storageAccount] },
      KeyVaults: { what: "key vaults", types: [AZURE.keyVault, AZURE.keyVaultKey] },
      CloudPosture: azureData,
    },
  },
  "azure-securityinsights-onboarding-require-sentinel": { applies: azureData },
  "azure-monitor-actiongroup-require-findings-route": { applies: azureData },
};

function holds(stack: StackView, trigger: Trigger): boolean {
  if (trigger.prefix !== undefined) {
    const prefix = trigger.prefix;
    if (stack.resources.some((resource) => resource.type.startsWith(prefix))) {
      return true;
    }
  }
  return (trigger.types ?? []).some((type) => stack.ofType(type).length > 0);
}

function scopeOf(policy: string): AdvisoryScope {
  const scope = ADVISORY_SCOPES[policy];
  if (scope === undefined) {
    throw new Error(`${policy} has no row in ADVISORY_SCOPES`);
  }
  return scope;
}

/**
 * Ends the validation as not applicable when the stack holds nothing that triggers `policy`, or none of
 * the `requested` requirements' triggers; otherwise returns the requested requirements the stack triggers
 * (every requirement the table does not know counts as triggered).
 */
export function scopeAdvisory(stack: StackView, policy: string, requested: readonly string[] = []): string[] {
  const scope = scopeOf(policy);
  if (!holds(stack, scope.applies)) {
    stack.notApplicable(`the stack holds no ${scope.applies.what}`);
  }
  const wanted = requested.filter((requirement) => {
    const trigger = scope.requirements?.[requirement];
    return trigger === undefined || holds(stack, trigger);
  });
  if (requested.length > 0 && wanted.length === 0) {
    const whats = requested.map((requirement) => scope.requirements?.[requirement]?.what ?? requirement);
    stack.notApplicable(`the stack holds no ${whats.join(", ")}`);
  }
  return wanted;
}
