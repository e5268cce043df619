import { describe, expect, it } from "vitest";
import { renderText } from "../../../preflight/report";
import { EVIL_URN, fixtureReport } from "./fixture";

describe("renderText", () => {
  const data = fixtureReport();
  const text = (): string => renderText(data);

  it("groups findings under their resource, the policy and its controls on one line, then what it said", () => {
    const lines = renderText(data).split("\n");
    const heading = lines.findIndex((line) => line.startsWith("  chat-datasets  aws.kms.Key"));
    expect(heading).toBeGreaterThan(-1);
    expect(lines[heading + 1]).toMatch(/^\s+MANDATORY high\s+aws-kms-key-require-rotation\s+SAI-ENC-03$/);
    expect(lines[heading + 2]).toBe("      Checks aws-kms-key-require-rotation.");
    expect(lines[heading + 3]).toBe("      - enableKeyRotation must be true");
    expect(lines.filter((line) => line.includes("(the whole stack)"))).toHaveLength(1);
    expect(text()).toMatch(/violated \(\d+\): .*SAI-ENC-03/);
  });

  it("prints a policy's description once, however many resources it reports", () => {
    const twice = fixtureReport();
    const stack = twice.stacks[0]!;
    const first = stack.findings.find((finding) => finding.policy === "aws-kms-key-require-rotation")!;
    stack.findings.push({ ...first, urn: EVIL_URN, details: ["another key without rotation"] });
    const rendered = renderText(twice);
    expect(rendered.split("Checks aws-kms-key-require-rotation.").length - 1).toBe(1);
    expect(rendered).toContain("- another key without rotation");
  });

  it("keeps every line within 100 columns, wrapping long messages and cutting long URNs", () => {
    const long = fixtureReport();
    const finding = long.stacks[0]!.findings[0]!;
    finding.details = [`${"word ".repeat(80)}urn:pulumi:prod::demo::${"x".repeat(240)}`];
    long.programDir = `/${"deep/".repeat(40)}program`;
    const lines = renderText(long).split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(lines.join("").replace(/\s+/g, "")).toContain("x".repeat(240).slice(0, 80));
  });

  it("ends with a summary table and the verdict", () => {
    const text = renderText(data);
    expect(text).toMatch(/Stack\s+Resources\s+Satisfied\s+Violated\s+Waived\s+Unverified\s+Gap\s+N\/A\s+Mandatory\s+Advisory/);
    expect(text).toMatch(/\n\s+prod\s+4\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+2\s+1\n/);
    expect(text.trimEnd().split("\n").pop()).toBe("FAIL: 2 mandatory violations");
  });

  it("uses colour only when asked", () => {
    expect(renderText(data)).not.toContain("\u001b[");
    expect(renderText(data, { color: true })).toContain("\u001b[31m");
  });

  it("strips terminal control sequences that come from the program", () => {
    const hostile = fixtureReport();
    hostile.stacks[0]!.findings[0]!.details = ["ok\u001b[2J\u001b]0;pwned\u0007 done"];
    hostile.stacks[0]!.resources[2]!.name = "key\u001b]0;title\u0007";
    const text = renderText(hostile);
    expect(text).toContain("ok[2J]0;pwned done");
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("\u0007");
  });
});
