import {
  defineResourcePolicy,
  describeValue,
  get,
  integerOption,
  isUnknown,
  knownArray,
  knownString,
} from "../lib";
import { durationDays } from "./durations";
import { AZURE } from "./types";
import { rawObject } from "./values";

/** How often a rotation policy rotates, in days; `"unknown"` when it cannot be known before apply. */
function rotationInterval(policy: unknown): number | "unknown" | string {
  const actions = get(policy, "lifetimeActions");
  if (isUnknown(policy) || isUnknown(actions)) {
    return "unknown";
  }
  const rotate = knownArray(actions).filter((action) => {
    const type = get(action, "action", "type");
    return isUnknown(type) || knownString(type)?.toLowerCase() === "rotate";
  });
  if (rotate.length === 0) {
    return "rotationPolicy has no lifetime action of type rotate";
  }
  const intervals = rotate.map((action) => {
    const afterCreate = get(action, "trigger", "timeAfterCreate");
    const beforeExpiry = get(action, "trigger", "timeBeforeExpiry");
    const expiry = get(policy, "attributes", "expiryTime");
    if (
      isUnknown(afterCreate) ||
      (afterCreate === undefined && (isUnknown(beforeExpiry) || isUnknown(expiry)))
    ) {
      return Number.NEGATIVE_INFINITY;
    }
    if (afterCreate !== undefined) {
      return durationDays(knownString(afterCreate) ?? "") ?? Number.POSITIVE_INFINITY;
    }
    const expiryDays = durationDays(knownString(expiry) ?? "");
    const beforeDays = durationDays(knownString(beforeExpiry) ?? "");
    return expiryDays === undefined || beforeDays === undefined
      ? Number.POSITIVE_INFINITY
      : expiryDays - beforeDays;
  });
  const shortest = Math.min(...intervals);
  return shortest === Number.NEGATIVE_INFINITY ? "unknown" : shortest;
}

/** Key Vault keys rotate automatically, at most every `maxRotationDays` days. */
export const azureKeyvaultKeyLimitRotationPeriod = defineResourcePolicy({
  name: "azure-keyvault-key-limit-rotation-period",
  cloud: "azure",
  controls: ["SAI-ENC-03"],
  description:
    'Key Vault keys have properties.rotationPolicy with a lifetime action of type "rotate" whose trigger (timeAfterCreate, or expiryTime minus timeBeforeExpiry) is at most maxRotationDays days; consumers should reference the key without a version to follow rotations.',
  enforcementLevel: "mandatory",
  resourceTypes: [AZURE.keyVaultKey],
  tags: ["keyvault", "encryption"],
  config: {
    maxRotationDays: integerOption({
      default: 90,
      minimum: 7,
      maximum: 3650,
      description: "Longest allowed rotation interval in days (Key Vault needs at least 7).",
    }),
  },
  validate: ({ props }, { config, report }) => {
    const policy = get(props, "properties", "rotationPolicy");
    if (policy === undefined) {
      report(
        `properties.rotationPolicy is not set, so the key never rotates; add a rotate action with timeAfterCreate "P${config.maxRotationDays}D"`,
      );
      return;
    }
    const interval = rotationInterval(policy);
    if (typeof interval === "string") {
      if (interval !== "unknown") {
        report(interval);
      }
      return;
    }
    if (interval > config.maxRotationDays) {
      const shown = Number.isFinite(interval)
        ? `${Math.round(interval * 100) / 100} days`
        : describeValue(get(policy, "lifetimeActions"));
      report(
        `the rotate action triggers after ${shown} (or has no readable trigger); it must be at most ${config.maxRotationDays} days (e.g. "P${config.maxRotationDays}D")`,
      );
    }
  },
  remediate: ({ props }, config) => {
    const properties = get(props, "properties");
    const policy = get(properties, "rotationPolicy");
    if (isUnknown(properties)) {
      return undefined;
    }
    const interval = policy === undefined ? Number.POSITIVE_INFINITY : rotationInterval(policy);
    if (interval === "unknown" || (typeof interval === "number" && interval <= config.maxRotationDays)) {
      return undefined;
    }
    const others = knownArray(get(policy, "lifetimeActions")).filter(
      (action) => knownString(get(action, "action", "type"))?.toLowerCase() !== "rotate",
    );
    const rotate = {
      action: { type: "rotate" },
      trigger: { timeAfterCreate: `P${config.maxRotationDays}D` },
    };
    return {
      properties: {
        ...rawObject(properties),
        rotationPolicy: { ...rawObject(policy), lifetimeActions: [rotate, ...others] },
      },
    };
  },
});
