/**
 * Recognising stores that hold personal data by their tags (AWS, Azure) or labels (GCP). SecureAiPlatform
 * marks its personal-data stores with `personal-data: "true"` on every cloud; `data-classification:
 * personal` is accepted as well, for stacks that classify data that way.
 */
import { stringListOption } from "./config";
import { tagValue } from "./tags";

/** The config option naming the markers. */
export const PERSONAL_DATA_OPTIONS = {
  personalDataTags: stringListOption({
    default: ["personal-data=true", "data-classification=personal"],
    description:
      'Tags (labels on GCP), as "key=value" or just "key", that mark a store as holding personal data.',
  }),
};

/** Whether `props[property]` carries one of `markers` (values compared case-insensitively). */
export function holdsPersonalData(props: unknown, markers: readonly string[], property = "tags"): boolean {
  return markers.some((marker) => {
    const at = marker.indexOf("=");
    const key = at < 0 ? marker : marker.slice(0, at);
    const value = tagValue(props, key, property);
    return value !== undefined && (at < 0 || value.toLowerCase() === marker.slice(at + 1).toLowerCase());
  });
}
