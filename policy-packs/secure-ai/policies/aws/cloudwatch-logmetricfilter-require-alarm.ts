import { booleanOption, defineStackPolicy } from "../lib";
import { actingAlarmsOf, deliversToLogs, readsTrailLogs, trailsOf } from "./metric-alarms";
import { AWS } from "./types";
import { AWS_EXTRA } from "./types-extra";

/**
 * Suspicious patterns raise alarms: every CloudWatch Logs metric filter feeds an alarm that notifies someone,
 * and every CloudTrail trail that delivers to CloudWatch Logs has at least one such filter on its log group
 * (the CIS AWS Foundations monitoring section builds each check as filter + alarm + SNS subscriber:
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html). A filter without an
 * alarm only counts events; nobody hears of them.
 */
export const awsCloudwatchLogmetricfilterRequireAlarm = defineStackPolicy({
  name: "aws-cloudwatch-logmetricfilter-require-alarm",
  cloud: "aws",
  controls: ["SAI-LOG-04"],
  description:
    "Every CloudWatch Logs metric filter has a MetricAlarm on its metric (metricTransformation name and namespace) with actionsEnabled not false and at least one alarmActions target, and every CloudTrail trail with a cloudWatchLogsGroupArn has such a filter on its log group, unless the config declares alarms adopted (managed elsewhere).",
  enforcementLevel: "advisory",
  resourceTypes: [AWS_EXTRA.logMetricFilter, AWS_EXTRA.metricAlarm, AWS.cloudtrailTrail],
  tags: ["cloudwatch", "monitoring"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when the account's security alarms are managed outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    const filters = stack.ofType(AWS_EXTRA.logMetricFilter);
    const alarmed = filters.filter((filter) => actingAlarmsOf(stack, filter).length > 0);
    for (const filter of filters) {
      if (!alarmed.includes(filter)) {
        report(
          `metric filter "${filter.name}" has no alarm with an action on its metric, so the pattern it matches alerts nobody`,
          filter,
        );
      }
    }
    for (const trail of trailsOf(stack).filter(deliversToLogs)) {
      if (!alarmed.some((filter) => readsTrailLogs(filter, trail))) {
        report(
          `trail "${trail.name}" delivers to CloudWatch Logs but no metric filter with an alarm reads its log group; add filters and alarms for suspicious patterns (unauthorized calls, root use, key changes)`,
          trail,
        );
      }
    }
  },
});
