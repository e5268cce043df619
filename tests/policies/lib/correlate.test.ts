import type { PolicyResource } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import {
  BUCKET_IDENTIFIERS,
  referrersOf,
  refersTo,
} from "../../../policy-packs/secure-ai/policies/lib/correlate";

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
