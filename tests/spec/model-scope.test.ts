import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError, SecureAiPlatform } from "../../components";
import { resolveSpec } from "../../components/spec/resolve";
import {
  MODEL_SCOPES,
  SCOPING_MATRIX_SCOPE,
  isTrainedScope,
  modelTags,
  platformTrains,
} from "../../components/spec/scopes";

const NOW = new Date("2026-06-01T12:00:00Z");
const AWS = { cloud: "aws", aws: { region: "eu-west-1" } };
const GCP = { cloud: "gcp", gcp: { project: "my-project", region: "europe-west4" } };
const AZURE = {
  cloud: "azure",
  azure: { location: "swedencentral", tenantId: "11111111-1111-4111-8111-111111111111" },
};

function scopesOf(args: Record<string, unknown>): string[] {
  return resolveSpec(args, { now: NOW }).models.map((model) => model.scope);
}

describe("models[i].scope (AWS Generative AI Security Scoping Matrix)", () => {
  it("maps the three spec values to Scope 3, 4 and 5", () => {
    expect(MODEL_SCOPES).toEqual(["pre-trained", "fine-tuned", "self-trained"]);
    expect(SCOPING_MATRIX_SCOPE).toEqual({
      "pre-trained": "Scope 3",
      "fine-tuned": "Scope 4",
      "self-trained": "Scope 5",
    });
    expect(MODEL_SCOPES.map(isTrainedScope)).toEqual([false, true, true]);
  });

  it("defaults from the serving choice: provider-API models are pre-trained, hosted weights fine-tuned", () => {
    expect(
      scopesOf({
        ...AWS,
        models: [
          { name: "a", serving: "bedrock" },
          { name: "b", serving: "sagemaker" },
        ],
      }),
    ).toEqual(["pre-trained", "fine-tuned"]);
    expect(scopesOf({ ...GCP, models: [{ name: "a" }] })).toEqual(["fine-tuned"]);
    expect(
      scopesOf({
        ...AZURE,
        models: [
          { name: "a", serving: "openai" },
          { name: "b", serving: "ml" },
        ],
      }),
    ).toEqual(["pre-trained", "fine-tuned"]);
  });

  it("keeps a declared scope the serving choice accepts", () => {
    expect(
      scopesOf({
        ...AWS,
        models: [
          { name: "a", serving: "sagemaker", scope: "pre-trained" },
          { name: "b", serving: "sagemaker", scope: "self-trained" },
          { name: "c", serving: "bedrock", scope: "pre-trained" },
        ],
      }),
    ).toEqual(["pre-trained", "self-trained", "pre-trained"]);
    expect(scopesOf({ ...GCP, models: [{ name: "a", scope: "self-trained" }] })).toEqual(["self-trained"]);
    expect(scopesOf({ ...AZURE, models: [{ name: "a", serving: "ml", scope: "pre-trained" }] })).toEqual([
      "pre-trained",
    ]);
  });

  it("says whether the platform trains, and tags each model with its scope", () => {
    expect(platformTrains([{ scope: "pre-trained" }, { scope: "pre-trained" }])).toBe(false);
    expect(platformTrains([{ scope: "pre-trained" }, { scope: "fine-tuned" }])).toBe(true);
    expect(modelTags({ team: "ai" }, { scope: "self-trained" })).toEqual({
      team: "ai",
      "secure-ai-model-scope": "self-trained",
    });
  });
});

interface BadScope {
  rule: string;
  args: Record<string, unknown>;
  path: string;
  message: string;
}

const bad: BadScope[] = [
  {
    rule: "unknown scope",
    args: { ...AWS, models: [{ name: "a", scope: "retrained" }] },
    path: "models[0].scope",
    message:
      'models[0].scope: received "retrained"; allowed values are "pre-trained", "fine-tuned", "self-trained"',
  },
  {
    rule: "Scoping Matrix number instead of a scope",
    args: { ...GCP, models: [{ name: "a" }, { name: "b", scope: "Scope 4" }] },
    path: "models[1].scope",
    message:
      'models[1].scope: received "Scope 4"; allowed values are "pre-trained", "fine-tuned", "self-trained"',
  },
  {
    rule: "wrong case",
    args: { ...AZURE, models: [{ name: "a", serving: "ml", scope: "Fine-Tuned" }] },
    path: "models[0].scope",
    message:
      'models[0].scope: received "Fine-Tuned"; allowed values are "pre-trained", "fine-tuned", "self-trained"',
  },
  {
    rule: "not a string",
    args: { ...AWS, models: [{ name: "a", scope: 4 }] },
    path: "models[0].scope",
    message: 'models[0].scope: received 4; allowed values are "pre-trained", "fine-tuned", "self-trained"',
  },
  {
    rule: "fine-tuned Bedrock model",
    args: { ...AWS, models: [{ name: "a", serving: "bedrock", scope: "fine-tuned" }] },
    path: "models[0].scope",
    message:
      'models[0].scope: received "fine-tuned"; allowed values for a model served by bedrock are "pre-trained" (the platform invokes Bedrock foundation models as the provider serves them and builds no Bedrock custom model)',
  },
  {
    rule: "self-trained Azure OpenAI model",
    args: { ...AZURE, models: [{ name: "a", serving: "openai", scope: "self-trained" }] },
    path: "models[0].scope",
    message:
      'models[0].scope: received "self-trained"; allowed values for a model served by openai are "pre-trained" (the platform deploys Azure OpenAI base models by name and builds no fine-tuned deployment)',
  },
];

describe("resolveSpec rejects bad scopes with a one-line error", () => {
  it.each(bad)("$rule → $path", ({ args, path, message }) => {
    let caught: unknown;
    try {
      resolveSpec(args, { now: NOW });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecureAiConfigError);
    const error = caught as SecureAiConfigError;
    expect(error.path).toBe(path);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain("\n");
  });
});

describe("SecureAiPlatform rejects a bad scope before it registers anything", () => {
  const registered: string[] = [];
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args.type);
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
      },
      "scope-test",
      "dev",
      true,
    );
  });

  it.each(bad)("$rule: nothing registered", ({ args, path }) => {
    let caught: unknown;
    try {
      new SecureAiPlatform("scoped", args as unknown as ConstructorParameters<typeof SecureAiPlatform>[1]);
    } catch (error) {
      caught = error;
    }
    expect((caught as SecureAiConfigError).path).toBe(path);
    expect(registered).toEqual([]);
  });
});
