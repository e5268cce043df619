import type { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import {
  BUCKET_IDENTIFIERS,
  referenceTo,
  referrersOf,
  refersTo,
  strongestReference,
} from "../../../policy-packs/secure-ai/policies/lib/correlate";
import { UNKNOWN_STRING } from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";

function resource(
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, PolicyResource[]>,
): PolicyResource {
  return {
    urn: `urn:pulumi:dev::app::test:index:Thing::${name}`,
    name,
    type: "test:index:Thing",
    props,
    ...(propertyDependencies === undefined ? {} : { propertyDependencies }),
  } as unknown as PolicyResource;
}

const bucket = resource("data", { bucket: "data-123", id: "data-123", arn: "arn:aws:s3:::data-123" });
const otherBucket = resource("logs", { bucket: "logs-456" });

describe("refersTo", () => {
  it("links through the engine's property dependencies when one of several sources is the target", () => {
    const encryption = resource("enc", {}, { bucket: [otherBucket, bucket] });
    expect(refersTo(encryption, "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(true);
    expect(refersTo(encryption, "bucket", resource("third", {}), BUCKET_IDENTIFIERS)).toBe(false);
  });

  it("falls back to equal known values when the engine gives no property dependencies", () => {
    const byArn = resource("enc", { bucket: "arn:aws:s3:::data-123" });
    expect(refersTo(byArn, "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(true);
    expect(refersTo(byArn, "bucket", bucket, ["bucket"])).toBe(false);
    expect(refersTo(resource("enc", {}), "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(false);
  });
});

describe("referrersOf", () => {
  it("keeps the candidates that refer to the target, in order", () => {
    const first = resource("a", { bucket: "data-123" });
    const unrelated = resource("b", { bucket: "logs-456" });
    const second = resource("c", {}, { bucket: [bucket] });
    expect(referrersOf(bucket, [first, unrelated, second], "bucket", BUCKET_IDENTIFIERS)).toStrictEqual([
      first,
      second,
    ]);
  });
});

describe("referenceTo", () => {
  it("is yes through dependencies or an equal known value, no for another source or another value", () => {
    expect(referenceTo(resource("enc", {}, { bucket: [bucket] }), "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(
      "yes",
    );
    expect(referenceTo(resource("enc", { bucket: "data-123" }), "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(
      "yes",
    );
    expect(referenceTo(resource("enc", { bucket: "logs-456" }), "bucket", bucket, BUCKET_IDENTIFIERS)).toBe(
      "no",
    );
    const fromOther = resource("enc", { bucket: UNKNOWN_STRING }, { bucket: [otherBucket] });
    expect(referenceTo(fromOther, "bucket", bucket, BUCKET_IDENTIFIERS)).toBe("no");
    expect(referenceTo(resource("enc", {}), "bucket", bucket, BUCKET_IDENTIFIERS)).toBe("no");
  });

  it("is maybe for an unknown value the engine ties to no resource", () => {
    const untied = resource("enc", { bucket: UNKNOWN_STRING });
    expect(referenceTo(untied, "bucket", bucket, BUCKET_IDENTIFIERS)).toBe("maybe");
  });
});

describe("strongestReference", () => {
  it("prefers yes over maybe over no, and is no for none", () => {
    expect(strongestReference(["no", "maybe", "yes"])).toBe("yes");
    expect(strongestReference(["no", "maybe"])).toBe("maybe");
    expect(strongestReference(["no"])).toBe("no");
    expect(strongestReference([])).toBe("no");
  });
});
