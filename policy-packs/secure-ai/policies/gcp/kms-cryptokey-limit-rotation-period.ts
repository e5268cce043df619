import {
  defineResourcePolicy,
  describeValue,
  get,
  integerOption,
  isUnknown,
  knownBoolean,
  knownString,
} from "../lib";
import { DAY_SECONDS, daysAsDuration, durationSeconds, secondsAsDays } from "./durations";
import { GCP } from "./types";

/** Protection levels whose key material lives in an external key manager, which rotates it itself. */
const EXTERNAL_LEVELS = ["EXTERNAL", "EXTERNAL_VPC"];

/**
 * Whether Cloud KMS can rotate the key on a schedule: only symmetric ENCRYPT_DECRYPT keys that are neither
 * import-only nor external. Unknown inputs count as rotatable, so the check still runs at preview.
 */
function rotatable(props: unknown): boolean {
  const purpose = knownString(get(props, "purpose"));
  const level = knownString(get(props, "versionTemplate", "protectionLevel"));
  return (
    (purpose === undefined || purpose === "ENCRYPT_DECRYPT") &&
    knownBoolean(get(props, "importOnly")) !== true &&
    (level === undefined || !EXTERNAL_LEVELS.includes(level))
  );
}

/**
 * The rotation period Cloud KMS accepts: "Must be at least 24 hours and at most 876,000 hours" (CryptoKey's
 * rotation_period in Google's Cloud KMS reference); a shorter period fails the key's creation.
 */
const ROTATION_BOUNDS_DOC =
  "https://cloud.google.com/python/docs/reference/cloudkms/1.4.2/google.cloud.kms_v1.types.CryptoKey";
const MIN_ROTATION_SECONDS = DAY_SECONDS;

/** Cloud KMS keys rotate automatically, at most every `maxRotationDays` days and at least every 24 hours. */
export const gcpKmsCryptokeyLimitRotationPeriod = defineResourcePolicy({
  name: "gcp-kms-cryptokey-limit-rotation-period",
  cloud: "gcp",
  controls: ["SAI-ENC-03"],
  description:
    "Symmetric Cloud KMS keys (purpose ENCRYPT_DECRYPT, HSM included) set rotationPeriod to at most maxRotationDays days and at least 24 hours (Cloud KMS rejects a shorter period); import-only and EXTERNAL/EXTERNAL_VPC keys are rotated outside Cloud KMS and are not checked.",
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.kmsCryptoKey],
  tags: ["kms", "encryption"],
  config: {
    maxRotationDays: integerOption({
      default: 90,
      minimum: 2,
      maximum: 36_500,
      description: "Longest allowed rotation period in days (Cloud KMS needs more than one day).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    if (!rotatable(props)) {
      return;
    }
    const period = get(props, "rotationPeriod");
    if (isUnknown(period)) {
      return;
    }
    if (period === undefined) {
      report(
        `rotationPeriod is not set, so the key never rotates; set it to at most ${daysAsDuration(config.maxRotationDays)}`,
      );
      return;
    }
    const seconds = durationSeconds(knownString(period) ?? "");
    if (seconds === undefined) {
      report(
        `rotationPeriod is ${describeValue(period)}, not a duration such as "${daysAsDuration(config.maxRotationDays)}"`,
      );
    } else if (seconds < MIN_ROTATION_SECONDS) {
      report(
        `rotationPeriod is ${String(period)}; Cloud KMS accepts at least 24 hours (86400s), so the key is not created (${ROTATION_BOUNDS_DOC})`,
      );
    } else if (seconds > config.maxRotationDays * DAY_SECONDS) {
      report(
        `rotationPeriod is ${String(period)} (${secondsAsDays(seconds)} days); it must be at most ${config.maxRotationDays} days (${daysAsDuration(config.maxRotationDays)})`,
      );
    }
  },
  remediate: ({ props }, config) => {
    const period = get(props, "rotationPeriod");
    if (!rotatable(props) || isUnknown(period)) {
      return undefined;
    }
    const seconds = durationSeconds(knownString(period) ?? "");
    if (
      seconds !== undefined &&
      seconds >= MIN_ROTATION_SECONDS &&
      seconds <= config.maxRotationDays * DAY_SECONDS
    ) {
      return undefined;
    }
    return { rotationPeriod: daysAsDuration(config.maxRotationDays) };
  },
});
