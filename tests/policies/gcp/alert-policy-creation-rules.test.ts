/**
 * The creation rules Cloud Monitoring enforces on alert policies, as pack policies (the same rules
 * tests/gcp/deploy-readiness.test.ts checks on the platform's own alerts): a threshold or absence filter
 * restricts resource.type, a log match condition is the policy's only condition and comes with a notification
 * rate limit. Sources are cited in each policy file. @pulumi/gcp 9.37 input names.
 */
import { describe } from "vitest";
import { gcpMonitoringAlertpolicyLimitLogMatchToOneCondition } from "../../../policy-packs/secure-ai/policies/gcp/monitoring-alertpolicy-limit-log-match-to-one-condition";
import { gcpMonitoringAlertpolicyRequireLogMatchRateLimit } from "../../../policy-packs/secure-ai/policies/gcp/monitoring-alertpolicy-require-log-match-rate-limit";
import { gcpMonitoringAlertpolicyRequireResourceType } from "../../../policy-packs/secure-ai/policies/gcp/monitoring-alertpolicy-require-resource-type";
import { describeResourcePasses } from "../passes";
import { describePolicyCase } from "./case-runner";

const ALERT = "gcp:monitoring/alertPolicy:AlertPolicy";
const CHANNEL = "projects/p/notificationChannels/1";

/** A metric threshold policy, as a user's program writes one. */
const threshold = {
  displayName: "kms-errors",
  combiner: "OR",
  notificationChannels: [CHANNEL],
  conditions: [
    {
      displayName: "errors",
      conditionThreshold: {
        filter: 'metric.type = "logging.googleapis.com/user/kms-errors" AND resource.type = "global"',
        comparison: "COMPARISON_GT",
        duration: "0s",
        thresholdValue: 0,
      },
    },
    {
      displayName: "silent",
      conditionAbsent: {
        filter: 'metric.type = "logging.googleapis.com/user/heartbeat" AND resource.type="global"',
        duration: "3600s",
      },
    },
  ],
};

/** A log match policy, shaped as the platform's own (one condition, rate limit set). */
const logMatch = {
  displayName: "key-destroyed",
  combiner: "OR",
  notificationChannels: [CHANNEL],
  conditions: [
    {
      displayName: "destroy",
      conditionMatchedLog: { filter: 'protoPayload.methodName="DestroyCryptoKeyVersion"' },
    },
  ],
  alertStrategy: { notificationRateLimit: { period: "300s" } },
};

const second = { displayName: "other", conditionThreshold: threshold.conditions[0]?.conditionThreshold };

describe("GCP alert policy creation rules", () => {
  describePolicyCase({
    policy: gcpMonitoringAlertpolicyRequireResourceType,
    type: ALERT,
    baseline: threshold,
    negatives: [
      ["conditions.0.conditionThreshold.filter", 'metric.type = "logging.googleapis.com/user/kms-errors"'],
      ["conditions.1.conditionAbsent.filter", 'metric.type = "logging.googleapis.com/user/heartbeat"'],
      ["conditions.0.conditionThreshold.filter", 'metric.type = "x" AND resource.labels.type = "global"'],
      ["conditions.0.conditionThreshold.filter", 42],
    ],
    unknownPasses: ["conditions.0.conditionThreshold.filter", "conditions"],
    passes: [
      ["conditions.0.conditionThreshold.filter", 'resource.type = one_of("gce_instance", "global")'],
      ["conditions.1", logMatch.conditions[0]],
      ["conditions.1.conditionAbsent", undefined],
    ],
  });
  describeResourcePasses(
    gcpMonitoringAlertpolicyRequireResourceType,
    ALERT,
    threshold,
    "conditions.0.conditionThreshold.filter",
  );

  describePolicyCase({
    policy: gcpMonitoringAlertpolicyLimitLogMatchToOneCondition,
    type: ALERT,
    baseline: logMatch,
    negatives: [
      ["conditions.1", second],
      ["conditions.1", logMatch.conditions[0]],
    ],
    unknownPasses: ["conditions", "conditions.0.conditionMatchedLog"],
    passes: [
      ["conditions.0", second],
      ["conditions", threshold.conditions],
    ],
  });
  describeResourcePasses(gcpMonitoringAlertpolicyLimitLogMatchToOneCondition, ALERT, logMatch, "conditions");

  describePolicyCase({
    policy: gcpMonitoringAlertpolicyRequireLogMatchRateLimit,
    type: ALERT,
    baseline: logMatch,
    negatives: [
      ["alertStrategy", undefined],
      ["alertStrategy.notificationRateLimit", undefined],
      ["alertStrategy.notificationRateLimit.period", ""],
    ],
    unknownPasses: ["alertStrategy.notificationRateLimit.period", "alertStrategy"],
    passes: [["conditions", threshold.conditions]],
  });
  describeResourcePasses(
    gcpMonitoringAlertpolicyRequireLogMatchRateLimit,
    ALERT,
    logMatch,
    "alertStrategy.notificationRateLimit.period",
  );
});
