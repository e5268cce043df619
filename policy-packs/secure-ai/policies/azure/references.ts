/**
 * Whether one Azure resource points at another through a property: either the engine recorded that the
 * property's value came from the target (the usual case at preview, when IDs are unknown), or a known ARM
 * ID somewhere inside the property equals the target's known `id` (case-insensitive, as ARM IDs are).
 */
import type { PolicyResource } from "@pulumi/policy";
import { get, knownArray, knownKeys, knownString } from "../lib";

/** Every known string inside a value (depth-limited). */
function stringsIn(value: unknown, depth = 0): string[] {
  if (depth > 6) {
    return [];
  }
  const text = knownString(value);
  if (text !== undefined) {
    return [text];
  }
  if (Array.isArray(value)) {
    return knownArray(value).flatMap((item) => stringsIn(item, depth + 1));
  }
  return knownKeys(value).flatMap((key) => stringsIn(get(value, key), depth + 1));
}

/** Whether `resource.props[property]` refers to `target`. */
export function pointsAt(resource: PolicyResource, property: string, target: PolicyResource): boolean {
  const sources = resource.propertyDependencies?.[property];
  if (Array.isArray(sources) && sources.some((source) => source.urn === target.urn)) {
    return true;
  }
  const id = knownString(get(target.props, "id"))?.toLowerCase();
  return (
    id !== undefined &&
    id !== "" &&
    stringsIn(get(resource.props, property)).some((text) => text.toLowerCase() === id)
  );
}
