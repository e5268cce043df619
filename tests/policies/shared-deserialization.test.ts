import { createRequire } from "node:module";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { shareDeserializedProperties } from "../../policy-packs/secure-ai/policies/lib/shared-deserialization";

interface DeserializeModule {
  deserializeProperties(struct: object, proxySecrets: boolean): Record<string, unknown>;
}

const deserialize = createRequire(__filename)("@pulumi/policy/deserialize") as DeserializeModule;

describe("shareDeserializedProperties", () => {
  it("hands every policy the same plain value for one wire struct, and fresh values for another", () => {
    expect(shareDeserializedProperties()).toBe(true);
    expect(shareDeserializedProperties()).toBe(true);
    const struct = structPb.Struct.fromJavaScript({ enableKeyRotation: true, tags: { team: "ai" } });
    const first = deserialize.deserializeProperties(struct, false);
    expect(first).toEqual({ enableKeyRotation: true, tags: { team: "ai" } });
    expect(deserialize.deserializeProperties(struct, false)).toBe(first);
    const other = structPb.Struct.fromJavaScript({ enableKeyRotation: true, tags: { team: "ai" } });
    expect(deserialize.deserializeProperties(other, false)).not.toBe(first);
  });

  it("leaves the secret-preserving form used by remediation unshared", () => {
    shareDeserializedProperties();
    const struct = structPb.Struct.fromJavaScript({ bucket: "logs" });
    const first = deserialize.deserializeProperties(struct, true);
    expect(deserialize.deserializeProperties(struct, true)).not.toBe(first);
    expect({ ...deserialize.deserializeProperties(struct, true) }).toEqual({ bucket: "logs" });
  });
});
