/**
 * Reporting findings through the SDK's `reportViolation`, with waivers applied: a finding on a resource
 * with an active waiver is reported as advisory with a `[waived: ...]` prefix (the 1.21 server accepts an
 * object with a per-violation `enforcementLevel`, which the typings do not declare yet); an expired or
 * malformed waiver is reported as a violation of its own at the policy's level.
 */
import type { EnforcementLevel, ReportViolation } from "@pulumi/policy";
import { matchWaiver, waivedPrefix, type ResourceRef, type Waiver } from "./waivers";

/** The object form of a violation the 1.21 server accepts at run time. */
interface ViolationObject {
  message: string;
  urn?: string;
  enforcementLevel?: EnforcementLevel;
}

/** Reports one finding about `resource`. */
export type Reporter = (message: string, resource: ResourceRef) => void;

/**
 * Builds a reporter for one policy evaluation.
 * @param urnInReport whether the violation carries the URN (stack policies) or is about the analysed resource.
 */
export function makeReporter(args: {
  policyName: string;
  description: string;
  waivers: readonly Waiver[];
  reportViolation: ReportViolation;
  urnInReport: boolean;
  now: number;
}): Reporter {
  const { policyName, description, waivers, reportViolation, urnInReport, now } = args;
  return (message, resource) => {
    const urn = urnInReport && resource.urn !== "" ? resource.urn : undefined;
    const match = matchWaiver(waivers, policyName, resource, now);
    if (match.state === "active") {
      const waived: ViolationObject = {
        message: `${description}\n${waivedPrefix(match.waiver)} ${message}`,
        enforcementLevel: "advisory",
        ...(urn === undefined ? {} : { urn }),
      };
      (reportViolation as unknown as (violation: ViolationObject) => void)(waived);
      return;
    }
    if (match.state === "expired") {
      reportViolation(
        `${message} (the waiver for "${match.waiver.resource}" ${match.problem} and no longer applies)`,
        urn,
      );
      return;
    }
    reportViolation(message, urn);
  };
}

/**
 * Reports waivers that match a resource but are expired or malformed, so a stale exception is visible even
 * after the resource became compliant.
 * @returns whether a stale waiver was reported.
 */
export function reportStaleWaiver(args: {
  policyName: string;
  waivers: readonly Waiver[];
  resource: ResourceRef;
  reportViolation: ReportViolation;
  urnInReport: boolean;
  now: number;
}): boolean {
  const match = matchWaiver(args.waivers, args.policyName, args.resource, args.now);
  if (match.state === "expired") {
    args.reportViolation(
      `waiver for "${match.waiver.resource}" (${match.waiver.reason.trim()}) ${match.problem}: renew it with a new ` +
        "expiry or remove it",
      args.urnInReport && args.resource.urn !== "" ? args.resource.urn : undefined,
    );
    return true;
  }
  return false;
}
