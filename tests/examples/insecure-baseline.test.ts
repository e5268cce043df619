/**
 * The insecure example fails the preflight with exactly the findings its README promises: each mandatory
 * policy on each resource, with the SAI control IDs from the policy's tags.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CHECK_TIMEOUT_MS, type CheckRun, checkExample, nameOf, type ReportFinding } from "./run-check";

/** `policy on resource: controls`, one per expected mandatory finding (duplicates collapsed). */
const EXPECTED_MANDATORY = [
  "aws-ec2-securitygroup-disallow-public-ingress on training-ssh: SAI-NET-03",
  "aws-kms-key-require-rotation on model-artifacts: SAI-ENC-03",
  "aws-s3-bucket-require-cmk-encryption on training-data: SAI-ENC-01,SAI-MOD-01",
  "aws-s3-bucket-require-public-access-block on training-data: SAI-MOD-01,SAI-NET-02",
  "aws-s3-bucket-require-tls-only-policy on training-data: SAI-TLS-02",
  "azure-cognitiveservices-account-disallow-local-auth on assistant-openai: SAI-IAM-03,SAI-MOD-02",
  "azure-cognitiveservices-account-disallow-public-network-access on assistant-openai: SAI-MOD-02,SAI-NET-02",
  "azure-cognitiveservices-account-require-cmk on assistant-openai: SAI-ENC-01,SAI-MOD-01",
  "gcp-vertex-endpoint-require-cmek on chat-endpoint: SAI-ENC-01,SAI-MOD-01",
  "gcp-vertex-endpoint-require-private-access on chat-endpoint: SAI-MOD-02,SAI-NET-02",
];

/** Advisory stack-level findings: the account and project services a hand-written stack forgets. */
const EXPECTED_ADVISORY_POLICIES = [
  "aws-cloudtrail-account-require-trail",
  "aws-guardduty-account-require-detector",
  "aws-securityhub-account-require-enabled",
  "azure-security-pricing-require-defender-plans",
  "azure-securityinsights-onboarding-require-sentinel",
  "gcp-logging-sink-require-export",
  "gcp-projects-auditconfig-require-data-access-logs",
];

function describeFinding(finding: ReportFinding): string {
  return `${finding.policy} on ${nameOf(finding.urn)}: ${[...finding.controls].sort().join(",")}`;
}

describe("example insecure-baseline", () => {
  let run: CheckRun | undefined;
  const findings = (): ReportFinding[] => {
    if (run === undefined) throw new Error("the check did not run");
    return run.report.stacks.flatMap((stack) => stack.findings);
  };
  beforeAll(() => {
    run = checkExample("insecure-baseline");
  }, CHECK_TIMEOUT_MS);

  it("fails secure-ai check with exit 1", () => {
    expect(run?.code, run?.stderr).toBe(1);
    expect(run?.report.summary.mandatoryViolations).toBeGreaterThanOrEqual(EXPECTED_MANDATORY.length);
  });

  it("reports every deliberate weakness as a mandatory finding, by policy, resource and control ID", () => {
    const mandatory = findings().filter((finding) => finding.enforcementLevel === "mandatory");
    expect([...new Set(mandatory.map(describeFinding))].sort()).toEqual(EXPECTED_MANDATORY);
  });

  it("adds the advisory findings for the account-level services the stack lacks", () => {
    const advisory = findings().filter((finding) => finding.enforcementLevel === "advisory");
    for (const policy of EXPECTED_ADVISORY_POLICIES) {
      expect(advisory.map((finding) => finding.policy)).toContain(policy);
    }
  });

  it("names what is wrong in each message", () => {
    const byPolicy = (policy: string) =>
      findings().find((finding) => finding.policy === policy)?.message ?? "";
    expect(byPolicy("aws-kms-key-require-rotation")).toMatch(/rotation/i);
    expect(byPolicy("aws-ec2-securitygroup-disallow-public-ingress")).toMatch(/0\.0\.0\.0\/0.*22/);
    expect(byPolicy("azure-cognitiveservices-account-disallow-public-network-access")).toMatch(
      /publicNetworkAccess/,
    );
  });
});
