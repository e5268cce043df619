import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as sns from "@pulumi/aws/sns";
import type { SeverityLevel } from "../spec/resolved";
import { SEVERITIES } from "../spec/resolved";
import { type AwsContext, regionalArn } from "./context";
import type { PlatformKey } from "./keys";
import { alarmName, childName, findingsTopicName, ruleName } from "./naming";
import { policyDocument, policyJson } from "./policy-documents";

/** Lowest GuardDuty numeric severity per level (low 1.0-3.9, medium 4.0-6.9, high 7.0-8.9, critical 9.0-10.0). */
const GUARDDUTY_SEVERITY: Readonly<Record<SeverityLevel, number>> = {
  low: 1,
  medium: 4,
  high: 7,
  critical: 9,
};

/** The findings topic, its subscribers and the rules that feed it. */
export interface AwsResponse {
  topic: sns.Topic;
  topicPolicy: sns.TopicPolicy;
  subscriptions: sns.TopicSubscription[];
  rules: cloudwatch.EventRule[];
  targets: cloudwatch.EventTarget[];
}

/** EventBridge pattern for GuardDuty findings at or above the threshold. */
export function guardDutyPattern(threshold: SeverityLevel): string {
  return JSON.stringify({
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: { severity: [{ numeric: [">=", GUARDDUTY_SEVERITY[threshold]] }] },
  });
}

/** EventBridge pattern for new, active Security Hub findings at or above the threshold (GuardDuty's excluded: routed directly). */
export function securityHubPattern(threshold: SeverityLevel): string {
  const labels = SEVERITIES.slice(SEVERITIES.indexOf(threshold)).map((s) => s.toUpperCase());
  return JSON.stringify({
    source: ["aws.securityhub"],
    "detail-type": ["Security Hub Findings - Imported"],
    detail: {
      findings: {
        Severity: { Label: labels },
        Workflow: { Status: ["NEW"] },
        RecordState: ["ACTIVE"],
        ProductName: [{ "anything-but": "GuardDuty" }],
      },
    },
  });
}

/**
 * Names of the alarms the audit domain creates; the topic policy admits exactly these as CloudWatch sources.
 * Kept here so that the topic (built first) and the alarms agree.
 */
export const ALARM_PURPOSES = [
  "unauthorized-kms-access",
  "kms-key-disable-or-deletion",
  "cloudtrail-changes",
  "root-account-use",
  "unauthorized-api-calls",
  "security-group-changes",
] as const;

/**
 * Routes findings to the incident response team: a KMS-encrypted SNS topic (the logs key, whose policy admits
 * EventBridge and CloudWatch for this topic only), email and HTTPS webhook subscriptions, and EventBridge rules
 * for GuardDuty and Security Hub findings at or above `detection.severityThreshold`.
 */
export function createResponse(ctx: AwsContext, logsKey: PlatformKey): AwsResponse {
  const { name, region, tags, spec } = ctx;
  const topic = new sns.Topic(
    childName(name, "findings-topic"),
    { name: findingsTopicName(name), kmsMasterKeyId: logsKey.key.arn, region, tags },
    ctx.opts(),
  );
  const rulesToCreate = [
    { source: "guardduty", pattern: guardDutyPattern(spec.detection.severityThreshold) },
    { source: "securityhub", pattern: securityHubPattern(spec.detection.severityThreshold) },
  ];
  const ruleArns = rulesToCreate.map((r) => regionalArn(ctx, "events", `rule/${ruleName(name, r.source)}`));
  const alarmArns = ALARM_PURPOSES.map((p) => regionalArn(ctx, "cloudwatch", `alarm:${alarmName(name, p)}`));
  const topicPolicy = new sns.TopicPolicy(
    childName(name, "findings-topic-policy"),
    {
      arn: topic.arn,
      region,
      policy: policyJson(
        policyDocument([
          {
            Sid: "EventBridgeFindingRules",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: { ArnEquals: { "aws:SourceArn": ruleArns } },
          },
          {
            Sid: "CloudWatchSecurityAlarms",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: {
              ArnEquals: { "aws:SourceArn": alarmArns },
              StringEquals: { "aws:SourceAccount": ctx.accountId },
            },
          },
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "sns:Publish",
            Resource: topic.arn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ]),
      ),
    },
    ctx.opts(),
  );
  const subscriptions = [
    ...spec.detection.notificationEmails.map(
      (email, i) =>
        new sns.TopicSubscription(
          childName(name, "findings-email", String(i)),
          { topic: topic.arn, protocol: "email", endpoint: email, region },
          ctx.opts(),
        ),
    ),
    ...spec.detection.notificationWebhooks.map(
      (url, i) =>
        new sns.TopicSubscription(
          childName(name, "findings-webhook", String(i)),
          { topic: topic.arn, protocol: "https", endpoint: url, region },
          ctx.opts(),
        ),
    ),
  ];
  const rules: cloudwatch.EventRule[] = [];
  const targets: cloudwatch.EventTarget[] = [];
  for (const { source, pattern } of rulesToCreate) {
    const rule = new cloudwatch.EventRule(
      childName(name, "findings", source),
      {
        name: ruleName(name, source),
        description: `${source} findings at or above ${spec.detection.severityThreshold} for platform ${name}`,
        eventPattern: pattern,
        region,
        tags,
      },
      ctx.opts(),
    );
    rules.push(rule);
    targets.push(
      new cloudwatch.EventTarget(
        childName(name, "findings", source, "target"),
        { rule: rule.name, arn: topic.arn, region },
        ctx.opts({ dependsOn: [topicPolicy] }),
      ),
    );
  }
  return { topic, topicPolicy, subscriptions, rules, targets };
}

/** Records SAI-IR-01: implemented when findings reach at least one subscriber. */
export function recordResponseEvidence(ctx: AwsContext, response: AwsResponse): void {
  const resources = [
    response.topic,
    response.topicPolicy,
    ...response.rules,
    ...response.targets,
    ...response.subscriptions,
  ];
  if (response.subscriptions.length === 0) {
    ctx.evidence.gap(
      "SAI-IR-01",
      "findings reach the encrypted SNS topic, but nobody is subscribed: set detection.notificationEmails or notificationWebhooks",
      resources,
    );
    return;
  }
  ctx.evidence.implemented(
    "SAI-IR-01",
    resources,
    `GuardDuty and Security Hub findings at or above ${ctx.spec.detection.severityThreshold} go to the KMS-encrypted topic and its ${response.subscriptions.length} subscription(s) (email subscriptions need confirming)`,
  );
}
