import { describe, expect, it } from "vitest";
import {
  expiryEnd,
  matchWaiver,
  parseWaivers,
  waivedPrefix,
  waiverCovers,
  waiversToPolicyConfig,
  type Waiver,
} from "../../../policy-packs/secure-ai/policies/lib/waivers";

const POLICY = "aws-s3-require-cmk";
const BUCKET = { urn: "urn:pulumi:dev::app::aws:s3/bucketV2:BucketV2::data", name: "data" };
const REASON = "Legacy bucket, migration ticket SEC-123";

function waiver(overrides: Partial<Waiver> = {}): Waiver {
  return { resource: "data", reason: REASON, expires: "2030-06-15", ...overrides };
}

describe("expiryEnd", () => {
  it("returns the last millisecond of the expiry day in UTC", () => {
    expect(expiryEnd("2030-06-15")).toBe(Date.UTC(2030, 5, 16) - 1);
  });

  it.each(["2030-6-15", "30-06-15", "2030-06-15T00:00", " 2030-06-15", "soon"])(
    "rejects the malformed date %j",
    (expires) => {
      expect(expiryEnd(expires)).toBeUndefined();
    },
  );

  it.each([
    ["a month past December", "2030-13-01"],
    ["month zero", "2030-00-10"],
    ["a day past the month's end", "2030-04-31"],
    ["day zero", "2030-05-00"],
    ["February 29th outside a leap year", "2030-02-29"],
    ["a two-digit year the Date API would shift into the 1900s", "0050-01-01"],
  ])("rejects an impossible date: %s (%s)", (_label, expires) => {
    expect(expiryEnd(expires)).toBeUndefined();
  });

  it("accepts February 29th in a leap year", () => {
    expect(expiryEnd("2028-02-29")).toBe(Date.UTC(2028, 2, 1) - 1);
  });
});

describe("parseWaivers", () => {
  it("returns an empty list for anything but an array", () => {
    expect(parseWaivers(undefined)).toEqual([]);
    expect(parseWaivers({ resource: "data", reason: REASON, expires: "2030-06-15" })).toEqual([]);
    expect(parseWaivers("data")).toEqual([]);
  });

  it("keeps only entries of the waiver shape, in order", () => {
    const withPolicy = waiver({ policy: "aws-*" });
    const withoutPolicy = waiver({ resource: "logs" });
    const functionWithFields = Object.assign(() => undefined, {
      resource: "data",
      reason: REASON,
      expires: "2030-06-15",
    });
    const parsed = parseWaivers([
      withPolicy,
      null,
      "data",
      42,
      functionWithFields,
      { reason: REASON, expires: "2030-06-15" },
      { resource: 1, reason: REASON, expires: "2030-06-15" },
      { resource: "data", reason: 7, expires: "2030-06-15" },
      { resource: "data", reason: REASON },
      { resource: "data", reason: REASON, expires: 20300615 },
      { resource: "data", reason: REASON, expires: "2030-06-15", policy: 3 },
      { resource: "data", reason: REASON, expires: "2030-06-15", policy: null },
      withoutPolicy,
    ]);
    expect(parsed).toStrictEqual([withPolicy, withoutPolicy]);
  });

  it("keeps each field check on its own (one bad field is enough to drop an entry)", () => {
    expect(parseWaivers([{ resource: "data", reason: REASON, expires: 1 }])).toEqual([]);
    expect(parseWaivers([{ resource: "data", reason: 1, expires: "2030-06-15" }])).toEqual([]);
    expect(parseWaivers([{ resource: 1, reason: REASON, expires: "2030-06-15" }])).toEqual([]);
    expect(parseWaivers([waiver({ policy: 5 as unknown as string })])).toEqual([]);
    expect(parseWaivers([waiver({ policy: "aws-*" })])).toHaveLength(1);
  });
});

describe("waiverCovers", () => {
  it("matches the exact identity even when it is not a URN glob", () => {
    expect(waiverCovers(waiver({ resource: "stack-output" }), { urn: "stack-output", name: "other" })).toBe(
      true,
    );
  });

  it("globs over the name, or over the URN when the pattern starts with urn:", () => {
    expect(waiverCovers(waiver({ resource: "da*" }), BUCKET)).toBe(true);
    expect(waiverCovers(waiver({ resource: "urn:pulumi:dev::*::data" }), BUCKET)).toBe(true);
    expect(waiverCovers(waiver({ resource: "urn:pulumi:prod::*" }), BUCKET)).toBe(false);
    expect(waiverCovers(waiver({ resource: "logs" }), BUCKET)).toBe(false);
  });
});

describe("matchWaiver", () => {
  const end = expiryEnd("2030-06-15") as number;

  it("is active up to and including the last millisecond of the expiry day", () => {
    const active = waiver();
    expect(matchWaiver([active], POLICY, BUCKET, end)).toStrictEqual({ state: "active", waiver: active });
    expect(matchWaiver([active], POLICY, BUCKET, end + 1)).toStrictEqual({
      state: "expired",
      waiver: active,
      problem: "expired on 2030-06-15",
    });
  });

  it("accepts a reason of exactly 10 characters after trimming", () => {
    const tenCharacters = waiver({ reason: "  ticket-42!  " });
    expect(matchWaiver([tenCharacters], POLICY, BUCKET, end)).toStrictEqual({
      state: "active",
      waiver: tenCharacters,
    });
  });

  it("rejects a reason shorter than 10 characters once trimmed, even if padded", () => {
    const padded = waiver({ reason: "   legacy       " });
    expect(matchWaiver([padded], POLICY, BUCKET, end)).toStrictEqual({
      state: "expired",
      waiver: padded,
      problem: "has no meaningful reason (at least 10 characters)",
    });
  });

  it("reports an expired waiver with a 10-character reason as expired, not as unreasoned", () => {
    const old = waiver({ reason: "ticket-42!" });
    expect(matchWaiver([old], POLICY, BUCKET, end + 1)).toStrictEqual({
      state: "expired",
      waiver: old,
      problem: "expired on 2030-06-15",
    });
  });

  it("names an invalid expiry date and what is expected", () => {
    const invalid = waiver({ expires: "2030-02-30" });
    expect(matchWaiver([invalid], POLICY, BUCKET, 0)).toStrictEqual({
      state: "expired",
      waiver: invalid,
      problem: 'has an invalid expiry date "2030-02-30" (expected YYYY-MM-DD)',
    });
  });

  it("returns the first stale waiver when none is active", () => {
    const first = waiver({ expires: "2020-01-01" });
    const second = waiver({ expires: "never" });
    expect(matchWaiver([first, second], POLICY, BUCKET, end)).toStrictEqual({
      state: "expired",
      waiver: first,
      problem: "expired on 2020-01-01",
    });
  });

  it("prefers an active waiver listed after an expired one", () => {
    const old = waiver({ expires: "2020-01-01" });
    const renewed = waiver();
    expect(matchWaiver([old, renewed], POLICY, BUCKET, end)).toStrictEqual({
      state: "active",
      waiver: renewed,
    });
  });

  it("skips waivers for other policies or other resources", () => {
    const otherPolicy = waiver({ policy: "gcp-*" });
    const otherResource = waiver({ resource: "logs" });
    expect(matchWaiver([otherPolicy, otherResource], POLICY, BUCKET, end)).toStrictEqual({ state: "none" });
    const samePolicy = waiver({ policy: "aws-s3-*" });
    expect(matchWaiver([samePolicy], POLICY, BUCKET, end)).toStrictEqual({
      state: "active",
      waiver: samePolicy,
    });
  });
});

describe("waivedPrefix", () => {
  it("shows the trimmed reason and the expiry date", () => {
    expect(waivedPrefix(waiver({ reason: "  Legacy bucket SEC-123 \n" }))).toBe(
      "[waived: Legacy bucket SEC-123, until 2030-06-15]",
    );
  });
});

describe("waiversToPolicyConfig", () => {
  const forS3 = waiver({ policy: "aws-s3-*" });
  const forLogs = waiver({ policy: "aws-cloudwatch-loggroup-require-cmk", resource: "logs" });
  const withoutPolicy = waiver({ resource: "anything" });

  it("gives each policy only the waivers whose policy glob names it, never policy-less ones", () => {
    expect(
      waiversToPolicyConfig(
        [forS3, forLogs, withoutPolicy],
        ["aws-s3-require-cmk", "aws-cloudwatch-loggroup-require-cmk", "gcp-x"],
      ),
    ).toStrictEqual({
      "aws-s3-require-cmk": { waivers: [forS3] },
      "aws-cloudwatch-loggroup-require-cmk": { waivers: [forLogs] },
    });
  });

  it("turns an enforcement level string into an object that keeps it", () => {
    expect(
      waiversToPolicyConfig([forS3], ["aws-s3-require-cmk"], { "aws-s3-require-cmk": "mandatory" }),
    ).toStrictEqual({
      "aws-s3-require-cmk": { enforcementLevel: "mandatory", waivers: [forS3] },
    });
  });

  it("keeps an existing object entry's settings and extends its waivers", () => {
    const earlier = waiver({ resource: "old" });
    const config = {
      "aws-s3-require-cmk": { enforcementLevel: "advisory", waivers: [earlier, "not a waiver"] },
      untouched: "disabled",
    };
    expect(waiversToPolicyConfig([forS3], ["aws-s3-require-cmk"], config)).toStrictEqual({
      "aws-s3-require-cmk": { enforcementLevel: "advisory", waivers: [earlier, forS3] },
      untouched: "disabled",
    });
    expect(config["aws-s3-require-cmk"].waivers).toHaveLength(2);
  });

  it("replaces a null or non-object entry with a fresh one", () => {
    expect(
      waiversToPolicyConfig([forS3], ["aws-s3-require-cmk"], { "aws-s3-require-cmk": null }),
    ).toStrictEqual({ "aws-s3-require-cmk": { waivers: [forS3] } });
    expect(waiversToPolicyConfig([forS3], ["aws-s3-require-cmk"], { "aws-s3-require-cmk": 3 })).toStrictEqual(
      { "aws-s3-require-cmk": { waivers: [forS3] } },
    );
  });
});
