import * as policyModule from "@pulumi/policy/policy";
import * as protoutil from "@pulumi/policy/protoutil";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { policies } from "../../../policy-packs/secure-ai/policies";
import {
  encodeAnalyzerInfo,
  encodeAnalyzerInfoDirectly,
  type PolicyKinds,
} from "../../../policy-packs/secure-ai/policies/lib/analyzer-info-encoding";

type Make = (
  name: string,
  version: string,
  level: string,
  args: Record<string, unknown>,
  initialConfig?: Record<string, unknown>,
) => { serializeBinary(): Uint8Array };
const sdkMake = (protoutil as unknown as { makeAnalyzerInfo: Make }).makeAnalyzerInfo;
const kinds = policyModule as unknown as PolicyKinds;

function sdkBytes(
  args: Record<string, unknown>,
  level = "advisory",
  name = "secure-ai",
  version = "0.1.0",
): Buffer {
  return Buffer.from(sdkMake(name, version, level, args).serializeBinary());
}

const validateResource = () => undefined;
const validateStack = () => undefined;
const shared = { type: "array", items: { type: "object", properties: { a: { type: "string" } } } };

describe("encodeAnalyzerInfo", () => {
  it("writes the secure-ai pack's AnalyzerInfo byte for byte as the policy SDK does", () => {
    const args = {
      policies: [...policies],
      description: "Secure AI platform guardrails",
      displayName: "Secure AI platform",
      tags: ["security", "ai"],
    };
    expect(policies.length).toBeGreaterThan(200);
    const ours = encodeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args, kinds);
    expect(ours.equals(sdkBytes(args))).toBe(true);
  });

  it("writes every field, default and value kind as the SDK does", () => {
    const variants: Record<string, unknown>[] = [
      {
        name: "all",
        description: "d ✓ 🚀",
        displayName: "D",
        enforcementLevel: "mandatory",
        severity: "critical",
        tags: ["", "t"],
        remediationSteps: "r",
        url: "https://u",
        validateResource,
        framework: { name: "NIST", version: "5", reference: "SC-12", specification: "s" },
        configSchema: {
          properties: {
            w: shared,
            z: { type: "integer", default: -0, minimum: 1e300 },
            a: { enum: [null, true, false, "", 0.5, -7] },
            nested: { x: [[], {}, [shared]] },
          },
          required: ["w", ""],
        },
      },
      { name: "stack", description: "", validateStack, severity: "unknown-severity", framework: {} },
      {
        name: "disabled",
        description: "x",
        enforcementLevel: "disabled",
        validateResource: [validateResource],
        configSchema: { properties: { w: shared } },
      },
      {
        name: "remediates",
        description: "x",
        remediateResource: validateResource,
        severity: "low",
        configSchema: { properties: {}, required: [] },
      },
      { name: "neither", description: "x", enforcementLevel: "remediate" },
      { name: "", description: "", configSchema: {} },
    ];
    for (const variant of variants) {
      const args = {
        policies: [variant],
        readme: "# r",
        provider: "aws",
        repository: "https://r",
        tags: [""],
      };
      for (const level of ["advisory", "mandatory"]) {
        const ours = encodeAnalyzerInfo("p", "1.2.3", level, args as never, kinds);
        expect(ours.toString("hex"), String(variant["name"])).toBe(
          sdkBytes(args, level, "p", "1.2.3").toString("hex"),
        );
      }
    }
    const empty = { policies: [] };
    expect(
      encodeAnalyzerInfo("", "", "advisory", empty, kinds).equals(
        Buffer.from(sdkMake("", "", "advisory", empty).serializeBinary()),
      ),
    ).toBe(true);
  });
});

describe("encodeAnalyzerInfoDirectly", () => {
  // Installed on a private copy of the SDK's modules, so other tests keep the original function.
  const resolve = createRequire(require.resolve("@pulumi/policy"));

  it("answers as the SDK would, and leaves to the SDK what it does not reproduce", () => {
    const copy = { ...(resolve("@pulumi/policy/protoutil") as object) } as { makeAnalyzerInfo: Make };
    const fake = ((id: string) =>
      id === "@pulumi/policy/protoutil" ? copy : resolve(id)) as unknown as NodeJS.Require;
    expect(encodeAnalyzerInfoDirectly(fake)).toBe(true);
    expect(copy.makeAnalyzerInfo).not.toBe(sdkMake);
    const args = { policies: [...policies].slice(0, 20), description: "d" };
    const answer = copy.makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", args);
    expect(Buffer.from(answer.serializeBinary()).equals(sdkBytes(args))).toBe(true);
    // The gRPC service checks the message class before it serialises.
    const { AnalyzerInfo } = resolve("@pulumi/pulumi/proto/analyzer_pb") as {
      AnalyzerInfo: new () => object;
    };
    expect(answer).toBeInstanceOf(AnalyzerInfo);
    // With an initial config, the SDK's own message.
    const withConfig = copy.makeAnalyzerInfo("p", "1", "advisory", args, { [policies[0]!.name]: "disabled" });
    expect(
      Buffer.from(withConfig.serializeBinary()).equals(
        Buffer.from(
          sdkMake("p", "1", "advisory", args, { [policies[0]!.name]: "disabled" }).serializeBinary(),
        ),
      ),
    ).toBe(true);
    // What the SDK rejects, it still rejects with its own error.
    const bad = {
      policies: [{ name: "x", description: "x", enforcementLevel: "sometimes", validateResource }],
    };
    expect(() => copy.makeAnalyzerInfo("p", "1", "advisory", bad)).toThrow(
      "Unknown enforcement level type 'sometimes'",
    );
    // A value Struct cannot hold: the SDK's error too.
    const undefinedValue = {
      policies: [
        { name: "x", description: "x", validateResource, configSchema: { properties: { a: undefined } } },
      ],
    };
    expect(() => copy.makeAnalyzerInfo("p", "1", "advisory", undefinedValue)).toThrow();
    expect(() => sdkMake("p", "1", "advisory", undefinedValue)).toThrow();
    // A lone surrogate goes to the SDK's writer.
    const lone = { policies: [{ name: "x\ud800", description: "x", validateResource }] };
    expect(
      Buffer.from(copy.makeAnalyzerInfo("p", "1", "advisory", lone).serializeBinary()).equals(
        Buffer.from(sdkMake("p", "1", "advisory", lone).serializeBinary()),
      ),
    ).toBe(true);
  });

  it("leaves the SDK alone when it does not have the expected shape", () => {
    const fake = ((id: string) => (id === "@pulumi/policy/protoutil" ? {} : {})) as unknown as NodeJS.Require;
    expect(encodeAnalyzerInfoDirectly(fake)).toBe(false);
  });
});
