import { defineResourcePolicy, get, isUnknown, knownString } from "../lib";
import { alertConditions } from "./alert-conditions";
import { GCP_EXTRA } from "./types-extra";

/**
 * Cloud Monitoring answers 400 "must specify a restriction on \"resource.type\" in the filter" when a metric
 * threshold or metric absence condition's filter names no monitored resource type
 * (https://github.com/hashicorp/terraform-provider-google/issues/4165 for condition_threshold,
 * https://github.com/googleapis/nodejs-monitoring/pull/46 for condition_absent; the resource types:
 * https://cloud.google.com/monitoring/api/resources).
 */
const SOURCES =
  "https://github.com/hashicorp/terraform-provider-google/issues/4165, https://github.com/googleapis/nodejs-monitoring/pull/46";

/** A restriction on the monitored resource type: `resource.type = "..."` (also `= one_of(...)`). */
const RESOURCE_TYPE = /\bresource\.type\s*=/;

/** The condition blocks whose `filter` must restrict `resource.type`. */
const FILTERED = ["conditionThreshold", "conditionAbsent"] as const;

/** Metric threshold and metric absence conditions of alert policies restrict the monitored resource type. */
export const gcpMonitoringAlertpolicyRequireResourceType = defineResourcePolicy({
  name: "gcp-monitoring-alertpolicy-require-resource-type",
  cloud: "gcp",
  controls: ["SAI-LOG-04"],
  description: `Alert policies restrict resource.type in the filter of every conditionThreshold and conditionAbsent condition: Cloud Monitoring rejects the policy with 400 otherwise, so the alarm is never created (${SOURCES}).`,
  enforcementLevel: "mandatory",
  resourceTypes: [GCP_EXTRA.alertPolicy],
  tags: ["monitoring", "alerting", "deploy-readiness"],
  validate: ({ props }, { report }) => {
    for (const [index, condition] of alertConditions(props).entries()) {
      for (const block of FILTERED) {
        const filter = get(condition, block, "filter");
        if (filter === undefined || isUnknown(filter)) {
          continue;
        }
        const text = knownString(filter);
        if (text === undefined || !RESOURCE_TYPE.test(text)) {
          report(
            `conditions[${index}].${block}.filter ${text === undefined ? "is not a string" : `is "${text}"`}; it must restrict resource.type (e.g. resource.type = "global"), or Cloud Monitoring rejects the policy with 400 (${SOURCES})`,
          );
        }
      }
    }
  },
});
