/**
 * `secure-ai audit` end to end, with the real engine, analyzer and pack: the state files of the bundled stacks
 * (exported from the update pass, as `pulumi stack export --show-secrets` would after `pulumi up`) give the
 * same control statuses and findings as `secure-ai check --mode update` on their program; a planted drift shows
 * as new and fixed findings against a baseline; a damaged state exits 2 naming the problem and writes nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deploymentFromRun } from "../../../preflight/audit/export-state";
import { runCli } from "../../../preflight/cli/main";
import { defaultStages } from "../../../preflight/cli/stages";
import type { StackRun } from "../../../preflight/model";
import { describeErrors, validateAssessmentResults } from "../oscal/schema-validator";

const ROOT = path.resolve(__dirname, "../../..");
const STACKS = ["aws-prod", "gcp-prod", "azure-prod"];
const FIXTURE_STATES = path.join(ROOT, "tests", "fixtures", "states");
const TIMEOUT_MS = 600_000;

interface JsonReport {
  tool: { name: string };
  stateFiles?: string[];
  stacks: {
    stack: string;
    findings: { policy: string; urn: string; enforcementLevel: string }[];
    controls: { id: string; status: string }[];
    unexamined: { urn: string; reason: string }[];
  }[];
  summary: { mandatoryViolations: number };
  drift?: {
    summary: Record<string, number>;
    stacks: { findings: { change: string; policy: string; urn: string }[]; controls: { id: string }[] }[];
  };
}

function sink(): { write(text: string): boolean; text: () => string } {
  let written = "";
  return {
    write(text: string) {
      written += text;
      return true;
    },
    text: () => written,
  };
}

async function cli(argv: string[], runs?: Map<string, StackRun>) {
  const stdout = sink();
  const stderr = sink();
  const stages =
    runs === undefined
      ? defaultStages
      : { ...defaultStages, runStack: async (args: { stack?: string }) => runs.get(args.stack ?? "")! };
  const code = await runCli(argv, { stdout, stderr, stages, env: { NO_COLOR: "1" }, cwd: ROOT });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function readReport(dir: string): JsonReport {
  return JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as JsonReport;
}

function tmp(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `secure-ai-audit-${name}-`));
}

describe("secure-ai audit of the bundled stacks", () => {
  const runs = new Map<string, StackRun>();
  const stateFiles: string[] = [];

  beforeAll(async () => {
    const dir = tmp("states");
    for (const stack of STACKS) {
      const run = await defaultStages.runStack({ programDir: ROOT, stack, mode: "update" });
      runs.set(stack, run);
      const file = path.join(dir, `${stack}.json`);
      const deployment = deploymentFromRun(run, {
        providerVersions: { aws: "7.48.0", gcp: "9.37.0", "azure-native": "3.28.0" },
        stackConfig: defaultStages.stackConfig(ROOT, stack),
      });
      fs.writeFileSync(file, JSON.stringify(deployment, null, 4));
      stateFiles.push(file);
    }
  }, TIMEOUT_MS);

  it(
    "gives the control statuses, findings and exit code of the update pass of secure-ai check on the program",
    async () => {
      const checkOut = tmp("check");
      const auditOut = tmp("audit");
      const check = await cli(
        ["check", "--mode", "update", "--format", "json", "--out", checkOut, "--quiet"],
        runs,
      );
      const audit = await cli([
        "audit",
        ...stateFiles.flatMap((file) => ["--state", file]),
        "--format",
        "json",
        "--out",
        auditOut,
        "--quiet",
      ]);
      expect(audit.stderr).toBe("");
      expect(audit.code).toBe(check.code);
      const checked = readReport(checkOut);
      const audited = readReport(auditOut);
      expect(audited.tool.name).toBe("secure-ai audit");
      expect(audited.stateFiles).toEqual(stateFiles);
      expect(audited.stacks.map((stack) => stack.stack)).toEqual(STACKS);
      expect(checked.stacks.map((stack) => stack.stack).sort()).toEqual([...STACKS].sort());
      for (const stack of audited.stacks) {
        const expected = checked.stacks.find((entry) => entry.stack === stack.stack)!;
        expect(stack.controls.map((c) => [c.id, c.status])).toEqual(
          expected.controls.map((c) => [c.id, c.status]),
        );
        expect(stack.findings.map((f) => [f.policy, f.urn]).sort()).toEqual(
          expected.findings.map((f) => [f.policy, f.urn]).sort(),
        );
        // The state adds the default providers the engine registers, which no policy concerns.
        expect(stack.unexamined.filter((entry) => !entry.urn.includes("::pulumi:providers:"))).toEqual(
          expected.unexamined,
        );
        expect(stack.controls.filter((c) => c.status === "satisfied").length).toBeGreaterThan(10);
      }
      const oscal = JSON.parse(fs.readFileSync(path.join(auditOut, "report.oscal.json"), "utf8")) as unknown;
      const valid = validateAssessmentResults(oscal);
      expect(valid, describeErrors(validateAssessmentResults.errors)).toBe(true);
    },
    TIMEOUT_MS,
  );
});

describe("secure-ai audit: drift against a baseline", () => {
  it(
    "shows a fixed and a new finding, and the ones still open, in JSON, text and Markdown",
    async () => {
      const baselineOut = tmp("baseline");
      const source = path.join(FIXTURE_STATES, "insecure-baseline-dev.json");
      const first = await cli([
        "audit",
        "--state",
        source,
        "--format",
        "json",
        "--out",
        baselineOut,
        "--quiet",
      ]);
      expect(first.code).toBe(1);
      const state = JSON.parse(fs.readFileSync(source, "utf8")) as {
        deployment: { resources: Record<string, unknown>[] };
      };
      const resources = state.deployment.resources;
      const keyIndex = resources.findIndex((resource) => resource["type"] === "aws:kms/key:Key");
      const key = resources[keyIndex] as {
        urn: string;
        inputs: Record<string, unknown>;
        outputs: Record<string, unknown>;
      };
      // Fixed since the baseline: the key now rotates. New: a second key that does not.
      const rotating = { enableKeyRotation: true, rotationPeriodInDays: 90 };
      const fixedKey = {
        ...key,
        inputs: { ...key.inputs, ...rotating },
        outputs: { ...key.outputs, ...rotating },
      };
      const lateKey = {
        ...key,
        urn: key.urn.replace(/::model-artifacts$/, "::late-key"),
        id: "9d8c7b6a-0000-4000-8000-000000000001",
      };
      resources.splice(keyIndex, 1, fixedKey, lateKey);
      const drifted = path.join(tmp("drifted"), "state.json");
      fs.writeFileSync(drifted, JSON.stringify(state, null, 4));
      const out = tmp("drift-out");
      const second = await cli([
        "audit",
        "--state",
        drifted,
        "--baseline",
        path.join(baselineOut, "report.json"),
        "--out",
        out,
        "--quiet",
      ]);
      expect(second.code).toBe(1);
      const drift = readReport(out).drift!;
      const changes = drift.stacks[0]!.findings.map((finding) => [
        finding.change,
        finding.policy,
        finding.urn.split("::").pop(),
      ]);
      expect(changes).toContainEqual(["new", "aws-kms-key-require-rotation", "late-key"]);
      expect(changes).toContainEqual(["fixed", "aws-kms-key-require-rotation", "model-artifacts"]);
      expect(changes).toContainEqual([
        "open",
        "aws-ec2-securitygroup-disallow-public-ingress",
        "training-ssh",
      ]);
      expect(drift.summary["new"]).toBe(changes.filter(([change]) => change === "new").length);
      expect(drift.summary["fixed"]).toBe(changes.filter(([change]) => change === "fixed").length);
      expect(second.stdout).toMatch(/Since \S+ \(secure-ai audit\): \d+ new, \d+ fixed, \d+ still open/);
      expect(second.stdout).toContain("    fixed: aws-kms-key-require-rotation on");
      expect(fs.readFileSync(path.join(out, "report.md"), "utf8")).toContain("## Since the baseline");
    },
    TIMEOUT_MS,
  );
});

describe("secure-ai audit: state files it cannot read", () => {
  it("exits 2 with one line naming the file and the problem, and leaves no report", async () => {
    const dir = tmp("damaged");
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, JSON.stringify({ version: 4, deployment: {} }));
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "report.json"), "{}");
    const result = await cli(["audit", "--state", file, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(
      `secure-ai audit: State file ${file}: has version 4; secure-ai audit reads deployment version 3, what \`pulumi stack export\` writes (Pulumi CLI 3).`,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("exits 2 for two files of the same stack, before any pack runs", async () => {
    const source = path.join(FIXTURE_STATES, "insecure-baseline-dev.json");
    const copy = path.join(tmp("copy"), "again.json");
    fs.copyFileSync(source, copy);
    const result = await cli(["audit", "--state", source, "--state", copy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--state ${copy} holds stack insecure-baseline/dev, as does --state ${source}`,
    );
  });
});
