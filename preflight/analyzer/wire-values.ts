/**
 * Property values on the analyzer wire. The Pulumi CLI marshals resource properties into a protobuf
 * `Struct` with `KeepUnknowns` and `KeepSecrets`: a value not known during preview becomes a sentinel
 * string, a secret becomes an object tagged with the special signature key. `@pulumi/policy` decodes the
 * sentinel into a value that throws `UnknownValueError` when a policy reads it, and unwraps secrets to
 * plaintext. The constants below are the ones in `@pulumi/pulumi/runtime/rpc` (`unknownValue`,
 * `specialSigKey`, `specialSecretSig`); a test checks that they still match the installed SDK.
 */
import { type RecordedValue } from "../model";

/** Sentinel the CLI sends for an unknown value whose element is a string (what the Node.js SDK registers). */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The other unknown sentinels the CLI may send back (bool, number, array, asset, archive, object). */
export const OTHER_UNKNOWN_SENTINELS: readonly string[] = [
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** Key that marks an object as a special value (secret, asset, archive, resource reference). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** Signature value of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A JSON value as `google-protobuf`'s `Struct.fromJavaScript` accepts it. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

/** How to encode properties; mirrors the CLI's marshal options for each call. */
export interface EncodeOptions {
  /**
   * Drop keys that start with `__` (the engine's internal keys), as the CLI does for Analyze,
   * AnalyzeStack and provider properties. Remediate keeps them.
   * @default true
   */
  skipInternalKeys?: boolean;
}

function isUnknown(value: RecordedValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { $unknown?: unknown }).$unknown === true
  );
}

function isSecret(value: RecordedValue): value is { $secret: RecordedValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "$secret" in value;
}

/** Encodes one recorded value as the CLI puts it on the wire. */
export function encodeValue(value: RecordedValue, options: EncodeOptions = {}): WireValue {
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((element) => encodeValue(element, options));
  }
  if (isUnknown(value)) {
    return UNKNOWN_SENTINEL;
  }
  if (isSecret(value)) {
    return { [SIG_KEY]: SECRET_SIG, value: encodeValue(value.$secret, options) };
  }
  return encodeProperties(value as Record<string, RecordedValue>, options);
}

/** Encodes a property map; keys with an `undefined` value are left out. */
export function encodeProperties(
  properties: Record<string, RecordedValue>,
  options: EncodeOptions = {},
): Record<string, WireValue> {
  const skipInternalKeys = options.skipInternalKeys ?? true;
  const encoded: Record<string, WireValue> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (value === undefined || (skipInternalKeys && key.startsWith("__"))) {
      continue;
    }
    encoded[key] = encodeValue(value, options);
  }
  return encoded;
}

/** Decodes a wire value (e.g. remediated properties) back into the recorded form. */
export function decodeValue(value: unknown): RecordedValue {
  if (typeof value === "string") {
    return value === UNKNOWN_SENTINEL || OTHER_UNKNOWN_SENTINELS.includes(value) ? { $unknown: true } : value;
  }
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "boolean" || typeof value === "number") {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(decodeValue);
  }
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) {
    return { $secret: decodeValue(record.value) };
  }
  if (typeof record[SIG_KEY] === "string") {
    throw new Error(
      `Unsupported special value with signature '${String(record[SIG_KEY])}' from a policy pack`,
    );
  }
  return decodeProperties(record);
}

/** Decodes a property map from the wire. */
export function decodeProperties(properties: Record<string, unknown>): Record<string, RecordedValue> {
  const decoded: Record<string, RecordedValue> = {};
  for (const [key, value] of Object.entries(properties)) {
    decoded[key] = decodeValue(value);
  }
  return decoded;
}
