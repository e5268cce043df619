import { SECRET_PLACEHOLDER_PREFIX } from "../engine/stack-config";
import { type RecordedValue, SECRET, UNKNOWN } from "../model";

/** A secret config placeholder and the rest of its token. */
const PLACEHOLDER_PATTERN = new RegExp(`${SECRET_PLACEHOLDER_PREFIX}\\S*`, "g");

/** A JSON value safe to print: unknowns and secrets replaced by their markers. */
export type DisplayValue = null | boolean | number | string | DisplayValue[] | { [key: string]: DisplayValue };

/**
 * Turns a recorded value into what reports print: `{ $unknown: true }` becomes `"[unknown]"`, `{ $secret: v }`
 * becomes `"[secret]"` (never the plaintext), and so does any string carrying a secret config placeholder.
 *
 * @param value - the value as the engine recorded it.
 */
export function toDisplayValue(value: RecordedValue): DisplayValue {
  if (value === null || typeof value === "boolean" || typeof value === "number") {
    return value;
  }
  if (typeof value === "string") {
    return value.includes(SECRET_PLACEHOLDER_PREFIX) ? SECRET : value;
  }
  if (Array.isArray(value)) {
    return value.map(toDisplayValue);
  }
  if ("$unknown" in value && value.$unknown === true) {
    return UNKNOWN;
  }
  if ("$secret" in value) {
    return SECRET;
  }
  const result: { [key: string]: DisplayValue } = {};
  for (const [key, item] of Object.entries(value as Record<string, RecordedValue>)) {
    result[key] = toDisplayValue(item);
  }
  return result;
}

/**
 * Every string held inside a secret anywhere in `value` (at least `minLength` characters), so reports can
 * redact a secret that a policy message or note repeats.
 *
 * @param value - a recorded value.
 * @param found - the set the strings are added to.
 * @param minLength - shorter strings are ignored, so that redaction does not garble ordinary words. @default 4
 */
export function collectSecretStrings(value: RecordedValue | undefined, found: Set<string>, minLength = 4): Set<string> {
  visit(value, false);
  return found;

  function visit(item: RecordedValue | undefined, insideSecret: boolean): void {
    if (item === null || item === undefined) {
      return;
    }
    if (typeof item === "string") {
      if (insideSecret && item.length >= minLength) found.add(item);
      return;
    }
    if (typeof item === "number" || typeof item === "boolean") {
      if (insideSecret && String(item).length >= minLength) found.add(String(item));
      return;
    }
    if (Array.isArray(item)) {
      item.forEach((element) => visit(element, insideSecret));
      return;
    }
    if ("$secret" in item) {
      visit(item.$secret as RecordedValue, true);
      return;
    }
    Object.values(item as Record<string, RecordedValue>).forEach((element) => visit(element, insideSecret));
  }
}

/**
 * Replaces every occurrence of a secret string in `text` by `"[secret]"`, longest secrets first.
 *
 * @param text - untrusted text (a policy message, a note).
 * @param secrets - secret strings, see {@link collectSecretStrings}.
 */
export function redactSecrets(text: string, secrets: ReadonlySet<string>): string {
  let result = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (result.includes(secret)) {
      result = result.split(secret).join(SECRET);
    }
  }
  return result.includes(SECRET_PLACEHOLDER_PREFIX) ? result.replace(PLACEHOLDER_PATTERN, SECRET) : result;
}

/**
 * Applies {@link redactSecrets} to every string in a JSON-like structure, keys included.
 *
 * @param value - plain data (no class instances).
 * @param secrets - secret strings.
 */
export function redactDeep<T>(value: T, secrets: ReadonlySet<string>): T {
  if (typeof value === "string") {
    return redactSecrets(value, secrets) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactDeep(item, secrets)) as T;
  }
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      result[redactSecrets(key, secrets)] = redactDeep(item, secrets);
    }
    return result as T;
  }
  return value;
}
