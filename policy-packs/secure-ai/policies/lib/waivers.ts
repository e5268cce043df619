/**
 * Waivers: a reasoned, dated exception for one policy on some resources.
 *
 * Pulumi policy config is per policy (`--policy-pack-config` maps policy names to their settings, and the
 * pack-wide `all` key takes only an enforcement level), so every policy of the pack accepts a `waivers`
 * list in its own config. A waiver there may omit `policy`; when present it must match the policy's name
 * (a glob), which lets a team keep one pack-wide list and spread it with {@link waiversToPolicyConfig}.
 *
 * A finding on a waived resource is still reported, as advisory with a `[waived: reason, until date]`
 * prefix. A waiver past its expiry no longer waives anything and is itself reported as a violation.
 */
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { globMatches } from "./glob";

/** One waiver as written in config. */
export interface Waiver {
  /** Policy name or glob; optional inside a policy's own config, required in a pack-wide list. */
  policy?: string;
  /** The resource: its full URN, or a glob over the resource name (or over the URN when it starts with `urn:`). */
  resource: string;
  /** Why the exception is acceptable (at least 10 characters), shown with every waived finding. */
  reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) on which the waiver applies. */
  expires: string;
}

/** The JSON schema of a policy's `waivers` config property. */
export const WAIVERS_SCHEMA: PolicyConfigJSONSchema = {
  type: "array",
  description:
    "Reasoned, dated exceptions: { policy?, resource (URN or name glob), reason, expires (YYYY-MM-DD) }. " +
    "Waived findings are reported as advisory; an expired waiver is a violation.",
  default: [],
  items: {
    type: "object",
    required: ["resource", "reason", "expires"],
    additionalProperties: false,
    properties: {
      policy: { type: "string", minLength: 1 },
      resource: { type: "string", minLength: 1 },
      reason: { type: "string", minLength: 10 },
      expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    },
  },
};

/** How a waiver stands for one resource today. */
export type WaiverMatch =
  | { state: "none" }
  | { state: "active"; waiver: Waiver }
  | { state: "expired"; waiver: Waiver; problem: string };

/** The identity of a resource a finding is about. */
export interface ResourceRef {
  urn: string;
  name: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** End of the expiry day in UTC milliseconds, or `undefined` for a malformed or impossible date. */
export function expiryEnd(expires: string): number | undefined {
  const match = DATE.exec(expires);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = Date.UTC(year, month - 1, day);
  const check = new Date(start);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return start + 24 * 60 * 60 * 1000 - 1;
}

/** Keeps the config entries that have the waiver shape; anything else is ignored (the CLI validates the schema). */
export function parseWaivers(value: unknown): Waiver[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(
    (item): item is Waiver =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as Waiver).resource === "string" &&
      typeof (item as Waiver).reason === "string" &&
      typeof (item as Waiver).expires === "string" &&
      ((item as Waiver).policy === undefined || typeof (item as Waiver).policy === "string"),
  );
}

/** Whether a waiver's resource pattern names this resource. */
export function waiverCovers(waiver: Waiver, resource: ResourceRef): boolean {
  if (waiver.resource === resource.urn) {
    return true;
  }
  return globMatches(waiver.resource, waiver.resource.startsWith("urn:") ? resource.urn : resource.name);
}

/**
 * Finds the waiver for a resource under a policy. An active waiver wins over an expired one for the same
 * resource (a renewed waiver next to its old entry); otherwise the first expired one is returned.
 */
export function matchWaiver(
  waivers: readonly Waiver[],
  policyName: string,
  resource: ResourceRef,
  now: number,
): WaiverMatch {
  let expired: WaiverMatch = { state: "none" };
  for (const waiver of waivers) {
    if (waiver.policy !== undefined && !globMatches(waiver.policy, policyName)) {
      continue;
    }
    if (!waiverCovers(waiver, resource)) {
      continue;
    }
    const end = expiryEnd(waiver.expires);
    if (end !== undefined && now <= end && waiver.reason.trim().length >= 10) {
      return { state: "active", waiver };
    }
    if (expired.state === "none") {
      const problem =
        end === undefined
          ? `has an invalid expiry date "${waiver.expires}" (expected YYYY-MM-DD)`
          : waiver.reason.trim().length < 10
            ? "has no meaningful reason (at least 10 characters)"
            : `expired on ${waiver.expires}`;
      expired = { state: "expired", waiver, problem };
    }
  }
  return expired;
}

/** The prefix of a waived finding's message. */
export function waivedPrefix(waiver: Waiver): string {
  return `[waived: ${waiver.reason.trim()}, until ${waiver.expires}]`;
}

/**
 * Spreads a pack-wide waiver list into `--policy-pack-config` entries: each policy named (or matched by a
 * glob) in `policyNames` gets the waivers that apply to it. Existing entries in `config` are kept and their
 * `waivers` extended.
 */
export function waiversToPolicyConfig(
  waivers: readonly Waiver[],
  policyNames: readonly string[],
  config: Record<string, unknown> = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...config };
  for (const name of policyNames) {
    const applying = waivers.filter(
      (waiver) => waiver.policy !== undefined && globMatches(waiver.policy, name),
    );
    if (applying.length === 0) {
      continue;
    }
    const existing = result[name];
    const entry: Record<string, unknown> =
      typeof existing === "string"
        ? { enforcementLevel: existing }
        : typeof existing === "object" && existing !== null
          ? { ...(existing as Record<string, unknown>) }
          : {};
    entry.waivers = [...parseWaivers(entry.waivers), ...applying];
    result[name] = entry;
  }
  return result;
}
