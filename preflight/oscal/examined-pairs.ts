import type { Finding, PolicyInfo } from "../model";
import type { ReportData, ReportStack } from "../report/report-data";

/**
 * How an examined resource was tied to the policy that examined it. The report keeps, per control, the
 * resources its policies examined and the policies that check it, not which policy examined which resource,
 * so the pairing is reconstructed and the observation says how:
 * - `finding`: the policy reported a finding on the resource;
 * - `examines-type`: the policy declares (its `examines:<type>` tags) that it examines the resource's type;
 * - `only-policy`: only one enabled policy of the control can have examined it (the others declare other
 *   resource types), so that policy did;
 * - `one-of`: one or more of the control's policies examined it; which one is not recorded (an empty list of
 *   policies when the report lists none for the control).
 */
export type PolicyAttribution = "finding" | "examines-type" | "only-policy" | "one-of";

/** What one policy (or set of policies, for `one-of`) did with one resource, over every control it concerns. */
export interface ExaminedPair {
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

const ATTRIBUTION_RANK: Record<PolicyAttribution, number> = {
  finding: 3,
  "examines-type": 2,
  "only-policy": 1,
  "one-of": 0,
};

function findingKey(finding: Finding): string {
  return JSON.stringify([finding.policyPack, finding.policy, finding.urn, finding.message]);
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
  const typeOf = new Map(stack.resources.map((resource) => [resource.urn, resource.type]));
  const pairs = new Map<string, ExaminedPair>();
  const seenFindings = new Set<string>();

  const pairFor = (urn: string, names: string[], attribution: PolicyAttribution): ExaminedPair => {
    const key = JSON.stringify([urn, names]);
    let pair = pairs.get(key);
    if (pair === undefined) {
      const packNames = names
        .map((name) => policies.get(name)?.pack)
        .filter((name): name is string => name !== undefined);
      pair = {
        urn,
        policies: names,
        packs: [...new Set(packNames)],
        attribution,
        controls: [],
        findings: [],
        waivedFindings: [],
      };
      pairs.set(key, pair);
    } else if (ATTRIBUTION_RANK[attribution] > ATTRIBUTION_RANK[pair.attribution]) {
      pair.attribution = attribution;
    }
    return pair;
  };
  const addControl = (pair: ExaminedPair, control: string) => {
    if (!pair.controls.includes(control)) pair.controls.push(control);
  };

  for (const control of stack.evidence.controls) {
    const recordFinding = (finding: Finding, waived: boolean) => {
      const pair = pairFor(finding.urn ?? stack.stackUrn, [finding.policy], "finding");
      if (pair.packs.length === 0) pair.packs.push(finding.policyPack);
      addControl(pair, control.id);
      if (!seenFindings.has(findingKey(finding))) {
        seenFindings.add(findingKey(finding));
        (waived ? pair.waivedFindings : pair.findings).push(finding);
      }
    };
    control.findings.forEach((finding) => recordFinding(finding, false));
    control.waivedFindings.forEach((finding) => recordFinding(finding, true));

    const reported = new Set(
      [...control.findings, ...control.waivedFindings].map(
        (finding) => `${finding.urn ?? stack.stackUrn}\u0000${finding.policy}`,
      ),
    );
    for (const urn of control.resources) {
      const declared = control.checkedBy.filter((name) => {
        const examines = policies.get(name)?.info.examines ?? [];
        return examines.includes(typeOf.get(urn) ?? "") && !reported.has(`${urn}\u0000${name}`);
      });
      const hasFinding = [...control.findings, ...control.waivedFindings].some(
        (finding) => (finding.urn ?? stack.stackUrn) === urn,
      );
      if (declared.length > 0) {
        declared.forEach((name) => addControl(pairFor(urn, [name], "examines-type"), control.id));
      } else if (!hasFinding) {
        const undeclared = control.checkedBy.filter(
          (name) => (policies.get(name)?.info.examines ?? []).length === 0,
        );
        const candidates = undeclared.length > 0 ? undeclared : control.checkedBy;
        const attribution = candidates.length === 1 ? "only-policy" : "one-of";
        addControl(pairFor(urn, [...candidates].sort(), attribution), control.id);
      }
    }
  }
  return [...pairs.values()];
}
