import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import * as protoutil from "@pulumi/policy/protoutil";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { decodeAnalyzerInfo } from "../../../preflight/analyzer/analyzer-info-decoding";
import { controlIdsFromTags, examinedTypesFromTags } from "../../../preflight/analyzer/controls-from-tags";
import type { PolicyInfo } from "../../../preflight/model";
import { policies } from "../../../policy-packs/secure-ai/policies";

/** The conversion the client did before, through the generated classes: the reference. */
function referenceDecode(bytes: Uint8Array) {
  const info = analyzerProto.AnalyzerInfo.deserializeBinary(bytes);
  const levels = ["advisory", "mandatory", "disabled", "remediate"] as const;
  const severities = ["unspecified", "low", "medium", "high", "critical"] as const;
  const types = ["unknown", "resource", "stack"] as const;
  const initialConfig: Record<string, unknown> = {};
  info.getInitialconfigMap().forEach((entry, policy) => {
    initialConfig[policy] = {
      enforcementLevel: levels[entry.getEnforcementlevel()],
      properties: entry.getProperties()?.toJavaScript() ?? {},
    };
  });
  return {
    name: info.getName(),
    displayName: info.getDisplayname(),
    version: info.getVersion(),
    supportsConfig: info.getSupportsconfig(),
    description: info.getDescription(),
    readme: info.getReadme(),
    provider: info.getProvider(),
    tags: info.getTagsList(),
    repository: info.getRepository(),
    policies: info.getPoliciesList().map((policy) => {
      const tags = policy.getTagsList();
      const result: PolicyInfo = {
        name: policy.getName(),
        description: policy.getDescription(),
        enforcementLevel: levels[policy.getEnforcementlevel()]!,
        type: types[policy.getPolicyType()] ?? "unknown",
        severity: severities[policy.getSeverity()] ?? "unspecified",
        tags,
        controls: controlIdsFromTags(tags),
        examines: examinedTypesFromTags(tags),
      };
      if (policy.getDisplayname()) result.displayName = policy.getDisplayname();
      const framework = policy.getFramework();
      if (framework) {
        result.framework = {
          name: framework.getName(),
          version: framework.getVersion(),
          reference: framework.getReference(),
          specification: framework.getSpecification(),
        };
      }
      if (policy.getRemediationSteps()) result.remediationSteps = policy.getRemediationSteps();
      if (policy.getUrl()) result.url = policy.getUrl();
      const schema = policy.getConfigschema();
      if (schema) {
        result.configSchema = {
          properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
          required: schema.getRequiredList(),
        };
      }
      return result;
    }),
    initialConfig,
  };
}

type MakeAnalyzerInfo = (
  name: string,
  version: string,
  level: string,
  args: Record<string, unknown>,
  initialConfig: Record<string, unknown>,
) => analyzerProto.AnalyzerInfo;
const makeAnalyzerInfo = (protoutil as unknown as { makeAnalyzerInfo: MakeAnalyzerInfo }).makeAnalyzerInfo;

describe("decodeAnalyzerInfo", () => {
  it("decodes the secure-ai pack's AnalyzerInfo, as the policy SDK builds it, exactly as the generated code does", () => {
    const message = makeAnalyzerInfo(
      "secure-ai",
      "0.1.0",
      "advisory",
      {
        policies: [...policies],
        description: "d",
        displayName: "Secure AI",
        readme: "# readme ✓",
        provider: "aws",
        tags: ["a", "b"],
        repository: "https://example.test/r",
      },
      {
        [policies[0]!.name]: { enforcementLevel: "mandatory", waivers: [] },
        [policies[1]!.name]: "disabled",
        all: "remediate",
      },
    );
    const bytes = message.serializeBinary();
    expect(policies.length).toBeGreaterThan(200);
    const decoded = decodeAnalyzerInfo(Buffer.from(bytes));
    expect(decoded).toEqual(referenceDecode(bytes));
    expect(decoded.policies.filter((policy) => policy.configSchema !== undefined).length).toBeGreaterThan(
      200,
    );
    expect(Object.keys(decoded.initialConfig)).toHaveLength(3);
  });

  it("decodes every kind of Struct value, unicode and empty fields, and skips fields it does not know", () => {
    const info = new analyzerProto.AnalyzerInfo();
    info.setName("p");
    const policy = new analyzerProto.PolicyInfo();
    policy.setName("x");
    policy.setMessage("ignored");
    policy.setEnforcementlevel(analyzerProto.EnforcementLevel.REMEDIATE);
    policy.setPolicyType(analyzerProto.PolicyType.POLICY_TYPE_STACK);
    policy.setSeverity(analyzerProto.PolicySeverity.POLICY_SEVERITY_CRITICAL);
    const schema = new analyzerProto.PolicyConfigSchema();
    schema.setProperties(
      Struct.fromJavaScript({
        n: null,
        numbers: [0, -1.5, 1e300, 2 ** 53, -0],
        text: "grüße ✓ 🚀",
        empty: "",
        flags: [true, false],
        nested: { deeper: { list: [[], {}, [{ a: 1 }]] } },
      }),
    );
    schema.setRequiredList(["n", "text"]);
    policy.setConfigschema(schema);
    policy.setFramework(new analyzerProto.PolicyComplianceFramework());
    info.setPoliciesList([policy, new analyzerProto.PolicyInfo()]);
    info.setSupportsconfig(true);
    const bytes = info.serializeBinary();
    // An unknown field (number 99, length-delimited) appended: skipped by both readers.
    const withUnknown = Buffer.concat([Buffer.from(bytes), Buffer.from([0x9a, 0x06, 0x02, 0x68, 0x69])]);
    expect(decodeAnalyzerInfo(withUnknown)).toEqual(referenceDecode(withUnknown));
    expect(decodeAnalyzerInfo(Buffer.from(bytes)).policies[0]!.configSchema!.properties).toEqual({
      n: null,
      numbers: [0, -1.5, 1e300, 2 ** 53, -0],
      text: "grüße ✓ 🚀",
      empty: "",
      flags: [true, false],
      nested: { deeper: { list: [[], {}, [{ a: 1 }]] } },
    });
  });

  it("decodes identical config schemas once: same bytes share one frozen schema, other bytes get their own", () => {
    const waivers = {
      type: "array",
      default: [],
      items: { type: "object", properties: { resource: { type: "string" }, reason: { type: "string" } } },
    };
    const schemaOf = (properties: Record<string, unknown>, required: string[] = []) => {
      const schema = new analyzerProto.PolicyConfigSchema();
      schema.setProperties(Struct.fromJavaScript(properties as never));
      schema.setRequiredList(required);
      return schema;
    };
    const policyWith = (name: string, schema: analyzerProto.PolicyConfigSchema) => {
      const policy = new analyzerProto.PolicyInfo();
      policy.setName(name);
      policy.setConfigschema(schema);
      return policy;
    };
    const info = new analyzerProto.AnalyzerInfo();
    info.setPoliciesList([
      policyWith("a", schemaOf({ waivers })),
      policyWith("b", schemaOf({ waivers })),
      // Differs from a's only deep inside the large, shared-looking value.
      policyWith("c", schemaOf({ waivers: { ...waivers, default: [{ resource: "x", reason: "y" }] } })),
      policyWith("d", schemaOf({ waivers, limit: { type: "number", default: 3 } }, ["limit"])),
      policyWith("e", schemaOf({ waivers }, ["waivers"])),
    ]);
    const config = new analyzerProto.PolicyConfig();
    config.setProperties(Struct.fromJavaScript({ waivers: [{ resource: "r", reason: "because" }] }));
    info.getInitialconfigMap().set("a", config);
    const bytes = info.serializeBinary();
    const decoded = decodeAnalyzerInfo(Buffer.from(bytes));
    expect(decoded).toEqual(referenceDecode(bytes));

    const [a, b, c, d, e] = decoded.policies.map((policy) => policy.configSchema!);
    expect(b).toBe(a);
    for (const other of [c, d, e]) {
      expect(other).not.toBe(a);
    }
    expect(c!.properties.waivers).toEqual({ ...waivers, default: [{ resource: "x", reason: "y" }] });
    expect(d!.properties).toEqual({ waivers, limit: { type: "number", default: 3 } });
    expect(d!.required).toEqual(["limit"]);
    expect(e!.properties).toEqual({ waivers });
    expect(e!.required).toEqual(["waivers"]);
    // Shared, so frozen: a change through one policy fails instead of reaching the others.
    const shared = a!.properties.waivers as { default: unknown[] };
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => shared.default.push({})).toThrow(TypeError);
    expect(() => a!.required.push("x")).toThrow(TypeError);
    expect(b!.properties.waivers).toEqual(waivers);
    // The pack's initial config is not a schema: decoded afresh, not frozen.
    expect(Object.isFrozen(decoded.initialConfig.a!.properties)).toBe(false);
  });

  it("keeps the last of a singular field given twice, as the generated readers do", () => {
    const first = new analyzerProto.AnalyzerInfo();
    first.setName("first");
    const second = new analyzerProto.AnalyzerInfo();
    second.setName("second");
    const bytes = Buffer.concat([
      Buffer.from(first.serializeBinary()),
      Buffer.from(second.serializeBinary()),
    ]);
    expect(decodeAnalyzerInfo(bytes).name).toBe("second");
    expect(decodeAnalyzerInfo(bytes)).toEqual(referenceDecode(bytes));
  });

  it("refuses truncated bytes and an enforcement level the protocol does not define", () => {
    const info = new analyzerProto.AnalyzerInfo();
    info.setName("a name long enough");
    const bytes = Buffer.from(info.serializeBinary());
    expect(() => decodeAnalyzerInfo(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    const policy = new analyzerProto.PolicyInfo();
    policy.setEnforcementlevel(7 as analyzerProto.EnforcementLevel);
    info.setPoliciesList([policy]);
    expect(() => decodeAnalyzerInfo(Buffer.from(info.serializeBinary()))).toThrow(
      "invalid enforcement level 7",
    );
  });
});
