import { defineResourcePolicy, get, isSet } from "../lib";
import { alertConditions, isLogMatch } from "./alert-conditions";
import { GCP_EXTRA } from "./types-extra";

/**
 * `notification_rate_limit` is "Required for alert policies with a LogMatch condition" (AlertPolicy.AlertStrategy
 * in Google's Cloud Monitoring client reference).
 */
const SOURCES =
  "https://cloud.google.com/python/docs/reference/monitoring/2.10.1/google.cloud.monitoring_v3.types.AlertPolicy.AlertStrategy";

/** An alert policy with a log match condition sets a notification rate limit. */
export const gcpMonitoringAlertpolicyRequireLogMatchRateLimit = defineResourcePolicy({
  name: "gcp-monitoring-alertpolicy-require-log-match-rate-limit",
  cloud: "gcp",
  controls: ["SAI-LOG-04"],
  description: `Alert policies with a conditionMatchedLog condition set alertStrategy.notificationRateLimit.period: the Monitoring API requires the rate limit for policies with a log match condition (${SOURCES}).`,
  enforcementLevel: "mandatory",
  resourceTypes: [GCP_EXTRA.alertPolicy],
  tags: ["monitoring", "alerting", "deploy-readiness"],
  validate: ({ props }, { report }) => {
    if (!alertConditions(props).some(isLogMatch)) {
      return;
    }
    if (!isSet(get(props, "alertStrategy", "notificationRateLimit", "period"))) {
      report(
        `alertStrategy.notificationRateLimit.period is not set; the Monitoring API requires a notification rate limit on an alert policy with a conditionMatchedLog condition (${SOURCES})`,
      );
    }
  },
});
