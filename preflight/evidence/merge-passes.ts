import type { Finding, Pass } from "../model";

/**
 * One list of findings from the findings of several passes: a finding reported by more than one pass (same
 * pack, policy, resource, level and message) appears once, with every pass that reported it in `passes`.
 * Order: the first pass's findings, then the findings only later passes reported.
 *
 * @param perPass - each pass with its findings.
 */
export function mergePassFindings(
  perPass: readonly { pass: Pass; findings: readonly Finding[] }[],
): Finding[] {
  const merged = new Map<string, Finding>();
  for (const { pass, findings } of perPass) {
    for (const finding of findings) {
      const key = JSON.stringify([
        finding.policyPack,
        finding.policy,
        finding.urn ?? "",
        finding.enforcementLevel,
        finding.message,
      ]);
      const seen = merged.get(key);
      if (seen === undefined) {
        merged.set(key, { ...finding, passes: [pass] });
      } else if (!seen.passes!.includes(pass)) {
        seen.passes!.push(pass);
      }
    }
  }
  return [...merged.values()];
}
