/** Reading resource tags (AWS `tags`, GCP `labels`) without reading unknown values. */
import { get, knownString, type Value } from "./values";

/** The known string value of tag `key`, or `undefined` when absent or unknown. */
export function tagValue(props: unknown, key: string, property = "tags"): string | undefined {
  const tags: Value = get(props, property);
  return knownString(get(tags, key));
}
