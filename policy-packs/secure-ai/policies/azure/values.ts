/** Azure-specific readings of property values: ARM compares enum strings case-insensitively. */
import { get, isUnknown, knownString } from "../lib";

/** Whether the value at `path` equals one of `expected`, ignoring case; `undefined` when it is unknown. */
export function equalsIgnoringCase(
  props: unknown,
  path: readonly string[],
  expected: readonly string[],
): boolean | undefined {
  const value = get(props, ...path);
  if (isUnknown(value)) {
    return undefined;
  }
  const known = knownString(value);
  return known !== undefined && expected.some((candidate) => candidate.toLowerCase() === known.toLowerCase());
}

/**
 * Reports unless the string at `path` equals one of `allowed` (ignoring case). An unknown value passes; an
 * absent value is described with the service default `whenAbsent`.
 */
export function requireOneOfIgnoringCase(
  props: unknown,
  path: readonly string[],
  allowed: readonly string[],
  whenAbsent: string,
  report: (message: string) => void,
): void {
  const matches = equalsIgnoringCase(props, path, allowed);
  if (matches === false) {
    const value = knownString(get(props, ...path));
    report(
      `${path.join(".")} is ${value === undefined ? `not set (the service default is "${whenAbsent}")` : `"${value}"`}; allowed: ${allowed.join(", ")}`,
    );
  }
}

/** A shallow copy of a known object property with raw values kept (for remediations of nested blocks). */
export function rawObject(value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return copy;
  }
  for (const key of Object.keys(value)) {
    copy[key] = Object.getOwnPropertyDescriptor(value, key)?.value;
  }
  return copy;
}
