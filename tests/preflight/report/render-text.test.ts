import { describe, expect, it } from "vitest";
import { renderText } from "../../../preflight/report";
import { fixtureReport } from "./fixture";

describe("renderText", () => {
  const data = fixtureReport();

  it("groups findings under their control, one line per finding", () => {
    const lines = renderText(data).split("\n");
    const heading = lines.findIndex((line) => line.trim().startsWith("SAI-ENC-03 "));
    expect(heading).toBeGreaterThan(-1);
    expect(lines[heading]).toContain("[violated]");
    expect(lines[heading + 1]).toMatch(/^\s+MANDATORY high\s+aws-kms-key-require-rotation\s+aws:kms\/key:Key::chat-datasets: enableKeyRotation must be true$/);
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
    hostile.stacks[0]!.findings[0]!.message = "ok\u001b[2J\u001b]0;pwned\u0007 done";
    const text = renderText(hostile);
    expect(text).not.toContain("\u001b");
    expect(text).not.toContain("\u0007");
  });
});
