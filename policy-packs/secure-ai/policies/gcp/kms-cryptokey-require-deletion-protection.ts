import {
  defineResourcePolicy,
  describeValue,
  get,
  integerOption,
  isUnknown,
  knownString,
  stringListOption,
} from "../lib";
import { DAY_SECONDS, durationSeconds, secondsAsDays } from "./durations";
import { GCP } from "./types";

/** Cloud KMS keeps destroyed versions for 30 days when no destroyScheduledDuration is set. */
const DEFAULT_DESTROY_DAYS = 30;

/** Cloud KMS keys cannot be removed by a Pulumi destroy, and destroyed versions stay recoverable. */
export const gcpKmsCryptokeyRequireDeletionProtection = defineResourcePolicy({
  name: "gcp-kms-cryptokey-require-deletion-protection",
  cloud: "gcp",
  controls: ["SAI-ENC-07"],
  description:
    'Cloud KMS keys set deletionPolicy "PREVENT" (or another value of allowedDeletionPolicies), so a destroy or replacement fails instead of destroying key versions, and keep destroyScheduledDuration at least minDestroyScheduledDays days.',
  enforcementLevel: "mandatory",
  resourceTypes: [GCP.kmsCryptoKey],
  tags: ["kms", "resilience"],
  config: {
    allowedDeletionPolicies: stringListOption({
      default: ["PREVENT"],
      description:
        'deletionPolicy values accepted ("PREVENT"; add "ABANDON" to let Pulumi forget keys without destroying them).',
    }),
    minDestroyScheduledDays: integerOption({
      default: 30,
      minimum: 1,
      maximum: 120,
      description:
        "Shortest allowed time in days a destroyed key version stays recoverable (Cloud KMS accepts up to 120).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const policy = get(props, "deletionPolicy");
    if (!isUnknown(policy)) {
      const known = policy === undefined ? "DELETE" : knownString(policy);
      if (known === undefined || !config.allowedDeletionPolicies.includes(known)) {
        report(
          `deletionPolicy is ${policy === undefined ? 'not set (the provider default is "DELETE")' : describeValue(policy)}; allowed: ${config.allowedDeletionPolicies.join(", ")}`,
        );
      }
    }
    const duration = get(props, "destroyScheduledDuration");
    if (isUnknown(duration) || duration === undefined) {
      if (duration === undefined && DEFAULT_DESTROY_DAYS < config.minDestroyScheduledDays) {
        report(
          `destroyScheduledDuration is not set (${DEFAULT_DESTROY_DAYS} days); it must be at least ${config.minDestroyScheduledDays} days`,
        );
      }
      return;
    }
    const seconds = durationSeconds(knownString(duration) ?? "");
    if (seconds === undefined || seconds < config.minDestroyScheduledDays * DAY_SECONDS) {
      report(
        `destroyScheduledDuration is ${describeValue(duration)}${seconds === undefined ? "" : ` (${secondsAsDays(seconds)} days)`}; it must be at least ${config.minDestroyScheduledDays} days`,
      );
    }
  },
  remediate: ({ props }, config) => {
    const policy = get(props, "deletionPolicy");
    const known = knownString(policy);
    if (isUnknown(policy) || (known !== undefined && config.allowedDeletionPolicies.includes(known))) {
      return undefined;
    }
    return { deletionPolicy: config.allowedDeletionPolicies[0] ?? "PREVENT" };
  },
});
