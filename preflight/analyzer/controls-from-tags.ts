/** Picks the SAI control IDs (`SAI-ENC-01`, `SAI-IR-01`, ...) out of a policy's tags. */

/** Shape of a control ID in `shared/controls.md`: `SAI-<GROUP>-<two digits>`. */
export const CONTROL_ID_PATTERN = /^SAI-[A-Z]+-\d{2}$/;

/** Returns the tags that are SAI control IDs, without duplicates, in tag order. */
export function controlIdsFromTags(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((tag) => CONTROL_ID_PATTERN.test(tag)))];
}

/** Prefix of the tags by which a policy declares a resource type it examines (`examines:aws:s3/bucket:Bucket`). */
export const EXAMINES_TAG_PREFIX = "examines:";

/** The resource types a policy declares it examines, from its `examines:<type>` tags. */
export function examinedTypesFromTags(tags: readonly string[]): string[] {
  return [
    ...new Set(
      tags
        .filter((tag) => tag.startsWith(EXAMINES_TAG_PREFIX))
        .map((tag) => tag.slice(EXAMINES_TAG_PREFIX.length)),
    ),
  ];
}
