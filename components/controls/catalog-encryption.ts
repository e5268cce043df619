import type { ControlDraft } from "./types";
import { AZURE_GUARDRAIL_DEFINITIONS } from "./catalog-guardrails";

/** Encryption and key-management controls (SAI-ENC-01 … SAI-ENC-08). */
export const encryptionControls: readonly ControlDraft[] = [
  {
    id: "SAI-ENC-01",
    title:
      "Data at rest (training datasets, logs, model artifacts, endpoint volumes) is encrypted with customer-managed keys",
    seedSection: "§1 Data Protection; §3 Data at Rest; §4 Encryption",
    domain: "encryption",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.24"],
      hipaa: ["164.312(a)(2)(iv)"],
      gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"],
      nist80053: ["SC-12", "SC-13", "SC-28", "SC-28(1)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 3.5",
      "CIS Azure Foundations 3.0.0 4.12",
      "CIS Azure Foundations 3.0.0 6.1.3",
    ],
    clouds: {
      aws: {
        implementation:
          "SSE-KMS with the platform's customer-managed keys on every dataset, artifact and log bucket " +
          "(aws.s3.BucketServerSideEncryptionConfiguration: sseAlgorithm aws:kms, bucketKeyEnabled, SSE-C blocked); " +
          "kmsKeyId on the CloudTrail trail and on every CloudWatch log group; kmsKeyArn on SageMaker endpoint " +
          "configurations (ML storage volume) and data capture; kmsMasterKeyId on the findings SNS topic; " +
          "customModelKmsKeyId / kmsKeyArn on Bedrock custom models and guardrails.",
        limitation:
          "SageMaker instance types with local NVMe instance storage encrypt that storage with an on-instance " +
          "hardware module and reject a KMS key for the volume, so the endpoint volume is not under a customer-managed key.",
        limitationCondition: "a model is served on a SageMaker instance type that has local instance storage",
        guardrails: ["SageMakerRequireVolumeKey", "SageMakerRequireOutputKey", "S3DenyNonKmsUploads"],
      },
      gcp: {
        implementation:
          "Cloud KMS CMEK on every Cloud Storage bucket (gcp.storage.Bucket encryption.defaultKmsKeyName, with the " +
          "enforcement setting that refuses Google-managed encryption), on Vertex AI resources (encryptionSpec.kmsKeyName, " +
          "key in the same region), on the locked log bucket (gcp.logging.ProjectBucketConfig cmekSettings), on the " +
          "BigQuery dataset of model request-response logs (gcp.bigquery.Dataset defaultEncryptionConfiguration) and on " +
          "the findings Pub/Sub topic (kmsKeyName). Each service agent is granted roles/cloudkms.cryptoKeyEncrypterDecrypter " +
          "before the encrypted resource is created.",
        guardrails: ["gcp.restrictNonCmekServices", "gcp.restrictCmekCryptoKeyProjects"],
      },
      azure: {
        implementation:
          "Key Vault keys used through a user-assigned managed identity: Storage accounts with " +
          "encryption.keySource Microsoft.Keyvault and requireInfrastructureEncryption, AI Services / Azure OpenAI " +
          "accounts (azure-native.cognitiveservices.Account encryption), Azure ML workspaces (encryption.status Enabled), " +
          "with the identity granted Key Vault Crypto Service Encryption User before encryption is switched on.",
        limitation:
          "Log Analytics only accepts a customer-managed key on a dedicated cluster " +
          "(azure-native.operationalinsights.Cluster) with a large capacity commitment; without it, workspace data " +
          "(including Sentinel) is encrypted with Microsoft-managed keys.",
        guardrails: [
          AZURE_GUARDRAIL_DEFINITIONS.storageCustomerManagedKey,
          AZURE_GUARDRAIL_DEFINITIONS.aiServicesCustomerManagedKey,
        ],
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Point every bucket, log store, endpoint volume and model resource at a customer-managed key from the " +
      "platform's key set, grant the service identity that writes the data permission to use that key first, and " +
      "never fall back to provider-managed encryption.",
  },
  {
    id: "SAI-ENC-02",
    title: "Every customer-facing model has its own dedicated key",
    seedSection: "§3 Model Weights & Checkpoints",
    domain: "encryption",
    severity: "medium",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.24"],
      hipaa: ["164.312(a)(2)(iv)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-12", "SC-28(1)"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "One symmetric KMS key per model (aws.kms.Key, keyUsage ENCRYPT_DECRYPT, multiRegion false) with an alias " +
          "alias/<platform>/<model> (aws.kms.Alias); the model's artifacts, endpoint volume and custom-model " +
          "resources use only that key.",
      },
      gcp: {
        implementation:
          "One Cloud KMS crypto key per model (gcp.kms.CryptoKey, purpose ENCRYPT_DECRYPT) in the platform key ring, " +
          "in the same region as the model's Vertex AI resources.",
      },
      azure: {
        implementation:
          "One Key Vault key per model (azure-native.keyvault.Key) used for the model's artifact storage (a " +
          "per-model encryption scope) and for the model's serving account.",
        limitation:
          "Azure OpenAI / AI Services and Azure ML apply one customer-managed key per account or workspace, so " +
          "models that share an account also share its key.",
        limitationCondition:
          "several customer-facing models are deployed into one AI Services account or ML workspace",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Create a separate key for each customer-facing model and reference it only from that model's resources; " +
      "do not reuse a dataset or platform key for model weights.",
  },
  {
    id: "SAI-ENC-03",
    title: "Keys rotate automatically at most every 90 days",
    seedSection: "§3 Key Management",
    domain: "encryption",
    severity: "medium",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.24"],
      hipaa: ["164.312(a)(2)(iv)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-12"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 3.6",
      "CIS GCP Foundations 3.0.0 1.10",
      "CIS Azure Foundations 3.0.0 3.3.8",
    ],
    clouds: {
      aws: {
        implementation:
          "enableKeyRotation true with rotationPeriodInDays 90 on every standard KMS key (aws.kms.Key); previous key " +
          "material stays available for decryption.",
        limitation:
          "AWS KMS cannot rotate keys in a custom key store (CloudHSM or external key store) automatically; " +
          "rotation then means creating a new key and moving the alias on a schedule, which the component reports as a gap.",
        limitationCondition: "a model's key is placed in a KMS custom key store instead of standard KMS",
        guardrails: ["ProtectKmsKeys"],
      },
      gcp: {
        implementation:
          "rotationPeriod 7776000s (90 days) and a nextRotationTime on every gcp.kms.CryptoKey; this also applies to " +
          "HSM protection level keys.",
        limitation:
          "Keys with EXTERNAL or EXTERNAL_VPC protection level are rotated in the external key manager, not by " +
          "Cloud KMS's rotation schedule.",
        limitationCondition: "a key is held in an external key manager (Cloud EKM)",
        guardrails: ["custom.secureAiKmsRotationPeriod"],
      },
      azure: {
        implementation:
          "rotationPolicy on every azure-native.keyvault.Key with a rotate action 90 days after creation (P90D) and " +
          "a notify action before expiry; Storage references the key without a version so it follows new versions.",
        limitation:
          "Azure ML workspaces and Azure OpenAI accounts pin a key version: Key Vault rotates the key, but the " +
          "service keeps encrypting with the pinned version until it is updated to the new one.",
        limitationCondition:
          'a model is served by Azure ML (serving: "ml") or Azure OpenAI with a customer-managed key',
        guardrails: [AZURE_GUARDRAIL_DEFINITIONS.keyRotationWithinDays],
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Enable automatic rotation with a period of 90 days or less on every key, and let consuming services follow " +
      "the newest key version instead of pinning one.",
  },
  {
    id: "SAI-ENC-04",
    title: "High-sensitivity (financial, healthcare) workloads use HSM-backed keys",
    seedSection: "§3 Hardware-Backed Security; §4 Encryption",
    domain: "encryption",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.24"],
      hipaa: ["164.312(a)(2)(iv)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-12", "SC-12(2)", "SC-13"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "Standard AWS KMS keys, whose key material never leaves the FIPS 140-3 Level 3 validated HSMs that KMS " +
          "runs; chosen over a CloudHSM custom key store so that 90-day automatic rotation (SAI-ENC-03) keeps working.",
        limitation:
          "Standard KMS keys live in a shared HSM fleet operated by AWS. A single-tenant HSM under the customer's " +
          "control needs a CloudHSM cluster and KMS custom key store (aws.cloudhsmv2.Cluster, aws.kms.CustomKeyStore), " +
          "whose keys cannot rotate automatically and whose cluster must be initialised and connected outside Pulumi.",
        limitationCondition:
          "the workload requires a dedicated, customer-controlled HSM rather than KMS's HSMs",
      },
      gcp: {
        implementation:
          "Keys for high-sensitivity models are created with versionTemplate.protectionLevel HSM on " +
          "gcp.kms.CryptoKey (Cloud HSM: a Google-operated, multi-tenant cluster of FIPS 140-2 Level 3 certified " +
          "HSMs); they rotate like software keys.",
        limitation:
          "Single-tenant Cloud HSM (protection level HSM_SINGLE_TENANT) is not exposed by @pulumi/gcp 9.37, so the " +
          "component cannot create keys in a dedicated HSM instance.",
        limitationCondition:
          "the workload requires a dedicated (single-tenant) HSM instead of multi-tenant Cloud HSM",
      },
      azure: {
        implementation:
          "A Premium Key Vault (sku premium) holding RSA-HSM keys (kty RSA-HSM, 3072 bits) for high-sensitivity models.",
        limitation:
          "A single-tenant Managed HSM (azure-native.keyvault.ManagedHsm) must be activated by downloading its " +
          "security domain on the data plane, and azure-native has no resource for keys inside it, so it can only be " +
          "brought by the user.",
        limitationCondition:
          "the workload requires a dedicated (single-tenant) HSM instead of Key Vault Premium",
      },
    },
    checkableAtDeploy: true,
    remediation:
      'Mark financial and healthcare models as sensitivity "high" so their keys are HSM-protected; if a dedicated ' +
      "HSM is mandated, bring it and accept manual rotation where the cloud requires it.",
  },
  {
    id: "SAI-ENC-05",
    title:
      "Only service identities and break-glass admins may use or decrypt with keys (least-privilege key policies)",
    seedSection: "§3 Key Access Control",
    domain: "encryption",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1", "CC6.3"],
      iso27001: ["A.5.15", "A.8.2", "A.8.24"],
      hipaa: ["164.312(a)(1)", "164.312(a)(2)(ii)", "164.308(a)(4)(ii)(B)"],
      gdpr: ["Art. 25(2)", "Art. 32(1)(b)"],
      nist80053: ["AC-3", "AC-6", "AC-6(5)", "SC-12"],
    },
    cis: [
      "CIS GCP Foundations 3.0.0 1.9",
      "CIS GCP Foundations 3.0.0 1.11",
      "CIS Azure Foundations 3.0.0 3.3.6",
    ],
    clouds: {
      aws: {
        implementation:
          "A key policy per key (aws.kms.KeyPolicy, lockout safety check kept on) split by role: administrators " +
          "without cryptographic actions, the workload roles limited by kms:ViaService, AWS services limited by " +
          "kms:GrantIsForAWSResource, CloudTrail / CloudWatch Logs / EventBridge principals limited by encryption " +
          "context or aws:SourceArn, and a break-glass role that needs MFA.",
        guardrails: ["ProtectKmsKeys"],
      },
      gcp: {
        implementation:
          "gcp.kms.CryptoKeyIAMMember grants roles/cloudkms.cryptoKeyEncrypterDecrypter only to the service agents " +
          "and workload service accounts that need the key; break-glass admins get roles/cloudkms.admin on the key " +
          "ring, which carries no encrypt or decrypt permission.",
      },
      azure: {
        implementation:
          "Key Vault with RBAC authorization; azure-native.authorization.RoleAssignment grants Key Vault Crypto " +
          "Service Encryption User on the key to each workload's managed identity only, and Key Vault Crypto Officer " +
          "for break-glass admins is made eligible through PIM (PimRoleEligibilitySchedule) instead of standing access.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Remove human principals and wildcards from key policies and key IAM bindings; grant cryptographic use only " +
      "to the service identities that need it and keep administration separate, with break-glass access behind MFA " +
      "or just-in-time elevation.",
  },
  {
    id: "SAI-ENC-06",
    title: "Key usage is logged, and unauthorized key-access attempts raise alerts",
    seedSection: "§3 Audit & Monitoring",
    domain: "encryption",
    severity: "medium",
    frameworks: {
      soc2: ["CC7.2"],
      iso27001: ["A.8.15", "A.8.16"],
      hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
      gdpr: ["Art. 32(1)(b)"],
      nist80053: ["AU-2", "AU-6", "AU-12", "SI-4(5)"],
    },
    cis: [
      "CIS AWS Foundations 3.0.0 4.7",
      "CIS GCP Foundations 3.0.0 2.1",
      "CIS Azure Foundations 3.0.0 6.1.4",
    ],
    clouds: {
      aws: {
        implementation:
          "The CloudTrail trail records KMS Decrypt / GenerateDataKey as management events (KMS events are never " +
          "excluded); an aws.cloudwatch.LogMetricFilter on kms.amazonaws.com AccessDenied errors and on key disable or " +
          "deletion scheduling feeds an aws.cloudwatch.MetricAlarm that notifies the response SNS topic.",
      },
      gcp: {
        implementation:
          "gcp.projects.IAMAuditConfig turns on DATA_READ and DATA_WRITE audit logs for cloudkms.googleapis.com; a " +
          "gcp.logging.Metric on PERMISSION_DENIED KMS calls drives a gcp.monitoring.AlertPolicy to the response channel.",
        limitation:
          "IAMAuditConfig is authoritative per service, so the component cannot merge with a data-access audit " +
          "configuration another team manages; it must adopt theirs.",
        limitationCondition: "the project's audit configuration is owned outside the stack",
      },
      azure: {
        implementation:
          "A diagnostic setting (azure-native.monitor.DiagnosticSetting) sends the vault's AuditEvent logs to the " +
          "Log Analytics workspace; an azure-native.monitor.ScheduledQueryRule (or a Sentinel scheduled rule) alerts " +
          "on forbidden key operations through an action group.",
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Log every cryptographic operation on platform keys and alert the response team on denied key access and on " +
      "attempts to disable or delete keys.",
  },
  {
    id: "SAI-ENC-07",
    title:
      "Keys and key containers are protected from deletion (deletion window, purge protection, prevent-destroy)",
    seedSection: '§4 Outcome "data remains confidential" (derived)',
    domain: "encryption",
    severity: "high",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.8.24"],
      hipaa: ["164.312(c)(1)"],
      gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"],
      nist80053: ["SC-12", "SC-12(1)"],
    },
    cis: ["CIS Azure Foundations 3.0.0 3.3.5"],
    clouds: {
      aws: {
        implementation:
          "deletionWindowInDays 30 on every aws.kms.Key, plus retainOnDelete on the keys so that a pulumi destroy " +
          "never schedules key deletion (protect stays the user's choice through resource options).",
        guardrails: ["ProtectKmsKeys"],
      },
      gcp: {
        implementation:
          "Key rings and crypto keys cannot be deleted in Cloud KMS; the component adds deletionPolicy PREVENT, " +
          "retainOnDelete, and a destroyScheduledDuration so a destroyed key version stays recoverable for the window.",
      },
      azure: {
        implementation:
          "Key Vault with enableSoftDelete, softDeleteRetentionInDays 90 and enablePurgeProtection (irreversible), " +
          "plus retainOnDelete on the vault and its keys.",
        guardrails: [AZURE_GUARDRAIL_DEFINITIONS.keyVaultDeletionProtection],
      },
    },
    checkableAtDeploy: true,
    remediation:
      "Set the longest deletion window, turn on purge protection, and mark keys and vaults protected in Pulumi so " +
      "that losing a key can never make encrypted data unrecoverable.",
  },
  {
    id: "SAI-ENC-08",
    title:
      "Hybrid key strategy: keys held outside the cloud (on-premises HSM / external key manager) are supported for local data",
    seedSection: "§3 Hybrid Environments",
    domain: "encryption",
    severity: "low",
    frameworks: {
      soc2: ["CC6.1"],
      iso27001: ["A.5.23", "A.8.24"],
      hipaa: ["164.312(a)(2)(iv)"],
      gdpr: ["Art. 32(1)(a)"],
      nist80053: ["SC-12", "SC-12(6)"],
    },
    cis: [],
    clouds: {
      aws: {
        implementation:
          "Accepts an existing KMS external key store (XKS, aws.kms.CustomKeyStore of type EXTERNAL_KEY_STORE) and " +
          "creates the keys for data marked local in it, so the key material stays in the user's own HSM behind the " +
          "XKS proxy.",
        limitation:
          "The external key manager and XKS proxy are operated by the user; their availability gates every " +
          "decrypt, and keys in a custom key store do not rotate automatically.",
        limitationCondition: "an external key store is used",
      },
      gcp: {
        implementation:
          "Accepts a Cloud EKM connection and creates keys with protectionLevel EXTERNAL or EXTERNAL_VPC " +
          "(gcp.kms.CryptoKey) for data marked local, the key material remaining in the partner or on-premises key manager.",
        limitation:
          "Not every CMEK-capable service (including parts of Vertex AI) accepts Cloud EKM keys; such resources " +
          "fall back to a Cloud KMS key.",
        limitationCondition: "a resource type without Cloud EKM support holds data marked local",
      },
      azure: {
        implementation:
          "Supports bring-your-own-key: key material generated in an on-premises HSM is imported into Key Vault " +
          "Premium or a Managed HSM, and services use it from there.",
        limitation:
          "Azure Storage, Azure OpenAI and Azure ML only use keys held in Key Vault or Managed HSM; a key that " +
          "never leaves an on-premises HSM (hold-your-own-key) is not possible for these services, and the BYOK import " +
          "is a data-plane step outside Pulumi.",
      },
    },
    checkableAtDeploy: false,
    notCheckableReason:
      "It is a supported option, not a required setting: which data must be keyed outside the cloud is a business " +
      "decision that resource inputs do not reveal, so a policy has nothing to test.",
    remediation:
      "For data that must stay under on-premises key custody, register the external key store or EKM connection " +
      "and mark those datasets local; keep cloud CMEK for distributed training and inference.",
  },
];
