import { SecureAiConfigError } from "../errors";

/**
 * Small typed readers for untrusted input. Each returns the value with its type narrowed or throws a
 * SecureAiConfigError naming the path, the value and what is allowed. Input may come from stack config
 * or another Pulumi language, so nothing is assumed about its type.
 */

/** Reads an object (or undefined). */
export function optionalObject(value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new SecureAiConfigError(path, value, "expected an object");
  }
  return value as Record<string, unknown>;
}

/** Reads a required object. */
export function requireObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (value === undefined || value === null)
    throw new SecureAiConfigError(path, value, `${what} is required`);
  if (typeof value !== "object" || Array.isArray(value))
    throw new SecureAiConfigError(path, value, `expected ${what}`);
  return value as Record<string, unknown>;
}

/** Reads a required non-empty string. */
export function requireString(value: unknown, path: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new SecureAiConfigError(path, value, "expected a non-empty string");
  }
  return value;
}

/** Reads an optional non-empty string. */
export function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return requireString(value, path);
}

/** Reads an optional string that must be one of `allowed`. */
export function optionalChoice<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new SecureAiConfigError(
      path,
      value,
      `allowed values are ${allowed.map((a) => `"${a}"`).join(", ")}`,
    );
  }
  return value as T;
}

/** Reads an optional boolean. */
export function optionalBoolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") throw new SecureAiConfigError(path, value, "expected true or false");
  return value;
}

/** Reads an optional integer within [min, max]. */
export function optionalInteger(
  value: unknown,
  path: string,
  range: { min: number; max: number },
  fallback: number | undefined,
  unit = "",
): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
    const suffix = unit ? ` ${unit}` : "";
    throw new SecureAiConfigError(
      path,
      value,
      `expected an integer from ${range.min} to ${range.max}${suffix}`,
    );
  }
  return value;
}

/** Reads an optional array, returning [] when absent. */
export function optionalArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new SecureAiConfigError(path, value, "expected an array");
  return value;
}

/** Reads an optional array of non-empty strings, rejecting duplicates. */
export function optionalStringList(value: unknown, path: string, pattern?: RegExp, what?: string): string[] {
  const items = optionalArray(value, path).map((item, index) => requireString(item, `${path}[${index}]`));
  items.forEach((item, index) => {
    if (pattern && !pattern.test(item)) {
      throw new SecureAiConfigError(
        `${path}[${index}]`,
        item,
        `expected ${what ?? `a value matching ${pattern}`}`,
      );
    }
    if (items.indexOf(item) !== index) {
      throw new SecureAiConfigError(`${path}[${index}]`, item, "duplicate entry; each value may appear once");
    }
  });
  return items;
}

/** Rejects keys an object must not have, catching typos such as `rotationDay`. */
export function rejectUnknownKeys(
  object: Record<string, unknown>,
  path: string,
  known: readonly string[],
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      const where = path ? `${path}.${key}` : key;
      throw new SecureAiConfigError(
        where,
        object[key],
        `unknown argument; allowed here: ${known.join(", ")}`,
      );
    }
  }
}
