import type { GcpScope } from "./scope";

/**
 * Controls that no single GCP resource implements: transport security of Google's own APIs, evidence
 * collection, and deploy-time guardrails.
 */
export function recordGovernanceEvidence(scope: GcpScope): void {
  const { evidence, spec } = scope;
  evidence.gap(
    "SAI-TLS-02",
    "Cloud Storage, Cloud KMS, Pub/Sub, BigQuery and Vertex AI accept only TLS (never plaintext) and negotiate TLS 1.3, but they also accept TLS 1.2 and have no per-resource minimum; a 1.3-only minimum needs the organisation policy gcp.restrictTLSCipherSuites (TLS 1.3 suites only), set at organisation or folder level outside this stack",
  );
  if (!spec.publicApi.enabled) {
    evidence.notApplicable(
      "SAI-TLS-01",
      "the platform owns no ingress: the public API is off and models are reached through Private Service Connect",
    );
    evidence.notApplicable("SAI-NET-05", "no public API (publicApi.enabled: false)");
    evidence.notApplicable("SAI-TLS-03", "no public ingress to require client certificates on");
  }
  evidence.implemented(
    "SAI-GOV-02",
    [],
    `the component reports evidence for every control on each deployment (output "controls"), mapped to ${spec.compliance.frameworks.join(", ")}`,
  );
  evidence.gap(
    "SAI-GOV-03",
    "deploy-time guardrails are the secure-ai policy pack: they apply when the stack runs with it (pulumi preview/up --policy-pack, a Pulumi Cloud policy group, or secure-ai check), which the component cannot switch on itself",
  );
}
