import {
  BUCKET_IDENTIFIERS,
  defineStackPolicy,
  get,
  isUnknown,
  knownBoolean,
  knownNumber,
  knownString,
  refersTo,
  stringListOption,
} from "../lib";
import { attachedTo, bucketsOf } from "./s3-buckets";
import { AWS } from "./types";

/**
 * Why an object lock configuration (the separate resource's props, or the deprecated inline
 * `objectLockConfiguration` block) does not lock new objects by default, or `undefined` when it does.
 */
function retentionProblem(configuration: unknown, modes: readonly string[]): string | undefined {
  const retention = get(configuration, "rule", "defaultRetention");
  if (isUnknown(retention)) {
    return undefined;
  }
  if (retention === undefined) {
    return "its object lock configuration has no rule.defaultRetention";
  }
  const mode = get(retention, "mode");
  const modeText = knownString(mode);
  if (!isUnknown(mode) && (modeText === undefined || !modes.includes(modeText))) {
    return `its default retention mode is ${modeText === undefined ? "not set" : `"${modeText}"`} (allowed: ${modes.join(", ")})`;
  }
  const period = [get(retention, "days"), get(retention, "years")];
  if (!period.some((value) => isUnknown(value) || (knownNumber(value) ?? 0) > 0)) {
    return "its default retention sets neither days nor years";
  }
  return undefined;
}

/** The buckets CloudTrail trails of the stack deliver to lock their objects (write once, read many). */
export const awsS3BucketRequireAuditLogObjectLock = defineStackPolicy({
  name: "aws-s3-bucket-require-audit-log-object-lock",
  cloud: "aws",
  controls: ["SAI-LOG-02", "SAI-RES-01"],
  description:
    "An S3 bucket of the stack that a CloudTrail trail delivers to (the trail's s3BucketName) has objectLockEnabled true and an object lock configuration whose default retention (mode in allowedModes, days or years) locks every new log file.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.s3Bucket, AWS.s3BucketV2],
  tags: ["s3", "cloudtrail", "logging"],
  config: {
    allowedModes: stringListOption({
      default: ["COMPLIANCE"],
      description:
        "Object lock retention modes accepted for audit logs (GOVERNANCE can be lifted by privileged users).",
    }),
  },
  validate: (stack, { config, report }) => {
    const trails = stack.ofType(AWS.cloudtrailTrail);
    if (trails.length === 0) {
      return;
    }
    for (const bucket of bucketsOf(stack)) {
      if (!trails.some((trail) => refersTo(trail, "s3BucketName", bucket, BUCKET_IDENTIFIERS))) {
        continue;
      }
      const enabled = get(bucket.props, "objectLockEnabled");
      if (!isUnknown(enabled) && knownBoolean(enabled) !== true) {
        report(
          `bucket "${bucket.name}" receives CloudTrail logs but objectLockEnabled is not true (object lock can only be switched on when the bucket is created)`,
          bucket,
        );
        continue;
      }
      const configurations: unknown[] = attachedTo(stack, bucket, [AWS.s3ObjectLock, AWS.s3ObjectLockV2]).map(
        (configuration) => configuration.props,
      );
      const inline = get(bucket.props, "objectLockConfiguration");
      if (inline !== undefined) {
        configurations.push(inline);
      }
      if (configurations.length === 0) {
        report(
          `bucket "${bucket.name}" receives CloudTrail logs but has no aws.s3.BucketObjectLockConfiguration with a default retention`,
          bucket,
        );
        continue;
      }
      const problems = configurations.map((configuration) =>
        retentionProblem(configuration, config.allowedModes),
      );
      if (problems.every((problem) => problem !== undefined)) {
        report(`bucket "${bucket.name}" receives CloudTrail logs but ${problems.join("; ")}`, bucket);
      }
    }
  },
});
