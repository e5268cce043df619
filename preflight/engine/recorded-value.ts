import type { RecordedValue } from "../model";
import { SECRET_PLACEHOLDER_PREFIX } from "./stack-config";

/**
 * Wire markers of the Pulumi resource-monitor protocol (`@pulumi/pulumi/runtime/rpc`). They are part of the
 * protocol between SDKs and the engine, so they do not change between SDK versions.
 */
const WIRE = {
  unknown: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  sigKey: "4dabf18193072939515e22adb298388d",
  secret: "1b47061264138c4ac30d75fd1eb44270",
  resource: "5cf8f73096256a8f31e491e813e4eb8e",
  asset: "c44067f5952c0a294b673a41bacd8c17",
  archive: "0def7320c3a5731c473e5ecbe6d01bc7",
  outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4",
} as const;

/**
 * Converts a property value as the SDK serialized it for the resource monitor (the JSON form of the
 * request's protobuf Struct) into a {@link RecordedValue}:
 * - the unknown marker becomes `{ $unknown: true }`;
 * - a secret becomes `{ $secret: value }`, and so does any string carrying a secret config placeholder,
 *   even when the program read the secret with a plain `config.get`;
 * - a resource reference becomes the referenced resource's ID (custom resources; unknown while the ID is)
 *   or its URN (components), as the engine passes it to providers that take no references;
 * - assets and archives become `{ $asset: {...} }` / `{ $archive: {...} }` with their path, text or URI.
 *
 * @param wire - the serialized value.
 */
export function toRecordedValue(wire: unknown): RecordedValue {
  return convert(wire, false);
}

function convert(wire: unknown, insideSecret: boolean): RecordedValue {
  if (wire === undefined || wire === null) {
    return null;
  }
  if (wire === WIRE.unknown) {
    return { $unknown: true };
  }
  if (typeof wire === "string") {
    return !insideSecret && wire.includes(SECRET_PLACEHOLDER_PREFIX) ? { $secret: wire } : wire;
  }
  if (typeof wire === "number" || typeof wire === "boolean") {
    return wire;
  }
  if (Array.isArray(wire)) {
    return wire.map((item) => convert(item, insideSecret));
  }
  if (typeof wire !== "object") {
    return String(wire);
  }
  const object = wire as Record<string, unknown>;
  switch (object[WIRE.sigKey]) {
    case WIRE.secret:
      return insideSecret ? convert(object["value"], true) : { $secret: convert(object["value"], true) };
    case WIRE.resource:
      return convertResourceReference(object, insideSecret);
    case WIRE.outputValue:
      return convertOutputValue(object, insideSecret);
    case WIRE.asset:
      return { $asset: convertPlainFields(object, insideSecret) };
    case WIRE.archive:
      return { $archive: convertPlainFields(object, insideSecret) };
    default:
      return convertPlainFields(object, insideSecret);
  }
}

function convertPlainFields(
  object: Record<string, unknown>,
  insideSecret: boolean,
): { [key: string]: RecordedValue } {
  const result: { [key: string]: RecordedValue } = {};
  for (const [key, value] of Object.entries(object)) {
    if (key !== WIRE.sigKey && value !== undefined) {
      result[key] = convert(value, insideSecret);
    }
  }
  return result;
}

function convertResourceReference(reference: Record<string, unknown>, insideSecret: boolean): RecordedValue {
  if (!("id" in reference)) {
    return convert(reference["urn"], insideSecret);
  }
  const id = reference["id"];
  return id === "" || id === undefined ? { $unknown: true } : convert(id, insideSecret);
}

function convertOutputValue(output: Record<string, unknown>, insideSecret: boolean): RecordedValue {
  const value =
    "value" in output
      ? convert(output["value"], insideSecret || output["secret"] === true)
      : { $unknown: true as const };
  return output["secret"] === true && !insideSecret ? { $secret: value } : value;
}
