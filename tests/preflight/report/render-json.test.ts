import { describe, expect, it } from "vitest";
import { renderJson } from "../../../preflight/report";
import { EVIL_URN, fixtureReport, KEY_URN, STACK_URN } from "./fixture";

interface JsonReport {
  stacks: {
    stack: string;
    resources: { urn: string; type: string; inputs: Record<string, unknown> }[];
    findings: { policy: string; controls: string[]; severity: string; enforcementLevel: string; urn: string; message: string }[];
  }[];
  summary: { mandatoryViolations: number };
}

const report = JSON.parse(renderJson(fixtureReport())) as JsonReport;

describe("renderJson (the public contract)", () => {
  it("has the contract's shape", () => {
    expect(report.stacks).toHaveLength(1);
    const [stack] = report.stacks;
    expect(stack!.stack).toBe("prod");
    for (const resource of stack!.resources) {
      expect(Object.keys(resource)).toEqual(expect.arrayContaining(["urn", "type", "inputs"]));
    }
    for (const finding of stack!.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(["policy", "controls", "severity", "enforcementLevel", "urn", "message"]),
      );
      expect(typeof finding.urn).toBe("string");
      expect(Array.isArray(finding.controls)).toBe(true);
    }
  });

  it("gives each finding every policy that reported it, its messages and related resources, and each resource its declaration", () => {
    const raw = JSON.parse(renderJson(fixtureReport())) as {
      stacks: {
        resources: { urn: string; source?: { file: string; line: number; column: number } }[];
        findings: { policy: string; policies: string[]; details: string[]; related: string[]; urn: string }[];
      }[];
    };
    const rotation = raw.stacks[0]!.findings.find((finding) => finding.policy === "aws-kms-key-require-rotation")!;
    expect(rotation).toMatchObject({ policies: ["aws-kms-key-require-rotation"], details: ["enableKeyRotation must be true"], related: [] });
    const key = raw.stacks[0]!.resources.find((resource) => resource.urn === KEY_URN)!;
    expect(key.source).toEqual({ file: expect.stringContaining("node_modules/secure-ai-platform/components/aws/keys.ts"), line: 40, column: 5 });
  });

  it("counts the unwaived mandatory findings", () => {
    expect(report.summary.mandatoryViolations).toBe(2);
  });

  it("prints unknown inputs as [unknown] and secrets as [secret]", () => {
    const key = report.stacks[0]!.resources.find((resource) => resource.urn === KEY_URN);
    expect(key).toEqual(
      expect.objectContaining({
        type: "aws:kms/key:Key",
        inputs: {
          description: "Datasets key",
          enableKeyRotation: false,
          policy: "[unknown]",
          tags: { owner: "a | b ` c\n| --- | injected |" },
        },
      }),
    );
    const bucket = report.stacks[0]!.resources.find((resource) => resource.urn === EVIL_URN);
    expect(bucket!.inputs).toEqual({
      bucket: '<img src=x onerror="alert(2)">',
      password: "[secret]",
      nested: ["[secret]"],
      kmsKeyId: "[unknown]",
    });
  });

  it("attributes a stack-level finding to the stack's URN", () => {
    const finding = report.stacks[0]!.findings.find((entry) => entry.policy === "aws-guardduty-account-require-detector");
    expect(finding).toMatchObject({ urn: STACK_URN, enforcementLevel: "mandatory", severity: "critical", controls: ["SAI-DET-01"] });
  });

  it("redacts a secret that a policy message repeats", () => {
    const finding = report.stacks[0]!.findings.find((entry) => entry.policy === "aws-s3-bucket-require-cmk-encryption");
    expect(finding!.message).toContain("leaks [secret]");
  });
});
