import { defineResourcePolicy, get, integerOption, isUnknown, knownNumber } from "../lib";
import { AWS } from "./types";

/** AWS schedules deletion 30 days out when no window is set. */
const AWS_DEFAULT_WINDOW_DAYS = 30;

/** KMS keys keep a deletion window of at least `minDeletionWindowDays` days. */
export const awsKmsKeyLimitDeletionWindow = defineResourcePolicy({
  name: "aws-kms-key-limit-deletion-window",
  cloud: "aws",
  controls: ["SAI-ENC-07"],
  description:
    "KMS keys keep a deletion window of at least minDeletionWindowDays days (30 by default, the AWS maximum), so a scheduled deletion can be cancelled.",
  enforcementLevel: "mandatory",
  resourceTypes: [AWS.kmsKey],
  tags: ["kms", "resilience"],
  config: {
    minDeletionWindowDays: integerOption({
      default: 30,
      minimum: 7,
      maximum: 30,
      description: "Shortest allowed deletion window in days (AWS accepts 7 to 30).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const window = get(props, "deletionWindowInDays");
    if (isUnknown(window)) {
      return;
    }
    const days = window === undefined ? AWS_DEFAULT_WINDOW_DAYS : knownNumber(window);
    if (days === undefined || days < config.minDeletionWindowDays) {
      report(
        `deletionWindowInDays is ${String(window)}; it must be at least ${config.minDeletionWindowDays}`,
      );
    }
  },
  remediate: ({ props }, config) => {
    const window = get(props, "deletionWindowInDays");
    const days = knownNumber(window);
    if (
      window === undefined ||
      isUnknown(window) ||
      (days !== undefined && days >= config.minDeletionWindowDays)
    ) {
      return undefined;
    }
    return { deletionWindowInDays: config.minDeletionWindowDays };
  },
});
