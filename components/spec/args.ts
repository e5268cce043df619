/**
 * The cloud-neutral description of a secure AI platform: the public arguments of SecureAiPlatform.
 *
 * Choice fields are plain `string`s (checked at run time) rather than unions, so that the component's
 * schema stays consumable from Python, Go, .NET and YAML. Every optional field has the secure default
 * named in its `@default`.
 */

export type { DatasetArgs, ModelArgs } from "./args-workloads";
import type { DatasetArgs, ModelArgs } from "./args-workloads";

/** AWS settings. Required when `cloud` is `"aws"`. */
export interface AwsPlatformArgs {
  /** Region the platform lives in, e.g. `"eu-west-1"`. */
  region: string;
  /**
   * ID of an existing CloudHSM-backed KMS custom key store for high-sensitivity keys. Such keys cannot rotate
   * automatically, which is reported as a gap; without it, high-sensitivity keys are standard KMS keys,
   * which live in FIPS 140-3 level 3 HSMs and rotate.
   * @default undefined (standard KMS keys)
   */
  customKeyStoreId?: string;
}

/** GCP settings. Required when `cloud` is `"gcp"`. */
export interface GcpPlatformArgs {
  /** Project ID that hosts the platform. */
  project: string;
  /** Region the platform lives in, e.g. `"europe-west4"`. */
  region: string;
}

/** Azure settings. Required when `cloud` is `"azure"`. */
export interface AzurePlatformArgs {
  /** Location the platform lives in, e.g. `"westeurope"`. */
  location: string;
  /** Microsoft Entra tenant ID (a GUID). */
  tenantId: string;
  /**
   * Name of an existing resource group to deploy into.
   * @default a new resource group named after the platform
   */
  resourceGroupName?: string;
}

/** Keys: customer-managed, rotating, least-privilege. */
export interface EncryptionArgs {
  /**
   * Automatic key rotation period in days, 1 to 90.
   * @default 90
   */
  rotationDays?: number;
  /**
   * Which keys are HSM-backed: `"high-sensitivity"` (keys of high-sensitivity models and of any data class
   * they use) or `"all"`.
   * @default "high-sensitivity"
   */
  hsm?: string;
  /**
   * Break-glass administrators: principals (ARNs, emails or object IDs of the chosen cloud) who may
   * administer keys but not use them for routine decryption.
   * @default [] (no human key administrators; keys are administered by the deploying identity)
   */
  breakGlassPrincipals?: string[];
  /**
   * Hybrid key strategy: a key held outside the cloud's KMS, used for data classified as local. AWS: an
   * external key store and the key's ID in it, `"<cks-id>/<external key id>"`; GCP: a Cloud EKM connection
   * `projects/<p>/locations/<region>/ekmConnections/<name>`; Azure: a Managed HSM URI (bring your own).
   * @default undefined (all keys held by the cloud's KMS)
   */
  externalKeyStore?: string;
}

/** Mutual TLS on the public ingress. */
export interface MutualTlsArgs {
  /**
   * Require client certificates on the public ingress.
   * @default false
   */
  enabled?: boolean;
  /**
   * PEM bundle of the certificate authorities that sign client certificates. Required when `enabled`.
   * @default undefined
   */
  caBundle?: string;
}

/** Data in transit. */
export interface TransportArgs {
  /**
   * Minimum TLS version on every ingress the platform owns: `"1.3"` or `"1.2"`. `"1.2"` weakens SAI-TLS-01
   * and needs a waiver for it.
   * @default "1.3"
   */
  minimumTlsVersion?: string;
  /**
   * Optional mutual TLS on the public ingress (SAI-TLS-03).
   * @default { enabled: false }
   */
  mutualTls?: MutualTlsArgs;
}

/** An existing network to deploy into instead of a new one. */
export interface ExistingNetworkArgs {
  /** VPC ID, VPC network self link, or VNet resource ID. */
  networkId: string;
  /** Private subnet IDs (self links or resource IDs) for workloads and private endpoints, at least one. */
  subnetIds: string[];
}

/** Network isolation. */
export interface NetworkArgs {
  /**
   * Address range of the platform's network, an RFC 1918 IPv4 CIDR block from /16 to /24.
   * @default "10.40.0.0/16"
   */
  cidr?: string;
  /**
   * Number of zones the private subnets span, 1 to 3.
   * @default 2
   */
  zoneCount?: number;
  /**
   * Bring your own network: the platform creates no network and places its endpoints in these subnets.
   * @default undefined (a new private network)
   */
  existing?: ExistingNetworkArgs;
}

/** Who may do what. */
export interface IdentityArgs {
  /**
   * Principals of data scientists, granted read-only access to datasets (AWS ARNs that may assume the
   * read-only role, GCP `user:`/`group:` members, Entra object IDs).
   * @default []
   */
  dataScientists?: string[];
  /**
   * Principals of platform administrators (MFA required for AWS roles they assume).
   * @default []
   */
  admins?: string[];
  /**
   * Require MFA on every role a human assumes.
   * @default true
   */
  requireMfa?: boolean;
  /**
   * External workloads federated through workload identity (OIDC issuer URL plus subject), e.g. CI runners.
   * @default []
   */
  federatedWorkloads?: FederatedWorkloadArgs[];
}

/** A workload outside the cloud that authenticates by federation instead of long-lived keys. */
export interface FederatedWorkloadArgs {
  /** Name of the workload, used in the identity's name. */
  name: string;
  /** OIDC issuer URL, `https://...`. */
  issuer: string;
  /** Subject claim the federated token must carry. */
  subject: string;
}

/** Audit logging and SIEM export. */
export interface LoggingArgs {
  /**
   * Days operational and audit log groups keep their entries (1 to 3653).
   * @default 365
   */
  retentionDays?: number;
  /**
   * Days audit-log objects are locked against deletion (1 to 3650).
   * @default 365
   */
  auditLockDays?: number;
  /**
   * Where audit logs are shipped: `"native"` (Chronicle on GCP, Sentinel on Azure, a Security Lake-ready
   * export on AWS), `"export"` (to `siemDestination`) or `"none"`, which leaves SAI-LOG-03 as a gap.
   * @default "native"
   */
  siem?: string;
  /**
   * Destination for `siem: "export"`: an ARN, a Pub/Sub topic, or an Event Hub resource ID.
   * @default undefined
   */
  siemDestination?: string;
}

/**
 * Per-account (per-project, per-subscription) singletons: `"create"`, `"adopt"` or `"skip"`. `create` is the
 * default; set `adopt` where the account's security team already runs the singleton (docs/deploying.md says,
 * per singleton, what `create` does when one exists).
 */
export interface SingletonArgs {
  /**
   * Managed threat detection (GuardDuty detector; Defender for Cloud plans; the SCC findings notification config
   * on GCP, where SCC itself is activated in the console). On AWS, `create` first looks up the region's
   * detector: if someone else's exists (GuardDuty allows one per account and Region), the preview fails with an
   * error naming this argument, and `"adopt"` relies on that detector instead. On GCP, `create` needs SCC
   * activated; on Azure it sets the plans to Standard over whatever the subscription had.
   * @default "create"
   */
  threatDetection?: string;
  /**
   * Posture management (Security Hub with standards; Defender CSPM; SCC on GCP cannot be switched on by code).
   * Security Hub rejects a second enablement: set `"adopt"` where it is already on in the region.
   * @default "create"
   */
  postureManagement?: string;
  /**
   * Model invocation logging (Bedrock account setting; Vertex AI and Azure log through resource diagnostics).
   * The Bedrock setting is one per account and region: `create` replaces any existing configuration.
   * @default "create"
   */
  modelInvocationLogging?: string;
  /**
   * SIEM onboarding (Sentinel on the workspace; Chronicle feed; none on AWS).
   * @default "create"
   */
  siemOnboarding?: string;
  /**
   * Data-access audit configuration of the project or subscription (GCP audit configs, Azure subscription
   * activity-log diagnostic setting). AWS CloudTrail is per platform and not a singleton. GCP audit configs are
   * authoritative per service: `create` replaces the project's existing ones for the audited services.
   * @default "create"
   */
  auditConfig?: string;
}

/** Detection and incident response. */
export interface DetectionArgs {
  /**
   * Lowest finding severity routed to responders: `"low"`, `"medium"`, `"high"` or `"critical"`.
   * @default "medium"
   */
  severityThreshold?: string;
  /**
   * Email addresses of the incident response team.
   * @default []
   */
  notificationEmails?: string[];
  /**
   * HTTPS webhook URLs (ticketing, chat) that receive findings.
   * @default []
   */
  notificationWebhooks?: string[];
  /**
   * How each account-level singleton is handled.
   * @default every singleton "create"
   */
  singletons?: SingletonArgs;
}

/** The optional public API in front of the models (for example a chatbot). */
export interface PublicApiArgs {
  /**
   * Expose a public HTTPS API in front of the model endpoints.
   * @default false
   */
  enabled?: boolean;
  /**
   * Put the public API behind a WAF with managed rules and DDoS protection. Turning it off needs a waiver
   * for SAI-NET-05.
   * @default true
   */
  waf?: boolean;
  /**
   * Requests per client IP per five minutes before the WAF blocks (100 to 2,000,000).
   * @default 2000
   */
  rateLimit?: number;
  /**
   * Certificate for the API's domain: ACM certificate ARN, GCP certificate self link, or Key Vault secret ID.
   * @default undefined (the backend's own certificate handling; see its documentation)
   */
  certificate?: string;
  /**
   * Azure only: ARM resource ID of the Key Vault that holds `certificate`
   * (`/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`). The gateway's
   * identity is granted Key Vault Secrets User on the certificate before the gateway is created. Required on
   * Azure when the public API is on.
   * @default undefined
   */
  certificateVaultId?: string;
  /**
   * DNS name the API is served on.
   * @default undefined
   */
  domainName?: string;
}

/** Compliance reporting. */
export interface ComplianceArgs {
  /**
   * Frameworks the evidence reports on: any of the compliance frameworks `"soc2"`, `"iso27001"`, `"hipaa"`,
   * `"gdpr"`, `"nist80053"` and the generative-AI frameworks `"saif"`, `"scopingMatrix"`, `"owaspLlm"`,
   * `"nistAi600"`, `"iso42001"`, `"mitreAtlas"` (every control carries its clauses of all of them).
   * @default the five compliance frameworks
   */
  frameworks?: string[];
}

/** A reasoned, time-boxed exception to one control. */
export interface WaiverArgs {
  /** The control ID waived, e.g. `"SAI-NET-05"`. */
  control: string;
  /** Why the control is weakened; shown in the evidence and the report. At least 10 characters. */
  reason: string;
  /**
   * ISO date (`YYYY-MM-DD`) after which the waiver no longer applies; it must lie in the future.
   * @default undefined (no expiry)
   */
  expires?: string;
}

/** Arguments of SecureAiPlatform. Only `cloud`, `models` and the chosen cloud's block are required. */
export interface SecureAiPlatformArgs {
  /** `"aws"`, `"gcp"` or `"azure"`. */
  cloud: string;
  /** Models the platform serves, at least one. */
  models: ModelArgs[];
  /**
   * Datasets the platform stores.
   * @default []
   */
  datasets?: DatasetArgs[];
  /** AWS settings; required when `cloud` is `"aws"`. */
  aws?: AwsPlatformArgs;
  /** GCP settings; required when `cloud` is `"gcp"`. */
  gcp?: GcpPlatformArgs;
  /** Azure settings; required when `cloud` is `"azure"`. */
  azure?: AzurePlatformArgs;
  /**
   * Keys.
   * @default { rotationDays: 90, hsm: "high-sensitivity", breakGlassPrincipals: [] }
   */
  encryption?: EncryptionArgs;
  /**
   * Data in transit.
   * @default { minimumTlsVersion: "1.3", mutualTls: { enabled: false } }
   */
  transport?: TransportArgs;
  /**
   * Network isolation.
   * @default { cidr: "10.40.0.0/16", zoneCount: 2 }
   */
  network?: NetworkArgs;
  /**
   * Identities and access.
   * @default { dataScientists: [], admins: [], requireMfa: true, federatedWorkloads: [] }
   */
  identity?: IdentityArgs;
  /**
   * Audit logging.
   * @default { retentionDays: 365, auditLockDays: 365, siem: "native" }
   */
  logging?: LoggingArgs;
  /**
   * Detection and incident response.
   * @default { severityThreshold: "medium", every singleton "create" }
   */
  detection?: DetectionArgs;
  /**
   * Optional public API.
   * @default { enabled: false }
   */
  publicApi?: PublicApiArgs;
  /**
   * Compliance reporting.
   * @default { frameworks: ["soc2", "iso27001", "hipaa", "gdpr", "nist80053"] }
   */
  compliance?: ComplianceArgs;
  /**
   * Reasoned exceptions to controls.
   * @default []
   */
  waivers?: WaiverArgs[];
  /**
   * Tags (labels on GCP) added to every resource that takes them. Keys and values follow the strictest
   * cloud's rules: lowercase letters, digits, `_` and `-`, keys at most 63 characters.
   * @default {}
   */
  tags?: Record<string, string>;
}
