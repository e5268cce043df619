import { createHash } from "node:crypto";

/**
 * Physical names of Google Cloud resources. Every name is derived from the platform's name, so two platforms
 * in one project never collide, and it is deterministic, because key rings and keys can never be deleted and
 * must be found again under the same name. Services differ in their limits; names that would not fit are
 * shortened and end with a hash of the full name, which keeps them unique.
 */

/** Hex digest of a name's parts, used to keep shortened names unique. */
export function shortHash(parts: readonly string[], length = 8): string {
  return createHash("sha256").update(parts.join("/")).digest("hex").slice(0, length);
}

/**
 * Joins parts with hyphens; when the result exceeds `maxLength`, keeps a prefix and appends a hash of the full
 * name. Parts are already lowercase letters, digits and hyphens (validated names).
 */
export function fitName(parts: readonly string[], maxLength: number): string {
  const full = parts.join("-");
  if (full.length <= maxLength) return full;
  const hash = shortHash(parts);
  const prefix = full.slice(0, maxLength - hash.length - 1).replace(/-+$/, "");
  return `${prefix}-${hash}`;
}

/**
 * A globally unique bucket name (3 to 63 characters): the platform and purpose, plus a hash of the project so
 * that the same platform in two projects gets two names.
 */
export function bucketName(project: string, parts: readonly string[]): string {
  const hash = shortHash([project, ...parts]);
  return `${fitName(parts, 63 - hash.length - 1)}-${hash}`;
}

/** A service account ID: 6 to 30 characters, starting with a letter. */
export function serviceAccountId(platform: string, workload: string): string {
  return fitName([platform, workload], 30).padEnd(6, "0");
}

/** A workload identity pool or provider ID: 4 to 32 characters, not starting with `gcp-`. */
export function workloadIdentityId(parts: readonly string[]): string {
  const id = fitName(parts, 32).padEnd(4, "0");
  return id.startsWith("gcp-") ? `p${id.slice(1)}` : id;
}

/**
 * The name of a Private Service Connect forwarding rule for Google APIs: 1 to 20 lowercase letters and digits,
 * starting with a letter (no hyphens, unlike other forwarding rules).
 */
export function googleApisEndpointName(platform: string): string {
  const letters = platform.replace(/[^a-z0-9]/g, "").slice(0, 8);
  return `${letters}apis${shortHash([platform], 20 - letters.length - 4)}`;
}

/**
 * The numeric ID of a Vertex AI endpoint (at most 10 digits, no leading zero), derived from the project,
 * platform and model so that it is stable across updates.
 */
export function vertexEndpointId(project: string, platform: string, model: string): string {
  const digits = BigInt(`0x${shortHash([project, platform, model], 15)}`) % 1_000_000_000n;
  return `1${digits.toString().padStart(9, "0")}`;
}

/**
 * An address for the Private Service Connect endpoint for Google APIs. It lies in 100.100.0.0/16, outside the
 * RFC 1918 ranges the platform's subnets use, and varies by platform so that two platforms sharing an existing
 * network do not take the same address.
 */
export function googleApisEndpointAddress(platform: string): string {
  const value = parseInt(shortHash([platform, "psc"], 4), 16);
  const third = (value >> 8) % 256;
  const fourth = Math.max(2, (value & 0xff) % 255);
  return `100.100.${third}.${fourth}`;
}

/**
 * A BigQuery identifier (dataset or table ID: letters, digits and underscores) from validated name parts.
 * Names have single hyphens and no underscores, so turning hyphens into underscores keeps them distinct.
 */
function bigqueryIdentifier(parts: readonly string[]): string {
  return parts.join("_").replace(/-/g, "_");
}

/** The ID of the BigQuery dataset that holds the platform's model request-response logs. */
export function inferenceLogDatasetId(platform: string): string {
  return bigqueryIdentifier([platform, "inference", "logs"]);
}

/** The ID of the BigQuery table that Vertex AI creates for one model endpoint's request-response logs. */
export function inferenceLogTableId(model: string): string {
  return bigqueryIdentifier(["request", "response", model]);
}
