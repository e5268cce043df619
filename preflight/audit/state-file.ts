/**
 * Reads the output of `pulumi stack export` (deployment version 3, the format the Pulumi CLI writes; its schema
 * is pulumi/pulumi `developer-docs/architecture/deployment-schema.md`) into the resources the policy packs see.
 * Every problem is a {@link StateFileError} naming the file and what is wrong, before any pack starts.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { maskSecrets } from "../engine/recorder";
import type { RecordedResource, RecordedValue, StackRun } from "../model";
import { StateFileError } from "./errors";
import { type EncryptedSecretHandling, fromStateValue, StateValueError } from "./state-values";

/** The deployment version this module reads. */
export const DEPLOYMENT_VERSION = 3;
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** One stack as its state file holds it, ready for the packs. */
export interface DeployedStack extends StackRun {
  /** The state file it came from (absolute path). */
  file: string;
  /** Version of the Pulumi CLI that wrote the deployment (`manifest.version`), when the file says. */
  pulumiVersion?: string;
  /** When the deployment was written (`manifest.time`), when the file says. */
  deployedAt?: string;
  /** Secrets provider type of the stack (`secrets_providers.type`), when the file says. */
  secretsProvider?: string;
  /** Secrets the file holds only as ciphertext, read as unknown values (`encryptedSecrets: "unknown"`). */
  encryptedSecrets: number;
  /** Things the audit should say about the state: operations an interrupted update left pending. */
  warnings: string[];
}

/** How to read a state file. */
export interface ReadStateOptions {
  /**
   * `error` stops at the first secret the file holds only as ciphertext; `unknown` reads such secrets as
   * values nobody could read (policies that need them report unknown inputs). @default "error"
   */
  encryptedSecrets?: EncryptedSecretHandling;
}

/**
 * Reads and checks one state file.
 *
 * @param file - path of the `pulumi stack export` output.
 * @param options - how to treat encrypted secrets.
 * @throws StateFileError when the file cannot be read, is not JSON, is not deployment version 3, is damaged, or
 *   holds ciphertext secrets while `encryptedSecrets` is `error`.
 */
export function readStateFile(file: string, options: ReadStateOptions = {}): DeployedStack {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new StateFileError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(file, `is not JSON (${(error as Error).message}).`);
  }
  return parseDeployment(document, file, options);
}

/**
 * Checks a parsed `pulumi stack export` document and converts it (see {@link readStateFile}).
 *
 * @param document - the parsed JSON.
 * @param file - its name, for messages.
 * @param options - how to treat encrypted secrets.
 */
export function parseDeployment(
  document: unknown,
  file: string,
  options: ReadStateOptions = {},
): DeployedStack {
  const top = asRecord(document);
  if (top === undefined) {
    throw new StateFileError(
      file,
      "is not a `pulumi stack export` document (expected an object with version and deployment).",
    );
  }
  if (Array.isArray(top["stacks"]) && top["tool"] !== undefined) {
    throw new StateFileError(
      file,
      "is a secure-ai report, not a state file: pass it with --baseline, and the state with --state.",
    );
  }
  const version = top["version"];
  if (version !== DEPLOYMENT_VERSION) {
    const found = version === undefined ? "no version" : `version ${JSON.stringify(version)}`;
    throw new StateFileError(
      file,
      `has ${found}; secure-ai audit reads deployment version ${DEPLOYMENT_VERSION}, what \`pulumi stack export\` writes (Pulumi CLI 3).`,
    );
  }
  const deployment = asRecord(top["deployment"]);
  if (deployment === undefined) {
    throw new StateFileError(file, "has no deployment object.");
  }
  const rawResources = deployment["resources"];
  if (rawResources === undefined || (Array.isArray(rawResources) && rawResources.length === 0)) {
    throw new StateFileError(file, "holds no resources: the stack was never deployed, or was destroyed.");
  }
  if (!Array.isArray(rawResources)) {
    throw new StateFileError(file, "deployment.resources is not a list.");
  }
  const manifest = asRecord(deployment["manifest"]);
  checkManifest(manifest, file);
  const secretsProvider = asString(asRecord(deployment["secrets_providers"])?.["type"]);
  let encryptedSecrets = 0;
  const valueOptions = {
    encryptedSecrets: options.encryptedSecrets ?? "error",
    onEncryptedSecret: () => {
      encryptedSecrets += 1;
    },
  };
  const live = rawResources
    .map((raw, index) => checkedResource(raw, index, file))
    .filter((entry) => !entry.gone);
  const resources = live.map((entry) => {
    try {
      return toRecordedResource(entry.raw, entry.urn, valueOptions);
    } catch (error) {
      if (error instanceof StateValueError) {
        throw new StateFileError(file, valueProblem(error, entry.urn, secretsProvider));
      }
      throw error;
    }
  });
  const { stack, project } = stackOf(resources, file);
  const root = resources.find(
    (resource) => resource.type === ROOT_STACK_TYPE && resource.parent === undefined,
  );
  const resourceOutputs: Record<string, Record<string, RecordedValue>> = {};
  for (const entry of live) {
    const outputs = asRecord(entry.raw["outputs"]);
    if (entry.raw["custom"] !== true && outputs !== undefined && Object.keys(outputs).length > 0) {
      resourceOutputs[entry.urn] = masked(outputs, entry.urn, valueOptions);
    }
  }
  const pending = Array.isArray(deployment["pending_operations"]) ? deployment["pending_operations"] : [];
  return {
    file,
    stack,
    project,
    mode: "update",
    resources,
    invokes: [],
    outputs: (root && resourceOutputs[root.urn]) ?? {},
    resourceOutputs: Object.fromEntries(Object.entries(resourceOutputs).filter(([urn]) => urn !== root?.urn)),
    ...(asString(manifest?.["version"]) !== undefined
      ? { pulumiVersion: asString(manifest?.["version"]) }
      : {}),
    ...(asString(manifest?.["time"]) !== undefined ? { deployedAt: asString(manifest?.["time"]) } : {}),
    ...(secretsProvider !== undefined ? { secretsProvider } : {}),
    encryptedSecrets,
    warnings:
      pending.length > 0
        ? [
            `${pending.length} operation(s) of an interrupted update are pending: the cloud may hold resources the state does not list (run \`pulumi refresh\`).`,
          ]
        : [],
  };
}

/**
 * The manifest's magic is the SHA-256 of the CLI version that wrote it (pulumi/pulumi `Manifest.NewMagic`); the
 * Pulumi CLI refuses a state whose magic does not match, and so does the audit.
 */
function checkManifest(manifest: Record<string, unknown> | undefined, file: string): void {
  if (manifest === undefined) {
    throw new StateFileError(file, "has no deployment.manifest: not the output of `pulumi stack export`.");
  }
  const version = asString(manifest["version"]);
  const magic = asString(manifest["magic"]);
  if (
    version !== undefined &&
    magic !== undefined &&
    magic !== createHash("sha256").update(version).digest("hex")
  ) {
    throw new StateFileError(
      file,
      "deployment.manifest.magic does not match its version: the file was damaged or edited by hand (export it again).",
    );
  }
}

interface CheckedResource {
  raw: Record<string, unknown>;
  urn: string;
  /** Deleted or waiting to be replaced: no longer in the cloud as the state describes it. */
  gone: boolean;
}

function checkedResource(raw: unknown, index: number, file: string): CheckedResource {
  const resource = asRecord(raw);
  const where = `deployment.resources[${index}]`;
  if (resource === undefined) {
    throw new StateFileError(file, `${where} is not an object.`);
  }
  const urn = resource["urn"];
  if (typeof urn !== "string" || parseUrn(urn) === undefined) {
    throw new StateFileError(
      file,
      `${where} has ${typeof urn === "string" ? `the malformed URN "${urn}"` : "no URN"}; expected urn:pulumi:<stack>::<project>::<type>::<name>.`,
    );
  }
  const type = resource["type"];
  if (typeof type !== "string" || type === "") {
    throw new StateFileError(file, `${where} (${urn}) has no type.`);
  }
  for (const field of ["inputs", "outputs", "propertyDependencies"]) {
    if (resource[field] !== undefined && asRecord(resource[field]) === undefined) {
      throw new StateFileError(file, `${where} (${urn}): ${field} is not an object.`);
    }
  }
  if (resource["dependencies"] !== undefined && !Array.isArray(resource["dependencies"])) {
    throw new StateFileError(file, `${where} (${urn}): dependencies is not a list.`);
  }
  return { raw: resource, urn, gone: resource["delete"] === true || resource["pendingReplacement"] === true };
}

function toRecordedResource(
  raw: Record<string, unknown>,
  urn: string,
  options: Parameters<typeof fromStateValue>[2],
): RecordedResource {
  const custom = raw["custom"] === true;
  const inputs = convertObject(asRecord(raw["inputs"]) ?? {}, "inputs", options);
  const outputs = convertObject(asRecord(raw["outputs"]) ?? {}, "outputs", options);
  const external = raw["external"] === true;
  const id = asString(raw["id"]);
  const propertyDependencies: Record<string, string[]> = {};
  for (const [property, urns] of Object.entries(asRecord(raw["propertyDependencies"]) ?? {})) {
    propertyDependencies[property] = strings(urns);
  }
  const timeouts = asRecord(raw["customTimeouts"]);
  const customTimeouts = timeouts && durations(timeouts);
  return {
    urn,
    type: raw["type"] as string,
    name: parseUrn(urn)!.name,
    custom,
    // A resource read by ID records the properties it was read with; what it is lives in its outputs.
    inputs: external && Object.keys(inputs).length === 0 ? outputs : inputs,
    ...(asString(raw["parent"]) ? { parent: raw["parent"] as string } : {}),
    dependencies: strings(raw["dependencies"]),
    propertyDependencies,
    options: {
      protect: raw["protect"] === true,
      retainOnDelete: raw["retainOnDelete"] === true,
      ignoreChanges: strings(raw["ignoreChanges"]),
      aliases: strings(raw["aliases"]).filter((alias) => alias.startsWith("urn:")),
      ...(customTimeouts && Object.keys(customTimeouts).length > 0 ? { customTimeouts } : {}),
      additionalSecretOutputs: strings(raw["additionalSecretOutputs"]),
    },
    ...(asString(raw["provider"]) ? { provider: raw["provider"] as string } : {}),
    ...(external && id ? { id } : {}),
    ...(custom && !external && id ? { state: { id, outputs } } : {}),
  };
}

function convertObject(
  object: Record<string, unknown>,
  path: string,
  options: Parameters<typeof fromStateValue>[2],
): Record<string, RecordedValue> {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key, fromStateValue(value, `${path}.${key}`, options)]),
  );
}

/** Component and stack outputs with secrets masked, as the preflight records registered outputs. */
function masked(
  outputs: Record<string, unknown>,
  urn: string,
  options: Parameters<typeof fromStateValue>[2],
): Record<string, RecordedValue> {
  const converted = convertObject(outputs, `${urn} outputs`, {
    ...options,
    encryptedSecrets: "unknown",
    onEncryptedSecret: undefined,
  });
  return maskSecrets(converted) as Record<string, RecordedValue>;
}

/** Custom timeouts are stored in seconds; the preflight carries them as Go durations. */
function durations(timeouts: Record<string, unknown>): { create?: string; update?: string; delete?: string } {
  const result: { create?: string; update?: string; delete?: string } = {};
  for (const key of ["create", "update", "delete"] as const) {
    const seconds = timeouts[key];
    if (typeof seconds === "number" && seconds > 0) {
      result[key] = `${seconds}s`;
    }
  }
  return result;
}

function valueProblem(error: StateValueError, urn: string, secretsProvider: string | undefined): string {
  if (error.message.endsWith("an encrypted secret")) {
    const provider = secretsProvider ? ` by the "${secretsProvider}" secrets provider` : "";
    return (
      `${urn} ${error.path} is a secret encrypted${provider}, which secure-ai audit cannot decrypt. ` +
      "Export with `pulumi stack export --show-secrets --file <file>` (keep that file out of artifacts), " +
      "or pass --encrypted-secrets unknown to audit without secret values (policies that need them report unverified)."
    );
  }
  return `${urn} ${error.message}.`;
}

/** The parts of a Pulumi URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
export function parseUrn(
  urn: string,
): { stack: string; project: string; qualifiedType: string; name: string } | undefined {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0]!.startsWith("urn:pulumi:")) {
    return undefined;
  }
  const stack = parts[0]!.slice("urn:pulumi:".length);
  const [project, qualifiedType] = [parts[1]!, parts[2]!];
  const name = parts.slice(3).join("::");
  if (stack === "" || project === "" || qualifiedType === "") {
    return undefined;
  }
  return { stack, project, qualifiedType, name };
}

function stackOf(resources: readonly RecordedResource[], file: string): { stack: string; project: string } {
  const seen = new Map<string, { stack: string; project: string }>();
  for (const resource of resources) {
    const parts = parseUrn(resource.urn)!;
    seen.set(`${parts.project}/${parts.stack}`, { stack: parts.stack, project: parts.project });
  }
  if (seen.size > 1) {
    throw new StateFileError(
      file,
      `holds resources of more than one stack (${[...seen.keys()].join(", ")}): a state file holds one stack.`,
    );
  }
  const urns = new Set<string>();
  for (const resource of resources) {
    if (urns.has(resource.urn)) {
      throw new StateFileError(file, `lists ${resource.urn} twice.`);
    }
    urns.add(resource.urn);
  }
  return [...seen.values()][0]!;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
