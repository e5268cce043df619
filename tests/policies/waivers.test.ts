import { describe, expect, it } from "vitest";
import { waiversToPolicyConfig } from "../../policy-packs/secure-ai/policies";
import { expiryEnd, matchWaiver } from "../../policy-packs/secure-ai/policies/lib/waivers";
import { checkResource, checkStack, UNKNOWN, urnOf } from "./harness";
import { resourcePolicy, stackPolicy } from "./pack";

const policy = resourcePolicy("aws-cloudwatch-loggroup-require-cmk");
const logGroup = {
  type: "aws:cloudwatch/logGroup:LogGroup",
  name: "legacy-logs",
  props: { retentionInDays: 30 },
};
const reason = "Legacy log group, migration ticket SEC-123";

describe("waivers", () => {
  it("reports a waived finding as advisory with the reason and expiry, never drops it", async () => {
    const findings = await checkResource(policy, logGroup, {
      waivers: [{ resource: "legacy-*", reason, expires: "2999-12-31" }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcementLevel).toBe("advisory");
    expect(findings[0].message).toContain(`[waived: ${reason}, until 2999-12-31] kmsKeyId is not set`);
  });

  it("matches by full URN, by URN glob and not by another name", async () => {
    const urn = urnOf(logGroup.type, logGroup.name);
    for (const resource of [urn, "urn:pulumi:test::*::legacy-logs"]) {
      const findings = await checkResource(policy, logGroup, {
        waivers: [{ resource, reason, expires: "2999-12-31" }],
      });
      expect(findings[0].enforcementLevel).toBe("advisory");
    }
    const other = await checkResource(policy, logGroup, {
      waivers: [{ resource: "other-*", reason, expires: "2999-12-31" }],
    });
    expect(other[0].enforcementLevel).toBe("policy");
  });

  it("ignores a waiver written for another policy", async () => {
    const findings = await checkResource(policy, logGroup, {
      waivers: [{ policy: "aws-sns-*", resource: "legacy-logs", reason, expires: "2999-12-31" }],
    });
    expect(findings[0].enforcementLevel).toBe("policy");
  });

  it("an expired waiver no longer waives and says so", async () => {
    const findings = await checkResource(policy, logGroup, {
      waivers: [{ resource: "legacy-logs", reason, expires: "2000-01-31" }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcementLevel).toBe("policy");
    expect(findings[0].message).toContain("expired on 2000-01-31");
  });

  it("an expired waiver on a compliant resource is itself a violation", async () => {
    const compliant = { ...logGroup, props: { kmsKeyId: UNKNOWN } };
    const findings = await checkResource(policy, compliant, {
      waivers: [{ resource: "legacy-logs", reason, expires: "2000-01-31" }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcementLevel).toBe("policy");
    expect(findings[0].message).toContain("renew it with a new expiry or remove it");
  });

  it("an invalid date or a missing reason does not waive", async () => {
    for (const waiver of [
      { resource: "legacy-logs", reason, expires: "2999-02-30" },
      { resource: "legacy-logs", reason: "because", expires: "2999-12-31" },
    ]) {
      const findings = await checkResource(policy, logGroup, { waivers: [waiver] });
      expect(findings[0].enforcementLevel).toBe("policy");
    }
  });

  it("a waiver is valid through the end of its expiry day (UTC)", () => {
    const end = expiryEnd("2030-06-15");
    expect(end).toBe(Date.UTC(2030, 5, 16) - 1);
    const waiver = { resource: "x", reason, expires: "2030-06-15" };
    expect(matchWaiver([waiver], "p", { urn: "u", name: "x" }, Date.UTC(2030, 5, 15, 23)).state).toBe(
      "active",
    );
    expect(matchWaiver([waiver], "p", { urn: "u", name: "x" }, Date.UTC(2030, 5, 16)).state).toBe("expired");
  });

  it("applies to stack policies by the resource the finding is about", async () => {
    const resources = [{ type: "aws:s3/bucket:Bucket", name: "scratch", props: { bucket: "scratch" } }];
    const findings = await checkStack(stackPolicy("aws-s3-bucket-require-versioning"), resources, {
      waivers: [{ resource: "scratch", reason: "Scratch space, recreated daily", expires: "2999-01-01" }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcementLevel).toBe("advisory");
    expect(findings[0].urn).toBe("urn:pulumi:test::secure-ai::aws:s3/bucket:Bucket::scratch");
  });

  it("spreads a pack-wide list into per-policy --policy-pack-config entries", () => {
    const config = waiversToPolicyConfig(
      [
        {
          policy: "aws-cloudwatch-loggroup-require-cmk",
          resource: "legacy-*",
          reason,
          expires: "2999-12-31",
        },
        { policy: "aws-s3-*", resource: "scratch", reason, expires: "2999-12-31" },
      ],
      [
        "aws-cloudwatch-loggroup-require-cmk",
        "aws-s3-bucket-require-versioning",
        "aws-ebs-volume-require-cmk",
      ],
      { "aws-s3-bucket-require-versioning": "mandatory" },
    );
    expect(config).toEqual({
      "aws-cloudwatch-loggroup-require-cmk": {
        waivers: [
          {
            policy: "aws-cloudwatch-loggroup-require-cmk",
            resource: "legacy-*",
            reason,
            expires: "2999-12-31",
          },
        ],
      },
      "aws-s3-bucket-require-versioning": {
        enforcementLevel: "mandatory",
        waivers: [{ policy: "aws-s3-*", resource: "scratch", reason, expires: "2999-12-31" }],
      },
    });
  });
});
