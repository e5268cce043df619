/**
 * Reading resource properties without tripping over unknown values.
 *
 * The policy server wraps `props` in a proxy whose only trap is `get`: reading a value that is unknown
 * during preview throws `UnknownValueError`, and the server then turns the whole policy into an advisory
 * "can't run policy during preview". Property descriptors and `in` are not trapped, so this module reads
 * every value through `Object.getOwnPropertyDescriptor`, which returns the raw value (an unknown shows up
 * as its sentinel string) and never throws. Policies use these helpers instead of `props.x`, so a value
 * that is set but not yet known still counts as present and presence checks stay mandatory at preview.
 *
 * Every unknown value `get` meets is noted in the open observation (`./observe`), with its dotted path, so
 * that `define.ts` can tell the engine the verdict rests on values it could not see.
 */
import { noteRead, noteUnknown, noteUnreadable, observing } from "./observe";
import { Secret, UNKNOWN_SENTINELS } from "./sdk-internals";

/** Marker for a value that is set but not known until the update runs. */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");

/** A property value as a policy sees it: absent (`undefined`), unknown, or a known plain value. */
export type Value = typeof UNKNOWN | unknown;

function unwrap(raw: unknown): unknown {
  let value = raw;
  if (value instanceof Secret) {
    value = value.value;
  }
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
    return UNKNOWN;
  }
  return value === null ? undefined : value;
}

/** Reads one own property of `container` without triggering proxy traps. */
function own(container: unknown, key: string): unknown {
  if (typeof container !== "object" || container === null) {
    return undefined;
  }
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor === undefined ? undefined : unwrap(descriptor.value);
}

/**
 * Reads the value at `path` (property names; array indexes as numbers). Returns `undefined` when any step
 * is absent or not an object, {@link UNKNOWN} when any step is unknown, otherwise the raw value.
 */
export function get(container: unknown, ...path: (string | number)[]): Value {
  let current: unknown = unwrap(container);
  for (let index = 0; index < path.length; index += 1) {
    if (current === UNKNOWN) {
      if (index > 0) {
        noteUnknown(container, path.slice(0, index));
      }
      return UNKNOWN;
    }
    current = own(current, String(path[index]));
  }
  if (current === UNKNOWN) {
    noteUnknown(container, path);
  } else {
    noteRead(container, path, current);
  }
  return current;
}

/** Whether a value is unknown during preview. */
export function isUnknown(value: Value): value is typeof UNKNOWN {
  return value === UNKNOWN;
}

/**
 * Whether a value is set: unknown counts as set (the engine knows an expression fills it); absent, null,
 * empty strings and empty arrays do not.
 */
export function isSet(value: Value): boolean {
  if (value === UNKNOWN) {
    return true;
  }
  if (value === undefined || value === "") {
    return false;
  }
  return !(Array.isArray(value) && value.length === 0);
}

/** The value when it is a known string, otherwise `undefined`. */
export function knownString(value: Value): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value when it is a known number (numeric strings included), otherwise `undefined`. */
export function knownNumber(value: Value): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/** The value when it is a known boolean (`"true"`/`"false"` strings included), otherwise `undefined`. */
export function knownBoolean(value: Value): boolean | undefined {
  if (typeof value === "boolean") {
    return value;
  }
  if (value === "true" || value === "false") {
    return value === "true";
  }
  return undefined;
}

/** The raw elements when the value is a known array, otherwise an empty list. */
export function knownArray(value: Value): readonly unknown[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const items = value.map(unwrap);
  if (observing()) {
    for (let index = 0; index < items.length; index += 1) {
      if (items[index] === UNKNOWN) {
        noteUnknown(value, [index]);
      } else {
        noteRead(value, [index], items[index]);
      }
    }
  }
  return items;
}

/** What a value is, for messages about a value of the wrong type. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) {
    return "a list";
  }
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * The value when it is a known string; a value that is set but not a string is noted as unreadable (a
 * violation in the update pass). Use where the policy needs a string, {@link knownString} where other
 * types are expected too.
 */
export function expectString(value: Value): string | undefined {
  if (typeof value === "string") {
    return value;
  }
  if (value !== undefined && value !== UNKNOWN) {
    noteUnreadable(value, `${kindOf(value)} where a string is required`);
  }
  return undefined;
}

/** Like {@link knownBoolean}, noting a set value that is not a boolean as unreadable. */
export function expectBoolean(value: Value): boolean | undefined {
  const known = knownBoolean(value);
  if (known === undefined && value !== undefined && value !== UNKNOWN) {
    noteUnreadable(value, `${kindOf(value)} where a boolean is required`);
  }
  return known;
}

/** Like {@link knownNumber}, noting a set value that is not a number as unreadable. */
export function expectNumber(value: Value): number | undefined {
  const known = knownNumber(value);
  if (known === undefined && value !== undefined && value !== UNKNOWN) {
    noteUnreadable(value, `${kindOf(value)} where a number is required`);
  }
  return known;
}

/** The own keys of a known object value (none for anything else). */
export function knownKeys(value: Value): string[] {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

/** Renders a value for a violation message without dumping large objects. */
export function describeValue(value: Value): string {
  if (value === UNKNOWN) {
    return "(unknown until apply)";
  }
  if (value === undefined) {
    return "(not set)";
  }
  if (typeof value === "string") {
    return `"${value.length > 80 ? `${value.slice(0, 77)}...` : value}"`;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return Array.isArray(value) ? `a list of ${value.length}` : "an object";
}

/**
 * A shallow copy of `props` with raw values (secrets stay wrapped, unknowns stay sentinels), so that a
 * remediation can change some properties and hand the rest back to the engine unchanged.
 */
export function rawCopy(props: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (typeof props !== "object" || props === null) {
    return copy;
  }
  for (const key of Object.keys(props)) {
    const descriptor = Object.getOwnPropertyDescriptor(props, key);
    if (descriptor !== undefined) {
      copy[key] = descriptor.value;
    }
  }
  return copy;
}
