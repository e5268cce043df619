/**
 * Correlating resources in stack policies. With aws v7 an S3 bucket's encryption, public access block,
 * versioning and lifecycle are separate resources that point at the bucket through a property. During a
 * preview that property is usually unknown (the bucket's name is computed), so a link is established from
 * the engine's property dependencies first (which resource a property's value came from) and only then from
 * equal known values.
 */
import type { PolicyResource } from "@pulumi/policy";
import { get, isUnknown, knownString } from "./values";

/**
 * Whether `resource.props[property]` refers to `target`: the property's value was computed from `target`,
 * or it equals one of `target`'s known identifying outputs (`identifiers`).
 */
export function refersTo(
  resource: PolicyResource,
  property: string,
  target: PolicyResource,
  identifiers: readonly string[],
): boolean {
  const sources = resource.propertyDependencies?.[property];
  if (Array.isArray(sources) && sources.some((source) => source.urn === target.urn)) {
    return true;
  }
  const value = knownString(get(resource.props, property));
  if (value === undefined) {
    return false;
  }
  return identifiers.some((identifier) => knownString(get(target.props, identifier)) === value);
}

/** The resources among `candidates` whose `property` refers to `target`. */
export function referrersOf(
  target: PolicyResource,
  candidates: readonly PolicyResource[],
  property: string,
  identifiers: readonly string[],
): PolicyResource[] {
  return candidates.filter((candidate) => refersTo(candidate, property, target, identifiers));
}

/** Properties that identify an S3 bucket in other resources' `bucket` property. */
export const BUCKET_IDENTIFIERS: readonly string[] = ["bucket", "id", "arn"];

/** Whether a reference is established (`yes`), excluded (`no`), or rests on an unknown value (`maybe`). */
export type Reference = "yes" | "no" | "maybe";

/**
 * Like {@link refersTo}, telling apart what it cannot decide: `maybe` when the property's value is unknown
 * and the engine names no resource it came from (a stack reference, a value from outside), so the policy
 * neither passes nor flags on it. The unknown value is read through `get`, so the open observation notes
 * it: unknown-inputs in preview, a violation in the update pass. A value computed from other resources
 * only, or a known value that matches none of `target`'s known identifiers, is `no`.
 */
export function referenceTo(
  resource: PolicyResource,
  property: string,
  target: PolicyResource,
  identifiers: readonly string[],
): Reference {
  const sources = resource.propertyDependencies?.[property];
  if (Array.isArray(sources) && sources.some((source) => source.urn === target.urn)) {
    return "yes";
  }
  const raw = get(resource.props, property);
  const value = knownString(raw);
  if (value !== undefined) {
    return identifiers.some((identifier) => knownString(get(target.props, identifier)) === value)
      ? "yes"
      : "no";
  }
  const fromElsewhere = Array.isArray(sources) && sources.length > 0;
  return isUnknown(raw) && !fromElsewhere ? "maybe" : "no";
}

/** The strongest of several references (`yes` over `maybe` over `no`). */
export function strongestReference(references: Iterable<Reference>): Reference {
  let best: Reference = "no";
  for (const reference of references) {
    if (reference === "yes") {
      return "yes";
    }
    if (reference === "maybe") {
      best = "maybe";
    }
  }
  return best;
}
