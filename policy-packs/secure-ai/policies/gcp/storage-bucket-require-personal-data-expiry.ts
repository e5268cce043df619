import {
  PERSONAL_DATA_OPTIONS,
  defineResourcePolicy,
  get,
  holdsPersonalData,
  isSet,
  isUnknown,
  knownArray,
  knownString,
} from "../lib";
import { GCP } from "./types";

/** Conditions that make a Delete rule end an object's life at a point in time. */
const EXPIRING_CONDITIONS = ["age", "createdBefore", "daysSinceCustomTime", "customTimeBefore"];

/** Whether a lifecycle rule deletes live objects once they are old enough (or cannot be known yet). */
function deletesOldObjects(rule: unknown): boolean {
  if (isUnknown(rule)) {
    return true;
  }
  const type = get(rule, "action", "type");
  if (!isUnknown(type) && knownString(type) !== "Delete") {
    return false;
  }
  const condition = get(rule, "condition");
  return isUnknown(condition) || EXPIRING_CONDITIONS.some((key) => isSet(get(condition, key)));
}

/** Buckets that hold personal data delete it through lifecycle rules when its retention ends. */
export const gcpStorageBucketRequirePersonalDataExpiry = defineResourcePolicy({
  name: "gcp-storage-bucket-require-personal-data-expiry",
  cloud: "gcp",
  controls: ["SAI-GOV-01"],
  description:
    "Cloud Storage buckets labelled as holding personal data (personalDataTags, by default personal-data=true or data-classification=personal) have a lifecycle rule whose action is Delete and whose condition expires objects (age, createdBefore, daysSinceCustomTime or customTimeBefore).",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.storageBucket],
  tags: ["storage", "gdpr"],
  config: PERSONAL_DATA_OPTIONS,
  validate: ({ props }, { config, report }) => {
    if (!holdsPersonalData(props, config.personalDataTags, "labels")) {
      return;
    }
    const rules = get(props, "lifecycleRules");
    if (isUnknown(rules) || knownArray(rules).some(deletesOldObjects)) {
      return;
    }
    report(
      "the bucket holds personal data but no lifecycle rule deletes objects at the end of their retention (action.type Delete with condition.age)",
    );
  },
});
