/*
 * The identifiers of SecureAiGuardrails' organisation-level guardrails, as the catalog names them in
 * `CloudImplementation.guardrails` (see types.ts for which identifier each cloud uses). Every guardrail
 * serves SAI-IAM-05 (no single credential weakens production from outside Pulumi) and SAI-GOV-03
 * (preventive policy as code), so those two controls list all of them; the other controls list the few
 * that enforce them. tests/guardrails/ checks these lists against what the builders create.
 */

/** The Azure built-in policy definitions SecureAiGuardrails assigns, by GUID (named for readability). */
export const AZURE_GUARDRAIL_DEFINITIONS = {
  keyVaultPublicNetwork: "405c5871-3e91-4644-8a63-58e19d68ff5b",
  keyVaultDeletionProtection: "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
  keyRotationWithinDays: "d8cf8476-a2ec-4916-896e-992351803c44",
  storagePublicNetwork: "b2982f36-99f2-4db5-8eff-283140c09693",
  storageCustomerManagedKey: "6fac406b-40ca-413b-bf8e-0bf964659c25",
  aiServicesPublicNetwork: "0725b4dd-7e76-479c-a735-68e7ee23d5ca",
  aiServicesLocalAuth: "71ef260a-8f18-47b7-abcb-62d0673d94dc",
  aiServicesCustomerManagedKey: "67121cc7-ff39-4ab8-b7e3-95b84dab487d",
} as const;

/** Every guardrail of SecureAiGuardrails, per cloud, in the order the builders create them. */
export const ORGANISATION_GUARDRAILS: Readonly<Record<"aws" | "gcp" | "azure", readonly string[]>> = {
  aws: [
    "ProtectCloudTrail",
    "ProtectGuardDuty",
    "ProtectSecurityHub",
    "ProtectConfig",
    "ProtectKmsKeys",
    "SageMakerRequireVpcOrIsolation",
    "SageMakerNotebookRequireVpc",
    "SageMakerNotebookNoInternet",
    "SageMakerNotebookNoRoot",
    "SageMakerDomainVpcOnly",
    "SageMakerRequireVolumeKey",
    "SageMakerRequireOutputKey",
    "S3DenyNonKmsUploads",
    "DenyLeaveOrganization",
    "DenyOtherRegions",
  ],
  gcp: [
    "gcp.restrictNonCmekServices",
    "gcp.restrictCmekCryptoKeyProjects",
    "gcp.restrictTLSVersion",
    "gcp.restrictTLSCipherSuites",
    "iam.disableServiceAccountKeyCreation",
    "compute.vmExternalIpAccess",
    "ainotebooks.restrictPublicIp",
    "storage.publicAccessPrevention",
    "custom.secureAiKmsRotationPeriod",
  ],
  azure: Object.values(AZURE_GUARDRAIL_DEFINITIONS),
};
