import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { SecureAiConfigError, SecureAiPlatform } from "../../components";

const types: string[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        types.push(args.type);
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => ({
        ...args.inputs,
        accountId: "111122223333",
        partition: "aws",
        name: "eu-west-1",
        project: "ai-prod-123",
        tenantId: "00000000-0000-0000-0000-000000000000",
        subscriptionId: "00000000-0000-0000-0000-000000000001",
        objectId: "00000000-0000-0000-0000-000000000002",
        clientId: "00000000-0000-0000-0000-000000000003",
        names: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
        zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"],
      }),
    },
    "backend-loading",
    "dev",
    true,
  );
});

describe("the facade loads the chosen backend through Node's require", () => {
  it("builds an AWS platform whose children are AWS resources only", async () => {
    const platform = new SecureAiPlatform("loader", {
      cloud: "aws",
      aws: { region: "eu-west-1" },
      models: [{ name: "m" }],
    });
    const controls = await new Promise<unknown[]>((resolve) => platform.controls.apply(resolve));
    expect(controls).toHaveLength(35);
    expect(types.length).toBeGreaterThan(1);
    expect(
      types.filter(
        (type) =>
          !type.startsWith("aws:") && !type.startsWith("pulumi:") && !type.startsWith("secure-ai-platform:"),
      ),
    ).toEqual([]);
  });

  it("recognises a SecureAiConfigError thrown by any copy of the module", () => {
    const foreign = Object.defineProperty(
      new Error("x"),
      Symbol.for("secure-ai-platform.SecureAiConfigError"),
      { value: true },
    );
    expect(foreign).toBeInstanceOf(SecureAiConfigError);
    expect(new Error("plain")).not.toBeInstanceOf(SecureAiConfigError);
  });
});
