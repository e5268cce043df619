/**
 * Readings of a Cloud Monitoring alert policy's `conditions` shared by the alert-policy creation rules
 * (@pulumi/gcp 9.37 input names: `conditionThreshold`, `conditionAbsent`, `conditionMatchedLog`).
 */
import { get, isUnknown, knownArray, type Value } from "../lib";

/** The known conditions of an alert policy; an unknown list reads as no conditions (noted as unknown). */
export function alertConditions(props: unknown): readonly unknown[] {
  const conditions = get(props, "conditions");
  return isUnknown(conditions) ? [] : knownArray(conditions);
}

/** Whether a condition is a log match condition (its `conditionMatchedLog` block is set or unknown). */
export function isLogMatch(condition: unknown): boolean {
  const block: Value = get(condition, "conditionMatchedLog");
  return block !== undefined && block !== null;
}
