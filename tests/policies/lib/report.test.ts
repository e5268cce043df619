import type { ReportViolation } from "@pulumi/policy";
import { describe, expect, it, vi } from "vitest";
import { makeReporter, reportStaleWaiver } from "../../../policy-packs/secure-ai/policies/lib/report";
import type { Waiver } from "../../../policy-packs/secure-ai/policies/lib/waivers";

const POLICY = "aws-s3-require-cmk";
const DESCRIPTION = "S3 buckets are encrypted with a customer-managed key.";
const BUCKET = { urn: "urn:pulumi:dev::app::aws:s3/bucketV2:BucketV2::data", name: "data" };
const NOW = Date.UTC(2030, 0, 1);
const ACTIVE: Waiver = { resource: "data", reason: "  Legacy bucket SEC-123  ", expires: "2030-06-15" };
const EXPIRED: Waiver = { resource: "data", reason: "  Legacy bucket SEC-123  ", expires: "2029-12-31" };

function reporterWith(waivers: readonly Waiver[], urnInReport: boolean) {
  const reportViolation = vi.fn();
  const report = makeReporter({
    policyName: POLICY,
    description: DESCRIPTION,
    waivers,
    reportViolation: reportViolation as unknown as ReportViolation,
    urnInReport,
    now: NOW,
  });
  return { report, reportViolation };
}

describe("makeReporter", () => {
  it("reports an unwaived finding with the URN only when asked to and the URN is known", () => {
    const stack = reporterWith([], true);
    stack.report("no CMK", BUCKET);
    stack.report("no CMK", { urn: "", name: "data" });
    expect(stack.reportViolation.mock.calls).toStrictEqual([
      ["no CMK", BUCKET.urn],
      ["no CMK", undefined],
    ]);

    const resource = reporterWith([], false);
    resource.report("no CMK", BUCKET);
    expect(resource.reportViolation.mock.calls).toStrictEqual([["no CMK", undefined]]);
  });

  it("reports a waived finding as an advisory object, with a URN only for stack policies", () => {
    const message = `${DESCRIPTION}\n[waived: Legacy bucket SEC-123, until 2030-06-15] no CMK`;

    const resource = reporterWith([ACTIVE], false);
    resource.report("no CMK", BUCKET);
    expect(resource.reportViolation.mock.calls).toStrictEqual([[{ message, enforcementLevel: "advisory" }]]);

    const stack = reporterWith([ACTIVE], true);
    stack.report("no CMK", BUCKET);
    stack.report("no CMK", { urn: "", name: "data" });
    expect(stack.reportViolation.mock.calls).toStrictEqual([
      [{ message, enforcementLevel: "advisory", urn: BUCKET.urn }],
      [{ message, enforcementLevel: "advisory" }],
    ]);
  });

  it("reports a finding under an expired waiver at the policy's level and says why the waiver lapsed", () => {
    const stack = reporterWith([EXPIRED], true);
    stack.report("no CMK", BUCKET);
    expect(stack.reportViolation.mock.calls).toStrictEqual([
      ['no CMK (the waiver for "data" expired on 2029-12-31 and no longer applies)', BUCKET.urn],
    ]);
  });
});

describe("reportStaleWaiver", () => {
  function staleCalls(waivers: readonly Waiver[], urnInReport: boolean, resource = BUCKET): unknown[][] {
    const reportViolation = vi.fn();
    reportStaleWaiver({
      policyName: POLICY,
      waivers,
      resource,
      reportViolation: reportViolation as unknown as ReportViolation,
      urnInReport,
      now: NOW,
    });
    return reportViolation.mock.calls;
  }
  const staleMessage =
    'waiver for "data" (Legacy bucket SEC-123) expired on 2029-12-31: renew it with a new expiry or remove it';

  it("reports an expired waiver with its trimmed reason, with the URN only for stack policies", () => {
    expect(staleCalls([EXPIRED], true)).toStrictEqual([[staleMessage, BUCKET.urn]]);
    expect(staleCalls([EXPIRED], false)).toStrictEqual([[staleMessage, undefined]]);
    expect(staleCalls([EXPIRED], true, { urn: "", name: "data" })).toStrictEqual([[staleMessage, undefined]]);
  });

  it("reports nothing for an active waiver or none at all", () => {
    expect(staleCalls([ACTIVE], true)).toStrictEqual([]);
    expect(staleCalls([], true)).toStrictEqual([]);
  });
});
