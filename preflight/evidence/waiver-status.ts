/**
 * Stale and expired waivers of the policy configuration. The secure-ai pack reads a `waivers` list in each
 * policy's config (`--policy-config`, see policy-packs/secure-ai/policies/lib/waivers.ts): an active waiver
 * turns a finding advisory, an expired one that still matches a resource is reported as a violation. A waiver
 * that matches nothing is silent in the pack, so the report lists it here, with every expired waiver.
 */
import { expiryEnd, parseWaivers, waiverCovers } from "../../policy-packs/secure-ai/policies/lib/waivers";
import type { Finding } from "../model";

/** One waiver as the policy configuration declares it. */
export interface ConfiguredWaiver {
  /** Name of the pack whose configuration declares it. */
  pack: string;
  /** The policy whose config lists it. */
  policy: string;
  /** Its resource pattern: a URN, or a glob over resource names (over URNs when it starts with `urn:`). */
  resource: string;
  reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) on which it applies. */
  expires: string;
}

/** A waiver an auditor should look at, and why. */
export interface WaiverProblem extends ConfiguredWaiver {
  /**
   * `expired`: past its `expires` day (or with a date that is not one), so it waives nothing; `stale`: it
   * matches no resource of any stack that ran, or only resources its policy reported nothing on.
   */
  state: "expired" | "stale";
  /** What was seen, in a sentence. */
  detail: string;
}

/** What the check reads of one stack. */
export interface WaiverStack {
  stack: string;
  resources: readonly { urn: string; name: string }[];
  /** Findings; a merged finding names every policy that reported it and the other resources it is about. */
  findings: readonly (Pick<Finding, "policy" | "policyPack" | "urn"> & {
    policies?: readonly string[];
    related?: readonly string[];
  })[];
}

/**
 * Reads the waivers of a parsed policy config file (`{ <policy>: { properties: { waivers } } }`); entries
 * without the waiver shape are left out, as the pack leaves them out.
 *
 * @param pack - the pack the file configures.
 * @param config - the parsed file.
 */
export function configuredWaivers(
  pack: string,
  config: Readonly<Record<string, { properties?: Record<string, unknown> }>>,
): ConfiguredWaiver[] {
  return Object.entries(config).flatMap(([policy, entry]) =>
    parseWaivers(entry.properties?.["waivers"]).map((waiver) => ({
      pack,
      policy,
      resource: waiver.resource,
      reason: waiver.reason,
      expires: waiver.expires,
    })),
  );
}

/**
 * Finds the waivers that are expired (at `now`) or stale (over every stack that ran: no resource matches the
 * pattern, or no finding of the waiver's policy is about a resource it matches).
 *
 * @param waivers - the configured waivers.
 * @param stacks - the stacks that ran, with their resources and findings.
 * @param now - when the check ran.
 */
export function waiverProblems(
  waivers: readonly ConfiguredWaiver[],
  stacks: readonly WaiverStack[],
  now: Date,
): WaiverProblem[] {
  return waivers.flatMap((waiver): WaiverProblem[] => {
    const end = expiryEnd(waiver.expires);
    if (end === undefined || end < now.getTime()) {
      const detail =
        end === undefined
          ? `"${waiver.expires}" is not a calendar date (YYYY-MM-DD), so the waiver never applies`
          : `expired on ${waiver.expires}; it waives nothing until renewed or removed`;
      return [{ ...waiver, state: "expired", detail }];
    }
    const covered = stacks.flatMap((stack) =>
      stack.resources.filter((resource) => waiverCovers(waiver, resource)),
    );
    if (covered.length === 0) {
      return [
        {
          ...waiver,
          state: "stale",
          detail: `"${waiver.resource}" matches no resource of the stacks that ran`,
        },
      ];
    }
    const urns = new Set(covered.map((resource) => resource.urn));
    const used = stacks.some((stack) =>
      stack.findings.some(
        (finding) =>
          finding.policyPack === waiver.pack &&
          (finding.policies ?? [finding.policy]).includes(waiver.policy) &&
          [...(finding.urn !== undefined ? [finding.urn] : []), ...(finding.related ?? [])].some((urn) =>
            urns.has(urn),
          ),
      ),
    );
    if (!used) {
      const names = [...new Set(covered.map((resource) => resource.name))].slice(0, 3).join(", ");
      return [
        {
          ...waiver,
          state: "stale",
          detail: `${waiver.policy} reported nothing on what it matches (${names}${covered.length > 3 ? ", …" : ""}): nothing is left to waive`,
        },
      ];
    }
    return [];
  });
}
