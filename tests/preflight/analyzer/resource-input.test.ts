import { describe, expect, it } from "vitest";
import {
  durationToSeconds,
  indexByUrn,
  toAnalyzerResource,
} from "../../../preflight/analyzer/resource-input";
import { recordedResource } from "./helpers";

describe("resource inputs for the analyzer", () => {
  it("converts Go duration strings to seconds and rejects anything else", () => {
    expect(durationToSeconds(undefined)).toBe(0);
    expect(durationToSeconds("")).toBe(0);
    expect(durationToSeconds("5m")).toBe(300);
    expect(durationToSeconds("1h30m")).toBe(5400);
    expect(durationToSeconds("1.5s")).toBe(1.5);
    expect(durationToSeconds("250ms")).toBeCloseTo(0.25);
    expect(() => durationToSeconds("5 minutes")).toThrow(/Invalid custom timeout '5 minutes'/);
    expect(() => durationToSeconds("10")).toThrow(/Invalid custom timeout/);
  });

  it("fills every option the CLI sends and resolves the provider resource", () => {
    const provider = recordedResource("pulumi:providers:aws", "eu", { region: "eu-west-1" });
    const parent = recordedResource(
      "secure-ai-platform:index:SecureAiPlatform",
      "platform",
      {},
      { custom: false },
    );
    const key = recordedResource(
      "aws:kms/key:Key",
      "key",
      { enableKeyRotation: true },
      {
        parent: parent.urn,
        dependencies: [provider.urn],
        propertyDependencies: { policy: [parent.urn] },
        provider: `${provider.urn}::provider-id`,
        options: {
          protect: true,
          retainOnDelete: true,
          ignoreChanges: ["tags"],
          deleteBeforeReplace: false,
          aliases: ["urn:pulumi:dev::fixture-project::aws:kms/key:Key::old"],
          customTimeouts: { create: "2m", delete: "1h" },
          additionalSecretOutputs: ["arn"],
        },
      },
    );
    const input = toAnalyzerResource(key, indexByUrn([provider, parent, key]));
    expect(input).toEqual({
      urn: key.urn,
      type: "aws:kms/key:Key",
      name: "key",
      properties: { enableKeyRotation: true },
      options: {
        protect: true,
        ignoreChanges: ["tags"],
        deleteBeforeReplace: false,
        additionalSecretOutputs: ["arn"],
        aliases: ["urn:pulumi:dev::fixture-project::aws:kms/key:Key::old"],
        customTimeouts: { create: 120, update: 0, delete: 3600 },
        parent: parent.urn,
      },
      provider: {
        urn: provider.urn,
        type: "pulumi:providers:aws",
        name: "eu",
        properties: { region: "eu-west-1" },
      },
      parent: parent.urn,
      dependencies: [provider.urn],
      propertyDependencies: { policy: [parent.urn] },
    });
  });

  it("leaves deleteBeforeReplace and the provider out when they are not known", () => {
    const bucket = recordedResource(
      "aws:s3/bucket:Bucket",
      "b",
      {},
      { provider: "urn:pulumi:dev::p::pulumi:providers:aws::default::id" },
    );
    const input = toAnalyzerResource(bucket, indexByUrn([bucket]));
    expect("deleteBeforeReplace" in input.options).toBe(false);
    expect(input.provider).toBeUndefined();
    expect(input.options.parent).toBe("");
  });
});
