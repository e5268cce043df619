/**
 * Policy pack configuration in the Pulumi CLI's file format (`--policy-pack-config FILE`):
 *
 * ```json
 * { "all": "mandatory", "some-policy": "advisory", "other-policy": { "enforcementLevel": "disabled", "limit": 3 } }
 * ```
 *
 * `all` sets every policy's level; a policy's own entry wins over it. Reconciliation follows the CLI:
 * start from each policy's level in GetAnalyzerInfo plus the `default`s of its config schema, apply the
 * pack's initial config, then the file; validate the result against each policy's schema. Unlike the CLI,
 * a name that matches no policy in the pack is an error here, so a typo cannot silently waive nothing.
 */
import * as fs from "node:fs";
import { type EnforcementLevel, type PolicyInfo } from "../model";
import { type AnalyzerInfo, type PolicyConfigEntry } from "./client";

/** Raised for a config file that is not valid JSON, not in the CLI's format, or names unknown policies. */
export class PolicyConfigError extends Error {
  override readonly name = "PolicyConfigError";
}

/** One entry of a parsed config file; either part may be absent. */
export interface PolicyConfigOverride {
  enforcementLevel?: EnforcementLevel;
  properties?: Record<string, unknown>;
}

/** A parsed config file: policy name (or `all`) to override. */
export type PolicyConfigFile = Record<string, PolicyConfigOverride>;

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses config in the CLI's format from an already-loaded JSON value; `source` names it in errors. */
export function parsePolicyConfig(json: unknown, source = "policy config"): PolicyConfigFile {
  if (!isPlainObject(json)) {
    throw new PolicyConfigError(`${source}: expected a JSON object of policy names, got ${describe(json)}`);
  }
  const parsed: PolicyConfigFile = {};
  for (const [policy, value] of Object.entries(json)) {
    if (typeof value === "string") {
      if (!isLevel(value)) {
        throw new PolicyConfigError(
          `${source}: "${policy}" is "${value}", which is not an enforcement level (${LEVELS.join(", ")})`,
        );
      }
      parsed[policy] = { enforcementLevel: value };
      continue;
    }
    if (!isPlainObject(value)) {
      throw new PolicyConfigError(
        `${source}: "${policy}" is ${describe(value)}; it must be an enforcement level string or an object`,
      );
    }
    const { enforcementLevel, ...properties } = value;
    const override: PolicyConfigOverride = {};
    if (enforcementLevel !== undefined) {
      if (!isLevel(enforcementLevel)) {
        throw new PolicyConfigError(
          `${source}: "${policy}".enforcementLevel is ${describe(enforcementLevel)}, not one of ${LEVELS.join(", ")}`,
        );
      }
      override.enforcementLevel = enforcementLevel;
    }
    if (Object.keys(properties).length > 0) {
      if (policy === "all") {
        throw new PolicyConfigError(`${source}: "all" takes only an enforcement level, not properties`);
      }
      override.properties = properties;
    }
    if (override.enforcementLevel !== undefined || override.properties !== undefined) {
      parsed[policy] = override;
    }
  }
  return parsed;
}

/** Reads and parses a config file; an empty file is an empty config, as in the CLI. */
export function readPolicyConfigFile(file: string): PolicyConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PolicyConfigError(`Cannot read policy config ${file}: ${(error as Error).message}`);
  }
  if (text.trim() === "") {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyConfigError(`Policy config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePolicyConfig(json, `Policy config ${file}`);
}

/**
 * Builds the Configure request for a pack: one entry per policy, defaults first, then the pack's initial
 * config, then `file`. Throws {@link PolicyConfigError} for unknown policy names and schema violations.
 */
export function reconcilePolicyConfig(
  info: AnalyzerInfo,
  file: PolicyConfigFile = {},
  source = "policy config",
): Record<string, PolicyConfigEntry> {
  const known = new Set(info.policies.map((policy) => policy.name));
  const unknown = Object.keys(file).filter((name) => name !== "all" && !known.has(name));
  if (unknown.length > 0) {
    throw new PolicyConfigError(
      `${source}: ${unknown.map((name) => `"${name}"`).join(", ")} ${unknown.length === 1 ? "is not a policy" : "are not policies"} of pack ${info.name} (policies: ${[...known].join(", ")})`,
    );
  }
  const result: Record<string, PolicyConfigEntry> = {};
  // Packs share schemas between policies (the decoder gives policies with the same schema bytes one object):
  // defaults are read, and validated, once per schema object. A policy's defaults object is replaced by
  // applyOverrides when anything overrides it, so one still holding its own defaults needs no new check.
  const schemas = new Map<PolicyInfo["configSchema"], SchemaDefaults>();
  const ownDefaults = info.policies.map((policy) => {
    let known = schemas.get(policy.configSchema);
    if (known === undefined) {
      known = schemaDefaults(policy.configSchema);
      schemas.set(policy.configSchema, known);
    }
    const defaults = defaultsObject(known.defaults);
    result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: defaults };
    return { defaults, problems: known.problems };
  });
  applyOverrides(result, info.initialConfig);
  applyOverrides(result, file);
  const problems = info.policies.flatMap((policy, index) => {
    const properties = result[policy.name]?.properties ?? {};
    const own = ownDefaults[index]!;
    return (
      properties === own.defaults ? own.problems : validateAgainstSchema(policy.configSchema, properties)
    ).map((problem) => `${policy.name}: ${problem}`);
  });
  if (problems.length > 0) {
    throw new PolicyConfigError(
      `${source} does not match pack ${info.name}'s config schema:\n  ${problems.join("\n  ")}`,
    );
  }
  return result;
}

/** A schema's defaults, in schema order, and the problems a config of only those defaults has. */
interface SchemaDefaults {
  defaults: [string, unknown][];
  problems: string[];
}

function schemaDefaults(schema: PolicyInfo["configSchema"]): SchemaDefaults {
  const defaults: [string, unknown][] = [];
  for (const [key, property] of Object.entries(schema?.properties ?? {})) {
    if (isPlainObject(property) && "default" in property) {
      defaults.push([key, property.default]);
    }
  }
  return { defaults, problems: validateAgainstSchema(schema, defaultsObject(defaults)) };
}

/** A fresh properties object of `defaults`, each policy its own (callers may change their config). */
function defaultsObject(defaults: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of defaults) {
    object[key] = value;
  }
  return object;
}

function applyOverrides(
  result: Record<string, PolicyConfigEntry>,
  overrides: Record<string, PolicyConfigOverride>,
): void {
  const all = overrides.all?.enforcementLevel;
  if (all) {
    for (const entry of Object.values(result)) {
      entry.enforcementLevel = all;
    }
  }
  for (const [policy, override] of Object.entries(overrides)) {
    const entry = result[policy];
    if (policy === "all" || !entry) {
      continue;
    }
    if (override.enforcementLevel) {
      entry.enforcementLevel = override.enforcementLevel;
    }
    entry.properties = { ...entry.properties, ...override.properties };
  }
}

/** Checks `required`, and `type`/`enum` of each declared property: the subset of JSON schema packs use most. */
function validateAgainstSchema(
  schema: { properties: Record<string, unknown>; required: string[] } | undefined,
  properties: Record<string, unknown>,
): string[] {
  if (!schema) {
    return [];
  }
  const problems: string[] = [];
  for (const name of schema.required) {
    if (!(name in properties)) {
      problems.push(`${name} is required`);
    }
  }
  for (const [name, value] of Object.entries(properties)) {
    const rule = schema.properties[name];
    if (!isPlainObject(rule)) {
      continue;
    }
    const types = rule.type === undefined ? [] : Array.isArray(rule.type) ? rule.type : [rule.type];
    if (types.length > 0 && !types.some((type) => matchesType(value, String(type)))) {
      problems.push(`${name}: expected ${types.join(" or ")}, got ${describe(value)}`);
    }
    if (
      Array.isArray(rule.enum) &&
      !rule.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))
    ) {
      problems.push(
        `${name}: must be one of ${rule.enum.map((allowed) => JSON.stringify(allowed)).join(", ")}`,
      );
    }
  }
  return problems;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
    case "null":
      return value === null;
    default:
      return true;
  }
}

function describe(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
