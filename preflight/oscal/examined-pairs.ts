import type { ControlEvidence } from "../evidence/types";
import type { Finding, PolicyInfo } from "../model";
import type { ReportData, ReportStack } from "../report/report-data";

/**
 * How an examined resource was tied to the policy that examined it. The report keeps, per control, the
 * resources its policies examined and the policies that check it, not which policy examined which resource,
 * so the pairing is reconstructed and the observation says how:
 * - `finding`: the policy reported a finding on the resource (or naming it as a related resource);
 * - `examines-type`: the policy declares (its `examines:<type>` tags) that it examines the resource's type;
 * - `only-policy`: only one enabled policy of the control can have examined it (the others declare other
 *   resource types), so that policy did;
 * - `one-of`: one or more of the control's policies examined it; which one is not recorded (an empty list of
 *   policies when the report lists none for the control).
 */
export type PolicyAttribution = "finding" | "examines-type" | "only-policy" | "one-of";

/** What one policy (or set of policies, for `one-of`) did with one resource, over every control it concerns. */
export interface ExaminedPair {
  /** URN of the examined resource (the stack's URN for a stack-level finding). */
  urn: string;
  /** The policies; several only for `one-of`. */
  policies: string[];
  /** Packs of the policies, as the report lists them. */
  packs: string[];
  attribution: PolicyAttribution;
  /** Control IDs the examination is evidence for, in catalog order. */
  controls: string[];
  /** Unwaived findings of the policies on the resource. */
  findings: Finding[];
  /** Findings a waiver covers. */
  waivedFindings: Finding[];
}

/**
 * Fields a report's merged findings may carry beyond {@link Finding}: every policy that reported the problem
 * and the other resources it is about. Read when present.
 */
interface MergedFindingFields {
  policies?: readonly string[];
  related?: readonly string[];
}

const ATTRIBUTION_RANK: Record<PolicyAttribution, number> = {
  finding: 3,
  "examines-type": 2,
  "only-policy": 1,
  "one-of": 0,
};

/** The (resource, policy) pairs a finding stands for: each reporting policy on its resource and related ones. */
function findingTargets(finding: Finding, stackUrn: string): { urn: string; policy: string }[] {
  const merged = finding as Finding & MergedFindingFields;
  const policies =
    merged.policies !== undefined && merged.policies.length > 0 ? merged.policies : [finding.policy];
  const urns = [...new Set([finding.urn ?? stackUrn, ...(merged.related ?? [])])];
  return urns.flatMap((urn) => policies.map((policy) => ({ urn, policy })));
}

/** Whether two findings are the same report of the same problem (controls list one finding each). */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.policyPack === b.policyPack && a.policy === b.policy && a.urn === b.urn && a.message === b.message;
}

/** Builds pairs, merging by resource and policies and keeping the strongest attribution. */
class PairCollector {
  private readonly pairs = new Map<string, ExaminedPair>();

  constructor(private readonly packOf: (policy: string) => string | undefined) {}

  add(urn: string, policies: string[], attribution: PolicyAttribution, control: string): ExaminedPair {
    const key = JSON.stringify([urn, policies]);
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      const packs = policies.map(this.packOf).filter((name): name is string => name !== undefined);
      pair = {
        urn,
        policies,
        packs: [...new Set(packs)],
        attribution,
        controls: [],
        findings: [],
        waivedFindings: [],
      };
      this.pairs.set(key, pair);
    } else if (ATTRIBUTION_RANK[attribution] > ATTRIBUTION_RANK[pair.attribution]) {
      pair.attribution = attribution;
    }
    if (!pair.controls.includes(control)) pair.controls.push(control);
    return pair;
  }

  all(): ExaminedPair[] {
    return [...this.pairs.values()];
  }
}

function addFindings(control: ControlEvidence, stackUrn: string, collector: PairCollector): Set<string> {
  const reportedUrns = new Set<string>();
  const record = (finding: Finding, waived: boolean) => {
    for (const target of findingTargets(finding, stackUrn)) {
      reportedUrns.add(target.urn);
      const pair = collector.add(target.urn, [target.policy], "finding", control.id);
      if (pair.packs.length === 0) pair.packs.push(finding.policyPack);
      const list = waived ? pair.waivedFindings : pair.findings;
      if (!list.some((entry) => sameFinding(entry, finding))) list.push(finding);
    }
  };
  control.findings.forEach((finding) => record(finding, false));
  control.waivedFindings.forEach((finding) => record(finding, true));
  return reportedUrns;
}

/**
 * The examined (resource, policy) pairs of one stack, from its control evidence: every finding (waived or
 * not) and every resource a control's policies examined, each tied to the policies that examined it (see
 * {@link PolicyAttribution}). Pairs are in the order the controls and their resources first name them.
 *
 * @param stack - one stack of the report.
 * @param packs - the packs that ran, for the policies' packs and declared resource types.
 */
export function examinedPairs(stack: ReportStack, packs: ReportData["packs"]): ExaminedPair[] {
  const policies = new Map<string, { info: PolicyInfo; pack: string }>();
  for (const pack of packs) {
    for (const info of pack.policies) {
      if (!policies.has(info.name)) policies.set(info.name, { info, pack: pack.name });
    }
  }
  const examinesOf = (name: string) => policies.get(name)?.info.examines ?? [];
  const typeOf = new Map(stack.resources.map((resource) => [resource.urn, resource.type]));
  const collector = new PairCollector((name) => policies.get(name)?.pack);

  for (const control of stack.evidence.controls) {
    const reportedUrns = addFindings(control, stack.stackUrn, collector);
    for (const urn of control.resources) {
      const declared = control.checkedBy.filter((name) => examinesOf(name).includes(typeOf.get(urn) ?? ""));
      if (declared.length > 0) {
        declared.forEach((name) => collector.add(urn, [name], "examines-type", control.id));
      } else if (!reportedUrns.has(urn)) {
        const undeclared = control.checkedBy.filter((name) => examinesOf(name).length === 0);
        const candidates = [...(undeclared.length > 0 ? undeclared : control.checkedBy)].sort();
        collector.add(urn, candidates, candidates.length === 1 ? "only-policy" : "one-of", control.id);
      }
    }
  }
  return collector.all();
}
