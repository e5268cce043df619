import type { ReportData, ReportFinding, ReportStack } from "../report/report-data";
import type { BaselineFinding, BaselineReport, BaselineStack } from "./read-baseline";
import type { DriftFinding, DriftReport, DriftSummary, ExpiredWaiver, StackDrift } from "./types";

/**
 * Compares this run with a baseline report, per stack (matched by project and stack name), per resource and
 * policy, and per control. A finding is `new` (unwaived now, not reported before), `fixed` (reported unwaived
 * before, not now), `open` (unwaived in both), `newly-waived` (waived now, not waived before) or `waiver-ended`
 * (waived before, unwaived now: the waiver expired or was removed). Baseline stacks this run did not assess are
 * listed as not assessed, never as fixed.
 *
 * @param baseline - the previous report.
 * @param data - this run's report.
 */
export function compareWithBaseline(baseline: BaselineReport, data: ReportData): DriftReport {
  const previous = new Map(baseline.stacks.map((stack) => [stackKey(stack), stack]));
  const stacks = data.stacks.map((stack) =>
    compareStack(previous.get(stackKey(stack)), stack, baseline.generatedAt, data.generatedAt),
  );
  const assessed = new Set(data.stacks.map(stackKey));
  return {
    baseline: { file: baseline.file, generatedAt: baseline.generatedAt, tool: baseline.tool },
    stacks,
    notAssessed: baseline.stacks
      .filter((stack) => !assessed.has(stackKey(stack)))
      .map((stack) => ({ stack: stack.stack, project: stack.project })),
    summary: summarize(stacks),
  };
}

function stackKey(stack: { stack: string; project: string }): string {
  return `${stack.project}/${stack.stack}`;
}

function compareStack(
  before: BaselineStack | undefined,
  now: ReportStack,
  since: string,
  until: string,
): StackDrift {
  const current = new Map(now.findings.flatMap(perPolicy).map((finding) => [findingKey(finding), finding]));
  const previous = new Map((before?.findings ?? []).map((finding) => [findingKey(finding), finding]));
  const findings: DriftFinding[] = [];
  for (const [key, finding] of current) {
    const earlier = previous.get(key);
    const change = finding.waived
      ? earlier === undefined || !earlier.waived
        ? "newly-waived"
        : undefined
      : earlier === undefined
        ? "new"
        : earlier.waived
          ? "waiver-ended"
          : "open";
    if (change !== undefined) {
      findings.push({ change, ...describe(finding) });
    }
  }
  const resources = new Set(now.resources.map((resource) => resource.urn));
  for (const [key, earlier] of previous) {
    if (!current.has(key) && !earlier.waived) {
      findings.push({
        change: "fixed",
        ...describe(earlier),
        ...(earlier.urn !== now.stackUrn && !resources.has(earlier.urn) ? { resourceRemoved: true } : {}),
      });
    }
  }
  return {
    stack: now.stack,
    project: now.project,
    inBaseline: before !== undefined,
    findings: findings.sort(
      (a, b) =>
        CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
        a.urn.localeCompare(b.urn) ||
        a.policy.localeCompare(b.policy),
    ),
    controls: now.evidence.controls
      .map((control) => ({
        id: control.id,
        before: before?.controls.get(control.id) ?? ("absent" as const),
        after: control.status,
      }))
      .filter((control) => before !== undefined && control.before !== control.after),
    expiredWaivers: expiredBetween(now, since, until),
  };
}

const CHANGE_ORDER: Readonly<Record<DriftFinding["change"], number>> = {
  new: 0,
  "waiver-ended": 1,
  open: 2,
  "newly-waived": 3,
  fixed: 4,
};

type Comparable = Pick<
  BaselineFinding,
  "urn" | "policy" | "controls" | "severity" | "enforcementLevel" | "message" | "waived"
>;

/** A finding that several policies reported counts once per policy, as the baseline does. */
function perPolicy(finding: ReportFinding): Comparable[] {
  const policies = (finding as ReportFinding & { policies?: string[] }).policies ?? [finding.policy];
  return policies.map((policy) => ({
    urn: finding.urn,
    policy,
    controls: finding.controls,
    severity: finding.severity,
    enforcementLevel: finding.enforcementLevel,
    message: finding.message,
    waived: finding.waived === true,
  }));
}

function findingKey(finding: Pick<Comparable, "urn" | "policy">): string {
  return `${finding.urn}\u0000${finding.policy}`;
}

function describe(finding: Comparable): Omit<DriftFinding, "change"> {
  return {
    urn: finding.urn,
    policy: finding.policy,
    controls: [...finding.controls],
    severity: finding.severity,
    enforcementLevel: finding.enforcementLevel,
    message: finding.message,
  };
}

/** Waivers of this run whose expiry date lies after the baseline was written and no later than this run. */
function expiredBetween(stack: ReportStack, since: string, until: string): ExpiredWaiver[] {
  const from = Date.parse(since);
  const to = Date.parse(until);
  const seen = new Set<string>();
  const expired: ExpiredWaiver[] = [];
  for (const control of stack.evidence.controls) {
    for (const waiver of control.waivers) {
      const at = waiver.expires === undefined ? Number.NaN : Date.parse(waiver.expires);
      const key = `${waiver.control}\u0000${waiver.urn ?? ""}\u0000${waiver.expires ?? ""}`;
      if (at > from && at <= to && !seen.has(key)) {
        seen.add(key);
        expired.push({
          control: waiver.control,
          reason: waiver.reason,
          expires: waiver.expires!,
          ...(waiver.urn !== undefined ? { urn: waiver.urn } : {}),
        });
      }
    }
  }
  return expired;
}

function summarize(stacks: readonly StackDrift[]): DriftSummary {
  const count = (change: DriftFinding["change"]): number =>
    stacks.reduce(
      (total, stack) => total + stack.findings.filter((finding) => finding.change === change).length,
      0,
    );
  return {
    new: count("new"),
    fixed: count("fixed"),
    open: count("open"),
    newlyWaived: count("newly-waived"),
    waiverEnded: count("waiver-ended"),
    expiredWaivers: stacks.reduce((total, stack) => total + stack.expiredWaivers.length, 0),
    controlsChanged: stacks.reduce((total, stack) => total + stack.controls.length, 0),
  };
}
