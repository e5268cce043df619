/**
 * Waivers an auditor must see: those past their expiry and those that match nothing (no resource, or no
 * finding of their policy on what they match), in the data and in every report.
 */
import { describe, expect, it } from "vitest";
import { configuredWaivers, waiverProblems } from "../../../preflight/evidence/waiver-status";
import { buildReportData, renderHtml, renderJson, renderMarkdown, renderText } from "../../../preflight/report";
import { fixtureExaminations, fixtureFindings, fixturePacks, fixtureRun, KEY_URN, PROGRAM_DIR } from "./fixture";
import { controlCatalog } from "../../../components/controls";

const NOW = new Date("2030-01-01T00:00:00.000Z");
const CONFIG = {
  "aws-kms-key-require-rotation": {
    properties: {
      waivers: [
        { resource: "chat-datasets", reason: "Rotation moves to the HSM team next quarter", expires: "2029-12-31" },
        { resource: "old-*", reason: "Keys of the retired pipeline rotate by hand", expires: "2031-01-01" },
      ],
    },
  },
  "aws-kms-key-limit-deletion-window": {
    properties: { waivers: [{ resource: KEY_URN, reason: "A long window for the audit archive key", expires: "2031-01-01" }] },
  },
  "aws-s3-bucket-require-cmk-encryption": {
    properties: { waivers: [{ resource: "<script>*", reason: "Vendor bucket with its own key management", expires: "2031-01-01" }] },
  },
};

describe("waiverProblems", () => {
  const stack = { stack: "prod", resources: fixtureRun().resources, findings: fixtureFindings() };
  const problems = waiverProblems(configuredWaivers("secure-ai", CONFIG), [stack], NOW);

  it("lists a waiver past its expiry day as expired", () => {
    expect(problems.find((problem) => problem.resource === "chat-datasets")).toMatchObject({
      state: "expired",
      policy: "aws-kms-key-require-rotation",
      detail: expect.stringContaining("expired on 2029-12-31"),
    });
  });

  it("lists a waiver that matches no resource, and one whose policy reported nothing on what it matches", () => {
    expect(problems.find((problem) => problem.resource === "old-*")).toMatchObject({
      state: "stale",
      detail: expect.stringContaining("matches no resource"),
    });
    expect(problems.find((problem) => problem.policy === "aws-kms-key-limit-deletion-window")).toMatchObject({
      state: "stale",
      detail: expect.stringContaining("reported nothing"),
    });
  });

  it("leaves out a waiver in use (its policy reported a finding on a resource it matches)", () => {
    expect(problems.map((problem) => problem.policy)).not.toContain("aws-s3-bucket-require-cmk-encryption");
    expect(problems).toHaveLength(3);
  });

  it("is the last day inclusive: a waiver expiring today still applies", () => {
    const today = configuredWaivers("secure-ai", {
      "aws-s3-bucket-require-cmk-encryption": {
        properties: { waivers: [{ resource: "<script>*", reason: "Vendor bucket with its own keys", expires: "2030-01-01" }] },
      },
    });
    expect(waiverProblems(today, [stack], new Date("2030-01-01T23:00:00.000Z"))).toEqual([]);
  });
});

describe("the reports list the waivers to review", () => {
  const data = buildReportData({
    stacks: [{ run: fixtureRun(), findings: fixtureFindings(), examinations: fixtureExaminations(), passes: ["update"] }],
    packs: fixturePacks,
    catalog: controlCatalog,
    tool: { name: "secure-ai check", version: "0.1.0", informationUri: "https://example.com" },
    generatedAt: NOW.toISOString(),
    programDir: PROGRAM_DIR,
    policyConfigs: [{ pack: "secure-ai", config: CONFIG }],
  });

  it("in JSON, text, Markdown and HTML", () => {
    const json = JSON.parse(renderJson(data)) as { waiverProblems: { state: string; resource: string }[] };
    expect(json.waiverProblems.map((problem) => `${problem.state} ${problem.resource}`)).toEqual([
      "expired chat-datasets",
      "stale old-*",
      `stale ${KEY_URN}`,
    ]);
    const text = renderText(data);
    expect(text).toContain("Waivers to review (3)");
    expect(text).toMatch(/expired: aws-kms-key-require-rotation on "chat-datasets"/);
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(renderMarkdown(data)).toContain("## Waivers to review");
    expect(renderHtml(data)).toMatch(/<table id="waiver-problems">[\s\S]*matches nothing[\s\S]*<\/table>/);
  });
});
