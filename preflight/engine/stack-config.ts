import * as fs from "node:fs";
import * as path from "node:path";
import { PreflightUsageError } from "./errors";
import { type ConfigDeclaration, type ConfigType, type PulumiProject, qualifyConfigKey } from "./project";
import { isPlainObject, readYamlFile } from "./yaml-file";

/** Stack name used for a program that has no `Pulumi.<stack>.yaml` files. */
export const DEFAULT_STACK = "default";

/**
 * Prefix of the placeholder that stands in for a `secure:` config value. The preflight cannot decrypt
 * stack secrets (no secrets provider offline), so the program sees this placeholder instead, always
 * marked secret, and reports print `[secret]` wherever it flows.
 */
export const SECRET_PLACEHOLDER_PREFIX = "preflight-encrypted-secret:";

/** One stack's configuration, ready to hand to the Pulumi SDK. */
export interface StackConfig {
  /** Fully qualified key → value (strings, numbers, booleans, objects, arrays). */
  values: Record<string, unknown>;
  /** Fully qualified keys whose values are secret. */
  secretKeys: string[];
  /** The stack file read, if any. */
  file?: string;
}

/**
 * Reads one stack's config: the `Pulumi.<stack>.yaml` values, namespaced, with `secure:` values replaced by
 * secret placeholders, then the project's declared defaults applied and declared types checked.
 *
 * @param project - the loaded project.
 * @param stack - stack name; {@link DEFAULT_STACK} without a stack file means empty config.
 * @throws PreflightUsageError on a missing stack file, bad YAML, a missing required value or a value of the wrong type.
 */
export function readStackConfig(project: PulumiProject, stack: string): StackConfig {
  const file = findStackFile(project, stack);
  if (file === undefined && stack !== DEFAULT_STACK) {
    throw new PreflightUsageError(
      `No config file for stack "${stack}": expected ${path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`)}.`,
      { file: path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`) },
    );
  }
  const values: Record<string, unknown> = {};
  const secretKeys = new Set<string>();
  if (file !== undefined) {
    for (const [key, raw] of Object.entries(readStackConfigBlock(file))) {
      const fullKey = qualifyConfigKey(key, project.name);
      const { value, secret } = replaceSecureValues(raw, fullKey);
      values[fullKey] = value;
      if (secret) {
        secretKeys.add(fullKey);
      }
    }
  }
  for (const [fullKey, declaration] of Object.entries(project.config)) {
    const where = file ?? project.projectFile;
    if (!(fullKey in values)) {
      if (declaration.default === undefined) {
        throw new PreflightUsageError(
          `Stack "${stack}" is missing the required config value "${fullKey}" (declared in ${project.projectFile} without a default); set it in ${where}.`,
          { file: where, configKey: fullKey },
        );
      }
      values[fullKey] = declaration.default;
    }
    if (declaration.secret) {
      secretKeys.add(fullKey);
    }
    checkType(values[fullKey], declaration, fullKey, where);
  }
  return { values, secretKeys: [...secretKeys].sort(), file };
}

function findStackFile(project: PulumiProject, stack: string): string | undefined {
  const shortName = stack.split("/").pop() ?? stack;
  return [".yaml", ".yml"]
    .map((extension) => path.join(project.stackConfigDir, `Pulumi.${shortName}${extension}`))
    .find((file) => fs.existsSync(file));
}

function readStackConfigBlock(file: string): Record<string, unknown> {
  const document = readYamlFile(file);
  if (document === undefined || document === null) {
    return {};
  }
  if (!isPlainObject(document)) {
    throw new PreflightUsageError(`${file} must be a YAML mapping.`, { file });
  }
  const config = document["config"];
  if (config === undefined || config === null) {
    return {};
  }
  if (!isPlainObject(config)) {
    throw new PreflightUsageError(`${file}: "config" must be a mapping of keys to values.`, { file });
  }
  return config;
}

/** A `{ secure: "<ciphertext>" }` value, anywhere in a structured value, becomes a placeholder; the key turns secret. */
function replaceSecureValues(raw: unknown, fullKey: string): { value: unknown; secret: boolean } {
  let secret = false;
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(visit);
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === "secure" && typeof value["secure"] === "string") {
        secret = true;
        return `${SECRET_PLACEHOLDER_PREFIX}${fullKey}`;
      }
      return Object.fromEntries(keys.map((key) => [key, visit(value[key])]));
    }
    return value;
  };
  const value = visit(raw);
  return { value, secret };
}

function checkType(value: unknown, declaration: ConfigDeclaration, fullKey: string, file: string): void {
  if (declaration.type === undefined || isSecretPlaceholder(value)) {
    return;
  }
  const problem = typeProblem(value, declaration.type, declaration.itemsType);
  if (problem !== undefined) {
    throw new PreflightUsageError(
      `${file}: config "${fullKey}" must be ${problem}, got ${JSON.stringify(value)} (type declared in Pulumi.yaml).`,
      { file, configKey: fullKey },
    );
  }
}

function typeProblem(
  value: unknown,
  type: ConfigType,
  itemsType: ConfigType | undefined,
): string | undefined {
  switch (type) {
    case "string":
      return typeof value === "string" ? undefined : "a string";
    case "integer":
      return (typeof value === "number" && Number.isInteger(value)) ||
        (typeof value === "string" && /^-?\d+$/.test(value))
        ? undefined
        : "an integer";
    case "boolean":
      return typeof value === "boolean" || value === "true" || value === "false" ? undefined : "a boolean";
    case "array": {
      if (!Array.isArray(value)) {
        return "an array";
      }
      if (itemsType === undefined) {
        return undefined;
      }
      return value.some((item) => typeProblem(item, itemsType, undefined) !== undefined)
        ? `an array of ${itemsType}`
        : undefined;
    }
  }
}

/** True when `value` is the placeholder of an encrypted config value. */
export function isSecretPlaceholder(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(SECRET_PLACEHOLDER_PREFIX);
}

/**
 * The environment the Pulumi Node.js SDK reads config from (`runtime/config`): `PULUMI_CONFIG`, a JSON object of
 * fully qualified key → string (non-string values as JSON text, as the engine stores them), and
 * `PULUMI_CONFIG_SECRET_KEYS`, a JSON array of the secret keys.
 *
 * @param config - the stack config.
 */
export function pulumiConfigEnvironment(config: StackConfig): {
  PULUMI_CONFIG: string;
  PULUMI_CONFIG_SECRET_KEYS: string;
} {
  const asStrings = Object.fromEntries(
    Object.entries(config.values).map(([key, value]) => [
      key,
      typeof value === "string" ? value : JSON.stringify(value),
    ]),
  );
  return {
    PULUMI_CONFIG: JSON.stringify(asStrings),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(config.secretKeys),
  };
}
