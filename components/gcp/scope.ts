import type * as pulumi from "@pulumi/pulumi";
import type { BackendContext } from "../backend";
import type { EvidenceRecorder } from "../evidence";
import type { ResolvedSpec } from "../spec/resolved";

/** What every GCP domain builder receives: the backend context narrowed to Google Cloud. */
export interface GcpScope {
  /** Parent of every child resource (the SecureAiPlatform component). */
  parent: pulumi.ComponentResource;
  /** The platform's name; physical and logical names derive from it. */
  name: string;
  /** Project that hosts the platform. */
  project: string;
  /** Region of every regional resource (key ring, buckets, subnet, Vertex AI endpoints). */
  region: string;
  /** The validated spec. */
  spec: ResolvedSpec;
  /** Where controls are recorded. */
  evidence: EvidenceRecorder;
  /** Labels for every resource that takes them. */
  labels: Record<string, string>;
}

/** Narrows the backend context to GCP; the spec resolver guarantees the `gcp` block for `cloud: "gcp"`. */
export function gcpScope(context: BackendContext): GcpScope {
  const gcp = context.spec.gcp;
  if (!gcp) throw new Error("the GCP backend needs the resolved gcp block");
  return {
    parent: context.parent,
    name: context.name,
    project: gcp.project,
    region: gcp.region,
    spec: context.spec,
    evidence: context.evidence,
    labels: context.tags,
  };
}
