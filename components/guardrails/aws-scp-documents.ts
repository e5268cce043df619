import { SecureAiConfigError } from "../errors";
import type { ResolvedAwsGuardrails } from "./resolved";

/*
 * Pure builders of the service control policy documents. SCPs never grant: every statement here is a Deny,
 * and exceptions are expressed with conditions because SCPs take no Principal element.
 */

/** AWS counts an SCP's characters as sent; documents are sent minified. */
export const SCP_MAX_CHARACTERS = 5120;
/** At most five SCPs may be attached to a target, and FullAWSAccess (or its replacement) takes one. */
export const SCP_MAX_DOCUMENTS = 4;

/** One Deny statement of an SCP. */
export interface ScpStatement {
  Sid: string;
  Effect: "Deny";
  Action?: string[];
  NotAction?: string[];
  Resource: "*";
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** An SCP document before it is serialized. */
export interface ScpDocument {
  Version: "2012-10-17";
  Statement: ScpStatement[];
}

/** The serialized documents, with the statements each one holds. */
export interface ScpPolicy {
  /** Short purpose used in names, e.g. `guardrails-1`. */
  suffix: string;
  /** Statement IDs in the document. */
  sids: string[];
  /** Minified JSON, exactly what is sent to AWS. */
  content: string;
}

/** Actions that stop, delete or weaken the audit and detection services. */
export const SECURITY_SERVICE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ProtectCloudTrail: [
    "cloudtrail:DeleteTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
  ],
  ProtectGuardDuty: [
    "guardduty:DeleteDetector",
    "guardduty:DeleteMembers",
    "guardduty:DeletePublishingDestination",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateMembers",
    "guardduty:StopMonitoringMembers",
    "guardduty:UpdateDetector",
  ],
  ProtectSecurityHub: [
    "securityhub:BatchDisableStandards",
    "securityhub:DeleteMembers",
    "securityhub:DisableImportFindingsForProduct",
    "securityhub:DisableSecurityHub",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    "securityhub:DisassociateMembers",
  ],
  ProtectConfig: [
    "config:DeleteConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:DeleteRetentionConfiguration",
    "config:PutConfigurationRecorder",
    "config:PutDeliveryChannel",
    "config:StopConfigurationRecorder",
  ],
};

/** Actions that destroy or silently weaken KMS keys. */
export const KEY_PROTECTION_ACTIONS: readonly string[] = [
  "kms:DeleteImportedKeyMaterial",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:ScheduleKeyDeletion",
];

/**
 * Services with a single global endpoint (or whose calls report us-east-1), exempt from the region allow-list
 * so that identity, organization, DNS, CDN and billing keep working.
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = [
  "account:*",
  "acm:*",
  "aws-portal:*",
  "billing:*",
  "budgets:*",
  "ce:*",
  "cloudfront:*",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "organizations:*",
  "route53:*",
  "route53domains:*",
  "shield:*",
  "sts:*",
  "support:*",
  "trustedadvisor:*",
  "waf:*",
  "wafv2:*",
];

function exceptBreakGlass(roles: readonly string[]): ScpStatement["Condition"] {
  return { ArnNotLike: { "aws:PrincipalArn": [...roles] } };
}

/** Deny statements that keep CloudTrail, GuardDuty, Security Hub and AWS Config running. */
export function securityServiceStatements(breakGlassRoleArns: readonly string[]): ScpStatement[] {
  return Object.entries(SECURITY_SERVICE_ACTIONS).map(([sid, actions]) => ({
    Sid: sid,
    Effect: "Deny",
    Action: [...actions],
    Resource: "*",
    ...(breakGlassRoleArns.length > 0 ? { Condition: exceptBreakGlass(breakGlassRoleArns) } : {}),
  }));
}

/** Deny statement that keeps KMS keys from being deleted, disabled or left unrotated. */
export function keyProtectionStatement(breakGlassRoleArns: readonly string[]): ScpStatement {
  return {
    Sid: "ProtectKmsKeys",
    Effect: "Deny",
    Action: [...KEY_PROTECTION_ACTIONS],
    Resource: "*",
    Condition: exceptBreakGlass(breakGlassRoleArns),
  };
}

/**
 * SageMaker statements, using only condition keys that the service authorization reference lists for each
 * action (see known-ids.ts). Missing keys count: a negated operator matches an absent key, `Null: true`
 * matches it by definition, and `BoolIfExists` treats it as false.
 */
export function sageMakerStatements(): ScpStatement[] {
  return [
    {
      // Jobs and models must run in the platform's VPC, or fully network-isolated.
      Sid: "SageMakerRequireVpcOrIsolation",
      Effect: "Deny",
      Action: [
        "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateModel",
        "sagemaker:CreateProcessingJob",
        "sagemaker:CreateTrainingJob",
      ],
      Resource: "*",
      Condition: {
        Null: { "sagemaker:VpcSubnets": "true" },
        BoolIfExists: { "sagemaker:NetworkIsolation": "false" },
      },
    },
    {
      Sid: "SageMakerNotebookRequireVpc",
      Effect: "Deny",
      Action: ["sagemaker:CreateNotebookInstance"],
      Resource: "*",
      Condition: { Null: { "sagemaker:VpcSubnets": "true" } },
    },
    {
      Sid: "SageMakerNotebookNoInternet",
      Effect: "Deny",
      Action: ["sagemaker:CreateNotebookInstance"],
      Resource: "*",
      Condition: { StringNotEquals: { "sagemaker:DirectInternetAccess": "Disabled" } },
    },
    {
      Sid: "SageMakerNotebookNoRoot",
      Effect: "Deny",
      Action: ["sagemaker:CreateNotebookInstance"],
      Resource: "*",
      Condition: { StringNotEquals: { "sagemaker:RootAccess": "Disabled" } },
    },
    {
      Sid: "SageMakerDomainVpcOnly",
      Effect: "Deny",
      Action: ["sagemaker:CreateDomain"],
      Resource: "*",
      Condition: { StringNotEquals: { "sagemaker:AppNetworkAccessType": "VpcOnly" } },
    },
    {
      Sid: "SageMakerRequireVolumeKey",
      Effect: "Deny",
      Action: ["sagemaker:CreateDomain", "sagemaker:CreateNotebookInstance"],
      Resource: "*",
      Condition: { Null: { "sagemaker:VolumeKmsKey": "true" } },
    },
    {
      Sid: "SageMakerRequireOutputKey",
      Effect: "Deny",
      Action: [
        "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateProcessingJob",
        "sagemaker:CreateTrainingJob",
      ],
      Resource: "*",
      Condition: { Null: { "sagemaker:OutputKmsKey": "true" } },
    },
  ];
}

/**
 * Denies uploads that ask S3 for anything but KMS encryption. Uploads without the header take the bucket's
 * default encryption (checked by the policy pack), so clients that rely on it keep working.
 */
export function s3EncryptionStatement(): ScpStatement {
  return {
    Sid: "S3DenyNonKmsUploads",
    Effect: "Deny",
    Action: ["s3:PutObject"],
    Resource: "*",
    Condition: {
      StringNotEquals: { "s3:x-amz-server-side-encryption": ["aws:kms", "aws:kms:dsse"] },
      // Only when the header is sent: an absent key would make the negated operator match.
      Null: { "s3:x-amz-server-side-encryption": "false" },
    },
  };
}

/** Denies a member account leaving the organization (and with it, every guardrail). */
export function stayInOrganizationStatement(): ScpStatement {
  return {
    Sid: "DenyLeaveOrganization",
    Effect: "Deny",
    Action: ["organizations:LeaveOrganization"],
    Resource: "*",
  };
}

/** Denies every regional call outside the allowed regions; global services are exempt. */
export function regionStatement(allowedRegions: readonly string[]): ScpStatement {
  return {
    Sid: "DenyOtherRegions",
    Effect: "Deny",
    NotAction: [...GLOBAL_SERVICE_ACTIONS],
    Resource: "*",
    Condition: { StringNotEquals: { "aws:RequestedRegion": [...allowedRegions] } },
  };
}

/** Every statement the guardrails apply, in a stable order. */
export function guardrailStatements(spec: ResolvedAwsGuardrails): ScpStatement[] {
  return [
    ...securityServiceStatements(spec.breakGlassRoleArns),
    ...(spec.denyKeyDeletion ? [keyProtectionStatement(spec.breakGlassRoleArns)] : []),
    ...sageMakerStatements(),
    s3EncryptionStatement(),
    stayInOrganizationStatement(),
    ...(spec.allowedRegions ? [regionStatement(spec.allowedRegions)] : []),
  ];
}

/** Serializes a document the way it is sent (minified). */
export function serializeScp(statements: readonly ScpStatement[]): string {
  const document: ScpDocument = { Version: "2012-10-17", Statement: [...statements] };
  return JSON.stringify(document);
}

/**
 * Packs statements, in order, into as few documents as fit within the SCP size limit. Throws
 * SecureAiConfigError when one statement alone is too large or more documents would be needed than a target
 * can take.
 */
export function packScpDocuments(statements: readonly ScpStatement[]): ScpPolicy[] {
  const groups: ScpStatement[][] = [];
  for (const statement of statements) {
    if (serializeScp([statement]).length > SCP_MAX_CHARACTERS) {
      throw new SecureAiConfigError(
        "aws.breakGlassRoleArns",
        statement.Sid,
        `statement ${statement.Sid} alone exceeds the ${SCP_MAX_CHARACTERS}-character SCP limit; use fewer or ` +
          "wildcard break-glass role ARNs (or fewer allowed regions)",
      );
    }
    const current = groups[groups.length - 1];
    if (current && serializeScp([...current, statement]).length <= SCP_MAX_CHARACTERS)
      current.push(statement);
    else groups.push([statement]);
  }
  if (groups.length > SCP_MAX_DOCUMENTS) {
    throw new SecureAiConfigError(
      "aws.breakGlassRoleArns",
      groups.length,
      `the guardrails would need ${groups.length} SCPs; a target takes at most ${SCP_MAX_DOCUMENTS} besides ` +
        "FullAWSAccess: shorten the exception lists",
    );
  }
  return groups.map((group, index) => ({
    suffix: `guardrails-${index + 1}`,
    sids: group.map((statement) => statement.Sid),
    content: serializeScp(group),
  }));
}
