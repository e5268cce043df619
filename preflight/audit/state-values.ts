/**
 * Reads property values as a Pulumi deployment (`pulumi stack export`, version 3) stores them into the
 * preflight's {@link RecordedValue}s. The signatures are those of the deployment schema's property values
 * (pulumi/pulumi `sdk/go/common/apitype/property-values.json`): secrets as `{ <sig>: <secret>, plaintext }`
 * (the JSON text of the value, `--show-secrets`) or `{ <sig>: <secret>, ciphertext }` (encrypted by the stack's
 * secrets provider), resource references, assets and archives.
 */
import type { RecordedValue } from "../model";

/** The key that marks a special property value. */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** Signatures of the deployment format, by kind. */
const SIGNATURES = {
  secret: "1b47061264138c4ac30d75fd1eb44270",
  resourceReference: "5cf8f73096256a8f31e491e813e4eb8e",
  asset: "c44067f5952c0a294b673a41bacd8c17",
  archive: "0def7320c3a5731c473e5ecbe6d01bc7",
} as const;
/** The value a property holds when it was unknown at the time the state was written (an interrupted update). */
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** How to treat a secret the state holds only as ciphertext. */
export type EncryptedSecretHandling = "error" | "unknown";

/** A problem with one value: where it is (a property path) and what is wrong. */
export class StateValueError extends Error {
  /**
   * @param path - the property path, e.g. `inputs.password`.
   * @param problem - what is wrong.
   */
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = "StateValueError";
  }
}

/** What {@link fromStateValue} needs besides the value. */
export interface StateValueOptions {
  /**
   * `error` throws on a ciphertext secret; `unknown` reads it as a value nobody could read (`{ $unknown }`
   * inside `{ $secret }`), so a policy that needs it reports the value as unknown and the evidence says
   * `unverified`. @default "error"
   */
  encryptedSecrets?: EncryptedSecretHandling;
  /** Called once per ciphertext secret read as unknown (counting, messages). @default none */
  onEncryptedSecret?: (path: string) => void;
}

/**
 * Converts one stored property value.
 *
 * @param value - the value as the state file holds it.
 * @param path - where it is, for error messages.
 * @param options - how to treat ciphertext secrets.
 * @throws StateValueError for a ciphertext secret (unless `encryptedSecrets: "unknown"`), a secret whose
 *   plaintext is not JSON, or a value of no JSON type.
 */
export function fromStateValue(value: unknown, path: string, options: StateValueOptions = {}): RecordedValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (value === UNKNOWN_VALUE) {
    return { $unknown: true };
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => fromStateValue(item, `${path}[${index}]`, options));
  }
  if (typeof value !== "object") {
    throw new StateValueError(path, `a ${typeof value} is not a property value`);
  }
  const object = value as Record<string, unknown>;
  switch (object[SIGNATURE_KEY]) {
    case SIGNATURES.secret:
      return fromSecret(object, path, options);
    case SIGNATURES.resourceReference:
      return fromResourceReference(object, path, options);
    case SIGNATURES.asset:
      return { $asset: plainFields(object, path, options) };
    case SIGNATURES.archive:
      return { $archive: plainFields(object, path, options) };
    case undefined:
      return plainFields(object, path, options);
    default:
      throw new StateValueError(path, `unknown signature "${String(object[SIGNATURE_KEY])}"`);
  }
}

function fromSecret(
  secret: Record<string, unknown>,
  path: string,
  options: StateValueOptions,
): RecordedValue {
  if (typeof secret["plaintext"] === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(secret["plaintext"]);
    } catch {
      throw new StateValueError(path, "a secret whose plaintext is not JSON");
    }
    return { $secret: stripSecrets(fromStateValue(parsed, path, options)) };
  }
  if (typeof secret["ciphertext"] === "string") {
    if (options.encryptedSecrets !== "unknown") {
      throw new StateValueError(path, "an encrypted secret");
    }
    options.onEncryptedSecret?.(path);
    return { $secret: { $unknown: true } };
  }
  throw new StateValueError(path, "a secret with neither plaintext nor ciphertext");
}

/** A resource reference reads as the engine passes it to providers: the ID of a custom resource, else the URN. */
function fromResourceReference(
  reference: Record<string, unknown>,
  path: string,
  options: StateValueOptions,
): RecordedValue {
  if (typeof reference["urn"] !== "string") {
    throw new StateValueError(path, "a resource reference without a URN");
  }
  if (!("id" in reference)) {
    return reference["urn"];
  }
  const id = reference["id"];
  return id === "" || id === UNKNOWN_VALUE ? { $unknown: true } : fromStateValue(id, path, options);
}

function plainFields(
  object: Record<string, unknown>,
  path: string,
  options: StateValueOptions,
): { [key: string]: RecordedValue } {
  const result: { [key: string]: RecordedValue } = {};
  for (const [key, item] of Object.entries(object)) {
    if (key !== SIGNATURE_KEY && item !== undefined) {
      result[key] = fromStateValue(item, `${path}.${key}`, options);
    }
  }
  return result;
}

/** A secret nested in a secret is one secret: the outer wrapper already keeps it from every report. */
function stripSecrets(value: RecordedValue): RecordedValue {
  if (Array.isArray(value)) {
    return value.map(stripSecrets);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if ("$secret" in value) {
    return stripSecrets(value.$secret);
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, stripSecrets(item as RecordedValue)]),
  );
}

/**
 * Writes a recorded value in the deployment format, as `pulumi stack export --show-secrets` would: secrets as
 * `{ <sig>: <secret>, plaintext: "<json>" }`, assets and archives with their signatures. The inverse of
 * {@link fromStateValue} for every value without unknowns (used to write fixture state files).
 *
 * @param value - the recorded value.
 */
export function toStateValue(value: RecordedValue): unknown {
  if (Array.isArray(value)) {
    return value.map(toStateValue);
  }
  if (typeof value !== "object" || value === null) {
    return value;
  }
  if ("$unknown" in value) {
    return UNKNOWN_VALUE;
  }
  if ("$secret" in value) {
    return { [SIGNATURE_KEY]: SIGNATURES.secret, plaintext: JSON.stringify(toStateValue(value.$secret)) };
  }
  if ("$asset" in value && isRecord(value["$asset"])) {
    return { [SIGNATURE_KEY]: SIGNATURES.asset, ...mapValues(value["$asset"]) };
  }
  if ("$archive" in value && isRecord(value["$archive"])) {
    return { [SIGNATURE_KEY]: SIGNATURES.archive, ...mapValues(value["$archive"]) };
  }
  return mapValues(value);
}

function mapValues(object: { [key: string]: RecordedValue }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, toStateValue(item)]));
}

function isRecord(value: unknown): value is { [key: string]: RecordedValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
