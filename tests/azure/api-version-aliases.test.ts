/**
 * The Azure backend drops the Azure Native SDK's API-version aliases from its children (they made a 500-model
 * platform take minutes and gigabytes) and keeps every other alias.
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { dropApiVersionAliases, isApiVersionAlias } from "../../components/azure/api-version-aliases";
import { runStack } from "../../preflight/engine";
import type { StackRun } from "../../preflight/model";

function transform(aliases: pulumi.Input<string | pulumi.Alias>[] | undefined): unknown {
  const props = { resourceGroupName: "rg" };
  return dropApiVersionAliases({
    resource: {} as pulumi.Resource,
    type: "azure-native:network:PrivateEndpoint",
    name: "pe",
    props,
    opts: { aliases },
  });
}

describe("isApiVersionAlias", () => {
  it.each([
    [{ type: "azure-native:network/v20240501:PrivateEndpoint" }],
    [{ type: "azure-native:network/v20230401preview:PrivateEndpoint" }],
    [{ type: "azure-native:network/v20200601:PrivateZone" }],
  ])("recognises the API-versioned type %j", (alias) => {
    expect(isApiVersionAlias(alias)).toBe(true);
  });

  it.each([
    ["an unversioned type", { type: "azure-native:network:PrivateEndpoint" }],
    ["a version without a date", { type: "azure-native:network/v2:PrivateEndpoint" }],
    ["another provider", { type: "azure:network/v20240501:PrivateEndpoint" }],
    ["a type with a name", { type: "azure-native:network/v20240501:PrivateEndpoint", name: "old" }],
    ["a name only", { name: "old" }],
    ["a URN", "urn:pulumi:s::p::azure-native:network/v20240501:PrivateEndpoint::pe"],
    ["an empty object", {}],
  ])("rejects %s", (_, alias) => {
    expect(isApiVersionAlias(alias as pulumi.Alias)).toBe(false);
  });
});

describe("dropApiVersionAliases", () => {
  it("removes the versioned types and keeps every other alias in order", () => {
    const result = transform([
      { name: "old-name" },
      { type: "azure-native:network/v20240501:PrivateEndpoint" },
      "urn:pulumi:s::p::azure-native:network:PrivateEndpoint::older",
      { type: "azure-native:network/v20230401preview:PrivateEndpoint" },
    ]);
    expect(result).toEqual({
      props: { resourceGroupName: "rg" },
      opts: {
        aliases: [{ name: "old-name" }, "urn:pulumi:s::p::azure-native:network:PrivateEndpoint::older"],
      },
    });
  });

  it("leaves a resource without versioned aliases untouched", () => {
    expect(transform(undefined)).toBeUndefined();
    expect(transform([{ name: "old-name" }])).toBeUndefined();
  });
});

describe("the Azure platform under the preflight engine", () => {
  let run: StackRun;

  beforeAll(async () => {
    run = await runStack({
      programDir: path.resolve(__dirname, "../fixtures/programs/platform-azure"),
      stack: "baseline",
      onProgramOutput: () => undefined,
    });
  }, 240_000);

  it("registers no resource with an API-version alias", () => {
    const azureResources = run.resources.filter((resource) => resource.type.startsWith("azure-native:"));
    expect(azureResources.length).toBeGreaterThan(40);
    const versioned = azureResources.flatMap((resource) =>
      (resource.options.aliases ?? []).filter((alias) => /azure-native:[a-z]+\/v\d{8}/i.test(alias)),
    );
    expect(versioned).toEqual([]);
  });
});
