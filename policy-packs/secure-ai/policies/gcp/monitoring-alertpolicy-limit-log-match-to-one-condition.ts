import { defineResourcePolicy, get, isUnknown, knownArray } from "../lib";
import { isLogMatch } from "./alert-conditions";
import { GCP_EXTRA } from "./types-extra";

/**
 * Cloud Monitoring answers `pulumi up` / `terraform apply` with 400 "Alert policies with a log matching condition
 * can only have a single condition." (the error quoted in
 * https://github.com/chainguard-dev/terraform-infra-common/pull/384).
 */
const SOURCES = "https://github.com/chainguard-dev/terraform-infra-common/pull/384";

/** An alert policy with a log match condition has that condition only. */
export const gcpMonitoringAlertpolicyLimitLogMatchToOneCondition = defineResourcePolicy({
  name: "gcp-monitoring-alertpolicy-limit-log-match-to-one-condition",
  cloud: "gcp",
  controls: ["SAI-LOG-04"],
  description: `Alert policies with a conditionMatchedLog condition have exactly one condition: Cloud Monitoring rejects a log-based policy with more conditions (400 "can only have a single condition"), so the alarm is never created (${SOURCES}).`,
  enforcementLevel: "mandatory",
  resourceTypes: [GCP_EXTRA.alertPolicy],
  tags: ["monitoring", "alerting", "deploy-readiness"],
  validate: ({ props }, { report }) => {
    const conditions = get(props, "conditions");
    if (isUnknown(conditions)) {
      return;
    }
    const known = knownArray(conditions);
    if (known.length > 1 && known.some(isLogMatch)) {
      report(
        `conditions has ${known.length} entries including a conditionMatchedLog; a policy with a log match condition can have only that one condition, or Cloud Monitoring rejects it with 400 (${SOURCES})`,
      );
    }
  },
});
