import { join } from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiPlatform } from "../../components/platform";
import { PROVIDER_NAME } from "../../provider/provider-name";

interface Property {
  type?: string;
  $ref?: string;
  description?: string;
  items?: Property;
  additionalProperties?: Property;
}
interface Schema {
  name: string;
  resources: Record<
    string,
    {
      isComponent: boolean;
      inputProperties: Record<string, Property>;
      requiredInputs?: string[];
      properties: Record<string, Property>;
    }
  >;
  types: Record<string, { properties: Record<string, Property>; required?: string[] }>;
}

let schema: Schema;
const TOKEN = "secure-ai-platform:index:SecureAiPlatform";

beforeAll(async () => {
  const provider = new ComponentProvider({
    components: [SecureAiPlatform],
    name: PROVIDER_NAME,
    dirname: join(__dirname, "..", "..", "provider"),
  });
  schema = JSON.parse(await provider.getSchema()) as Schema;
}, 120_000);

describe("the component provider's schema", () => {
  it("declares SecureAiPlatform as a component under the contract's type token", () => {
    expect(schema.name).toBe("secure-ai-platform");
    expect(Object.keys(schema.resources)).toEqual([TOKEN]);
    expect(schema.resources[TOKEN].isComponent).toBe(true);
  });

  it("requires cloud and models and describes every input from its TSDoc", () => {
    const component = schema.resources[TOKEN];
    expect(component.requiredInputs?.sort()).toEqual(["cloud", "models"]);
    expect(component.inputProperties.cloud).toMatchObject({
      type: "string",
      description: expect.stringContaining('"aws"'),
    });
    expect(component.inputProperties.models).toMatchObject({
      type: "array",
      items: { $ref: "#/types/secure-ai-platform:index:ModelArgs" },
    });
    for (const [name, property] of Object.entries(component.inputProperties)) {
      expect(property.description, `input ${name} has a description`).toBeTruthy();
    }
    const model = schema.types["secure-ai-platform:index:ModelArgs"];
    expect(model.required).toEqual(["name"]);
    expect(model.properties.sensitivity).toMatchObject({
      type: "string",
      description: expect.stringContaining('"high"'),
    });
    expect(schema.types["secure-ai-platform:index:WaiverArgs"].properties.expires.type).toBe("string");
  });

  it("declares the outputs every backend returns", () => {
    const outputs = schema.resources[TOKEN].properties;
    expect(Object.keys(outputs).sort()).toEqual(
      [
        "controls",
        "findingsDestination",
        "keys",
        "modelEndpoints",
        "networkId",
        "publicEndpoint",
        "responsibility",
        "storage",
        "workloadIdentities",
      ].sort(),
    );
    expect(outputs.responsibility).toMatchObject({
      $ref: "#/types/secure-ai-platform:index:ResponsibilityTable",
    });
    expect(schema.types["secure-ai-platform:index:ResponsibilityRow"].properties.controls).toMatchObject({
      type: "array",
      items: { $ref: "#/types/secure-ai-platform:index:ResponsibilityControl" },
    });
    expect(schema.types["secure-ai-platform:index:ModelScopeEntry"].required?.sort()).toEqual([
      "model",
      "scope",
      "scopingMatrix",
    ]);
    expect(outputs.controls).toMatchObject({
      type: "array",
      items: { $ref: "#/types/secure-ai-platform:index:ControlEvidenceOutput" },
    });
    expect(outputs.keys).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
    expect(schema.types["secure-ai-platform:index:ControlEvidenceOutput"].required?.sort()).toEqual([
      "id",
      "resources",
      "status",
    ]);
  });
});
