/**
 * Which keys belong to high-sensitivity workloads (shared by the GCP, Azure and AWS HSM policies): a key
 * carrying a label or tag from `sensitivityLabel` (`sensitivity: high` by default, which SecureAiPlatform
 * sets on the keys it makes HSM-backed on every cloud), or a key whose name matches `highSensitivityKeys`.
 */
import { get, knownString, stringListOption } from "../lib";
import { globMatches } from "../lib/glob";

/** The config options that mark keys as high sensitivity. */
export const HIGH_SENSITIVITY_OPTIONS = {
  sensitivityLabel: stringListOption({
    default: ["sensitivity=high"],
    description:
      'Labels (GCP) or tags (AWS, Azure), as "key=value", that mark a key as high sensitivity; a key with any of them must be HSM-backed.',
  }),
  highSensitivityKeys: stringListOption({
    default: [],
    description:
      "Globs over resource names (or URNs, when starting with urn:) of keys that must be HSM-backed.",
  }),
};

/** Why a resource counts as high sensitivity, or `undefined` when it does not. */
export function highSensitivityReason(
  resource: { name: string; urn: string; props: unknown },
  labelsProperty: string,
  config: { sensitivityLabel: readonly string[]; highSensitivityKeys: readonly string[] },
): string | undefined {
  for (const entry of config.sensitivityLabel) {
    const [key, ...rest] = entry.split("=");
    const expected = rest.join("=");
    const actual = knownString(get(get(resource.props, labelsProperty), key));
    if (actual !== undefined && actual.toLowerCase() === expected.toLowerCase()) {
      return `${labelsProperty} ${key}=${actual}`;
    }
  }
  const pattern = config.highSensitivityKeys.find((glob) =>
    globMatches(glob, glob.startsWith("urn:") ? resource.urn : resource.name),
  );
  return pattern === undefined ? undefined : `name matches "${pattern}" in highSensitivityKeys`;
}
