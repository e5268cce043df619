import type { AwsContext } from "./context";
import type { AwsDetection } from "./detection";
import type { AccessGrants, AwsIdentities } from "./identity";

/** Records the identity and governance controls (SAI-IAM-01..05, SAI-GOV-02, SAI-GOV-03). */
export function recordIdentityAndGovernanceEvidence(
  ctx: AwsContext,
  identities: AwsIdentities,
  grants: AccessGrants,
  detection: AwsDetection,
): void {
  const { evidence, spec } = ctx;
  evidence.implemented(
    "SAI-IAM-01",
    [
      ...identities.modelRoles.values(),
      ...identities.federatedRoles.map((f) => f.role),
      ...grants.workloadPolicies,
    ],
    "one role per model and per federated workload, each limited to its own key, artifacts prefix or guardrail",
  );
  if (identities.dataScientistRole) {
    evidence.implemented(
      "SAI-IAM-02",
      [identities.dataScientistRole, grants.dataScientistPolicy],
      "get/list on the datasets bucket, writes denied, decrypt only through S3",
    );
  } else {
    evidence.notApplicable(
      "SAI-IAM-02",
      "no data scientists configured (identity.dataScientists): nobody has human access to datasets",
    );
  }
  evidence.implemented(
    "SAI-IAM-03",
    [
      ...identities.modelRoles.values(),
      ...identities.oidcProviders,
      ...identities.federatedRoles.map((f) => f.role),
    ],
    "workloads assume IAM roles (temporary credentials); external workloads federate through OIDC with an exact subject; no access keys are created",
  );
  const humanRoles = [identities.dataScientistRole, identities.adminRole].filter((r) => r !== undefined);
  if (humanRoles.length === 0) {
    evidence.notApplicable(
      "SAI-IAM-04",
      "no human roles configured (identity.dataScientists and identity.admins are empty)",
    );
  } else if (spec.identity.requireMfa) {
    evidence.implemented(
      "SAI-IAM-04",
      humanRoles,
      "human roles can only be assumed with MFA (aws:MultiFactorAuthPresent)",
    );
  } else {
    evidence.gap("SAI-IAM-04", "human roles do not require MFA (identity.requireMfa false)", humanRoles);
  }
  evidence.gap(
    "SAI-IAM-05",
    "a dedicated production account is decided at the organisation level (AWS Organizations, SCPs), outside a platform component; deploy into a dedicated account (organisation guardrails: see SecureAiGuardrails)",
  );
  evidence.implemented(
    "SAI-GOV-02",
    [...detection.standards],
    detection.standards.length > 0
      ? "per-control evidence in the controls output; Security Hub standards assess the account continuously"
      : "per-control evidence in the controls output",
  );
  evidence.gap(
    "SAI-GOV-03",
    "deploy-time guardrails are the secure-ai policy pack: they apply when the stack runs with it (pulumi preview/up --policy-pack policy-packs/secure-ai, a Pulumi Cloud policy group, or secure-ai check), which the component cannot switch on itself",
  );
}
