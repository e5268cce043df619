/** Policy naming: `<cloud>-<service>-<resource>-<verb>-<what>`, lower case, with a small verb set. */

/** The verbs a policy name may use: require a setting, disallow a setting, limit a value to a range or list. */
export const POLICY_VERBS = ["require", "disallow", "limit"] as const;

/** Clouds the pack has policies for. */
export const POLICY_CLOUDS = ["aws", "gcp", "azure"] as const;

/** A cloud the pack has policies for. */
export type PolicyCloud = (typeof POLICY_CLOUDS)[number];

/** The name pattern every policy matches. */
export const POLICY_NAME_PATTERN = new RegExp(
  `^(${POLICY_CLOUDS.join("|")})-[a-z0-9]+-[a-z0-9]+(-[a-z0-9]+)*-(${POLICY_VERBS.join("|")})-[a-z0-9]+(-[a-z0-9]+)*$`,
);

/** Throws when a policy name breaks the convention or names another cloud than the policy's. */
export function assertPolicyName(name: string, cloud: PolicyCloud): void {
  if (!POLICY_NAME_PATTERN.test(name) || !name.startsWith(`${cloud}-`)) {
    throw new Error(
      `policy name "${name}" must match <cloud>-<service>-<resource>-<verb>-<what> with cloud "${cloud}" ` +
        `and a verb of ${POLICY_VERBS.join(", ")}`,
    );
  }
}

/** A readable title from the name: `aws-kms-key-require-rotation` -> `AWS kms key: require rotation`. */
export function displayNameOf(name: string): string {
  const parts = name.split("-");
  const verbAt = parts.findIndex(
    (part, index) => index > 1 && (POLICY_VERBS as readonly string[]).includes(part),
  );
  const subject = parts.slice(1, verbAt).join(" ");
  const rule = parts.slice(verbAt).join(" ");
  return `${parts[0].toUpperCase()} ${subject}: ${rule}`;
}
