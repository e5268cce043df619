/** Picks the SAI control IDs (`SAI-ENC-01`, `SAI-IR-01`, ...) out of a policy's tags. */

/** Shape of a control ID in `shared/controls.md`: `SAI-<GROUP>-<two digits>`. */
export const CONTROL_ID_PATTERN = /^SAI-[A-Z]+-\d{2}$/;

/** Returns the tags that are SAI control IDs, without duplicates, in tag order. */
export function controlIdsFromTags(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((tag) => CONTROL_ID_PATTERN.test(tag)))];
}
