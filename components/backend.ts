import type * as pulumi from "@pulumi/pulumi";
import type { EvidenceRecorder } from "./evidence";
import type { ResolvedSpec } from "./spec/resolved";

/** What every backend receives. */
export interface BackendContext {
  /** The SecureAiPlatform component: parent of every child resource. */
  parent: pulumi.ComponentResource;
  /** The component's name; child names are derived from it (`<name>-datasets-key`). */
  name: string;
  /** The validated spec with every default applied. */
  spec: ResolvedSpec;
  /** Where the backend records which resources implement which control, and its gaps. */
  evidence: EvidenceRecorder;
  /** Tags (labels) for every taggable resource: the user's tags plus the platform's own. */
  tags: Record<string, string>;
}

/**
 * The outputs every backend returns, the same set on every cloud. Keys of the maps: `model:<name>` and the
 * data classes `datasets`, `artifacts`, `logs` for keys; `datasets`, `artifacts`, `audit-logs` for storage.
 */
export interface PlatformOutputs {
  /** Key IDs (ARNs, CryptoKey IDs, Key Vault key IDs) by purpose. */
  keys: Record<string, pulumi.Input<string>>;
  /** Bucket or storage account names by data class. */
  storage: Record<string, pulumi.Input<string>>;
  /** Serving endpoint name or ID per model. */
  modelEndpoints: Record<string, pulumi.Input<string>>;
  /** The network the platform runs in (VPC ID, network self link, VNet ID). */
  networkId: pulumi.Input<string>;
  /** Workload identities (role ARNs, service account emails, managed identity IDs) by workload. */
  workloadIdentities: Record<string, pulumi.Input<string>>;
  /** Where findings are routed (SNS topic ARN, Pub/Sub topic, action group ID). */
  findingsDestination: pulumi.Input<string>;
  /** The public API's URL when `publicApi.enabled`, otherwise undefined. */
  publicEndpoint?: pulumi.Input<string>;
}

/** A backend builds the platform natively on one cloud. */
export type BackendBuilder = (context: BackendContext) => PlatformOutputs;
