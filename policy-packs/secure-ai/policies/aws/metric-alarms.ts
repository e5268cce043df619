/**
 * Shared by the AWS alarm policies: which CloudWatch alarms watch the metric a log metric filter publishes,
 * whether an alarm notifies anyone, and which filters read the log group a CloudTrail trail delivers to.
 *
 * A filter publishes `metricTransformation.name` in `metricTransformation.namespace`; an alarm watches a
 * metric by `metricName` + `namespace`, or through a metric-math query (`metricQueries[].metric`)
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/MonitoringPolicyExamples.html). An alarm only
 * acts when `actionsEnabled` is not false and `alarmActions` names at least one target
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
 */
import type { PolicyResource } from "@pulumi/policy";
import { expectString, get, isSet, knownArray, knownBoolean, knownString, type StackView } from "../lib";
import { AWS } from "./types";
import { AWS_EXTRA } from "./types-extra";

/** The metric a filter publishes, when both parts are known. */
function metricOf(filter: PolicyResource): { name: string; namespace: string } | undefined {
  const name = expectString(get(filter.props, "metricTransformation", "name"));
  const namespace = expectString(get(filter.props, "metricTransformation", "namespace"));
  return name === undefined || namespace === undefined ? undefined : { name, namespace };
}

/** Whether `alarm` watches the metric `filter` publishes (directly, through a metric query, or by reference). */
export function watches(alarm: PolicyResource, filter: PolicyResource): boolean {
  const sources = alarm.propertyDependencies?.metricName ?? [];
  if (sources.some((source) => source.urn === filter.urn)) {
    return true;
  }
  const metric = metricOf(filter);
  if (metric === undefined) {
    return false;
  }
  const same = (holder: unknown) =>
    knownString(get(holder, "metricName")) === metric.name &&
    knownString(get(holder, "namespace")) === metric.namespace;
  return (
    same(alarm.props) ||
    knownArray(get(alarm.props, "metricQueries")).some((query) => same(get(query, "metric")))
  );
}

/** Whether an alarm notifies someone when it fires: actions enabled and at least one alarm action. */
export function notifies(alarm: PolicyResource): boolean {
  return (
    knownBoolean(get(alarm.props, "actionsEnabled")) !== false && isSet(get(alarm.props, "alarmActions"))
  );
}

/** The alarms of the stack that watch `filter`'s metric and notify someone. */
export function actingAlarmsOf(stack: StackView, filter: PolicyResource): PolicyResource[] {
  return stack.ofType(AWS_EXTRA.metricAlarm).filter((alarm) => watches(alarm, filter) && notifies(alarm));
}

/** The log group name inside a log group ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`). */
function logGroupNameOfArn(arn: string): string | undefined {
  const match = /:log-group:(.+?)(:\*)?$/.exec(arn);
  return match?.[1];
}

/**
 * Whether `filter` reads the log group `trail` delivers to: both properties come from the same log group of
 * the stack, or the filter's `logGroupName` is the group named in the trail's `cloudWatchLogsGroupArn`.
 */
export function readsTrailLogs(filter: PolicyResource, trail: PolicyResource): boolean {
  const groups = new Set(
    (trail.propertyDependencies?.cloudWatchLogsGroupArn ?? []).map((group) => group.urn),
  );
  if ((filter.propertyDependencies?.logGroupName ?? []).some((group) => groups.has(group.urn))) {
    return true;
  }
  const arn = knownString(get(trail.props, "cloudWatchLogsGroupArn"));
  const name = knownString(get(filter.props, "logGroupName"));
  return arn !== undefined && name !== undefined && logGroupNameOfArn(arn) === name;
}

/** Whether a trail delivers its events to CloudWatch Logs (where metric filters can read them). */
export function deliversToLogs(trail: PolicyResource): boolean {
  return isSet(get(trail.props, "cloudWatchLogsGroupArn"));
}

/** The trails of the stack. */
export function trailsOf(stack: StackView): readonly PolicyResource[] {
  return stack.ofType(AWS.cloudtrailTrail);
}
