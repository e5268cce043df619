import {
  PERSONAL_DATA_OPTIONS,
  defineStackPolicy,
  get,
  holdsPersonalData,
  isSet,
  isUnknown,
  knownArray,
} from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS, S3_BUCKET_TYPES } from "./types";

/** Whether a lifecycle rule is on and expires current objects (or cannot be known yet). */
function expires(rule: unknown, enabled: (rule: unknown) => boolean): boolean {
  if (isUnknown(rule)) {
    return true;
  }
  const expiration = get(rule, "expiration");
  return (
    enabled(rule) &&
    (isUnknown(expiration) || isSet(get(expiration, "days")) || isSet(get(expiration, "date")))
  );
}

/** Buckets that hold personal data delete it through lifecycle expiry. */
export const awsS3BucketRequirePersonalDataExpiry = defineStackPolicy({
  name: "aws-s3-bucket-require-personal-data-expiry",
  cloud: "aws",
  controls: ["SAI-GOV-01"],
  description:
    "S3 buckets tagged as holding personal data (personalDataTags, by default personal-data=true or data-classification=personal) have an enabled lifecycle rule that expires objects.",
  enforcementLevel: "mandatory",
  resourceTypes: S3_BUCKET_TYPES,
  tags: ["s3", "gdpr"],
  config: PERSONAL_DATA_OPTIONS,
  validate: (stack, { config, report }) => {
    for (const bucket of bucketsOf(stack)) {
      if (!holdsPersonalData(bucket.props, config.personalDataTags)) {
        continue;
      }
      const inlineOk = knownArray(get(bucket.props, "lifecycleRules")).some((rule) =>
        expires(rule, (candidate) => get(candidate, "enabled") !== false),
      );
      const separateOk = attachedTo(stack, bucket, [AWS.s3Lifecycle, AWS.s3LifecycleV2]).some(
        (configuration) => {
          const rules = get(configuration.props, "rules");
          return (
            isUnknown(rules) ||
            knownArray(rules).some((rule) =>
              expires(rule, (candidate) => get(candidate, "status") !== "Disabled"),
            )
          );
        },
      );
      if (!inlineOk && !separateOk) {
        report(
          `bucket "${bucket.name}" holds personal data but no enabled lifecycle rule expires its objects`,
          bucket,
        );
      }
    }
  },
});
