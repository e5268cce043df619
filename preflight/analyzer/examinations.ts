/**
 * What each policy examined, read from the analyzer protocol's own answers rather than assumed:
 * - a resource policy examined a resource when the pack ran it on that resource (the AnalyzeResponse does
 *   not list it as not applicable); it could not read the values it needed when the pack says so with a
 *   not-applicable reason `unknown-inputs: <paths>`, or when the policy SDK itself reports "can't run policy
 *   ... during preview" (the policy read an unknown value and was stopped);
 * - a stack policy examined the resources of the types it declares (`examines:<type>` tags) unless the
 *   AnalyzeStack response lists it as not applicable; with `unknown-inputs:` it could not read them.
 */
import type { Examination, Pass, PolicyInfo } from "../model";
import type { AnalyzeDiagnostic, AnalyzeResult, AnalyzerResourceInput } from "./client";

/** Reason prefix by which a policy says it could not read values it needed (unknown during preview). */
export const UNKNOWN_INPUTS_REASON = "unknown-inputs:";

/** The policy SDK's advisory for a policy stopped by an unknown value: `can't run policy 'x' from ... during preview: ...`. */
const CANNOT_RUN_IN_PREVIEW = /^can't run policy '[^']+' from policy pack .* during preview: (.*)$/s;

/** The unknown-value detail of the SDK's "can't run policy during preview" advisory, or undefined. */
export function cannotRunDetail(diagnostic: Pick<AnalyzeDiagnostic, "message">): string | undefined {
  return CANNOT_RUN_IN_PREVIEW.exec(diagnostic.message)?.[1];
}

/**
 * Per policy, the not-applicable reason of one response, and the unknown-value detail of the SDK's
 * "can't run policy during preview" advisories.
 */
function whatDidNotRun(result: AnalyzeResult): {
  skipped: Map<string, string>;
  stopped: Map<string, string>;
} {
  const skipped = new Map(result.notApplicable.map((entry) => [entry.policyName, entry.reason]));
  const stopped = new Map<string, string>();
  for (const diagnostic of result.diagnostics) {
    const detail = cannotRunDetail(diagnostic);
    if (detail !== undefined) {
      stopped.set(diagnostic.policyName, detail);
    }
  }
  return { skipped, stopped };
}

/** A pack as the examination reader needs it. */
export interface ExaminingPack {
  name: string;
  policies: ReadonlyMap<string, PolicyInfo>;
}

/**
 * The examinations one Analyze response shows for one resource.
 *
 * @param pack - the pack that answered.
 * @param input - the resource analyzed.
 * @param result - the pack's answer.
 * @param pass - the preflight pass.
 */
export function resourceExaminations(
  pack: ExaminingPack,
  input: Pick<AnalyzerResourceInput, "urn" | "type">,
  result: AnalyzeResult,
  pass: Pass,
): Examination[] {
  return examinationPlan(pack.policies, result).map((planned) => ({
    urn: input.urn,
    type: input.type,
    policyPack: pack.name,
    policy: planned.policy.name,
    controls: planned.policy.controls,
    pass,
    ...(planned.detail === undefined
      ? { outcome: "examined" as const }
      : { outcome: "unknown-inputs" as const, detail: planned.detail }),
  }));
}

/** One resource policy's part in an answer: examined, or stopped by unknown values (`detail`). */
interface PlannedExamination {
  policy: PolicyInfo;
  detail?: string;
}

/**
 * Plans by pack and by not-applicable list. The client hands every answer with the same list the same
 * frozen array (`analyze-response-cache.ts`), so resources of one type share one plan instead of each
 * walking every policy of the pack against a map of some 270 reasons.
 */
const plans = new WeakMap<ReadonlyMap<string, PolicyInfo>, WeakMap<object, PlannedExamination[]>>();

/** Which enabled resource policies an answer shows as examined or stopped by unknown values, in pack order. */
function examinationPlan(
  policies: ReadonlyMap<string, PolicyInfo>,
  result: AnalyzeResult,
): PlannedExamination[] {
  // An answer with "can't run during preview" advisories is specific to its resource: never shared.
  const shareable = !result.diagnostics.some((diagnostic) => cannotRunDetail(diagnostic) !== undefined);
  let byList = plans.get(policies);
  const known = shareable ? byList?.get(result.notApplicable) : undefined;
  if (known !== undefined) {
    return known;
  }
  const { skipped, stopped } = whatDidNotRun(result);
  const planned: PlannedExamination[] = [];
  for (const policy of policies.values()) {
    if (policy.enforcementLevel === "disabled" || policy.type === "stack") {
      continue;
    }
    const reason = skipped.get(policy.name);
    if (reason !== undefined && reason.startsWith(UNKNOWN_INPUTS_REASON)) {
      planned.push({ policy, detail: reason.slice(UNKNOWN_INPUTS_REASON.length).trim() });
    } else if (stopped.has(policy.name)) {
      planned.push({ policy, detail: stopped.get(policy.name)! });
    } else if (reason === undefined) {
      planned.push({ policy });
    }
  }
  if (shareable) {
    if (byList === undefined) {
      byList = new WeakMap();
      plans.set(policies, byList);
    }
    byList.set(result.notApplicable, planned);
  }
  return planned;
}

/**
 * The examinations one AnalyzeStack response shows: for each enabled stack policy that declares the types it
 * examines, every resource of those types.
 *
 * @param pack - the pack that answered.
 * @param inputs - every resource of the stack.
 * @param result - the pack's answer.
 * @param pass - the preflight pass.
 */
export function stackExaminations(
  pack: ExaminingPack,
  inputs: readonly Pick<AnalyzerResourceInput, "urn" | "type">[],
  result: AnalyzeResult,
  pass: Pass,
): Examination[] {
  const { skipped, stopped } = whatDidNotRun(result);
  const examinations: Examination[] = [];
  for (const policy of pack.policies.values()) {
    const types = new Set(policy.examines ?? []);
    if (policy.enforcementLevel === "disabled" || policy.type !== "stack" || types.size === 0) {
      continue;
    }
    const reason = skipped.get(policy.name);
    const unknown =
      reason !== undefined && reason.startsWith(UNKNOWN_INPUTS_REASON)
        ? reason.slice(UNKNOWN_INPUTS_REASON.length).trim()
        : stopped.get(policy.name);
    if (reason !== undefined && unknown === undefined) {
      continue;
    }
    for (const input of inputs) {
      if (types.has(input.type)) {
        const base = {
          urn: input.urn,
          type: input.type,
          policyPack: pack.name,
          policy: policy.name,
          controls: policy.controls,
          pass,
        };
        examinations.push(
          unknown === undefined
            ? { ...base, outcome: "examined" }
            : { ...base, outcome: "unknown-inputs", detail: unknown },
        );
      }
    }
  }
  return examinations;
}
