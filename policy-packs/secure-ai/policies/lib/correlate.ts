/**
 * Correlating resources in stack policies. With aws v7 an S3 bucket's encryption, public access block,
 * versioning and lifecycle are separate resources that point at the bucket through a property. During a
 * preview that property is usually unknown (the bucket's name is computed), so a link is established from
 * the engine's property dependencies first (which resource a property's value came from) and only then from
 * equal known values.
 */
import type { PolicyResource } from "@pulumi/policy";
import { get, knownString } from "./values";

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
