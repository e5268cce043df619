import { defineStackPolicy, get, isSet, isUnknown, knownArray, stringListOption, tagValue } from "../lib";
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
  config: {
    personalDataTags: stringListOption({
      default: ["personal-data=true", "data-classification=personal"],
      description: "Tags (key=value) that mark a bucket as holding personal data.",
    }),
  },
  validate: (stack, { config, report }) => {
    const markers = config.personalDataTags.map((tag) => {
      const at = tag.indexOf("=");
      return at < 0 ? { key: tag, value: undefined } : { key: tag.slice(0, at), value: tag.slice(at + 1) };
    });
    for (const bucket of bucketsOf(stack)) {
      const personal = markers.some((marker) => {
        const value = tagValue(bucket.props, marker.key);
        return (
          value !== undefined &&
          (marker.value === undefined || value.toLowerCase() === marker.value.toLowerCase())
        );
      });
      if (!personal) {
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
