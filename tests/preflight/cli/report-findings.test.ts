/**
 * The reports of one real run (engine, secure-ai pack, every format written with --out) on a program with one
 * S3 public-access problem that two policies report five times: one finding that names both policies, SARIF
 * results at the program's own lines, a text report within 100 columns.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const PROGRAM = path.join(ROOT, "tests", "fixtures", "programs", "s3-public-access");
const TIMEOUT_MS = 240_000;

interface JsonFinding {
  policy: string;
  policies: string[];
  controls: string[];
  enforcementLevel: string;
  urn: string;
  details: string[];
  related: string[];
}

interface SarifResult {
  ruleId: string;
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { fullyQualifiedName: string }[];
  }[];
  relatedLocations?: { physicalLocation: { region: { startLine: number } } }[];
}

let out = "";
let code: number | null = null;
let stderr = "";

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-report-findings-"));
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "secure-ai.js"), "check", "--program", PROGRAM, "--out", out],
    { cwd: ROOT, encoding: "utf8", timeout: TIMEOUT_MS, env: { ...process.env, NO_COLOR: "1" } },
  );
  code = result.status;
  stderr = result.stderr;
}, TIMEOUT_MS);

const read = (name: string): string => fs.readFileSync(path.join(out, name), "utf8");

describe("reports of a real run", () => {
  it("make one finding of the public-access problem, naming both policies and every message", () => {
    expect(code, stderr).toBe(1);
    const report = JSON.parse(read("report.json")) as { stacks: { findings: JsonFinding[] }[] };
    const publicAccess = report.stacks[0]!.findings.filter((finding) =>
      finding.policies.some(
        (policy) => policy.includes("public-access") || policy.includes("publicaccessblock"),
      ),
    );
    expect(publicAccess).toHaveLength(1);
    const [finding] = publicAccess as [JsonFinding];
    expect(finding.enforcementLevel).toBe("mandatory");
    expect(finding.urn).toMatch(/aws:s3\/bucket:Bucket::open-data$/);
    expect(finding.related).toEqual([expect.stringMatching(/BucketPublicAccessBlock::open-data-pab$/)]);
    expect([...finding.policies].sort()).toEqual([
      "aws-s3-bucket-require-public-access-block",
      "aws-s3-bucketpublicaccessblock-require-all-blocked",
    ]);
    expect(finding.controls).toEqual(expect.arrayContaining(["SAI-NET-02", "SAI-MOD-01"]));
    expect(finding.details).toHaveLength(5);
  });

  it("locate SARIF results at the line of the program that declares the resource", () => {
    const log = JSON.parse(read("report.sarif")) as { runs: { results: SarifResult[] }[] };
    const result = log.runs[0]!.results.find(
      (entry) => entry.ruleId === "aws-s3-bucket-require-public-access-block",
    )!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe("index.ts");
    expect(result.locations[0]!.physicalLocation.region.startLine).toBe(5);
    expect(result.relatedLocations?.[0]?.physicalLocation.region.startLine).toBe(6);
  });

  it("write a text report grouped by resource, every line within 100 columns", () => {
    const text = read("report.txt");
    const lines = text.split("\n");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(lines).toContain("  open-data  aws.s3.Bucket  index.ts:5");
    expect(text.split("Every S3 bucket has an").length - 1).toBe(1);
  });
});

describe("a run with waivers in --policy-config", () => {
  it(
    "lists the expired waiver and those that match nothing in every report, and not the one in use",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-report-waivers-"));
      const result = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "bin", "secure-ai.js"),
          "check",
          "--program",
          PROGRAM,
          "--policy-config",
          path.join(PROGRAM, "policy-config.waivers.json"),
          "--out",
          dir,
        ],
        { cwd: ROOT, encoding: "utf8", timeout: TIMEOUT_MS, env: { ...process.env, NO_COLOR: "1" } },
      );
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as {
        waiverProblems: { state: string; policy: string; resource: string }[];
      };
      expect(
        report.waiverProblems
          .map((problem) => `${problem.state} ${problem.policy} ${problem.resource}`)
          .sort(),
      ).toEqual([
        "expired aws-s3-bucket-require-versioning open-data",
        "stale aws-kms-key-require-rotation retired-key-*",
        "stale aws-s3-bucket-disallow-force-destroy open-data",
      ]);
      const text = fs.readFileSync(path.join(dir, "report.txt"), "utf8");
      expect(text).toContain("Waivers to review (3)");
      expect(fs.readFileSync(path.join(dir, "report.md"), "utf8")).toContain("## Waivers to review");
      expect(fs.readFileSync(path.join(dir, "report.html"), "utf8")).toContain(
        '<table id="waiver-problems">',
      );
    },
    TIMEOUT_MS,
  );
});
