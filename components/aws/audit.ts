import * as pulumi from "@pulumi/pulumi";
import * as cloudtrail from "@pulumi/aws/cloudtrail";
import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as iam from "@pulumi/aws/iam";
import { type AwsContext, regionalArn } from "./context";
import { AWS_DEFAULTS } from "./defaults";
import type { AwsKeys } from "./keys";
import { createLogGroup } from "./log-groups";
import { ALARM_PURPOSES } from "./response";
import { alarmName, childName, trailName } from "./naming";
import { policyDocument, policyJson, serviceTrust } from "./policy-documents";
import type { AwsStorage } from "./storage";

/** CloudWatch Logs filter patterns for the security alarms (CloudTrail JSON events). */
export const ALARM_PATTERNS: Readonly<Record<(typeof ALARM_PURPOSES)[number], string>> = {
  "unauthorized-kms-access":
    '{ ($.eventSource = "kms.amazonaws.com") && (($.errorCode = "AccessDenied*") || ($.errorCode = "*UnauthorizedOperation")) }',
  "kms-key-disable-or-deletion":
    '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion") || ($.eventName = "PutKeyPolicy") || ($.eventName = "DisableKeyRotation")) }',
  "cloudtrail-changes":
    '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") || ($.eventName = "DeleteTrail") || ($.eventName = "StartLogging") || ($.eventName = "StopLogging") || ($.eventName = "PutEventSelectors") }',
  "root-account-use":
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  "unauthorized-api-calls": '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  "security-group-changes":
    '{ ($.eventName = "AuthorizeSecurityGroupIngress") || ($.eventName = "AuthorizeSecurityGroupEgress") || ($.eventName = "RevokeSecurityGroupIngress") || ($.eventName = "RevokeSecurityGroupEgress") || ($.eventName = "CreateSecurityGroup") || ($.eventName = "DeleteSecurityGroup") || ($.eventName = "ModifySecurityGroupRules") }',
};

/** The audit trail and what watches it. */
export interface AwsAudit {
  trail: cloudtrail.Trail;
  logGroup: cloudwatch.LogGroup;
  deliveryRole: iam.Role;
  metricFilters: cloudwatch.LogMetricFilter[];
  alarms: cloudwatch.MetricAlarm[];
  siemExport?: cloudwatch.LogSubscriptionFilter;
}

/** Data-event selectors: objects of the dataset and artifact buckets, SageMaker endpoint invocations, Bedrock guardrails. */
export function advancedEventSelectors(
  bucketArns: pulumi.Input<string>[],
): cloudtrail.TrailArgs["advancedEventSelectors"] {
  return [
    { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    {
      name: "Dataset and artifact objects",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", startsWiths: bucketArns.map((arn) => pulumi.interpolate`${arn}/`) },
      ],
    },
    {
      name: "SageMaker endpoint invocations",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::SageMaker::Endpoint"] },
      ],
    },
    {
      name: "Bedrock guardrail evaluations",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::Bedrock::Guardrail"] },
      ],
    },
  ];
}

/**
 * A multi-region CloudTrail trail with log file validation under the logs key, into the object-locked audit
 * bucket and a KMS-encrypted log group; metric filters and alarms on it, sent to the findings topic; and, with
 * `logging.siem: "export"`, a subscription filter shipping the trail's events to the SIEM destination.
 */
export function createAudit(
  ctx: AwsContext,
  keys: AwsKeys,
  storage: AwsStorage,
  findingsTopicArn: pulumi.Input<string>,
): AwsAudit {
  const { name, region, tags, spec } = ctx;
  const logGroup = createLogGroup(ctx, "cloudtrail", keys.logs);
  const trailArn = regionalArn(ctx, "cloudtrail", `trail/${trailName(name)}`);
  const deliveryRole = new iam.Role(
    childName(name, "trail-delivery-role"),
    {
      description: `Delivers CloudTrail events of platform ${name} to CloudWatch Logs`,
      assumeRolePolicy: policyJson(serviceTrust(["cloudtrail.amazonaws.com"], ctx.accountId, trailArn)),
      tags,
    },
    ctx.opts(),
  );
  const deliveryPolicy = new iam.RolePolicy(
    childName(name, "trail-delivery-policy"),
    {
      role: deliveryRole.name,
      policy: policyJson(
        policyDocument([
          {
            Sid: "WriteTrailEvents",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: pulumi.interpolate`${logGroup.arn}:log-stream:*`,
          },
        ]),
      ),
    },
    ctx.opts(),
  );
  const auditBucket = storage.auditLogs;
  const trail = new cloudtrail.Trail(
    childName(name, "trail"),
    {
      name: trailName(name),
      s3BucketName: auditBucket.bucket.id,
      kmsKeyId: keys.logs.key.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      // The ":*" suffix is required: CloudTrail writes to the group's streams.
      cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: deliveryRole.arn,
      advancedEventSelectors: advancedEventSelectors([
        storage.datasets.bucket.arn,
        storage.artifacts.bucket.arn,
      ]),
      region,
      tags,
    },
    // CloudTrail checks the bucket policy and the key policy when the trail is created.
    ctx.opts({
      dependsOn: [auditBucket.policy, auditBucket.encryption, deliveryPolicy].filter((r) => r !== undefined),
    }),
  );

  const namespace = `${AWS_DEFAULTS.metricNamespace}/${name}`;
  const metricFilters: cloudwatch.LogMetricFilter[] = [];
  const alarms: cloudwatch.MetricAlarm[] = [];
  for (const purpose of ALARM_PURPOSES) {
    const metricName = purpose;
    metricFilters.push(
      new cloudwatch.LogMetricFilter(
        childName(name, purpose, "filter"),
        {
          logGroupName: logGroup.name,
          pattern: ALARM_PATTERNS[purpose],
          metricTransformation: { name: metricName, namespace, value: "1", defaultValue: "0" },
          region,
        },
        ctx.opts(),
      ),
    );
    alarms.push(
      new cloudwatch.MetricAlarm(
        childName(name, purpose, "alarm"),
        {
          name: alarmName(name, purpose),
          alarmDescription: `Security alarm of platform ${name}: ${purpose}`,
          namespace,
          metricName,
          statistic: "Sum",
          period: 300,
          evaluationPeriods: 1,
          threshold: 1,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          treatMissingData: "notBreaching",
          alarmActions: [findingsTopicArn],
          region,
          tags,
        },
        ctx.opts(),
      ),
    );
  }

  const destination = spec.logging.siem === "export" ? spec.logging.siemDestination : undefined;
  const siemExport = destination ? createSiemExport(ctx, logGroup, destination) : undefined;
  return { trail, logGroup, deliveryRole, metricFilters, alarms, siemExport };
}

function createSiemExport(
  ctx: AwsContext,
  logGroup: cloudwatch.LogGroup,
  destination: string,
): cloudwatch.LogSubscriptionFilter {
  const { name, region } = ctx;
  // Kinesis and Firehose destinations are written by CloudWatch Logs with a role; Lambda and Logs destinations need none.
  const streaming = /^arn:[^:]+:(kinesis|firehose):/.test(destination);
  let roleArn: pulumi.Input<string> | undefined;
  const dependsOn: pulumi.Resource[] = [];
  if (streaming) {
    const role = new iam.Role(
      childName(name, "siem-export-role"),
      {
        description: `Ships audit events of platform ${name} to the SIEM`,
        assumeRolePolicy: policyJson(
          serviceTrust([`logs.amazonaws.com`], ctx.accountId, regionalArn(ctx, "logs", "*")),
        ),
        tags: ctx.tags,
      },
      ctx.opts(),
    );
    dependsOn.push(
      new iam.RolePolicy(
        childName(name, "siem-export-policy"),
        {
          role: role.name,
          policy: policyJson(
            policyDocument([
              {
                Sid: "PutRecords",
                Effect: "Allow",
                Action: [
                  "kinesis:PutRecord",
                  "kinesis:PutRecords",
                  "firehose:PutRecord",
                  "firehose:PutRecordBatch",
                ],
                Resource: destination,
              },
            ]),
          ),
        },
        ctx.opts(),
      ),
    );
    roleArn = role.arn;
  }
  return new cloudwatch.LogSubscriptionFilter(
    childName(name, "siem-export"),
    { logGroup: logGroup.name, destinationArn: destination, filterPattern: "", roleArn, region },
    ctx.opts({ dependsOn }),
  );
}

/** Records SAI-LOG-01..04 and SAI-ENC-06 for the trail, its alarms and the SIEM export. */
export function recordAuditEvidence(ctx: AwsContext, audit: AwsAudit, storage: AwsStorage): void {
  const { evidence, spec } = ctx;
  evidence.implemented(
    "SAI-LOG-01",
    [audit.trail, audit.logGroup],
    "multi-region CloudTrail: all management events (including every KMS call), S3 object events on datasets and artifacts, SageMaker endpoint invocations and Bedrock guardrail events",
  );
  evidence.implemented(
    "SAI-LOG-02",
    [audit.trail, storage.auditLogs.objectLock, storage.auditLogs.versioning],
    `log file validation (signed digests), compliance-mode object lock for ${spec.logging.auditLockDays} days on the audit bucket`,
  );
  evidence.implemented(
    "SAI-LOG-04",
    [...audit.metricFilters, ...audit.alarms],
    `alarms: ${ALARM_PURPOSES.join(", ")}`,
  );
  const kmsAlarms = audit.alarms.filter((_, i) => ALARM_PURPOSES[i]?.includes("kms"));
  evidence.implemented(
    "SAI-ENC-06",
    [audit.trail, ...kmsAlarms],
    "every KMS call is a CloudTrail management event; unauthorized key access and key disable/deletion raise alarms",
  );
  if (audit.siemExport) {
    evidence.implemented(
      "SAI-LOG-03",
      [audit.siemExport],
      `audit events exported to ${spec.logging.siemDestination}`,
    );
  } else if (spec.logging.siem === "native") {
    evidence.gap(
      "SAI-LOG-03",
      'AWS has no SIEM the platform can onboard by itself: audit events sit in the audit bucket and log group, ready for Security Lake or a SIEM; set logging.siem "export" with a Kinesis, Firehose, Lambda or Logs destination ARN',
      [audit.trail, audit.logGroup],
    );
  } else {
    evidence.gap("SAI-LOG-03", 'audit logs are not shipped to a SIEM (logging.siem "none")');
  }
}
