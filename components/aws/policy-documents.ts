/*
 * Pure builders of IAM, key, bucket and topic policy documents. Values may be Inputs; `policyJson` resolves
 * them and serialises the document once. Nothing here registers a resource.
 */
import * as pulumi from "@pulumi/pulumi";

/** One IAM policy statement; values may be Inputs. */
export interface Statement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: pulumi.Input<unknown>;
  Action: string | string[];
  Resource?: pulumi.Input<string> | pulumi.Input<string>[];
  Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

/** A document from statements, dropping the ones that were not needed. */
export function policyDocument(statements: readonly (Statement | undefined)[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements.filter((s): s is Statement => s !== undefined) };
}

/** Resolves every Input in a document and serialises it as JSON. */
export function policyJson(document: PolicyDocument): pulumi.Output<string> {
  return pulumi.jsonStringify(pulumi.output(document));
}

/** KMS actions that administer a key but never use it: no Encrypt, Decrypt, GenerateDataKey, ReEncrypt or CreateGrant. */
export const KEY_ADMIN_ACTIONS = [
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:UpdateAlias",
  "kms:DescribeKey",
  "kms:EnableKey",
  "kms:DisableKey",
  "kms:EnableKeyRotation",
  "kms:DisableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:PutKeyPolicy",
  "kms:UpdateKeyDescription",
  "kms:ListAliases",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:ListResourceTags",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
];

/** KMS actions a workload needs to use a key for its data. */
export const KEY_USE_ACTIONS = [
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:GenerateDataKey*",
  "kms:ReEncrypt*",
  "kms:DescribeKey",
];

/** KMS actions a principal needs to read and write SSE-KMS objects (multipart uploads need Decrypt). */
export const KEY_S3_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"];

function aws(principals: readonly pulumi.Input<string>[]): { AWS: pulumi.Input<string>[] } {
  return { AWS: [...principals] };
}

/** Key administration (deployer and break-glass principals): manage the key, never use it. */
export function keyAdministration(administrators: readonly pulumi.Input<string>[]): Statement {
  return {
    Sid: "KeyAdministrationWithoutUse",
    Effect: "Allow",
    Principal: aws(administrators),
    Action: KEY_ADMIN_ACTIONS,
    Resource: "*",
  };
}

/** Direct use of the key by workload roles. */
export function keyUse(principals: readonly pulumi.Input<string>[]): Statement | undefined {
  if (principals.length === 0) return undefined;
  return {
    Sid: "WorkloadKeyUse",
    Effect: "Allow",
    Principal: aws(principals),
    Action: KEY_USE_ACTIONS,
    Resource: "*",
  };
}

/** Use of the key only through one AWS service (`kms:ViaService`), optionally bound to an encryption context. */
export function keyUseViaService(
  sid: string,
  principals: readonly pulumi.Input<string>[],
  actions: string[],
  viaService: pulumi.Input<string>,
  encryptionContext?: { key: string; pattern: pulumi.Input<string> },
): Statement | undefined {
  if (principals.length === 0) return undefined;
  const condition: NonNullable<Statement["Condition"]> = { StringEquals: { "kms:ViaService": viaService } };
  if (encryptionContext) {
    condition.StringLike = { [`kms:EncryptionContext:${encryptionContext.key}`]: encryptionContext.pattern };
  }
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: aws(principals),
    Action: actions,
    Resource: "*",
    Condition: condition,
  };
}

/** Grants an AWS service creates on the caller's behalf (SageMaker endpoint volumes, Bedrock guardrails). */
export function keyGrantsForService(
  sid: string,
  principals: readonly pulumi.Input<string>[],
  viaService: pulumi.Input<string>,
): Statement | undefined {
  if (principals.length === 0) return undefined;
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: aws(principals),
    Action: ["kms:CreateGrant", "kms:DescribeKey"],
    Resource: "*",
    Condition: {
      StringEquals: { "kms:ViaService": viaService },
      Bool: { "kms:GrantIsForAWSResource": "true" },
    },
  };
}

/** CloudTrail may encrypt log files for exactly one trail (source ARN and encryption context). */
export function cloudTrailKeyUse(
  trailArn: pulumi.Input<string>,
  accountTrailsArn: pulumi.Input<string>,
): Statement[] {
  return [
    {
      Sid: "CloudTrailEncryptLogs",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringEquals: { "aws:SourceArn": trailArn },
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": accountTrailsArn },
      },
    },
    {
      Sid: "CloudTrailDescribeKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
  ];
}

/** CloudWatch Logs may use the key only for the platform's log groups (encryption context). */
export function logsKeyUse(
  logsPrincipal: pulumi.Input<string>,
  logGroupArnPattern: pulumi.Input<string>,
): Statement {
  return {
    Sid: "CloudWatchLogsEncryptPlatformLogGroups",
    Effect: "Allow",
    Principal: { Service: logsPrincipal },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArnPattern } },
  };
}

/**
 * EventBridge (findings) and CloudWatch (alarms) publish to the encrypted findings topic; SNS asks KMS on their
 * behalf with the topic's ARN as encryption context, which scopes the grant to that one topic.
 */
export function topicPublishersKeyUse(topicArn: pulumi.Input<string>): Statement {
  return {
    Sid: "FindingsTopicPublishers",
    Effect: "Allow",
    Principal: { Service: ["events.amazonaws.com", "cloudwatch.amazonaws.com"] },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: "*",
    Condition: { StringEquals: { "kms:EncryptionContext:aws:sns:topicArn": topicArn } },
  };
}

/**
 * Transport rules every bucket carries: HTTPS only, TLS 1.2 or newer, and no SSE-C uploads.
 *
 * Why 1.2 and not 1.3: S3 over PrivateLink (interface endpoints) and Multi-Region Access Points do not offer
 * TLS 1.3, and AWS does not document which TLS version its own services (CloudTrail, SageMaker, ELB) use when
 * they read or write a bucket; a 1.3-only deny could silently stop audit-log delivery. 1.2 is the strongest
 * minimum that is safe for every path to these buckets, and the evidence reports the gap.
 */
export function bucketTransportStatements(bucketArn: pulumi.Input<string>): Statement[] {
  const resources = [bucketArn, pulumi.interpolate`${bucketArn}/*`];
  return [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyTlsOlderThan12",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: resources,
      Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
    },
    {
      Sid: "DenyCustomerProvidedKeys",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:PutObject",
      Resource: pulumi.interpolate`${bucketArn}/*`,
      Condition: { Null: { "s3:x-amz-server-side-encryption-customer-algorithm": "false" } },
    },
  ];
}

/** CloudTrail may check the audit bucket's ACL and write log files for exactly one trail. */
export function cloudTrailBucketStatements(
  bucketArn: pulumi.Input<string>,
  accountId: pulumi.Input<string>,
  trailArn: pulumi.Input<string>,
): Statement[] {
  const principal = { Service: "cloudtrail.amazonaws.com" };
  return [
    {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: principal,
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: principal,
      Action: "s3:PutObject",
      Resource: pulumi.interpolate`${bucketArn}/AWSLogs/${accountId}/*`,
      Condition: { StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
  ];
}

/** Trust policy for a role an AWS service assumes, limited to the platform's account. */
export function serviceTrust(
  services: string[],
  accountId: pulumi.Input<string>,
  sourceArnPattern?: pulumi.Input<string>,
): PolicyDocument {
  const condition: NonNullable<Statement["Condition"]> = { StringEquals: { "aws:SourceAccount": accountId } };
  if (sourceArnPattern) condition.ArnLike = { "aws:SourceArn": sourceArnPattern };
  return policyDocument([
    {
      Sid: "ServiceAssumesRole",
      Effect: "Allow",
      Principal: { Service: services },
      Action: "sts:AssumeRole",
      Condition: condition,
    },
  ]);
}

/** Trust policy for a role humans assume; MFA is required unless the control is waived. */
export function humanTrust(principals: readonly string[], requireMfa: boolean): PolicyDocument {
  return policyDocument([
    {
      Sid: "HumansAssumeRole",
      Effect: "Allow",
      Principal: aws(principals),
      Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
      ...(requireMfa ? { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } : {}),
    },
  ]);
}

/** Trust policy for a workload outside AWS that presents an OIDC token with one exact subject. */
export function webIdentityTrust(
  providerArn: pulumi.Input<string>,
  issuerHost: string,
  subject: string,
): PolicyDocument {
  return policyDocument([
    {
      Sid: "FederatedWorkloadAssumesRole",
      Effect: "Allow",
      Principal: { Federated: providerArn },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { [`${issuerHost}:sub`]: subject, [`${issuerHost}:aud`]: "sts.amazonaws.com" },
      },
    },
  ]);
}
