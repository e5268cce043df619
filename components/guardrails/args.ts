/**
 * Public arguments of SecureAiGuardrails: the organisation-level preventive layer. Like SecureAiPlatform's
 * arguments, choices are plain `string`s checked at run time (no unions), so the component's schema stays
 * usable from other Pulumi languages, and every optional field documents its secure default.
 */

/** A dedicated AWS account for one environment (for example production). */
export interface GuardrailsAwsAccountArgs {
  /** Environment name: lowercase letters, digits and hyphens, starting with a letter, at most 24 characters. */
  name: string;
  /** Email address of the account's root user; unique across AWS. */
  email: string;
  /**
   * OU or root the account is placed in (`ou-...` or `r-...`).
   * @default the organization's root
   */
  parentId?: string;
}

/** AWS settings: service control policies. Required when `cloud` is `"aws"`. */
export interface AwsGuardrailsArgs {
  /**
   * Where the service control policies are attached: organizational unit IDs (`ou-xxxx-xxxxxxxx`), the root
   * (`r-xxxx`) or 12-digit account IDs. At least one.
   */
  targetIds: string[];
  /**
   * IAM role ARNs (wildcards allowed, e.g. `arn:aws:iam::*:role/BreakGlass`) that may still schedule KMS key
   * deletion, disable keys and change CloudTrail, GuardDuty, Security Hub and AWS Config. Required, and not
   * empty, while `denyKeyDeletion` is true: someone must be able to act in an emergency.
   * @default [] (only allowed when denyKeyDeletion is false)
   */
  breakGlassRoleArns?: string[];
  /**
   * Deny scheduling deletion of, disabling, or turning off rotation of KMS keys to every principal but the
   * break-glass roles.
   * @default true
   */
  denyKeyDeletion?: boolean;
  /**
   * Regions the target accounts may use (e.g. `["eu-west-1", "eu-central-1"]`); requests to other regions are
   * denied, except for global services (IAM, Organizations, STS, CloudFront, Route 53, ...).
   * @default undefined (no region restriction)
   */
  allowedRegions?: string[];
  /**
   * Dedicated member accounts to create, one per environment (`aws.organizations.Account`). Run this from the
   * organization's management account.
   * @default [] (no account is created)
   */
  environmentAccounts?: GuardrailsAwsAccountArgs[];
}

/** GCP settings: organization policies. Required when `cloud` is `"gcp"`. */
export interface GcpGuardrailsArgs {
  /** Where the policies are set: `"organizations/123456789"` or `"folders/123456789"`. */
  parent: string;
  /**
   * The organization that holds the custom KMS rotation constraint (`"organizations/123456789"`); custom
   * constraints can only be defined on an organization.
   * @default parent, when parent is an organization (required when parent is a folder)
   */
  organization?: string;
  /** Project IDs whose Cloud KMS keys may protect resources (`gcp.restrictCmekCryptoKeyProjects`). At least one. */
  cmekProjects: string[];
  /**
   * Services that must use CMEK (`gcp.restrictNonCmekServices`), as `<service>.googleapis.com`.
   * @default aiplatform, bigquery, logging, notebooks, pubsub, secretmanager and storage
   */
  cmekServices?: string[];
  /**
   * Allowed TLS cipher suites for Google APIs (`gcp.restrictTLSCipherSuites`): a value group (`in:...`) or
   * cipher suite names as Google spells them. List only TLS 1.3 suites to refuse TLS 1.2.
   * @default ["in:NIST-800-52-recommended-ciphers"]
   */
  tlsCiphers?: string[];
}

/** Azure settings: built-in policy assignments. Required when `cloud` is `"azure"`. */
export interface AzureGuardrailsArgs {
  /**
   * Where the policies are assigned: a management group (`/providers/Microsoft.Management/managementGroups/<id>`)
   * or a subscription (`/subscriptions/<guid>`).
   */
  scope: string;
  /**
   * `"Deny"` or `"Audit"`. Definitions that offer no Deny effect are always assigned with Audit (reported).
   * @default "Deny"
   */
  effect?: string;
  /**
   * Days after creation within which a Key Vault key's rotation must be scheduled (1 to 90).
   * @default 90
   */
  keyRotationDays?: number;
}

/** Arguments of SecureAiGuardrails. */
export interface SecureAiGuardrailsArgs {
  /** `"aws"`, `"gcp"` or `"azure"`. */
  cloud: string;
  /** AWS settings; required when cloud is "aws". */
  aws?: AwsGuardrailsArgs;
  /** GCP settings; required when cloud is "gcp". */
  gcp?: GcpGuardrailsArgs;
  /** Azure settings; required when cloud is "azure". */
  azure?: AzureGuardrailsArgs;
  /**
   * Tags for the resources that take them (SCPs, accounts).
   * @default {}
   */
  tags?: Record<string, string>;
}
