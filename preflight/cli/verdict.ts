import type { ReportData } from "../report/report-data";
import { EXIT_INCOMPLETE } from "./args";
import type { ReportOptions } from "./report-options";

/** Exit code when nothing fails the run. */
export const EXIT_PASS = 0;
/** Exit code when a finding fails the run (a mandatory one, or what `--fail-on` adds). */
export const EXIT_VIOLATIONS = 1;

const SEVERITY_RANK: Readonly<Record<string, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  unspecified: 0,
};

/**
 * The exit code a report earns: 1 when an unwaived mandatory finding exists, or (with `--fail-on SEVERITY`) an
 * unwaived advisory finding of that severity or higher; else 3 with `--require-complete` when a resource was not
 * examined; else 0. `--soft-fail` makes it 0 whatever was found.
 *
 * @param data - the report.
 * @param options - the run's `failOn`, `softFail` and `requireComplete`.
 */
export function verdictExitCode(
  data: ReportData,
  options: Pick<ReportOptions, "failOn" | "softFail" | "requireComplete">,
): number {
  if (options.softFail) {
    return EXIT_PASS;
  }
  if (data.summary.mandatoryViolations > 0 || failingAdvisories(data, options.failOn) > 0) {
    return EXIT_VIOLATIONS;
  }
  const incomplete = data.stacks.some((stack) => stack.evidence.unexamined.length > 0);
  return options.requireComplete && incomplete ? EXIT_INCOMPLETE : EXIT_PASS;
}

/** Unwaived advisory (or remediate) findings that `--fail-on` makes fail the run. */
export function failingAdvisories(data: ReportData, failOn: ReportOptions["failOn"]): number {
  if (failOn === "mandatory") {
    return 0;
  }
  const floor = SEVERITY_RANK[failOn] ?? Number.POSITIVE_INFINITY;
  return data.stacks
    .flatMap((stack) => stack.findings)
    .filter(
      (finding) =>
        !finding.waived &&
        (finding.enforcementLevel === "advisory" || finding.enforcementLevel === "remediate") &&
        (SEVERITY_RANK[finding.severity] ?? 0) >= floor,
    ).length;
}
