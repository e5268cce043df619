import { describe, expect, it } from "vitest";
import { toRecordedValue } from "../../../preflight/engine/recorded-value";
import { SECRET_PLACEHOLDER_PREFIX } from "../../../preflight/engine/stack-config";

const SIG = "4dabf18193072939515e22adb298388d";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("toRecordedValue", () => {
  it("turns the unknown marker into $unknown at any depth", () => {
    expect(toRecordedValue({ a: UNKNOWN, b: [1, UNKNOWN], c: { d: UNKNOWN } })).toEqual({
      a: { $unknown: true },
      b: [1, { $unknown: true }],
      c: { d: { $unknown: true } },
    });
  });

  it("turns a wire secret into $secret, without nesting secrets inside secrets", () => {
    const inner = { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "pw" };
    expect(
      toRecordedValue({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: { password: inner } }),
    ).toEqual({
      $secret: { password: "pw" },
    });
  });

  it("wraps any string carrying a secret config placeholder", () => {
    expect(toRecordedValue({ note: `token=${SECRET_PLACEHOLDER_PREFIX}app:token` })).toEqual({
      note: { $secret: `token=${SECRET_PLACEHOLDER_PREFIX}app:token` },
    });
  });

  it("records a custom resource reference as its ID (unknown when empty) and a component as its URN", () => {
    const resourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
    expect(toRecordedValue({ [SIG]: resourceSig, urn: "urn:a", id: "i-123" })).toBe("i-123");
    expect(toRecordedValue({ [SIG]: resourceSig, urn: "urn:a", id: "" })).toEqual({ $unknown: true });
    expect(toRecordedValue({ [SIG]: resourceSig, urn: "urn:component" })).toBe("urn:component");
  });

  it("records assets and archives by their fields", () => {
    expect(toRecordedValue({ [SIG]: "c44067f5952c0a294b673a41bacd8c17", path: "./lambda.zip" })).toEqual({
      $asset: { path: "./lambda.zip" },
    });
    expect(toRecordedValue({ [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", uri: "s3://b/k" })).toEqual({
      $archive: { uri: "s3://b/k" },
    });
  });

  it("records output values by their value and secrecy", () => {
    const outputSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    expect(toRecordedValue({ [SIG]: outputSig, value: "x", secret: true })).toEqual({ $secret: "x" });
    expect(toRecordedValue({ [SIG]: outputSig, dependencies: ["urn:a"] })).toEqual({ $unknown: true });
  });
});
