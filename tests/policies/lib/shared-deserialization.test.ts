/**
 * The shared deserialisation against a stand-in `@pulumi/policy/deserialize` module: what is shared, what is
 * not, and when the wrapper installs. The real SDK module is exercised in tests/policies/shared-deserialization.test.ts.
 */
import { describe, expect, it } from "vitest";
import { shareDeserializedProperties } from "../../../policy-packs/secure-ai/policies/lib/shared-deserialization";

interface StandIn {
  deserializeProperties?: (struct: unknown, proxySecrets: boolean) => unknown;
  __secureAiShared?: boolean;
}

function standIn(): { module: StandIn; calls: unknown[][]; requireFrom: NodeJS.Require } {
  const calls: unknown[][] = [];
  const module: StandIn = {
    deserializeProperties: (struct, proxySecrets) => {
      calls.push([struct, proxySecrets]);
      return { from: struct, proxySecrets, call: calls.length };
    },
  };
  const requireFrom = ((request: string) => {
    if (request !== "@pulumi/policy/deserialize") throw new Error(`unexpected ${request}`);
    return module;
  }) as unknown as NodeJS.Require;
  return { module, calls, requireFrom };
}

describe("shareDeserializedProperties (stand-in module)", () => {
  it("deserialises one struct once for plain reads, and every time for the secret-preserving form", () => {
    const { module, calls, requireFrom } = standIn();
    expect(shareDeserializedProperties(requireFrom)).toBe(true);
    const struct = { fields: 1 };
    const first = module.deserializeProperties!(struct, false);
    expect(module.deserializeProperties!(struct, false)).toBe(first);
    expect(calls).toEqual([[struct, false]]);
    const secretForm = module.deserializeProperties!(struct, true);
    expect(module.deserializeProperties!(struct, true)).not.toBe(secretForm);
    expect(calls).toHaveLength(3);
    expect(module.deserializeProperties!({ fields: 1 }, false)).not.toBe(first);
  });

  it("passes values that are not objects straight through", () => {
    const { module, calls, requireFrom } = standIn();
    shareDeserializedProperties(requireFrom);
    module.deserializeProperties!(null, false);
    module.deserializeProperties!(null, false);
    module.deserializeProperties!("text", false);
    module.deserializeProperties!("text", false);
    expect(calls).toEqual([
      [null, false],
      [null, false],
      ["text", false],
      ["text", false],
    ]);
  });

  it("wraps once: a second call keeps the first wrapper", () => {
    const { module, requireFrom } = standIn();
    const original = module.deserializeProperties;
    shareDeserializedProperties(requireFrom);
    const wrapped = module.deserializeProperties;
    expect(wrapped).not.toBe(original);
    expect(module.__secureAiShared).toBe(true);
    expect(shareDeserializedProperties(requireFrom)).toBe(true);
    expect(module.deserializeProperties).toBe(wrapped);
  });

  it("changes nothing when the module cannot be loaded or has no deserializeProperties", () => {
    const missing = (() => {
      throw new Error("Cannot find module");
    }) as unknown as NodeJS.Require;
    expect(shareDeserializedProperties(missing)).toBe(false);
    const empty: StandIn = {};
    expect(shareDeserializedProperties((() => empty) as unknown as NodeJS.Require)).toBe(false);
    expect(empty).toEqual({});
  });
});
