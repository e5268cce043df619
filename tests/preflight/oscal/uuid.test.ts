import { describe, expect, it } from "vitest";
import { SAI_OSCAL_NS, stableUuid, uuidV5 } from "../../../preflight/oscal";

/** RFC 4122 namespaces (appendix C). */
const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

describe("uuidV5", () => {
  it("matches the name-based UUIDs other implementations compute (Python's uuid.uuid5)", () => {
    expect(uuidV5(DNS_NAMESPACE, "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(uuidV5(URL_NAMESPACE, "https://example.com/é")).toBe("20ecd233-a9e7-5067-a96f-fd6600ca3fda");
    expect(uuidV5(URL_NAMESPACE, SAI_OSCAL_NS)).toBe("cb7dc350-7fa5-5e10-a258-a07a2126c796");
  });

  it("rejects a namespace that is not a UUID", () => {
    expect(() => uuidV5("not-a-uuid", "x")).toThrow(/not a UUID/);
  });
});

describe("stableUuid", () => {
  it("is stable for the same parts and differs when a part or the split between parts changes", () => {
    expect(stableUuid("finding", "urn:a", "SAI-ENC-01")).toBe(stableUuid("finding", "urn:a", "SAI-ENC-01"));
    expect(stableUuid("finding", "urn:a", "SAI-ENC-01")).not.toBe(
      stableUuid("finding", "urn:a", "SAI-ENC-02"),
    );
    expect(stableUuid("ab", "c")).not.toBe(stableUuid("a", "bc"));
  });

  it("gives version 5 UUIDs of the RFC 4122 variant, as the OSCAL UUID datatype requires", () => {
    expect(stableUuid("anything")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
