import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import * as protoutil from "@pulumi/policy/protoutil";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeAnalyzerInfo } from "../../../preflight/analyzer/analyzer-info-decoding";
import type { PolicyConfigEntry } from "../../../preflight/analyzer/client";
import {
  configureRequestMessage,
  encodeConfigureRequest,
} from "../../../preflight/analyzer/configure-encoding";
import { parsePolicyConfig, reconcilePolicyConfig } from "../../../preflight/analyzer/policy-config";
import type { EnforcementLevel } from "../../../preflight/model";
import { policies } from "../../../policy-packs/secure-ai/policies";

/** The generated classes' bytes for the same config: the reference. */
function reference(config: Record<string, PolicyConfigEntry>): string {
  return Buffer.from(configureRequestMessage(config).serializeBinary()).toString("hex");
}

type MakeAnalyzerInfo = (
  name: string,
  version: string,
  level: string,
  args: Record<string, unknown>,
  initialConfig: Record<string, unknown>,
) => analyzerProto.AnalyzerInfo;
const makeAnalyzerInfo = (protoutil as unknown as { makeAnalyzerInfo: MakeAnalyzerInfo }).makeAnalyzerInfo;

/** The secure-ai pack's GetAnalyzerInfo answer as the policy SDK builds it, decoded as the client decodes it. */
function secureAiInfo() {
  const message = makeAnalyzerInfo("secure-ai", "0.1.0", "advisory", { policies: [...policies] }, {});
  return decodeAnalyzerInfo(Buffer.from(message.serializeBinary()));
}

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

describe("encodeConfigureRequest", () => {
  it("writes the generated classes' bytes for the secure-ai pack's reconciled config", () => {
    const info = secureAiInfo();
    expect(info.policies.length).toBeGreaterThan(200);
    const defaults = reconcilePolicyConfig(info);
    expect(Object.keys(defaults)).toHaveLength(info.policies.length);
    expect(encodeConfigureRequest(defaults).toString("hex")).toBe(reference(defaults));

    const [first, second, third] = info.policies;
    const file = parsePolicyConfig({
      all: "mandatory",
      [first!.name]: {
        waivers: [
          { resource: "legacy-*", reason: "vendor key ✓ until migration — 🚀", expires: "2999-12-31" },
        ],
      },
      [second!.name]: "advisory",
      [third!.name]: "remediate",
    });
    const configured = reconcilePolicyConfig(info, file);
    const bytes = encodeConfigureRequest(configured);
    expect(bytes.toString("hex")).toBe(reference(configured));
    // The generated classes read back what was configured.
    const read = analyzerProto.ConfigureAnalyzerRequest.deserializeBinary(bytes).getPolicyconfigMap();
    expect(read.getLength()).toBe(info.policies.length);
    const firstProperties = read.get(first!.name)?.getProperties()?.toJavaScript();
    expect(firstProperties).toEqual(configured[first!.name]!.properties);
    expect(firstProperties?.waivers).toEqual([
      { resource: "legacy-*", reason: "vendor key ✓ until migration — 🚀", expires: "2999-12-31" },
    ]);
    expect(read.get(second!.name)?.getEnforcementlevel()).toBe(analyzerProto.EnforcementLevel.ADVISORY);
    expect(read.get(third!.name)?.getEnforcementlevel()).toBe(analyzerProto.EnforcementLevel.REMEDIATE);
  });

  it("writes an empty config, empty properties and an empty policy name as the generated classes do", () => {
    expect(encodeConfigureRequest({})).toEqual(Buffer.alloc(0));
    const config: Record<string, PolicyConfigEntry> = {
      b: { enforcementLevel: "advisory" },
      a: { enforcementLevel: "mandatory", properties: {} },
      "": { enforcementLevel: "disabled", properties: { x: [] } },
    };
    // Entries sorted by name; ADVISORY (0) left out of its PolicyConfig, the empty Struct still written.
    const expected = [
      ["0a11", "0a00", "120d", "0802", "1209", "0a07", "0a0178", "1202", "3200"],
      ["0a09", "0a0161", "1204", "0801", "1200"],
      ["0a07", "0a0162", "1202", "1200"],
    ]
      .flat()
      .join("");
    expect(reference(config)).toBe(expected);
    expect(encodeConfigureRequest(config).toString("hex")).toBe(expected);
  });

  it("falls back to the generated classes for what the writer does not reproduce, with the same bytes", () => {
    const fallbacks: Record<string, PolicyConfigEntry>[] = [
      { "lone-\ud800": { enforcementLevel: "mandatory" } },
      { p: { enforcementLevel: "advisory", properties: { text: "x\udfff" } } },
      {
        p: {
          enforcementLevel: "advisory",
          properties: JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, unknown>,
        },
      },
      { p: { enforcementLevel: "advisory", properties: { when: new Date(0) } } },
      { p: { enforcementLevel: "advisory", properties: { inner: Object.create(null) as object } } },
    ];
    for (const config of fallbacks) {
      expect(encodeConfigureRequest(config).toString("hex")).toBe(reference(config));
    }
    // What a Struct cannot hold fails as google-protobuf fails.
    expect(() =>
      encodeConfigureRequest({ p: { enforcementLevel: "advisory", properties: { x: undefined } } }),
    ).toThrow("Unexpected struct type.");
  });

  it("writes the generated classes' bytes for any config (property-based)", () => {
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.array(tie("value"), { maxLength: 5 }),
        fc.dictionary(fc.string({ maxLength: 12 }), tie("value"), { maxKeys: 5, noNullPrototype: true }),
      ),
    }));
    const entry = fc.record(
      {
        enforcementLevel: fc.constantFrom(...LEVELS),
        properties: fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 5, noNullPrototype: true }),
      },
      { requiredKeys: ["enforcementLevel"] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: "grapheme", maxLength: 30 }), entry, {
          maxKeys: 12,
          noNullPrototype: true,
        }),
        (config) => {
          const typed = config as Record<string, PolicyConfigEntry>;
          expect(encodeConfigureRequest(typed).toString("hex")).toBe(reference(typed));
        },
      ),
      { numRuns: 500 },
    );
  });
});
