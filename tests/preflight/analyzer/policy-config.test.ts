import { describe, expect, it } from "vitest";
import { type AnalyzerInfo } from "../../../preflight/analyzer/client";
import {
  parsePolicyConfig,
  PolicyConfigError,
  readPolicyConfigFile,
  reconcilePolicyConfig,
} from "../../../preflight/analyzer/policy-config";
import { type PolicyInfo } from "../../../preflight/model";
import { tempFile } from "./helpers";

function policy(name: string, overrides: Partial<PolicyInfo> = {}): PolicyInfo {
  return {
    name,
    description: `${name} description`,
    enforcementLevel: "advisory",
    type: "resource",
    severity: "unspecified",
    tags: [],
    controls: [],
    ...overrides,
  };
}

const info: AnalyzerInfo = {
  name: "pack",
  displayName: "",
  version: "1.0.0",
  supportsConfig: true,
  description: "",
  readme: "",
  provider: "",
  tags: [],
  repository: "",
  policies: [
    policy("strict", { enforcementLevel: "mandatory" }),
    policy("limited", {
      configSchema: {
        properties: { limit: { type: "integer", default: 3 }, mode: { type: "string", enum: ["a", "b"] } },
        required: [],
      },
    }),
    policy("needs-owner", {
      configSchema: { properties: { owner: { type: "string" } }, required: ["owner"] },
    }),
  ],
  initialConfig: { "needs-owner": { properties: { owner: "platform" } } },
};

describe("policy config files", () => {
  it("parses the CLI format: levels as strings or objects, properties beside enforcementLevel", () => {
    expect(
      parsePolicyConfig({
        all: "advisory",
        strict: "disabled",
        limited: { enforcementLevel: "mandatory", limit: 5 },
      }),
    ).toEqual({
      all: { enforcementLevel: "advisory" },
      strict: { enforcementLevel: "disabled" },
      limited: { enforcementLevel: "mandatory", properties: { limit: 5 } },
    });
  });

  it("rejects files that are not JSON, not an object, or use unknown levels", () => {
    expect(() => readPolicyConfigFile(tempFile("bad.json", "{ strict: advisory"))).toThrow(
      /is not valid JSON/,
    );
    expect(() => parsePolicyConfig(["strict"])).toThrow(
      /expected a JSON object of policy names, got an array/,
    );
    expect(() => parsePolicyConfig({ strict: "warn" })).toThrow(
      /"strict" is "warn", which is not an enforcement level/,
    );
    expect(() => parsePolicyConfig({ strict: 3 })).toThrow(
      /must be an enforcement level string or an object/,
    );
    expect(() => parsePolicyConfig({ strict: { enforcementLevel: true } })).toThrow(
      /enforcementLevel is boolean true/,
    );
    expect(() => parsePolicyConfig({ all: { limit: 1 } })).toThrow(/"all" takes only an enforcement level/);
    expect(() => readPolicyConfigFile("/nonexistent/config.json")).toThrow(PolicyConfigError);
  });

  it("treats an empty file as no config", () => {
    expect(readPolicyConfigFile(tempFile("empty.json", "  \n"))).toEqual({});
  });

  it("starts from each policy's level and schema defaults, then initial config", () => {
    expect(reconcilePolicyConfig(info)).toEqual({
      strict: { enforcementLevel: "mandatory", properties: {} },
      limited: { enforcementLevel: "advisory", properties: { limit: 3 } },
      "needs-owner": { enforcementLevel: "advisory", properties: { owner: "platform" } },
    });
  });

  it("applies 'all' first and lets a policy's own entry win", () => {
    const config = reconcilePolicyConfig(
      info,
      parsePolicyConfig({ all: "disabled", limited: { enforcementLevel: "remediate", mode: "b" } }),
    );
    expect(config.strict).toEqual({ enforcementLevel: "disabled", properties: {} });
    expect(config.limited).toEqual({ enforcementLevel: "remediate", properties: { limit: 3, mode: "b" } });
    expect(config["needs-owner"]?.enforcementLevel).toBe("disabled");
  });

  it("rejects names that are not policies of the pack, listing the pack's policies", () => {
    expect(() => reconcilePolicyConfig(info, parsePolicyConfig({ strcit: "advisory" }), "cfg.json")).toThrow(
      'cfg.json: "strcit" is not a policy of pack pack (policies: strict, limited, needs-owner)',
    );
  });

  it("validates properties against the policy's schema", () => {
    expect(() =>
      reconcilePolicyConfig(info, parsePolicyConfig({ limited: { limit: 2.5, mode: "c" } })),
    ).toThrow(/limited: limit: expected integer, got number 2.5\n {2}limited: mode: must be one of "a", "b"/);
    const withoutOwner: AnalyzerInfo = { ...info, initialConfig: {} };
    expect(() => reconcilePolicyConfig(withoutOwner)).toThrow(/needs-owner: owner is required/);
  });

  it("checks every policy that shares a schema: a shared default, an override and a duplicate name are not hidden", () => {
    const shared = {
      properties: { limit: { type: "integer", default: "three" }, mode: { type: "string" } },
      required: ["mode"],
    };
    const sharing: AnalyzerInfo = {
      ...info,
      policies: [
        policy("one", { configSchema: shared }),
        policy("two", { configSchema: shared }),
        policy("three", { configSchema: shared }),
      ],
      initialConfig: { two: { properties: { limit: 2, mode: "m" } } },
    };
    // "one" keeps the bad default (checked once for the schema, reported for it); "two" is fixed by the
    // pack's initial config; "three" is overridden by the file with a wrong type of its own.
    expect(() =>
      reconcilePolicyConfig(sharing, parsePolicyConfig({ three: { mode: 7 } }), "cfg.json"),
    ).toThrow(
      "cfg.json does not match pack pack's config schema:\n" +
        "  one: mode is required\n" +
        '  one: limit: expected integer, got string "three"\n' +
        '  three: limit: expected integer, got string "three"\n' +
        "  three: mode: expected string, got number 7",
    );
    const fixed = parsePolicyConfig({ one: { limit: 1, mode: "a" }, three: { limit: 3, mode: "c" } });
    expect(reconcilePolicyConfig(sharing, fixed)).toEqual({
      one: { enforcementLevel: "advisory", properties: { limit: 1, mode: "a" } },
      two: { enforcementLevel: "advisory", properties: { limit: 2, mode: "m" } },
      three: { enforcementLevel: "advisory", properties: { limit: 3, mode: "c" } },
    });
    // Each policy gets its own properties object, even when all share one schema and its defaults.
    const valid = { properties: { limit: { type: "integer", default: 1 } }, required: [] };
    const config = reconcilePolicyConfig({
      ...info,
      policies: [policy("a", { configSchema: valid }), policy("b", { configSchema: valid })],
      initialConfig: {},
    });
    expect(config.a!.properties).toEqual({ limit: 1 });
    expect(config.a!.properties).not.toBe(config.b!.properties);
    // Two policies of one name: the second's defaults are the entry, checked against the first's schema too.
    const strictSchema = { properties: { limit: { type: "string" } }, required: [] };
    expect(() =>
      reconcilePolicyConfig({
        ...info,
        policies: [policy("dup", { configSchema: strictSchema }), policy("dup", { configSchema: valid })],
        initialConfig: {},
      }),
    ).toThrow("dup: limit: expected string, got number 1");
  });
});
