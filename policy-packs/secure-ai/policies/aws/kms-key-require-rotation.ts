import {
  defineResourcePolicy,
  get,
  integerOption,
  isUnknown,
  knownNumber,
  knownString,
  requireBoolean,
} from "../lib";
import { AWS } from "./types";

const SYMMETRIC = "SYMMETRIC_DEFAULT";
/** AWS rotates every 365 days when rotation is on and no period is set. */
const AWS_DEFAULT_ROTATION_DAYS = 365;

/**
 * EnableKeyRotation accepts RotationPeriodInDays from 90 to 2560; a shorter period fails the request
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html).
 */
const AWS_MIN_ROTATION_DAYS = 90;
const ROTATION_DOC = "https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html";

/** KMS keys rotate automatically, at most every `maxRotationDays` days and no more often than AWS accepts. */
export const awsKmsKeyRequireRotation = defineResourcePolicy({
  name: "aws-kms-key-require-rotation",
  cloud: "aws",
  controls: ["SAI-ENC-03"],
  description:
    "Symmetric KMS keys have automatic rotation on with a period of at most maxRotationDays days and at least 90, the shortest AWS accepts (keys in a custom key store cannot rotate and are reported by SAI-ENC-04 evidence instead).",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey],
  tags: ["kms", "encryption"],
  config: {
    maxRotationDays: integerOption({
      default: 90,
      minimum: 90,
      maximum: 2560,
      description: "Longest allowed rotation period in days (AWS accepts 90 to 2560).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const spec = knownString(get(props, "customerMasterKeySpec"));
    if (
      (spec !== undefined && spec !== SYMMETRIC) ||
      knownString(get(props, "customKeyStoreId")) !== undefined
    ) {
      return;
    }
    requireBoolean(props, ["enableKeyRotation"], true, false, report);
    const period = get(props, "rotationPeriodInDays");
    if (isUnknown(period)) {
      return;
    }
    const days = period === undefined ? AWS_DEFAULT_ROTATION_DAYS : knownNumber(period);
    if (days !== undefined && days < AWS_MIN_ROTATION_DAYS) {
      report(
        `rotationPeriodInDays is ${String(period)}; AWS accepts 90 to 2560 days, so rotation cannot be turned on (${ROTATION_DOC})`,
      );
    } else if (days === undefined || days > config.maxRotationDays) {
      report(
        `rotationPeriodInDays is ${period === undefined ? `not set (AWS rotates every ${AWS_DEFAULT_ROTATION_DAYS} days)` : String(period)}; it must be at most ${config.maxRotationDays}`,
      );
    }
  },
  remediate: ({ props }, config) => {
    const period = knownNumber(get(props, "rotationPeriodInDays"));
    const rotationOk = get(props, "enableKeyRotation") === true;
    const periodOk =
      isUnknown(get(props, "rotationPeriodInDays")) ||
      (period !== undefined && period >= AWS_MIN_ROTATION_DAYS && period <= config.maxRotationDays);
    if (rotationOk && periodOk) {
      return undefined;
    }
    return { enableKeyRotation: true, ...(periodOk ? {} : { rotationPeriodInDays: config.maxRotationDays }) };
  },
});
