/**
 * The pack's type index: per resource type, which resource policies need to run and which answer a fixed
 * not-applicable entry, learned from the SDK's own answer for the first resource of that type.
 *
 * `@pulumi/policy` 1.21's Analyze handler runs every resource policy for every resource; for a pack of
 * some 260 resource policies, about 250 only say "not applicable" (the fast path of single-type policies,
 * or the type check that `defineResourcePolicy` puts first in multi-type ones). A policy's answer for a
 * resource of a type it does not examine is decided by the type alone when the policy is
 *
 * - a single-type validation with the SDK's `__pulumiType` tag (the server answers for it), or
 * - a validation built by `defineResourcePolicy` (`./type-decided.ts`), whose first statement answers it.
 *
 * The first resource of each type goes through the SDK's handler unchanged; the plan keeps, for each such
 * policy that answered exactly one not-applicable entry and no diagnostic, that entry (the SDK's message,
 * its exact reason). Later resources of the type run the other policies only, through the SDK's own
 * handler, and get the kept entries merged back in pack order. Every other policy (imperative, with a
 * validation array, disabled, configured otherwise) keeps the SDK's behaviour. The server side is in
 * `./type-index-server.ts`.
 */
import { typeDecidedTypesOf } from "./type-decided";

/** The parts of a `pulumirpc.PolicyNotApplicable` message read here. */
export interface NotApplicableEntry {
  getPolicyName(): string;
}

/** The parts of a `pulumirpc.AnalyzeDiagnostic` message read here. */
interface DiagnosticEntry {
  getPolicyname(): string;
}

/** The parts of a `pulumirpc.AnalyzeResponse` the index reads and writes. */
export interface AnalyzeResponseLike<E extends NotApplicableEntry = NotApplicableEntry> {
  getDiagnosticsList(): DiagnosticEntry[];
  getNotApplicableList(): E[];
  setNotApplicableList(list: E[]): unknown;
}

/** A policy as the SDK's server sees it (only what the index reads). */
export interface ServedPolicy {
  name: string;
  validateResource?: unknown;
  remediateResource?: unknown;
}

/** What to do for the resources of one type. */
export interface TypePlan<P extends ServedPolicy, E extends NotApplicableEntry> {
  /** Resource policies to run, in pack order (all those not skipped). */
  run: P[];
  /** The skipped policies' entries with their position in the pack, in pack order. */
  skipped: { index: number; entry: E }[];
  /** The skipped entries alone, for responses where no running policy answered not-applicable. */
  skippedEntries: E[];
}

/**
 * Whether the pack's answer for `policy` on a resource of `type` is decided by the type alone: the policy
 * is certain not to apply (see the module comment).
 */
export function typeRulesOut(policy: ServedPolicy, type: string): boolean {
  const validation = policy.validateResource;
  if (typeof validation !== "function") {
    return false;
  }
  const pulumiType = (validation as { __pulumiType?: unknown }).__pulumiType;
  if (typeof pulumiType === "string" && pulumiType !== "") {
    return pulumiType !== type;
  }
  const types = typeDecidedTypesOf(validation);
  return types !== undefined && !types.has(type);
}

/**
 * The SDK's own test (`isResourcePolicy` in `@pulumi/policy/policy.js`): its Analyze handler passes over
 * any other policy without a word, so the plan leaves those out.
 */
function isResourcePolicy(policy: ServedPolicy): boolean {
  const validation = policy.validateResource;
  if (typeof validation === "function") {
    return true;
  }
  if (Array.isArray(validation)) {
    return validation.every((item) => typeof item === "function");
  }
  return typeof policy.remediateResource === "function";
}

/**
 * The plan for `type`, from the SDK's full answer for one resource of that type.
 *
 * @param policies - the pack's policies, as served.
 * @param type - the resource type token.
 * @param response - the SDK handler's response over every policy for a resource of `type`.
 */
export function learnTypePlan<P extends ServedPolicy, E extends NotApplicableEntry>(
  policies: readonly P[],
  type: string,
  response: AnalyzeResponseLike<E>,
): TypePlan<P, E> {
  const entriesByName = new Map<string, E[]>();
  for (const entry of response.getNotApplicableList()) {
    const name = entry.getPolicyName();
    const list = entriesByName.get(name);
    if (list === undefined) {
      entriesByName.set(name, [entry]);
    } else {
      list.push(entry);
    }
  }
  const diagnosed = new Set(response.getDiagnosticsList().map((diagnostic) => diagnostic.getPolicyname()));
  const plan: TypePlan<P, E> = { run: [], skipped: [], skippedEntries: [] };
  policies.forEach((policy, index) => {
    const entries = entriesByName.get(policy.name);
    if (
      typeRulesOut(policy, type) &&
      entries !== undefined &&
      entries.length === 1 &&
      !diagnosed.has(policy.name)
    ) {
      plan.skipped.push({ index, entry: entries[0]! });
      plan.skippedEntries.push(entries[0]!);
    } else if (isResourcePolicy(policy)) {
      plan.run.push(policy);
    }
  });
  return plan;
}

/**
 * The response's not-applicable list with the plan's skipped entries merged in, in pack order: what the
 * SDK's handler over every policy would have answered.
 *
 * @param plan - the type's plan.
 * @param ran - the not-applicable entries of the policies that ran, in pack order.
 * @param indexOf - a policy's position in the pack, by name (names are unique in the pack).
 */
export function mergeNotApplicable<P extends ServedPolicy, E extends NotApplicableEntry>(
  plan: TypePlan<P, E>,
  ran: readonly E[],
  indexOf: ReadonlyMap<string, number>,
): E[] {
  if (ran.length === 0) {
    return plan.skippedEntries;
  }
  const merged: E[] = [];
  let next = 0;
  for (const entry of ran) {
    const position = indexOf.get(entry.getPolicyName()) ?? Number.POSITIVE_INFINITY;
    while (next < plan.skipped.length && plan.skipped[next]!.index < position) {
      merged.push(plan.skipped[next]!.entry);
      next += 1;
    }
    merged.push(entry);
  }
  for (; next < plan.skipped.length; next++) {
    merged.push(plan.skipped[next]!.entry);
  }
  return merged;
}

/**
 * Each policy's position in the pack by name, or `undefined` when two resource policies share a name (the
 * merge could not place their entries; the index is then not used).
 */
export function positionsByName(policies: readonly ServedPolicy[]): Map<string, number> | undefined {
  const positions = new Map<string, number>();
  for (const [index, policy] of policies.entries()) {
    if (positions.has(policy.name)) {
      return undefined;
    }
    positions.set(policy.name, index);
  }
  return positions;
}
