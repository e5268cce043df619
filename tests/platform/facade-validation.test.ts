import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError, SecureAiPlatform } from "../../components";

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
    "facade-test",
    "dev",
    true,
  );
});

function construct(name: string, args: unknown): unknown {
  try {
    new SecureAiPlatform(name, args as ConstructorParameters<typeof SecureAiPlatform>[1]);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("SecureAiPlatform validates before it registers anything", () => {
  it.each([
    ["bad cloud", "ok", { cloud: "ibm", models: [{ name: "m" }] }, "cloud"],
    ["missing block", "ok", { cloud: "aws", models: [{ name: "m" }] }, "aws"],
    [
      "bad model name",
      "ok",
      { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "M!" }] },
      "models[0].name",
    ],
    [
      "bad component name",
      "Chat Bot",
      { cloud: "aws", aws: { region: "eu-west-1" }, models: [{ name: "m" }] },
      "name",
    ],
  ])("%s throws SecureAiConfigError at %s with nothing registered", (_label, name, args, path) => {
    const error = construct(name, args);
    expect(error).toBeInstanceOf(SecureAiConfigError);
    expect((error as SecureAiConfigError).path).toBe(path);
    expect(registered).toEqual([]);
  });
});
