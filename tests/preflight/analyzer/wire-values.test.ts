import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { describe, expect, it } from "vitest";
import {
  decodeProperties,
  encodeProperties,
  OTHER_UNKNOWN_SENTINELS,
  SECRET_SIG,
  SIG_KEY,
  UNKNOWN_SENTINEL,
} from "../../../preflight/analyzer/wire-values";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyProxy = require("@pulumi/policy/proxy") as Record<string, string>;

describe("wire values", () => {
  it("uses the sentinel and signature constants of the installed SDKs", () => {
    expect(UNKNOWN_SENTINEL).toBe(rpc.unknownValue);
    expect(SIG_KEY).toBe(rpc.specialSigKey);
    expect(SECRET_SIG).toBe(rpc.specialSecretSig);
    expect(UNKNOWN_SENTINEL).toBe(policyProxy.unknownStringValue);
    expect([...OTHER_UNKNOWN_SENTINELS].sort()).toEqual(
      [
        policyProxy.unknownBooleanValue,
        policyProxy.unknownNumberValue,
        policyProxy.unknownArrayValue,
        policyProxy.unknownAssetValue,
        policyProxy.unknownArchiveValue,
        policyProxy.unknownObjectValue,
      ].sort(),
    );
  });

  it("encodes unknowns as the string sentinel and secrets as signed objects, at any depth", () => {
    const encoded = encodeProperties({
      name: "bucket",
      kmsKeyId: { $unknown: true },
      nested: { list: [1, { $unknown: true }, { $secret: "s3cr3t" }], flag: false, none: null },
      password: { $secret: { inner: { $unknown: true } } },
    });
    expect(encoded).toEqual({
      kmsKeyId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      name: "bucket",
      nested: {
        flag: false,
        list: [1, "04da6b54-80e4-46f7-96ec-b56ff0331ba9", { [SIG_KEY]: SECRET_SIG, value: "s3cr3t" }],
        none: null,
      },
      password: { [SIG_KEY]: SECRET_SIG, value: { inner: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } },
    });
  });

  it("drops the engine's internal __ keys unless told to keep them", () => {
    const inputs = { __defaults: ["name"], name: "a", nested: { __meta: 1, kept: 2 } };
    expect(encodeProperties(inputs)).toEqual({ name: "a", nested: { kept: 2 } });
    expect(encodeProperties(inputs, { skipInternalKeys: false })).toEqual(inputs);
  });

  it("decodes what it encodes, including every unknown sentinel", () => {
    const recorded = {
      a: { $unknown: true as const },
      b: { $secret: ["x", { $unknown: true as const }] },
      c: { d: [true, 2.5, null] },
    };
    expect(decodeProperties(encodeProperties(recorded))).toEqual(recorded);
    for (const sentinel of OTHER_UNKNOWN_SENTINELS) {
      expect(decodeProperties({ v: sentinel })).toEqual({ v: { $unknown: true } });
    }
  });

  it("refuses special values it cannot represent", () => {
    expect(() =>
      decodeProperties({ asset: { [SIG_KEY]: "c44067f5952c0a294b673a41bacd8c17", path: "x" } }),
    ).toThrow(/Unsupported special value/);
  });
});
