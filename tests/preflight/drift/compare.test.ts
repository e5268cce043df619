import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CliUsageError } from "../../../preflight/cli/usage-error";
import { compareWithBaseline } from "../../../preflight/drift/compare";
import { readBaseline } from "../../../preflight/drift/read-baseline";
import type { ReportData } from "../../../preflight/report/report-data";

const STACK_URN = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";
const BUCKET = "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::data";
const KEY = "urn:pulumi:prod::shop::aws:kms/key:Key::data";
const QUEUE = "urn:pulumi:prod::shop::aws:sqs/queue:Queue::jobs";

interface FindingSpec {
  urn: string;
  policy: string;
  waived?: boolean;
}

function finding(spec: FindingSpec) {
  return {
    urn: spec.urn,
    policy: spec.policy,
    policyPack: "secure-ai",
    controls: ["SAI-ENC-01"],
    severity: "high",
    enforcementLevel: "mandatory",
    message: `${spec.policy} says no`,
    waived: spec.waived === true,
  };
}

/** The report.json of an earlier run, as render-json writes it (the fields a baseline reads). */
function writeBaseline(
  stacks: { stack: string; findings: FindingSpec[]; controls: [string, string][]; resources: string[] }[],
): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-baseline-")), "report.json");
  const document = {
    tool: { name: "secure-ai audit", version: "0.1.0" },
    generatedAt: "2026-11-24T06:00:00.000Z",
    stacks: stacks.map((stack) => ({
      stack: stack.stack,
      project: "shop",
      resources: stack.resources.map((urn) => ({ urn })),
      findings: stack.findings.map(finding),
      controls: stack.controls.map(([id, status]) => ({ id, status })),
    })),
  };
  fs.writeFileSync(file, JSON.stringify(document));
  return file;
}

function report(
  stacks: {
    stack: string;
    findings: FindingSpec[];
    controls: [string, string][];
    resources: string[];
    waivers?: { control: string; reason: string; expires?: string }[];
  }[],
): ReportData {
  return {
    generatedAt: "2026-12-01T06:00:00.000Z",
    stacks: stacks.map((stack) => ({
      stack: stack.stack,
      project: "shop",
      stackUrn: STACK_URN.replace("prod", stack.stack),
      resources: stack.resources.map((urn) => ({ urn })),
      findings: stack.findings.map(finding),
      evidence: {
        controls: stack.controls.map(([id, status]) => ({
          id,
          status,
          waivers: id === "SAI-ENC-01" ? (stack.waivers ?? []) : [],
        })),
      },
    })),
  } as unknown as ReportData;
}

describe("compareWithBaseline", () => {
  it("classifies every finding and control change between the baseline and this run", () => {
    const baseline = readBaseline(
      writeBaseline([
        {
          stack: "prod",
          resources: [STACK_URN, BUCKET, KEY, QUEUE],
          findings: [
            { urn: BUCKET, policy: "bucket-cmk" },
            { urn: KEY, policy: "key-rotation" },
            { urn: QUEUE, policy: "queue-cmk" },
            { urn: BUCKET, policy: "bucket-versioning", waived: true },
            { urn: BUCKET, policy: "bucket-tls" },
          ],
          controls: [
            ["SAI-ENC-01", "violated"],
            ["SAI-ENC-04", "violated"],
          ],
        },
        { stack: "staging", resources: [], findings: [{ urn: BUCKET, policy: "bucket-cmk" }], controls: [] },
      ]),
    );
    const data = report([
      {
        stack: "prod",
        resources: [STACK_URN, BUCKET, KEY],
        findings: [
          { urn: BUCKET, policy: "bucket-cmk" },
          { urn: KEY, policy: "key-policy" },
          { urn: BUCKET, policy: "bucket-versioning" },
          { urn: BUCKET, policy: "bucket-tls", waived: true },
        ],
        controls: [
          ["SAI-ENC-01", "violated"],
          ["SAI-ENC-04", "satisfied"],
        ],
        waivers: [
          { control: "SAI-ENC-01", reason: "migration", expires: "2026-11-30" },
          { control: "SAI-ENC-01", reason: "old", expires: "2026-01-01" },
          { control: "SAI-ENC-01", reason: "later", expires: "2027-06-01" },
        ],
      },
      { stack: "dev", resources: [], findings: [{ urn: QUEUE, policy: "queue-cmk" }], controls: [] },
    ]);
    const drift = compareWithBaseline(baseline, data);
    expect(drift.baseline).toEqual({
      file: baseline.file,
      generatedAt: "2026-11-24T06:00:00.000Z",
      tool: "secure-ai audit",
    });
    const [prod, dev] = drift.stacks;
    expect(prod!.findings.map((f) => [f.change, f.policy, f.resourceRemoved === true])).toEqual([
      ["new", "key-policy", false],
      ["waiver-ended", "bucket-versioning", false],
      ["open", "bucket-cmk", false],
      ["newly-waived", "bucket-tls", false],
      ["fixed", "key-rotation", false],
      ["fixed", "queue-cmk", true],
    ]);
    expect(prod!.controls).toEqual([{ id: "SAI-ENC-04", before: "violated", after: "satisfied" }]);
    expect(prod!.expiredWaivers).toEqual([
      { control: "SAI-ENC-01", reason: "migration", expires: "2026-11-30" },
    ]);
    expect(dev).toMatchObject({ inBaseline: false, controls: [] });
    expect(dev!.findings.map((f) => f.change)).toEqual(["new"]);
    // A baseline stack this run did not assess is neither fixed nor open.
    expect(drift.notAssessed).toEqual([{ stack: "staging", project: "shop" }]);
    expect(drift.summary).toEqual({
      new: 2,
      fixed: 2,
      open: 1,
      newlyWaived: 1,
      waiverEnded: 1,
      expiredWaivers: 1,
      controlsChanged: 1,
    });
  });

  it("counts a finding several policies reported once per policy", () => {
    const baseline = readBaseline(
      writeBaseline([{ stack: "prod", resources: [BUCKET], findings: [], controls: [] }]),
    );
    const data = report([{ stack: "prod", resources: [BUCKET], findings: [], controls: [] }]);
    (data.stacks[0]!.findings as unknown[]).push({
      ...finding({ urn: BUCKET, policy: "a" }),
      policies: ["a", "b"],
    });
    expect(compareWithBaseline(baseline, data).stacks[0]!.findings.map((f) => f.policy)).toEqual(["a", "b"]);
  });
});

describe("readBaseline", () => {
  it.each([
    ["not JSON", "{", "is not a JSON report ("],
    ["not a report", "[]", "is not a secure-ai report.json (no generatedAt and stacks)"],
    ["a state file", JSON.stringify({ version: 3, deployment: {} }), "is not a secure-ai report.json"],
    [
      "a stack without a name",
      JSON.stringify({ generatedAt: "x", stacks: [{}] }),
      "stacks[0] has no stack name.",
    ],
  ])("rejects %s with a usage error naming the file", (_name, text, message) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-baseline-")), "report.json");
    fs.writeFileSync(file, text);
    expect(() => readBaseline(file)).toThrow(CliUsageError);
    expect(() => readBaseline(file)).toThrow(`--baseline ${file}`);
    expect(() => readBaseline(file)).toThrow(message);
  });
});
