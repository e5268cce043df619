/**
 * What every stack policy of one AnalyzeStack call reads alike about the stack's resources, built once per
 * call instead of once per policy: the resources by type, the stack resource, and each resource's props as
 * an observation root (`./observe.ts`). The pack's ~40 stack policies each get their own copy of the
 * resource list with the same elements, so the index is found by the list's first resource and checked
 * element by element before it is used; the next call's resources are new objects and get a new index.
 */
import type { PolicyResource } from "@pulumi/policy";
import { type SharedRoots, sharedRootsOf } from "./observe";
import type { ResourceRef } from "./waivers";

/** The list `ofType` answers for a type the stack does not hold. */
export const NO_RESOURCES: readonly PolicyResource[] = Object.freeze([]);

/** What the stack policies of one call share. */
export interface StackIndex {
  /** The resources it was built from (each policy gets its own copy of the list, with the same elements). */
  resources: readonly PolicyResource[];
  byType: ReadonlyMap<string, readonly PolicyResource[]>;
  stackRef: ResourceRef;
  /** Each resource's props as an observation root, labelled by its URN (by its type when it has none). */
  roots: SharedRoots;
}

/** Indexes by the list's first resource, checked element by element before use. */
const stackIndexes = new WeakMap<PolicyResource, StackIndex>();

/**
 * The index of a stack's resources (built on the first stack policy's call, reused by the others: some
 * 40,000 map and WeakMap writes per 1,000 resources otherwise).
 */
export function stackIndexOf(resources: readonly PolicyResource[]): StackIndex {
  const first = resources[0];
  const known = first === undefined ? undefined : stackIndexes.get(first);
  if (known !== undefined && sameElements(known.resources, resources)) {
    return known;
  }
  const byType = new Map<string, PolicyResource[]>();
  for (const resource of resources) {
    const list = byType.get(resource.type);
    if (list === undefined) {
      byType.set(resource.type, [resource]);
    } else {
      list.push(resource);
    }
  }
  const index: StackIndex = {
    resources: [...resources],
    byType,
    stackRef: stackResourceOf(resources),
    roots: sharedRootsOf(
      resources.map(
        (resource) => [resource.props, resource.urn === "" ? resource.type : resource.urn] as const,
      ),
    ),
  };
  if (first !== undefined) {
    stackIndexes.set(first, index);
  }
  return index;
}

function sameElements<T>(left: readonly T[], right: readonly T[]): boolean {
  if (left.length !== right.length) {
    return false;
  }
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) {
      return false;
    }
  }
  return true;
}

/** The stack's root resource (findings about something missing from the stack are reported against it). */
function stackResourceOf(resources: readonly PolicyResource[]): ResourceRef {
  const stack = resources.find((resource) => resource.type === "pulumi:pulumi:Stack");
  return stack === undefined ? { urn: "", name: "" } : { urn: stack.urn, name: stack.name };
}
