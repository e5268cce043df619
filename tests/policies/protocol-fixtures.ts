/** Shared by the protocol tests: the pack directory, resources as the CLI sends them, and small helpers. */
import * as path from "node:path";
import type { AnalyzeDiagnostic, AnalyzerResourceInput } from "../../preflight/analyzer/client";
import type { RecordedValue } from "../../preflight/model";

export const PACK_DIR = path.resolve(__dirname, "../../policy-packs/secure-ai");
export const STACK_URN = "urn:pulumi:protocol::secure-ai::pulumi:pulumi:Stack::secure-ai-protocol";
export const UNKNOWN: RecordedValue = { $unknown: true };

export const TOPIC = "aws:sns/topic:Topic";
export const KMS_KEY = "aws:kms/key:Key";
export const BUCKET = "aws:s3/bucket:Bucket";
export const BUCKET_ENCRYPTION =
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const GCS_BUCKET = "gcp:storage/bucket:Bucket";
export const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";

/** The URN the protocol tests give a resource. */
export function urnOf(type: string, name: string): string {
  return `urn:pulumi:protocol::secure-ai::${type}::${name}`;
}

/** A resource as the CLI sends it: default options, no provider, dependencies only in AnalyzeStack. */
export function resource(
  type: string,
  name: string,
  properties: Record<string, RecordedValue>,
  propertyDependencies: Record<string, string[]> = {},
): AnalyzerResourceInput {
  return {
    urn: urnOf(type, name),
    type,
    name,
    properties,
    options: {
      protect: false,
      ignoreChanges: [],
      additionalSecretOutputs: [],
      aliases: [],
      customTimeouts: { create: 0, update: 0, delete: 0 },
      parent: STACK_URN,
    },
    parent: STACK_URN,
    dependencies: [...new Set(Object.values(propertyDependencies).flat())],
    propertyDependencies,
  };
}

/** The stack resource every AnalyzeStack request carries. */
export function stackResource(): AnalyzerResourceInput {
  return {
    urn: STACK_URN,
    type: "pulumi:pulumi:Stack",
    name: "secure-ai-protocol",
    properties: {},
    options: {
      protect: false,
      ignoreChanges: [],
      additionalSecretOutputs: [],
      aliases: [],
      customTimeouts: { create: 0, update: 0, delete: 0 },
      parent: "",
    },
  };
}

/** The diagnostics of one policy. */
export function of(diagnostics: readonly AnalyzeDiagnostic[], policy: string): AnalyzeDiagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.policyName === policy);
}
