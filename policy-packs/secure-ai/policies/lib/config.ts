/**
 * Config schema helpers. A policy declares its options once (JSON schema plus default); the helper builds
 * the policy's `configSchema` and reads `getConfig()` with the defaults filled in, so a policy behaves the
 * same whether the Pulumi CLI, Pulumi Cloud or a test supplied (or omitted) the config.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** One config option: its JSON schema (with a mandatory `default` and `description`). */
export interface ConfigOption<T> {
  /** The option's JSON schema. */
  schema: PolicyConfigJSONSchema & { default: T; description: string };
  /** Narrows a configured value; returns `undefined` for a value of the wrong shape (the default is used). */
  parse(value: unknown): T | undefined;
}

/** Options of a policy, by name. */
export type ConfigOptions = Record<string, ConfigOption<unknown>>;

/** The resolved config type of a set of options. */
export type ConfigValues<O extends ConfigOptions> = {
  [K in keyof O]: O[K] extends ConfigOption<infer T> ? T : never;
};

/** An integer option within `[minimum, maximum]`. */
export function integerOption(args: {
  default: number;
  minimum: number;
  maximum: number;
  description: string;
}): ConfigOption<number> {
  return {
    schema: { type: "integer", ...args },
    parse: (value) =>
      typeof value === "number" && Number.isInteger(value) && value >= args.minimum && value <= args.maximum
        ? value
        : undefined,
  };
}

/** A list of strings (an allow-list, a list of required tags). */
export function stringListOption(args: {
  default: readonly string[];
  description: string;
}): ConfigOption<readonly string[]> {
  return {
    schema: { type: "array", items: { type: "string", minLength: 1 }, ...args, default: [...args.default] },
    parse: (value) =>
      Array.isArray(value) && value.every((item) => typeof item === "string")
        ? (value as string[])
        : undefined,
  };
}

/** A boolean switch. */
export function booleanOption(args: { default: boolean; description: string }): ConfigOption<boolean> {
  return {
    schema: { type: "boolean", ...args },
    parse: (value) => (typeof value === "boolean" ? value : undefined),
  };
}

/** Builds the JSON schema of the options plus any extra properties (the waivers list). */
export function buildConfigSchema(
  options: ConfigOptions,
  extra: Record<string, PolicyConfigJSONSchema>,
): PolicyConfigSchema {
  const properties: Record<string, PolicyConfigJSONSchema> = { ...extra };
  for (const [name, option] of Object.entries(options)) {
    properties[name] = option.schema;
  }
  return { properties };
}

/** Reads configured values, keeping the default for anything missing or of the wrong shape. */
export function resolveConfig<O extends ConfigOptions>(
  options: O,
  configured: Record<string, unknown>,
): ConfigValues<O> {
  const resolved: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    const parsed = option.parse(configured[name]);
    resolved[name] = parsed === undefined ? option.schema.default : parsed;
  }
  return resolved as ConfigValues<O>;
}
