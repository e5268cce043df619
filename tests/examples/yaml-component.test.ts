/**
 * The Pulumi YAML example uses SecureAiPlatform through the component provider. Without the Pulumi CLI this
 * checks what the CLI would: the `packages` entry points at the provider directory, the resource's type token
 * and every property it sets exist in the schema the provider serves (required inputs included), and those
 * exact properties build a platform under Pulumi's mocks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { controlCatalog } from "../../components/controls";
import { SecureAiPlatform } from "../../components/platform";
import type { SecureAiPlatformArgs } from "../../components/spec/args";
import { PROVIDER_NAME } from "../../provider/provider-name";
import { buildAws, installAwsMocks } from "../helpers/aws-mocks";
import { EXAMPLES, ROOT } from "./run-check";

const EXAMPLE_DIR = path.join(EXAMPLES, "yaml-component");
const TOKEN = "secure-ai-platform:index:SecureAiPlatform";

interface SchemaProperty {
  type?: string;
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
}
interface SchemaObject {
  properties: Record<string, SchemaProperty>;
  required?: string[];
}
interface Schema {
  resources: Record<string, { inputProperties: Record<string, SchemaProperty>; requiredInputs?: string[] }>;
  types: Record<string, SchemaObject>;
}
interface YamlProject {
  packages: Record<string, string>;
  config: Record<string, { type: string; default?: unknown }>;
  resources: Record<string, { type: string; properties: Record<string, unknown> }>;
}

const project = parse(fs.readFileSync(path.join(EXAMPLE_DIR, "Pulumi.yaml"), "utf8")) as YamlProject;
let schema: Schema;

beforeAll(async () => {
  const provider = new ComponentProvider({
    components: [SecureAiPlatform],
    name: PROVIDER_NAME,
    dirname: path.join(ROOT, "provider"),
  });
  schema = JSON.parse(await provider.getSchema()) as Schema;
}, 120_000);

/** `${name}` interpolations replaced by the config defaults declared in the same Pulumi.yaml. */
function withConfigDefaults(value: unknown): unknown {
  if (typeof value === "string") {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    if (whole) {
      const entry = project.config[whole[1]!];
      if (entry?.default === undefined) throw new Error(`config ${whole[1]} has no default`);
      return entry.default;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(withConfigDefaults);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withConfigDefaults(inner)]));
  }
  return value;
}

/** Paths of properties the YAML sets that the schema does not declare, walking objects, arrays and maps. */
function undeclared(value: unknown, declared: SchemaProperty, at: string): string[] {
  if (declared.$ref !== undefined) {
    const type = schema.types[declared.$ref.replace("#/types/", "")];
    if (type === undefined) return [`${at} (unknown type ${declared.$ref})`];
    const record = value as Record<string, unknown>;
    const missing = (type.required ?? [])
      .filter((key) => record[key] === undefined)
      .map((key) => `${at}.${key} (required)`);
    return [
      ...missing,
      ...Object.entries(record).flatMap(([key, inner]) =>
        type.properties[key] === undefined
          ? [`${at}.${key}`]
          : undeclared(inner, type.properties[key]!, `${at}.${key}`),
      ),
    ];
  }
  if (declared.type === "array" && declared.items !== undefined) {
    return (value as unknown[]).flatMap((item, index) =>
      undeclared(item, declared.items!, `${at}[${index}]`),
    );
  }
  if (declared.type === "object" && declared.additionalProperties !== undefined) {
    return Object.entries(value as object).flatMap(([key, inner]) =>
      undeclared(inner, declared.additionalProperties!, `${at}.${key}`),
    );
  }
  return [];
}

describe("example yaml-component", () => {
  const [resourceName, resource] = Object.entries(project.resources)[0]!;

  it("references the repository's provider directory, which holds PulumiPlugin.yaml, from `packages`", () => {
    const source = project.packages[PROVIDER_NAME];
    expect(source).toBeDefined();
    const providerDir = path.resolve(EXAMPLE_DIR, source!);
    expect(providerDir).toBe(path.join(ROOT, "provider"));
    expect(fs.existsSync(path.join(providerDir, "PulumiPlugin.yaml"))).toBe(true);
  });

  it("declares the component by the type token the provider's schema serves", () => {
    expect(resource.type).toBe(TOKEN);
    expect(Object.keys(schema.resources)).toContain(TOKEN);
  });

  it("sets only inputs the schema declares, at every level, and every required one", () => {
    const component = schema.resources[TOKEN]!;
    const properties = resource.properties;
    const unknownTopLevel = Object.keys(properties).filter(
      (key) => component.inputProperties[key] === undefined,
    );
    expect(unknownTopLevel).toEqual([]);
    for (const required of component.requiredInputs ?? []) {
      expect(properties[required], required).toBeDefined();
    }
    const problems = Object.entries(properties).flatMap(([key, value]) =>
      undeclared(value, component.inputProperties[key]!, key),
    );
    expect(problems).toEqual([]);
  });

  it("builds a platform from exactly these properties under Pulumi's mocks, with evidence for every control", async () => {
    await installAwsMocks();
    const args = withConfigDefaults(resource.properties) as SecureAiPlatformArgs;
    const built = await buildAws(resourceName, args);
    expect(built.controls.map((control) => control.id)).toEqual(controlCatalog.map((control) => control.id));
    expect(Object.keys(built.outputs.modelEndpoints).sort()).toEqual(["claims-triage", "support-chat"]);
    expect(built.ofType("aws:kms/key:Key").length).toBeGreaterThan(0);
  }, 120_000);
});
