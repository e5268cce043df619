import { createHash } from "node:crypto";

/** The RFC 4122 namespace for names that are URLs (`6ba7b811-…`). */
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** URI of the project's OSCAL namespace: the `ns` of every property this package defines. */
export const SAI_OSCAL_NS = "https://github.com/secure-ai-platform/secure-ai-platform/ns/oscal";

/**
 * A name-based (version 5, SHA-1) UUID as RFC 4122 §4.3 defines it: the same namespace and name always give
 * the same UUID, so documents built twice from the same input carry the same identifiers.
 *
 * @param namespace - a UUID in its textual form.
 * @param name - any string; hashed as UTF-8.
 */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (namespaceBytes.length !== 16) {
    throw new Error(`not a UUID: ${namespace}`);
  }
  const hash = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace UUID of this project's OSCAL identifiers: the URL-namespace UUID of {@link SAI_OSCAL_NS}. */
export const SAI_UUID_NAMESPACE = uuidV5(URL_NAMESPACE, SAI_OSCAL_NS);

/**
 * The UUID of one object of an OSCAL document, from the parts that identify it (kind first, e.g.
 * `["observation", stackUrn, urn, policy]`): stable across runs over the same input.
 *
 * @param parts - what identifies the object; joined with a separator that cannot occur in URNs.
 */
export function stableUuid(...parts: readonly string[]): string {
  return uuidV5(SAI_UUID_NAMESPACE, parts.join("\u0000"));
}
