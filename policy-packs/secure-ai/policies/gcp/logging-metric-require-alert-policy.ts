import type { PolicyResource } from "@pulumi/policy";
import {
  booleanOption,
  defineStackPolicy,
  expectString,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
  type Value,
} from "../lib";
import { GCP_EXTRA } from "./types-extra";

/** The metric and query texts of an alert policy's conditions; an unknown text stays unknown. */
function conditionTexts(policy: PolicyResource): Value[] {
  const conditions = get(policy.props, "conditions");
  if (isUnknown(conditions)) {
    return [conditions];
  }
  return knownArray(conditions).flatMap((condition) =>
    [
      get(condition, "conditionThreshold", "filter"),
      get(condition, "conditionAbsent", "filter"),
      get(condition, "conditionMonitoringQueryLanguage", "query"),
      get(condition, "conditionPrometheusQueryLanguage", "query"),
    ].filter((value) => typeof value === "string" || isUnknown(value)),
  );
}

/**
 * Whether an alert policy watches a log-based metric: its conditions were computed from the metric, or name
 * its type `logging.googleapis.com/user/<name>` (PromQL: `logging_googleapis_com:user_<name>`)
 * (https://cloud.google.com/logging/docs/logs-based-metrics/charts-and-alerts). An unknown name or
 * condition may match; the update pass reads it.
 */
function watches(policy: PolicyResource, metric: PolicyResource): boolean {
  if ((policy.propertyDependencies?.conditions ?? []).some((source) => source.urn === metric.urn)) {
    return true;
  }
  const value = get(metric.props, "name");
  const name = knownString(value);
  if (name === undefined) {
    return isUnknown(value);
  }
  const promql = `logging_googleapis_com:user_${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  return conditionTexts(policy).some(
    (text) =>
      isUnknown(text) ||
      (typeof text === "string" &&
        (text.includes(`logging.googleapis.com/user/${name}"`) || text.includes(promql))),
  );
}

/** Whether an alert policy notifies someone: enabled (the default) and with notification channels. */
function notifies(policy: PolicyResource): boolean {
  return (
    knownBoolean(get(policy.props, "enabled")) !== false && isSet(get(policy.props, "notificationChannels"))
  );
}

/**
 * Suspicious patterns raise alerts: every log-based metric of the stack has an enabled alerting policy with
 * notification channels, and no alerting policy of the stack is disabled or notifies nobody (an alert
 * policy without channels only shows incidents in the console:
 * https://cloud.google.com/monitoring/alerts/concepts-indepth#notifications-per-incident).
 */
export const gcpLoggingMetricRequireAlertPolicy = defineStackPolicy({
  name: "gcp-logging-metric-require-alert-policy",
  cloud: "gcp",
  controls: ["SAI-LOG-04"],
  description:
    "Every log-based metric (gcp.logging.Metric, not disabled) is watched by a monitoring AlertPolicy whose condition names logging.googleapis.com/user/<metric>, and every AlertPolicy of the stack is enabled and has notificationChannels, unless the config declares alerting adopted (managed elsewhere).",
  enforcementLevel: "advisory",
  resourceTypes: [GCP_EXTRA.loggingMetric, GCP_EXTRA.alertPolicy],
  tags: ["logging", "monitoring"],
  config: {
    adopted: booleanOption({
      default: false,
      description: "Set to true when the project's security alerting is managed outside this stack.",
    }),
  },
  validate: (stack, { config, report }) => {
    if (config.adopted) {
      return;
    }
    const policies = stack.ofType(GCP_EXTRA.alertPolicy);
    for (const policy of policies.filter((candidate) => !notifies(candidate))) {
      report(
        `alert policy "${expectString(get(policy.props, "displayName")) ?? policy.name}" is disabled or has no notificationChannels, so its incidents reach nobody`,
        policy,
      );
    }
    for (const metric of stack.ofType(GCP_EXTRA.loggingMetric)) {
      if (knownBoolean(get(metric.props, "disabled")) === true) {
        continue;
      }
      if (!policies.some((policy) => notifies(policy) && watches(policy, metric))) {
        report(
          `log-based metric "${knownString(get(metric.props, "name")) ?? metric.name}" has no enabled alert policy with notification channels, so the pattern it counts alerts nobody`,
          metric,
        );
      }
    }
  },
});
