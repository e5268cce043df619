/** Small checks shared by many policies, all safe with unknown values. */
import { describeValue, get, isSet, isUnknown, knownBoolean } from "./values";

/** Reports when the property at `path` is absent or empty; an unknown value counts as set. */
export function requireSet(
  props: unknown,
  path: readonly (string | number)[],
  report: (message: string) => void,
  why: string,
): void {
  if (!isSet(get(props, ...path))) {
    report(`${path.join(".")} is not set: ${why}`);
  }
}

/**
 * Reports when a boolean property is not `expected`. An unknown value passes (it is decided at apply time,
 * where the policy runs again with the value known); an absent value is compared as `whenAbsent`.
 */
export function requireBoolean(
  props: unknown,
  path: readonly (string | number)[],
  expected: boolean,
  whenAbsent: boolean | undefined,
  report: (message: string) => void,
): void {
  const value = get(props, ...path);
  if (isUnknown(value)) {
    return;
  }
  const known = value === undefined ? whenAbsent : knownBoolean(value);
  if (known !== expected) {
    report(
      `${path.join(".")} is ${value === undefined ? `not set${whenAbsent === undefined ? "" : ` (the provider default is ${String(whenAbsent)})`}` : describeValue(value)}; it must be ${String(expected)}`,
    );
  }
}

/**
 * Reports when a string property is not one of `allowed`. Unknown passes; absent is compared as `whenAbsent`.
 */
export function requireOneOf(
  props: unknown,
  path: readonly (string | number)[],
  allowed: readonly string[],
  whenAbsent: string | undefined,
  report: (message: string) => void,
): void {
  const value = get(props, ...path);
  if (isUnknown(value)) {
    return;
  }
  const known = value === undefined ? whenAbsent : typeof value === "string" ? value : undefined;
  if (known === undefined || !allowed.includes(known)) {
    report(
      `${path.join(".")} is ${value === undefined ? `not set${whenAbsent === undefined ? "" : ` (the provider default is "${whenAbsent}")`}` : describeValue(value)}; allowed: ${allowed.join(", ")}`,
    );
  }
}
