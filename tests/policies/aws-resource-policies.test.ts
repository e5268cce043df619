import { describe, expect, it } from "vitest";
import { resourceCases } from "./fixtures";
import { analyzeResource, UNKNOWN } from "./harness";

/** What a passing resource answers: nothing, or (when some input is unknown) the unknown-inputs signal. */
function passingAnswer(props: Record<string, unknown>): string[] {
  return JSON.stringify(props).includes(UNKNOWN) ? [expect.stringMatching(/^unknown-inputs: /) as never] : [];
}
import { resourcePolicy } from "./pack";

describe.each(resourceCases.map((entry) => [`${entry.policy} on ${entry.type}`, entry] as const))(
  "%s",
  (_title, entry) => {
    const policy = resourcePolicy(entry.policy);

    it("passes the compliant baseline", async () => {
      const result = await analyzeResource(policy, {
        type: entry.type,
        name: "baseline",
        props: entry.baseline,
      });
      expect(result.findings).toEqual([]);
      expect(result.notApplicable).toEqual(passingAnswer(entry.baseline));
    });

    it.each((entry.compliant ?? []).map((compliant) => [compliant.name, compliant] as const))(
      "accepts %s",
      async (_name, compliant) => {
        const result = await analyzeResource(policy, {
          type: entry.type,
          name: "good",
          props: compliant.props,
        });
        expect(result.findings).toEqual([]);
        expect(result.notApplicable).toEqual(passingAnswer(compliant.props));
      },
    );

    it.each(entry.negatives.map((negative) => [negative.name, negative] as const))(
      "flags %s",
      async (_name, negative) => {
        const result = await analyzeResource(policy, {
          type: entry.type,
          name: "bad",
          props: negative.props,
        });
        expect(result.findings.length).toBeGreaterThan(0);
        expect(result.findings.every((finding) => finding.policy === entry.policy)).toBe(true);
        expect(result.findings.every((finding) => finding.enforcementLevel === policy.enforcementLevel)).toBe(
          true,
        );
        expect(result.findings.map((finding) => finding.message).join("\n")).toContain(negative.expect);
      },
    );
  },
);

describe("type filtering", () => {
  it("reports other resource types as not applicable without running the policy", async () => {
    const result = await analyzeResource(resourcePolicy("aws-kms-key-require-rotation"), {
      type: "aws:s3/bucket:Bucket",
      name: "other",
      props: { enableKeyRotation: false },
    });
    expect(result.findings).toEqual([]);
    expect(result.notApplicable).toEqual(["Policy only applies to resources of type 'aws:kms/key:Key'"]);
  });

  it("checks both listener type tokens and marks others not applicable", async () => {
    const policy = resourcePolicy("aws-lb-listener-require-tls13");
    const alb = await analyzeResource(policy, {
      type: "aws:alb/listener:Listener",
      name: "l",
      props: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" },
    });
    expect(alb.findings).toHaveLength(1);
    const other = await analyzeResource(policy, { type: "aws:ec2/vpc:Vpc", name: "v", props: {} });
    expect(other.findings).toEqual([]);
    expect(other.notApplicable).toHaveLength(1);
  });

  it("accepts an HTTP listener that only redirects to HTTPS", async () => {
    const result = await analyzeResource(resourcePolicy("aws-lb-listener-require-tls13"), {
      type: "aws:lb/listener:Listener",
      name: "redirect",
      props: {
        protocol: "HTTP",
        port: 80,
        defaultActions: [
          { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ],
      },
    });
    expect(result.findings).toEqual([]);
  });
});
