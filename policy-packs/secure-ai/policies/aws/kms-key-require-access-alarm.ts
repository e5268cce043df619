import type { PolicyResource } from "@pulumi/policy";
import {
  booleanOption,
  defineStackPolicy,
  get,
  isSet,
  isUnknown,
  knownArray,
  knownBoolean,
  knownString,
} from "../lib";
import { actingAlarmsOf, readsTrailLogs, trailsOf } from "./metric-alarms";
import { AWS } from "./types";
import { AWS_EXTRA } from "./types-extra";
import { scopeAdvisory } from "../service-scope";

const KMS_SOURCE = "kms.amazonaws.com";

/** The values of one field selector of an advanced event selector. */
function fieldSelector(selector: unknown, field: string): unknown {
  return knownArray(get(selector, "fieldSelectors")).find(
    (entry) => knownString(get(entry, "field")) === field,
  );
}

function strings(holder: unknown, key: string): string[] {
  return knownArray(get(holder, key)).flatMap((value) => (typeof value === "string" ? [value] : []));
}

/** Whether an advanced event selector logs every management event of KMS, reads and writes. */
function advancedCoversKms(selector: unknown): boolean {
  const category = fieldSelector(selector, "eventCategory");
  const source = fieldSelector(selector, "eventSource");
  const sourceEquals = strings(source, "equals");
  return (
    strings(category, "equals").includes("Management") &&
    !strings(source, "notEquals").includes(KMS_SOURCE) &&
    (sourceEquals.length === 0 || sourceEquals.includes(KMS_SOURCE)) &&
    fieldSelector(selector, "readOnly") === undefined
  );
}

/** Whether a basic event selector logs every management event of KMS, reads and writes. */
function basicCoversKms(selector: unknown): boolean {
  const readWrite = knownString(get(selector, "readWriteType")) ?? "All";
  return (
    knownBoolean(get(selector, "includeManagementEvents")) !== false &&
    readWrite === "All" &&
    !strings(selector, "excludeManagementEventSources").includes(KMS_SOURCE)
  );
}

/**
 * Why a trail does not record every KMS call, or `undefined` when it does. Without selectors a trail logs
 * all management events; `excludeManagementEventSources: ["kms.amazonaws.com"]`, a `readOnly` field selector
 * or `readWriteType` other than `All` drops KMS calls such as Decrypt
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html,
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html).
 */
function kmsGap(trail: PolicyResource): string | undefined {
  if (knownBoolean(get(trail.props, "enableLogging")) === false) {
    return "enableLogging is false";
  }
  const advanced = get(trail.props, "advancedEventSelectors");
  if (isSet(advanced)) {
    return knownArray(advanced).some(advancedCoversKms) || !Array.isArray(advanced)
      ? undefined
      : "no advanced event selector logs all management events of kms.amazonaws.com (reads and writes)";
  }
  const basic = get(trail.props, "eventSelectors");
  if (isSet(basic)) {
    return knownArray(basic).some(basicCoversKms) || !Array.isArray(basic)
      ? undefined
      : "no event selector logs all management events including kms.amazonaws.com";
  }
  return undefined;
}

/**
 * Whether a metric filter matches denied KMS calls: an `AccessDenied` error code, on `kms.amazonaws.com`
 * or on every event source (the CIS "unauthorized API calls" filter counts). KMS logs calls denied access
 * to CloudTrail: https://docs.aws.amazon.com/kms/latest/developerguide/logging-using-cloudtrail.html.
 * An unknown pattern may match (the update pass reads it).
 */
function matchesDeniedKms(filter: PolicyResource): boolean {
  const value = get(filter.props, "pattern");
  if (isUnknown(value)) {
    return true;
  }
  const pattern = knownString(value) ?? "";
  return (
    pattern.includes("AccessDenied") && (pattern.includes(KMS_SOURCE) || !pattern.includes("eventSource"))
  );
}

/** KMS key use is logged by CloudTrail, and denied key access raises an alarm that notifies someone. */
export const awsKmsKeyRequireAccessAlarm = defineStackPolicy({
  name: "aws-kms-key-require-access-alarm",
  cloud: "aws",
  controls: ["SAI-ENC-06"],
  description:
    "A stack with KMS keys has a CloudTrail trail that logs every KMS management event (logging on, kms.amazonaws.com not excluded, reads and writes) and delivers to a CloudWatch log group where a metric filter on AccessDenied errors (of kms.amazonaws.com or of every source) feeds an alarm with an action, unless the config declares key monitoring adopted (an organization trail and alarms managed elsewhere).",
  enforcementLevel: "advisory",
  resourceTypes: [
    AWS.kmsKey,
    AWS.kmsExternalKey,
    AWS.cloudtrailTrail,
    AWS_EXTRA.logMetricFilter,
    AWS_EXTRA.metricAlarm,
  ],
  tags: ["kms", "cloudtrail", "monitoring"],
  config: {
    adopted: booleanOption({
      default: false,
      description:
        "Set to true when an organization trail and key-access alarms managed outside this stack cover the account.",
    }),
  },
  validate: (stack, { config, report }) => {
    const keys = [...stack.ofType(AWS.kmsKey), ...stack.ofType(AWS.kmsExternalKey)];
    if (config.adopted) {
      return;
    }
    scopeAdvisory(stack, "aws-kms-key-require-access-alarm");
    const trails = trailsOf(stack);
    const recording = trails.filter((trail) => kmsGap(trail) === undefined);
    if (recording.length === 0) {
      report(
        trails.length === 0
          ? "the stack creates KMS keys but no CloudTrail trail records their use; add a trail or set adopted: true in this policy's config"
          : `no trail records every KMS call: ${trails.map((trail) => `"${trail.name}": ${kmsGap(trail) ?? ""}`).join("; ")}`,
        trails[0] ?? keys[0],
      );
      return;
    }
    const alarmed = stack
      .ofType(AWS_EXTRA.logMetricFilter)
      .filter(
        (filter) =>
          matchesDeniedKms(filter) &&
          recording.some((trail) => readsTrailLogs(filter, trail)) &&
          actingAlarmsOf(stack, filter).length > 0,
      );
    if (alarmed.length === 0) {
      report(
        `no metric filter on the log group of trail "${recording[0].name}" matches denied KMS calls (errorCode AccessDenied) with an alarm that notifies someone, so unauthorized key access goes unnoticed`,
        recording[0],
      );
    }
  },
});
